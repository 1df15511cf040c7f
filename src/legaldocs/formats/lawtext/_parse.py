"""Reading Lawtext into the records of legaldocs (private; see :mod:`legaldocs.formats.lawtext`).

The reader is line based: every line is classified by one precompiled regular expression
and its indentation, and the structure (divisions, articles, paragraphs, items, tables,
supplementary provisions) is built bottom-up by small recursive functions, each of which
returns its record and the index of the first line it did not consume.
"""

from __future__ import annotations

import contextlib
import re
from typing import NoReturn

from legaldocs.errors import ParseError
from legaldocs.model._keys import DIVISION_PREFIX, number_key
from legaldocs.model._numbers import Num, item_label, parse_item_label
from legaldocs.model._records import (
    DIVISION_KINDS,
    Article,
    BodyElement,
    Cell,
    Division,
    DivisionKind,
    Document,
    Item,
    ItemChild,
    Paragraph,
    Row,
    Supplement,
    Table,
    Toc,
    TocEntry,
)

__all__ = [
    "ARTICLE_LINE",
    "DIVISION_INDENT",
    "DIVISION_LINE",
    "DIVISION_PREFIX",
    "PARAGRAPH_LINE",
    "item_num",
    "parse",
]

_K = "[〇一二三四五六七八九十百千万]+"
_FW = "[０-９]+"

DIVISION_INDENT: dict[str, int] = {"編": 4, "章": 6, "節": 8, "款": 10, "目": 12}
"""Spaces before a division heading, by kind."""

_KIND: dict[str, DivisionKind] = {kind: kind for kind in DIVISION_KINDS}
_RANK = {kind: i for i, kind in enumerate(DIVISION_KINDS)}

DIVISION_LINE = re.compile(rf"^( +)第({_K})([編章節款目])((?:の{_K})*)　(.*)$")
_SUPPLEMENT = re.compile(r"^      (附[ 　]*則)(?:(　?)（([^）]*)）)?(　抄)?$")
ARTICLE_LINE = re.compile(
    rf"^第({_K})条((?:の{_K})*)(?:から第({_K})条((?:の{_K})*)まで)?(?:　(.*))?$"
)
_ARTICLE_HEAD = re.compile(rf"^第{_K}条(?:の{_K})*")
PARAGRAPH_LINE = re.compile(rf"^({_FW}(?:の{_FW})*)　(.*)$")
_CAPTION = re.compile(r"^  (（.*）)$")
_ITEM = re.compile(r"^((?:  )+)([^ 　]+)　(.*)$")
_ROW = re.compile(r"^((?:  )+)(\* )?- ?(.*)$")
_ATTR = re.compile(r'\[([A-Za-z][A-Za-z0-9_-]*)="([^"]*)"\]')
_TAG = re.compile(r"^:([a-z-]+):")
_ANONYM = ":anonym-paragraph:"
_PREAMBLE = ":preamble:"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


_key_of = number_key


class _Reader:
    """The lines of one text and the helpers that report errors at a line."""

    __slots__ = ("lines", "source")

    def __init__(self, lines: list[str], source: str | None) -> None:
        self.lines = lines
        self.source = source

    def fail(self, index: int, message: str, column: int | None = None) -> NoReturn:
        if column is None and index < len(self.lines):
            column = _indent(self.lines[index]) + 1
        raise ParseError(message, line=index + 1, column=column, source=self.source)

    def skip_blank(self, i: int) -> int:
        lines = self.lines
        n = len(lines)
        while i < n and not lines[i]:
            i += 1
        return i

    def num(self, index: int, text: str, fullwidth: bool = False) -> Num:
        """The number written ``text``; it must be written the standard way (三十一, not
        三一; ３, not ０３) since the number, not its spelling, is what is kept."""
        try:
            num = Num.parse(text)
        except ValueError:
            self.fail(index, f"not a number: {text!r}")
        standard = num.fullwidth() if fullwidth else num.kanji()
        if standard != text:
            self.fail(index, f"number written {text!r}: expected the standard form {standard!r}")
        return num


