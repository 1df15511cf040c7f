"""Timing helpers: medians over repeated runs, and a result record."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from typing import Any

import attrs


@attrs.frozen(kw_only=True)
class Result:
    """One row of the benchmark table."""

    name: str
    value: float
    unit: str
    target: str
    ok: bool | None
    detail: str = ""

    def row(self) -> tuple[str, str, str, str, str]:
        """The row as printed."""
        verdict = {True: "met", False: "MISSED", None: "-"}[self.ok]
        return (self.name, f"{self.value:,.3f} {self.unit}", self.target, verdict, self.detail)


def median_seconds(fn: Callable[[], Any], *, repeat: int, warmup: int = 1) -> float:
    """The median wall time of ``fn()`` over ``repeat`` runs, after ``warmup`` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
