"""Start-up: ``import legaldocs`` and ``legaldocs --help``, each against ``python -c pass``.

Each command runs as a new process (``sys.executable``, the same environment, byte code
cached as installed: see :func:`benchmarks._timing.process_env`), several times; the rows are
medians of the processes' CPU time. ``--help`` runs as
``python -m legaldocs --help`` (what the ``legaldocs`` script does, without depending on the
script being installed).
"""

from __future__ import annotations

import sys

from benchmarks._timing import Config, Result, median_process_seconds, process_env

__all__ = ["startup"]

IMPORT_MS = 150.0
HELP_MS = 80.0


def _wall(args: list[str], repeat: int) -> float:
    """The median CPU time of ``python ARGS`` (see :func:`median_process_seconds`)."""
    return median_process_seconds([sys.executable, *args], process_env(), repeat)


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
