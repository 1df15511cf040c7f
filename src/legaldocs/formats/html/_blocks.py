"""The blocks of a web policy as HTML: sections, paragraphs, lists, tables, quotes.

Texts hold inline Markdown; it is shown as HTML (emphasis, links, code, line breaks) by
markdown-it-py's inline renderer with raw HTML switched off, so that every other character,
a raw HTML block included, is escaped, and link targets such as ``javascript:`` are refused
the way CommonMark renderers do. Link reference definitions of the document give targets to
``[text][id]`` links and are not shown themselves.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from markdown_it import MarkdownIt

from legaldocs.model._blocks import (
    BlockList,
    CodeBlock,
    Dateline,
    HtmlBlock,
    LinkDefinitions,
    PipeTable,
    PolicyBlock,
    Quote,
    Section,
    TextBlock,
    ThematicBreak,
)

__all__ = ["BlockWriter"]

_INLINE = MarkdownIt("commonmark", {"html": False})


class BlockWriter:
    """Writes policy blocks as HTML; ``make_id`` turns a key path into a unique ``id``."""

    def __init__(self, make_id: Callable[[str], str], blocks: Sequence[object]) -> None:
        self.make_id = make_id
        self.env: dict[str, Any] = {}
        definitions = [d.text for d in _definitions(blocks)]
        if definitions:
            _INLINE.parse("\n\n".join(definitions), self.env)

    def inline(self, text: str) -> str:
        """Inline Markdown as HTML (raw HTML escaped)."""
        rendered: str = _INLINE.renderInline(text, self.env)
        return rendered.rstrip("\n")

    def blocks(self, blocks: Sequence[PolicyBlock], path: str, tight: bool = False) -> list[str]:
        """The HTML lines of ``blocks`` whose parent is at key path ``path``."""
        out: list[str] = []
        for block in blocks:
            out.extend(self.block(block, f"{path}/{block.key}" if path else block.key, tight))
        return out

    def block(self, block: PolicyBlock, path: str, tight: bool = False) -> list[str]:
        """The HTML lines of one block at key path ``path``."""
        ident = f' id="{self.make_id(path)}"'
        if isinstance(block, Section):
            level = min(max(block.level, 1), 6)
            num = f' data-num="{html.escape(block.num)}"' if block.num is not None else ""
            return [
                f'<section class="section"{ident}{num}>',
                f"<h{level}>{self.inline(block.heading)}</h{level}>",
                *self.blocks(block.children, path),
                "</section>",
            ]
        if isinstance(block, Dateline):
            return [
                f'<p class="dateline"{ident}><time datetime="{block.date.isoformat()}">'
                f"{self.inline(block.text)}</time></p>"
            ]
        if isinstance(block, TextBlock):
            if tight:
                return [self.inline(block.text)]
            return [f"<p{ident}>{self.inline(block.text)}</p>"]
        if isinstance(block, BlockList):
            tag = "ol" if block.ordered else "ul"
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            out = [f"<{tag}{ident}{start}>"]
            for item in block.items:
                item_path = f"{path}/{item.key}"
                inner = self.blocks(item.children, item_path, tight=block.tight)
                out.append(f'<li id="{self.make_id(item_path)}">' + "\n".join(inner) + "</li>")
            out.append(f"</{tag}>")
            return out
        if isinstance(block, Quote):
            return [f"<blockquote{ident}>", *self.blocks(block.children, path), "</blockquote>"]
        if isinstance(block, HtmlBlock):
            return [f'<pre class="html"{ident}>{html.escape(block.html)}</pre>']
        if isinstance(block, CodeBlock):
            lang = f' class="language-{html.escape(block.info.split()[0])}"' if block.info else ""
            return [f"<pre{ident}><code{lang}>{html.escape(block.code)}\n</code></pre>"]
        if isinstance(block, ThematicBreak):
            return [f"<hr{ident}>"]
        if isinstance(block, PipeTable):
            return self.table(block, path, ident)
        if isinstance(block, LinkDefinitions):
            return []
        raise TypeError(f"not a policy block: {type(block).__name__}")

    def table(self, table: PipeTable, path: str, ident: str) -> list[str]:
        """A GFM table: the first row is the header."""
        out = [f"<table{ident}>"]
        for index, row in enumerate(table.rows):
            if index == 0:
                out.append("<thead>")
            elif index == 1:
                out.append("<tbody>")
            tag = "th" if index == 0 else "td"
            cells = []
            for column, cell in enumerate(row.cells):
                align = table.align[column] if column < len(table.align) else None
                style = f' style="text-align:{align}"' if align else ""
                cells.append(f"<{tag}{style}>{self.inline(cell.text)}</{tag}>")
            out.append(f'<tr id="{self.make_id(f"{path}/{row.key}")}">{"".join(cells)}</tr>')
            if index == 0:
                out.append("</thead>")
        if len(table.rows) > 1:
            out.append("</tbody>")
        out.append("</table>")
        return out


def _definitions(blocks: Sequence[object]) -> list[LinkDefinitions]:
    found: list[LinkDefinitions] = []
    stack = list(reversed(blocks))
    while stack:
        block = stack.pop()
        if isinstance(block, LinkDefinitions):
            found.append(block)
        elif isinstance(block, Section | Quote):
            stack.extend(reversed(block.children))
        elif isinstance(block, BlockList):
            for item in reversed(block.items):
                stack.extend(reversed(item.children))
    return found
