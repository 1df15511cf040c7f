"""A small CommonMark/GFM block reader for the subset legal policies use (private).

It turns lines into :class:`Heading`, :class:`Para`, :class:`ListBlock` (with nested
blocks per item), :class:`TableBlock` and :class:`Comment` blocks, keeping raw inline text
and the 1-based line and column of every block. Constructs a policy has no place for
(code blocks, block quotes, raw HTML blocks) raise :class:`~legaldocs.ParseError` rather
than being dropped. Thematic breaks carry no text and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from legaldocs.errors import ParseError

__all__ = [
    "Block",
    "Comment",
    "Heading",
    "ListBlock",
    "ListItem",
    "Para",
    "TableBlock",
    "read_blocks",
]


@dataclass
class Heading:
    """An ATX or Setext heading; ``text`` is the raw inline content."""

    level: int
    text: str
    line: int
    column: int


@dataclass
class Para:
    """A paragraph: its raw lines (hard-break backslashes still attached)."""

    lines: list[str]
    line: int
    column: int


@dataclass
class ListItem:
    """One list item with the blocks it contains."""

    blocks: list[Block]
    line: int
    column: int


@dataclass
class ListBlock:
    """A list: ``ordered`` with its ``start`` number, ``marker`` is the bullet or delimiter."""

    ordered: bool
    marker: str
    start: int
    items: list[ListItem] = field(default_factory=list)
    line: int = 0
    column: int = 0


@dataclass
class TableBlock:
    """A GFM pipe table: the raw header cells and the raw cells of each body row."""

    header: list[str]
    rows: list[list[str]]
    line: int
    column: int


@dataclass
class Comment:
    """An HTML comment block (``<!-- ... -->``), its inner text."""

    text: str
    line: int
    column: int


Block = Heading | Para | ListBlock | TableBlock | Comment

_ATX = re.compile(r"(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_BULLET = re.compile(r"([-+*])(?=[ \t]|$)")
_ORDERED = re.compile(r"(\d{1,9})([.)])(?=[ \t]|$)")
_DELIMITER_ROW = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|"
    "head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|"
    "option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
# HTML blocks of CommonMark types 1-6: they may interrupt a paragraph.
_HTML_START = re.compile(
    rf"<(?:(?:script|pre|style|textarea)(?:[ \t>]|$)|\?|![A-Za-z]|!\[CDATA\[|/?(?:{_BLOCK_TAGS})"
    r"(?:[ \t]|/?>|$))",
    re.I,
)
# Type 7: a whole open or closing tag alone on its line (cannot interrupt a paragraph).
_HTML_TAG_LINE = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*"
    r"(?:[ \t]*=[ \t]*(?:[^ \t\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*[ \t]*/?>[ \t]*$"
)


@dataclass
class _Line:
    number: int
    column: int  # 1-based column of text[0] in the source line
    text: str


def _expand(text: str) -> str:
    """Expand tabs in the leading white space (4-column tab stops)."""
    prefix_len = len(text) - len(text.lstrip(" \t"))
    return text[:prefix_len].expandtabs(4) + text[prefix_len:]


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _is_blank(text: str) -> bool:
    return not text.strip(" \t")


def read_blocks(text: str, source: str | None) -> list[Block]:
    """Read a whole Markdown text into blocks."""
    lines = [
        _Line(number, 1, _expand(raw)) for number, raw in enumerate(text.splitlines(), start=1)
    ]
    return _Reader(lines, source).read()


def _heading(rest: str) -> tuple[int, str] | None:
    match = _ATX.match(rest)
    if not match:
        return None
    content = match.group(2) or ""
    # An optional closing sequence of #s preceded by a space.
    closing = re.search(r"(?:^|[ \t])#+[ \t]*$", content)
    if closing:
        content = content[: closing.start()].rstrip(" \t")
    return len(match.group(1)), content


def _list_marker(rest: str) -> tuple[bool, str, int, int] | None:
    """(ordered, marker, number, width of the marker) when ``rest`` starts a list item."""
    match = _BULLET.match(rest)
    if match:
        return False, match.group(1), 0, 1
    match = _ORDERED.match(rest)
    if match:
        return True, match.group(2), int(match.group(1)), match.end()
    return None


class _Reader:
    def __init__(self, lines: list[_Line], source: str | None) -> None:
        self.lines = lines
        self.source = source

    def error(self, message: str, line: _Line, offset: int = 0) -> ParseError:
        return ParseError(
            message, line=line.number, column=line.column + offset, source=self.source
        )

    def interrupts(self, line: _Line) -> bool:
        """True when ``line`` starts a block that ends a paragraph."""
        text = line.text
        if _is_blank(text) or _indent(text) >= 4:
            return _is_blank(text)
        rest = text.lstrip(" ")
        if _heading(rest) or _BREAK.match(rest) or rest[:1] == ">" or rest[:3] in ("```", "~~~"):
            return True
        if rest.startswith("<!--") or _HTML_START.match(rest):
            return True
        marker = _list_marker(rest)
        if marker:
            ordered, _, number, width = marker
            if _is_blank(rest[width:]):
                return False
            return not ordered or number == 1
        return False

    def read(self) -> list[Block]:
        blocks: list[Block] = []
        index = 0
        lines = self.lines
        while index < len(lines):
            line = lines[index]
            text = line.text
            if _is_blank(text):
                index += 1
                continue
            indent = _indent(text)
            if indent >= 4:
                raise self.error("indented code blocks are not supported in a policy", line)
            rest = text[indent:]
            offset = indent
            heading = _heading(rest)
            if heading:
                blocks.append(Heading(heading[0], heading[1], line.number, line.column + offset))
                index += 1
                continue
            if rest[:3] in ("```", "~~~"):
                raise self.error("code blocks are not supported in a policy", line, offset)
            if rest[:1] == ">":
                raise self.error("block quotes are not supported in a policy", line, offset)
            if rest.startswith("<!--"):
                index = self.comment(index, blocks)
                continue
            if _HTML_START.match(rest) or _HTML_TAG_LINE.match(rest):
                raise self.error("raw HTML blocks are not supported in a policy", line, offset)
            if _BREAK.match(rest):
                index += 1
                continue
            marker = _list_marker(rest)
            if marker:
                index = self.list_block(index, blocks)
                continue
            if (
                "|" in rest
                and index + 1 < len(lines)
                and _DELIMITER_ROW.match(lines[index + 1].text.strip(" "))
                and "-" in lines[index + 1].text
                and "|" in lines[index + 1].text
            ):
                table = self.table(index)
                if table is not None:
                    blocks.append(table[0])
                    index = table[1]
                    continue
            index = self.paragraph(index, blocks)
        return blocks

    def comment(self, index: int, blocks: list[Block]) -> int:
        first = self.lines[index]
        collected: list[str] = []
        for position in range(index, len(self.lines)):
            collected.append(self.lines[position].text)
            if "-->" in self.lines[position].text:
                joined = "\n".join(collected).strip(" \t")
                if not joined.endswith("-->"):
                    raise self.error("text after an HTML comment", self.lines[position])
                blocks.append(Comment(joined[4:-3], first.number, first.column))
                return position + 1
        raise self.error("unterminated HTML comment", first)

    def paragraph(self, index: int, blocks: list[Block]) -> int:
        first = self.lines[index]
        collected = [first.text.lstrip(" ")]
        index += 1
        while index < len(self.lines):
            line = self.lines[index]
            setext = _SETEXT.match(line.text)
            if setext:
                level = 1 if setext.group(1)[0] == "=" else 2
                content = "\n".join(collected).rstrip(" \t")
                if "\n" in content:
                    raise self.error("a Setext heading must be one line", first)
                blocks.append(Heading(level, content, first.number, first.column))
                return index + 1
            if self.interrupts(line):
                break
            collected.append(line.text.lstrip(" \t"))
            index += 1
        blocks.append(Para(collected, first.number, first.column + _indent(first.text)))
        return index

    def table(self, index: int) -> tuple[TableBlock, int] | None:
        from legaldocs.formats.markdown._inline import split_cells

        first = self.lines[index]
        header = split_cells(first.text)
        delimiter = split_cells(self.lines[index + 1].text)
        if len(header) != len(delimiter):
            return None
        rows: list[list[str]] = []
        position = index + 2
        while position < len(self.lines):
            line = self.lines[position]
            if _is_blank(line.text) or self.interrupts(line):
                break
            cells = split_cells(line.text)
            if len(cells) > len(header):
                raise self.error(
                    f"table row has {len(cells)} cells but the header has {len(header)}", line
                )
            rows.append(cells + [""] * (len(header) - len(cells)))
            position += 1
        column = first.column + _indent(first.text)
        return TableBlock(header, rows, first.number, column), position

    def list_block(self, index: int, blocks: list[Block]) -> int:
        first = self.lines[index]
        indent = _indent(first.text)
        marker = _list_marker(first.text[indent:])
        assert marker is not None
        ordered, char, number, _ = marker
        block = ListBlock(ordered, char, number, line=first.number, column=first.column + indent)
        blocks.append(block)
        while index < len(self.lines):
            line = self.lines[index]
            indent = _indent(line.text)
            if indent >= 4 or _is_blank(line.text):
                break
            found = _list_marker(line.text[indent:])
            if found is None or found[0] != ordered or found[1] != char:
                break
            index = self.list_item(index, indent, found[3], block)
        return index

    def list_item(self, index: int, indent: int, width: int, block: ListBlock) -> int:
        first = self.lines[index]
        after = first.text[indent + width :]
        spaces = _indent(after)
        if _is_blank(after):
            content_at = indent + width + 1
            inner = [_Line(first.number, first.column + content_at, "")]
        else:
            if spaces > 4:
                spaces = 1
            content_at = indent + width + spaces
            inner = [_Line(first.number, first.column + content_at, first.text[content_at:])]
        index += 1
        previous_blank = _is_blank(after)
        while index < len(self.lines):
            line = self.lines[index]
            text = line.text
            if _is_blank(text):
                inner.append(_Line(line.number, line.column, ""))
                previous_blank = True
                index += 1
                continue
            sibling = _list_marker(text.lstrip(" ")) if _indent(text) < 4 else None
            if _indent(text) >= content_at:
                inner.append(_Line(line.number, line.column + content_at, text[content_at:]))
            elif sibling is not None and (sibling[0], sibling[1]) == (block.ordered, block.marker):
                break
            elif not previous_blank and not self.interrupts(line) and self._in_paragraph(inner):
                inner.append(_Line(line.number, line.column, text.lstrip(" ")))
            else:
                break
            previous_blank = False
            index += 1
        while inner and _is_blank(inner[-1].text) and len(inner) > 1:
            inner.pop()
        items = _Reader(inner, self.source).read()
        block.items.append(ListItem(items, first.number, first.column + indent))
        return index

    @staticmethod
    def _in_paragraph(inner: list[_Line]) -> bool:
        """True when the item's last line is paragraph text (lazy continuation allowed)."""
        last = inner[-1].text
        if _is_blank(last):
            return False
        rest = last.lstrip(" ")
        if _heading(rest) or _BREAK.match(rest):
            return False
        marker = _list_marker(rest)
        return not (marker and _is_blank(rest[marker[3] :]))
