"""``legaldocs.diff`` of consecutive corpus versions, against difflib over the lines.

Each of the consecutive pairs is timed (median of several runs); the row gives the median
over the pairs, and the baseline is ``difflib.SequenceMatcher(None, a_lines, b_lines,
autojunk=False).get_opcodes()`` over the same two files' lines (line level only), timed the
same way in the same run.
"""

from __future__ import annotations

import difflib
import functools
import statistics

from benchmarks._data import MissingData, corpus_count, corpus_documents, corpus_versions
from benchmarks._timing import Config, Result, median_seconds, ratio
from legaldocs import diff

__all__ = ["diff_versions"]

TARGET_MS = 20.0
NAME = "diff: consecutive corpus versions"
TARGET = f"≤ {TARGET_MS:g} ms and ≤ difflib lines"


def _lines_diff(a: list[str], b: list[str]) -> object:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def diff_versions(cfg: Config) -> list[Result]:
    """Milliseconds per ``diff`` of two consecutive versions (median over the pairs)."""
    try:
        count = corpus_count(cfg.quick)
        docs = [doc for _, doc in corpus_documents(count)]
        lines = [
            path.read_text(encoding="utf-8").splitlines() for _, path in corpus_versions()[:count]
        ]
    except MissingData as error:
        return [Result.skipped(NAME, "ms", TARGET, str(error))]
    repeat = cfg.reps(5)
    ours, base, changes = [], [], []
    for i in range(len(docs) - 1):
        a, b = docs[i], docs[i + 1]
        x, y = lines[i], lines[i + 1]
        changes.append(len(diff(a, b)))
        ours.append(median_seconds(functools.partial(diff, a, b), repeat=repeat))
        base.append(median_seconds(functools.partial(_lines_diff, x, y), repeat=repeat))
    med, med_base = statistics.median(ours) * 1e3, statistics.median(base) * 1e3
    slowest = max(range(len(ours)), key=ours.__getitem__)
    detail = (
        f"{len(ours)} pairs; difflib lines {med_base:.1f} ms, ratio {ratio(med, med_base):.2f}; "
        f"slowest pair {slowest + 1}→{slowest + 2}: {ours[slowest] * 1e3:.1f} ms "
        f"(difflib {base[slowest] * 1e3:.1f} ms); {statistics.median(changes):.0f} changes/pair"
    )
    ok = med <= TARGET_MS and med <= med_base
    return [
        Result(
            name=NAME,
            value=med,
            unit="ms",
            target=TARGET,
            ok=ok,
            detail=detail,
            extra={
                "pairs_ms": [t * 1e3 for t in ours],
                "difflib_pairs_ms": [t * 1e3 for t in base],
            },
        )
    ]
