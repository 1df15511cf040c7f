"""``History.from_versions`` over the corpus versions (parsing not included)."""

from __future__ import annotations

from benchmarks._data import MissingData, corpus_count, corpus_documents
from benchmarks._timing import Config, Result, median_seconds
from legaldocs import History

__all__ = ["from_versions"]

TARGET_S = 0.4
NAME = "History.from_versions (corpus)"
TARGET = f"≤ {TARGET_S:g} s"


def from_versions(cfg: Config) -> list[Result]:
    """Seconds to build the history of every corpus version from the parsed versions."""
    try:
        versions = list(corpus_documents(corpus_count(cfg.quick)))
    except MissingData as error:
        return [Result.skipped(NAME, "s", TARGET, str(error))]
    t = median_seconds(
        lambda: History.from_versions(versions), repeat=cfg.reps(3), warmup=0 if cfg.quick else 1
    )
    built = History.from_versions(versions)
    detail = f"{len(versions)} versions → {len(built.versions)} versions in the history"
    return [Result(name=NAME, value=t, unit="s", target=TARGET, ok=t <= TARGET_S, detail=detail)]
