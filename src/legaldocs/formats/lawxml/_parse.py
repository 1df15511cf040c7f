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
from typing import NoReturn, TypeVar

import attrs
from lxml import etree

from legaldocs.errors import ParseError
from legaldocs.formats._encoding import check_text
from legaldocs.model._appendix import (
    AmendProvision,
    AnyAppendix,
    Appdx,
    AppdxFig,
    AppdxFormat,
    AppdxNote,
    AppdxStyle,
    AppdxTable,
    ArithFormula,
    Block,
    EnactStatement,
    Fig,
    FigStruct,
    FormatStruct,
    ListBlock,
    NoteLike,
    NoteStruct,
    Remarks,
    Sentence,
    StyleStruct,
    SupplProvisionAppdx,
    SupplProvisionAppdxStyle,
    SupplProvisionAppdxTable,
)
from legaldocs.model._keys import number_key, repeated_key
from legaldocs.model._numbers import Num, item_label, parse_item_label
from legaldocs.model._numerals import KANJI_NUMERALS, read_int
from legaldocs.model._records import (
    Article,
    BodyElement,
    Cell,
    Division,
    DivisionKind,
    Document,
    Item,
    ItemChild,
    NewProvisionChild,
    Paragraph,
    Row,
    Supplement,
    Table,
    Toc,
    TocEntry,
    split_related,
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
    )


_WS = " \r\n\t"
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
_K = f"[{KANJI_NUMERALS}]+"
_DIVISION_TITLE = re.compile(rf"^(第{_K}([編章節款目])(?:[のノ]{_K})*)(?:　(.*))?$")
_DIVISION_RANGE = re.compile(
    rf"^(第{_K}([編章節款目])(?:[のノ]{_K})*(?:及び|から)(第{_K}\2(?:[のノ]{_K})*)(?:まで)?)"
    r"(?:　(.*))?$"
)
_LABEL_START = re.compile(r"^(.+?)(?:から|及び|・|、)")
MARGIN = "　"


def trim(text: str | None) -> str:
    """A text node as the reference converter keeps it: ASCII white space trimmed."""
    return text.strip(_WS) if text else ""


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
        """The text of a ``*Sentence`` element (or of any element holding ``Sentence`` or
        ``Column`` children) as Lawtext writes it: sentences joined, columns separated by a
        full-width space, non-default attributes in brackets before their text."""
        self.no_text(el)
        parts = []
        for index, child in enumerate(el):
            tag = _tag(child)
            if tag == "Sentence":
                parts.append(_sentence_text(self, child))
            elif tag == "Column":
                self.no_text(child)
                if index:
                    parts.append(MARGIN)
                line_break = child.get("LineBreak", "false")
                if line_break != "false":
                    parts.append(f'[LineBreak="{line_break}"]')
                for sentence in child:
                    if _tag(sentence) != "Sentence":
                        self.unexpected(sentence, child)
                    parts.append(self.inline(sentence))
            else:
                self.unexpected(child, el)
        return "".join(parts)

    def no_text(self, el: etree._Element) -> None:
        text = el.text
        if text and text.strip(_WS):
            self.fail(el, f"unexpected text {trim(text)[:20]!r}")
        for child in el:
            text = child.tail
            if text and text.strip(_WS):
                self.fail(el, f"unexpected text {trim(text)[:20]!r}")

    def children(self, el: etree._Element) -> list[etree._Element]:
        self.no_text(el)
        return list(el)


def parse(data: str | bytes, source: str | None) -> Document:
    """Parse a whole law XML document (see :func:`legaldocs.parse_law_xml`)."""
    parser = xml_parser()
    if isinstance(data, str):
        check_text(data, source)
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


# -- the law ---------------------------------------------------------------------------------

_ERAS = {"明治": "Meiji", "大正": "Taisho", "昭和": "Showa", "平成": "Heisei", "令和": "Reiwa"}
_LAW_NUM = re.compile(
    r"^(?P<era>明治|大正|昭和|平成|令和)(?P<year>[一二三四五六七八九十]+|元)年(?:"
    r"(?:(?P<type1>[^ 　\t\r\n<>()（）\[\]［］{}｛｝「」]+?)"
    rf"第(?P<num1>[{KANJI_NUMERALS}]+)号)"
    r"|(?:(?P<type2>人事院規則)(?P<num2>[―〇一二三四五六七八九]+))"
    r"|(?:[一二三四五六七八九十]+月[一二三四五六七八九十]+日(?P<type3>内閣総理大臣決定))"
    r"|(?:(?P<type4>憲法|勅令|内務省・鉄道省令|逓信省・鉄道省令|逓信省・農林省令"
    r"|農林省・大蔵省・内務省令第(?P<num3>〇)号)))$"
)
_LAW_TYPES = (
    (re.compile(r"^(?:憲法)$"), "Constitution"),
    (re.compile(r"^(?:法律)$"), "Act"),
    (re.compile(r"^(?:政令|太政官布告|太政官達|太政官布達)$"), "CabinetOrder"),
    (re.compile(r"^(?:勅令)$"), "ImperialOrder"),
    (re.compile(r"^(?:海上保安庁令)$"), "Rule"),
    (re.compile(r"^(?:\S+令)$"), "MinisterialOrdinance"),
    (
        re.compile(
            r"^\S*(?:中央労働委員会規則|公正取引委員会規則|電波監理委員会規則|公安審査委員会規則"
            r"|国家公安委員会規則|国家公安委員会規程|公害等調整委員会規則|運輸安全委員会規則"
            r"|原子力規制委員会規則|特定個人情報保護委員会規則|個人情報保護委員会規則"
            r"|カジノ管理委員会規則)$"
        ),
        "MinisterialOrdinance",
    ),
    (re.compile(r"^(?:\S+規則)$"), "Rule"),
    (re.compile(r"^(?:内閣総理大臣決定)$"), "Rule"),
)


