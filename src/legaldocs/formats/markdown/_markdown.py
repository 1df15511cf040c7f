"""Read and write documents in Markdown: web policies as published, and legaldocs' own
article layout.

Two readings of a Markdown text:

``"sections"``
    any CommonMark/GFM text, as web sites publish policies: headed sections at any depth,
    paragraphs, lists, tables, quotes, raw HTML (:mod:`legaldocs.model._blocks`), read on
    markdown-it-py and written back byte for byte (:mod:`._policy`).
``"articles"``
    the layout legaldocs writes for statutes and the clinic's pages: 第N条 / ``N.`` articles,
    divisions, paragraphs (項), items (号) and 附則 (:mod:`._structured`).

``structure="auto"`` (the default) reads articles only when the text is exactly that layout
(reading and writing it back gives the same text), and sections otherwise, so that nothing of
a policy written any other way is lost.
"""

from __future__ import annotations

import re
from typing import Literal, cast

from legaldocs.errors import (
    ArgumentTypeError,
    ArgumentValueError,
    FormatError,
    LegaldocsError,
    ParseError,
    require_type,
)
from legaldocs.formats._encoding import check_text, decode
from legaldocs.formats._limits import check_nesting
from legaldocs.formats.markdown import _policy, _structured
from legaldocs.model._blocks import (
    POLICY_BLOCKS,
    PolicyBlock,
)
from legaldocs.model._records import Document, Style

__all__ = ["parse_markdown", "render_markdown"]

Structure = Literal["auto", "sections", "articles"]

_BLOCKS = POLICY_BLOCKS
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def parse_markdown(
    text: str | bytes,
    *,
    source: str | None = None,
    structure: Structure = "auto",
    encoding: str | None = None,
) -> Document:
    """Read a document written in Markdown.

    ``text`` may be the file's bytes: they are decoded as ``encoding`` says or as detected
    (UTF-8 with or without a byte-order mark, UTF-16, Shift_JIS/CP932; see
    :func:`legaldocs.formats._encoding.decode`), and bytes that cannot be decoded raise
    :class:`~legaldocs.ParseError` with the byte offset.

    ``structure`` chooses the reading (see the module documentation): ``"sections"`` reads
    any text and keeps it exactly (``render_markdown(parse_markdown(t)) == t``, a byte-order
    mark and CRLF line ends included); ``"articles"`` reads legaldocs' article layout and
    raises :class:`~legaldocs.ParseError` (with line and column) for what does not fit it;
    ``"auto"`` takes articles only when the text is exactly that layout.

    A sections document has as ``title`` the text of its first block when that is the only
    level-1 heading at the top (``""`` when there is none), ``lang`` ``"ja"`` when the text
    is Japanese and ``"en"`` otherwise, and its layout in ``markup``.
    """
    if isinstance(text, bytes):
        text = decode(text, encoding=encoding, source=source)
    if not isinstance(text, str):
        raise ArgumentTypeError(f"parse_markdown needs a str or bytes, got {type(text).__name__}")
    if structure not in ("auto", "sections", "articles"):
        raise ArgumentValueError(
            f"structure must be 'auto', 'sections' or 'articles': {structure!r}"
        )
    check_text(text, source)
    check_nesting(text, source)  # bounded work, and nothing past markdown-it's maxNesting
    if structure == "articles":
        return _structured.parse_markdown(text, source=source)
    if structure == "auto":
        try:
            doc = _structured.parse_markdown(text, source=source)
            if _structured.render_markdown(doc) == text:
                return doc
        except LegaldocsError:
            pass
    try:
        title, body, markup = _policy.read_blocks(text)
    except ValueError as error:  # the reader met a block it cannot place
        raise ParseError(str(error), line=1, column=1, source=source) from None
    lang = "ja" if _JAPANESE.search(text) else "en"
    style = Style() if lang == "ja" else Style(numerals="arabic", article_label="dotted")
    return Document(title=title, body=tuple(body), markup=markup, lang=lang, style=style)


def _is_policy(doc: Document) -> bool:
    return doc.markup is not None or any(isinstance(e, _BLOCKS) for e in doc.body)


def render_markdown(doc: Document, *, strict: bool = True) -> str:
    """Write a document as Markdown that :func:`parse_markdown` reads back equal.

    A document of sections and blocks is written as its ``markup`` and presentation fields
    say (exactly as read), falling back to a plain layout where they no longer fit. A
    document of articles is written in legaldocs' article layout: it raises
    :class:`~legaldocs.LegaldocsError` for what Markdown cannot carry at all (a multi-line
    heading, an item number with a branch, a ragged table, ...), and with ``strict=True``
    (the default) also for what would be lost but can still be shown (keys off the
    conventions, item labels, cell attributes, a TOC, a law number).
    """
    require_type(doc, Document, "render_markdown: doc")
    if not _is_policy(doc):
        return _structured.render_markdown(doc, strict=strict)
    others = [e for e in doc.body if not isinstance(e, _BLOCKS)]
    if others:
        raise FormatError(
            f"a document mixing sections with {type(others[0]).__name__} records cannot be "
            "written as Markdown"
        )
    if strict:
        for name in ("alt_title", "law_num", "toc"):
            if getattr(doc, name) is not None:
                raise FormatError(f"the {name} of a sections document is not written")
        if doc.preamble or doc.supplements:
            raise FormatError("the preamble or 附則 of a sections document is not written")
    blocks = [cast(PolicyBlock, e) for e in doc.body]
    return _policy.write_blocks(doc.title, blocks, doc.markup)
