"""``parse_lawtext`` and ``render_lawtext`` throughput on the largest corpus file."""

from __future__ import annotations

from benchmarks._data import MissingData, largest_corpus_file
from benchmarks._timing import Config, Result, median_seconds
from legaldocs.formats.lawtext import parse_lawtext, render_lawtext

__all__ = ["parse", "render"]

PARSE, RENDER = 10.0, 20.0  # MB/s


def _input() -> tuple[str, str, int]:
    path = largest_corpus_file()
    text = path.read_text(encoding="utf-8")
    return path.name, text, len(text.encode("utf-8"))


def parse(cfg: Config) -> list[Result]:
    """MB/s of ``parse_lawtext`` (UTF-8 bytes of the input)."""
    name = "parse_lawtext (largest corpus file)"
    try:
        file, text, size = _input()
    except MissingData as error:
        return [Result.skipped(name, "MB/s", f"≥ {PARSE:g} MB/s", str(error))]
    t = median_seconds(lambda: parse_lawtext(text), repeat=cfg.reps(7))
    rate = size / t / 1e6
    detail = f"{file}, {size / 1e3:,.0f} KB in {t * 1e3:.1f} ms"
    return [
        Result(
            name=name,
            value=rate,
            unit="MB/s",
            target=f"≥ {PARSE:g} MB/s",
            ok=rate >= PARSE,
            detail=detail,
            extra={"seconds": t, "bytes": size},
        )
    ]


def render(cfg: Config) -> list[Result]:
    """MB/s of ``render_lawtext`` (UTF-8 bytes of the output)."""
    name = "render_lawtext (same document)"
    try:
        file, text, _ = _input()
    except MissingData as error:
        return [Result.skipped(name, "MB/s", f"≥ {RENDER:g} MB/s", str(error))]
    doc = parse_lawtext(text)
    out_size = len(render_lawtext(doc).encode("utf-8"))
    t = median_seconds(lambda: render_lawtext(doc), repeat=cfg.reps(7))
    rate = out_size / t / 1e6
    detail = f"{file}, {out_size / 1e3:,.0f} KB in {t * 1e3:.1f} ms"
    return [
        Result(
            name=name,
            value=rate,
            unit="MB/s",
            target=f"≥ {RENDER:g} MB/s",
            ok=rate >= RENDER,
            detail=detail,
            extra={"seconds": t, "bytes": out_size},
        )
    ]