def law_num_parts(law_num: str) -> tuple[str | None, str | None, str | None]:
    """The era, year (kanji, or 元) and law type a law number implies, as the reference
    converter reads it (``None`` for what it does not say)."""
    m = _LAW_NUM.match(law_num)
    if m is None:
        return None, None, None
    kind = "".join(m.group(g) or "" for g in ("type1", "type2", "type3", "type4"))
    law_type = next((name for pattern, name in _LAW_TYPES if pattern.match(kind)), None)
    return _ERAS.get(m.group("era")), m.group("year"), law_type


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
    law_attrs: tuple[tuple[str, str], ...] = ()
    law_type = law.get("LawType")
    if law_type and law_type != law_num_parts(law_num or "")[2]:
        law_attrs = (("LawType", law_type),)
    lang = law.get("Lang", "ja")
    title: str | None = None
    toc: Toc | None = None
    enact: list[EnactStatement] = []
    preamble: tuple[Paragraph, ...] = ()
    main: tuple[BodyElement, ...] | None = None
    supplements: list[Supplement] = []
    appendices: list[AnyAppendix] = []
    places: list[int] = []
    for child in r.children(body):
        tag = _tag(child)
        if tag == "LawTitle" and title is None:
            title = r.inline(child)
        elif tag == "EnactStatement" and main is None:
            enact.append(EnactStatement(key=f"e{len(enact) + 1}", text=r.inline(child)))
        elif tag == "TOC" and toc is None and main is None:
            toc = _toc(r, child)
        elif tag == "Preamble" and not preamble and main is None:
            preamble = _preamble(r, child)
        elif tag == "MainProvision" and main is None:
            main = _body(r, child, in_supplement=False)
        elif tag == "SupplProvision" and main is not None:
            supplements.append(_supplement(r, child, len(supplements) + 1))
        elif tag in APPENDIX_TAGS and main is not None:
            appendices.append(_appendix(r, child, f"appdx{len(appendices) + 1}"))
            places.append(len(supplements))
        else:
            r.unexpected(child, body)
    if title is None:
        r.fail(body, "expected <LawTitle>")
    if main is None:
        r.fail(body, "expected <MainProvision>")
    return Document(
        title=title,
        law_num=law_num,
        law_attrs=law_attrs,
        enact_statements=tuple(enact),
        preamble=preamble,
        toc=toc,
        body=main,
        supplements=tuple(supplements),
        appendices=tuple(appendices),
        appendix_places=(() if all(n == len(supplements) for n in places) else tuple(places)),
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


# -- preamble, bodies, divisions ------------------------------------------------------------


def _preamble(r: _Reader, el: etree._Element) -> tuple[Paragraph, ...]:
    out: list[Paragraph] = []
    for child in r.children(el):
        if _tag(child) != "Paragraph":
            r.unexpected(child, el)
        index = len(out) + 1
        paragraph = _paragraph(r, child, f"pre{index}", index, anonymous=True)
        out.append(attrs.evolve(paragraph, label=paragraph.label or None))
    return tuple(out)


def _body(r: _Reader, el: etree._Element, *, in_supplement: bool) -> tuple[BodyElement, ...]:
    """The children of a MainProvision or a SupplProvision (labels and appendices aside)."""
    kids = [
        _untitled_article(r, c)
        for c in r.children(el)
        if _tag(c) != "SupplProvisionLabel" and _tag(c) not in SUPPL_APPENDIX_TAGS
    ]
    paragraphs = [c for c in kids if _tag(c) == "Paragraph"]
    single = len(paragraphs) == 1 and _single_anonymous(r, paragraphs[0])
    out: list[BodyElement] = []
    used: set[str] = set()
    seen: dict[str, int] = {}  # article keys of the body, repeated_key
    count = 0
    for child in kids:
        tag = _tag(child)
        if tag in DIVISION_TAGS:
            if _hidden_and_empty(child):
                continue
            out.append(_division(r, child, "", seen))
        elif tag == "Article":
            out.append(_counted(_article(r, child), seen))
        elif tag == "Paragraph":
            count += 1
            paragraph = _loose_paragraph(r, child, count, plain=single)
            if paragraph.key in used:
                # an unnumbered paragraph took the key of a numbered one: keys stay unique
                paragraph = attrs.evolve(paragraph, key=f"{paragraph.key}x{count}")
            out.append(paragraph)
        else:
            r.unexpected(child, el)
        used.add(out[-1].key)
    return tuple(out)


def _untitled_article(r: _Reader, el: etree._Element) -> etree._Element:
    """An article with neither a title nor a caption, nor a title at the head of its text,
    and one paragraph: the converter writes the paragraph's text alone, which reads back
    as a paragraph, so its paragraph stands for it."""
    if el.tag != "Article" or len(el) != 2:
        return el
    title, paragraph = el
    if title.tag != "ArticleTitle" or paragraph.tag != "Paragraph" or r.inline(title):
        return el
    sentence = paragraph.find("ParagraphSentence/Sentence")
    if sentence is not None and _TITLE_IN_TEXT.match(sentence.text or ""):
        return el
    return paragraph


def _single_anonymous(r: _Reader, el: etree._Element) -> bool:
    """The converter's test for a lone paragraph written as bare text."""
    num = el.find("ParagraphNum")
    if num is not None and r.inline(num):
        return False
    sentence = el.find("ParagraphSentence")
    return sentence is not None and bool(r.sentences(sentence))


def _hidden_and_empty(el: etree._Element) -> bool:
    """A division marked ``Hide="true"`` with nothing in it: the converter writes nothing
    for it (e-Gov uses it for a division whose provisions are not in force yet)."""
    return el.get("Hide") == "true" and len(el) == 0 and not trim(el.text)


def _counted(article: Article, seen: dict[str, int]) -> Article:
    """``article`` keyed ``a53x2`` when its body already has an article numbered so."""
    key = repeated_key(article.key, seen)
    return article if key == article.key else attrs.evolve(article, key=key)


def _division(
    r: _Reader, el: etree._Element, prefix: str, seen: dict[str, int] | None = None
) -> Division:
    tag = _tag(el)
    title_tag = tag + "Title"
    kind = DIVISION_TAGS[tag]
    heading: str | None = None
    children: list[Division | Article] = []
    key = ""
    num = Num.of(1)
    title = ""
    label: str | None = None
    until: Num | None = None
    for child in r.children(el):
        ctag = _tag(child)
        if ctag == title_tag and heading is None:
            heading = r.inline(child)
            m = _DIVISION_TITLE.match(heading) or _DIVISION_RANGE.match(heading)
            if m is None:
                r.fail(child, f"expected a {kind} heading 第…{kind}　title, not {heading!r}")
            # The kind is the element's; a heading that names another kind (a Chapter
            # titled 第一節, in two versions of 308IO0000000307) is its label as written,
            # as the converter writes it: at the element's indentation.
            written = m.group(1)
            found = _loose_num(written, kind)
            if found is None:
                r.fail(child, f"no number in the heading {heading!r}")
            num = found
            if m.re is _DIVISION_RANGE:
                # 第四章及び第五章　削除: a range, kept as written
                until = _loose_num(m.group(3), kind)
            standard = "第" + Num.of(num.main).kanji() + kind
            standard += "".join("の" + Num.of(b).kanji() for b in num.branches)
            label = None if written == standard and until is None else written
            key = prefix + DIVISION_PREFIX[kind] + "_".join(str(p) for p in num.parts)
            title = m.group(4 if m.re is _DIVISION_RANGE else 3) or ""
        elif heading is None:
            r.fail(child, f"expected <{title_tag}> first")
        elif ctag in DIVISION_TAGS:
            if not _hidden_and_empty(child):
                children.append(_division(r, child, key + ".", seen))
        elif ctag == "Article":
            article = _article(r, child)
            children.append(article if seen is None else _counted(article, seen))
        else:
            r.unexpected(child, el)
    if heading is None:
        r.fail(el, f"expected <{title_tag}>")
    return Division(
        key=key,
        kind=kind,
        num=num,
        title=title,
        children=tuple(children),
        label=label,
        until=until,
    )


_LOOSE_NUM = re.compile(rf"第({_K})[編章節款目条]((?:[のノ]{_K})*)")


def _loose_num(written: str, kind: str) -> Num | None:
    """The number of a heading or title written ``第…章``, ``第一条ノ二``, ``第十ニ条``."""
    m = _LOOSE_NUM.match(written.replace("ニ", "二"))
    if m is None:
        return None
    try:
        return Num.parse(m.group(1) + m.group(2).replace("ノ", "の"))
    except ValueError:
        return None


def _num(r: _Reader, el: etree._Element, text: str) -> Num:
    try:
        num = Num.parse(text)
    except ValueError:
        r.fail(el, f"not a number: {text!r}")
    return num


# -- articles and paragraphs ----------------------------------------------------------------

_ARTICLE_PARTS = re.compile(
    rf"([{KANJI_NUMERALS}0-9０-９]+)[条條]((?:[のノ][{KANJI_NUMERALS}0-9０-９]+)*)"
)


def article_title(num: Num, until: Num | None) -> str:
    """The standard title of an article: 第三条の二, 第五条から第七条まで."""

    def one(n: Num) -> str:
        return (
            "第"
            + Num.of(n.main).kanji()
            + "条"
            + "".join("の" + Num.of(b).kanji() for b in n.branches)
        )

    return one(num) + ("" if until is None else "から" + one(until) + "まで")


_TITLE_IN_TEXT = re.compile(rf"^(第{_K}条(?:[のノ]{_K})*)　")


def _title_from_text(r: _Reader, paragraph: etree._Element) -> str:
    """Move an article title written at the head of the first sentence to the title."""
    sentence = paragraph.find("ParagraphSentence/Sentence")
    text = sentence.text if sentence is not None else None
    m = _TITLE_IN_TEXT.match(text or "")
    if sentence is None or m is None:
        r.fail(paragraph, "an article with an empty title")
    sentence.text = (text or "")[m.end() :]
    return m.group(1)


_BARE_ARTICLE = re.compile(rf"^第{_K}(?:[のノ]{_K})*$")


def _article_nums(r: _Reader, el: etree._Element, title: str) -> tuple[Num, Num | None]:
    """The number of an article and the end of its range, read from its title as the
    Lawtext reader reads it: the first number and the last (第十九条及第二十条, 第九十五条乃至
    第百十七条, 第一条ノ二, 第十ニ条). Only what comes before a full-width space counts: a
    title that runs on into text (``第七十八条の二　法第三十条の四第一項…``) is numbered by
    its head. A title without 条 (``第四十一``, as one e-Gov file has it) is read for its
    number alone."""
    nums = []
    head = title.split(MARGIN, 1)[0].replace("ニ", "二")
    if _BARE_ARTICLE.match(head):
        main, *branches = re.split("[のノ]", head[1:])
        head = "第" + main + "条" + "".join("の" + b for b in branches)
    for m in _ARTICLE_PARTS.finditer(head):
        pieces = [m.group(1), *re.split("[のノ]", m.group(2))[1:]]
        try:
            nums.append(Num(tuple(read_int(piece) for piece in pieces)))
        except ValueError:
            r.fail(el, f"article title {title!r}: {m.group(0)!r} is not a number")
    if not nums:
        r.fail(el, f"article title {title!r} is not 第…条")
    return nums[0], (nums[-1] if len(nums) > 1 else None)


def _article(r: _Reader, el: etree._Element) -> Article:
    title: str | None = None
    caption: str | None = None
    paragraphs: list[etree._Element] = []
    suppl_note: str | None = None
    for child in r.children(el):
        tag = _tag(child)
        if tag == "ArticleCaption" and caption is None and not paragraphs:
            caption = r.inline(child) or None  # an empty caption is written as none
        elif tag == "ArticleTitle" and title is None and not paragraphs:
            title = r.inline(child)
        elif tag == "Paragraph" and suppl_note is None:
            paragraphs.append(child)
        elif tag == "SupplNote" and suppl_note is None:
            suppl_note = r.inline(child)
        else:
            r.unexpected(child, el)
    if title is None:
        r.fail(el, "expected <ArticleTitle>")
    if not title and paragraphs:
        # The title left empty and written at the head of the text: the converter writes
        # the text alone, which reads back as the article it names.
        title = _title_from_text(r, paragraphs[0])
    num, until = _article_nums(r, el, title)
    label = None if article_title(num, until) == title else title
    key = "a" + "_".join(str(p) for p in num.parts)
    first_num = paragraphs[0].find("ParagraphNum") if paragraphs else None
    if (
        len(paragraphs) == 1
        and (first_num is None or not r.inline(first_num))
        and suppl_note is None
    ):
        only = _paragraph(r, paragraphs[0], "p1", 1, anonymous=False)
        if only.text == "削除" and not only.children and only.caption is None:
            return Article(
                key=key, num=num, caption=caption, deleted=True, until=until, label=label
            )
    out: list[Paragraph] = []
    keys: set[str] = set()
    for index, child in enumerate(paragraphs):
        paragraph = _article_paragraph(r, child, index)
        if paragraph.key in keys:
            # two paragraphs written with one number: keys stay unique
            paragraph = attrs.evolve(paragraph, key=f"{paragraph.key}x{index + 1}")
        keys.add(paragraph.key)
        out.append(paragraph)
    if out and out[0].caption is not None and caption is None:
        # the converter writes a caption of the first paragraph where the article's goes,
        # and it reads back as the article's
        caption = out[0].caption
        out[0] = attrs.evolve(out[0], caption=None)
    return Article(
        key=key,
        num=num,
        caption=caption,
        paragraphs=tuple(out),
        until=until,
        label=label,
        suppl_note=suppl_note,
    )


_CIRCLED = "⓪①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"


def paragraph_num(written: str, position: int) -> Num:
    """The number of a paragraph written ``written`` (``２``, ``10``, ``○２``, ``②``), its
    position when the number cannot be read (as the Lawtext reader reads it)."""
    text = written.lstrip("○")
    if text and text[0] in _CIRCLED:
        return Num.of(_CIRCLED.index(text[0]))
    try:
        return Num.of(read_int(text.replace("ニ", "二")))
    except ValueError:
        return Num.of(position)


def _article_paragraph(r: _Reader, el: etree._Element, index: int) -> Paragraph:
    position = index + 1
    paragraph = _paragraph(r, el, f"p{position}", position, anonymous=False)
    written = paragraph.label or ""
    if not written:
        # the first paragraph is unnumbered; a later one without a number is MissingNum
        return attrs.evolve(paragraph, label=None if index == 0 else "")
    if index == 0 and paragraph.spaced:
        # the article's title goes first: the converter writes its margin in any case
        paragraph = attrs.evolve(paragraph, spaced=False)
    num = paragraph_num(written, position)
    label = None if (index and written == num.fullwidth()) else written
    return attrs.evolve(paragraph, key=number_key("p", num), num=num, label=label)


def _loose_paragraph(r: _Reader, el: etree._Element, position: int, *, plain: bool) -> Paragraph:
    paragraph = _paragraph(r, el, f"p{position}", position, anonymous=True)
    written = paragraph.label or ""
    if plain and not paragraph.caption:
        # the converter writes a lone unnumbered paragraph without a caption as bare text
        return attrs.evolve(paragraph, plain=True, label=None)
    if not written:
        return attrs.evolve(paragraph, label=None)
    num = paragraph_num(written, position)
    return attrs.evolve(
        paragraph,
        key="p" + "_".join(str(p) for p in num.parts),
        num=num,
        anonymous=False,
        label=None if written == num.fullwidth() else written,
    )


def _paragraph(
    r: _Reader, el: etree._Element, key: str, position: int, *, anonymous: bool
) -> Paragraph:
    """A paragraph with its number as written in ``label`` (callers settle it)."""
    for name, value in el.attrib.items():
        if name in ("OldNum", "OldStyle") and value != "false":
            r.unsupported(el)
    written = ""
    caption: str | None = None
    text = ""
    sentences = 0
    kids: list[etree._Element] = []
    for child in r.children(el):
        tag = _tag(child)
        if tag in ("ParagraphCaption", "ArticleCaption") and caption is None:
            # (an ArticleCaption misplaced in a paragraph is written as its caption)
            caption = r.inline(child) or None  # an empty caption is written as none
        elif tag == "ParagraphNum":
            written = r.inline(child)
        elif tag == "ParagraphSentence":
            text = r.sentences(child)
            sentences = len(child)
        else:
            kids.append(child)
    return Paragraph(
        key=key,
        num=Num.of(position),
        text=text,
        children=_item_children(r, kids, 1, el),
        anonymous=anonymous,
        caption=caption,
        label=written,
        # an empty <Sentence/> after a number: the converter writes the number and a margin
        spaced=bool(written) and sentences > 0 and not text,
    )


# -- items and the blocks below paragraphs --------------------------------------------------


class _Keys:
    """Keys by kind and position among the kind: ``p1``, ``i1``, ``t1``, ..."""

    __slots__ = ("counts",)

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def next(self, prefix: str) -> str:
        n = self.counts.get(prefix, 0) + 1
        self.counts[prefix] = n
        return f"{prefix}{n}"


def _item_children(
    r: _Reader, kids: list[etree._Element], depth: int, parent: etree._Element
) -> tuple[ItemChild, ...]:
    out: list[ItemChild] = []
    keys = _Keys()
    expected = _SUBITEM_TAGS[depth - 1] if depth <= len(_SUBITEM_TAGS) else None
    for child in kids:
        tag = _tag(child)
        if tag == expected:
            key = keys.next("i")
            out.append(_item(r, child, depth, key))
        elif tag == "TableStruct":
            out.append(_table_struct(r, child, keys.next("t")))
        elif tag == "FigStruct":
            out.append(_fig_struct(r, child, keys.next("f")))
        elif tag == "StyleStruct":
            out.append(_note_like(r, child, keys.next("n"), StyleStruct))
        elif tag == "List":
            out.append(_list(r, child, keys.next("li")))
        elif tag == "AmendProvision" and depth == 1:
            out.append(_amend_provision(r, child, keys.next("ap")))
        elif tag == "Class":
            r.unsupported(child)
        else:
            r.unexpected(child, parent)
    return tuple(out)


QUOTED_TITLE_TAGS = frozenset({"LawTitle", *(tag + "Title" for tag in DIVISION_TAGS)})
"""Titles an amending provision may quote alone (kept as XML text in a sentence)."""


def _amend_provision(r: _Reader, el: etree._Element, key: str) -> AmendProvision:
    text: str | None = None
    children: list[NewProvisionChild] = []
    keys = _Keys()
    for child in r.children(el):
        tag = _tag(child)
        if tag == "AmendProvisionSentence" and text is None and not children:
            text = r.sentences(child)
        elif tag == "NewProvision":
            # what it quotes: whole articles, divisions, appendices and amending provisions
            # besides blocks, keyed as one sequence
            for quoted in r.children(child):
                qtag = _tag(quoted)
                if qtag == "Article":
                    children.append(_article(r, quoted))
                elif qtag in DIVISION_TAGS:
                    children.append(_division(r, quoted, ""))
                elif qtag in APPENDIX_TAGS or qtag in SUPPL_APPENDIX_TAGS:
                    children.append(_appendix(r, quoted, keys.next("appdx")))
                elif qtag == "AmendProvision":
                    children.append(_amend_provision(r, quoted, keys.next("ap")))
                elif qtag in QUOTED_TITLE_TAGS:
                    # a division's or a law's title alone: the converter writes its XML
                    # on a line of its own, which is a sentence holding that XML
                    children.append(Sentence(key=keys.next("l"), text=outer_xml(quoted)))
                else:
                    children.extend(_blocks(r, [quoted], child, keys))
        else:
            r.unexpected(child, el)
    return AmendProvision(key=key, text=text, children=tuple(children))


def _item(r: _Reader, el: etree._Element, depth: int, key: str) -> Item:
    tag = _tag(el)
    label = ""
    text = ""
    sentences = 0
    kids: list[etree._Element] = []
    for child in r.children(el):
        ctag = _tag(child)
        if ctag == tag + "Title":
            label = r.inline(child)
        elif ctag == tag + "Sentence":
            text = r.sentences(child)
            sentences = len(child)
        else:
            kids.append(child)
    position = int(key[1:])
    num, written = item_num(label, depth, position)
    children = _item_children(r, kids, depth + 1, el)
    # an empty <Sentence/> after a title: the converter writes the title and a margin
    spaced = bool(label) and sentences > 0 and not text
    return Item(key=key, num=num, text=text, children=children, label=written, spaced=spaced)


def item_num(label: str, depth: int, position: int) -> tuple[Num, str | None]:
    """The number of an item and its label when the label is not the standard one (as
    the Lawtext reader reads it)."""
    if not label:
        return Num.of(position), ""
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


_CELL_DEFAULTS = {
    "BorderTop": "solid",
    "BorderBottom": "solid",
    "BorderLeft": "solid",
    "BorderRight": "solid",
}


def _table_struct(r: _Reader, el: etree._Element, key: str) -> Table:
    title: str | None = None
    rows: tuple[Row, ...] | None = None
    remarks: list[Remarks] = []
    before = 0
    keys = _Keys()
    for child in r.children(el):
        tag = _tag(child)
        if tag == "TableStructTitle" and title is None and rows is None:
            title = r.inline(child)
        elif tag == "Table" and rows is None:
            rows = _rows(r, child)  # WritingMode: the Lawtext writer keeps none
        elif tag == "Remarks":
            remarks.append(_remarks(r, child, keys.next("rm")))
            if rows is None:
                before += 1
        else:
            r.unexpected(child, el)
    if rows is None:
        r.fail(el, "expected <Table>")
    return Table(key=key, rows=rows, title=title, remarks=tuple(remarks), remarks_before=before)


def _rows(r: _Reader, table: etree._Element) -> tuple[Row, ...]:
    rows: list[Row] = []
    for row in r.children(table):
        if _tag(row) not in ("TableRow", "TableHeaderRow"):
            r.unexpected(row, table)
        cells: list[Cell] = []
        for cell in r.children(row):
            tag = _tag(cell)
            if tag == "TableColumn":
                cells.append(_cell(r, cell))
            elif tag == "TableHeaderColumn":
                cells.append(Cell(text=r.inline(cell), attrs=_cell_attrs(cell), header=True))
            else:
                r.unexpected(cell, row)
        rows.append(Row(key=f"r{len(rows) + 1}", cells=tuple(cells)))
    return tuple(rows)


def _cell_attrs(cell: etree._Element) -> tuple[tuple[str, str], ...]:
    return tuple(
        (str(name), str(value))
        for name, value in cell.attrib.items()
        if _CELL_DEFAULTS.get(str(name)) != value
    )


def _cell(r: _Reader, cell: etree._Element) -> Cell:
    kids = r.children(cell)
    cell_attrs = _cell_attrs(cell)
    if all(_tag(k) == "Column" for k in kids) or (len(kids) == 1 and _tag(kids[0]) == "Sentence"):
        return Cell(text=r.sentences(cell), attrs=cell_attrs)
    if all(_tag(k) == "Sentence" for k in kids):
        lines = [_sentence_text(r, kid) for kid in kids]
        return Cell(text="\n".join(lines), attrs=cell_attrs)
    return Cell(text="", attrs=cell_attrs, blocks=_blocks(r, kids, cell))


def _sentence_text(r: _Reader, el: etree._Element) -> str:
    """A ``Sentence`` as Lawtext writes it: a ``WritingMode`` that is not the default in
    brackets before its text."""
    mode = el.get("WritingMode", "vertical")
    text = r.inline(el)
    return text if mode == "vertical" else f'[WritingMode="{mode}"]' + text


def _fig_struct(r: _Reader, el: etree._Element, key: str) -> FigStruct:
    title: str | None = None
    fig: Fig | None = None
    remarks: list[Remarks] = []
    before = 0
    keys = _Keys()
    for child in r.children(el):
        tag = _tag(child)
        if tag == "FigStructTitle" and title is None and fig is None:
            title = r.inline(child)
        elif tag == "Fig" and fig is None:
            fig = _fig(r, child, "g1")
        elif tag == "Remarks":
            remarks.append(_remarks(r, child, keys.next("rm")))
            before += fig is None
        else:
            r.unexpected(child, el)
    before = before if fig is not None else 0
    return FigStruct(key=key, title=title, fig=fig, remarks=tuple(remarks), remarks_before=before)


def _fig(r: _Reader, el: etree._Element, key: str) -> Fig:
    r.no_text(el)
    if len(el) or set(el.attrib) != {"src"}:
        r.unsupported(el)
    return Fig(key=key, src=str(el.get("src")))


_NOTE_PARTS: dict[type[NoteLike], tuple[str, str, str]] = {
    NoteStruct: ("NoteStruct", "NoteStructTitle", "Note"),
    StyleStruct: ("StyleStruct", "StyleStructTitle", "Style"),
    FormatStruct: ("FormatStruct", "FormatStructTitle", "Format"),
}


_N = TypeVar("_N", NoteStruct, StyleStruct, FormatStruct)


def _note_like(r: _Reader, el: etree._Element, key: str, cls: type[_N]) -> _N:
    _, title_tag, content_tag = _NOTE_PARTS[cls]
    title: str | None = None
    content: tuple[Block, ...] | None = None
    remarks: list[Remarks] = []
    before = 0
    keys = _Keys()
    for child in r.children(el):
        tag = _tag(child)
        if tag == title_tag and title is None and content is None:
            title = r.inline(child)
        elif tag == content_tag and content is None:
            content = _note_content(r, child)
        elif tag == "Remarks":
            remarks.append(_remarks(r, child, keys.next("rm")))
            before += content is None
        else:
            r.unexpected(child, el)
    before = before if content is not None else 0
    return cls(
        key=key,
        title=title,
        content=content or (),
        remarks=tuple(remarks),
        remarks_before=before,
    )


def _note_content(r: _Reader, el: etree._Element) -> tuple[Block, ...]:
    kids = r.children(el)
    if all(_tag(k) == "Column" for k in kids) or all(_tag(k) == "Sentence" for k in kids):
        # one line of text (an empty one when there is nothing at all), as the converter
        # writes it
        return (Sentence(key="l1", text=r.sentences(el)),)
    return _blocks(r, kids, el)


def _sentence_block(r: _Reader, el: etree._Element, key: str) -> Sentence:
    """A ``Sentence`` or ``Column`` standing as a block: attributes that are not the
    default go to ``attrs``."""
    defaults = {"WritingMode": "vertical", "LineBreak": "false", "Num": None, "Function": None}
    found = []
    for name, value in el.attrib.items():
        if str(name) not in defaults:
            r.unsupported(el)
        if defaults[str(name)] not in (None, value):
            found.append((str(name), str(value)))
    if _tag(el) == "Column":
        r.no_text(el)
        text = "".join(r.inline(kid) for kid in el if _tag(kid) == "Sentence")
        if any(_tag(kid) != "Sentence" for kid in el):
            r.unexpected(next(kid for kid in el if _tag(kid) != "Sentence"), el)
        return Sentence(key=key, text=text, attrs=tuple(found))
    return Sentence(key=key, text=r.inline(el), attrs=tuple(found))


def _remarks(r: _Reader, el: etree._Element, key: str) -> Remarks:
    label: str | None = None
    line_break = False
    children: list[Item | Sentence] = []
    keys = _Keys()
    for child in r.children(el):
        tag = _tag(child)
        if tag == "RemarksLabel" and label is None and not children:
            label = r.inline(child) or None  # an empty label reads back from Lawtext as none
            for name, value in child.attrib.items():
                if name != "LineBreak":
                    r.unsupported(child)
                line_break = value == "true"
        elif tag == "Sentence":
            children.append(_sentence_block(r, child, keys.next("l")))
        elif tag == "Item":
            children.append(_item(r, child, 1, keys.next("i")))
        else:
            r.unexpected(child, el)
    return Remarks(key=key, label=label, line_break=line_break, children=tuple(children))


_SUBLIST_TAGS = ("List", "Sublist1", "Sublist2", "Sublist3")


def _list(r: _Reader, el: etree._Element, key: str, level: int = 0) -> ListBlock:
    tag = _SUBLIST_TAGS[level]
    text = ""
    children: list[ListBlock] = []
    keys = _Keys()
    for child in r.children(el):
        ctag = _tag(child)
        if ctag == tag + "Sentence":
            text = r.sentences(child)
        elif level + 1 < len(_SUBLIST_TAGS) and ctag == _SUBLIST_TAGS[level + 1]:
            children.append(_list(r, child, keys.next("li"), level + 1))
        else:
            r.unexpected(child, el)
    return ListBlock(key=key, text=text, children=tuple(children))


def _arith_formula(r: _Reader, el: etree._Element, key: str) -> ArithFormula:
    if el.attrib:
        r.unsupported(el)
    return ArithFormula(key=key, children=_blocks(r, r.children(el), el))


def _blocks(
    r: _Reader,
    kids: list[etree._Element],
    parent: etree._Element,
    keys: _Keys | None = None,
    *,
    appendix: bool = False,
) -> tuple[Block, ...]:
    """The blocks of an appendix, a note, a style, a format or a table cell (``keys``:
    shared with what is read around them, as in an amending provision).

    An ``ArithFormula`` is a block of its own (``:arith-formula:``) only right in an
    appendix; anywhere else the converter writes it as inline XML on a line of its own,
    which is a sentence holding that XML."""
    out: list[Block] = []
    keys = keys or _Keys()
    for child in kids:
        tag = _tag(child)
        if tag == "Paragraph":
            position = keys.counts.get("p", 0) + 1
            out.append(_loose_paragraph(r, child, position, plain=False))
            keys.next("p")
        elif tag in _SUBITEM_TAGS:
            level = _SUBITEM_TAGS.index(tag) + 1
            item = _item(r, child, level, keys.next("i"))
            out.append(item if level == 1 else attrs.evolve(item, level=level))
        elif tag == "TableStruct":
            out.append(_table_struct(r, child, keys.next("t")))
        elif tag == "Table":
            # a table not wrapped in a TableStruct (as in a Style): WritingMode is not kept
            out.append(Table(key=keys.next("t"), rows=_rows(r, child), bare=True))
        elif tag == "FigStruct":
            out.append(_fig_struct(r, child, keys.next("f")))
        elif tag == "NoteStruct":
            out.append(_note_like(r, child, keys.next("n"), NoteStruct))
        elif tag == "StyleStruct":
            out.append(_note_like(r, child, keys.next("n"), StyleStruct))
        elif tag == "FormatStruct":
            out.append(_note_like(r, child, keys.next("n"), FormatStruct))
        elif tag == "Remarks":
            out.append(_remarks(r, child, keys.next("rm")))
        elif tag in ("Sentence", "Column"):
            out.append(_sentence_block(r, child, keys.next("l")))
        elif tag == "Fig":
            out.append(_fig(r, child, keys.next("g")))
        elif tag == "List":
            out.append(_list(r, child, keys.next("li")))
        elif tag == "ArithFormula" and appendix:
            out.append(_arith_formula(r, child, keys.next("af")))
        elif tag == "ArithFormula":
            out.append(Sentence(key=keys.next("l"), text=outer_xml(child)))
        else:
            r.unexpected(child, parent)
    return tuple(out)


# -- appendices -------------------------------------------------------------------------------

APPENDIX_TAGS: dict[str, type[AnyAppendix]] = {
    "AppdxTable": AppdxTable,
    "AppdxNote": AppdxNote,
    "AppdxStyle": AppdxStyle,
    "AppdxFormat": AppdxFormat,
    "AppdxFig": AppdxFig,
    "Appdx": Appdx,
}
SUPPL_APPENDIX_TAGS: dict[str, type[AnyAppendix]] = {
    "SupplProvisionAppdxTable": SupplProvisionAppdxTable,
    "SupplProvisionAppdxStyle": SupplProvisionAppdxStyle,
    "SupplProvisionAppdx": SupplProvisionAppdx,
}
_TITLE_TAGS = {
    "AppdxTable": "AppdxTableTitle",
    "AppdxNote": "AppdxNoteTitle",
    "AppdxStyle": "AppdxStyleTitle",
    "AppdxFormat": "AppdxFormatTitle",
    "AppdxFig": "AppdxFigTitle",
    "Appdx": "ArithFormulaNum",
    "SupplProvisionAppdxTable": "SupplProvisionAppdxTableTitle",
    "SupplProvisionAppdxStyle": "SupplProvisionAppdxStyleTitle",
    "SupplProvisionAppdx": "ArithFormulaNum",
}


def _appendix(r: _Reader, el: etree._Element, key: str) -> AnyAppendix:
    tag = _tag(el)
    cls = APPENDIX_TAGS.get(tag) or SUPPL_APPENDIX_TAGS[tag]
    title_tag = _TITLE_TAGS[tag]
    title: str | None = None
    related: str | None = None
    kids: list[etree._Element] = []
    for child in r.children(el):
        ctag = _tag(child)
        if ctag == title_tag and title is None and not kids:
            title = r.inline(child)  # WritingMode: the Lawtext writer keeps none
        elif ctag == "RelatedArticleNum" and related is None and not kids:
            related = r.inline(child)
        else:
            kids.append(child)
    # Lawtext writes the title and the related-article reference on one line and its
    # reader splits them at the last bracketed group: split the same way.
    title, related = split_related((title or "") + (related or ""))
    return cls(
        key=key,
        title=title or None,
        related_article_num=related,
        children=_blocks(r, kids, el, appendix=True),
    )


# -- supplementary provisions ----------------------------------------------------------------


def _supplement(r: _Reader, el: etree._Element, index: int) -> Supplement:
    label_el = el.find("SupplProvisionLabel")
    title = r.inline(label_el) if label_el is not None else ""
    law_ref = el.get("AmendLawNum")
    appendices = [
        _appendix(r, child, f"sappdx{i}")
        for i, child in enumerate((c for c in el if _tag(c) in SUPPL_APPENDIX_TAGS), start=1)
    ]
    return Supplement(
        key=f"s{index}",
        title=title,
        law_ref=law_ref,
        ref_spacing=MARGIN if law_ref is not None else "",
        excerpt=el.get("Extract") == "true",
        body=_body(r, el, in_supplement=True),
        appendices=tuple(appendices),
    )
