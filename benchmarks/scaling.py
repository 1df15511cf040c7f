"""Linear cost: the same operations on a synthetic statute and on one twice as big.

For each operation the row is the time ratio (2× document / 1× document); linear cost
gives about 2. The documents are the synthetic statute (章 of 8 節 of 25 articles) of 2,000
and 4,000 articles (200 and 400 in a quick run): parse its Lawtext, render it, apply one
one-phrase amendment to its last article, and diff it against that amended version.
"""

from __future__ import annotations

from collections.abc import Callable

import pendulum

from benchmarks._data import synthetic_document
from benchmarks._timing import Config, Result, median_seconds, ratio
from legaldocs import Amendment, Document, ReplacePhrase, apply, diff
from legaldocs.formats.lawtext import parse_lawtext, render_lawtext

__all__ = ["scaling"]

TARGET_RATIO = 2.5
TARGET = f"≤ {TARGET_RATIO:g}× for 2× input"


def _amendment(articles: int) -> Amendment:
    day = pendulum.date(2001, 1, 1)
    change = ReplacePhrase(target=f"第{articles}条第1項", old="甲", new="丙")
    return Amendment(id="x", title="改正", enacted=day, effective=day, changes=(change,))


def _operations() -> list[tuple[str, Callable[[Document, int], Callable[[], object]]]]:
    def parse(doc: Document, n: int) -> Callable[[], object]:
        text = render_lawtext(doc)
        return lambda: parse_lawtext(text)

    def render(doc: Document, n: int) -> Callable[[], object]:
        return lambda: render_lawtext(doc)

    def apply_one(doc: Document, n: int) -> Callable[[], object]:
        amendment = _amendment(n)
        return lambda: apply(doc, amendment)

    def diff_one(doc: Document, n: int) -> Callable[[], object]:
        new = apply(doc, _amendment(n))
        return lambda: diff(doc, new)

    return [
        ("parse_lawtext", parse),
        ("render_lawtext", render),
        ("apply (one amendment)", apply_one),
        ("diff (one change)", diff_one),
    ]


def scaling(cfg: Config) -> list[Result]:
    """The 2×/1× time ratio of each operation."""
    small = 200 if cfg.quick else 2000
    repeat = cfg.reps(7)
    rows = []
    for label, setup in _operations():
        name = f"scaling 2×: {label}"
        times = []
        for n in (small, 2 * small):
            fn = setup(synthetic_document(n), n)
            times.append(median_seconds(fn, repeat=repeat))
        r = ratio(times[1], times[0])
        detail = (
            f"{small:,} articles {times[0] * 1e3:.2f} ms, {2 * small:,} articles "
            f"{times[1] * 1e3:.2f} ms"
        )
        rows.append(
            Result(
                name=name,
                value=r,
                unit="×",
                target=TARGET,
                ok=r <= TARGET_RATIO,
                detail=detail,
                extra={"seconds": times},
            )
        )
    return rows
