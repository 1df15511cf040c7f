"""A statute's history built from its published versions: 行政手続法, 1993–2014.

Reads the ten Lawtext versions of 行政手続法 in ``shared/corpora/gyosei-tetsuzuki-ho`` (beside
this checkout, or the folder named by ``LEGALDOCS_CORPORA``), builds a history with
:meth:`legaldocs.History.from_versions` (each consecutive pair becomes an amendment), then
shows the text in force on a date, the timeline of one article, a 新旧対照表 between two
dates and the 改め文 of the 2005 amendment that added 第六章 意見公募手続等.

The versions are dated by the promulgation of the amending law (versions.tsv).

Run from anywhere: ``python examples/statute_history.py``.
"""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

import pendulum

from legaldocs import History, format_date, parse_lawtext, render_diff, render_kaimebun

HERE = Path(__file__).resolve().parent
CORPORA = Path(os.environ.get("LEGALDOCS_CORPORA", HERE.parent.parent / "shared" / "corpora"))


def load_history() -> History:
    """The history of 行政手続法 from its ten published versions."""
    folder = CORPORA / "gyosei-tetsuzuki-ho"
    if not folder.is_dir():
        sys.exit(f"corpus not found: {folder} (set LEGALDOCS_CORPORA)")
    with (folder / "versions.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    versions = [
        (
            pendulum.Date.fromisoformat(row["promulgated"]),
            parse_lawtext((folder / row["file"]).read_text(encoding="utf-8"), source=row["file"]),
        )
        for row in rows
    ]
    return History.from_versions(
        versions,
        ids=[row["file"].removesuffix(".law.txt") for row in rows[1:]],
        titles=[row["amending_law"] for row in rows[1:]],
    )


def main() -> None:
    """Print the versions, one date's text, a timeline, a 新旧対照表 and 改め文."""
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    history = load_history()
    titles = {a.id: a.title for a in history.amendments}

    print("== versions")
    for version in history.versions:
        names = "; ".join(titles[i] for i in version.amendments) or "(制定)"
        print(f"{format_date(version.start.date(), era=True)}  {names}")

    print("\n== 第三十八条 in force on 2000-01-01 and on 2010-01-01")
    for when in ("2000-01-01", "2010-01-01"):
        article = history.as_of(when).get("第三十八条")
        print(f"{when}: {article.caption} {article.paragraphs[0].text[:40]}…")  # type: ignore[union-attr]

    print("\n== timeline of 第二条 (定義)")
    for state in history.timeline("a2"):
        end = format_date(state.end.date()) if state.end is not None else "…"
        items = len(state.element.paragraphs[0].children)  # type: ignore[union-attr]
        print(f"{format_date(state.start.date())} – {end}: {state.citation}, {items} items")

    print("\n== 新旧対照表, 2002-12-13 → 2003-07-16")
    change = history.diff("2002-12-13", "2003-07-16")
    print(render_diff(change, "table", numerals="kanji", width=40), end="")

    print("\n== 改め文 of the 2005 amendment (its sentences, without the new provisions)")
    amendment = next(a for a in history.amendments if a.id == "06-20050629")
    text = render_kaimebun(amendment, document=history.as_of("2005-06-28"))
    sentences = [s for s in text.splitlines() if s.endswith("。") and s.startswith("第")]
    print("\n".join(sentences[:12]))


if __name__ == "__main__":
    main()
