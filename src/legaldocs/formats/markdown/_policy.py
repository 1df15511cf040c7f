"""Markdown as web sites publish policies: read on markdown-it-py, written back exactly.

The reader runs markdown-it-py (CommonMark with GFM tables) and turns its block tokens into
the blocks of :mod:`legaldocs.model._blocks`: headings open :class:`Section` records holding
what follows up to the next heading of the same or a higher level, in the document and
inside list items and quotes alike. The source map of every token (``token.map``, its first
and last line) gives the exact lines of each block, so texts are kept as written (inline
Markdown included) and what the model would otherwise normalise is kept in presentation
fields: blank lines between blocks (``gap``), list markers and indentation (``head``,
``prefixes``), ``>`` prefixes, heading and table lines as written (``raw``), the byte-order
mark and line ends (:class:`Markup`). The writer uses those fields when they still fit what
the blocks say (a ``raw`` heading must still read as the same heading, a list ``head`` as
the same marker) and writes a plain layout otherwise, so that an edited document still
reads back as what it says.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterator, Mapping, Sequence

import attrs
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from legaldocs.model._blocks import (
    Align,
    BlockList,
    CodeBlock,
    Dateline,
    HtmlBlock,
    LinkDefinitions,
    ListItem,
    Markup,
    PipeTable,
    PolicyBlock,
    Quote,
    Section,
    TableCell,
    TableRow,
    TextBlock,
    ThematicBreak,
    assign_keys,
    heading_number,
    read_dateline,
)
from legaldocs.model._element import signature
from legaldocs.model._keys import position_key

__all__ = ["markdown_it", "read_blocks", "write_blocks"]

_LINE_END = re.compile(r"(\r\n|\r|\n)")
_BULLET = re.compile(r"( {0,3})([-*+])([ \t]*)")
_ORDERED = re.compile(r"( {0,3})(\d{1,9})([.)])([ \t]*)")
_QUOTE = re.compile(r"( {0,3}>[ \t]?)")
_BREAK = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})")


def markdown_it() -> MarkdownIt:
    """The markdown-it-py parser used: CommonMark with GFM tables."""
    return MarkdownIt("commonmark").enable("table")


_MD = markdown_it()


class _Heading:
    """A heading before its section is built."""

    __slots__ = ("gap", "level", "raw", "text")

    def __init__(
        self, text: str, level: int, raw: tuple[str, ...], gap: tuple[str, ...] | None
    ) -> None:
        self.text = text
        self.level = level
        self.raw = raw
        self.gap = gap


_Flat = PolicyBlock | _Heading


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    # -- containers ---------------------------------------------------------------------

    def container(
        self,
        nodes: Sequence[SyntaxTreeNode],
        view: list[str],
        base: int,
        end: int,
        *,
        tight: bool = False,
    ) -> tuple[list[_Flat], tuple[str, ...]]:
        """The blocks of a container whose inner lines ``view`` start at line ``base``,
        and the blank lines after its last block."""
        flat: list[_Flat] = []
        pos = base
        for node in nodes:
            assert node.map is not None
            start, stop = node.map
            pos = self.uncovered(flat, view, base, pos, start, tight)
            gap = tuple(view[pos - base : start - base])
            block = self.block(node, view, base, start, stop)
            canonical = _canonical_gap(len(flat), tight)
            if isinstance(block, _Heading):
                block.gap = None if gap == canonical else gap
            else:
                block = attrs.evolve(block, gap=None if gap == canonical else gap)
            flat.append(block)
            pos = stop
        pos = self.uncovered(flat, view, base, pos, end, tight)
        return flat, tuple(view[pos - base : end - base])

    def uncovered(
        self,
        flat: list[_Flat],
        view: list[str],
        base: int,
        pos: int,
        stop: int,
        tight: bool,
    ) -> int:
        """Lines no block covers: blank lines stay for the next gap; link reference
        definitions become blocks."""
        index = pos
        while index < stop:
            if view[index - base].strip(" \t") == "":
                index += 1
                continue
            first = index
            while index < stop and view[index - base].strip(" \t") != "":
                index += 1
            gap = tuple(view[pos - base : first - base])
            canonical = _canonical_gap(len(flat), tight)
            flat.append(
                LinkDefinitions(
                    key="",
                    text="\n".join(view[first - base : index - base]),
                    gap=None if gap == canonical else gap,
                )
            )
            pos = index
        return pos

    # -- blocks -------------------------------------------------------------------------

    def block(
        self, node: SyntaxTreeNode, view: list[str], base: int, start: int, stop: int
    ) -> _Flat:
        raw = view[start - base : stop - base]
        kind = node.type
        if kind == "paragraph":
            first = raw[0]
            indent = first[: len(first) - len(first.lstrip(" "))]
            text = "\n".join([first[len(indent) :], *raw[1:]])
            dated = read_dateline(text)
            if dated is not None:
                return Dateline(key="", text=text, date=dated[0], label=dated[1], indent=indent)
            return TextBlock(key="", text=text, indent=indent)
        if kind == "heading":
            content = node.children[0].content if node.children else ""
            return _Heading(content, int(node.tag[1]), tuple(raw), ())
        if kind in ("bullet_list", "ordered_list"):
            return self.block_list(node, view, base, start, stop)
        if kind == "blockquote":
            return self.quote(node, view, base, start, stop)
        if kind == "fence":
            code = node.content[:-1] if node.content.endswith("\n") else node.content
            return CodeBlock(key="", code=code, info=node.info, fenced=True, raw=tuple(raw))
        if kind == "code_block":
            code = node.content[:-1] if node.content.endswith("\n") else node.content
            return CodeBlock(key="", code=code, fenced=False, raw=tuple(raw))
        if kind == "html_block":
            return HtmlBlock(key="", html="\n".join(raw))
        if kind == "hr":
            return ThematicBreak(key="", marker=raw[0])
        if kind == "table":
            return self.table(node, raw)
        raise ValueError(f"unexpected Markdown block {kind!r}")

    def table(self, node: SyntaxTreeNode, raw: list[str]) -> PipeTable:
        rows: list[TableRow] = []
        align: list[Align] = []
        for part in node.children:
            for tr in part.children:
                cells = []
                for cell in tr.children:
                    if part.type == "thead":
                        style = str(cell.attrs.get("style", ""))
                        value = style.removeprefix("text-align:") or None
                        align.append(value if value in ("left", "center", "right") else None)  # type: ignore[arg-type]
                    cells.append(TableCell(text=cell.children[0].content if cell.children else ""))
                rows.append(TableRow(key=position_key("r", len(rows) + 1), cells=tuple(cells)))
        return PipeTable(key="", rows=tuple(rows), align=tuple(align), raw=tuple(raw))

    def block_list(
        self, node: SyntaxTreeNode, view: list[str], base: int, start: int, stop: int
    ) -> BlockList:
        ordered = node.type == "ordered_list"
        # Tightness shows in the paragraphs (a list without any is taken as tight).
        tight = not any(
            child.type == "paragraph" and not child.hidden
            for item in node.children
            for child in item.children
        )
        first = node.children[0]
        marker = first.markup
        start_number = int(str(first.info or "1")) if ordered else 1
        items = [
            self.item(
                item,
                view,
                base,
                start_number + index if ordered else None,
                tight,
                index == len(node.children) - 1,
            )
            for index, item in enumerate(node.children)
        ]
        return BlockList(
            key="",
            items=tuple(items),
            ordered=ordered,
            start=start_number,
            marker=marker,
            tight=tight,
        )

    def item(
        self,
        node: SyntaxTreeNode,
        view: list[str],
        base: int,
        number: int | None,
        tight: bool,
        last: bool,
    ) -> ListItem:
        """One list item; ``number`` is the number the writer gives it in an ordered list."""
        ordered = number is not None
        assert node.map is not None
        start, stop = node.map
        line = view[start - base]
        match = (_ORDERED if ordered else _BULLET).match(line)
        if match is None:
            raise ValueError(f"no list marker on line {start + 1}: {line!r}")
        spacing = match.group(match.lastindex or 0)
        marker_end = match.end() - len(spacing)
        if match.end() == len(line):  # nothing after the marker
            head = line
            width = marker_end + 1
        elif _columns(spacing, marker_end) > 4:  # the content is indented code
            head = line[: marker_end + 1]
            width = marker_end + 1
        else:
            head = line[: match.end()]
            width = marker_end + _columns(spacing, marker_end)
        inner = [line[len(head) :]]
        prefixes: list[str] = []
        for number in range(start + 1, stop):
            prefix, rest = _strip_indent(view[number - base], width)
            inner.append(rest)
            prefixes.append(prefix)
        flat, tail = self.container(node.children, inner, start, stop, tight=tight)
        canonical_prefixes = [(" " * width if rest else "") for rest in inner[1:]]
        if number is not None:
            canonical_head = f"{number}{match.group(3)} "
        else:
            canonical_head = f"{match.group(2)} "
        canonical_tail = () if tight or last else ("",)
        return ListItem(
            key="",
            children=tuple(self.sections(flat)),
            head=None if head == canonical_head and width == len(head) else head,
            prefixes=None if prefixes == canonical_prefixes else tuple(prefixes),
            tail=None if tail == canonical_tail else tail,
        )

    def quote(
        self, node: SyntaxTreeNode, view: list[str], base: int, start: int, stop: int
    ) -> Quote:
        inner: list[str] = []
        prefixes: list[str] = []
        for number in range(start, stop):
            text = view[number - base]
            match = _QUOTE.match(text)
            # a line without ">" is a lazy continuation line: its indentation means nothing
            prefix = match.group(1) if match else text[: len(text) - len(text.lstrip(" \t"))]
            prefixes.append(prefix)
            inner.append(text[len(prefix) :])
        flat, tail = self.container(node.children, inner, start, stop)
        canonical = [("> " if rest else ">") for rest in inner]
        return Quote(
            key="",
            children=tuple(self.sections(flat)),
            prefixes=None if prefixes == canonical else tuple(prefixes),
            tail=tail or None,
        )

    # -- sections -----------------------------------------------------------------------

    def sections(self, flat: Sequence[_Flat]) -> list[PolicyBlock]:
        """Headings open sections holding what follows up to the next heading of the
        same or a higher level."""
        top: list[PolicyBlock | _Open] = []
        stack: list[_Open] = []
        for index, block in enumerate(flat):
            if isinstance(block, _Heading):
                while stack and stack[-1].heading.level >= block.level:
                    stack.pop()
                opened = _Open(block, index)
                (stack[-1].children if stack else top).append(opened)
                stack.append(opened)
            else:
                (stack[-1].children if stack else top).append(block)
        return assign_keys([b.build() if isinstance(b, _Open) else b for b in top])


class _Open:
    def __init__(self, heading: _Heading, index: int) -> None:
        self.heading = heading
        self.index = index
        self.children: list[PolicyBlock | _Open] = []

    def build(self) -> Section:
        heading = self.heading
        canonical = _canonical_heading(heading.level, heading.text)
        return Section(
            key="",
            heading=heading.text,
            level=heading.level,
            num=heading_number(heading.text),
            children=tuple(
                assign_keys([c.build() if isinstance(c, _Open) else c for c in self.children])
            ),
            raw=None if heading.raw == canonical else heading.raw,
            gap=heading.gap,
        )


def _columns(spacing: str, column: int) -> int:
    width = 0
    for char in spacing:
        if char == "\t":
            width += 4 - (column + width) % 4
        else:
            width += 1
    return width


def _strip_indent(text: str, width: int) -> tuple[str, str]:
    """Split a line into the indentation that belongs to a container ``width`` columns
    wide and the rest (a shorter indentation is a lazy or blank line)."""
    column = 0
    index = 0
    while index < len(text) and column < width and text[index] in " \t":
        column += 4 - column % 4 if text[index] == "\t" else 1
        index += 1
    if text[index:].strip(" \t") == "":
        if column >= width:
            return text[:index], text[index:]
        return text, ""
    if column < width:  # lazy continuation: its indentation means nothing
        return text[:index], text[index:]
    return text[:index], text[index:]


def _canonical_gap(index: int, tight: bool) -> tuple[str, ...]:
    return () if index == 0 or tight else ("",)


def _canonical_heading(level: int, text: str) -> tuple[str, ...]:
    return ("#" * level + (" " + text if text else ""),)


def _flatten(blocks: Sequence[PolicyBlock]) -> Iterator[PolicyBlock]:
    for block in blocks:
        yield block
        if isinstance(block, Section):
            yield from _flatten(block.children)


# ---------------------------------------------------------------------------------------


def split_lines(text: str) -> tuple[bool, list[str], Markup]:
    """The lines of a file and how they end."""
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    pieces = _LINE_END.split(text)
    lines = pieces[0::2]
    ends = pieces[1::2]
    final = bool(ends) and lines[-1] == ""
    if final or text == "":
        lines.pop()
    newline = Counter(ends).most_common(1)[0][0] if ends else "\n"
    exceptions = tuple((n, end) for n, end in enumerate(ends) if end != newline)
    return bom, lines, Markup(bom=bom, newline=newline, line_ends=exceptions, final_newline=final)


def read_blocks(text: str) -> tuple[str, list[PolicyBlock], Markup]:
    """``(title, body, markup)`` of a Markdown text: the title is the text of a first
    level-1 heading that is the only one at the top level ("" when there is none)."""
    _, lines, markup = split_lines(text)
    source = "\n".join(lines) + ("\n" if lines else "")
    tree = SyntaxTreeNode(_MD.parse(source))
    reader = _Reader(lines)
    flat, tail = reader.container(tree.children, lines, 0, len(lines))
    title = ""
    head = flat[0] if flat else None
    if (
        isinstance(head, _Heading)
        and head.level == 1
        and head.text != ""
        and not any(isinstance(b, _Heading) and b.level == 1 for b in flat[1:])
    ):
        title = head.text
        canonical = _canonical_heading(1, head.text)
        markup = attrs.evolve(
            markup,
            title_raw=None if head.raw == canonical else head.raw,
            title_gap=head.gap or None,
        )
        flat = flat[1:]
    body = reader.sections(flat)
    markup = attrs.evolve(markup, tail=tail or None)
    return title, body, markup


# ---------------------------------------------------------------------------------------
# Writing


def _heading_of(raw: Sequence[str]) -> tuple[int, str] | None:
    tree = _MD.parse("\n".join(raw) + "\n")
    if len(tree) != 3 or tree[0].type != "heading_open":
        return None
    assert tree[1].children is not None
    return int(tree[0].tag[1]), tree[1].content


_AT_COLUMN = ("", "100. ", "- ", "1. ")
"""List item heads whose content starts at a column of each remainder modulo 4: a tab stops
at the next multiple of 4, so raw lines parse in such an item as they do at that column."""


def _leaf_raw_ok(
    block: PolicyBlock, raw: Sequence[str], column: int, shifts: Mapping[int, int]
) -> bool:
    """Whether ``raw``, its lines starting at ``column`` (inside containers), still reads
    as ``block``; ``shifts`` gives the lines that start further right (by line index: a tab
    in the container's prefix that reaches past its content column)."""
    head = _AT_COLUMN[column % 4]
    pad = " " * len(head)
    lines = [pad + " " * shifts.get(k, 0) + line if line else line for k, line in enumerate(raw)]
    if head:
        lines[:0] = [head + "x", ""]
    reader = _Reader(lines)
    tree = SyntaxTreeNode(_MD.parse("\n".join(lines) + "\n"))
    try:
        flat, tail = reader.container(tree.children, lines, 0, len(lines))
    except ValueError:
        return False
    if head:  # the one item holds the placeholder paragraph, then the block
        if len(flat) != 1 or tail or not isinstance(flat[0], BlockList):
            return False
        items = flat[0].items
        if len(items) != 1 or len(items[0].children) != 2:
            return False
        flat = [items[0].children[1]]
    if len(flat) != 1 or tail or isinstance(flat[0], _Heading):
        return False
    other = flat[0]
    return type(other) is type(block) and _material(other) == _material(block)


def _material(block: PolicyBlock) -> Hashable:
    return signature(block)


class _Writer:
    def blocks(
        self,
        blocks: Sequence[PolicyBlock],
        *,
        tight: bool = False,
        first: int = 0,
        column: int = 0,
        shifts: Mapping[int, int] | None = None,
    ) -> list[str]:
        """The lines of ``blocks``, whose container's content starts at ``column`` (and
        the lines of ``shifts``, by index, that many columns further right)."""
        out: list[str] = []
        for index, block in enumerate(_flatten(blocks), start=first):
            gap = block.gap if block.gap is not None else _canonical_gap(index, tight)
            out.extend(gap)
            here = {k - len(out): d for k, d in shifts.items() if k >= len(out)} if shifts else {}
            out.extend(self.block(block, column, here))
        return out

    def block(self, block: PolicyBlock, column: int, shifts: Mapping[int, int]) -> list[str]:
        if isinstance(block, Section):
            if block.raw is not None and _heading_of(block.raw) == (block.level, block.heading):
                return list(block.raw)
            return list(_canonical_heading(block.level, block.heading))
        if isinstance(block, (TextBlock, Dateline)):
            lines = block.text.split("\n")
            return [block.indent + lines[0], *lines[1:]]
        if isinstance(block, HtmlBlock):
            return block.html.split("\n")
        if isinstance(block, LinkDefinitions):
            return block.text.split("\n")
        if isinstance(block, ThematicBreak):
            return [block.marker if _BREAK.fullmatch(block.marker) else "---"]
        if isinstance(block, CodeBlock):
            if block.raw is not None and _leaf_raw_ok(block, block.raw, column, shifts):
                return list(block.raw)
            if block.fenced:
                fence = "```"
                while fence in block.code:
                    fence += "`"
                return [fence + block.info, *block.code.split("\n"), fence]
            # (a line that starts ``shift`` columns right of the content column needs that
            # many fewer spaces)
            return [
                "    "[shifts.get(k, 0) :] + line if line else ""
                for k, line in enumerate(block.code.split("\n"))
            ]
        if isinstance(block, PipeTable):
            if block.raw is not None and _leaf_raw_ok(block, block.raw, column, shifts):
                return list(block.raw)
            return self.table(block)
        if isinstance(block, BlockList):
            return self.block_list(block, column, shifts)
        if isinstance(block, Quote):
            return self.quote(block, column, shifts)
        raise TypeError(f"not a Markdown block: {type(block).__name__}")

    def table(self, table: PipeTable) -> list[str]:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        width = len(rows[0]) if rows else 0
        align = {"left": ":--", "center": ":-:", "right": "--:", None: "---"}
        delimiter = [align[table.align[i] if i < len(table.align) else None] for i in range(width)]
        lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join(delimiter) + " |"]
        lines.extend("| " + " | ".join(row) + " |" for row in rows[1:])
        return lines

    def block_list(self, block: BlockList, column: int, shifts: Mapping[int, int]) -> list[str]:
        out: list[str] = []
        for index, item in enumerate(block.items):
            at = len(out)  # the item's first line, among the list's
            last = index == len(block.items) - 1
            if block.ordered:
                canonical = f"{block.start + index}{block.marker} "
            else:
                canonical = f"{block.marker} "
            head = item.head
            if head is None or not _head_ok(head, block, index):
                head = canonical
            start = column + shifts.get(at, 0)
            content = start + _content_column(head, start)
            # lines that start past the content column: a kept prefix with a tab, or lines
            # the list's own container starts further right
            kept = item.prefixes or [" " * (content - start)] * max(shifts, default=0)
            past = {
                k: beyond
                for k, prefix in enumerate(kept, start=1)
                if (beyond := _end(column + shifts.get(at + k, 0), prefix) - content) > 0
            }
            inner = self.blocks(item.children, tight=block.tight, column=content, shifts=past)
            tail = item.tail if item.tail is not None else (() if block.tight or last else ("",))
            inner.extend(tail)
            if not inner:
                inner = [""]
            stripped = head.rstrip(" \t")
            width = len(head) if inner[0] else len(stripped) + 1
            if inner[0] and len(head) == len(stripped):
                head += " "
                width += 1
            prefixes = item.prefixes
            if prefixes is None or len(prefixes) != len(inner) - 1:
                if past and prefixes is not None:  # laid out for the kept prefixes: again
                    inner = self.blocks(item.children, tight=block.tight, column=content)
                    inner.extend(tail)
                prefixes = tuple(" " * width if line else "" for line in inner[1:])
            out.append(head + inner[0])
            out.extend(p + line for p, line in zip(prefixes, inner[1:], strict=True))
        return out

    def quote(self, block: Quote, column: int, shifts: Mapping[int, int]) -> list[str]:
        # (each line's text starts after its own marker: a line that starts further right
        # moves its marker too, so only where the first line starts matters here)
        first = block.prefixes[0] if block.prefixes else "> "
        inner = self.blocks(block.children, column=_end(column + shifts.get(0, 0), first))
        inner.extend(block.tail or ())
        prefixes = block.prefixes
        if prefixes is None or len(prefixes) != len(inner):
            prefixes = tuple("> " if line else ">" for line in inner)
        return [p + line for p, line in zip(prefixes, inner, strict=True)]


