"""The synthetic history: build it from one-phrase amendments, and its memory growth.

A statute of 2,000 articles (章 of 8 節 of 25 articles), and 10,000 amendments each replacing one
phrase of a random article (``History.amend`` one at a time). Memory growth is the deep
size of the history (every object reachable, counted once) less that of the history before
the first amendment, per amendment; the amendment records themselves (the caller's input)
are left out. It is measured again on a document twice as big.
"""

from __future__ import annotations

from benchmarks._data import synthetic_amendments, synthetic_history, synthetic_size
from benchmarks._timing import Config, Result, deep_sizeof, median_seconds, ratio
from legaldocs import Amendment

__all__ = ["build", "growth"]

BUILD_S = 10.0
GROWTH_B = 2048
TOLERANCE = 1.10


def build(cfg: Config) -> list[Result]:
    """Seconds to build the synthetic history, one amendment at a time."""
    articles, count = synthetic_size(cfg.quick)
    todo = synthetic_amendments(count, articles)
    t = median_seconds(lambda: synthetic_history(articles, todo), repeat=cfg.reps(3), warmup=0)
    detail = (
        f"{articles:,} articles in 章 of 8 節 of 25, {count:,} one-phrase amendments: "
        f"{t / count * 1e6:.0f} µs per amendment"
    )
    return [
        Result(
            name=f"synthetic: build {count:,}-amendment history",
            value=t,
            unit="s",
            target=f"≤ {BUILD_S:g} s",
            ok=t <= BUILD_S,
            detail=detail,
        )
    ]


def _growth(articles: int, count: int) -> tuple[float, float]:
    todo: list[Amendment] = synthetic_amendments(count, articles)
    start = synthetic_history(articles, [])
    before = deep_sizeof(start, exclude=todo)
    history = synthetic_history(articles, todo)
    after = deep_sizeof(history, exclude=todo)
    records = deep_sizeof(todo) - deep_sizeof([])
    return (after - before) / count, records / count


def growth(cfg: Config) -> list[Result]:
    """Bytes of history growth per amendment, on the document and on one twice as big."""
    articles, count = synthetic_size(cfg.quick)
    one, records = _growth(articles, count)
    two, _ = _growth(2 * articles, count)
    r = ratio(two, one)
    target = f"≤ {GROWTH_B:,} B, 2× document ≤ {TOLERANCE:g}× that"
    detail = (
        f"{articles:,} articles: {one:,.0f} B; {2 * articles:,} articles: {two:,.0f} B "
        f"(ratio {r:.2f}); amendment records, not counted: {records:,.0f} B each"
    )
    ok = one <= GROWTH_B and two <= GROWTH_B and r <= TOLERANCE
    return [
        Result(
            name=f"synthetic: memory per amendment ({count:,})",
            value=one,
            unit="B",
            target=target,
            ok=ok,
            detail=detail,
            extra={"bytes_2x": two, "ratio_2x": r, "record_bytes": records},
        )
    ]
