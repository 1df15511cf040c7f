"""The Lawtext plain-text format: read it into a :class:`~legaldocs.Document` and write it back.

Lawtext (https://github.com/yamachig/Lawtext) writes a Japanese statute as indented plain
text: the title and law number, 目次, division headings indented six spaces and more,
captions ``  （目的）`` above articles ``第一条　…``, paragraphs ``２　…``, items and
sub-items indented two spaces a level, 附則 blocks, control tags such as
``:anonym-paragraph:`` and tables made of ``* - cell`` rows.

Reading is structural: the result is made of divisions, articles, paragraphs, items,
tables and supplementary provisions, never of raw lines. Blank lines and indentation are
derived from the structure when writing, so ``render_lawtext(parse_lawtext(text)) == text``
for text laid out the canonical way (as e-Gov Lawtext files are).
"""

from __future__ import annotations

from legaldocs.formats._limits import check_citations
from legaldocs.formats.lawtext._parse import parse as _parse
from legaldocs.formats.lawtext._render import render as _render
from legaldocs.model._records import Document

__all__ = ["parse_lawtext", "render_lawtext"]


def parse_lawtext(text: str, *, source: str | None = None) -> Document:
    """Read a Lawtext document.

    ``source`` names the file or origin in error messages. The text must use LF line
    endings and end with a line break. Keys follow the numbers: articles ``a3``, ``a3_2``;
    divisions ``ch2``, ``ch2.sec1``; paragraphs ``p2``; items ``i1``, ``i2`` in order;
    supplementary provisions ``s1``, ``s2``; tables ``t1`` and rows ``r1``.

    Raises :class:`~legaldocs.ParseError` naming the line and column and what was
    expected when the text is not Lawtext this reader understands.
    """
    doc = _parse(text, source)
    check_citations(doc, source)  # no element that could never be cited (issue 14)
    return doc


def render_lawtext(doc: Document) -> str:
    """Write ``doc`` as Lawtext, with LF line endings and a final line break.

    The result reads back equal with :func:`parse_lawtext`. A document that Lawtext cannot
    represent (an alternative title, revision lines, Arabic numerals or bullets, text with
    line breaks outside table cells, keys that do not follow the numbers, ...) raises
    :class:`~legaldocs.LegaldocsError` naming the element instead of writing text that
    would read back differently.
    """
    return _render(doc)
