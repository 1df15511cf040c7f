"""Two real web policies through time: an English one and a Japanese one.

Reads recorded versions of TikTok's privacy policy (English, from Open Terms Archive) and of
Mozilla's Japanese websites terms of use from ``shared/corpora/policies`` (beside the
checkout; ``LEGALDOCS_CORPORA`` names another folder), builds a history of each from its
``versions.tsv``, and prints what changed between two dates as a unified diff and as an HTML
redline.

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


def show(folder: str, before: str, after: str) -> None:
    history = history_of(CORPORA / "policies" / folder)
    old, new = history.as_of(before), history.as_of(after)
    print(f"== {old.title or folder}: {len(history.versions)} versions")
    print(
        f"   in force on {format_date(pendulum.Date.fromisoformat(before))} and on "
        f"{format_date(pendulum.Date.fromisoformat(after))}\n"
    )
    changes = diff(old, new)
    print(render_diff(changes, "unified"))
    print(render_diff(changes, "html"))
    print()


show("tiktok-privacy-policy", "2022-11-02", "2022-11-29")
show("mozilla-ja-websites-tou", "2021-02-03", "2021-12-01")
