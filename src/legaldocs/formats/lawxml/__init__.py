"""法令標準XML (the e-Gov law XML schema, v3): read it into a :class:`~legaldocs.Document`
and write it back.

e-Gov publishes every Japanese statute as XML of the 法令標準XMLスキーマ: ``<Law>`` with
``<LawNum>`` and ``<LawBody>`` (``<LawTitle>``, ``<TOC>``, ``<MainProvision>``,
``<SupplProvision>`` ...). Reading maps each element onto the model the way the reference
converter (Lawtext) maps it onto Lawtext, so that for the e-Gov files
``render_lawtext(parse_law_xml(xml))`` is the converter's Lawtext byte for byte, and
``parse_law_xml(render_law_xml(doc)) == doc``.

The parser is lxml's, set to expand no entity, load no DTD and reach no network.
"""

from __future__ import annotations

from legaldocs.errors import require_type
from legaldocs.formats.lawxml._parse import parse as _parse_xml
from legaldocs.formats.lawxml._render import render as _render_xml
from legaldocs.model._records import Document

__all__ = ["parse_law_xml", "render_law_xml"]


def parse_law_xml(data: str | bytes, *, source: str | None = None) -> Document:
    """Read a law in 法令標準XML (``bytes`` as stored, or an already decoded ``str``).

    ``source`` names the file or origin in error messages. XML that is not well formed
    raises :class:`~legaldocs.ParseError` naming the line and column; an element this
    reader does not know, or that the model cannot hold, raises it naming the element and
    its line: nothing is dropped. What the model keeps is what the Lawtext of the same law
    keeps: attributes that only steer layout or restate a number (``Hide``, ``Delete``,
    ``Num``, a sentence's ``Num`` and ``Function``, ``WritingMode="vertical"``) are not
    kept.
    """
    require_type(data, (str, bytes), "parse_law_xml: data")
    return _parse_xml(data, source)


def render_law_xml(doc: Document) -> str:
    """Write ``doc`` as 法令標準XML (UTF-8 declared, LF line ends, two-space indentation).

    The result reads back equal with :func:`parse_law_xml`. A document the schema cannot
    hold raises :class:`~legaldocs.LegaldocsError` naming the element.
    """
    require_type(doc, Document, "render_law_xml: doc")
    return _render_xml(doc)
