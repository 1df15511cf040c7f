"""Reading a policy as a web site publishes it: HTML, with CSS selectors choosing the content.

Open Terms Archive declares each tracked document by a URL, the selectors of its content and
the selectors of what to remove inside it (navigation, cookie banners, buttons);
:func:`parse_html` takes the same two lists. The HTML parser is lxml.html: it reads real-world
HTML (unclosed tags, stray markup) the way browsers recover it, it is fast (C, libxml2), and
with cssselect it evaluates CSS selectors directly, which is what such declarations are
written in. html5lib would follow the HTML5 algorithm to the letter but is pure Python and
an order of magnitude slower, and selectolax has no element tree to walk in document order
with tails as lxml has. Both lxml and cssselect are an optional extra (``legaldocs[html]``).

The content becomes the blocks of a web policy (:mod:`legaldocs.model._blocks`): ``h1``-``h6``
open sections (the first ``h1``, when it is the only one, is the title), ``p`` paragraphs,
``ul``/``ol`` lists, ``table`` GFM tables, ``blockquote`` quotes, ``pre`` code blocks, ``hr``
breaks; inline markup is kept as inline Markdown (``**strong**``, ``*em*``, ``[link](href)``,
```code```, line breaks), and Markdown characters in the text are escaped, so that
:func:`~legaldocs.render_markdown` writes a Markdown page that shows the same text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import attrs

from legaldocs.errors import ArgumentTypeError, FormatError, ParseError, require_type
from legaldocs.formats._encoding import check_text
from legaldocs.model._blocks import (
    Align,
    BlockList,
    CodeBlock,
    Dateline,
    ListItem,
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
from legaldocs.model._records import Document, Style

__all__ = ["parse_html"]

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_SKIP = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg"}
_INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
    "u", "var", "wbr", "br", "img", "del", "ins", "label",
}  # fmt: skip
_SPACE = re.compile(r"[ \t\n\r\f]+")
_ESCAPE = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(?:([#>+=~-])|(\d{1,9})([.)]))")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


def _selectors(value: object, what: str) -> list[str]:
    """One selector or several, as a list; an :class:`ArgumentTypeError` for anything else."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ArgumentTypeError(f"parse_html: {what}: not a CSS selector or a list of them: {value!r}")


def parse_html(
    html: str | bytes,
    *,
    select: str | list[str] | tuple[str, ...] = "body",
    remove: str | list[str] | tuple[str, ...] = (),
    source: str | None = None,
) -> Document:
    """Read the policy in a web page.

    ``select``: CSS selectors of the content (a string, or several; the matches are read in
    document order, by default the whole ``body``); ``remove``: CSS selectors of what to drop
    inside it (navigation, banners). Raises :class:`~legaldocs.ParseError` when no element
    matches ``select`` or a selector is not valid CSS, and
    :class:`~legaldocs.FormatError` when lxml or cssselect is not installed.
    """
    try:
        import lxml.html  # type: ignore[import-untyped, unused-ignore]
        from cssselect import SelectorError  # type: ignore[import-untyped, unused-ignore]
    except ImportError:  # pragma: no cover - the extra is installed for the tests
        raise FormatError(
            "reading HTML needs lxml and cssselect: pip install 'legaldocs[html]'"
        ) from None
    require_type(html, (str, bytes), "parse_html: html")
    selectors = _selectors(select, "select")
    removals = _selectors(remove, "remove")
    if isinstance(html, str):
        check_text(html, source)
        html = html.encode("utf-8")
        parser = lxml.html.HTMLParser(encoding="utf-8")
    else:
        parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except Exception as error:  # lxml raises ParserError for an empty document
        raise ParseError(
            f"not an HTML document: {error}", line=1, column=1, source=source
        ) from None
    try:
        for selector in removals:
            for element in root.cssselect(selector):
                parent = element.getparent()
                if parent is not None:
                    _drop(element)
        found: list[Any] = []
        for selector in selectors:
            found.extend(root.cssselect(selector))
    except SelectorError as error:
        raise ParseError(f"not a CSS selector: {error}", source=source) from None
    if not found:
        raise ParseError(f"no element matches {', '.join(selectors)!r}", source=source)
    order = {element: n for n, element in enumerate(root.iter())}
    found = sorted(set(found), key=lambda e: order.get(e, 0))
    # an element inside another chosen one is read with it
    chosen = [e for e in found if not any(a in found for a in e.iterancestors())]
    reader = _Reader()
    flat: list[PolicyBlock | _Heading] = []
    for element in chosen:
        flat.extend(reader.children(element))
    title = ""
    lang = root.get("lang") or ""
    h1s = [b for b in flat if isinstance(b, _Heading) and b.level == 1]
    if flat and isinstance(flat[0], _Heading) and flat[0].level == 1 and len(h1s) == 1:
        title = flat[0].text
        flat = flat[1:]
    body = _sections(flat)
    text = " ".join(str(t) for t in root.itertext())
    if not lang:
        lang = "ja" if _JAPANESE.search(text) else "en"
    lang = lang.split("-")[0].lower() or "en"
    style = Style() if lang == "ja" else Style(numerals="arabic", article_label="dotted")
    return Document(title=title, body=tuple(body), lang=lang, style=style)