def parse(text: str, source: str | None) -> Document:
    """Parse a whole Lawtext text (see :func:`legaldocs.lawtext.parse_lawtext`)."""
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        raise ParseError(
            "carriage return found: Lawtext lines end with LF only (convert CRLF first)",
            line=line,
            source=source,
        )
    if not text:
        raise ParseError("empty text: expected the title of the law", line=1, source=source)
    if not text.endswith("\n"):
        raise ParseError(
            "expected a line break at the end of the text",
            line=text.count("\n") + 1,
            source=source,
        )
    lines = text[:-1].split("\n")
    r = _Reader(lines, source)
    n = len(lines)
    title = lines[0]
    if not title or title[0] in " 　":
        r.fail(0, "expected the title of the law on the first line")
    i = 1
    law_num = None
    if i < n and lines[i].startswith("（") and lines[i].endswith("）"):
        law_num = lines[i][1:-1]
        i += 1
    if i < n and lines[i]:
        r.fail(i, "expected a blank line after the title and law number")
    i = r.skip_blank(i)
    toc = None
    if i < n and lines[i] == "目次":
        toc, i = _toc(r, i)
        i = r.skip_blank(i)
    preamble: tuple[Paragraph, ...] = ()
    if i < n and lines[i] == _PREAMBLE:
        preamble, i = _preamble(r, i)
        i = r.skip_blank(i)
    body, i = _body(r, i, in_supplement=False)
    supplements: list[Supplement] = []
    while i < n:
        supplement, i = _supplement(r, i, len(supplements) + 1)
        supplements.append(supplement)
    return Document(
        title=title,
        law_num=law_num,
        preamble=preamble,
        toc=toc,
        body=body,
        supplements=tuple(supplements),
    )


def _toc(r: _Reader, i: int) -> tuple[Toc, int]:
    lines = r.lines
    n = len(lines)
    i += 1
    # (depth, text, children) built with a stack of child lists.
    root: list[TocEntry] = []
    stack: list[tuple[str, list[TocEntry]]] = []
    pending: list[list[TocEntry]] = [root]

    def close(depth: int) -> None:
        while len(stack) > depth:
            entry_text, children = stack.pop()
            pending.pop()
            pending[-1].append(TocEntry(text=entry_text, children=tuple(children)))

    while i < n and lines[i]:
        line = lines[i]
        indent = _indent(line)
        depth = indent // 2
        if indent == len(line):
            r.fail(i, "empty table-of-contents entry")
        if indent % 2 or depth < 1:
            r.fail(i, "expected a table-of-contents entry indented by a multiple of two spaces")
        if depth > len(stack) + 1:
            r.fail(
                i,
                "table-of-contents entry indented too deep "
                f"(expected at most {2 * (len(stack) + 1)} spaces)",
            )
        close(depth - 1)
        children: list[TocEntry] = []
        stack.append((line[indent:], children))
        pending.append(children)
        i += 1
    close(0)
    return Toc(title="目次", entries=tuple(root)), i


def _preamble(r: _Reader, i: int) -> tuple[tuple[Paragraph, ...], int]:
    lines = r.lines
    n = len(lines)
    i += 1
    out: list[Paragraph] = []
    while i < n and lines[i].startswith("  ") and not lines[i].startswith("   "):
        if len(lines[i]) == 2:
            r.fail(i, "empty preamble paragraph")
        out.append(
            Paragraph(
                key=f"pre{len(out) + 1}",
                num=Num.of(len(out) + 1),
                text=lines[i][2:],
                anonymous=True,
            )
        )
        i += 1
    if not out:
        r.fail(i, "expected preamble paragraphs indented by two spaces after :preamble:")
    return tuple(out), i


class _Open:
    """A division being read: its heading and the children read so far."""

    __slots__ = ("children", "key", "kind", "num", "title")

    def __init__(self, key: str, kind: DivisionKind, num: Num, title: str) -> None:
        self.key = key
        self.kind = kind
        self.num = num
        self.title = title
        self.children: list[Division | Article] = []

    def close(self) -> Division:
        return Division(
            key=self.key,
            kind=self.kind,
            num=self.num,
            title=self.title,
            children=tuple(self.children),
        )


