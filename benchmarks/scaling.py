"""Cost against document size: the same operations on a synthetic statute at 1×, 2×, 4× and 8×.

The documents are the synthetic statute (章 of 8 節 of 25 articles) of 1,200, 2,400, 4,800
and 9,600 articles (200 to 1,600 in a quick run): under 10,000, since the Lawtext reader does
not read 第一万条 (万 is not among the numerals of its article titles; no statute has that
many articles). The operations: parse its Lawtext, render
it, ``apply`` one one-phrase amendment to its last article (on the document as parsed, with
nothing cached), and ``diff`` it against that amended version. Each row is the time at 8×
divided by the time at 1×, measured in the same run; the detail gives every size.

Targets: ``apply`` grows with the path it changes, not with the document (≤ 1.5× at 8×);
``diff`` and the format rows are linear (≤ 9× at 8×).
"""

from __future__ import annotations

from collections.abc import Callable

import pendulum

from benchmarks._data import synthetic_document
from benchmarks._timing import Config, Result, median_seconds, ratio
from legaldocs import Amendment, Document, ReplacePhrase, apply, diff
from legaldocs.formats.lawtext import parse_lawtext, render_lawtext

__all__ = ["FACTORS", "scaling"]

FACTORS = (1, 2, 4, 8)
"""The document sizes, as multiples of the smallest."""

TARGETS = {"apply (one phrase)": 1.5, "diff (one change)": 9.0}
LINEAR = 9.0


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
        ("apply (one phrase)", apply_one),
        ("diff (one change)", diff_one),
        ("parse_lawtext", parse),
        ("render_lawtext", render),
    ]


def scaling(cfg: Config) -> list[Result]:
    """The 8×/1× time ratio of each operation, with the times at 1×, 2×, 4× and 8×."""
    small = 200 if cfg.quick else 1200
    repeat = cfg.reps(7)
    documents = {k: synthetic_document(small * k) for k in FACTORS}
    rows = []
    for label, setup in _operations():
        target = TARGETS.get(label, LINEAR)
        times = []
        for k in FACTORS:
            fn = setup(documents[k], small * k)
            times.append(median_seconds(fn, repeat=repeat))
        r = ratio(times[-1], times[0])
        detail = ", ".join(
            f"{k}× ({small * k:,} articles) {t * 1e3:.2f} ms"
            for k, t in zip(FACTORS, times, strict=True)
        )
        rows.append(
            Result(
                name=f"scaling 8×: {label}",
                value=r,
                unit="×",
                target=f"≤ {target:g}× at 8×",
                ok=r <= target,
                detail=detail,
                extra={"seconds": times, "factors": list(FACTORS), "articles": small},
            )
        )
    return rows
