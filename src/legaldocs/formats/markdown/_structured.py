"""Read and write policies in Markdown (CommonMark with GFM pipe tables).

Layout written by :func:`render_markdown` and read by :func:`parse_markdown`::

    <!-- legaldocs: lang=en numerals=arabic items=bullets article-label=dotted -->
    # PRIVACY POLICY            (alt_title, when there is one)
    # プライバシーポリシー        (title)

    Preamble paragraph.

    ## 第一章　総則              (division: 第N編/章/節/款/目, or Chapter N ...)
    ### 第1条（目的）            (article: 第1条…, "1. Purpose", "Article 1 Purpose")

    First paragraph.\\
    Its second line.

    - item
      - sub-item

    Second paragraph.

    ## 附則
    2021年2月25日 制定

The comment line is written only when the style cannot be read from the rest of the text.
Text is stored as plain characters: Markdown-special characters are escaped on render and
unescaped on parse; link and emphasis syntax written by hand is kept in the text as written.
Keys are assigned by the library's conventions (``a3``, ``a3_2``, ``p1``, ``i1``, ``ch1``,
``ch1.sec1``, ``s1``, ``t1``, ``r1``, ``pre1``). An article whose body begins with a list
(no lead paragraph) reads each top-level list item as a paragraph (項) and the lists nested
in it as its items. A label such as ``(a)``, ``(ii)`` or ``（１）`` before a list item's text
is kept in :attr:`Item.label`; item numbers come from the list (ordered: its start number
and position; bullets: one more than the previous sibling).

Heading levels only decide nesting: a heading closes the divisions opened at its level or
deeper, so a jump of levels is tolerated. What cannot be placed raises
:class:`~legaldocs.ParseError`; HTML comments and thematic breaks (no text) are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, cast

from legaldocs.errors import FormatError, LegaldocsError, ParseError
from legaldocs.formats._revision_lines import format_revision, parse_revision
from legaldocs.formats.markdown import _inline as _mdinline
from legaldocs.formats.markdown._blocks import (
    Block,
    Comment,
    Heading,
    ListBlock,
    ListItem,
    Para,
    TableBlock,
    read_blocks,
)
from legaldocs.model._keys import DIVISION_PREFIX, article_key
from legaldocs.model._numbers import Num, Numerals
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
    Revision,
    Row,
    Style,
    Supplement,
    Table,
)

__all__ = ["parse_markdown", "render_markdown"]

ArticleLabel = Literal["japanese", "dotted", "english"]

_JA_NUM = r"[0-9０-９〇一二三四五六七八九十百千]+(?:の[0-9０-９〇一二三四五六七八九十百千]+)*"
_SEP = "[ \t\u3000]*"
_JA_ARTICLE = re.compile(rf"第({_JA_NUM})条(?:から第({_JA_NUM})条まで)?(.*)", re.S)
_JA_DIVISION = re.compile(rf"第({_JA_NUM})(編|章|節|款|目)(.*)", re.S)
_DOTTED = re.compile(r"(\d+(?:-\d+)*)\\?\.(?:[ \t]+(.*))?$", re.S)
_ENGLISH = re.compile(r"Article[ \t]+(\d+(?:-\d+)*)\\?\.?(?:[ \t]+(.*))?$", re.S)
_EN_DIVISION = re.compile(
    r"(Part|Chapter|Section|Subsection|Division)[ \t]+(\d+)\\?\.?(?:[ \t]+(.*))?$", re.S
)
_EN_KINDS: dict[str, DivisionKind] = {
    "Part": "編",
    "Chapter": "章",
    "Section": "節",
    "Subsection": "款",
    "Division": "目",
}
_KIND_NAMES = {kind: name for name, kind in _EN_KINDS.items()}
_KEY_PREFIX = DIVISION_PREFIX
_SUPPLEMENT = re.compile(
    r"(附[ \t\u3000]*則)(?:[ \t\u3000]*[（(](.+)[）)])?(?:[ \t\u3000]*(抄))?$", re.S
)
_DELETED = ("削除", "Deleted")
# A lettered or numbered label written before an item's text: (a), (ii), (1), （１）.
_ITEM_LABEL = re.compile(r"([(（](?:[A-Za-z]{1,4}|[0-9０-９]{1,3})[)）])(?:[ \t\u3000]+|$)")
_KANJI_DIGITS = set("〇一二三四五六七八九十百千")
_BR = re.compile(r"(?<!\\)<br[ \t]*/?>", re.I)
_SETTING_VALUES: dict[str, tuple[str, ...]] = {
    "numerals": ("kanji", "arabic"),
    "items": ("numbered", "bullets"),
    "article-label": ("japanese", "dotted", "english"),
}


# ---------------------------------------------------------------------------------------
# Shared helpers


_article_key = article_key


def _parse_english_num(text: str) -> Num:
    return Num(tuple(int(p) for p in text.split("-")))


def _english_num(num: Num) -> str:
    return "-".join(str(p) for p in num.parts)


# ---------------------------------------------------------------------------------------
# Parsing


@dataclass
class _Par:
    text: str
    children: list[ItemChild] = field(default_factory=list)
    last_item: int = 0
    items: int = 0
    tables: int = 0


@dataclass
class _Art:
    num: Num
    until: Num | None
    rest: str
    line: int
    column: int
    paragraphs: list[_Par] = field(default_factory=list)
    list_mode: bool = False


@dataclass
class _Div:
    key: str
    kind: DivisionKind
    num: Num
    title: str
    level: int
    children: list[_Div | _Art] = field(default_factory=list)


@dataclass
class _Sup:
    key: str
    title: str
    law_ref: str | None
    excerpt: bool
    body: list[_Body] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)


_Body = _Div | _Art | _Par | Table


class _Parser:
    def __init__(self, source: str | None) -> None:
        self.source = source
        self.settings: dict[str, str] = {}
        self.observed_numerals: Numerals | None = None
        self.article_label: ArticleLabel | None = None
        self.used_bullets = False
        self.preamble: list[_Par] = []
        self.body: list[_Body] = []
        self.supplements: list[_Sup] = []
        self.root: list[_Body] = self.body
        self.stack: list[_Div] = []
        self.target: _Art | _Div | _Sup | None = None
        self.body_tables = 0

    def error(self, message: str, block: Block | ListItem) -> ParseError:
        return ParseError(message, line=block.line, column=block.column, source=self.source)

    # -- text ---------------------------------------------------------------------------

    def para_text(self, para: Para) -> str:
        out: list[str] = []
        last = len(para.lines) - 1
        for index, raw in enumerate(para.lines):
            line = raw.rstrip(" \t") if index == last else raw
            if index < last:
                stripped = line.rstrip(" \t")
                backslashes = len(stripped) - len(stripped.rstrip("\\"))
                if backslashes % 2 == 1:
                    stripped = stripped[:-1]
                line = stripped
            out.append(_mdinline.unescape(line))
        return "\n".join(out)

    def cell_text(self, raw: str) -> str:
        return "\n".join(_mdinline.unescape(part) for part in _BR.split(raw))

    # -- lists and tables ---------------------------------------------------------------

    def table(self, block: TableBlock, key: str) -> Table:
        rows = list(block.rows)
        if any(cell for cell in block.header):
            rows.insert(0, block.header)
        if not rows:
            raise self.error("a table needs at least one row", block)
        return Table(
            key=key,
            rows=tuple(
                Row(key=f"r{i}", cells=tuple(Cell(text=self.cell_text(c)) for c in row))
                for i, row in enumerate(rows, start=1)
            ),
        )

    def add_children(self, owner: _Par, blocks: Sequence[Block]) -> None:
        """Lists and tables following a text become its items and tables."""
        for block in blocks:
            if isinstance(block, ListBlock):
                for offset, list_item in enumerate(block.items):
                    if block.ordered:
                        num = block.start + offset
                    else:
                        num = owner.last_item + 1
                        self.used_bullets = True
                    if num < 1:
                        raise self.error("item number 0 is not allowed", list_item)
                    owner.last_item = num
                    owner.items += 1
                    owner.children.append(self.item(list_item, f"i{owner.items}", Num.of(num)))
            elif isinstance(block, TableBlock):
                owner.tables += 1
                owner.children.append(self.table(block, f"t{owner.tables}"))
            elif isinstance(block, Comment):
                continue
            elif isinstance(block, Para):
                raise self.error(
                    "a list item holds a second paragraph; join it with a line break or "
                    "make it an item of its own",
                    block,
                )
            else:
                raise self.error("a heading cannot appear inside a list", block)

    def item(self, list_item: ListItem, key: str, num: Num) -> Item:
        blocks = list_item.blocks
        label = None
        if blocks and isinstance(blocks[0], Para):
            match = _ITEM_LABEL.match(blocks[0].lines[0])
            if match:
                label = match.group(1)
                first = Para(
                    [blocks[0].lines[0][match.end() :], *blocks[0].lines[1:]],
                    blocks[0].line,
                    blocks[0].column,
                )
                blocks = [first, *blocks[1:]]
        par = self.list_par(list_item, blocks)
        return Item(key=key, num=num, text=par.text, children=tuple(par.children), label=label)

    def list_par(self, list_item: ListItem, blocks: list[Block] | None = None) -> _Par:
        if blocks is None:
            blocks = list_item.blocks
        if blocks and isinstance(blocks[0], Para):
            par = _Par(self.para_text(blocks[0]))
            blocks = blocks[1:]
        else:
            par = _Par("")
        self.add_children(par, blocks)
        return par

    # -- headings -----------------------------------------------------------------------

    def observe(self, number_text: str) -> None:
        if self.observed_numerals is None:
            kanji = any(c in _KANJI_DIGITS for c in number_text)
            self.observed_numerals = "kanji" if kanji else "arabic"

    def ja_num(self, text: str, block: Block) -> Num:
        try:
            return Num.parse(text)
        except ValueError:
            raise self.error(f"not a number: {text!r}", block) from None

    def heading(self, block: Heading) -> None:
        raw = block.text
        match = _SUPPLEMENT.match(_mdinline.unescape(raw))
        if match:
            self.close_divisions(0)
            sup = _Sup(
                key=f"s{len(self.supplements) + 1}",
                title=match.group(1),
                law_ref=match.group(2),
                excerpt=match.group(3) is not None,
            )
            self.supplements.append(sup)
            self.root = sup.body
            self.target = sup
            return
        article = self.article_heading(block)
        if article is not None:
            self.close_divisions(block.level)
            container = self.stack[-1].children if self.stack else self.root
            container.append(article)
            self.target = article
            return
        division = self.division_heading(block)
        if division is not None:
            self.close_divisions(block.level)
            parent = self.stack[-1] if self.stack else None
            if parent is not None and DIVISION_KINDS.index(parent.kind) >= DIVISION_KINDS.index(
                division[0]
            ):
                raise self.error(
                    f"a {division[0]} cannot be placed inside a {parent.kind} ({raw!r})", block
                )
            siblings = parent.children if parent is not None else self.root
            count = sum(isinstance(s, _Div) and s.kind == division[0] for s in siblings) + 1
            key = f"{_KEY_PREFIX[division[0]]}{count}"
            if parent is not None:
                key = f"{parent.key}.{key}"
            node = _Div(key, division[0], division[1], division[2], block.level)
            siblings.append(node)
            self.stack.append(node)
            self.target = node
            return
        raise self.error(
            f"heading {_mdinline.unescape(raw)!r} is neither an article (第3条…, '3. …', "
            "'Article 3 …'), a division (第一章…, 'Chapter 1 …') nor 附則; write lettered "
            "subsections such as '(a) …' as list items",
            block,
        )

    def close_divisions(self, level: int) -> None:
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()

    def set_label(self, label: ArticleLabel) -> None:
        if self.article_label is None:
            self.article_label = label

    def article_heading(self, block: Heading) -> _Art | None:
        raw = block.text
        match = _JA_ARTICLE.match(raw)
        if match:
            self.set_label("japanese")
            self.observe(match.group(1))
            num = self.ja_num(match.group(1), block)
            until = self.ja_num(match.group(2), block) if match.group(2) else None
            rest = re.sub(f"^{_SEP}", "", match.group(3))
            return _Art(num, until, rest, block.line, block.column)
        for pattern, label in ((_DOTTED, "dotted"), (_ENGLISH, "english")):
            match = pattern.match(raw)
            if match:
                self.set_label(cast(ArticleLabel, label))
                try:
                    num = _parse_english_num(match.group(1))
                except ValueError:
                    raise self.error(f"not an article number: {match.group(1)!r}", block) from None
                return _Art(num, None, match.group(2) or "", block.line, block.column)
        return None

    def division_heading(self, block: Heading) -> tuple[DivisionKind, Num, str] | None:
        raw = block.text
        match = _JA_DIVISION.match(raw)
        if match:
            self.observe(match.group(1))
            title = _mdinline.unescape(re.sub(f"^{_SEP}", "", match.group(3)))
            kind = cast(DivisionKind, match.group(2))
            return kind, self.ja_num(match.group(1), block), title
        match = _EN_DIVISION.match(raw)
        if match:
            title = _mdinline.unescape(match.group(3) or "")
            if int(match.group(2)) < 1:
                raise self.error(f"not a division number: {match.group(2)!r}", block)
            return _EN_KINDS[match.group(1)], Num.of(int(match.group(2))), title
        return None

    # -- content ------------------------------------------------------------------------

    def content(self, blocks: list[Block]) -> None:
        target = self.target
        for block in blocks:
            if isinstance(block, Comment):
                continue
            if isinstance(block, Heading):
                self.heading(block)
                target = self.target
                continue
            if target is None:
                self.preamble_block(block)
            elif isinstance(target, _Art):
                self.article_block(target, block)
            elif isinstance(target, _Sup):
                self.supplement_block(target, block)
            else:
                raise self.error(
                    f"text directly under the division {target.kind} {target.title!r} "
                    "must be inside an article",
                    block,
                )

    def last_par(self, pars: Sequence[_Body | _Par], block: Block, where: str) -> _Par:
        if not pars or not isinstance(pars[-1], _Par):
            raise self.error(f"a list or table {where} must follow a paragraph", block)
        return pars[-1]

    def preamble_block(self, block: Block) -> None:
        if isinstance(block, TableBlock):
            self.body_tables += 1
            self.body.append(self.table(block, f"t{self.body_tables}"))
        elif isinstance(block, Para):
            if self.body:
                self.body.append(_Par(self.para_text(block)))
            else:
                self.preamble.append(_Par(self.para_text(block)))
        elif isinstance(block, ListBlock):
            pars: Sequence[_Body | _Par] = self.body if self.body else self.preamble
            self.add_children(self.last_par(pars, block, "before the first heading"), [block])

    def article_block(self, article: _Art, block: Block) -> None:
        if isinstance(block, Para):
            article.paragraphs.append(_Par(self.para_text(block)))
            article.list_mode = False
        elif isinstance(block, ListBlock) and (article.list_mode or not article.paragraphs):
            article.list_mode = True
            for list_item in block.items:
                par = self.list_par(list_item)
                if not par.text:
                    raise self.error("an empty list item cannot be a paragraph", list_item)
                article.paragraphs.append(par)
        else:
            owner = self.last_par(article.paragraphs, block, "in an article")
            self.add_children(owner, [block])

    def supplement_block(self, sup: _Sup, block: Block) -> None:
        if isinstance(block, Para):
            text = self.para_text(block)
            revisions = [parse_revision(line) for line in text.split("\n")]
            if all(r is not None for r in revisions) and not sup.body:
                sup.revisions.extend(r for r in revisions if r is not None)
            elif sup.revisions:
                raise self.error("text after the revision lines of a 附則", block)
            else:
                sup.body.append(_Par(text))
        elif isinstance(block, (ListBlock, TableBlock)):
            self.add_children(self.last_par(sup.body, block, "in a 附則"), [block])

    # -- freezing -----------------------------------------------------------------------

    def freeze_par(self, par: _Par, key: str, num: int, anonymous: bool) -> Paragraph:
        return Paragraph(
            key=key,
            num=Num.of(num),
            text=par.text,
            children=tuple(par.children),
            anonymous=anonymous,
        )

    def freeze_article(self, art: _Art) -> Article:
        rest = art.rest
        if not art.paragraphs and _mdinline.unescape(rest) in _DELETED:
            return Article(key=_article_key(art.num), num=art.num, deleted=True, until=art.until)
        if art.until is not None:
            raise ParseError(
                "an article range (…から…まで) must be deleted (削除)",
                line=art.line,
                column=art.column,
                source=self.source,
            )
        return Article(
            key=_article_key(art.num),
            num=art.num,
            caption=_mdinline.unescape(rest) if rest else None,
            paragraphs=tuple(
                self.freeze_par(p, f"p{n}", n, False) for n, p in enumerate(art.paragraphs, 1)
            ),
        )

    def freeze_body(self, elements: Sequence[_Body]) -> tuple[BodyElement, ...]:
        out: list[BodyElement] = []
        seen: dict[str, _Art] = {}
        pars = 0
        for art in self._flatten_articles(elements):
            if _article_key(art.num) in seen:
                raise ParseError(
                    f"article number {art.num} appears twice",
                    line=art.line,
                    column=art.column,
                    source=self.source,
                )
            seen[_article_key(art.num)] = art
        for element in elements:
            if isinstance(element, _Par):
                pars += 1
                out.append(self.freeze_par(element, f"p{pars}", pars, True))
            else:
                out.append(self.freeze(element))
        return tuple(out)

    def _flatten_articles(self, elements: Sequence[_Body]) -> list[_Art]:
        out: list[_Art] = []
        for element in elements:
            if isinstance(element, _Art):
                out.append(element)
            elif isinstance(element, _Div):
                out.extend(self._flatten_articles(element.children))
        return out

    def freeze(self, element: _Div | _Art | Table) -> Division | Article | Table:
        if isinstance(element, _Art):
            return self.freeze_article(element)
        if isinstance(element, _Div):
            return Division(
                key=element.key,
                kind=element.kind,
                num=element.num,
                title=element.title,
                children=tuple(cast(Division | Article, self.freeze(c)) for c in element.children),
            )
        return element

    def style(self) -> tuple[Style, str]:
        label: ArticleLabel = self.article_label or "japanese"
        numerals: Numerals = self.observed_numerals or (
            "kanji" if label == "japanese" else "arabic"
        )
        style = Style(
            numerals=cast(Numerals, self.settings.get("numerals", numerals)),
            items=cast(
                Literal["numbered", "bullets"],
                self.settings.get("items", "bullets" if self.used_bullets else "numbered"),
            ),
            article_label=cast(ArticleLabel, self.settings.get("article-label", label)),
        )
        lang = self.settings.get("lang", "ja" if label == "japanese" else "en")
        return style, lang

    def read_settings(self, block: Comment) -> None:
        text = block.text.strip()
        if not text.startswith("legaldocs:"):
            return
        for pair in text[len("legaldocs:") :].split():
            name, sep, value = pair.partition("=")
            allowed = _SETTING_VALUES.get(name)
            if not sep or (name != "lang" and (allowed is None or value not in allowed)):
                raise self.error(f"bad legaldocs setting {pair!r}", block)
            self.settings[name] = value


def parse_markdown(text: str, *, source: str | None = None) -> Document:
    """Read a policy written in Markdown (see the module docstring for the layout).

    The first heading (level 1) is the title; two level-1 headings at the top are the
    English title and the title. Raises :class:`~legaldocs.ParseError` (with line and
    column) for structure it cannot place: text before the title, a heading that is neither
    an article, a division nor 附則, a list with no paragraph to belong to, text directly
    under a division, code blocks, block quotes and raw HTML.
    """
    blocks = read_blocks(text, source)
    parser = _Parser(source)
    index = 0
    for block in blocks:
        if isinstance(block, Comment):
            parser.read_settings(block)
            index += 1
            continue
        break
    if index >= len(blocks):
        raise ParseError(
            "no title: a Markdown policy starts with a '# title' heading",
            line=1,
            column=1,
            source=source,
        )
    first = blocks[index]
    if not isinstance(first, Heading) or first.level != 1:
        raise parser.error("the document must start with its title as a level-1 heading", first)
    title = _mdinline.unescape(first.text)
    alt_title: str | None = None
    index += 1
    if index < len(blocks):
        second = blocks[index]
        if isinstance(second, Heading) and second.level == 1:
            alt_title, title = title, _mdinline.unescape(second.text)
            index += 1
    for block in blocks[index:]:
        if isinstance(block, Comment):
            parser.read_settings(block)
    parser.content(blocks[index:])
    style, lang = parser.style()
    return Document(
        title=title,
        alt_title=alt_title,
        preamble=tuple(
            parser.freeze_par(p, f"pre{n}", n, True) for n, p in enumerate(parser.preamble, 1)
        ),
        body=parser.freeze_body(parser.body),
        supplements=tuple(
            Supplement(
                key=sup.key,
                title=sup.title,
                law_ref=sup.law_ref,
                excerpt=sup.excerpt,
                body=parser.freeze_body(sup.body),
                revisions=tuple(sup.revisions),
            )
            for sup in parser.supplements
        ),
        style=style,
        lang=lang,
    )


# ---------------------------------------------------------------------------------------
# Rendering


@dataclass
class _Out:
    strict: bool
    style: Style
    observed_numerals: Numerals | None = None
    used_bullets: bool = False

    def lossy(self, message: str) -> None:
        """Something the Markdown layout cannot carry: an error in strict mode."""
        if self.strict:
            raise FormatError(f"cannot be written in Markdown without loss: {message}")

    def observe(self) -> None:
        if self.observed_numerals is None:
            self.observed_numerals = self.style.numerals


def _fail(message: str) -> LegaldocsError:
    return FormatError(f"cannot be written in Markdown: {message}")


def _lines(text: str, where: str) -> list[str]:
    if "\r" in text:
        raise _fail(f"{where} holds a carriage return")
    lines = text.split("\n")
    if len(lines) > 1 and not lines[-1]:
        raise _fail(f"{where} ends with an empty line, which Markdown cannot keep")
    return [_mdinline.escape_line(line) for line in lines]


def _one_line(text: str, where: str) -> str:
    if "\n" in text or "\r" in text:
        raise _fail(f"{where} spans several lines; a heading is one line")
    return _mdinline.escape_line(text)


def _heading_rest(text: str, where: str) -> str:
    """Text after a number in a heading: a leading separator would be read as one."""
    escaped = _one_line(text, where)
    if escaped.startswith("\u3000"):
        escaped = "&#12288;" + escaped[1:]
    return escaped


def _text_block(text: str, where: str) -> list[str]:
    lines = _lines(text, where)
    return [line + "\\" for line in lines[:-1]] + [lines[-1]]


def _indented(lines: list[str], indent: str) -> list[str]:
    return [indent + line if line else "" for line in lines]


def _table(table: Table, out: _Out, where: str) -> list[str]:
    if not table.rows:
        raise _fail(f"table {where} has no rows")
    width = len(table.rows[0].cells)
    if width == 0 or any(len(row.cells) != width for row in table.rows):
        raise _fail(f"table {where} has rows of different lengths or no cells")
    lines = ["|" + " |" * width, "|" + " --- |" * width]
    for index, row in enumerate(table.rows, start=1):
        if row.key != f"r{index}":
            out.lossy(f"row key {row.key!r} in {where} (keys are r1, r2, ...)")
        cells = []
        for cell in row.cells:
            if cell.attrs:
                out.lossy(f"cell attributes {cell.attrs!r} in {where}")
            if "\r" in cell.text:
                raise _fail(f"a cell of {where} holds a carriage return")
            if "\\|" in cell.text:
                raise _fail(f"a cell of {where} holds a backslash before '|'")
            cells.append("<br>".join(_mdinline.escape_line(line) for line in cell.text.split("\n")))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _list_runs(
    children: Sequence[ItemChild], out: _Out, where: str
) -> list[tuple[Literal["list", "table"], list[str], bool]]:
    """Blocks for the items and tables of a paragraph or item: (kind, lines, needs a blank
    line before it when it follows text)."""
    blocks: list[tuple[Literal["list", "table"], list[str], bool]] = []
    previous = 0
    delimiter = "."
    items_seen = 0
    tables_seen = 0
    run: list[str] = []
    run_kind = ""
    run_blank = False

    def close() -> None:
        nonlocal run, run_kind
        if run:
            blocks.append(("list", run, run_blank))
        run = []
        run_kind = ""

    for child in children:
        if isinstance(child, Table):
            close()
            tables_seen += 1
            if child.key != f"t{tables_seen}":
                out.lossy(f"table key {child.key!r} in {where}")
            blocks.append(("table", _table(child, out, f"{where}/{child.key}"), True))
            continue
        if not isinstance(child, Item):
            raise _fail(f"{type(child).__name__} {child.key!r} in {where} has no Markdown syntax")
        items_seen += 1
        path = f"{where}/{child.key}"
        if child.key != f"i{items_seen}":
            out.lossy(f"item key {child.key!r} at {where} (keys are i1, i2, ...)")
        if child.num.branches:
            raise _fail(f"item number {child.num} at {path} has a branch number")
        num = child.num.main
        bullet = out.style.items == "bullets" and num == previous + 1
        if bullet:
            kind = "-"
            marker = "-"
            out.used_bullets = True
        else:
            if run_kind.startswith("ordered") and num == previous + 1:
                kind = run_kind
            else:
                if run_kind.startswith("ordered") or any(
                    b[0] == "list" and b[1] and b[1][0][:1].isdigit() for b in blocks
                ):
                    delimiter = ")" if delimiter == "." else "."
                kind = "ordered" + delimiter
            marker = f"{num}{delimiter}"
        if kind != run_kind:
            close()
            run_kind = kind
            run_blank = (not bullet and num != 1) or not child.text
        run.extend(_item(child, marker, out, path))
        previous = num
    close()
    return blocks


def _item(item: Item, marker: str, out: _Out, where: str) -> list[str]:
    pad = " " * (len(marker) + 1)
    label = ""
    if item.label is not None:
        if _ITEM_LABEL.fullmatch(item.label):
            label = item.label
        else:
            out.lossy(f"item label {item.label!r} at {where} (only labels like '(a)' are kept)")
    if item.text or label:
        text = _text_block(item.text, where)
        first = text[0]
        if label:
            if first.startswith("\u3000"):
                first = "&#12288;" + first[1:]
            first = f"{label} {first}" if first else label
        elif _ITEM_LABEL.match(first):
            first = ("\\(" if first[0] == "(" else "&#65288;") + first[1:]
        lines = [f"{marker} {first}", *_indented(text[1:], pad)]
    else:
        if item.children and isinstance(item.children[0], Table):
            raise _fail(f"item {where} has no text and begins with a table")
        lines = [marker]
    lines.extend(_indented(_children(item.children, out, where, tight=bool(item.text)), pad))
    return lines


def _children(children: Sequence[ItemChild], out: _Out, where: str, tight: bool) -> list[str]:
    lines: list[str] = []
    first = True
    for _, block, blank in _list_runs(children, out, where):
        if not first or blank or not tight:
            lines.append("")
        lines.extend(block)
        first = False
    return lines


def _paragraph(
    par: Paragraph, out: _Out, where: str, key: str, num: int, anonymous: bool
) -> list[str]:
    if par.key != key:
        out.lossy(f"paragraph key {par.key!r} at {where} (expected {key!r})")
    if par.num != Num.of(num):
        out.lossy(f"paragraph number {par.num} at {where} (expected {num})")
    if par.anonymous != anonymous:
        out.lossy(f"anonymous={par.anonymous} of the paragraph at {where}")
    if not par.text:
        raise _fail(f"the paragraph at {where} has no text")
    return _text_block(par.text, where) + _children(par.children, out, where, tight=False)


def _article_heading(article: Article, out: _Out, where: str) -> str:
    label = out.style.article_label
    deleted_word = "削除" if label == "japanese" else "Deleted"
    if article.deleted:
        if article.caption is not None or article.paragraphs:
            out.lossy(f"caption or paragraphs of the deleted article {where}")
        rest = deleted_word
    else:
        if article.caption == "":
            out.lossy(f"empty caption of {where}")
        rest = _heading_rest(article.caption, where) if article.caption else ""
        if not article.paragraphs and article.caption in _DELETED:
            raise _fail(f"article {where} has no paragraphs and a caption that reads 削除")
    if label == "japanese":
        out.observe()
        numerals = out.style.numerals
        head = f"第{article.num.written(numerals)}条"
        if article.until is not None:
            if not article.deleted:
                raise _fail(f"article range {where} is not deleted")
            head += f"から第{article.until.written(numerals)}条まで"
        if rest and not rest.startswith(("（", "(")):
            head += "\u3000" if numerals == "kanji" else " "
        return head + rest
    if article.until is not None:
        raise _fail(f"article range {where} can only be written with Japanese labels")
    number = _english_num(article.num)
    head = f"{number}." if label == "dotted" else f"Article {number}"
    return f"{head} {rest}" if rest else head


def _article(article: Article, level: int, out: _Out) -> list[str]:
    where = article.key
    if level > 6:
        raise _fail(f"article {where} would need a heading deeper than level 6")
    if article.key != _article_key(article.num):
        out.lossy(f"article key {article.key!r} (expected {_article_key(article.num)!r})")
    lines = ["#" * level + " " + _article_heading(article, out, where)]
    for n, par in enumerate(article.paragraphs, start=1):
        lines.append("")
        lines.extend(_paragraph(par, out, f"{where}/{par.key}", f"p{n}", n, False))
    return lines


def _division(division: Division, level: int, parent_key: str, count: int, out: _Out) -> list[str]:
    where = division.key
    if level > 6:
        raise _fail(f"division {where} would need a heading deeper than level 6")
    if division.until is not None:
        raise _fail(f"division range {where}")
    expected = f"{_KEY_PREFIX[division.kind]}{count}"
    if parent_key:
        expected = f"{parent_key}.{expected}"
    if division.key != expected:
        out.lossy(f"division key {division.key!r} (expected {expected!r})")
    if out.style.article_label == "japanese":
        out.observe()
        head = f"第{division.num.written(out.style.numerals)}{division.kind}"
        sep = "\u3000" if out.style.numerals == "kanji" else " "
    else:
        if division.num.branches:
            raise _fail(f"division number {division.num} of {where} in English")
        head = f"{_KIND_NAMES[division.kind]} {division.num.main}"
        sep = " "
    title = _heading_rest(division.title, where)
    lines = ["#" * level + " " + head + (sep + title if title else "")]
    counts: dict[str, int] = {}
    for child in division.children:
        lines.append("")
        if isinstance(child, Division):
            if DIVISION_KINDS.index(child.kind) <= DIVISION_KINDS.index(division.kind):
                raise _fail(f"a {child.kind} inside a {division.kind} ({child.key})")
            counts[child.kind] = counts.get(child.kind, 0) + 1
            lines.extend(_division(child, level + 1, division.key, counts[child.kind], out))
        else:
            lines.extend(_article(child, level + 1, out))
    return lines


def _body(body: Sequence[BodyElement], out: _Out, where: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    structured = False
    tables = 0
    pars = 0
    counts: dict[str, int] = {}
    for element in body:
        if isinstance(element, Division):
            structured = True
            counts[element.kind] = counts.get(element.kind, 0) + 1
            blocks.append(_division(element, 2, "", counts[element.kind], out))
        elif isinstance(element, Article):
            structured = True
            blocks.append(_article(element, 2, out))
        elif isinstance(element, Table):
            if structured:
                raise _fail(f"{where}table {element.key} after an article or division")
            tables += 1
            if element.key != f"t{tables}":
                out.lossy(f"table key {element.key!r} (expected 't{tables}')")
            blocks.append(_table(element, out, where + element.key))
        elif not isinstance(element, Paragraph):
            raise _fail(f"{where}{element.key}: a {type(element).__name__} among articles")
        else:
            if structured:
                raise _fail(f"{where}paragraph {element.key} after an article or division")
            if not tables and where == "":
                raise _fail(
                    f"body paragraph {element.key} directly after the preamble "
                    "(it would be read back as preamble)"
                )
            pars += 1
            blocks.append(_paragraph(element, out, where + element.key, f"p{pars}", pars, True))
    return blocks


def _supplement(sup: Supplement, index: int, out: _Out) -> list[list[str]]:
    if sup.key != f"s{index}":
        out.lossy(f"supplement key {sup.key!r} (expected 's{index}')")
    heading = sup.title
    if sup.law_ref is not None:
        heading += f"（{sup.law_ref}）"
    if sup.excerpt:
        heading += "\u3000抄"
    match = _SUPPLEMENT.match(heading)
    if not match or (match.group(1), match.group(2)) != (sup.title, sup.law_ref):
        raise _fail(f"supplement title {heading!r} does not read as 附則")
    blocks = [["## " + _one_line(heading, sup.key)]]
    if sup.body and sup.revisions:
        raise _fail(f"supplement {sup.key} has both provisions and revision lines")
    for revision in sup.revisions:
        try:
            blocks.append([_mdinline.escape_line(format_revision(revision))])
        except ValueError as error:
            raise _fail(f"supplement {sup.key}: {error}") from None
    if sup.body:
        first = sup.body[0]
        if isinstance(first, Paragraph) and parse_revision(first.text) is not None:
            raise _fail(f"supplement {sup.key} begins with text that reads as a revision line")
        pars = 0
        seen_article = False
        for element in sup.body:
            if isinstance(element, Paragraph):
                if seen_article:
                    raise _fail(f"supplement {sup.key}: paragraph after an article")
                pars += 1
                blocks.append(
                    _paragraph(element, out, f"{sup.key}/{element.key}", f"p{pars}", pars, True)
                )
            elif isinstance(element, Article):
                seen_article = True
                blocks.append(_article(element, 3, out))
            else:
                raise _fail(f"supplement {sup.key}: a {type(element).__name__} in a 附則")
    return blocks


def render_markdown(doc: Document, *, strict: bool = True) -> str:
    """Write a document as Markdown that :func:`parse_markdown` reads back equal.

    Raises :class:`~legaldocs.LegaldocsError` for what Markdown cannot carry at all
    (a multi-line heading, an empty line inside a paragraph, an item number with a branch,
    a ragged table, ...). With ``strict=True`` (the default) it also raises for what would
    be lost but can still be shown (keys off the conventions, item labels, cell attributes,
    a TOC, a law number); ``strict=False`` writes those documents anyway.
    """
    out = _Out(strict=strict, style=doc.style)
    if doc.law_num is not None:
        out.lossy("the law number (law_num)")
    if doc.toc is not None:
        out.lossy("the table of contents")
    blocks: list[list[str]] = []
    if doc.alt_title is not None:
        blocks.append(["# " + _one_line(doc.alt_title, "alt_title")])
    blocks.append(["# " + _one_line(doc.title, "title")])
    for n, par in enumerate(doc.preamble, start=1):
        blocks.append(_paragraph(par, out, f"preamble/{par.key}", f"pre{n}", n, True))
    blocks.extend(_body(doc.body, out, ""))
    for index, sup in enumerate(doc.supplements, start=1):
        blocks.extend(_supplement(sup, index, out))
    label = doc.style.article_label
    inferred = Style(
        numerals=out.observed_numerals or ("kanji" if label == "japanese" else "arabic"),
        items="bullets" if out.used_bullets else "numbered",
        article_label=label,
    )
    lang = "ja" if label == "japanese" else "en"
    if inferred != doc.style or lang != doc.lang:
        if any(c.isspace() for c in doc.lang) or "--" in doc.lang or not doc.lang:
            raise _fail(f"lang {doc.lang!r}")
        blocks.insert(
            0,
            [
                f"<!-- legaldocs: lang={doc.lang} numerals={doc.style.numerals} "
                f"items={doc.style.items} article-label={label} -->"
            ],
        )
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
