"""Start-up: ``import legaldocs`` and ``legaldocs --help``, each against ``python -c pass``.

Each command runs as a new process (``sys.executable``, the same environment), several times;
the rows are medians of the processes' CPU time (see :func:`_wall`). ``--help`` runs as
``python -m legaldocs --help`` (what the ``legaldocs`` script does, without depending on the
script being installed).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time

from benchmarks._data import ROOT
from benchmarks._timing import Config, Result

__all__ = ["startup"]

IMPORT_MS = 150.0
HELP_MS = 80.0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    src = str(ROOT / "src")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    return env


def _wall(args: list[str], repeat: int) -> float:
    """The median time of a process: its CPU time (user and system, from ``getrusage`` of
    the children), which on a quiet machine is its wall time less waiting, and on a shared one
    leaves out the other processes (``LEGALDOCS_BENCH_CLOCK=wall`` for wall time)."""
    env = _env()
    wall = os.environ.get("LEGALDOCS_BENCH_CLOCK") == "wall"
    subprocess.run([sys.executable, *args], env=env, capture_output=True, check=True)
    times = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], env=env, capture_output=True, check=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        times.append(elapsed if wall else cpu)
    return statistics.median(times)


def startup(cfg: Config) -> list[Result]:
    """Milliseconds of ``import legaldocs`` and of ``legaldocs --help`` as whole processes."""
    repeat = cfg.reps(11)
    base = _wall(["-c", "pass"], repeat)
    imported = _wall(["-c", "import legaldocs"], repeat)
    helped = _wall(["-m", "legaldocs", "--help"], repeat)
    baseline = f"python -c pass {base * 1e3:.0f} ms"
    return [
        Result(
            name="import legaldocs (whole process)",
            value=imported * 1e3,
            unit="ms",
            target=f"< {IMPORT_MS:g} ms",
            ok=imported * 1e3 < IMPORT_MS,
            detail=f"{baseline}; the import alone {(imported - base) * 1e3:.0f} ms",
            extra={"baseline_seconds": base},
        ),
        Result(
            name="legaldocs --help (whole process)",
            value=helped * 1e3,
            unit="ms",
            target=f"≤ {HELP_MS:g} ms",
            ok=helped * 1e3 <= HELP_MS,
            detail=f"{baseline}; ratio {helped / base:.1f}",
            extra={"baseline_seconds": base},
        ),
    ]
