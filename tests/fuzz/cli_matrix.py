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


def bad_inputs(tmp: Path) -> Iterator[tuple[str, Path]]:
    """(name, path) of every bad input, in each file type the commands read."""
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
            path = tmp / f"{name}{suffix}"
            if data is not None:
                path.write_bytes(data)
            yield f"{name}{suffix}", path
    directory = tmp / "directory.json"
    directory.mkdir()
    yield "directory", directory


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
)

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
)


def run_matrix(tmp: Path) -> dict[str, object]:
    """Run the matrix in ``tmp``; returns counts and the runs that ended badly."""
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
    runs = 0
    tracebacks: list[str] = []
    multiline: list[str] = []
    for name, path in bad_inputs(tmp):
        for command in COMMANDS:
            output = tmp / "out.json"
            output.unlink(missing_ok=True)
            argv = [c.format(f=path, g=good, h=history, a=amendment, o=output) for c in command]
            runs += 1
            _judge(argv, f"{command[0]} × {name}", tracebacks, multiline)
    for date in BAD_DATES:
        for command in DATE_COMMANDS:
            output = tmp / "out.json"
            output.unlink(missing_ok=True)
            argv = [c.format(d=date, g=good, h=history, o=output) for c in command]
            runs += 1
            _judge(argv, f"{command[0]} × date {date[:12]!r}", tracebacks, multiline)
    return {"runs": runs, "tracebacks": tracebacks, "not one line": multiline}


def _judge(argv: list[str], label: str, tracebacks: list[str], multiline: list[str]) -> None:
    try:
        code, _, err = run_cli(argv)
    except Exception as exc:
        tracebacks.append(f"{label}: {type(exc).__name__}: {str(exc)[:100]}")
        return
    if code == 1 and len(err.strip("\n").split("\n")) != 1:
        multiline.append(f"{label}: {err[:200]!r}")
    elif code not in (0, 1):
        multiline.append(f"{label}: exit {code}")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(run_matrix(Path(tmp)), ensure_ascii=False, indent=1))
