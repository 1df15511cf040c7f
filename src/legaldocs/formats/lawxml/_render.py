"""Writing the records of legaldocs as 法令標準XML (private; see
:mod:`legaldocs.formats.lawxml`).

The XML is written as text, two spaces an indentation level, one element a line, text
elements on one line. Sentence texts may hold inline markup as XML text (``<Ruby>…``, as
the reader keeps it): such markup is written as markup when it reads back to the same
string, and escaped otherwise. The result is read back before it is returned; a document
that would not read back equal raises :class:`~legaldocs.LegaldocsError` instead.
"""

from __future__ import annotations

import contextlib
import re

from lxml import etree

from legaldocs.errors import LegaldocsError, ParseError
from legaldocs.formats.lawxml import _parse
from legaldocs.model._appendix import (
    AmendProvision,
    AnyAppendix,
    ArithFormula,
    Block,
    Fig,
    FigStruct,
    FormatStruct,
    ListBlock,
    NoteLike,
    NoteStruct,
    Remarks,
    Sentence,
    StyleStruct,
)
from legaldocs.model._numbers import Num, item_label
from legaldocs.model._numerals import KANJI_NUMERALS, read_int
from legaldocs.model._records import (
    Article,
    BodyElement,
    Cell,
    Division,
    Document,
    Item,
    ItemChild,
    Paragraph,
    Style,
    Supplement,
    Table,
    TocEntry,
)

__all__ = ["render"]

_KIND_TAGS = {kind: tag for tag, kind in _parse.DIVISION_TAGS.items()}
_APPENDIX_TAGS = {
    cls: tag for tag, cls in (_parse.APPENDIX_TAGS | _parse.SUPPL_APPENDIX_TAGS).items()
}
_NOTE_TAGS: dict[type[NoteLike], tuple[str, str, str]] = {
    NoteStruct: ("NoteStruct", "NoteStructTitle", "Note"),
    StyleStruct: ("StyleStruct", "StyleStructTitle", "Style"),
    FormatStruct: ("FormatStruct", "FormatStructTitle", "Format"),
}
_TOC_DIVISION = re.compile(
    rf"^(第[{KANJI_NUMERALS}]+([編章節款目])(?:[のノ][{KANJI_NUMERALS}]+)*"
    r"(?:　.*?)?)(　?[（(][^（(]*[）)])?$"
)
_TOC_ARTICLE = re.compile(rf"^(第[{KANJI_NUMERALS}の]+条)　(.*)$")
_SAFE = re.compile(r"^[^<&\r\n]*$")
_PREFIX = re.compile(r'^\[(WritingMode|LineBreak)="([^"]*)"\]')
_XML_ESCAPES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_XML_ESCAPE = re.compile(r"[<>&]")
_ATTR_ESCAPES = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"}
_ATTR_ESCAPE = re.compile(r'[<>&"]')


def _fail(where: str, reason: str) -> LegaldocsError:
    return LegaldocsError(f"cannot write {where} as law XML: {reason}")


def _esc(text: str) -> str:
    return _XML_ESCAPE.sub(lambda m: _XML_ESCAPES[m.group()], text)


def _attr(value: str) -> str:
    return _ATTR_ESCAPE.sub(lambda m: _ATTR_ESCAPES[m.group()], value)


