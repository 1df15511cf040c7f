"""Semantic HTML output.

The document is an ``<article class="legaldocs">`` with its ``lang``; divisions and
supplements are ``<section>``; articles are nested ``<article class="article">`` with an
``<h2>``–``<h6>`` heading; paragraphs are ``<div class="paragraph">`` holding a
``<p class="text">``; items are nested ``<ol>`` (numbered style, ``value`` = the item's
number) or ``<ul>`` (bullets); tables are ``<table>``. Every article, paragraph, item,
table, row, division and supplement carries an ``id`` derived from its key path
(``a3/p2/i1`` → ``a3-p2-i1``), so an anchor survives renumbering. All text is escaped;
line breaks become ``<br>``.

The blocks of a web policy (sections, paragraphs, lists, tables, quotes; see
:mod:`legaldocs.formats.html._blocks`) are ``<section>`` with a heading, ``<p>``, ``<ul>`` /
``<ol>``, ``<table>`` and ``<blockquote>``; their texts keep their inline formatting as HTML
(emphasis, links, code) and everything else is escaped, raw HTML blocks included.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from legaldocs.errors import FormatError, require_type
from legaldocs.formats._revision_lines import format_revision
from legaldocs.formats.html._blocks import BlockWriter
from legaldocs.model._numbers import item_label
from legaldocs.model._records import (
    Article,
    BodyElement,
    Division,
    Document,
    Item,
    ItemChild,
    Paragraph,
    Revision,
    Style,
    Supplement,
    Table,
    TocEntry,
)

__all__ = ["html_id", "render_html"]

_ID_SAFE = re.compile(r"[A-Za-z0-9_.-]")
_ATTR_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_DIVISION_NAMES = {
    "編": "Part",
    "章": "Chapter",
    "節": "Section",
    "款": "Subsection",
    "目": "Division",
}


def html_id(key_path: str) -> str:
    """The HTML ``id`` of the element at ``key_path``: ``"a3/p2/i1"`` → ``"a3-p2-i1"``.

    Characters other than ASCII letters, digits, ``_``, ``.`` and ``-`` are written as
    ``_uXXXX`` so that the id is a valid, whitespace-free HTML id and a usable URL fragment.
    """
    require_type(key_path, str, "html_id: key_path")
    out = []
    for char in key_path:
        if char == "/":
            out.append("-")
        elif _ID_SAFE.fullmatch(char):
            out.append(char)
        else:
            out.append(f"_u{ord(char):04X}")
    return "".join(out) or "_"


def _text(text: str) -> str:
    return "<br>".join(html.escape(line, quote=True) for line in text.split("\n"))


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


@dataclass
class _Ctx:
    style: Style
    ids: set[str] = field(default_factory=set)
    body: Sequence[object] = ()
    writer: BlockWriter | None = None

    def blocks(self) -> BlockWriter:
        if self.writer is None:
            self.writer = BlockWriter(self.id, self.body)
        return self.writer

    def id(self, key_path: str) -> str:
        base = html_id(key_path)
        candidate = base
        counter = 1
        while candidate in self.ids:
            counter += 1
            candidate = f"{base}-{counter}"
        self.ids.add(candidate)
        return candidate


def _children(children: Sequence[ItemChild], path: str, depth: int, ctx: _Ctx) -> list[str]:
    out: list[str] = []
    run: list[Item] = []

    def flush() -> None:
        if not run:
            return
        numbered = ctx.style.items == "numbered"
        tag = "ol" if numbered else "ul"
        out.append(f'<{tag} class="items depth-{depth}">')
        for item in run:
            out.extend(_item(item, f"{path}/{item.key}", depth, numbered, ctx))
        out.append(f"</{tag}>")
        run.clear()

    for child in children:
        if isinstance(child, Table):
            flush()
            out.extend(_table(child, f"{path}/{child.key}", ctx))
        elif isinstance(child, Item):
            run.append(child)
        else:
            raise FormatError(f"{type(child).__name__} {child.key!r} cannot be written as HTML")
    flush()
    return out


def _item(item: Item, path: str, depth: int, numbered: bool, ctx: _Ctx) -> list[str]:
    attrs = f' id="{ctx.id(path)}" data-num="{_attr(item.num.arabic())}"'
    if ctx.style.article_label == "japanese":
        label = item.label or item_label(item.num, depth, ctx.style.numerals)
        attrs += f' data-label="{_attr(label)}"'
    if numbered and not item.num.branches:
        attrs += f' value="{item.num.main}"'
    shown = "" if item.label is None else f'<span class="label">{_text(item.label)}</span> '
    out = [f'<li{attrs}>{shown}<span class="text">{_text(item.text)}</span>']
    out.extend(_children(item.children, path, depth + 1, ctx))
    out.append("</li>")
    return out


def _paragraph(par: Paragraph, path: str, ctx: _Ctx) -> list[str]:
    classes = "paragraph anonymous" if par.anonymous else "paragraph"
    out = [
        f'<div class="{classes}" id="{ctx.id(path)}" data-num="{_attr(par.num.arabic())}">',
        f'<p class="text">{_text(par.text)}</p>',
    ]
    out.extend(_children(par.children, path, 1, ctx))
    out.append("</div>")
    return out


def _table(table: Table, path: str, ctx: _Ctx) -> list[str]:
    label_value = bool(table.rows) and all(len(row.cells) == 2 for row in table.rows)
    out = [f'<table id="{ctx.id(path)}">', "<tbody>"]
    for row in table.rows:
        cells = []
        for index, cell in enumerate(row.cells):
            attrs = ""
            for name, value in cell.attrs:
                if not _ATTR_NAME.fullmatch(name):
                    raise FormatError(
                        f"cell attribute name {name!r} in {path}/{row.key} cannot be written "
                        "as an HTML attribute"
                    )
                attrs += f' data-{name.lower()}="{_attr(value)}"'
            if label_value and index == 0:
                cells.append(f'<th scope="row"{attrs}>{_text(cell.text)}</th>')
            else:
                cells.append(f"<td{attrs}>{_text(cell.text)}</td>")
        out.append(f'<tr id="{ctx.id(f"{path}/{row.key}")}">{"".join(cells)}</tr>')
    out.extend(["</tbody>", "</table>"])
    return out


def _article_number(article: Article, style: Style) -> str:
    label = style.article_label
    if label == "japanese":
        text = f"第{article.num.written(style.numerals)}条"
        if article.until is not None:
            text += f"から第{article.until.written(style.numerals)}条まで"
        return text
    number = "-".join(str(p) for p in article.num.parts)
    if article.until is not None:
        number += "–" + "-".join(str(p) for p in article.until.parts)
    return f"{number}." if label == "dotted" else f"Article {number}"


def _heading(level: int) -> str:
    return f"h{min(level, 6)}"


def _article(article: Article, path: str, level: int, ctx: _Ctx) -> list[str]:
    tag = _heading(level)
    classes = "article deleted" if article.deleted else "article"
    head = f'<span class="num">{_attr(_article_number(article, ctx.style))}</span>'
    if article.caption is not None:
        head += f' <span class="caption">{_text(article.caption)}</span>'
    if article.deleted:
        word = "削除" if ctx.style.article_label == "japanese" else "Deleted"
        head += f' <span class="deleted">{word}</span>'
    out = [
        f'<article class="{classes}" id="{ctx.id(path)}" data-num="{_attr(article.num.arabic())}">',
        f"<{tag}>{head}</{tag}>",
    ]
    for par in article.paragraphs:
        out.extend(_paragraph(par, f"{path}/{par.key}", ctx))
    out.append("</article>")
    return out


def _division(division: Division, prefix: str, level: int, ctx: _Ctx) -> list[str]:
    tag = _heading(level)
    if ctx.style.article_label == "japanese":
        number = f"第{division.num.written(ctx.style.numerals)}{division.kind}"
    else:
        number = f"{_DIVISION_NAMES[division.kind]} {division.num.arabic()}"
    out = [
        f'<section class="division" id="{ctx.id(prefix + division.key)}" '
        f'data-kind="{division.kind}">',
        f'<{tag}><span class="num">{_attr(number)}</span> '
        f'<span class="title">{_text(division.title)}</span></{tag}>',
    ]
    for child in division.children:
        if isinstance(child, Division):
            out.extend(_division(child, prefix, level + 1, ctx))
        else:
            out.extend(_article(child, prefix + child.key, level + 1, ctx))
    out.append("</section>")
    return out


def _body(elements: Sequence[BodyElement], prefix: str, level: int, ctx: _Ctx) -> list[str]:
    out: list[str] = []
    for element in elements:
        if isinstance(element, Division):
            out.extend(_division(element, prefix, level, ctx))
        elif isinstance(element, Article):
            out.extend(_article(element, prefix + element.key, level, ctx))
        elif isinstance(element, Paragraph):
            out.extend(_paragraph(element, prefix + element.key, ctx))
        elif isinstance(element, Table):
            out.extend(_table(element, prefix + element.key, ctx))
        else:
            out.extend(ctx.blocks().block(element, prefix + element.key))
    return out


def _revision(revision: Revision) -> str:
    try:
        written = format_revision(revision)
    except ValueError as error:
        raise FormatError(f"revision cannot be written: {error}") from None
    when, _, event = written.rpartition(" ")
    return (
        f'<p class="revision"><time datetime="{revision.date.isoformat()}">{_text(when)}</time>'
        f" {_text(event)}</p>"
    )


def _supplement(sup: Supplement, ctx: _Ctx) -> list[str]:
    head = _text(sup.title)
    if sup.law_ref is not None:
        head += f'<span class="law-ref">（{_text(sup.law_ref)}）</span>'
    if sup.excerpt:
        head += '<span class="excerpt">\u3000抄</span>'
    out = [f'<section class="supplement" id="{ctx.id(sup.key)}">', f"<h2>{head}</h2>"]
    out.extend(_body(sup.body, sup.key + "/", 3, ctx))
    out.extend(_revision(r) for r in sup.revisions)
    out.append("</section>")
    return out


def _toc_entries(entries: Sequence[TocEntry]) -> list[str]:
    out = ["<ul>"]
    for entry in entries:
        out.append(f"<li>{_text(entry.text)}")
        if entry.children:
            out.extend(_toc_entries(entry.children))
        out.append("</li>")
    out.append("</ul>")
    return out


def _fragment(doc: Document) -> list[str]:
    ctx = _Ctx(doc.style, body=doc.body)
    ctx.ids.add("preamble")
    out = [f'<article class="legaldocs" lang="{_attr(doc.lang)}">', "<header>"]
    if doc.alt_title is not None:
        out.append(f'<p class="alt-title">{_text(doc.alt_title)}</p>')
    if doc.markup is not None:  # a web policy's title is inline Markdown
        if doc.title:
            out.append(f"<h1>{ctx.blocks().inline(doc.title)}</h1>")
    else:
        out.append(f"<h1>{_text(doc.title)}</h1>")
    if doc.law_num is not None:
        out.append(f'<p class="law-num">（{_text(doc.law_num)}）</p>')
    out.append("</header>")
    if doc.toc is not None:
        out.append(f'<nav class="toc"><h2>{_text(doc.toc.title)}</h2>')
        out.extend(_toc_entries(doc.toc.entries))
        out.append("</nav>")
    if doc.preamble:
        out.append('<section class="preamble" id="preamble">')
        for par in doc.preamble:
            out.extend(_paragraph(par, f"preamble/{par.key}", ctx))
        out.append("</section>")
    out.extend(_body(doc.body, "", 2, ctx))
    for sup in doc.supplements:
        out.extend(_supplement(sup, ctx))
    out.append("</article>")
    return out


def render_html(doc: Document, *, full_page: bool = False) -> str:
    """The document as semantic HTML.

    By default an HTML fragment (one ``<article>``) to embed in a page; with
    ``full_page=True`` a whole page with doctype, ``<html lang>``, ``<meta charset="utf-8">``
    and ``<title>``. Raises :class:`~legaldocs.LegaldocsError` for a table cell attribute
    whose name cannot be an HTML attribute or a revision event that cannot be written.
    """
    require_type(doc, Document, "render_html: doc")
    body = "\n".join(_fragment(doc))
    if not full_page:
        return body + "\n"
    title = doc.title if doc.alt_title is None else f"{doc.title} ({doc.alt_title})"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_attr(doc.lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title.replace(chr(10), ' '), quote=True)}</title>\n"
        "</head>\n"
        "<body>\n"
        f"{body}\n"
        "</body>\n"
        "</html>\n"
    )
