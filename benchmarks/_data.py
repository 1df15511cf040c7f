"""Benchmark data: the 電気事業法 corpus beside the checkout, and a synthetic statute with
one-phrase amendments, generated."""

from __future__ import annotations

import csv
import functools
import os
import random
from pathlib import Path

import pendulum

from legaldocs import Amendment, Article, Division, Document, History, Num, Paragraph, ReplacePhrase

__all__ = [
    "ROOT",
    "MissingData",
    "built_synthetic_history",
    "corpus_count",
    "corpus_dir",
    "corpus_documents",
    "corpus_history",
    "corpus_versions",
    "largest_corpus_file",
    "synthetic_amendments",
    "synthetic_document",
    "synthetic_history",
    "synthetic_size",
]

ROOT = Path(__file__).resolve().parent.parent
"""The project root (the checkout holding ``benchmarks/``)."""

CORPUS = "denki-jigyo-ho"


class MissingData(Exception):
    """The shared corpus is not where the benchmarks look for it."""


def corpus_dir() -> Path:
    """The 電気事業法 corpus: ``$LEGALDOCS_CORPORA/denki-jigyo-ho``, else
    ``<repo>/../shared/corpora/denki-jigyo-ho``. Raises MissingData with the paths tried."""
    env = os.environ.get("LEGALDOCS_CORPORA")
    base = Path(env) if env else ROOT.parent / "shared" / "corpora"
    folder = base / CORPUS
    if not (folder / "versions.tsv").is_file():
        raise MissingData(
            f"corpus not found: {folder}/versions.tsv (set LEGALDOCS_CORPORA to the folder "
            f"holding {CORPUS}/)"
        )
    return folder


def corpus_versions() -> list[tuple[pendulum.Date, Path]]:
    """Every version of the corpus in order: its effective date and its file."""
    folder = corpus_dir()
    with (folder / "versions.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [(pendulum.Date.fromisoformat(r["effective"]), folder / r["file"]) for r in rows]


def largest_corpus_file() -> Path:
    """The largest file of the corpus (in bytes)."""
    return max((path for _, path in corpus_versions()), key=lambda p: p.stat().st_size)


@functools.cache
def synthetic_document(articles: int, per_section: int = 25, per_chapter: int = 8) -> Document:
    """A statute of ``articles`` articles (two paragraphs each), laid out as large statutes
    are: chapters (章) of ``per_chapter`` sections (節) of ``per_section`` articles each;
    第n条第1項 says 甲 once."""

    def article(n: int) -> Article:
        return Article(
            key=f"a{n}",
            num=Num.of(n),
            caption="（見出し）",
            paragraphs=(
                Paragraph(key="p1", num=Num.of(1), text=f"この条は第{n}条の甲について定める。"),
                Paragraph(key="p2", num=Num.of(2), text="前項の規定は、乙について準用する。"),
            ),
        )

    sections = [
        tuple(article(n) for n in range(first, min(first + per_section, articles + 1)))
        for first in range(1, articles + 1, per_section)
    ]
    chapters = []
    for c, start in enumerate(range(0, len(sections), per_chapter), start=1):
        children = tuple(
            Division(key=f"ch{c}.sec{s}", kind="節", num=Num.of(s), title="節名", children=section)
            for s, section in enumerate(sections[start : start + per_chapter], start=1)
        )
        chapters.append(
            Division(key=f"ch{c}", kind="章", num=Num.of(c), title="章名", children=children)
        )
    return Document(title="合成法", body=tuple(chapters))


def synthetic_amendments(count: int, articles: int, *, seed: int = 1) -> list[Amendment]:
    """``count`` amendments, one a day from 2000-01-02, each replacing the phrase 甲 of a
    random article's first paragraph with 丙 or back."""
    rng = random.Random(seed)
    state: dict[int, str] = {}
    out = []
    day = pendulum.date(2000, 1, 1)
    for i in range(count):
        n = rng.randint(1, articles)
        old = state.get(n, "甲")
        new = "丙" if old == "甲" else "甲"
        state[n] = new
        day = day.add(days=1)
        out.append(
            Amendment(
                id=f"m{i}",
                title="改正",
                enacted=day,
                effective=day,
                changes=(ReplacePhrase(target=f"第{n}条第1項", old=old, new=new),),
            )
        )
    return out


SYNTHETIC_START = pendulum.date(1999, 1, 1)


def synthetic_history(articles: int, amendments: list[Amendment]) -> History:
    """The history of ``synthetic_document(articles)`` with ``amendments`` added in order."""
    history = History.start(synthetic_document(articles), enacted=SYNTHETIC_START)
    for amendment in amendments:
        history = history.amend(amendment)
    return history


def corpus_count(quick: bool) -> int:
    """How many corpus versions a run uses: all of them, or the first 4 in a quick run."""
    return 4 if quick else len(corpus_versions())


@functools.cache
def corpus_documents(count: int) -> tuple[tuple[pendulum.Date, Document], ...]:
    """The first ``count`` corpus versions, parsed, with their effective dates."""
    from legaldocs.formats.lawtext import parse_lawtext

    return tuple(
        (day, parse_lawtext(path.read_text(encoding="utf-8"), source=str(path)))
        for day, path in corpus_versions()[:count]
    )


@functools.cache
def corpus_history(count: int) -> History:
    """``History.from_versions`` over the first ``count`` corpus versions."""
    return History.from_versions(list(corpus_documents(count)))


def synthetic_size(quick: bool) -> tuple[int, int]:
    """(articles, amendments) of the synthetic history: 2,000 and 10,000, or 200 and 500 in
    a quick run."""
    return (200, 500) if quick else (2000, 10_000)


@functools.cache
def built_synthetic_history(articles: int, count: int) -> History:
    """``synthetic_history`` with ``count`` synthetic amendments, built once per run."""
    return synthetic_history(articles, synthetic_amendments(count, articles))