def _drop(element: Any) -> None:
    """Remove an element but keep the text after it."""
    parent = element.getparent()
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


@attrs.define
class _Heading:
    text: str
    level: int


class _Reader:
    def children(self, element: Any) -> list[PolicyBlock | _Heading]:
        """The blocks inside a block container (text runs between blocks are paragraphs)."""
        out: list[PolicyBlock | _Heading] = []
        run: list[str] = []

        def flush() -> None:
            text = _tidy("".join(run))
            run.clear()
            if text:
                out.append(_paragraph(text))

        if element.text:
            run.append(_escape(_SPACE.sub(" ", element.text)))
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _INLINE:
                run.append(self.inline(child))
            else:
                flush()
                if tag and tag not in _SKIP:
                    out.extend(self.block(child, tag))
            if child.tail:
                run.append(_escape(_SPACE.sub(" ", child.tail)))
        flush()
        return out

    def block(self, element: Any, tag: str) -> list[PolicyBlock | _Heading]:
        if tag in _HEADINGS:
            text = _tidy(self.inline_content(element))
            return [_Heading(text, _HEADINGS[tag])] if text else []
        if tag == "p":
            text = _tidy(self.inline_content(element))
            return [_paragraph(text)] if text else []
        if tag in ("ul", "ol"):
            items: list[ListItem] = []
            for child in element:
                if isinstance(child.tag, str) and child.tag == "li":
                    blocks = _sections(self.children(child))
                    items.append(ListItem(key=f"i{len(items) + 1}", children=tuple(blocks)))
            if not items:
                return []
            start = int(element.get("start", "1")) if element.get("start", "1").isdigit() else 1
            return [
                BlockList(
                    key="",
                    items=tuple(items),
                    ordered=tag == "ol",
                    start=start,
                    marker="." if tag == "ol" else "-",
                    tight=not any(
                        isinstance(b, TextBlock) and n > 0
                        for item in items
                        for n, b in enumerate(item.children)
                    ),
                )
            ]
        if tag == "table":
            return self.table(element)
        if tag == "blockquote":
            return [Quote(key="", children=tuple(_sections(self.children(element))))]
        if tag == "pre":
            code = element.text_content().rstrip("\n")
            return [CodeBlock(key="", code=code)]
        if tag == "hr":
            return [ThematicBreak(key="")]
        return self.children(element)  # div, section, article, main, dl, ...

    def table(self, element: Any) -> list[PolicyBlock | _Heading]:
        rows: list[list[str]] = []
        align: list[Align] = []
        for tr in element.iter("tr"):
            cells = []
            for cell in tr:
                if isinstance(cell.tag, str) and cell.tag in ("td", "th"):
                    # a cell is one line: its line breaks become spaces
                    text = _tidy(self.inline_content(cell)).replace("\\\n", " ").replace("\n", " ")
                    cells.append(text)
                    if not rows:
                        value = (cell.get("align") or "").lower()
                        align.append(value if value in ("left", "center", "right") else None)  # type: ignore[arg-type]
            rows.append(cells)
        if not rows:
            return []
        width = max(len(r) for r in rows)
        align += [None] * (width - len(align))
        return [
            PipeTable(
                key="",
                rows=tuple(
                    TableRow(
                        key=f"r{n}",
                        cells=tuple(TableCell(text=c) for c in row + [""] * (width - len(row))),
                    )
                    for n, row in enumerate(rows, 1)
                ),
                align=tuple(align),
            )
        ]

    def inline_content(self, element: Any) -> str:
        parts = [_escape(_SPACE.sub(" ", element.text))] if element.text else []
        for child in element:
            if isinstance(child.tag, str) and child.tag not in _SKIP:
                parts.append(self.inline(child))
            if child.tail:
                parts.append(_escape(_SPACE.sub(" ", child.tail)))
        return "".join(parts)

    def inline(self, element: Any) -> str:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br":
            return "\\\n"
        if tag == "img":
            alt = _escape(element.get("alt", ""))
            return f"![{alt}]({_url(element.get('src', ''))})"
        inner = self.inline_content(element)
        if tag in _SKIP:
            return ""
        if not inner.strip():
            return inner
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        core = inner.strip()
        if tag in ("strong", "b", "em", "i") and not (_wordy(core[0]) and _wordy(core[-1])):
            return inner  # emphasis that starts or ends with a mark would not read as one
        if tag in ("strong", "b"):
            return f"{lead}**{core}**{trail}"
        if tag in ("em", "i"):
            return f"{lead}*{core}*{trail}"
        if tag == "code":
            raw = element.text_content()
            fence = "`"
            while fence in raw:
                fence += "`"
            pad = " " if raw.startswith("`") or raw.endswith("`") else ""
            return f"{fence}{pad}{raw}{pad}{fence}"
        if tag == "a" and element.get("href"):
            return f"{lead}[{core}]({_url(element.get('href'))}){trail}"
        return inner


