"""The command-line matrix: every command × every kind of bad input (a test and a report)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from tests.fuzz._core import run_cli

GOOD_TEXT = (
    "  • PRIVACY POLICY\n\n    プライバシーポリシー\n\n"
    "  • 第1条(個人情報)\n\n"
    "    「個人情報」とは、氏名その他の記述により特定の個人を識別できる情報をいいます。\n"
)


def bad_inputs(tmp: Path) -> Iterator[tuple[str, Path, bytes | None]]:
    """(name, path, content) of every bad input, in each file type the commands read
    (``None``: a missing file, or the directory)."""
    nested = (
        '{"schema": 1, "type": "Document", "title": "x", "body": '
        + "[" * 100_000
        + "]" * 100_000
        + "}"
    )
    digits = '{"schema": ' + "9" * 5000 + ', "type": "History"}'
    contents: dict[str, bytes | None] = {
        "missing": None,
        "empty": b"",
        "binary": bytes(range(256)) * 4,
        "shift_jis": GOOD_TEXT.encode("cp932", errors="replace"),
        "utf-16": GOOD_TEXT.encode("utf-16"),
        "bom": b"\xef\xbb\xbf" + GOOD_TEXT.encode("utf-8"),
        "nested-json": nested.encode(),
        "5000-digits": digits.encode(),
        "5000-digit-article": ("T\n\n第" + "9" * 5000 + "条\n本文\n").encode(),
    }
    for suffix in (".json", ".txt", ".md", ".law.txt", ".yaml", ".toml"):
        for name, data in contents.items():
            yield f"{name}{suffix}", tmp / f"{name}{suffix}", data
    directory = tmp / "directory.json"
    directory.mkdir()
    yield "directory", directory, None


COMMANDS: tuple[tuple[str, ...], ...] = (
    ("show", "{f}"),
    ("diff", "{f}", "{g}"),
    ("diff", "{f}", "--from", "2024-01-01", "--to", "2024-02-01"),
    ("log", "{f}"),
    ("amend", "{h}", "{f}"),
    ("amend", "{f}", "{a}"),
    ("pending", "{f}"),
    ("convert", "{f}", "{o}"),
    ("convert", "{g}", "{f}"),
    ("validate", "{f}"),
    ("start", "{f}", "{o}", "--effective", "2024-01-01"),
    ("start", "{g}", "{f}", "--effective", "2024-01-01", "--force"),
    ("import-versions", "{v}", "{o}"),
    ("import-versions", "{w}", "{f}", "--force"),
    ("check", "--jobs", "1", "{f}"),
    ("log", "{f}", "第1条"),
    ("diff", "{g}", "{g}", "-o", "{f}", "--force"),
    ("diff", "{g}", "{g}", "--format", "docx", "-o", "{f}", "--force"),
    ("convert", "{g}", "{f}", "--force"),
    ("accept", "{f}", "--store", "{s}", "--subject", "p-1"),
    ("accept", "{h}", "--store", "{f}", "--subject", "p-1"),
    ("since", "2021-01-01", "{f}"),
    ("since", "2021-01-01", "{h}", "--policy", "{f}"),
    ("notices", "{f}", "--at", "2024-01-01"),
    ("notices", "{h}", "--at", "2024-01-01", "--store", "{f}"),
    ("notices", "{h}", "--at", "2024-01-01", "--policy", "{f}"),
)
"""Every command, with the bad input in each place that names a file (``{f}``); ``{v}`` is a
folder whose ``versions.tsv`` lists ``{f}``, ``{w}`` a good folder, ``{s}`` a fresh store."""

BAD_DATES = (
    "2024-13-01",
    "令和0年1月1日",
    "令和" + "九" * 20 + "年1月1日",
    "yesterday",
    "9" * 5000,
    "",
)

DATE_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("show", "{h}", "--as-of", "{d}"),
    ("show", "{h}", "--as-of", "2024-01-01", "--known-at", "{d}"),
    ("diff", "{h}", "--from", "{d}", "--to", "2024-01-01"),
    ("pending", "{h}", "--at", "{d}"),
    ("start", "{g}", "{o}", "--effective", "{d}"),
    ("start", "{g}", "{o}", "--effective", "2024-01-01", "--enacted", "{d}"),
    ("accept", "{h}", "--store", "{s}", "--subject", "p-1", "--at", "{d}"),
    ("accept", "{h}", "--store", "{s}", "--subject", "p-1", "--time", "{d}"),
    ("since", "{d}", "{h}"),
    ("since", "2021-01-01", "{h}", "--at", "{d}"),
    ("notices", "{h}", "--at", "{d}"),
    ("import-versions", "{u}", "{o}"),
)

BAD_CITATIONS = ("", "第", "第" + "9" * 5000 + "条", "第1条第0項", "\ud800", "附則第1条の" * 300)

CITATION_COMMANDS: tuple[tuple[str, ...], ...] = (("log", "{h}", "{c}"),)


def run_matrix(tmp: Path, *, every: int = 1) -> dict[str, object]:
    """Run the matrix in ``tmp``; returns counts and the runs that ended badly. ``every``:
    run one in so many (input, command) pairs, on a diagonal, so that every command and every
    input is still tried (the test suite's slice)."""
    good = tmp / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    history = tmp / "history.json"
    assert run_cli(["start", str(good), str(history), "--effective", "2021-01-01"])[0] == 0
    amendment = tmp / "amendment.toml"
    amendment.write_text(
        'schema = 1\ntype = "Amendment"\nid = "a"\ntitle = "t"\nenacted = "2024-01-01"\n'
        'effective = "2024-02-01"\n',
        encoding="utf-8",
    )
    good_folder = tmp / "versions-good"
    good_folder.mkdir()
    (good_folder / "v1.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (good_folder / "versions.tsv").write_text("file\tdate\nv1.txt\t2021-01-01\n")
    store = tmp / "store.sqlite"
    runs = 0
    tracebacks: list[str] = []
    multiline: list[str] = []
    for i, (name, path, data) in enumerate(bad_inputs(tmp)):
        folder = tmp / f"versions-{name}"
        folder.mkdir()
        (folder / "versions.tsv").write_text(f"file\tdate\n{path}\t2021-01-01\n")
        for j, command in enumerate(COMMANDS):
            if (i + j) % every:
                continue
            if data is not None:  # a command given --force may have replaced it
                path.write_bytes(data)
            output = tmp / "out.json"
            output.unlink(missing_ok=True)
            names = {"o": output, "v": folder, "w": good_folder, "s": store, "a": amendment}
            argv = [c.format(f=path, g=good, h=history, **names) for c in command]
            runs += 1
            _judge(argv, f"{command[0]} × {name}", tracebacks, multiline)
    for date in BAD_DATES:
        folder = tmp / f"versions-date-{len(date)}-{runs}"
        folder.mkdir()
        (folder / "v1.txt").write_text(GOOD_TEXT, encoding="utf-8")
        (folder / "versions.tsv").write_text(f"file\tdate\nv1.txt\t{date}\n", encoding="utf-8")
        for command in DATE_COMMANDS:
            output = tmp / "out.json"
            output.unlink(missing_ok=True)
            argv = [
                c.format(d=date, g=good, h=history, o=output, s=store, u=folder) for c in command
            ]
            runs += 1
            _judge(argv, f"{command[0]} × date {date[:12]!r}", tracebacks, multiline)
    for citation in BAD_CITATIONS:
        for command in CITATION_COMMANDS:
            argv = [c.format(c=citation, h=history) for c in command]
            runs += 1
            _judge(argv, f"{command[0]} × citation {citation[:12]!r}", tracebacks, multiline)
    return {"runs": runs, "tracebacks": tracebacks, "not one line": multiline}


_ERROR_STATUS = {"since": 2}
"""``since`` exits 1 when something changed, 2 on an error."""


def _judge(argv: list[str], label: str, tracebacks: list[str], multiline: list[str]) -> None:
    try:
        code, _, err = run_cli(argv)
    except Exception as exc:
        tracebacks.append(f"{label}: {type(exc).__name__}: {str(exc)[:100]}")
        return
    failed = _ERROR_STATUS.get(argv[0], 1)
    if code == failed and len(err.strip("\n").split("\n")) != 1:
        multiline.append(f"{label}: {err[:200]!r}")
    elif code not in (0, 1, failed) or (code != failed and err):
        multiline.append(f"{label}: exit {code}, {err[:200]!r}")


def main() -> int:
    """Run the whole matrix; print the counts and every run that ended badly."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        result = run_matrix(Path(tmp))
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 1 if result["tracebacks"] or result["not one line"] else 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