def _body(r: _Reader, i: int, *, in_supplement: bool) -> tuple[tuple[BodyElement, ...], int]:
    lines = r.lines
    n = len(lines)
    top: list[BodyElement] = []
    stack: list[_Open] = []
    used_keys: set[str] = set()
    para_count = 0
    caption: str | None = None
    caption_at = -1
    after_blank = True

    def close_to(rank: int) -> None:
        while stack and _RANK[stack[-1].kind] >= rank:
            done = stack.pop().close()
            if stack:
                stack[-1].children.append(done)
            else:
                top.append(done)

    def add(element: Article | Paragraph, at: int) -> None:
        if isinstance(element, Paragraph):
            if stack:
                r.fail(at, "a paragraph outside an article cannot stand inside a division")
            top.append(element)
        elif stack:
            stack[-1].children.append(element)
        else:
            top.append(element)

    while i < n:
        line = lines[i]
        if not line:
            after_blank = True
            i += 1
            continue
        if caption is not None:
            first = line[:1]
            if not (first == "第" or first in "０１２３４５６７８９" or line.startswith(_ANONYM)):
                r.fail(i, "expected an article or a numbered paragraph after the caption")
        if line.startswith("      附"):
            if caption is not None:
                r.fail(i, "expected an article after the caption")
            break
        first = line[0]
        if first == " ":
            m = _CAPTION.match(line)
            if m and after_blank:
                if caption is not None:
                    r.fail(i, "two captions in a row: expected an article")
                caption = m.group(1)
                caption_at = i
                after_blank = False
                i += 1
                continue
            m = DIVISION_LINE.match(line)
            if m:
                if in_supplement:
                    r.fail(i, "divisions (編章節款目) are not expected in supplementary provisions")
                kind = _KIND[m.group(3)]
                indent = len(m.group(1))
                if indent != DIVISION_INDENT[kind]:
                    r.fail(
                        i,
                        f"a {kind} heading is indented by {DIVISION_INDENT[kind]} spaces, "
                        f"not {indent}",
                    )
                num = r.num(i, m.group(2) + m.group(4))
                close_to(_RANK[kind])
                prefix = stack[-1].key + "." if stack else ""
                key = prefix + _key_of(DIVISION_PREFIX[kind], num)
                if key in used_keys:
                    r.fail(i, f"division {key!r} appears twice")
                used_keys.add(key)
                stack.append(_Open(key, kind, num, m.group(5)))
                after_blank = False
                i += 1
                continue
            if _ROW.match(line) and line.lstrip(" ")[:1] in "*-":
                r.fail(i, "a table row must follow a paragraph or an item")
            if _ITEM.match(line):
                r.fail(i, "an item must follow an article or a paragraph")
            r.fail(i, "unexpected indented line: expected an article, a caption or a heading")
        if first == "第":
            start = i
            article, i = _article(r, i, caption)
            if article.key in used_keys:
                r.fail(start, f"article {article.key!r} appears twice")
            used_keys.add(article.key)
            add(article, start)
            caption = None
            after_blank = False
            continue
        start = i
        m = PARAGRAPH_LINE.match(line)
        if m:
            num = r.num(i, m.group(1), fullwidth=True)
            para_count += 1
            paragraph, i = _paragraph_rest(
                r, i, _key_of("p", num), num, m.group(2), caption=caption, anonymous=False
            )
            caption = None
        elif line.startswith(":"):
            if line.startswith(_ANONYM):
                para_count += 1
                paragraph, i = _paragraph_rest(
                    r,
                    i,
                    f"p{para_count}",
                    Num.of(para_count),
                    line[len(_ANONYM) :],
                    caption=caption,
                    anonymous=True,
                )
                caption = None
            else:
                tag = _TAG.match(line)
                name = tag.group(1) if tag else line
                r.fail(i, f"unsupported control tag :{name}: here")
        else:
            if line[0] in "　\t":
                r.fail(i, "unexpected leading white space: expected an article or a paragraph")
            para_count += 1
            paragraph, i = _paragraph_rest(
                r,
                i,
                f"p{para_count}",
                Num.of(para_count),
                line,
                caption=caption,
                anonymous=True,
                plain=True,
            )
            caption = None
        if paragraph.key in used_keys:
            r.fail(start, f"paragraph {paragraph.key!r} appears twice")
        used_keys.add(paragraph.key)
        add(paragraph, start)
        after_blank = False
    if caption is not None:
        r.fail(caption_at, "caption not followed by an article")
    close_to(0)
    return tuple(top), i


