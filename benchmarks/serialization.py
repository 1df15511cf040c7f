"""``legaldocs.dumps``/``loads`` (JSON) of the corpus history, against plain ``json``.

The baseline is ``json.dumps``/``json.loads`` of the same payload:
``legaldocs.converter.unstructure(history)``, timed in the same run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from benchmarks._data import MissingData, NotAvailable, corpus_count, corpus_history, public
from benchmarks._timing import Config, Result, median_seconds, ratio
from legaldocs import History

__all__ = ["dumps_loads"]

TARGET_RATIO = 3.0
TARGET = f"≤ {TARGET_RATIO:g}× plain json"


def dumps_loads(cfg: Config) -> list[Result]:
    """Seconds per ``dumps`` and per ``loads`` of the history, with their ratios."""
    names = ("dumps (JSON): corpus history", "loads (JSON): corpus history")
    try:
        dumps: Callable[..., str] = public("dumps")
        loads: Callable[..., Any] = public("loads")
        converter: Any = public("converter")
        history = corpus_history(corpus_count(cfg.quick))
    except (MissingData, NotAvailable) as error:
        return [Result.skipped(name, "s", TARGET, str(error)) for name in names]
    repeat = cfg.reps(5)
    payload = converter.unstructure(history)
    text = dumps(history, format="json")
    plain = json.dumps(payload)
    rows = []
    for name, ours, base, what in (
        (names[0], lambda: dumps(history, format="json"), lambda: json.dumps(payload), "dumps"),
        (names[1], lambda: loads(text, History, format="json"), lambda: json.loads(plain), "loads"),
    ):
        t = median_seconds(ours, repeat=repeat)
        b = median_seconds(base, repeat=repeat)
        r = ratio(t, b)
        detail = f"{len(text) / 1e6:.1f} MB of JSON; json.{what} {b * 1e3:.1f} ms, ratio {r:.2f}"
        rows.append(
            Result(
                name=name,
                value=t,
                unit="s",
                target=TARGET,
                ok=r <= TARGET_RATIO,
                detail=detail,
                extra={"baseline_seconds": b, "ratio": r},
            )
        )
    return rows
