"""Lawtext parse and render against the simplest pass over the same text.

The baseline reads the text with one regular expression per line and builds one frozen attrs
record per line (its indentation and its text); rendering it joins the records back. That is
about the least a reader that keeps every line can do in Python, so the ratios say what the
real reader and writer spend on understanding the structure. Same file as the throughput rows
(the largest corpus file), baseline timed in the same run.
"""

from __future__ import annotations

import re

import attrs

from benchmarks._data import MissingData, largest_corpus_file
from benchmarks._timing import Config, Result, median_seconds, ratio
from legaldocs.formats.lawtext import parse_lawtext, render_lawtext

__all__ = ["baseline"]

PARSE, RENDER = 2.0, 4.0
_LINE = re.compile(r"([ \u3000]*)(.*)")


@attrs.frozen
class _Line:
    indent: str
    text: str


def _parse_lines(text: str) -> tuple[_Line, ...]:
    return tuple(_Line(m[1], m[2]) for m in map(_LINE.match, text.split("\n")) if m)


def _render_lines(lines: tuple[_Line, ...]) -> str:
    return "\n".join([line.indent + line.text for line in lines])


def baseline(cfg: Config) -> list[Result]:
    """``parse_lawtext`` and ``render_lawtext`` time, each divided by the baseline's."""
    names = ("parse_lawtext vs a regex-per-line pass", "render_lawtext vs joining those lines")
    try:
        path = largest_corpus_file()
    except MissingData as error:
        return [Result.skipped(n, "×", "-", str(error)) for n in names]
    text = path.read_text(encoding="utf-8")
    doc = parse_lawtext(text)
    lines = _parse_lines(text)
    repeat = cfg.reps(7)
    ours = (
        median_seconds(lambda: parse_lawtext(text), repeat=repeat),
        median_seconds(lambda: render_lawtext(doc), repeat=repeat),
    )
    base = (
        median_seconds(lambda: _parse_lines(text), repeat=repeat),
        median_seconds(lambda: _render_lines(lines), repeat=repeat),
    )
    rows = []
    for name, t, b, target in zip(names, ours, base, (PARSE, RENDER), strict=True):
        r = ratio(t, b)
        rows.append(
            Result(
                name=name,
                value=r,
                unit="×",
                target=f"≤ {target:g}×",
                ok=r <= target,
                detail=f"{path.name}: {t * 1e3:.1f} ms vs baseline {b * 1e3:.1f} ms "
                f"({len(lines):,} lines)",
                extra={"seconds": t, "baseline_seconds": b},
            )
        )
    return rows
