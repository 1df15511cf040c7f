"""Memory of the corpus history against its largest single version (structural sharing).

Sizes are deep sizes: every object reachable, counted once by id (``sys.getsizeof``), so
that what versions share is counted once.
"""

from __future__ import annotations

from benchmarks._data import MissingData, corpus_count, corpus_history
from benchmarks._timing import Config, Result, deep_sizeof, ratio

__all__ = ["history_memory"]

TARGET_RATIO = 2.0
NAME = "memory: corpus history / largest version"
TARGET = f"≤ {TARGET_RATIO:g}×"


def history_memory(cfg: Config) -> list[Result]:
    """The deep size of the whole history over the deep size of its largest version."""
    try:
        history = corpus_history(corpus_count(cfg.quick))
    except MissingData as error:
        return [Result.skipped(NAME, "×", TARGET, str(error))]
    versions = history.versions
    largest = max(deep_sizeof(history.as_of(v.start)) for v in versions)
    whole = deep_sizeof(history)
    unshared = sum(deep_sizeof(history.as_of(v.start)) for v in versions)
    value = ratio(whole, largest)
    detail = (
        f"{len(versions)} versions: history {whole / 1e6:.1f} MB, largest version "
        f"{largest / 1e6:.1f} MB, all versions unshared {unshared / 1e6:.1f} MB"
    )
    return [
        Result(
            name=NAME,
            value=value,
            unit="×",
            target=TARGET,
            ok=value <= TARGET_RATIO,
            detail=detail,
            extra={"history_bytes": whole, "largest_bytes": largest},
        )
    ]