def _article(r: _Reader, i: int, caption: str | None) -> tuple[Article, int]:
    line = r.lines[i]
    m = ARTICLE_LINE.match(line)
    if m is None:
        head = _ARTICLE_HEAD.match(line)
        if head:
            r.fail(
                i,
                "expected a full-width space (U+3000) between the article number and its text",
                head.end() + 1,
            )
        r.fail(i, "expected an article: 第…条　text")
    num = r.num(i, m.group(1) + m.group(2))
    key = _key_of("a", num)
    text = m.group(5)
    if text is None:
        r.fail(i, "expected a full-width space (U+3000) after the article number", len(line) + 1)
    if m.group(3) is not None:
        until = r.num(i, m.group(3) + m.group(4))
        if text != "削除":
            r.fail(i, "an article range (第…条から第…条まで) must be 削除")
        if until <= num:
            r.fail(i, "the end of an article range must come after its start")
        return Article(key=key, num=num, caption=caption, deleted=True, until=until), i + 1
    if text == "削除":
        nxt = i + 1
        lines = r.lines
        if nxt < len(lines) and lines[nxt] and lines[nxt][0] in " ０１２３４５６７８９":
            r.fail(nxt, "a deleted article (削除) has no paragraphs or items")
        return Article(key=key, num=num, caption=caption, deleted=True), i + 1
    first, i = _paragraph_rest(r, i, "p1", Num.of(1), text, caption=None, anonymous=False)
    paragraphs = [first]
    lines = r.lines
    n = len(lines)
    while i < n:
        pm = PARAGRAPH_LINE.match(lines[i])
        if pm is None:
            break
        pnum = r.num(i, pm.group(1), fullwidth=True)
        if pnum <= paragraphs[-1].num:
            r.fail(i, f"paragraph {pm.group(1)} does not follow paragraph {paragraphs[-1].num}")
        paragraph, i = _paragraph_rest(
            r, i, _key_of("p", pnum), pnum, pm.group(2), caption=None, anonymous=False
        )
        paragraphs.append(paragraph)
    return Article(key=key, num=num, caption=caption, paragraphs=tuple(paragraphs)), i


def _paragraph_rest(
    r: _Reader,
    i: int,
    key: str,
    num: Num,
    text: str,
    *,
    caption: str | None,
    anonymous: bool,
    plain: bool = False,
) -> tuple[Paragraph, int]:
    children, i = _children(r, i + 1, 2)
    return (
        Paragraph(
            key=key,
            num=num,
            text=text,
            children=children,
            anonymous=anonymous,
            caption=caption,
            plain=plain,
        ),
        i,
    )


def _children(r: _Reader, i: int, indent: int) -> tuple[tuple[ItemChild, ...], int]:
    """Items and tables indented by ``indent`` spaces, with everything nested below them."""
    lines = r.lines
    n = len(lines)
    out: list[ItemChild] = []
    depth = indent // 2
    items = 0
    tables = 0
    while i < n:
        line = lines[i]
        if not line or line[0] != " ":
            break
        here = _indent(line)
        if here < indent:
            break
        if here > indent:
            if line.startswith("      附") or DIVISION_LINE.match(line):
                break
            r.fail(i, f"unexpected indentation: expected {indent} spaces here, not {here}")
        rest = line[here:]
        if rest.startswith(("* ", "- ")) or rest in ("-", "*"):
            if rest[0] == "-":
                r.fail(i, "a table cell line (- …) must continue a row started by '* - …'")
            tables += 1
            table, i = _table(r, i, indent, f"t{tables}")
            out.append(table)
            continue
        m = _ITEM.match(line)
        if m is None:
            if rest.startswith("（") and rest.endswith("）") and indent == 2:
                r.fail(i, "a caption must follow a blank line")
            r.fail(i, "expected an item: label, full-width space, text")
        items += 1
        label = m.group(2)
        number, written = item_num(label, depth, items)
        children, i = _children(r, i + 1, indent + 2)
        out.append(
            Item(key=f"i{items}", num=number, text=m.group(3), children=children, label=written)
        )
    return tuple(out), i


