"""Benchmark History.from_versions on the 23 versions of 電気事業法 (not part of the tests).

Targets: from_versions over the 23 versions in at most 2 s (parsing excluded), and the memory
of the whole history at most twice that of its largest version. Memory is measured two ways:
a deep ``sys.getsizeof`` counting each object once (the versions' documents and the
amendments), and tracemalloc (everything the history keeps alive, its indexes included, after
the parsed inputs are dropped).

    PYTHONPATH=src python benchmarks/bench_from_versions.py
"""

from __future__ import annotations

import csv
import gc
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pendulum

from legaldocs import History, parse_lawtext

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/corpora/denki-jigyo-ho"


def load() -> tuple[list[pendulum.Date], list[str], list[str]]:
    with (CORPUS / "versions.tsv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    dates = [pendulum.Date.fromisoformat(r[1]) for r in rows]
    texts = [(CORPUS / r[0]).read_text(encoding="utf-8") for r in rows]
    return dates, texts, [r[2] for r in rows[1:]]


def deep_size(roots: list[Any]) -> int:
    """Bytes of every object reachable from ``roots``, each counted once."""
    seen: set[int] = set()
    total = 0
    stack = list(roots)
    while stack:
        obj = stack.pop()
        if obj is None or isinstance(obj, bool) or id(obj) in seen:
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        if isinstance(obj, tuple | list):
            stack.extend(obj)
        elif isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        else:
            for cls in type(obj).__mro__:
                for name in getattr(cls, "__slots__", ()):
                    if name != "__weakref__" and hasattr(obj, name):
                        stack.append(getattr(obj, name))
    return total


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found: {CORPUS}")
    dates, texts, ids = load()
    docs = [parse_lawtext(t) for t in texts]
    times = []
    history = None
    for _ in range(3):
        gc.collect()
        start = time.perf_counter()
        history = History.from_versions(list(zip(dates, docs, strict=True)), ids=ids)
        times.append(time.perf_counter() - start)
    assert history is not None
    seconds = statistics.median(times)
    largest = max(deep_size([d]) for d in docs)
    whole = deep_size([v.document for v in history.versions] + list(history.amendments))
    print(f"from_versions, 23 versions: {seconds:.3f} s (target <= 2 s)")
    print(f"deep size: history {whole:,} B, largest version {largest:,} B, x{whole / largest:.2f}")
    del history, docs
    gc.collect()
    tracemalloc.start()
    one = parse_lawtext(texts[-1])
    gc.collect()
    single = tracemalloc.get_traced_memory()[0]
    del one
    gc.collect()
    tracemalloc.stop()
    tracemalloc.start()
    inputs = [parse_lawtext(t) for t in texts]
    kept = History.from_versions(list(zip(dates, inputs, strict=True)), ids=ids)
    del inputs
    gc.collect()
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(f"tracemalloc: history {held:,} B, one version {single:,} B, x{held / single:.2f}")
    del kept


if __name__ == "__main__":
    main()
