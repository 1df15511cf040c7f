"""``parse_law_xml`` on the largest 法令標準XML file of the e-Gov sample, against
``lxml.etree.fromstring`` alone (the floor: parsing the XML without building a document)
measured in the same run."""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from benchmarks._data import ROOT, MissingData
from benchmarks._timing import Config, Result, median_seconds
from legaldocs.formats.lawxml import parse_law_xml, render_law_xml

__all__ = ["parse", "render"]

RATIO = 5.0  # parse_law_xml may take at most this many times lxml's parse alone
RENDER = 5.0  # MB/s


def largest_xml_file() -> Path:
    """The largest XML file of ``egov-2020`` (``$LEGALDOCS_CORPORA`` or ``../shared/corpora``)."""
    env = os.environ.get("LEGALDOCS_CORPORA")
    base = (Path(env) if env else ROOT.parent / "shared" / "corpora") / "egov-2020"
    files = list(base.glob("*/*.xml"))
    if not files:
        raise MissingData(f"no XML files under {base} (set LEGALDOCS_CORPORA)")
    return max(files, key=lambda p: p.stat().st_size)


def _floor_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def parse(cfg: Config) -> list[Result]:
    """MB/s of ``parse_law_xml`` and of ``lxml.etree.fromstring`` on the same bytes."""
    name = "parse_law_xml (largest XML of the e-Gov sample)"
    floor_name = "lxml.etree.fromstring alone (floor, same file)"
    target = f"≤ {RATIO:g}× the floor"
    try:
        path = largest_xml_file()
    except MissingData as error:
        return [
            Result.skipped(floor_name, "MB/s", "-", str(error)),
            Result.skipped(name, "MB/s", target, str(error)),
        ]
    data = path.read_bytes()
    size = len(data)
    floor = median_seconds(lambda: etree.fromstring(data, _floor_parser()), repeat=cfg.reps(7))
    t = median_seconds(lambda: parse_law_xml(data), repeat=cfg.reps(7))
    ratio = t / floor
    where = f"{path.parent.name}/{path.name}, {size / 1e3:,.0f} KB"
    return [
        Result(
            name=floor_name,
            value=size / floor / 1e6,
            unit="MB/s",
            target="-",
            ok=None,
            detail=f"{where} in {floor * 1e3:.1f} ms",
            extra={"seconds": floor, "bytes": size},
        ),
        Result(
            name=name,
            value=size / t / 1e6,
            unit="MB/s",
            target=target,
            ok=ratio <= RATIO,
            detail=f"{where} in {t * 1e3:.1f} ms, {ratio:.1f}× the floor",
            extra={"seconds": t, "bytes": size, "floor_seconds": floor, "ratio": ratio},
        ),
    ]


def render(cfg: Config) -> list[Result]:
    """MB/s of ``render_law_xml`` (UTF-8 bytes of the output; it reads its result back)."""
    name = "render_law_xml (same document, read back included)"
    target = f"≥ {RENDER:g} MB/s"
    try:
        path = largest_xml_file()
    except MissingData as error:
        return [Result.skipped(name, "MB/s", target, str(error))]
    doc = parse_law_xml(path.read_bytes())
    out_size = len(render_law_xml(doc).encode("utf-8"))
    t = median_seconds(lambda: render_law_xml(doc), repeat=cfg.reps(5))
    rate = out_size / t / 1e6
    return [
        Result(
            name=name,
            value=rate,
            unit="MB/s",
            target=target,
            ok=rate >= RENDER,
            detail=f"{path.parent.name}/{path.name}, {out_size / 1e3:,.0f} KB in {t * 1e3:.1f} ms",
            extra={"seconds": t, "bytes": out_size},
        )
    ]
