"""Writing the records of legaldocs as 法令標準XML (private; see
:mod:`legaldocs.formats.lawxml`).

The XML is written as text, two spaces an indentation level, one element a line, text
elements on one line. Sentence texts may hold inline markup as XML text (``<Ruby>…``,
as the reader keeps it): such markup is written as markup when it reads back to the same
string, and escaped otherwise. The result is read back before it is returned; a document
that would not read back equal raises :class:`~legaldocs.LegaldocsError` instead.
"""

from __future__ import annotations

import re

from legaldocs.errors import LegaldocsError, ParseError
from legaldocs.formats.lawxml import _parse
from legaldocs.model._numbers import Num, item_label
from legaldocs.model._records import (
    Article,
    BodyElement,
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
_ERAS = {"明治": "Meiji", "大正": "Taisho", "昭和": "Showa", "平成": "Heisei", "令和": "Reiwa"}
_LAW_TYPES = (
    ("法律", "Act"),
    ("政令", "CabinetOrder"),
    ("勅令", "ImperialOrder"),
    ("太政官布告", "DajokanFukoku"),
    ("太政官達", "DajokanTasshi"),
    ("太政官布達", "DajokanFutatsu"),
    ("規則", "Rule"),
    ("令", "MinisterialOrdinance"),
)
_LAW_NUM = re.compile(
    r"^(明治|大正|昭和|平成|令和)([元〇一二三四五六七八九十百]+)年(.*?)第([〇一二三四五六七八九十百千万]+)号$"
)
_TOC_DIVISION = re.compile(
    r"^(第[〇一二三四五六七八九十百千万の]+([編章節款目])　.*?)(（[^（]*）)?$"
)
_TOC_ARTICLE = re.compile(r"^(第[〇一二三四五六七八九十百千万の]+条)　(.*)$")
_SAFE = re.compile(r"^[^<&\r\n]*$")
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


class _Writer:
    __slots__ = ("out",)

    def __init__(self) -> None:
        self.out: list[str] = []

    def line(self, depth: int, text: str) -> None:
        self.out.append("  " * depth + text)

    def text_element(self, depth: int, tag: str, text: str, where: str, attrs: str = "") -> None:
        content = _content(text, where)
        if content:
            self.line(depth, f"<{tag}{attrs}>{content}</{tag}>")
        else:
            self.line(depth, f"<{tag}{attrs}/>")


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
            from lxml import etree

            el = etree.fromstring(f"<Sentence>{text}</Sentence>", _parse.xml_parser())
            if _parse._Reader(None).inline(el) == text:
                return text
        except (etree.XMLSyntaxError, ParseError):
            pass
    return _esc(text)


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
        w.text_element(1, "LawNum", doc.law_num, "the law number")
    w.line(1, "<LawBody>")
    w.text_element(2, "LawTitle", doc.title, "the title")
    if doc.toc is not None:
        w.line(2, "<TOC>")
        w.text_element(3, "TOCLabel", doc.toc.title, "the table of contents")
        for entry in doc.toc.entries:
            _toc_entry(w, entry, 3)
        w.line(2, "</TOC>")
    if doc.preamble:
        w.line(2, "<Preamble>")
        for index, paragraph in enumerate(doc.preamble, start=1):
            _paragraph(
                w, paragraph, 3, "<ParagraphNum/>", str(index), f"preamble {paragraph.key!r}"
            )
        w.line(2, "</Preamble>")
    w.line(2, "<MainProvision>")
    _body(w, doc.body, 3)
    w.line(2, "</MainProvision>")
    for supplement in doc.supplements:
        _supplement(w, supplement, 2)
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
    for name in ("title", "law_num", "toc", "preamble", "lang"):
        if getattr(doc, name) != getattr(back, name):
            return name
    for label, ours, theirs in (
        ("body", doc.body, back.body),
        ("supplements", doc.supplements, back.supplements),
    ):
        for a, b in zip(ours, theirs, strict=False):
            if a != b:
                return f"{label} element {a.key!r}"
        if len(ours) != len(theirs):
            return f"{label}: {len(ours)} elements, {len(theirs)} read back"
    return "the document"


def _law_attrs(doc: Document) -> str:
    attrs: dict[str, str] = {}
    m = _LAW_NUM.match(doc.law_num or "")
    if m:
        attrs["Era"] = _ERAS[m.group(1)]
        attrs["Lang"] = doc.lang
        kind = m.group(3)
        for suffix, law_type in _LAW_TYPES:
            if kind.endswith(suffix):
                attrs["LawType"] = law_type
                break
        year = 1 if m.group(2) == "元" else Num.parse(m.group(2)).main
        attrs["Num"] = str(Num.parse(m.group(4)).main)
        attrs["Year"] = str(year)
    else:
        attrs["Lang"] = doc.lang
    return "".join(f' {name}="{_attr(value)}"' for name, value in sorted(attrs.items()))


def _toc_entry(w: _Writer, entry: TocEntry, depth: int) -> None:
    text = entry.text
    where = f"the table-of-contents entry {text[:30]!r}"
    m = _TOC_DIVISION.match(text)
    if m:
        tag = _KIND_TAGS[m.group(2)]  # type: ignore[index]
        w.line(depth, f"<TOC{tag}>")
        w.text_element(depth + 1, f"{tag}Title", m.group(1), where)
        if m.group(3):
            w.text_element(depth + 1, "ArticleRange", m.group(3), where)
        for child in entry.children:
            _toc_entry(w, child, depth + 1)
        w.line(depth, f"</TOC{tag}>")
        return
    if entry.children:
        raise _fail(where, "only a division entry has entries below it")
    if text.startswith("附"):
        w.line(depth, "<TOCSupplProvision>")
        w.text_element(depth + 1, "SupplProvisionLabel", text, where)
        w.line(depth, "</TOCSupplProvision>")
        return
    m = _TOC_ARTICLE.match(text)
    if m:
        w.line(depth, "<TOCArticle>")
        w.text_element(depth + 1, "ArticleTitle", m.group(1), where)
        w.text_element(depth + 1, "ArticleCaption", m.group(2), where)
        w.line(depth, "</TOCArticle>")
        return
    w.text_element(depth, "TOCPreambleLabel", text, where)


def _body(w: _Writer, body: tuple[BodyElement, ...], depth: int) -> None:
    for element in body:
        if isinstance(element, Division):
            _division(w, element, depth)
        elif isinstance(element, Article):
            _article(w, element, depth)
        elif isinstance(element, Paragraph):
            written = "" if element.anonymous else element.num.fullwidth()
            _paragraph(
                w,
                element,
                depth,
                f"<ParagraphNum>{written}</ParagraphNum>" if written else "<ParagraphNum/>",
                str(element.num.main),
                f"paragraph {element.key!r}",
            )
        else:
            raise _fail(f"table {element.key!r}", "a table must stand in a paragraph or an item")


def _division(w: _Writer, division: Division, depth: int) -> None:
    tag = _KIND_TAGS[division.kind]
    where = f"division {division.key!r}"
    if division.until is not None:
        raise _fail(where, "the schema has no division ranges")
    w.line(depth, f'<{tag} Num="{_num_attr(division.num)}">')
    heading = "第" + Num.of(division.num.main).kanji() + division.kind
    heading += "".join("の" + Num.of(b).kanji() for b in division.num.branches)
    w.text_element(depth + 1, f"{tag}Title", heading + "　" + division.title, where)
    for child in division.children:
        if isinstance(child, Division):
            _division(w, child, depth + 1)
        else:
            _article(w, child, depth + 1)
    w.line(depth, f"</{tag}>")


def _num_attr(num: Num) -> str:
    return "_".join(str(p) for p in num.parts)


def _article_title(num: Num) -> str:
    return "第" + num.kanji().replace("の", "条の", 1) + ("" if num.branches else "条")


def _article(w: _Writer, article: Article, depth: int) -> None:
    where = f"article {article.key!r}"
    if article.bulleted:
        raise _fail(where, "the schema has no bulleted paragraphs")
    w.line(depth, f'<Article Num="{_num_attr(article.num)}">')
    if article.caption is not None:
        w.text_element(depth + 1, "ArticleCaption", article.caption, where)
    title = _article_title(article.num)
    if article.until is not None:
        title += "から" + _article_title(article.until) + "まで"
    w.text_element(depth + 1, "ArticleTitle", title, where)
    if article.deleted:
        w.line(depth + 1, '<Paragraph Num="1">')
        w.line(depth + 2, "<ParagraphNum/>")
        w.line(depth + 2, "<ParagraphSentence>")
        w.line(depth + 3, "<Sentence>削除</Sentence>")
        w.line(depth + 2, "</ParagraphSentence>")
        w.line(depth + 1, "</Paragraph>")
    for index, paragraph in enumerate(article.paragraphs):
        written = "" if index == 0 else paragraph.num.fullwidth()
        _paragraph(
            w,
            paragraph,
            depth + 1,
            f"<ParagraphNum>{written}</ParagraphNum>" if written else "<ParagraphNum/>",
            str(paragraph.num.main),
            f"{where} paragraph {paragraph.key!r}",
        )
    w.line(depth, "</Article>")


def _paragraph(
    w: _Writer, paragraph: Paragraph, depth: int, num_line: str, num_attr: str, where: str
) -> None:
    w.line(depth, f'<Paragraph Num="{num_attr}">')
    if paragraph.caption is not None:
        w.text_element(depth + 1, "ParagraphCaption", paragraph.caption, where)
    w.line(depth + 1, num_line)
    _sentence(w, "ParagraphSentence", paragraph.text, depth + 1, where)
    _children(w, paragraph.children, 1, depth + 1, where)
    w.line(depth, "</Paragraph>")


def _sentence(w: _Writer, tag: str, text: str, depth: int, where: str) -> None:
    w.line(depth, f"<{tag}>")
    w.text_element(depth + 1, "Sentence", text, where)
    w.line(depth, f"</{tag}>")


def _children(
    w: _Writer, children: tuple[ItemChild, ...], level: int, depth: int, where: str
) -> None:
    for child in children:
        if isinstance(child, Item):
            _item(w, child, level, depth, where)
        else:
            _table(w, child, depth, where)


def _item(w: _Writer, item: Item, level: int, depth: int, where: str) -> None:
    where = f"{where}/{item.key}"
    if level > len(_parse._SUBITEM_TAGS):
        raise _fail(where, "the schema has ten levels of sub-items at most")
    tag = _parse._SUBITEM_TAGS[level - 1]
    label = item.label if item.label is not None else item_label(item.num, level, "kanji")
    w.line(depth, f'<{tag} Num="{_num_attr(item.num)}">')
    w.text_element(depth + 1, f"{tag}Title", label, where)
    _sentence(w, f"{tag}Sentence", item.text, depth + 1, where)
    _children(w, item.children, level + 1, depth + 1, where)
    w.line(depth, f"</{tag}>")


def _table(w: _Writer, table: Table, depth: int, where: str) -> None:
    where = f"{where}/{table.key}"
    w.line(depth, "<TableStruct>")
    w.line(depth + 1, "<Table>")
    for row in table.rows:
        w.line(depth + 2, "<TableRow>")
        for cell in row.cells:
            attrs = "".join(f' {name}="{_attr(value)}"' for name, value in cell.attrs)
            w.line(depth + 3, f"<TableColumn{attrs}>")
            for part in cell.text.split("\n") if cell.text else ():
                w.text_element(depth + 4, "Sentence", part, where)
            w.line(depth + 3, "</TableColumn>")
        w.line(depth + 2, "</TableRow>")
    w.line(depth + 1, "</Table>")
    w.line(depth, "</TableStruct>")


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
    w.text_element(depth + 1, "SupplProvisionLabel", supplement.title, where)
    _body(w, supplement.body, depth + 1)
    w.line(depth, "</SupplProvision>")
