"""The suite: the list of benchmarks, the command line, the table and the JSON report."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks import (
    as_of,
    consent,
    diffing,
    from_versions,
    lawtext_baseline,
    lawtext_speed,
    lawxml_speed,
    memory,
    process,
    scaling,
    serialization,
    startup,
    synthetic,
)
from benchmarks._data import ROOT
from benchmarks._timing import Config, Result

__all__ = ["BENCHMARKS", "main", "run"]

Benchmark = Callable[[Config], list[Result]]

BENCHMARKS: dict[str, Benchmark] = {
    "parse_lawtext": lawtext_speed.parse,
    "render_lawtext": lawtext_speed.render,
    "lawtext_baseline": lawtext_baseline.baseline,
    "parse_law_xml": lawxml_speed.parse,
    "render_law_xml": lawxml_speed.render,
    "process": process.process,
    "diff": diffing.diff_versions,
    "from_versions": from_versions.from_versions,
    "as_of_corpus": as_of.as_of_corpus,
    "as_of_synthetic": as_of.as_of_synthetic,
    "memory_corpus": memory.history_memory,
    "synthetic_build": synthetic.build,
    "synthetic_memory": synthetic.growth,
    "dumps_loads": serialization.dumps_loads,
    "scaling": scaling.scaling,
    "consent": consent.consent,
    "startup": startup.startup,
}
"""Every benchmark by name, in the order of the table."""

DEFAULT_JSON = ROOT / "benchmarks" / "results" / "latest.json"


def run(
    cfg: Config,
    only: str | None = None,
    *,
    echo: bool = False,
    skip: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Run the benchmarks whose name contains ``only`` (all by default) and none of
    ``skip``; each row as a JSON object with the name of its benchmark and its wall time. A
    benchmark that raises gives one row with ``value`` None, ``ok`` False and the error
    (traceback on stderr)."""
    rows: list[dict[str, Any]] = []
    for name, bench in BENCHMARKS.items():
        if only is not None and only not in name:
            continue
        if any(part in name for part in skip):
            continue
        if echo:
            print(f"… {name}", file=sys.stderr, flush=True)
        start = time.perf_counter()
        try:
            results = bench(cfg)
        except Exception as error:  # one broken benchmark must not hide the others
            detail = f"error: {type(error).__name__}: {error}"
            traceback.print_exc()
            results = [Result(name=name, value=None, unit="", target="-", ok=False, detail=detail)]
        spent = time.perf_counter() - start
        rows.extend({"benchmark": name, **r.to_json(), "wall_seconds": spent} for r in results)
    return rows


def machine() -> dict[str, Any]:
    """The machine the numbers come from."""
    return {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "cpu_count": os.cpu_count(),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }


def table(rows: Sequence[dict[str, Any]]) -> str:
    """The rows as a plain-text table."""
    header = ("operation", "median", "target", "verdict", "detail")
    body = []
    for row in rows:
        fields = {k: row[k] for k in ("name", "value", "unit", "target", "ok", "detail")}
        body.append(Result(**fields).row())
    widths = [max(len(r[i]) for r in (header, *body)) for i in range(4)]
    lines = []
    for r in (header, *body):
        cells = [r[i].ljust(widths[i]) for i in range(4)]
        lines.append("  ".join((*cells, r[4])).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths) + "  ------")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks [--quick] [--only NAME] [--skip NAME] [--repeat N] [--json PATH]``."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Benchmarks of legaldocs: medians, targets and baselines measured "
        "in the same run.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small data and few repeats: a smoke run of a few seconds",
    )
    parser.add_argument(
        "--only",
        metavar="NAME",
        help=f"run the benchmarks whose name contains NAME: {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="NAME",
        help="leave out the benchmarks whose name contains NAME (may be repeated; "
        "--skip consent leaves out the 12-minute consent store run)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        metavar="N",
        help="timed runs per measurement (default 5; some use more)",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=DEFAULT_JSON,
        metavar="PATH",
        help="where to write the results (default benchmarks/results/latest.json)",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.only is not None and not any(args.only in name for name in BENCHMARKS):
        parser.error(f"no benchmark matches {args.only!r}: {', '.join(BENCHMARKS)}")
    cfg = Config(quick=args.quick, repeat=args.repeat)
    start = time.perf_counter()
    rows = run(cfg, args.only, echo=True, skip=args.skip)
    report = {
        "machine": machine(),
        "config": {
            "quick": cfg.quick,
            "repeat": cfg.repeat,
            "only": args.only,
            "skip": args.skip,
        },
        "wall_seconds": time.perf_counter() - start,
        "results": rows,
    }
    print(table(rows))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {args.json} ({report['wall_seconds']:.1f} s)")
    failed = [row["benchmark"] for row in rows if row["detail"].startswith("error: ")]
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0
