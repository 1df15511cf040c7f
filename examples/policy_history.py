"""Two real web policies through time: an English one and a Japanese one.

Reads recorded versions of TikTok's privacy policy (English, from Open Terms Archive) and of
Mozilla's Japanese websites terms of use from ``shared/corpora/policies`` (beside the
checkout; ``LEGALDOCS_CORPORA`` names another folder), builds a history of each from its
``versions.tsv``, and prints what changed between two dates as a 新旧対照表 (the changed
paragraphs and list items, new beside old, the changed words or characters in 【】, the
rest of each section elided) and as an HTML redline. ``render_diff(changes, "table",
table_format="html", page=True)`` gives the table as a web page, ``"docx"`` as a Word file.

Run from anywhere: ``python examples/policy_history.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pendulum

from legaldocs import History, diff, format_date, parse_markdown, render_diff

HERE = Path(__file__).resolve().parent
CORPORA = Path(os.environ.get("LEGALDOCS_CORPORA", HERE.parent.parent / "shared" / "corpora"))


def history_of(folder: Path) -> History:
    """A history from the folder's recorded versions (file, date: one line each)."""
    rows = (folder / "versions.tsv").read_text(encoding="utf-8").splitlines()[1:]
    versions = []
    for row in rows:
        name, day = row.split("\t")[:2]
        versions.append(
            (pendulum.Date.fromisoformat(day), parse_markdown((folder / name).read_bytes()))
        )
    return History.from_versions(versions)


def show(folder: str, before: str, after: str, *, width: int) -> None:
    """Print what changed in the policy of ``folder`` between two dates (``width``: display
    columns per side of the table)."""
    history = history_of(CORPORA / "policies" / folder)
    old, new = history.as_of(before), history.as_of(after)
    print(f"== {old.title or folder}: {len(history.versions)} versions")
    print(
        f"   in force on {format_date(pendulum.Date.fromisoformat(before))} and on "
        f"{format_date(pendulum.Date.fromisoformat(after))}\n"
    )
    changes = diff(old, new)
    print(render_diff(changes, "table", width=width))
    print(render_diff(changes, "html"))
    print()


show("tiktok-privacy-policy", "2025-02-14", "2025-07-31", width=60)
show("mozilla-ja-websites-tou", "2021-02-03", "2024-03-28", width=40)
