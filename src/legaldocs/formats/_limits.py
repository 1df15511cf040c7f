"""Limits on the shape of input text, checked before a reader builds anything.

Readers that nest (lists in lists, block quotes) must not recurse once per level of the
input, nor silently stop reading at a nesting depth of their own (markdown-it drops the rest
of a document past its ``maxNesting``). :func:`check_nesting` refuses, with a
:class:`~legaldocs.ParseError` at the offending line and column, text nested deeper than
:data:`MAX_NESTING` levels, in one linear pass.

The limits (documented in ``docs/explanation/reliability.md``):

- Markdown: lists and block quotes nested at most :data:`MAX_NESTING` (8) levels deep; the
  deepest in 250 real policy versions is 3.
- The plain-text format: indentation of at most 128 columns (64 levels).
- JSON, TOML and YAML: at most 200 levels of nesting (a ``SchemaError`` beyond); integers
  of at most 100 digits.
- Numbers in citations, numerals and dates: at most 12 digits.
"""

from __future__ import annotations

import re

from legaldocs.errors import ParseError
from legaldocs.model._citation import Citation
from legaldocs.model._records import Document

__all__ = ["MAX_NESTING", "check_citations", "check_nesting", "nesting_of"]

MAX_NESTING = 8
"""How deep Markdown lists and block quotes may nest."""

_QUOTE = re.compile(r"[ ]{0,3}>[ ]?")
_MARKER = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)")


def nesting_of(line: str) -> int:
    """How many containers (block quotes, list items) ``line`` opens or sits in, estimated
    from its start: each ``>`` and each list marker, in any order, plus two columns of
    indentation before the first list marker (a nested list needs at least two)."""
    text = line.expandtabs(4)
    stripped = text.lstrip(" ")
    indent = len(text) - len(stripped)
    quotes = markers = 0
    at = 0
    while True:
        match = _QUOTE.match(stripped, at) or _MARKER.match(stripped, at)
        if match is None or match.end() == at:
            break
        if match.re is _QUOTE:
            quotes += 1
        else:
            markers += 1
        at = match.end()
        while at < len(stripped) and stripped[at] == " ":
            at += 1
    return quotes + markers + (indent // 2 if markers else 0)


def check_nesting(text: str, source: str | None, *, limit: int = MAX_NESTING) -> None:
    """Raise :class:`~legaldocs.ParseError` at the first line nested deeper than ``limit``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) < 2 * limit and line.count(">") <= limit:
            continue  # too short to be nested that deep
        depth = nesting_of(line)
        if depth > limit:
            raise ParseError(
                f"lists or block quotes nested {depth} levels deep (at most {limit})",
                line=number,
                column=1,
                source=source,
            )


def check_citations(doc: Document, source: str | None, lines: dict[int, int] | None = None) -> None:
    """Nothing is misread: no two elements of a parsed ``doc`` get the same citation from
    ``doc.walk()``. Two articles (or items) with the same number, as after a duplicated
    line, are refused with :class:`~legaldocs.ParseError`: the second could never be cited.
    ``lines`` maps ``id(element)`` to the line the element starts on, when the reader knows.
    """
    seen: set[Citation] = set()
    for citation, element in doc.walk():
        if citation in seen:
            line = None if lines is None else lines.get(id(element))
            raise ParseError(
                f"{citation} is written twice (a duplicated or misplaced line?): "
                "the second could never be cited",
                line=line,
                column=None if line is None else 1,
                source=source,
            )
        seen.add(citation)
