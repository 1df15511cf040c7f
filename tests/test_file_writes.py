"""Every command and function that writes a file: no silent overwrite, atomic writes (issue 14).

The command line refuses to replace an existing file unless given ``--force`` (``start``,
``import-versions``, ``convert``, ``diff --output``); ``amend`` rewrites its history in place
by design, and only after the amendment applied. :func:`legaldocs.dump` replaces its target
by design (a library call names where to write, as ``Path.write_text`` does). Every write is
atomic: a failure at any point leaves the old file whole and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from legaldocs import FileError, History, dump, load, parse_text
from legaldocs._templates import template
from legaldocs.cli import main

ROOT = Path(__file__).resolve().parents[1]
CLINIC = ROOT / "examples" / "clinic"
POLICY = CLINIC / "privacy-policy.txt"
TERMS = CLINIC / "terms-of-use.txt"


def _cli(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv], out=out)
    return code, out.getvalue(), err.getvalue()


def _versions_folder(tmp: Path) -> Path:
    folder = tmp / "versions"
    folder.mkdir(exist_ok=True)
    (folder / "v1.txt").write_bytes(POLICY.read_bytes())
    (folder / "versions.tsv").write_text("file\tdate\nv1.txt\t2021-02-25\n", encoding="utf-8")
    return folder


# (name, the command writing {out}, the file name it writes)
WRITERS: dict[str, tuple[Callable[[Path], list[object]], str]] = {
    "start": (lambda t: ["start", POLICY, t / "out.json", "--effective", "2021-02-25"], "out.json"),
    "import-versions": (
        lambda t: ["import-versions", _versions_folder(t), t / "out.json"],
        "out.json",
    ),
    "convert": (lambda t: ["convert", POLICY, t / "out.md"], "out.md"),
    "convert-data": (lambda t: ["convert", POLICY, t / "out.yaml"], "out.yaml"),
    "diff-output": (lambda t: ["diff", POLICY, TERMS, "-o", t / "out.diff"], "out.diff"),
    "diff-docx": (
        lambda t: ["diff", POLICY, TERMS, "--format", "docx", "-o", t / "out.docx"],
        "out.docx",
    ),
}


def _leftovers(tmp: Path) -> list[str]:
    return sorted(p.name for p in tmp.iterdir() if p.name.startswith(".") or "tmp" in p.name)


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_command_refuses_to_replace_a_file_unless_forced(tmp_path: Path, name: str) -> None:
    argv, written = WRITERS[name]
    target = tmp_path / written
    target.write_bytes(b"precious\n")
    code, _, err = _cli(*argv(tmp_path))
    assert code == 1, err
    assert "--force" in err, err
    assert err.count("\n") == 1, err
    assert target.read_bytes() == b"precious\n"
    code, _, err = _cli(*argv(tmp_path), "--force")
    assert code == 0, err
    assert target.read_bytes() != b"precious\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_command_writing_onto_a_directory_is_one_line(tmp_path: Path, name: str) -> None:
    argv, written = WRITERS[name]
    (tmp_path / written).mkdir()
    code, _, err = _cli(*argv(tmp_path), "--force")
    assert code == 1
    assert "directory" in err, err
    assert err.count("\n") == 1, err


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_command_writing_into_a_missing_folder_is_a_file_error(tmp_path: Path, name: str) -> None:
    argv, written = WRITERS[name]
    args = [
        str(a).replace(str(tmp_path / written), str(tmp_path / "no" / written))
        for a in argv(tmp_path)
    ]
    code, _, err = _cli(*args)
    assert code == 1
    assert "cannot write: no such directory" in err, err
    assert err.count("\n") == 1, err


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_failed_forced_write_leaves_the_old_file_whole(
    tmp_path: Path, name: str, failing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv, written = WRITERS[name]
    target = tmp_path / written
    target.write_bytes(b"precious\n")
    args = argv(tmp_path)

    def fail(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class Failing(io.RawIOBase):
            def __init__(self, fd: int) -> None:
                self.handle = real_fdopen(fd, "wb")

            def write(self, _data: object) -> int:
                raise OSError(28, "No space left on device")

            def fileno(self) -> int:
                return self.handle.fileno()

            def close(self) -> None:
                self.handle.close()
                super().close()

        monkeypatch.setattr("legaldocs._atomic.os.fdopen", lambda fd, _mode: Failing(fd))
    else:
        monkeypatch.setattr(f"legaldocs._atomic.os.{failing}", fail)
    code, _, err = _cli(*args, "--force")
    assert code == 1
    assert "No space left on device" in err, err
    assert err.count("\n") == 1, err
    assert target.read_bytes() == b"precious\n"
    assert _leftovers(tmp_path) == []


def test_amend_rewrites_its_history_only_when_the_amendment_applies(tmp_path: Path) -> None:
    history = tmp_path / "policy.json"
    assert _cli("start", POLICY, history, "--effective", "2021-02-25")[0] == 0
    good = tmp_path / "good.toml"
    good.write_text(template("set-caption").replace("第7条", "第1条"), encoding="utf-8")
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(template("set-caption").replace("第7条", "第99条"), encoding="utf-8")
    before = history.read_bytes()
    code, _, err = _cli("amend", history, wrong)
    assert code == 1, err
    assert err.count("\n") == 1, err
    assert history.read_bytes() == before
    assert _cli("amend", history, good)[0] == 0
    assert len(load(history, History).amendments) == 1
    assert _leftovers(tmp_path) == []


def test_dump_replaces_by_design_and_atomically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = parse_text(POLICY.read_text(encoding="utf-8"))
    target = tmp_path / "doc.json"
    target.write_text("old\n", encoding="utf-8")
    dump(doc, target)
    assert target.read_text(encoding="utf-8") != "old\n"
    before = target.read_bytes()

    def fail(*_: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("legaldocs._atomic.os.replace", fail)
    with pytest.raises(FileError) as caught:
        dump(doc.title and doc, target)
    assert isinstance(caught.value.__cause__, OSError)
    assert str(target) in str(caught.value)
    assert target.read_bytes() == before
    assert _leftovers(tmp_path) == []
