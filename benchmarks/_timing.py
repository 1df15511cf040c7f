"""Timing and memory helpers: medians over repeated runs, deep sizes, and a result record."""

from __future__ import annotations

import gc
import os
import resource
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs

import legaldocs

__all__ = [
    "Config",
    "Result",
    "deep_sizeof",
    "median_call_seconds",
    "median_process_seconds",
    "median_seconds",
    "process_env",
    "ratio",
    "seconds_each",
]


@attrs.frozen(kw_only=True)
class Config:
    """How a run is sized: ``quick`` (small data, few repeats) and the repeat count."""

    quick: bool = False
    repeat: int = 5

    def reps(self, full: int | None = None) -> int:
        """The repeat count: ``full`` (default: the configured count) in a full run, at most
        2 in a quick one."""
        n = self.repeat if full is None else max(full, self.repeat)
        return min(n, 2) if self.quick else n


@attrs.frozen(kw_only=True)
class Result:
    """One row of the benchmark table. ``value`` is None for a row that could not be
    measured (the corpus is missing, or the benchmark raised), with the reason in ``detail``;
    ``ok`` is None where there is no verdict."""

    name: str
    value: float | None
    unit: str
    target: str
    ok: bool | None
    detail: str = ""
    extra: dict[str, Any] = attrs.field(factory=dict)

    @classmethod
    def skipped(cls, name: str, unit: str, target: str, reason: str) -> Result:
        """A row that could not be measured (such as a missing corpus), with the reason."""
        return cls(name=name, value=None, unit=unit, target=target, ok=None, detail=reason)

    def row(self) -> tuple[str, str, str, str, str]:
        """The row as printed."""
        verdict = {True: "met", False: "MISSED", None: "-"}[self.ok]
        value = "skipped" if self.value is None else f"{self.value:,.3f} {self.unit}"
        return (self.name, value, self.target, verdict, self.detail)

    def to_json(self) -> dict[str, Any]:
        """The row as a JSON object."""
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "target": self.target,
            "ok": self.ok,
            "detail": self.detail,
            **({"extra": self.extra} if self.extra else {}),
        }


def median_seconds(fn: Callable[[], Any], *, repeat: int, warmup: int = 1) -> float:
    """The median time of ``fn()`` over ``repeat`` runs, after ``warmup`` runs (see
    :func:`seconds_each` for the clock)."""
    return statistics.median(seconds_each(fn, repeat=repeat, warmup=warmup))


def seconds_each(fn: Callable[[], Any], *, repeat: int, warmup: int = 1) -> list[float]:
    """The time of each of ``repeat`` runs of ``fn()``, after ``warmup`` runs (with a
    garbage collection before each run, not timed).

    The clock is the process's CPU time (``time.process_time``): everything measured runs on
    one thread, so on a quiet machine it equals wall time, and on a shared one it leaves out
    the time other processes had the core (``LEGALDOCS_BENCH_CLOCK=wall`` for wall time)."""
    clock = (
        time.perf_counter
        if os.environ.get("LEGALDOCS_BENCH_CLOCK") == "wall"
        else (time.process_time)
    )
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        gc.collect()
        start = clock()
        fn()
        times.append(clock() - start)
    return times


def median_call_seconds(fn: Callable[[Any], Any], args: Iterable[Any]) -> float:
    """The median wall time of one call ``fn(arg)`` over ``args``, each call timed alone
    (for calls too short to time in a batch; garbage collection is off meanwhile)."""
    samples = []
    clock = time.perf_counter_ns
    enabled = gc.isenabled()
    gc.disable()
    try:
        for arg in args:
            start = clock()
            fn(arg)
            samples.append(clock() - start)
    finally:
        if enabled:
            gc.enable()
    return statistics.median(samples) / 1e9


def ratio(a: float, b: float) -> float:
    """``a / b``, infinite when ``b`` is 0."""
    return a / b if b else float("inf")


_SKIP = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType)


def deep_sizeof(root: object, *, exclude: Iterable[object] = ()) -> int:
    """The bytes of every object reachable from ``root``, each counted once (by id).

    Classes, modules and functions are not counted (nor followed); neither are the objects
    reachable only through ``exclude``'s members, which are left out with everything below
    them.
    """
    seen: set[int] = {id(x) for x in exclude}
    total = 0
    stack = [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, _SKIP):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        stack.extend(gc.get_referents(obj))
    return total


def process_env() -> dict[str, str]:
    """The environment of a timed Python process: the legaldocs this run measures first on
    its path (the one this process imported), and byte code cached as an installed package
    has it (``pip`` compiles it at install): ``PYTHONDONTWRITEBYTECODE`` is dropped and the
    cache goes to ``$LEGALDOCS_BENCH_CACHE/pycache`` (default
    ``~/.cache/legaldocs-bench/pycache``), outside the checkout. The first, untimed run of
    each command writes it."""
    env = dict(os.environ)
    src = str(Path(legaldocs.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cache = os.environ.get("LEGALDOCS_BENCH_CACHE")
    base = Path(cache) if cache else Path.home() / ".cache" / "legaldocs-bench"
    env["PYTHONPYCACHEPREFIX"] = str(base / "pycache")
    return env


def median_process_seconds(
    command: list[str], env: dict[str, str] | None, repeat: int, *, warmup: int = 1
) -> float:
    """The median time of ``command`` as a new process, after ``warmup`` untimed runs: its
    CPU time (user and system, from ``getrusage`` of the children), which on a quiet machine
    is its wall time less waiting, and on a shared one leaves out the other processes
    (``LEGALDOCS_BENCH_CLOCK=wall`` for wall time). The CPU time counts every thread of the
    process (a JavaScript engine compiles on threads of its own)."""
    wall = os.environ.get("LEGALDOCS_BENCH_CLOCK") == "wall"
    for _ in range(warmup):
        subprocess.run(command, env=env, capture_output=True, check=True, timeout=300)
    times = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True, timeout=300)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        times.append(elapsed if wall else cpu)
    return statistics.median(times)
