"""``legaldocs.dumps``/``loads`` (JSON), against plain ``json`` on the same payload.

Two payloads, both from the corpus history:

- the history itself: ``loads(text, History)`` builds the History, which checks its structure
  and applies its amendments on the first query (see :mod:`legaldocs.history._history`), so
  this row is the converter and those checks; a third row, without a target, adds that first
  query (``.current``: every amendment applied), which is what ``loads`` cost before the
  history replayed lazily;
- the history's current Document: ``loads(dumps(document), Document)`` is the serialization
  layer alone (decoding, structuring, validation of the records, no replay).

Each baseline is ``json.dumps``/``json.loads`` of exactly what legaldocs writes (the same
text, decoded once), with the settings legaldocs uses (``ensure_ascii=False``, compact
separators), timed in the same run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs

from benchmarks._data import MissingData, corpus_count, corpus_history
from benchmarks._timing import Config, Result, median_seconds, ratio
from legaldocs import Document, History, dumps, loads

__all__ = ["dumps_loads"]

TARGET_RATIO = 3.0
TARGET = f"≤ {TARGET_RATIO:g}× plain json"
DOCUMENT_LOADS_RATIO = 2.0
HISTORY_ROWS = (
    "dumps (JSON): corpus history",
    "loads (JSON): corpus history",
    "loads (JSON) + first query: corpus history",
)
DOCUMENT_ROWS = (
    "dumps (JSON): corpus current Document, serialization only",
    "loads (JSON): corpus current Document, serialization only",
)


def _plain_dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _row(
    name: str,
    ours: Callable[[], object],
    base: Callable[[], object],
    repeat: int,
    detail: str,
    limit: float = TARGET_RATIO,
    **extra: float,
) -> Result:
    t = median_seconds(ours, repeat=repeat)
    b = median_seconds(base, repeat=repeat)
    r = ratio(t, b)
    what = "json.dumps" if name.startswith("dumps") else "json.loads"
    return Result(
        name=name,
        value=t,
        unit="s",
        target=f"≤ {limit:g}× plain json",
        ok=r <= limit,
        detail=f"{detail}; {what} {b * 1e3:.1f} ms, ratio {r:.2f}",
        extra={"baseline_seconds": b, "ratio": r, **extra},
    )


def _first_query(
    name: str,
    ours: Callable[[], object],
    base: Callable[[], object],
    repeat: int,
    detail: str,
    replay: float,
) -> Result:
    t = median_seconds(ours, repeat=repeat)
    b = median_seconds(base, repeat=repeat)
    r = ratio(t, b)
    return Result(
        name=name,
        value=t,
        unit="s",
        target="-",
        ok=None,
        detail=f"{detail}; json.loads {b * 1e3:.1f} ms, ratio {r:.2f}",
        extra={"baseline_seconds": b, "ratio": r, "replay_seconds": replay},
    )


def dumps_loads(cfg: Config) -> list[Result]:
    """Seconds per ``dumps`` and per ``loads`` of the corpus history and of its current
    document, with their ratios to plain ``json``."""
    try:
        history = corpus_history(corpus_count(cfg.quick))
    except MissingData as error:
        names = (*HISTORY_ROWS, *DOCUMENT_ROWS)
        return [Result.skipped(name, "s", TARGET, str(error)) for name in names]
    repeat = cfg.reps(5)
    document = history.current
    text = dumps(history, format="json")
    payload = json.loads(text)
    doc_text = dumps(document, format="json")
    doc_payload = json.loads(doc_text)
    replay = median_seconds(lambda: attrs.evolve(history).current, repeat=repeat)
    size = f"{len(text.encode()) / 1e6:.1f} MB of JSON"
    doc_size = f"{len(doc_text.encode()) / 1e6:.1f} MB of JSON"
    n = len(history.amendments)
    return [
        _row(
            HISTORY_ROWS[0],
            lambda: dumps(history, format="json"),
            lambda: _plain_dumps(payload),
            repeat,
            f"{size}, the start document and {n} amendments",
        ),
        _row(
            HISTORY_ROWS[1],
            lambda: loads(text, History, format="json"),
            lambda: json.loads(text),
            repeat,
            f"{size}; builds the History and checks its structure; its {n} amendments are "
            f"applied on the first query (next row); the serialization layer alone is the "
            f"Document row below",
        ),
        _first_query(
            HISTORY_ROWS[2],
            lambda: loads(text, History, format="json").current,
            lambda: json.loads(text),
            repeat,
            f"{size}; loads, then .current, which applies and validates all {n} amendments "
            f"({replay * 1e3:.0f} ms alone, timed as attrs.evolve(history).current)",
            replay,
        ),
        _row(
            DOCUMENT_ROWS[0],
            lambda: dumps(document, format="json"),
            lambda: _plain_dumps(doc_payload),
            repeat,
            f"history.current, {doc_size}",
        ),
        _row(
            DOCUMENT_ROWS[1],
            lambda: loads(doc_text, Document, format="json"),
            lambda: json.loads(doc_text),
            repeat,
            f"history.current, {doc_size}; converter overhead only, no replay",
            DOCUMENT_LOADS_RATIO,
        ),
    ]
