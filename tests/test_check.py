"""``legaldocs check``: files read back, histories from versions.tsv, pickling, Dask."""

from __future__ import annotations

import io
import pickle
import shutil
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from legaldocs import History, formats, parse_lawtext, render_lawtext
from legaldocs._check import FileCheck, check, check_file, check_history
from legaldocs.cli import main

CORPORA = Path(__file__).parents[1].parent / "shared" / "corpora"
GYOSEI = CORPORA / "gyosei-tetsuzuki-ho"

needs_corpus = pytest.mark.skipif(not GYOSEI.is_dir(), reason="shared corpus not found")

_FILES = sorted(GYOSEI.glob("*.law.txt"))[:3] if GYOSEI.is_dir() else []


@needs_corpus
@pytest.mark.parametrize("path", _FILES, ids=[p.name for p in _FILES])
def test_lawtext_file_reads_back_exactly(path: Path) -> None:
    result = check_file(path)
    assert (result.format, result.status, result.message) == ("lawtext", "exact", "")
    assert result.size == path.stat().st_size


def test_a_file_that_cannot_be_read_is_an_error_with_the_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.law.txt"
    bad.write_bytes(b"\xff\xfe not UTF-8\n")
    result = check_file(bad)
    assert result.status == "error"
    assert "UnicodeDecodeError" in result.message


def parse_loose(text: str, **options: object) -> object:
    """A reader that ignores trailing blank lines (for the tests below)."""
    return parse_lawtext(text.rstrip("\n") + "\n")


def render_loose(document: object) -> str:
    """A writer that adds two blank lines at the end: other text, same document."""
    return render_lawtext(document) + "\n\n"  # type: ignore[arg-type]


def render_lossy(document: object) -> str:
    """A writer that loses the last element of the body."""
    return render_lawtext(attrs.evolve(document, body=document.body[:-1]))  # type: ignore[attr-defined]


@pytest.fixture
def test_formats() -> Iterator[None]:
    for name, writer in (("loose", "render_loose"), ("lossy", "render_lossy")):
        formats.register(
            formats.DocumentFormat(
                name=name,
                extensions=(f".{name}",),
                reader="tests.test_check:parse_loose",
                writer=f"tests.test_check:{writer}",
            )
        )
    yield
    for name in ("loose", "lossy"):
        formats._REGISTRY.pop(name)


@needs_corpus
@pytest.mark.usefixtures("test_formats")
def test_other_text_for_the_same_document_is_stable_and_a_lost_element_differs(
    tmp_path: Path,
) -> None:
    text = _FILES[0].read_text("utf-8")
    (tmp_path / "a.loose").write_text(text, "utf-8")
    (tmp_path / "a.lossy").write_text(text, "utf-8")
    assert check_file(tmp_path / "a.loose").status == "stable"
    lost = check_file(tmp_path / "a.lossy")
    assert lost.status == "differs"
    assert lost.message


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    if not GYOSEI.is_dir():
        pytest.skip("shared corpus not found")
    folder = tmp_path / "gyosei"
    folder.mkdir()
    lines = (GYOSEI / "versions.tsv").read_text("utf-8").splitlines()
    kept = [lines[0], *lines[1:4]]
    for line in kept[1:]:
        name = line.split("\t")[0]
        shutil.copy(GYOSEI / name, folder / name)
    (folder / "versions.tsv").write_text("\n".join(kept) + "\n", "utf-8")
    return tmp_path


def test_check_reads_files_and_histories_on_two_processes(small_corpus: Path) -> None:
    summary = check([small_corpus], histories=True, workers=2)
    assert summary.ok
    assert [f.status for f in summary.files] == ["exact"] * 3
    assert [(h.status, h.versions) for h in summary.histories] == [("ok", 3)]
    table = summary.table()
    assert "lawtext" in table
    assert "histories: 1 (1 ok" in table


def test_command_line_check(small_corpus: Path) -> None:
    out = io.StringIO()
    assert main(["check", "--histories", "--jobs", "1", str(small_corpus)], out=out) == 0
    assert "all" in out.getvalue()
    (small_corpus / "broken.law.txt").write_text("", encoding="utf-8")
    out = io.StringIO()
    assert main(["check", "--jobs", "1", str(small_corpus)], out=out) == 1
    assert "broken.law.txt: error" in out.getvalue()


def test_history_check_reports_a_missing_file(small_corpus: Path) -> None:
    tsv = small_corpus / "gyosei" / "versions.tsv"
    tsv.write_text(tsv.read_text("utf-8") + "99-20990101.law.txt\t2099-01-01\tx\n", "utf-8")
    result = check_history(tsv)
    assert result.status == "error"
    assert "99-20990101.law.txt" in result.message


@needs_corpus
def test_documents_histories_and_results_pickle() -> None:
    versions = [
        (line.split("\t")[1], parse_lawtext((GYOSEI / line.split("\t")[0]).read_text("utf-8")))
        for line in (GYOSEI / "versions.tsv").read_text("utf-8").splitlines()[1:4]
    ]
    import pendulum

    history = History.from_versions([(pendulum.parse(d).date(), doc) for d, doc in versions])
    doc = versions[-1][1]
    assert pickle.loads(pickle.dumps(doc)) == doc
    back = pickle.loads(pickle.dumps(history))
    assert back == history
    assert back.as_of(back.versions[-1].start) == doc
    result = FileCheck(path="x", format="lawtext", status="exact")
    assert pickle.loads(pickle.dumps(result)) == result


def test_dask_bag_on_a_local_cluster(small_corpus: Path) -> None:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    import dask.bag as db

    paths = [str(p) for p in sorted(small_corpus.rglob("*.law.txt"))]
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        results = db.from_sequence(paths, npartitions=2).map(check_file).compute()
    assert [r.status for r in results] == ["exact"] * 3
