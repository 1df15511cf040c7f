"""The writer of the plain-text format (private); see :mod:`legaldocs.formats.text`."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from legaldocs.dates import format_date
from legaldocs.errors import FormatError
from legaldocs.formats.text._syntax import (
    _ATTR_NAME,
    _KEY,
    _LABELISH,
    _PREAMBLE_END,
    _TOC,
    BULLET,
    DEFAULT_STYLE,
    _escape,
    _key_of_num,
    _label_num,
)
from legaldocs.model import _numerals
from legaldocs.model._keys import division_key
from legaldocs.model._numbers import Num, Numerals, item_label
from legaldocs.model._records import (
    Article,
    BodyElement,
    Division,
    Document,
    Item,
    ItemChild,
    Paragraph,
    Style,
    Table,
    TocEntry,
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

    def key(self, indent: int, actual: str, expected: str, what: str) -> None:
        """Write a ``:key:`` line when ``actual`` is not the key the parser derives."""
        if actual != expected:
            self.put(indent, _KEY + _single_line(actual, f"{what}: the key"))

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
                self.table(indent, child, f"t{tables}", f"{where}/{child.key}")
                continue
            if not isinstance(child, Item):
                raise FormatError(f"{type(child).__name__} {child.key!r} has no plain-text syntax")
            items += 1
            self.key(indent, child.key, f"i{items}", f"item {items} of {where}")
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

    def table(self, indent: int, table: Table, expected: str, where: str) -> None:
        if not table.rows:
            raise FormatError(f"{where}: a table without rows cannot be written")
        if table.rows[0].key != "r1" and table.key == expected:
            # one key line before a table names the table; the first row's key comes second
            self.put(indent, _KEY + _single_line(table.key, f"{where}: the key"))
        else:
            self.key(indent, table.key, expected, where)
        for number, row in enumerate(table.rows, start=1):
            self.key(indent, row.key, f"r{number}", f"row {number} of {where}")
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
        self.key(indent, article.key, "a" + _key_of_num(article.num), where)
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
            if paragraph.num != Num.of(number) or paragraph.anonymous:
                raise FormatError(
                    f"{p_where}: paragraph {number} must have number {number} and not be "
                    "anonymous in this format"
                )
            if article.bulleted:
                self.key(body, paragraph.key, f"p{number}", p_where)
                self.bullet_paragraph(body, paragraph, p_where)
                continue
            if "\n" in paragraph.text or block_open:
                self.blank()
                self.key(body, paragraph.key, f"p{number}", p_where)
                for line in paragraph.text.split("\n"):
                    self.put(body, _escape(line))
                block_open = not paragraph.children
            else:
                self.key(body, paragraph.key, f"p{number}", p_where)
                self.put(body, _escape(paragraph.text))
            self.children(body, paragraph.children, 1, p_where)

    def division(self, indent: int, division: Division, parent: str, where: str) -> None:
        expected = division_key(division.kind, division.num, parent)
        self.key(indent, division.key, expected, where)
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
                self.table(indent, element, f"t{tables}", f"{where}{element.key}")
            elif isinstance(element, Paragraph):
                paragraphs += 1
                self.top_paragraph(indent, element, paragraphs, "p", f"{where}{element.key}")
            else:
                raise FormatError(
                    f"{where}{element.key}: the text format has no {type(element).__name__}; "
                    "write a web policy as Markdown or HTML"
                )

    def top_paragraph(
        self, indent: int, paragraph: Paragraph, number: int, prefix: str, where: str
    ) -> None:
        self.key(indent, paragraph.key, f"{prefix}{number}", where)
        if paragraph.num != Num.of(number) or not paragraph.anonymous:
            raise FormatError(
                f"{where}: a paragraph outside articles must be anonymous and numbered "
                f"{number} in this format"
            )
        self.bullet_paragraph(indent, paragraph, where)


def render(doc: Document) -> str:
    """Write ``doc`` in the plain-text format (see :func:`legaldocs.text.render_text`).

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
        out.key(2, supplement.key, f"s{number}", f"supplement {number}")
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
