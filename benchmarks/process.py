"""Whole process: read a Lawtext file and write it back, against the reference tool.

Ours is the command line, ``python -m legaldocs convert IN OUT`` (what the ``legaldocs``
script runs), with byte code cached as installed (see
:func:`benchmarks._timing.process_env`); the detail also gives
``python benchmarks/roundtrip.py IN OUT``, the same work in a script that imports the Lawtext
format alone. The reference is the npm package ``lawtext`` (``node …/lawtext/dist/src/main.js
-i IN -o OUT``), installed for the benchmark only into a cache folder outside the repository
(``$LEGALDOCS_BENCH_CACHE``, default ``~/.cache/legaldocs-bench``). All run as whole
processes, timed by their CPU time (every thread); medians of at least 5 runs after one
untimed run. A quick run does not run (nor install) the reference.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks._data import ROOT, MissingData, largest_corpus_file
from benchmarks._timing import Config, Result, median_process_seconds, process_env, ratio

__all__ = ["LAWTEXT_VERSION", "process", "reference_tool"]

LAWTEXT_VERSION = "0.1.52"
TARGET = 10.0
NAME = "process: legaldocs convert Lawtext → Lawtext (vs npm lawtext)"
TARGET_TEXT = f"≥ {TARGET:g}× faster than lawtext {LAWTEXT_VERSION}"


def _cache() -> Path:
    env = os.environ.get("LEGALDOCS_BENCH_CACHE")
    base = Path(env) if env else Path.home() / ".cache" / "legaldocs-bench"
    return base / "lawtext"


def reference_tool(*, install: bool) -> list[str] | str:
    """The command prefix running the reference CLI, or why it is not available. Installs
    it with npm (``--ignore-scripts``: the optional ``canvas`` build fails) when allowed."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        return "node not found"
    folder = _cache()
    main = folder / "node_modules" / "lawtext" / "dist" / "src" / "main.js"
    if not main.is_file():
        if not install:
            return f"reference tool not installed in {folder}"
        if npm is None:
            return "npm not found"
        folder.mkdir(parents=True, exist_ok=True)
        command = [
            npm,
            "install",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(folder),
            f"lawtext@{LAWTEXT_VERSION}",
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"npm install lawtext@{LAWTEXT_VERSION} failed: {error}"
        if done.returncode != 0 or not main.is_file():
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            return f"npm install lawtext@{LAWTEXT_VERSION} failed: {last}"
    return [node, str(main)]


def process(cfg: Config) -> list[Result]:
    """Seconds per whole process, ours and the reference's, on the largest corpus file."""
    try:
        source = largest_corpus_file()
    except MissingData as error:
        return [Result.skipped(NAME, "s", TARGET_TEXT, str(error))]
    repeat = cfg.reps(5)
    env = process_env()
    with tempfile.TemporaryDirectory(prefix="legaldocs-bench-") as tmp:
        ours_out = Path(tmp) / "ours.law.txt"
        convert = [
            sys.executable,
            "-m",
            "legaldocs",
            "convert",
            str(source),
            str(ours_out),
            "--force",
        ]
        ours = median_process_seconds(convert, env, repeat)
        exact = ours_out.read_bytes() == source.read_bytes()
        script = [sys.executable, str(ROOT / "benchmarks" / "roundtrip.py"), str(source)]
        alone = median_process_seconds([*script, str(Path(tmp) / "script.law.txt")], env, repeat)
        note = (
            f"{source.name}; ours {'byte-exact' if exact else 'NOT byte-exact'}; "
            f"roundtrip.py {alone:.3f} s"
        )
        reference = "quick run: reference not run" if cfg.quick else reference_tool(install=True)
        if isinstance(reference, str):
            return [
                Result(
                    name=NAME,
                    value=ours,
                    unit="s",
                    target=TARGET_TEXT,
                    ok=None,
                    detail=f"{note}; {reference}",
                )
            ]
        theirs_out = Path(tmp) / "theirs.law.txt"
        try:
            theirs = median_process_seconds(
                [*reference, "-i", str(source), "-o", str(theirs_out)], None, repeat
            )
        except (OSError, subprocess.SubprocessError) as error:
            return [
                Result(
                    name=NAME,
                    value=ours,
                    unit="s",
                    target=TARGET_TEXT,
                    ok=None,
                    detail=f"{note}; reference tool failed: {error}",
                )
            ]
    speedup = ratio(theirs, ours)
    detail = f"{note}; lawtext {theirs:.3f} s, {speedup:.1f}× faster (median of {repeat}, CPU time)"
    return [
        Result(
            name=NAME,
            value=ours,
            unit="s",
            target=TARGET_TEXT,
            ok=speedup >= TARGET,
            detail=detail,
            extra={"reference_seconds": theirs, "speedup": speedup},
        )
    ]