def _attrs(pairs: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> str:
    return "".join(f' {name}="{_attr(value)}"' for name, value in pairs)


def _content(text: str, where: str) -> str:
    """XML content that reads back as ``text`` (see the module documentation)."""
    if not text:
        return ""
    if text != _parse.trim(text):
        raise _fail(where, f"the text {text[:30]!r} starts or ends with ASCII white space")
    if _SAFE.match(text):
        return _esc(text)
    if "\r" in text or "\n" in text:
        raise _fail(where, "the text holds a line break")
    if "<" in text:
        try:
            el = etree.fromstring(f"<Sentence>{text}</Sentence>", _parse.xml_parser())
            if _parse._Reader(None).inline(el) == text:
                return text
        except (etree.XMLSyntaxError, ParseError):
            pass
    return _esc(text)


class _Writer:
    __slots__ = ("out",)

    def __init__(self) -> None:
        self.out: list[str] = []

    def line(self, depth: int, text: str) -> None:
        self.out.append("  " * depth + text)

    def text(self, depth: int, tag: str, text: str, where: str, attrs: str = "") -> None:
        content = _content(text, where)
        if content:
            self.line(depth, f"<{tag}{attrs}>{content}</{tag}>")
        else:
            self.line(depth, f"<{tag}{attrs}/>")

    def sentences(self, depth: int, tag: str, text: str, where: str) -> None:
        """A ``*Sentence`` element holding ``text`` as the reader reads it back: one
        ``Sentence``, or ``Column`` s when the text carries column attributes."""
        self.line(depth, f"<{tag}>")
        self.sentence_children(depth + 1, text, where)
        self.line(depth, f"</{tag}>")

    def sentence_children(self, depth: int, text: str, where: str) -> None:
        if "[LineBreak=" in text:
            for piece in text.split(_parse.MARGIN):
                m = _PREFIX.match(piece)
                attrs = ""
                if m and m.group(1) == "LineBreak":
                    attrs = f' LineBreak="{_attr(m.group(2))}"'
                    piece = piece[m.end() :]
                self.line(depth, f"<Column{attrs}>")
                self.text(depth + 1, "Sentence", piece, where)
                self.line(depth, "</Column>")
            return
        m = _PREFIX.match(text)
        if m and m.group(1) == "WritingMode":
            self.text(depth, "Sentence", text[m.end() :], where, f' WritingMode="{m.group(2)}"')
            return
        self.text(depth, "Sentence", text, where)


def render(doc: Document) -> str:
    """Write a whole document (see :func:`legaldocs.render_law_xml`)."""
    if doc.style != Style():
        raise _fail("the document", "the schema writes kanji numerals and numbered items only")
    if doc.alt_title is not None:
        raise _fail("the document", "the schema has no place for an alternative title")
    w = _Writer()
    w.out.append('<?xml version="1.0" encoding="UTF-8"?>')
    w.line(0, f"<Law{_law_attrs(doc)}>")
    if doc.law_num is not None:
        w.text(1, "LawNum", doc.law_num, "the law number")
    w.line(1, "<LawBody>")
    w.text(2, "LawTitle", doc.title, "the title")
    for statement in doc.enact_statements:
        w.text(2, "EnactStatement", statement.text, f"enact statement {statement.key!r}")
    if doc.toc is not None:
        w.line(2, "<TOC>")
        w.text(3, "TOCLabel", doc.toc.title, "the table of contents")
        for entry in doc.toc.entries:
            _toc_entry(w, entry, 3)
        w.line(2, "</TOC>")
    if doc.preamble:
        w.line(2, "<Preamble>")
        for paragraph in doc.preamble:
            _paragraph(w, paragraph, 3, paragraph.label or "", f"preamble {paragraph.key!r}")
        w.line(2, "</Preamble>")
    w.line(2, "<MainProvision>")
    _body(w, doc.body, 3)
    w.line(2, "</MainProvision>")
    places = doc.appendix_places or (len(doc.supplements),) * len(doc.appendices)
    if len(places) != len(doc.appendices) or list(places) != sorted(places):
        raise _fail("the document", "appendix_places must give one ascending place each")
    appendices = list(zip(places, doc.appendices, strict=True))
    for index, supplement in enumerate(doc.supplements):
        while appendices and appendices[0][0] <= index:
            _appendix(w, appendices.pop(0)[1], 2)
        _supplement(w, supplement, 2)
    for _, appendix in appendices:
        _appendix(w, appendix, 2)
    w.line(1, "</LawBody>")
    w.line(0, "</Law>")
    w.out.append("")
    result = "\n".join(w.out)
    try:
        back = _parse.parse(result, "the written XML")
    except ParseError as error:
        raise _fail("the document", f"it would not read back ({error})") from None
    if back != doc:
        raise _fail(
            "the document", f"it would read back differently ({_first_difference(doc, back)})"
        )
    return result


def _first_difference(doc: Document, back: Document) -> str:
    for name in ("title", "law_num", "law_attrs", "enact_statements", "toc", "preamble", "lang"):
        if getattr(doc, name) != getattr(back, name):
            return name
    for label, ours, theirs in (
        ("body", doc.body, back.body),
        ("supplements", doc.supplements, back.supplements),
        ("appendices", doc.appendices, back.appendices),
    ):
        for a, b in zip(ours, theirs, strict=False):
            if a != b:
                return f"{label} element {a.key!r}"
        if len(ours) != len(theirs):
            return f"{label}: {len(ours)} elements, {len(theirs)} read back"
    return "the document"


def _law_attrs(doc: Document) -> str:
    attrs: dict[str, str] = {}
    era, year, law_type = _parse.law_num_parts(doc.law_num or "")
    if era is not None:
        attrs["Era"] = era
    attrs["Lang"] = doc.lang
    if law_type is not None:
        attrs["LawType"] = law_type
    m = re.search(rf"第([{KANJI_NUMERALS}]+)号$", doc.law_num or "")
    if m:
        with contextlib.suppress(ValueError):  # 第〇号: no number to write
            attrs["Num"] = str(read_int(m.group(1)))
    if year is not None:
        with contextlib.suppress(ValueError):
            attrs["Year"] = "1" if year == "元" else str(read_int(year))
    for name, value in doc.law_attrs:
        attrs[name] = value
    return _attrs(sorted(attrs.items()))


def _toc_entry(w: _Writer, entry: TocEntry, depth: int) -> None:
    text = entry.text
    where = f"the table-of-contents entry {text[:30]!r}"
    m = _TOC_DIVISION.match(text)
    if m:
        tag = _KIND_TAGS[m.group(2)]  # type: ignore[index]
        w.line(depth, f"<TOC{tag}>")
        title, article_range = m.group(1), m.group(3) or ""
        if article_range.startswith(_parse.MARGIN):
            # a space written before the bracket belongs to the title: the reader adds
            # one only before a range that does not open with a bracket
            title, article_range = title + _parse.MARGIN, article_range[1:]
        w.text(depth + 1, f"{tag}Title", title, where)
        if article_range:
            w.text(depth + 1, "ArticleRange", article_range, where)
        for child in entry.children:
            _toc_entry(w, child, depth + 1)
        w.line(depth, f"</TOC{tag}>")
        return
    if text.startswith("附"):
        w.line(depth, "<TOCSupplProvision>")
        w.text(depth + 1, "SupplProvisionLabel", text, where)
        for child in entry.children:
            _toc_entry(w, child, depth + 1)
        w.line(depth, "</TOCSupplProvision>")
        return
    if entry.children:
        raise _fail(where, "only a division or 附則 entry has entries below it")
    m = _TOC_ARTICLE.match(text)
    if m:
        w.line(depth, "<TOCArticle>")
        w.text(depth + 1, "ArticleTitle", m.group(1), where)
        if m.group(2):
            w.text(depth + 1, "ArticleCaption", m.group(2), where)
        w.line(depth, "</TOCArticle>")
        return
    w.text(depth, "TOCPreambleLabel", text, where)


def _body(w: _Writer, body: tuple[BodyElement, ...], depth: int) -> None:
    for element in body:
        if isinstance(element, Division):
            _division(w, element, depth)
        elif isinstance(element, Article):
            _article(w, element, depth)
        elif isinstance(element, Paragraph):
            written = element.label
            if written is None:
                written = "" if element.anonymous else element.num.fullwidth()
            _paragraph(w, element, depth, written, f"paragraph {element.key!r}")
        else:
            raise _fail(f"table {element.key!r}", "a table must stand in a paragraph or an item")


def _num_attr(num: Num) -> str:
    return "_".join(str(p) for p in num.parts)


def _division(w: _Writer, division: Division, depth: int) -> None:
    tag = _KIND_TAGS[division.kind]
    where = f"division {division.key!r}"
    if division.until is not None and division.label is None:
        raise _fail(where, "the schema writes a division range only as its heading says it")
    w.line(depth, f'<{tag} Num="{_num_attr(division.num)}">')
    heading = division.label
    if heading is None:
        heading = "第" + Num.of(division.num.main).kanji() + division.kind
        heading += "".join("の" + Num.of(b).kanji() for b in division.num.branches)
    if division.title:
        heading += _parse.MARGIN + division.title
    w.text(depth + 1, f"{tag}Title", heading, where)
    for child in division.children:
        if isinstance(child, Division):
            _division(w, child, depth + 1)
        else:
            _article(w, child, depth + 1)
    w.line(depth, f"</{tag}>")


def _article(w: _Writer, article: Article, depth: int) -> None:
    where = f"article {article.key!r}"
    if article.bulleted:
        raise _fail(where, "the schema has no bulleted paragraphs")
    w.line(depth, f'<Article Num="{_num_attr(article.num)}">')
    if article.caption is not None:
        w.text(depth + 1, "ArticleCaption", article.caption, where)
    title = article.label
    if title is None:
        title = _parse.article_title(article.num, article.until)
    w.text(depth + 1, "ArticleTitle", title, where)
    if article.deleted:
        w.line(depth + 1, '<Paragraph Num="1">')
        w.line(depth + 2, "<ParagraphNum/>")
        w.line(depth + 2, "<ParagraphSentence>")
        w.line(depth + 3, "<Sentence>削除</Sentence>")
        w.line(depth + 2, "</ParagraphSentence>")
        w.line(depth + 1, "</Paragraph>")
    for index, paragraph in enumerate(article.paragraphs):
        written = paragraph.label
        if written is None:
            written = "" if index == 0 else paragraph.num.fullwidth()
        _paragraph(w, paragraph, depth + 1, written, f"{where} paragraph {paragraph.key!r}")
    if article.suppl_note is not None:
        w.text(depth + 1, "SupplNote", article.suppl_note, where)
    w.line(depth, "</Article>")


def _paragraph(w: _Writer, paragraph: Paragraph, depth: int, written: str, where: str) -> None:
    w.line(depth, f'<Paragraph Num="{paragraph.num.main}">')
    if paragraph.caption is not None:
        w.text(depth + 1, "ParagraphCaption", paragraph.caption, where)
    w.text(depth + 1, "ParagraphNum", written, where)
    if paragraph.text or paragraph.spaced or not written:
        w.sentences(depth + 1, "ParagraphSentence", paragraph.text, where)
    else:
        w.line(depth + 1, "<ParagraphSentence/>")
    _children(w, paragraph.children, 1, depth + 1, where)
    w.line(depth, "</Paragraph>")


def _children(
    w: _Writer, children: tuple[ItemChild, ...], level: int, depth: int, where: str
) -> None:
    for child in children:
        if isinstance(child, Item):
            _item(w, child, level, depth, where)
        else:
            _block(w, child, depth, where)


def _item(w: _Writer, item: Item, level: int, depth: int, where: str) -> None:
    where = f"{where}/{item.key}"
    if level > len(_parse._SUBITEM_TAGS):
        raise _fail(where, "the schema has ten levels of sub-items at most")
    tag = _parse._SUBITEM_TAGS[level - 1]
    label = item.label if item.label is not None else item_label(item.num, level, "kanji")
    w.line(depth, f'<{tag} Num="{_num_attr(item.num)}">')
    w.text(depth + 1, f"{tag}Title", label, where)
    if item.text or item.spaced or not label:
        w.sentences(depth + 1, f"{tag}Sentence", item.text, where)
    else:
        w.line(depth + 1, f"<{tag}Sentence/>")
    _children(w, item.children, level + 1, depth + 1, where)
    w.line(depth, f"</{tag}>")


def _block(w: _Writer, block: Block | AmendProvision, depth: int, where: str) -> None:
    where = f"{where}/{block.key}"
    if isinstance(block, Table):
        _table(w, block, depth, where)
    elif isinstance(block, Paragraph):
        written = block.label
        if written is None:
            written = "" if block.anonymous else block.num.fullwidth()
        _paragraph(w, block, depth, written, where)
    elif isinstance(block, Item):
        if block.level == 1 or block.level < 0:
            raise _fail(where, "an item's level is 0 (none given) or 2 and more")
        _item(w, block, block.level or 1, depth, where)
    elif isinstance(block, FigStruct):
        w.line(depth, "<FigStruct>")
        if block.title is not None:
            w.text(depth + 1, "FigStructTitle", block.title, where)
        before = _remarks_before(block.remarks_before, block.fig is not None, block.remarks, where)
        _remarks_list(w, block.remarks[:before], depth + 1, where)
        if block.fig is not None:
            _fig(w, block.fig, depth + 1)
        _remarks_list(w, block.remarks[before:], depth + 1, where)
        w.line(depth, "</FigStruct>")
    elif isinstance(block, NoteLike):
        tag, title_tag, content_tag = _NOTE_TAGS[type(block)]
        w.line(depth, f"<{tag}>")
        if block.title is not None:
            w.text(depth + 1, title_tag, block.title, where)
        before = _remarks_before(block.remarks_before, True, block.remarks, where)
        _remarks_list(w, block.remarks[:before], depth + 1, where)
        w.line(depth + 1, f"<{content_tag}>")
        for child in block.content:
            _block(w, child, depth + 2, where)
        w.line(depth + 1, f"</{content_tag}>")
        _remarks_list(w, block.remarks[before:], depth + 1, where)
        w.line(depth, f"</{tag}>")
    elif isinstance(block, Remarks):
        _remarks(w, block, depth, where)
    elif isinstance(block, Sentence):
        if not block.attrs and _lone_formula(block.text):
            # read back as this sentence outside an appendix (see _parse._blocks)
            w.line(depth, block.text)
        else:
            w.text(depth, "Sentence", block.text, where, _attrs(block.attrs))
    elif isinstance(block, Fig):
        _fig(w, block, depth)
    elif isinstance(block, ListBlock):
        _list(w, block, depth, 0, where)
    elif isinstance(block, AmendProvision):
        w.line(depth, "<AmendProvision>")
        if block.text is not None:
            w.sentences(depth + 1, "AmendProvisionSentence", block.text, where)
        if block.children:
            w.line(depth + 1, "<NewProvision>")
            for quoted in block.children:
                # (what an amending provision quotes: whole articles, divisions, appendices too)
                if isinstance(quoted, Article):
                    _article(w, quoted, depth + 2)
                elif isinstance(quoted, Division):
                    _division(w, quoted, depth + 2)
                elif isinstance(quoted, AnyAppendix):
                    _appendix(w, quoted, depth + 2)
                elif isinstance(quoted, Sentence) and _lone_element(
                    quoted.text, _parse.QUOTED_TITLE_TAGS
                ):
                    w.line(depth + 2, quoted.text)
                else:
                    _block(w, quoted, depth + 2, where)
            w.line(depth + 1, "</NewProvision>")
        w.line(depth, "</AmendProvision>")
    elif isinstance(block, ArithFormula):
        w.line(depth, "<ArithFormula>")
        for child in block.children:
            _block(w, child, depth + 1, where)
        w.line(depth, "</ArithFormula>")
    else:  # pragma: no cover - every block kind is handled above
        raise _fail(where, f"unknown block {type(block).__name__}")


def _remarks_before(before: int, present: bool, remarks: tuple[Remarks, ...], where: str) -> int:
    """How many remarks to write before a structure's figure or content."""
    if not 0 <= before <= len(remarks) or (before and not present):
        raise _fail(where, "remarks_before counts some of the remarks, before what is there")
    return before


def _lone_formula(text: str) -> bool:
    """Whether ``text`` is one ``ArithFormula`` element as the reader keeps it inline."""
    return _lone_element(text, frozenset({"ArithFormula"}))


def _lone_element(text: str, tags: frozenset[str]) -> bool:
    """Whether ``text`` is one element of ``tags`` as the reader keeps it as text."""
    if not text.startswith("<"):
        return False
    try:
        el = etree.fromstring(text, _parse.xml_parser())
    except etree.XMLSyntaxError:
        return False
    return el.tag in tags and _parse.outer_xml(el) == text


def _fig(w: _Writer, fig: Fig, depth: int) -> None:
    w.line(depth, f'<Fig src="{_attr(fig.src)}"/>')


def _remarks_list(w: _Writer, remarks: tuple[Remarks, ...], depth: int, where: str) -> None:
    for remark in remarks:
        _remarks(w, remark, depth, f"{where}/{remark.key}")


def _remarks(w: _Writer, remarks: Remarks, depth: int, where: str) -> None:
    w.line(depth, "<Remarks>")
    if remarks.label is not None or remarks.line_break:
        attrs = ' LineBreak="true"' if remarks.line_break else ""
        w.text(depth + 1, "RemarksLabel", remarks.label or "", where, attrs)
    for child in remarks.children:
        if isinstance(child, Sentence):
            # always a <Sentence>: remarks hold sentences and items only
            w.text(depth + 1, "Sentence", child.text, where, _attrs(child.attrs))
        else:
            _block(w, child, depth + 1, where)
    w.line(depth, "</Remarks>")


_LIST_TAGS = ("List", "Sublist1", "Sublist2", "Sublist3")


def _list(w: _Writer, block: ListBlock, depth: int, level: int, where: str) -> None:
    if level >= len(_LIST_TAGS):
        raise _fail(where, "the schema has three levels of sub-lists at most")
    tag = _LIST_TAGS[level]
    w.line(depth, f"<{tag}>")
    w.sentences(depth + 1, f"{tag}Sentence", block.text, where)
    for child in block.children:
        _list(w, child, depth + 1, level + 1, where)
    w.line(depth, f"</{tag}>")


def _table(w: _Writer, table: Table, depth: int, where: str) -> None:
    if table.bare:
        if table.title is not None or table.remarks:
            raise _fail(where, "a bare table (no TableStruct) has no title and no remarks")
        _rows(w, table, depth, where)
        return
    w.line(depth, "<TableStruct>")
    if table.title is not None:
        w.text(depth + 1, "TableStructTitle", table.title, where)
    if not 0 <= table.remarks_before <= len(table.remarks):
        raise _fail(where, "remarks_before counts some of the table's remarks")
    _remarks_list(w, table.remarks[: table.remarks_before], depth + 1, where)
    _rows(w, table, depth + 1, where)
    _remarks_list(w, table.remarks[table.remarks_before :], depth + 1, where)
    w.line(depth, "</TableStruct>")


def _rows(w: _Writer, table: Table, depth: int, where: str) -> None:
    w.line(depth, "<Table>")
    for row in table.rows:
        header = bool(row.cells) and all(cell.header for cell in row.cells)
        row_tag = "TableHeaderRow" if header else "TableRow"
        w.line(depth + 1, f"<{row_tag}>")
        for cell in row.cells:
            _cell(w, cell, depth + 2, f"{where}/{row.key}", header)
        w.line(depth + 1, f"</{row_tag}>")
    w.line(depth, "</Table>")


def _cell(w: _Writer, cell: Cell, depth: int, where: str, header: bool) -> None:
    attrs = _attrs(cell.attrs)
    if header:
        w.text(depth, "TableHeaderColumn", cell.text, where, attrs)
        return
    if cell.header:
        raise _fail(where, "a header cell stands in a row of header cells only")
    if not cell.text and not cell.blocks:
        w.line(depth, f"<TableColumn{attrs}/>")
        return
    w.line(depth, f"<TableColumn{attrs}>")
    if cell.blocks:
        if cell.text:
            raise _fail(where, "a cell holds either text or blocks")
        for block in cell.blocks:
            _block(w, block, depth + 1, where)
    else:
        for part in cell.text.split("\n"):
            w.sentence_children(depth + 1, part, where)
    w.line(depth, "</TableColumn>")


def _appendix(w: _Writer, appendix: AnyAppendix, depth: int) -> None:
    tag = _APPENDIX_TAGS[type(appendix)]
    title_tag = _parse._TITLE_TAGS[tag]
    where = f"appendix {appendix.key!r}"
    w.line(depth, f"<{tag}>")
    title, related = appendix.title, appendix.related_article_num
    if (title and title != _parse.trim(title)) or (related and related != _parse.trim(related)):
        # White space between the title and the reference: one element holds both (the
        # reader splits them again the same way).
        title, related = (title or "") + (related or ""), None
    if title is not None:
        w.text(depth + 1, title_tag, title, where)
    if related is not None:
        w.text(depth + 1, "RelatedArticleNum", related, where)
    for child in appendix.children:
        if isinstance(child, Sentence) and not child.attrs and _lone_formula(child.text):
            # right in an appendix the reader takes <ArithFormula> for a block of its own
            w.text(depth + 1, "Sentence", child.text, where)
        else:
            _block(w, child, depth + 1, where)
    w.line(depth, f"</{tag}>")


def _supplement(w: _Writer, supplement: Supplement, depth: int) -> None:
    where = f"supplementary provisions {supplement.key!r}"
    if supplement.revisions:
        raise _fail(where, "the schema has no place for revision lines (制定/改定)")
    attrs = ""
    if supplement.law_ref is not None:
        attrs += f' AmendLawNum="{_attr(supplement.law_ref)}"'
    if supplement.excerpt:
        attrs += ' Extract="true"'
    w.line(depth, f"<SupplProvision{attrs}>")
    w.text(depth + 1, "SupplProvisionLabel", supplement.title, where)
    _body(w, supplement.body, depth + 1)
    for appendix in supplement.appendices:
        _appendix(w, appendix, depth + 1)
    w.line(depth, "</SupplProvision>")
