"""The Lawtext plain-text format: read it into a :class:`~legaldocs.Document` and write it back.

Lawtext (https://github.com/yamachig/Lawtext) writes a Japanese statute as indented plain
text: ``[LawType="…"]`` attribute lines, the title and law number, ``:enact-statement:``
lines (制定文), 目次 (or ``:toc:`` with its own title), ``:preamble:``, division headings
indented four spaces and more, captions ``  （目的）`` (or ``:caption:``) above articles
``第一条　…``, paragraphs ``２　…`` (also ``10　…``, ``○２　…`` and
``:anonym-paragraph:[MissingNum="true"]`` as old statutes write them), items and sub-items
indented two spaces a level (``:item:``, ``# 一``, ``:anonym-item:`` where needed), tables
made of ``* - cell`` rows anywhere (``* *`` header cells, ``[Align="center"]`` cell
attributes, ``|`` cells of several lines or of paragraphs and figures, ``:table-struct:``
with a title and remarks), ``:fig-struct:`` and ``<Fig src="…"/>``, ``:note-struct:``,
``:style-struct:``, ``:format-struct:``, ``:remarks:`` / 備考, ``- `` lists,
``:arith-formula:``, amending provisions below ``…の一部を次のように改正する。``
(``:amend-provision:``) with what they quote (whole articles with their captions, divisions
written ``:keep-indents:``, appendices, nested amending provisions), ``:suppl-note:``,
附則 blocks with their own appendices
(``# 附則別表第一``, ``:suppl-provision-appdx-table:``) and the appendices of the law
(``# 別表第一（第三条関係）``, ``:appdx-table:``, ``:appdx-style:``, ``:appdx-note:``,
``:appdx-format:``, ``:appdx-fig:``, ``:appdx:``).

The reader classifies every line once, as the reference's line grammar does, and builds
the structure from the classified lines; the result is made of the records of
:mod:`legaldocs.model` (named after 法令標準XML: :class:`~legaldocs.AppdxTable`,
:class:`~legaldocs.StyleStruct`, :class:`~legaldocs.Remarks`, …), never of raw lines. Blank
lines and indentation are derived from the structure when writing, following the reference
writer's layout rules, so ``render_lawtext(parse_lawtext(text)) == text`` for text the
reference writer produced (the e-Gov Lawtext files); two presentation fields keep what
hand-made files do otherwise (:attr:`Paragraph.tight <legaldocs.Paragraph.tight>`,
:attr:`Document.appendix_places <legaldocs.Document.appendix_places>`). Numbers are kept as
written where they are not the standard form (``第一条ノ二``, ``第十ニ条``,
``第十一条及び第十二条``, ``10``): in ``label`` fields, with the number read from them.
White space that ends the text of a line, or begins or ends a table cell, is written as
the reference writes it, ``&#x3000;`` (``&#x20;``, ``&#x9;``), and read back.
"""

from __future__ import annotations

from legaldocs.errors import require_type
from legaldocs.formats.lawtext._parse import parse as _parse
from legaldocs.formats.lawtext._render import render as _render
from legaldocs.model._records import Document

__all__ = ["parse_lawtext", "render_lawtext"]


def parse_lawtext(text: str, *, source: str | None = None) -> Document:
    """Read a Lawtext document.

    ``source`` names the file or origin in error messages. The text must use LF line
    endings and end with a line break. Keys follow the numbers: articles ``a3``, ``a3_2``;
    divisions ``ch2``, ``ch2.sec1``; paragraphs ``p2``; items ``i1``, ``i2`` in order;
    supplementary provisions ``s1``, ``s2``; tables ``t1`` and rows ``r1``; appendices
    ``appdx1`` (``sappdx1`` in a supplement); the other blocks by kind and position (see
    :mod:`legaldocs.model._appendix`).

    Raises :class:`~legaldocs.ParseError` naming the line and column and what was
    expected when the text is not Lawtext this reader understands, and for what Lawtext
    can say but the model cannot keep (indentation other than pairs of spaces, lines of
    white space only, more than one full-width space after a number, …); nothing is read
    into a different structure silently (a stray line of text among articles is refused
    rather than read as a paragraph).
    """
    require_type(text, str, "parse_lawtext: text")
    return _parse(text, source)


def render_lawtext(doc: Document) -> str:
    """Write ``doc`` as Lawtext, with LF line endings and a final line break.

    The result reads back equal with :func:`parse_lawtext`. A document that Lawtext cannot
    represent (an alternative title, revision lines, Arabic numerals or bullets, text with
    line breaks outside table cells, keys that do not follow the numbers, ...) raises
    :class:`~legaldocs.FormatError` naming the element instead of writing text that
    would read back differently.
    """
    require_type(doc, Document, "render_lawtext: doc")
    return _render(doc)