def _wordy(char: str) -> bool:
    return unicodedata.category(char)[0] not in "PSZ" and char != "\\"


def _url(url: str) -> str:
    url = url.strip()
    if not url or any(c in url for c in " ()<>"):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def _tidy(text: str) -> str:
    """Inline Markdown of one paragraph: spaces trimmed around line breaks and at the ends,
    and a line start that would read as a block marker escaped."""
    # consecutive line breaks (<br><br>) make one: Markdown has no empty line in a paragraph
    lines = [line.strip(" ") for line in text.split("\n")]
    lines = [line for n, line in enumerate(lines) if line != "\\" or n == len(lines) - 1]
    while lines and lines[-1] in ("", "\\"):
        lines.pop()
    while lines and lines[0] in ("", "\\"):
        lines.pop(0)
    if lines and lines[-1].endswith("\\"):
        lines[-1] = lines[-1][:-1].rstrip(" ")
    lines = [_LINE_START.sub(_escape_start, line) for line in lines]
    return "\n".join(line for line in lines if line)


def _escape_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


def _paragraph(text: str) -> PolicyBlock:
    dated = read_dateline(text)
    if dated is not None:
        return Dateline(key="", text=text, date=dated[0], label=dated[1])
    return TextBlock(key="", text=text)


class _Open:
    def __init__(self, heading: _Heading) -> None:
        self.heading = heading
        self.children: list[PolicyBlock | _Open] = []

    def build(self) -> Section:
        return Section(
            key="",
            heading=self.heading.text,
            level=self.heading.level,
            num=heading_number(self.heading.text),
            children=tuple(_keyed(self.children)),
        )


def _sections(flat: list[PolicyBlock | _Heading]) -> list[PolicyBlock]:
    top: list[PolicyBlock | _Open] = []
    stack: list[_Open] = []
    for block in flat:
        if isinstance(block, _Heading):
            while stack and stack[-1].heading.level >= block.level:
                stack.pop()
            opened = _Open(block)
            (stack[-1].children if stack else top).append(opened)
            stack.append(opened)
        else:
            (stack[-1].children if stack else top).append(block)
    return _keyed(top)


def _keyed(blocks: list[PolicyBlock | _Open]) -> list[PolicyBlock]:
    return assign_keys([b.build() if isinstance(b, _Open) else b for b in blocks])