def _end(column: int, prefix: str) -> int:
    """The column where a line's text starts after ``prefix`` written from ``column``."""
    return column + _columns(prefix, column)


def _content_column(head: str, column: int) -> int:
    """How far a list item's content starts from its head at ``column`` (one column after
    the marker when more than four follow it: the content is then indented code)."""
    marker = head.rstrip(" \t")
    spacing = _columns(head[len(marker) :], column + len(marker))
    return len(marker) + (spacing if 0 < spacing <= 4 else 1)


def _head_ok(head: str, block: BlockList, index: int) -> bool:
    if block.ordered:
        match = _ORDERED.fullmatch(head)
        return bool(
            match
            and match.group(3) == block.marker
            and (index > 0 or int(match.group(2)) == block.start)
        )
    match = _BULLET.fullmatch(head)
    return bool(match and match.group(2) == block.marker)


def write_blocks(title: str, body: Sequence[PolicyBlock], markup: Markup | None) -> str:
    """The Markdown text of a title and blocks, laid out as ``markup`` says."""
    markup = markup or Markup()
    writer = _Writer()
    lines: list[str] = []
    first = 0
    if title:
        lines.extend(markup.title_gap or ())
        raw = markup.title_raw
        if raw is not None and _heading_of(raw) == (markup.title_level, title):
            lines.extend(raw)
        else:
            lines.extend(_canonical_heading(markup.title_level, title))
        first = 1
    lines.extend(writer.blocks(body, first=first))
    lines.extend(markup.tail or ())
    ends = dict(markup.line_ends)
    out = [line + ends.get(n, markup.newline) for n, line in enumerate(lines)]
    if out and not markup.final_newline:
        out[-1] = lines[-1]
    return ("\ufeff" if markup.bom else "") + "".join(out)
