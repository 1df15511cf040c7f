"""``History.as_of`` at random dates, on the corpus history and the synthetic one."""

from __future__ import annotations

import random

import pendulum

from benchmarks._data import (
    MissingData,
    built_synthetic_history,
    corpus_count,
    corpus_history,
    synthetic_size,
)
from benchmarks._timing import Config, Result, median_call_seconds
from legaldocs import History

__all__ = ["as_of_corpus", "as_of_synthetic"]

TARGET_US = 20.0
TARGET = f"median ≤ {TARGET_US:g} µs"


def _measure(name: str, history: History, cfg: Config, what: str) -> Result:
    versions = history.versions
    first = versions[0].start.date()
    last = versions[-1].start.date().add(days=365)
    span = (last - first).in_days()
    rng = random.Random(7)
    n = 300 if cfg.quick else 5000
    days = [first.add(days=rng.randint(0, span)) for _ in range(n)]
    strings = [d.isoformat() for d in days]
    moments = [pendulum.datetime(d.year, d.month, d.day, 12, tz="Asia/Tokyo") for d in days]
    history.as_of(days[0])  # warm-up
    med = median_call_seconds(history.as_of, days) * 1e6
    med_str = median_call_seconds(history.as_of, strings) * 1e6
    med_dt = median_call_seconds(history.as_of, moments) * 1e6
    detail = (
        f"{what}, {len(versions):,} versions; {n:,} random dates {first}…{last}; "
        f"as_of(DateTime) {med_dt:.1f} µs, as_of(str) {med_str:.1f} µs"
    )
    return Result(
        name=name,
        value=med,
        unit="µs",
        target=TARGET,
        ok=med <= TARGET_US,
        detail=detail,
        extra={"str_us": med_str, "datetime_us": med_dt},
    )


def as_of_corpus(cfg: Config) -> list[Result]:
    """Microseconds per ``as_of(date)`` on the history of the corpus versions."""
    name = "as_of: corpus history"
    try:
        history = corpus_history(corpus_count(cfg.quick))
    except MissingData as error:
        return [Result.skipped(name, "µs", TARGET, str(error))]
    return [_measure(name, history, cfg, "電気事業法 from_versions")]


def as_of_synthetic(cfg: Config) -> list[Result]:
    """Microseconds per ``as_of(date)`` on the synthetic history."""
    articles, count = synthetic_size(cfg.quick)
    history = built_synthetic_history(articles, count)
    what = f"synthetic: {articles:,} articles, {count:,} amendments"
    return [_measure(f"as_of: synthetic {count:,}-amendment history", history, cfg, what)]