_LABEL_START = re.compile(r"^(.+?)(?:から|及び|・|、)")


def item_num(label: str, depth: int, position: int) -> tuple[Num, str | None]:
    """The number of an item and its label when the label is not the standard one."""
    try:
        num, _ = parse_item_label(label)
    except ValueError:
        m = _LABEL_START.match(label)
        num = Num.of(position)
        if m:
            with contextlib.suppress(ValueError):
                num, _ = parse_item_label(m.group(1))
        return num, label
    return num, (None if _standard_label(num, depth) == label else label)


_LABELS: dict[tuple[Num, int], str] = {}


def _standard_label(num: Num, depth: int) -> str:
    key = (num, depth)
    label = _LABELS.get(key)
    if label is None:
        label = _LABELS[key] = item_label(num, depth, "kanji")
    return label


def _table(r: _Reader, i: int, indent: int, key: str) -> tuple[Table, int]:
    lines = r.lines
    n = len(lines)
    rows: list[Row] = []
    cells: list[Cell] = []
    pad = " " * indent
    cont = pad + "  -"
    content_pad = pad + "    "
    while i < n:
        line = lines[i]
        if line.startswith(pad + "* -"):
            if cells:
                rows.append(Row(key=f"r{len(rows) + 1}", cells=tuple(cells)))
                cells = []
            body = line[indent + 3 :]
        elif cells and line.startswith(cont) and _indent(line) == indent + 2:
            body = line[indent + 3 :]
        elif line.startswith(pad + "* ") and _indent(line) == indent:
            r.fail(i, "expected '* - ' to start a table row (header cells '* *' are not supported)")
        else:
            break
        if body and body[0] != " ":
            r.fail(i, "expected a space after '-' in a table cell", len(line) - len(body) + 1)
        body = body[1:]
        attrs: list[tuple[str, str]] = []
        pos = 0
        while True:
            am = _ATTR.match(body, pos)
            if am is None:
                break
            attrs.append((am.group(1), am.group(2)))
            pos = am.end()
        body = body[pos:]
        i += 1
        if body == "|":
            parts = []
            while i < n and lines[i].startswith(content_pad) and _indent(lines[i]) == indent + 4:
                content = lines[i][indent + 4 :]
                if content == "-":
                    parts.append("")
                elif content.startswith("- "):
                    parts.append(content[2:])
                else:
                    r.fail(i, "expected '- text' lines in a multi-line table cell")
                i += 1
            if not parts:
                r.fail(i, "a multi-line table cell ('|') needs '- text' lines below it")
            body = "\n".join(parts)
        cells.append(Cell(text=body, attrs=tuple(attrs)))
    if cells:
        rows.append(Row(key=f"r{len(rows) + 1}", cells=tuple(cells)))
    if i < n and lines[i] and _indent(lines[i]) > indent:
        r.fail(
            i, f"unexpected indentation inside a table: expected {indent} or {indent + 2} spaces"
        )
    return Table(key=key, rows=tuple(rows)), i


def _supplement(r: _Reader, i: int, index: int) -> tuple[Supplement, int]:
    line = r.lines[i]
    m = _SUPPLEMENT.match(line)
    if m is None:
        r.fail(i, "expected a supplementary provisions heading: 附則（law）　抄")
    i += 1
    body, i = _body(r, r.skip_blank(i), in_supplement=True)
    if i < len(r.lines) and not r.lines[i].startswith("      附"):
        r.fail(i, "unexpected line in supplementary provisions")
    return (
        Supplement(
            key=f"s{index}",
            title=m.group(1),
            law_ref=m.group(3),
            ref_spacing=m.group(2) or "",
            excerpt=m.group(4) is not None,
            body=body,
        ),
        i,
    )
