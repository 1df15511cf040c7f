"""The plain-text format: the layout of the clinic's web pages, readable and writable.

:func:`parse_text` reads it into a :class:`~legaldocs.Document`; :func:`render_text` writes a
document back. ``parse_text(render_text(doc)) == doc`` for every document the format can
carry; :func:`render_text` raises :class:`~legaldocs.FormatError` for the rest.

The layout, by example (indentation is ASCII spaces, two per level)::

    :numerals: kanji                   directives, only when not the defaults (see below)
      • PRIVACY POLICY                 English title (optional; column 0 or 2 when read)

        プライバシーポリシー             title (one or more lines at column 4)

      • 当グループ等は、…を定めます。   preamble paragraph (a top-level bullet)
      • 第1条(個人情報)                 article heading: 第N条 + caption as written

        「個人情報」とは、…              plain lines: one paragraph each
        • 氏名                         bullets after a plain line: its items
          • …                          deeper bullets: sub-items
      • 第3条(…)

        • 当グループ等は、…              an article whose body starts with a bullet lists
          • 本サイトの提供・運営のため    its paragraphs as bullets (``Article.bulleted``);
          http://…                     items are one level deeper; a plain line two
                                       columns right of a bullet continues its text
      • 第15条(お問い合わせ先)

        個人情報の…ご連絡ください。

        株式会社klinik「…」             after a blank line inside a body, the lines up to
        〒150-0022                      the next blank line are ONE paragraph (a block)
      • 附則                            supplementary provisions
        2021年2月25日 制定               revision lines: date, one space, event

Rules in full:

- Directives come first, at column 0: ``:numerals: kanji`` (articles and items written
  第三条, 一; default Arabic), ``:items: numbered`` (items carry their labels; default
  bullets), ``:lang: en``, ``:law-num: 平成五年法律第八十八号``. Without ``:numerals:``
  the numerals are those of the first article or division heading.
- A heading 第N条 is followed by its caption exactly as written, brackets and any space
  included: ``第11条 (正確性の確保)`` stores the caption ``" (正確性の確保)"`` (leading
  space kept, so the page reads back unchanged; a linter may point at it). No caption:
  ``第1条``. A deleted article: ``第10条　削除`` or ``第5条から第9条まで　削除``.
- Divisions: ``• 第一章　総則`` with their articles two columns deeper. Supplements:
  ``• 附則``, ``• 附　則（平成一七年六月二九日法律第七三号）　抄``; their revision lines,
  paragraphs, articles and tables are at column 4.
- Items are bullets. An item whose number is not the next one (or every item under
  ``:items: numbered``) is written with its label and a full-width space: ``• 三　…``,
  ``• イ　…``. A label that is not the standard one for its number and depth is kept in
  ``Item.label`` (``• 一から三まで　…`` in an excerpt, ``• (1)　…`` at the first level).
- Tables (a label/value page, a 読替え table inside a paragraph)::

      * - 販売業者                       ``* -`` starts a row and its first cell
        - 株式会社klinik                 ``-`` two columns deeper: the next cell
      * - 所在地
        - 〒150-0022                     a cell's further lines are four columns
          東京都渋谷区…                  right of the ``*``

  Cell attributes are written before the text: ``- [BorderTop="none"]text``.
- Escape: a text line that would read as structure (it starts with a space, ``\\``,
  ``•``, ``*``, ``-``, ``[``, a heading such as 第1条 or 附則, or an item label and a
  full-width space) or is empty is written with a leading ``\\``, which the parser drops.
- A table of contents follows the title: ``:toc: 目次`` at column 2, its lines at column 4,
  nested lines two columns deeper each.
- Top-level paragraphs before the first article are the preamble; a line ``---`` at column
  2 ends the preamble when the body itself starts with paragraphs.
- Keys are derived from positions: articles ``a3``, ``a3_2``; paragraphs ``p1``…;
  preamble paragraphs ``pre1``…; items ``i1``…; tables ``t1``…; rows ``r1``…;
  divisions ``ch1``, ``ch2.sec1`` (編 ``part``, 章 ``ch``, 節 ``sec``, 款 ``subsec``,
  目 ``div``); supplements ``s1``…. A document whose keys or paragraph numbers differ
  from these cannot be written (:class:`~legaldocs.FormatError`), nor can a division range
  or a caption or title with a line break.
- Lines are separated by ``\\n`` only (CRLF input is refused); every other character,
  trailing spaces included, belongs to the text.
- Revision lines are written ``2021年2月25日 制定`` or, when ``Revision.era``, ``令和3年2月25日
  制定``; any form :func:`~legaldocs.parse_date` reads is accepted (full-width or kanji digits),
  but such a line is written back with ASCII digits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal, cast

import attrs

from legaldocs import _numerals
from legaldocs.dates import ERAS, format_date, parse_date
from legaldocs.errors import FormatError, ParseError
from legaldocs.model import (
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
    Toc,
    TocEntry,
)
from legaldocs.numbers import Num, Numerals, item_label, parse_item_label

__all__ = ["DEFAULT_STYLE", "parse_text", "render_text"]

DEFAULT_STYLE = Style(numerals="arabic", items="bullets")
"""The style of a text without directives: Arabic numbers, bulleted items."""

BULLET = "• "
_N = r"[0-9０-９〇一二三四五六七八九十百千]+"
_ARTICLE_LOOSE = re.compile(r"第[^条\s]{1,12}?条")
_ARTICLE = re.compile(rf"第(?P<num>{_N})条(?P<branch>(?:の{_N})*)")
_DELETED = re.compile(
    rf"第(?P<num>{_N})条(?P<branch>(?:の{_N})*)"
    rf"(?:から第(?P<until>{_N})条(?P<ubranch>(?:の{_N})*)まで)?　削除"
)
_DIVISION_START = re.compile(rf"第{_N}[編章節款目]")
_DIVISION = re.compile(
    rf"第(?P<num>{_N})(?P<kind>[編章節款目])(?P<branch>(?:の{_N})*)(?:　(?P<title>.*))?"
)
_SUPPLEMENT_START = re.compile(r"附\s?則")
_SUPPLEMENT = re.compile(r"(?P<title>附則|附　則)(?:（(?P<ref>[^（）]*)）)?(?P<excerpt>　抄)?")
_LABELISH = re.compile(r"(?P<label>[^\s　]+?)　")
_ATTRS = re.compile(r'((?:\[[A-Za-z][A-Za-z0-9_-]*="[^"\]]*"\])+)')
_ATTR = re.compile(r'\[([A-Za-z][A-Za-z0-9_-]*)="([^"\]]*)"\]')
_ATTR_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_REVISION = re.compile(r"(?P<date>[^ ]+?日) (?P<event>.*)")
_DIRECTIVE = re.compile(r":(?P<name>[a-z-]+): (?P<value>.*)")
_KEY_PREFIX: dict[str, str] = {"編": "part", "章": "ch", "節": "sec", "款": "subsec", "目": "div"}
_PREAMBLE_END = "---"
_TOC = ":toc: "


# ----------------------------------------------------------------------------------------
# escaping


def _label_num(label: str) -> Num | None:
    """The number an item label names: ``三`` → 3, ``（２）`` → 2, and for a range as
    written in excerpts, ``一から三まで`` → 1. ``None`` when it is not a label."""
    head = label.split("から", 1)[0] if "から" in label and label.endswith("まで") else label
    try:
        return parse_item_label(head)[0]
    except ValueError:
        return None


def _is_label(text: str) -> bool:
    return _label_num(text) is not None


def _needs_escape(line: str) -> bool:
    if line == "" or line[0] in " \t\\•*-[":
        return True
    if (
        _ARTICLE_LOOSE.match(line)
        or _DIVISION_START.match(line)
        or _SUPPLEMENT_START.match(line)
        or line == _PREAMBLE_END
    ):
        return True
    match = _LABELISH.match(line)
    return bool(match and _is_label(match.group("label")))


def _escape(line: str) -> str:
    return "\\" + line if _needs_escape(line) else line


def _unescape(content: str) -> str:
    return content[1:] if content.startswith("\\") else content


# ----------------------------------------------------------------------------------------
# rendering


def _key_of_num(num: Num) -> str:
    return "_".join(str(p) for p in num.parts)


def _check(actual: str, expected: str, what: str) -> None:
    if actual != expected:
        raise FormatError(
            f"{what}: key {actual!r} is not the key the plain-text format derives "
            f"({expected!r}); keys are not written in this format"
        )


def _single_line(text: str, what: str) -> str:
    if "\n" in text:
        raise FormatError(f"{what} has a line break, which the plain-text format cannot carry")
    return text


def _article_number(num: Num, numerals: Numerals) -> str:
    write = _numerals.to_kanji if numerals == "kanji" else str
    return f"第{write(num.main)}条" + "".join(f"の{write(b)}" for b in num.branches)


def _division_number(kind: str, num: Num, numerals: Numerals) -> str:
    write = _numerals.to_kanji if numerals == "kanji" else str
    return f"第{write(num.main)}{kind}" + "".join(f"の{write(b)}" for b in num.branches)


@attrs.frozen
class _Writer:
    style: Style
    lines: list[str] = attrs.field(factory=list)

    def put(self, indent: int, content: str) -> None:
        self.lines.append(" " * indent + content)

    def blank(self) -> None:
        self.lines.append("")

    def text(self, indent: int, first_prefix: str, text: str, rest_indent: int) -> None:
        """Write ``text``: its first line after ``first_prefix`` at ``indent``, further
        lines at ``rest_indent``."""
        first, *rest = text.split("\n")
        self.put(indent, first_prefix + _escape(first))
        for line in rest:
            self.put(rest_indent, _escape(line))

    def children(self, indent: int, children: Sequence[ItemChild], depth: int, where: str) -> None:
        items = tables = 0
        previous: Num | None = None
        for child in children:
            if isinstance(child, Table):
                tables += 1
                _check(child.key, f"t{tables}", f"table in {where}")
                self.table(indent, child, f"{where}/{child.key}")
                continue
            items += 1
            _check(child.key, f"i{items}", f"item {items} of {where}")
            self.item(indent, child, depth, previous, f"{where}/{child.key}")
            previous = child.num

    def item(self, indent: int, item: Item, depth: int, previous: Num | None, where: str) -> None:
        standard = item_label(item.num, depth, self.style.numerals)
        if item.label is not None and (
            item.label == standard
            or _label_num(item.label) != item.num
            or not _LABELISH.fullmatch(item.label + "　")
        ):
            raise FormatError(
                f"{where}: the item label {item.label!r} cannot be written (it must name the "
                f"item's number {item.num} and differ from the standard label {standard!r})"
            )
        expected = Num.of(1) if previous is None else Num.of(previous.main + 1)
        prefix = BULLET
        if item.label is not None:
            prefix += item.label + "　"
        elif self.style.items == "numbered" or item.num != expected:
            prefix += standard + "　"
        self.text(indent, prefix, item.text, indent + 2)
        self.children(indent + 2, item.children, depth + 1, where)

    def table(self, indent: int, table: Table, where: str) -> None:
        if not table.rows:
            raise FormatError(f"{where}: a table without rows cannot be written")
        for number, row in enumerate(table.rows, start=1):
            _check(row.key, f"r{number}", f"row {number} of {where}")
            if not row.cells:
                raise FormatError(f"{where}/{row.key}: a row without cells cannot be written")
            for index, cell in enumerate(row.cells):
                marker = "* - " if index == 0 else "- "
                cell_indent = indent if index == 0 else indent + 2
                attrs_text = ""
                for name, value in cell.attrs:
                    if not _ATTR_NAME.fullmatch(name) or '"' in value or "]" in value:
                        raise FormatError(
                            f"{where}/{row.key}: cell attribute {name}={value!r} cannot be written"
                        )
                    attrs_text += f'[{name}="{value}"]'
                self.text(cell_indent, marker + attrs_text, cell.text, indent + 4)

    def toc_entries(self, indent: int, entries: Sequence[TocEntry]) -> None:
        for entry in entries:
            text = _single_line(entry.text, "a line of the table of contents")
            escape = text == "" or text[0] in " \t\\•"
            self.put(indent, "\\" + text if escape else text)
            self.toc_entries(indent + 2, entry.children)

    def bullet_paragraph(self, indent: int, paragraph: Paragraph, where: str) -> None:
        self.text(indent, BULLET, paragraph.text, indent + 2)
        self.children(indent + 2, paragraph.children, 1, where)

    def article(self, indent: int, article: Article, where: str) -> None:
        _check(article.key, "a" + _key_of_num(article.num), where)
        heading = _article_number(article.num, self.style.numerals)
        caption = article.caption
        if caption is not None:
            _single_line(caption, f"{where}: the caption")
            if caption == "" or caption.startswith(("の", "から")):
                raise FormatError(f"{where}: the caption {caption!r} cannot be told apart")
        if article.deleted:
            if article.paragraphs or article.bulleted:
                raise FormatError(f"{where}: a deleted article with paragraphs cannot be written")
            if article.until is not None:
                heading += "から" + _article_number(article.until, self.style.numerals) + "まで"
            self.put(indent, BULLET + heading + (caption or "") + "　削除")
            return
        if article.until is not None:
            raise FormatError(f"{where}: only a deleted article can be a range (until)")
        if caption is not None and caption.endswith("　削除"):
            raise FormatError(f"{where}: the caption {caption!r} reads as 削除")
        self.put(indent, BULLET + heading + (caption or ""))
        if not article.paragraphs:
            if article.bulleted:
                raise FormatError(f"{where}: an article without paragraphs cannot be bulleted")
            return
        self.blank()
        body = indent + 2
        block_open = False
        for number, paragraph in enumerate(article.paragraphs, start=1):
            p_where = f"{where}/{paragraph.key}"
            _check(paragraph.key, f"p{number}", p_where)
            if paragraph.num != Num.of(number) or paragraph.anonymous:
                raise FormatError(
                    f"{p_where}: paragraph {number} must have number {number} and not be "
                    "anonymous in this format"
                )
            if article.bulleted:
                self.bullet_paragraph(body, paragraph, p_where)
                continue
            if "\n" in paragraph.text or block_open:
                self.blank()
                for line in paragraph.text.split("\n"):
                    self.put(body, _escape(line))
                block_open = not paragraph.children
            else:
                self.put(body, _escape(paragraph.text))
            self.children(body, paragraph.children, 1, p_where)

    def division(self, indent: int, division: Division, parent: str, where: str) -> None:
        key = _KEY_PREFIX[division.kind] + _key_of_num(division.num)
        expected = f"{parent}.{key}" if parent else key
        _check(division.key, expected, where)
        if division.until is not None:
            raise FormatError(f"{where}: a division range (until) cannot be written")
        heading = _division_number(division.kind, division.num, self.style.numerals)
        title = _single_line(division.title, f"{where}: the title")
        self.put(indent, BULLET + heading + ("　" + title if title else ""))
        for child in division.children:
            if isinstance(child, Division):
                self.division(indent + 2, child, division.key, f"{where}/{child.key}")
            else:
                self.article(indent + 2, child, child.key)

    def body(self, indent: int, body: Sequence[BodyElement], where: str) -> None:
        paragraphs = tables = 0
        for element in body:
            if isinstance(element, Division):
                self.division(indent, element, "", element.key)
            elif isinstance(element, Article):
                self.article(indent, element, f"{where}{element.key}")
            elif isinstance(element, Table):
                tables += 1
                _check(element.key, f"t{tables}", f"table {tables}")
                self.table(indent, element, f"{where}{element.key}")
            else:
                paragraphs += 1
                self.top_paragraph(indent, element, paragraphs, "p", f"{where}{element.key}")

    def top_paragraph(
        self, indent: int, paragraph: Paragraph, number: int, prefix: str, where: str
    ) -> None:
        _check(paragraph.key, f"{prefix}{number}", where)
        if paragraph.num != Num.of(number) or not paragraph.anonymous:
            raise FormatError(
                f"{where}: a paragraph outside articles must be anonymous and numbered "
                f"{number} in this format"
            )
        self.bullet_paragraph(indent, paragraph, where)


def render_text(doc: Document) -> str:
    """Write ``doc`` in the plain-text format (see the module documentation).

    Raises :class:`~legaldocs.FormatError` naming the element when the document holds
    something the format cannot carry (keys other than the derived ones, a caption with a
    line break, ...).
    """
    out = _Writer(doc.style)
    if doc.style.numerals != DEFAULT_STYLE.numerals:
        out.put(0, f":numerals: {doc.style.numerals}")
    if doc.style.items != DEFAULT_STYLE.items:
        out.put(0, f":items: {doc.style.items}")
    if doc.lang != "ja":
        out.put(0, f":lang: {_single_line(doc.lang, 'the language')}")
    if doc.law_num is not None:
        out.put(0, f":law-num: {_single_line(doc.law_num, 'the law number')}")
    if doc.alt_title is not None:
        out.put(2, BULLET + _escape(_single_line(doc.alt_title, "the English title")))
        out.blank()
    for line in doc.title.split("\n"):
        out.put(4, _escape(line))
    if doc.toc is not None or doc.preamble or doc.body or doc.supplements:
        out.blank()
    if doc.toc is not None:
        out.put(2, _TOC + _single_line(doc.toc.title, "the title of the table of contents"))
        out.toc_entries(4, doc.toc.entries)
    for number, paragraph in enumerate(doc.preamble, start=1):
        out.top_paragraph(2, paragraph, number, "pre", f"preamble/{paragraph.key}")
    if doc.body and isinstance(doc.body[0], Paragraph):
        out.put(2, _PREAMBLE_END)
    out.body(2, doc.body, "")
    for number, supplement in enumerate(doc.supplements, start=1):
        _check(supplement.key, f"s{number}", f"supplement {number}")
        where = supplement.key
        if supplement.title not in ("附則", "附　則"):
            raise FormatError(f"{where}: the title {supplement.title!r} cannot be written")
        heading = supplement.title
        if supplement.law_ref is not None:
            if any(c in supplement.law_ref for c in "（）\n"):
                raise FormatError(f"{where}: the law reference {supplement.law_ref!r}")
            heading += f"（{supplement.law_ref}）"
        if supplement.excerpt:
            heading += "　抄"
        out.put(2, BULLET + heading)
        for revision in supplement.revisions:
            event = _single_line(revision.event, f"{where}: the revision event")
            out.put(4, f"{format_date(revision.date, era=revision.era)} {event}")
        out.body(4, supplement.body, f"{where}/")
    result = "\n".join(out.lines) + "\n"
    if "\r\n" in result:
        raise FormatError("a text line ends with a carriage return (\\r), which reads as CRLF")
    return result


# ----------------------------------------------------------------------------------------
# parsing


@attrs.frozen
class _Line:
    number: int  # 1-based
    indent: int
    content: str  # after the indentation; "" for a blank line

    @property
    def blank(self) -> bool:
        return self.content == ""

    @property
    def bullet(self) -> bool:
        return self.content.startswith(BULLET)

    @property
    def row(self) -> bool:
        return self.content.startswith("* - ")

    @property
    def cell(self) -> bool:
        return self.content.startswith("- ")


def _split(text: str, source: str | None) -> list[_Line]:
    if "\r\n" in text:
        number = text[: text.index("\r\n")].count("\n") + 1
        raise ParseError(
            "CRLF line ending: this format separates lines with \\n only",
            line=number,
            source=source,
        )
    lines = []
    raw_lines = text.split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    for number, raw in enumerate(raw_lines, start=1):
        content = raw.lstrip(" ")
        indent = len(raw) - len(content)
        if content.strip(" ") == "":
            lines.append(_Line(number, 0, ""))
            continue
        if content.startswith("\t"):
            raise ParseError(
                "a tab in the indentation", line=number, column=indent + 1, source=source
            )
        if indent % 2:
            raise ParseError(
                f"bad indentation: {indent} spaces (indentation goes by two)",
                line=number,
                column=indent + 1,
                source=source,
            )
        if content.startswith("•") and not content.startswith(BULLET):
            raise ParseError(
                "a bullet (•) must be followed by one space",
                line=number,
                column=indent + 1,
                source=source,
            )
        lines.append(_Line(number, indent, content))
    return lines


@attrs.define
class _Parser:
    lines: list[_Line]
    source: str | None
    style: Style = DEFAULT_STYLE
    numerals_known: bool = False
    pos: int = 0

    # -- helpers -------------------------------------------------------------------------

    def error(
        self, message: str, line: _Line | None = None, column: int | None = None
    ) -> ParseError:
        if line is None:
            line = self.peek()
        if line is None:
            return ParseError(f"{message} (at the end of the text)", source=self.source)
        col = column if column is not None else line.indent + 1
        return ParseError(message, line=line.number, column=col, source=self.source)

    def peek(self) -> _Line | None:
        return self.lines[self.pos] if self.pos < len(self.lines) else None

    def next(self) -> _Line:
        line = self.lines[self.pos]
        self.pos += 1
        return line

    def skip_blanks(self) -> int:
        count = 0
        while (line := self.peek()) is not None and line.blank:
            self.pos += 1
            count += 1
        return count

    def blanks_ahead(self) -> tuple[int, _Line | None]:
        """How many blank lines come next, and the first line after them."""
        index = self.pos
        while index < len(self.lines) and self.lines[index].blank:
            index += 1
        following = self.lines[index] if index < len(self.lines) else None
        return index - self.pos, following

    def at(self, indent: int) -> _Line | None:
        """The next line when it is non-blank and at exactly ``indent``; deeper lines are
        an error, shallower ones end the caller's block."""
        line = self.peek()
        if line is None or line.blank or line.indent < indent:
            return None
        if line.indent > indent:
            raise self.error(
                f"unexpected indentation: {line.indent} spaces where {indent} were expected"
                + (" (a bullet that belongs to no article or paragraph?)" if line.bullet else "")
            )
        return line

    def num(self, text: str, line: _Line, what: str) -> Num:
        try:
            return Num.parse(text)
        except ValueError:
            raise self.error(f"unreadable {what} number {text!r}", line) from None

    def note_numerals(self, text: str) -> None:
        if not self.numerals_known:
            numerals: Numerals = (
                "arabic" if text[:1] in "0123456789０１２３４５６７８９" else "kanji"
            )
            self.style = attrs.evolve(self.style, numerals=numerals)
            self.numerals_known = True

    # -- text and children ---------------------------------------------------------------

    def continuation(self, indent: int, first: str) -> str:
        parts = [first]
        while (line := self.at_text(indent)) is not None:
            self.pos += 1
            parts.append(_unescape(line.content))
        return "\n".join(parts)

    def at_text(self, indent: int) -> _Line | None:
        line = self.peek()
        if line is None or line.blank or line.indent != indent or line.bullet or line.row:
            return None
        if line.cell and not line.content.startswith("\\"):
            return None
        return line

    def children(self, indent: int, depth: int = 1) -> tuple[ItemChild, ...]:
        out: list[ItemChild] = []
        items = tables = 0
        previous: Num | None = None
        while (line := self.at(indent)) is not None:
            if line.row:
                tables += 1
                out.append(self.table(indent, f"t{tables}"))
            elif line.bullet:
                items += 1
                item = self.item(indent, f"i{items}", previous, depth)
                previous = item.num
                out.append(item)
            else:
                break
        return tuple(out)

    def item(self, indent: int, key: str, previous: Num | None, depth: int) -> Item:
        line = self.next()
        content = line.content[len(BULLET) :]
        num = Num.of(1) if previous is None else Num.of(previous.main + 1)
        label = None
        match = _LABELISH.match(content)
        written = _label_num(match.group("label")) if match else None
        if match and written is not None and not content.startswith("\\"):
            num = written
            if match.group("label") != item_label(num, depth, self.style.numerals):
                label = match.group("label")
            content = content[match.end() :]
        text = self.continuation(indent + 2, _unescape(content))
        children = self.children(indent + 2, depth + 1)
        return Item(key=key, num=num, text=text, children=children, label=label)

    def table(self, indent: int, key: str) -> Table:
        rows: list[Row] = []
        while (line := self.at(indent)) is not None and line.row:
            self.pos += 1
            cells = [self.cell(line, line.content[4:], indent + 4)]
            while (cell := self.at_cell(indent + 2)) is not None:
                self.pos += 1
                cells.append(self.cell(cell, cell.content[2:], indent + 4))
            rows.append(Row(key=f"r{len(rows) + 1}", cells=tuple(cells)))
        return Table(key=key, rows=tuple(rows))

    def at_cell(self, indent: int) -> _Line | None:
        line = self.peek()
        if line is None or line.blank or line.indent != indent or not line.cell:
            return None
        return line

    def cell(self, line: _Line, content: str, indent: int) -> Cell:
        attributes: tuple[tuple[str, str], ...] = ()
        match = _ATTRS.match(content)
        if match:
            attributes = tuple(_ATTR.findall(match.group(1)))
            content = content[match.end() :]
        return Cell(text=self.continuation(indent, _unescape(content)), attrs=attributes)

    # -- paragraphs and articles ---------------------------------------------------------

    def bullet_paragraph(self, indent: int, key: str, number: int, anonymous: bool) -> Paragraph:
        line = self.next()
        text = self.continuation(indent + 2, _unescape(line.content[len(BULLET) :]))
        return Paragraph(
            key=key,
            num=Num.of(number),
            text=text,
            children=self.children(indent + 2),
            anonymous=anonymous,
        )

    def article(self, indent: int, line: _Line) -> Article:
        self.pos += 1
        content = line.content[len(BULLET) :]
        deleted = _DELETED.match(content)
        if deleted and deleted.end() == len(content):
            num = self.num(deleted.group("num") + deleted.group("branch"), line, "article")
            self.note_numerals(deleted.group("num"))
            until = None
            if deleted.group("until"):
                until = self.num(deleted.group("until") + deleted.group("ubranch"), line, "article")
            return Article(key="a" + _key_of_num(num), num=num, deleted=True, until=until)
        match = _ARTICLE.match(content)
        if not match:
            raise self.error(
                f"unreadable article heading {content!r}", line, column=line.indent + 3
            )
        num = self.num(match.group("num") + match.group("branch"), line, "article")
        self.note_numerals(match.group("num"))
        caption = content[match.end() :] or None
        if caption is not None and caption.endswith("　削除"):
            rest = caption[: -len("　削除")]
            return Article(key="a" + _key_of_num(num), num=num, caption=rest or None, deleted=True)
        key = "a" + _key_of_num(num)
        blanks = self.skip_blanks()
        first = self.peek()
        if first is None or first.indent <= indent:
            return Article(key=key, num=num, caption=caption)
        body = indent + 2
        if blanks > 2:
            raise self.error("more than two blank lines after an article heading", first)
        if first.bullet and blanks <= 1:
            paragraphs: list[Paragraph] = []
            while (line_ := self.at(body)) is not None:
                if not line_.bullet:
                    raise self.error(
                        "a plain line in an article whose paragraphs are bullets", line_
                    )
                n = len(paragraphs) + 1
                paragraphs.append(self.bullet_paragraph(body, f"p{n}", n, False))
            blanks, following = self.blanks_ahead()
            if blanks and following is not None and following.indent > indent:
                raise self.error(
                    "a blank line inside an article whose paragraphs are bullets", following
                )
            return Article(
                key=key, num=num, caption=caption, paragraphs=tuple(paragraphs), bulleted=True
            )
        return Article(
            key=key, num=num, caption=caption, paragraphs=self.plain_paragraphs(body, blanks == 2)
        )

    def plain_paragraphs(self, body: int, block: bool) -> tuple[Paragraph, ...]:
        paragraphs: list[Paragraph] = []
        while True:
            line = self.at(body)
            if line is None:
                blanks, following = self.blanks_ahead()
                if blanks and following is not None and following.indent >= body:
                    if blanks > 1 or following.indent > body:
                        raise self.error(
                            "two blank lines inside an article"
                            if blanks > 1
                            else "unexpected indentation after a blank line",
                            following,
                        )
                    self.pos += 1
                    block = True
                    continue
                break
            if line.bullet or line.row:
                raise self.error(
                    "a bullet or table row after a blank line has no paragraph to belong to"
                    if block
                    else "unexpected bullet",
                    line,
                )
            self.pos += 1
            parts = [_unescape(line.content)]
            if block:
                while (more := self.at_text(body)) is not None:
                    self.pos += 1
                    parts.append(_unescape(more.content))
            n = len(paragraphs) + 1
            children = self.children(body)
            paragraphs.append(
                Paragraph(key=f"p{n}", num=Num.of(n), text="\n".join(parts), children=children)
            )
            block = False
            deeper = self.peek()
            if deeper is not None and not deeper.blank and deeper.indent > body:
                raise self.error(
                    f"unexpected indentation: {deeper.indent} spaces where {body} were expected"
                )
        return tuple(paragraphs)

    def division(self, indent: int, line: _Line, parent: str) -> Division:
        content = line.content[len(BULLET) :]
        match = _DIVISION.fullmatch(content)
        if not match:
            raise self.error(
                f"unreadable division heading {content!r} (write 第一章　title)",
                line,
                column=line.indent + 3,
            )
        self.pos += 1
        self.note_numerals(match.group("num"))
        num = self.num(match.group("num") + match.group("branch"), line, "division")
        kind = cast(DivisionKind, match.group("kind"))
        key = _KEY_PREFIX[kind] + _key_of_num(num)
        key = f"{parent}.{key}" if parent else key
        children: list[Division | Article] = []
        while (child := self.at(indent + 2)) is not None:
            element = self.body_element(indent + 2, child, key)
            if not isinstance(element, Division | Article):
                raise self.error("a division holds only divisions and articles", child)
            children.append(element)
        return Division(
            key=key, kind=kind, num=num, title=match.group("title") or "", children=tuple(children)
        )

    def body_element(self, indent: int, line: _Line, parent: str) -> Division | Article | None:
        """An article or a division at ``line``; ``None`` when the line is a paragraph."""
        content = line.content[len(BULLET) :]
        if content.startswith("\\"):
            return None
        if _ARTICLE_LOOSE.match(content):
            return self.article(indent, line)
        if _DIVISION_START.match(content):
            return self.division(indent, line, parent)
        if _SUPPLEMENT_START.match(content):
            raise self.error("supplementary provisions (附則) belong at column 2", line)
        return None

    def body(self, indent: int, preamble: list[Paragraph] | None) -> tuple[BodyElement, ...]:
        """The elements at ``indent`` up to a supplement (at the document level) or a
        shallower line. Paragraphs before the first other element go to ``preamble``
        when it is given."""
        body: list[BodyElement] = []
        paragraphs = tables = 0
        while True:
            self.skip_blanks()
            line = self.at(indent)
            if line is None:
                break
            if line.row:
                tables += 1
                body.append(self.table(indent, f"t{tables}"))
                preamble = None
                continue
            if line.content == _PREAMBLE_END and preamble is not None:
                self.pos += 1
                preamble = None
                continue
            if not line.bullet:
                raise self.error(
                    f"expected a bullet (•) or a table row (* -), got {line.content!r}"
                )
            content = line.content[len(BULLET) :]
            if indent == 2 and _SUPPLEMENT_START.match(content):
                break
            element = self.body_element(indent, line, "")
            if element is not None:
                body.append(element)
                preamble = None
                continue
            if preamble is not None:
                n = len(preamble) + 1
                preamble.append(self.bullet_paragraph(indent, f"pre{n}", n, True))
            else:
                paragraphs += 1
                body.append(self.bullet_paragraph(indent, f"p{paragraphs}", paragraphs, True))
        return tuple(body)

    def supplement(self, line: _Line, key: str) -> Supplement:
        self.pos += 1
        content = line.content[len(BULLET) :]
        match = _SUPPLEMENT.fullmatch(content)
        if not match:
            raise self.error(
                f"unreadable supplementary provisions heading {content!r}",
                line,
                column=line.indent + 3,
            )
        revisions: list[Revision] = []
        while (rev := self.at(4)) is not None and not (rev.bullet or rev.row):
            self.pos += 1
            revisions.append(self.revision(rev))
        body = self.body(4, None)
        return Supplement(
            key=key,
            title=match.group("title"),
            law_ref=match.group("ref"),
            excerpt=bool(match.group("excerpt")),
            body=body,
            revisions=tuple(revisions),
        )

    def revision(self, line: _Line) -> Revision:
        match = _REVISION.fullmatch(line.content)
        if not match:
            raise self.error(
                f"unreadable revision line {line.content!r} (write: 2021年2月25日 制定)", line
            )
        try:
            date = parse_date(match.group("date"))
        except ParseError as error:
            raise self.error(f"revision line: {error.reason}", line) from None
        era = any(match.group("date").startswith(e.name) for e in ERAS)
        return Revision(date=date, event=match.group("event"), era=era)

    def toc_entries(self, indent: int) -> tuple[TocEntry, ...]:
        entries: list[TocEntry] = []
        while (line := self.at(indent)) is not None:
            self.pos += 1
            text = _unescape(line.content)
            entries.append(TocEntry(text=text, children=self.toc_entries(indent + 2)))
        return tuple(entries)

    # -- the document --------------------------------------------------------------------

    def document(self) -> Document:
        lang = "ja"
        law_num = None
        self.skip_blanks()
        while (
            (line := self.peek()) is not None and line.indent == 0 and line.content.startswith(":")
        ):
            match = _DIRECTIVE.fullmatch(line.content)
            if not match:
                raise self.error(f"unreadable directive {line.content!r}", line)
            name, value = match.group("name"), match.group("value")
            if name == "numerals" and value in ("kanji", "arabic"):
                self.style = attrs.evolve(self.style, numerals=cast(Numerals, value))
                self.numerals_known = True
            elif name == "items" and value in ("numbered", "bullets"):
                self.style = attrs.evolve(
                    self.style, items=cast(Literal["numbered", "bullets"], value)
                )
            elif name == "lang":
                lang = value
            elif name == "law-num":
                law_num = value
            else:
                raise self.error(f"unknown directive {line.content!r}", line)
            self.pos += 1
        self.skip_blanks()
        alt_title = None
        line = self.peek()
        if line is not None and line.bullet and line.indent in (0, 2):
            alt_title = _unescape(line.content[len(BULLET) :])
            self.pos += 1
            self.skip_blanks()
        title_lines = []
        while (line := self.peek()) is not None and not line.blank and line.indent == 4:
            title_lines.append(_unescape(line.content))
            self.pos += 1
        if not title_lines:
            raise self.error("expected the title (at column 4)")
        toc = None
        self.skip_blanks()
        line = self.peek()
        if line is not None and line.indent == 2 and line.content.startswith(_TOC):
            self.pos += 1
            toc = Toc(title=line.content[len(_TOC) :], entries=self.toc_entries(4))
        preamble: list[Paragraph] = []
        body = self.body(2, preamble)
        supplements: list[Supplement] = []
        while True:
            self.skip_blanks()
            line = self.peek()
            if line is None:
                break
            if line.indent == 2 and line.bullet and _SUPPLEMENT_START.match(line.content[2:]):
                supplements.append(self.supplement(line, f"s{len(supplements) + 1}"))
                continue
            if line.indent == 2:
                raise self.error(
                    "only supplementary provisions (附則) may follow supplementary provisions"
                )
            raise self.error(
                f"unexpected indentation: {line.indent} spaces"
                + (" (a bullet that belongs to no article or paragraph?)" if line.bullet else "")
            )
        return Document(
            title="\n".join(title_lines),
            alt_title=alt_title,
            law_num=law_num,
            preamble=tuple(preamble),
            toc=toc,
            body=body,
            supplements=tuple(supplements),
            style=self.style,
            lang=lang,
        )


def parse_text(text: str, *, source: str | None = None) -> Document:
    """Read a document written in the plain-text format (see the module documentation).

    ``source`` names the input in error messages. Raises :class:`~legaldocs.ParseError`
    with the line and column of the first problem: bad indentation, a bullet that belongs to
    nothing, an unreadable article or 附則 heading, a revision line with an impossible date.
    """
    return _Parser(_split(text, source), source).document()
