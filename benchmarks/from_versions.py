"""``History.from_versions`` over the corpus versions (parsing not included)."""

from __future__ import annotations

from benchmarks._data import MissingData, NotAvailable, corpus_count, corpus_documents, public
from benchmarks._timing import Config, Result, median_seconds

__all__ = ["from_versions"]

TARGET_S = 2.0
NAME = "History.from_versions (corpus)"
TARGET = f"≤ {TARGET_S:g} s"


def from_versions(cfg: Config) -> list[Result]:
    """Seconds to build the history of every corpus version from the parsed versions."""
    try:
        history = public("History")
        build = getattr(history, "from_versions", None)
        if build is None:
            raise NotAvailable("not available: History.from_versions")
        versions = list(corpus_documents(corpus_count(cfg.quick)))
    except (MissingData, NotAvailable) as error:
        return [Result.skipped(NAME, "s", TARGET, str(error))]
    t = median_seconds(lambda: build(versions), repeat=cfg.reps(3), warmup=0 if cfg.quick else 1)
    built = build(versions)
    detail = f"{len(versions)} versions → {len(built.versions)} versions in the history"
    return [Result(name=NAME, value=t, unit="s", target=TARGET, ok=t <= TARGET_S, detail=detail)]
