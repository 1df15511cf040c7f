"""Escaping of text for Markdown and back (private to :mod:`legaldocs.formats.markdown._markdown`).

The model stores text as plain characters. :func:`escape_line` writes one line of text so
that a CommonMark/GFM reader shows exactly those characters and :func:`unescape` reads it
back: backslash escapes of ASCII punctuation and character references are decoded, every
other character (including link and emphasis syntax written by hand) is kept as written.
"""

from __future__ import annotations

import html
import re

__all__ = ["escape_line", "split_cells", "unescape"]

# Characters escaped wherever they appear: they start inline constructs that would change
# what the reader shows (emphasis, code, raw HTML, entities, strikethrough, table cells).
_ALWAYS = frozenset("\\*_`<>#|~&")
# Characters that only matter at the start of a line (block structure).
_AT_START = frozenset("-+=[")
_ORDERED_START = re.compile(r"\d{1,9}[.)]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_EDGE_SPACE = {" ": "&#32;", "\t": "&#9;"}


def escape_line(line: str) -> str:
    """One line of text as Markdown that displays (and :func:`unescape` reads) as ``line``.

    Leading and trailing spaces and tabs become character references, which a reader
    would otherwise strip.
    """
    if "\n" in line or "\r" in line:
        raise ValueError("escape_line takes a single line")
    out: list[str] = []
    match = _ORDERED_START.match(line)
    ordered_end = match.end() - 1 if match else -1
    for index, char in enumerate(line):
        if char in _ALWAYS or (index == 0 and char in _AT_START) or index == ordered_end:
            out.append("\\" + char)
        else:
            out.append(char)
    # Leading and trailing white space: CommonMark strips spaces and tabs there.
    start = 0
    while start < len(out) and out[start] in _EDGE_SPACE:
        out[start] = _EDGE_SPACE[out[start]]
        start += 1
    end = len(out) - 1
    while end >= start and out[end] in _EDGE_SPACE:
        out[end] = _EDGE_SPACE[out[end]]
        end -= 1
    return "".join(out)


def unescape(text: str) -> str:
    """Decode backslash escapes of ASCII punctuation and character references."""
    if "\\" not in text and "&" not in text:
        return text
    out: list[str] = []
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\\" and index + 1 < length and text[index + 1] in _PUNCT:
            out.append(text[index + 1])
            index += 2
            continue
        if char == "&":
            match = _ENTITY.match(text, index)
            if match:
                out.append(html.unescape(match.group()))
                index = match.end()
                continue
        out.append(char)
        index += 1
    return "".join(out)


def split_cells(line: str) -> list[str]:
    """The raw cells of a GFM table row: split on unescaped ``|``, outer pipes removed,
    cells trimmed, ``\\|`` turned into ``|`` (as GFM does before reading the cell)."""
    stripped = line.strip(" \t")
    cells: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(stripped):
        char = stripped[index]
        if char == "\\" and index + 1 < len(stripped):
            if stripped[index + 1] == "|":
                current.append("|")
            else:
                current.append(stripped[index : index + 2])
            index += 2
            continue
        if char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    cells.append("".join(current))
    if stripped.startswith("|"):
        cells = cells[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|") and cells:
        cells = cells[:-1]
    return [cell.strip(" \t") for cell in cells]
