"""The blocks of legaldocs' article layout, read on markdown-it-py (private).

markdown-it-py (CommonMark with GFM tables) reads the text; its block tokens become
:class:`Heading`, :class:`Para`, :class:`ListBlock` (with nested blocks per item),
:class:`TableBlock` and :class:`Comment` blocks, keeping raw inline text and the 1-based line
(from the token's source map) and column of every block, for
:mod:`legaldocs.formats.markdown._structured` to place as articles, paragraphs and items.
Constructs the article layout has no place for (code blocks, block quotes, raw HTML
blocks, link reference definitions) raise :class:`~legaldocs.ParseError` rather than being
dropped. Thematic breaks carry no text and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from legaldocs.errors import ParseError
from legaldocs.formats.markdown._policy import markdown_it

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

_MD = markdown_it()
_LINE_END = re.compile(r"\r\n|\r|\n")


def read_blocks(text: str, source: str | None) -> list[Block]:
    """Read a whole Markdown text into blocks."""
    lines = _LINE_END.split(text)
    tree = SyntaxTreeNode(_MD.parse(text))
    return _Reader(lines, source).blocks(tree.children, 0, len(lines))


class _Reader:
    def __init__(self, lines: list[str], source: str | None) -> None:
        self.lines = lines
        self.source = source

    def position(self, node: SyntaxTreeNode) -> tuple[int, int]:
        assert node.map is not None
        number = node.map[0]
        line = self.lines[number] if number < len(self.lines) else ""
        column = len(line) - len(line.lstrip(" \t>")) + 1
        return number + 1, column

    def error(self, message: str, node: SyntaxTreeNode) -> ParseError:
        line, column = self.position(node)
        return ParseError(message, line=line, column=column, source=self.source)

    def blocks(self, nodes: list[SyntaxTreeNode], start: int, stop: int) -> list[Block]:
        out: list[Block] = []
        position = start
        for node in nodes:
            assert node.map is not None
            self.definitions(position, node.map[0])
            position = max(position, node.map[0])
            out.extend(self.block(node))
            position = node.map[1]
        self.definitions(position, stop)
        return out

    def definitions(self, start: int, stop: int) -> None:
        """Lines no block covers are blank or link reference definitions."""
        for number in range(start, stop):
            if number < len(self.lines) and self.lines[number].strip(" \t"):
                raise ParseError(
                    "link reference definitions are not supported in the article layout",
                    line=number + 1,
                    column=1,
                    source=self.source,
                )

    def block(self, node: SyntaxTreeNode) -> list[Block]:
        line, column = self.position(node)
        kind = node.type
        if kind == "heading":
            content = node.children[0].content if node.children else ""
            if "\n" in content:
                raise self.error("a Setext heading must be one line", node)
            return [Heading(int(node.tag[1]), content, line, column)]
        if kind == "paragraph":
            content = node.children[0].content if node.children else ""
            parts = content.split("\n")
            return [Para([parts[0], *(p.lstrip(" \t") for p in parts[1:])], line, column)]
        if kind in ("bullet_list", "ordered_list"):
            ordered = kind == "ordered_list"
            first = node.children[0]
            block = ListBlock(
                ordered,
                first.markup,
                int(str(first.info or "0")) if ordered else 0,
                line=line,
                column=column,
            )
            for item in node.children:
                item_line, item_column = self.position(item)
                assert item.map is not None
                # the item's first line holds its marker (and maybe nothing else)
                inner = self.blocks(item.children, item.map[0] + 1, item.map[1])
                block.items.append(ListItem(inner, item_line, item_column))
            return [block]
        if kind == "table":
            rows = [
                [cell.children[0].content if cell.children else "" for cell in tr.children]
                for part in node.children
                for tr in part.children
            ]
            width = len(rows[0])
            body = [row + [""] * (width - len(row)) for row in rows[1:]]
            return [TableBlock(rows[0], body, line, column)]
        if kind == "hr":
            return []
        if kind == "html_block":
            content = node.content.strip(" \t\n")
            if content.startswith("<!--"):
                if not content.endswith("-->") or content.find("-->") != len(content) - 3:
                    raise self.error("text after an HTML comment", node)
                return [Comment(content[4:-3], line, column)]
            raise self.error("raw HTML blocks are not supported in a policy", node)
        if kind == "fence":
            raise self.error("code blocks are not supported in a policy", node)
        if kind == "code_block":
            raise self.error("indented code blocks are not supported in a policy", node)
        if kind == "blockquote":
            raise self.error("block quotes are not supported in a policy", node)
        raise self.error(f"{kind} blocks are not supported in a policy", node)
