"""Reading 法令標準XML into the records of legaldocs (private; see
:mod:`legaldocs.formats.lawxml`).

The XML is read with lxml, with a parser that expands no entity, loads no DTD and reaches
no network. The tree is then mapped element by element onto the model the way the
reference converter (Lawtext) maps it onto Lawtext, so that the document read from the XML
equals the document read from the converter's Lawtext. Every element of the schema that
reaches the reader must be understood: an element this reader does not know, or one the
model cannot hold, raises :class:`~legaldocs.ParseError` naming its line instead of being
dropped.

Text is taken the way the converter takes it: each text node is trimmed of ASCII white
space (space, tab, CR, LF) at both ends; inline markup inside a sentence (``Ruby``,
``Sub``, ``Sup``, ``QuoteStruct``, ``ArithFormula``, ``Line``) is kept as XML text inside
the string, attributes in document order, with ``< > & " '`` escaped.
"""

from __future__ import annotations

import contextlib
import re
from typing import NoReturn

from lxml import etree

from legaldocs.errors import ParseError
from legaldocs.model._numbers import Num, item_label, parse_item_label
from legaldocs.model._records import (
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

__all__ = ["parse"]


def xml_parser() -> etree.XMLParser:
    """A parser that expands no entity, loads no DTD and reaches no network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )


_TRIM_START = re.compile(r"^[ \r\n\t]+")
_TRIM_END = re.compile(r"[ \r\n\t]+$")
_ESCAPES = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;"}
_ESCAPE = re.compile(r"[<>&\"']")
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")

INLINE_TAGS = frozenset({"Ruby", "Sub", "Sup", "QuoteStruct", "ArithFormula", "Line"})
"""Elements kept as XML text inside a sentence string."""

DIVISION_TAGS: dict[str, DivisionKind] = {
    "Part": "編",
    "Chapter": "章",
    "Section": "節",
    "Subsection": "款",
    "Division": "目",
}
DIVISION_PREFIX: dict[str, str] = {"編": "pt", "章": "ch", "節": "sec", "款": "sub", "目": "div"}
_SUBITEM_TAGS = ("Item", *(f"Subitem{n}" for n in range(1, 11)))
_K = "[〇一二三四五六七八九十百千万]+"
_DIVISION_TITLE = re.compile(rf"^第({_K})([編章節款目])((?:の{_K})*)　(.*)$")
_ARTICLE_TITLE = re.compile(rf"^第({_K})条((?:の{_K})*)(?:から第({_K})条((?:の{_K})*)まで)?$")
_FULLWIDTH_NUM = re.compile(r"^[０-９]+(?:の[０-９]+)*$")
_LABEL_START = re.compile(r"^(.+?)(?:から|及び|・|、)")
_SUPPLEMENT_LABEL = re.compile(r"^附[ 　]*則$")
MARGIN = "　"


def trim(text: str | None) -> str:
    """A text node as the reference converter keeps it: ASCII white space trimmed."""
    if not text:
        return ""
    return _TRIM_END.sub("", _TRIM_START.sub("", text))


def escape(text: str) -> str:
    """Text escaped as the reference converter writes inline XML."""
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group()], text)


def _tag(el: etree._Element) -> str:
    tag = el.tag
    return tag if isinstance(tag, str) else repr(tag)


def outer_xml(el: etree._Element) -> str:
    """``el`` written as the reference converter writes inline markup."""
    attrs = "".join(f' {name!s}="{escape(str(value))}"' for name, value in el.attrib.items())
    parts = []
    head = trim(el.text)
    if head:
        parts.append(escape(head))
    for child in el:
        parts.append(outer_xml(child))
        tail = trim(child.tail)
        if tail:
            parts.append(escape(tail))
    inner = "".join(parts)
    tag = _tag(el)
    return f"<{tag}{attrs}>{inner}</{tag}>" if inner else f"<{tag}{attrs}/>"


class _Reader:
    """The helpers shared by the mapping functions: errors at an element's line."""

    __slots__ = ("source",)

    def __init__(self, source: str | None) -> None:
        self.source = source

    def fail(self, el: etree._Element, message: str) -> NoReturn:
        line = el.sourceline if isinstance(el.sourceline, int) else None
        raise ParseError(f"<{_tag(el)}>: {message}", line=line, source=self.source)

    def unexpected(self, el: etree._Element, parent: etree._Element) -> NoReturn:
        self.fail(el, f"unexpected element inside <{_tag(parent)}>")

    def unsupported(self, el: etree._Element) -> NoReturn:
        self.fail(el, "not supported: the model has no place for this element yet")

    # -- text ---------------------------------------------------------------------------

    def inline(self, el: etree._Element) -> str:
        """The text of an element holding text and inline markup only."""
        parts = []
        head = trim(el.text)
        if head:
            parts.append(head.replace("\r", "").replace("\n", ""))
        for child in el:
            tag = _tag(child)
            if tag in INLINE_TAGS:
                parts.append(outer_xml(child))
            else:
                self.unexpected(child, el)
            tail = trim(child.tail)
            if tail:
                parts.append(tail.replace("\r", "").replace("\n", ""))
        return "".join(parts)

    def sentences(self, el: etree._Element) -> str:
        """The text of a ``*Sentence`` element: its sentences joined, columns separated by
        a full-width space."""
        self.no_text(el)
        parts = []
        for index, child in enumerate(el):
            tag = _tag(child)
            if tag == "Sentence":
                self.check_sentence(child)
                parts.append(self.inline(child))
            elif tag == "Column":
                self.no_text(child)
                if child.get("LineBreak", "false") != "false":
                    self.unsupported(child)
                if index:
                    parts.append(MARGIN)
                for sentence in child:
                    if _tag(sentence) != "Sentence":
                        self.unexpected(sentence, child)
                    self.check_sentence(sentence)
                    parts.append(self.inline(sentence))
            else:
                self.unexpected(child, el)
        return "".join(parts)

    def check_sentence(self, el: etree._Element) -> None:
        if el.get("WritingMode", "vertical") != "vertical":
            self.fail(el, "a horizontal sentence is not supported yet")

    def no_text(self, el: etree._Element) -> None:
        for text in (el.text, *(child.tail for child in el)):
            if trim(text):
                self.fail(el, f"unexpected text {trim(text)[:20]!r}")

    def children(self, el: etree._Element) -> list[etree._Element]:
        self.no_text(el)
        return list(el)


def parse(data: str | bytes, source: str | None) -> Document:
    """Parse a whole law XML document (see :func:`legaldocs.parse_law_xml`)."""
    parser = xml_parser()
    if isinstance(data, str):
        # lxml refuses a str with an encoding declaration: blank the declaration out
        # (same length, so lines and columns stay where they are).
        data = _DECLARATION.sub(lambda m: " " * len(m.group()), data, count=1)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        raise ParseError(
            f"not well-formed XML: {error.msg}", line=line, column=column, source=source
        ) from None
    r = _Reader(source)
    if _tag(root) != "Law":
        r.fail(root, "expected the root element <Law>")
    return _law(r, root)


def _law(r: _Reader, law: etree._Element) -> Document:
    law_num: str | None = None
    body: etree._Element | None = None
    for child in r.children(law):
        tag = _tag(child)
        if tag == "LawNum" and law_num is None and body is None:
            law_num = r.inline(child)
        elif tag == "LawBody" and body is None:
            body = child
        else:
            r.unexpected(child, law)
    if body is None:
        r.fail(law, "expected <LawBody>")
    lang = law.get("Lang", "ja")
    title: str | None = None
    toc: Toc | None = None
    preamble: tuple[Paragraph, ...] = ()
    main: tuple[BodyElement, ...] | None = None
    supplements: list[Supplement] = []
    for child in r.children(body):
        tag = _tag(child)
        if tag == "LawTitle" and title is None:
            title = r.inline(child)
        elif tag == "TOC" and toc is None and main is None:
            toc = _toc(r, child)
        elif tag == "Preamble" and not preamble and main is None:
            preamble = _preamble(r, child)
        elif tag == "MainProvision" and main is None:
            main = _main_provision(r, child)
        elif tag == "SupplProvision" and main is not None:
            supplements.append(_supplement(r, child, len(supplements) + 1))
        elif tag in (
            "EnactStatement",
            "AppdxTable",
            "AppdxNote",
            "AppdxStyle",
            "AppdxFormat",
            "AppdxFig",
            "Appdx",
        ):
            r.unsupported(child)
        else:
            r.unexpected(child, body)
    if title is None:
        r.fail(body, "expected <LawTitle>")
    if main is None:
        r.fail(body, "expected <MainProvision>")
    return Document(
        title=title,
        law_num=law_num,
        preamble=preamble,
        toc=toc,
        body=main,
        supplements=tuple(supplements),
        lang=lang,
    )


# -- table of contents ----------------------------------------------------------------------

_TOC_GROUPS = {
    "TOCPart": "PartTitle",
    "TOCChapter": "ChapterTitle",
    "TOCSection": "SectionTitle",
    "TOCSubsection": "SubsectionTitle",
    "TOCDivision": "DivisionTitle",
}


def _toc(r: _Reader, el: etree._Element) -> Toc:
    label: str | None = None
    entries: list[TocEntry] = []
    for child in r.children(el):
        tag = _tag(child)
        if tag == "TOCLabel" and label is None and not entries:
            label = r.inline(child)
        else:
            entries.append(_toc_entry(r, child, el))
    return Toc(title=label if label is not None else "", entries=tuple(entries))


def _toc_entry(r: _Reader, el: etree._Element, parent: etree._Element) -> TocEntry:
    tag = _tag(el)
    if tag in _TOC_GROUPS:
        title = ""
        article_range: str | None = None
        children: list[TocEntry] = []
        for child in r.children(el):
            ctag = _tag(child)
            if ctag == _TOC_GROUPS[tag]:
                title = r.inline(child)
            elif ctag == "ArticleRange":
                article_range = r.inline(child)
            else:
                children.append(_toc_entry(r, child, el))
        text = title
        if article_range is not None:
            if not article_range.startswith(("(", "（")):
                text += MARGIN
            text += article_range
        return TocEntry(text=text, children=tuple(children))
    if tag == "TOCSupplProvision":
        text = ""
        children = []
        for child in r.children(el):
            ctag = _tag(child)
            if ctag in ("SupplProvisionLabel", "ArticleRange"):
                text += r.inline(child)
            else:
                children.append(_toc_entry(r, child, el))
        return TocEntry(text=text, children=tuple(children))
    if tag in ("TOCPreambleLabel", "TOCAppdxTableLabel"):
        return TocEntry(text=r.inline(el))
    if tag == "TOCArticle":
        title = caption = ""
        for child in r.children(el):
            ctag = _tag(child)
            if ctag == "ArticleTitle":
                title = r.inline(child)
            elif ctag == "ArticleCaption":
                caption = r.inline(child)
            else:
                r.unexpected(child, el)
        return TocEntry(text=title + MARGIN + caption)
    return r.unexpected(el, parent)


# -- preamble, main provision, divisions ----------------------------------------------------


def _preamble(r: _Reader, el: etree._Element) -> tuple[Paragraph, ...]:
    out: list[Paragraph] = []
    for child in r.children(el):
        if _tag(child) != "Paragraph":
            r.unexpected(child, el)
        num, caption, text, kids = _paragraph_parts(r, child)
        if num or caption is not None or kids:
            r.unsupported(child)
        index = len(out) + 1
        out.append(Paragraph(key=f"pre{index}", num=Num.of(index), text=text, anonymous=True))
    return tuple(out)


def _main_provision(r: _Reader, el: etree._Element) -> tuple[BodyElement, ...]:
    return _body(r, el, "", in_supplement=False)


def _body(
    r: _Reader, el: etree._Element, prefix: str, *, in_supplement: bool
) -> tuple[BodyElement, ...]:
    """The children of a MainProvision or SupplProvision (labels already removed)."""
    kids = [c for c in r.children(el) if _tag(c) != "SupplProvisionLabel"]
    paragraphs = [c for c in kids if _tag(c) == "Paragraph"]
    single = len(paragraphs) == 1 and _single_anonymous(r, paragraphs[0])
    out: list[BodyElement] = []
    count = 0
    for child in kids:
        tag = _tag(child)
        if tag in DIVISION_TAGS and not in_supplement:
            out.append(_division(r, child, prefix))
        elif tag == "Article":
            out.append(_article(r, child))
        elif tag == "Paragraph":
            count += 1
            out.append(_loose_paragraph(r, child, count, plain=single))
        elif tag in ("SupplProvisionAppdxTable", "SupplProvisionAppdxStyle", "SupplProvisionAppdx"):
            r.unsupported(child)
        else:
            r.unexpected(child, el)
    return tuple(out)


def _single_anonymous(r: _Reader, el: etree._Element) -> bool:
    """The converter's test for a lone paragraph written as bare text."""
    num = el.find("ParagraphNum")
    if num is not None and r.inline(num):
        return False
    sentence = el.find("ParagraphSentence")
    return sentence is not None and bool(r.sentences(sentence))


def _division(r: _Reader, el: etree._Element, prefix: str) -> Division:
    tag = _tag(el)
    title_tag = tag + "Title"
    kind = DIVISION_TAGS[tag]
    heading: str | None = None
    children: list[Division | Article] = []
    key = ""
    for child in r.children(el):
        ctag = _tag(child)
        if ctag == title_tag and heading is None:
            heading = r.inline(child)
            m = _DIVISION_TITLE.match(heading)
            if m is None or m.group(2) != kind:
                r.fail(child, f"expected a {kind} heading 第…{kind}　title, not {heading!r}")
            num = _num(r, child, m.group(1) + m.group(3))
            key = prefix + DIVISION_PREFIX[kind] + "_".join(str(p) for p in num.parts)
            title = m.group(4)
        elif heading is None:
            r.fail(child, f"expected <{title_tag}> first")
        elif ctag in DIVISION_TAGS:
            children.append(_division(r, child, key + "."))
        elif ctag == "Article":
            children.append(_article(r, child))
        else:
            r.unexpected(child, el)
    if heading is None:
        r.fail(el, f"expected <{title_tag}>")
    return Division(key=key, kind=kind, num=num, title=title, children=tuple(children))


def _num(r: _Reader, el: etree._Element, text: str) -> Num:
    try:
        num = Num.parse(text)
    except ValueError:
        r.fail(el, f"not a number: {text!r}")
    if num.kanji() != text and num.fullwidth() != text:
        r.fail(el, f"number written {text!r}: not the standard form")
    return num


# -- articles and paragraphs ----------------------------------------------------------------


def _article(r: _Reader, el: etree._Element) -> Article:
    title: str | None = None
    caption: str | None = None
    paragraphs: list[etree._Element] = []
    for child in r.children(el):
        tag = _tag(child)
        if tag == "ArticleCaption" and caption is None and not paragraphs:
            caption = r.inline(child)
        elif tag == "ArticleTitle" and title is None and not paragraphs:
            title = r.inline(child)
        elif tag == "Paragraph":
            paragraphs.append(child)
        elif tag == "SupplNote":
            r.unsupported(child)
        else:
            r.unexpected(child, el)
    if title is None:
        r.fail(el, "expected <ArticleTitle>")
    m = _ARTICLE_TITLE.match(title)
    if m is None:
        r.fail(el, f"article title {title!r} is not 第…条")
    num = _num(r, el, m.group(1) + m.group(2))
    key = "a" + "_".join(str(p) for p in num.parts)
    until = _num(r, el, m.group(3) + m.group(4)) if m.group(3) else None
    if not paragraphs:
        r.fail(el, "expected <Paragraph>")
    parts = [_paragraph_parts(r, p) for p in paragraphs]
    first_num, first_caption, first_text, first_kids = parts[0]
    if first_num:
        r.unsupported(paragraphs[0])
    if len(parts) == 1 and first_text == "削除" and not first_kids and first_caption is None:
        return Article(key=key, num=num, caption=caption, deleted=True, until=until)
    if until is not None:
        r.fail(el, "an article range must be 削除")
    out: list[Paragraph] = []
    for index, (child, (written, pcaption, text, kids)) in enumerate(
        zip(paragraphs, parts, strict=True)
    ):
        if pcaption is not None:
            r.unsupported(child)
        if index == 0:
            pnum = Num.of(1)
        else:
            if not written or not _FULLWIDTH_NUM.match(written):
                r.unsupported(child)
            pnum = _num(r, child, written)
        out.append(
            Paragraph(
                key="p" + "_".join(str(p) for p in pnum.parts),
                num=pnum,
                text=text,
                children=kids,
            )
        )
    return Article(key=key, num=num, caption=caption, paragraphs=tuple(out))


def _paragraph_parts(
    r: _Reader, el: etree._Element
) -> tuple[str, str | None, str, tuple[ItemChild, ...]]:
    """A paragraph's number as written, caption, text and children."""
    if el.get("OldNum", "false") != "false" or el.get("OldStyle", "false") != "false":
        r.unsupported(el)
    num = ""
    caption: str | None = None
    text = ""
    kids: list[etree._Element] = []
    for child in r.children(el):
        tag = _tag(child)
        if tag == "ParagraphCaption" and caption is None:
            caption = r.inline(child)
        elif tag == "ParagraphNum":
            num = r.inline(child)
        elif tag == "ParagraphSentence":
            text = r.sentences(child)
        else:
            kids.append(child)
    return num, caption, text, _item_children(r, kids, 1, el)


def _loose_paragraph(r: _Reader, el: etree._Element, position: int, *, plain: bool) -> Paragraph:
    written, caption, text, kids = _paragraph_parts(r, el)
    if plain:
        return Paragraph(
            key=f"p{position}",
            num=Num.of(position),
            text=text,
            children=kids,
            anonymous=True,
            caption=caption,
            plain=True,
        )
    if not written:
        return Paragraph(
            key=f"p{position}",
            num=Num.of(position),
            text=text,
            children=kids,
            anonymous=True,
            caption=caption,
        )
    if not _FULLWIDTH_NUM.match(written):
        r.unsupported(el)
    num = _num(r, el, written)
    return Paragraph(
        key="p" + "_".join(str(p) for p in num.parts),
        num=num,
        text=text,
        children=kids,
        caption=caption,
    )


# -- items and tables ------------------------------------------------------------------------


def _item_children(
    r: _Reader, kids: list[etree._Element], depth: int, parent: etree._Element
) -> tuple[ItemChild, ...]:
    out: list[ItemChild] = []
    items = 0
    tables = 0
    expected = _SUBITEM_TAGS[depth - 1] if depth <= len(_SUBITEM_TAGS) else None
    for child in kids:
        tag = _tag(child)
        if tag == expected:
            items += 1
            out.append(_item(r, child, depth, items))
        elif tag == "TableStruct":
            tables += 1
            out.append(_table_struct(r, child, f"t{tables}"))
        elif tag in ("List", "FigStruct", "StyleStruct", "AmendProvision", "Class"):
            r.unsupported(child)
        else:
            r.unexpected(child, parent)
    return tuple(out)


def _item(r: _Reader, el: etree._Element, depth: int, position: int) -> Item:
    tag = _tag(el)
    label = ""
    text = ""
    kids: list[etree._Element] = []
    for child in r.children(el):
        ctag = _tag(child)
        if ctag == tag + "Title":
            label = r.inline(child)
        elif ctag == tag + "Sentence":
            text = r.sentences(child)
        else:
            kids.append(child)
    if not label or not re.fullmatch(r"[^ 　]+", label):
        r.unsupported(el)
    num, written = item_num(label, depth, position)
    children = _item_children(r, kids, depth + 1, el)
    return Item(key=f"i{position}", num=num, text=text, children=children, label=written)


def item_num(label: str, depth: int, position: int) -> tuple[Num, str | None]:
    """The number of an item and its label when the label is not the standard one (as
    the Lawtext reader reads it)."""
    try:
        num, _ = parse_item_label(label)
    except ValueError:
        m = _LABEL_START.match(label)
        num = Num.of(position)
        if m:
            with contextlib.suppress(ValueError):
                num, _ = parse_item_label(m.group(1))
        return num, label
    return num, (None if item_label(num, depth, "kanji") == label else label)


_TABLE_DEFAULTS = {
    "BorderTop": "solid",
    "BorderBottom": "solid",
    "BorderLeft": "solid",
    "BorderRight": "solid",
}


def _table_struct(r: _Reader, el: etree._Element, key: str) -> Table:
    kids = r.children(el)
    if len(kids) != 1 or _tag(kids[0]) != "Table":
        r.unsupported(el)
    table = kids[0]
    if table.get("WritingMode", "vertical") != "vertical":
        r.unsupported(table)
    rows: list[Row] = []
    for row in r.children(table):
        if _tag(row) != "TableRow":
            r.unexpected(row, table)
        cells: list[Cell] = []
        for cell in r.children(row):
            if _tag(cell) != "TableColumn":
                r.unexpected(cell, row)
            attrs = tuple(
                (str(name), str(value))
                for name, value in cell.attrib.items()
                if _TABLE_DEFAULTS.get(str(name)) != value
            )
            lines = []
            for part in r.children(cell):
                if _tag(part) != "Sentence":
                    r.unsupported(part)
                r.check_sentence(part)
                lines.append(r.inline(part))
            cells.append(Cell(text="\n".join(lines), attrs=attrs))
        rows.append(Row(key=f"r{len(rows) + 1}", cells=tuple(cells)))
    return Table(key=key, rows=tuple(rows))


# -- supplementary provisions ----------------------------------------------------------------


def _supplement(r: _Reader, el: etree._Element, index: int) -> Supplement:
    label_el = el.find("SupplProvisionLabel")
    if label_el is None:
        r.fail(el, "expected <SupplProvisionLabel>")
    title = r.inline(label_el)
    if not _SUPPLEMENT_LABEL.match(title):
        r.unsupported(label_el)
    law_ref = el.get("AmendLawNum")
    return Supplement(
        key=f"s{index}",
        title=title,
        law_ref=law_ref,
        ref_spacing=MARGIN if law_ref is not None else "",
        excerpt=el.get("Extract") == "true",
        body=_body(r, el, "", in_supplement=True),
    )
