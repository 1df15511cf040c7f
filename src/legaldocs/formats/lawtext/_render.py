"""Writing the records of legaldocs as Lawtext (private; see :mod:`legaldocs.formats.lawtext`).

Layout is derived from the structure by fixed rules:

* the title block (title, law number), the table of contents, the preamble, every division
  heading, every article (with its caption) and every supplementary provisions heading is
  a block; blocks are separated by one blank line;
* paragraphs and items of an article follow its line with no blank line, items indented
  two spaces per level, tables two spaces below their paragraph or item;
* paragraphs standing directly in a body (supplementary provisions without articles): a
  paragraph with a caption starts a block; when none of them has a caption, each starts a
  block; otherwise an uncaptioned paragraph continues the block before it.
"""

from __future__ import annotations

import re

from legaldocs.errors import FormatError, LegaldocsError
from legaldocs.formats.lawtext._parse import (
    ARTICLE_LINE,
    DIVISION_INDENT,
    DIVISION_LINE,
    DIVISION_PREFIX,
    PARAGRAPH_LINE,
    item_num,
)
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

_ITEM_LABEL_OK = re.compile(r"^[^ 　]+$")
_ATTR_VALUE_OK = re.compile(r'^[^"\n]*$')
_ATTR_NAME_OK = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_LABELS: dict[tuple[Num, int], str] = {}
_KANJI: dict[Num, str] = {}
_FULLWIDTH: dict[Num, str] = {}


def _fail(where: str, reason: str) -> LegaldocsError:
    return FormatError(f"cannot write {where} as Lawtext: {reason}")


def _kanji(num: Num) -> str:
    text = _KANJI.get(num)
    if text is None:
        text = _KANJI[num] = num.kanji()
    return text


def _fullwidth(num: Num) -> str:
    text = _FULLWIDTH.get(num)
    if text is None:
        text = _FULLWIDTH[num] = num.fullwidth()
    return text


def _one_line(text: str, where: str) -> None:
    if "\n" in text or "\r" in text:
        raise _fail(where, "its text holds a line break")


def render(doc: Document) -> str:
    """Write a whole document (see :func:`legaldocs.lawtext.render_lawtext`)."""
    if doc.style != Style():
        raise _fail("the document", "Lawtext writes kanji numerals and numbered items only")
    if doc.alt_title is not None:
        raise _fail("the document", "Lawtext has no place for an alternative title")
    if doc.lang != "ja":
        raise _fail("the document", "Lawtext has no place for the language")
    title = doc.title
    _one_line(title, "the title")
    if not title or title[0] in " 　":
        raise _fail("the title", f"{title!r} would not read back as a title")
    out: list[str] = [title]
    if doc.law_num is not None:
        _one_line(doc.law_num, "the law number")
        out.append(f"（{doc.law_num}）")
    if doc.toc is not None:
        if doc.toc.title != "目次":
            raise _fail("the table of contents", "its title must be 目次")
        out.append("")
        out.append("目次")
        _toc(out, doc.toc.entries, 1)
    if doc.preamble:
        out.append("")
        out.append(":preamble:")
        for index, paragraph in enumerate(doc.preamble, start=1):
            where = f"preamble paragraph {paragraph.key!r}"
            _one_line(paragraph.text, where)
            if (
                not paragraph.anonymous
                or paragraph.children
                or paragraph.caption is not None
                or paragraph.plain
                or paragraph.key != f"pre{index}"
                or paragraph.num != Num.of(index)
                or not paragraph.text
                or paragraph.text[0] == " "
            ):
                raise _fail(
                    where,
                    "a preamble paragraph is anonymous, plain text without items, "
                    "keyed pre1, pre2, … and numbered in order",
                )
            out.append("  " + paragraph.text)
    _body(out, doc.body, "", in_supplement=False)
    for index, supplement in enumerate(doc.supplements, start=1):
        _supplement(out, supplement, index)
    out.append("")
    return "\n".join(out)


def _toc(out: list[str], entries: tuple[TocEntry, ...], depth: int) -> None:
    pad = "  " * depth
    for entry in entries:
        _one_line(entry.text, "a table-of-contents entry")
        if not entry.text or entry.text[0] == " ":
            raise _fail(
                "a table-of-contents entry", f"{entry.text!r} is empty or starts with a space"
            )
        out.append(pad + entry.text)
        _toc(out, entry.children, depth + 1)


def _body(
    out: list[str], body: tuple[BodyElement, ...], prefix: str, *, in_supplement: bool
) -> None:
    paragraphs = [e for e in body if isinstance(e, Paragraph)]
    spaced = not any(p.caption is not None for p in paragraphs)
    previous: BodyElement | None = None
    count = 0
    seen: set[str] = set()
    for element in body:
        _unique(element, seen)
        if isinstance(element, Division):
            if in_supplement:
                raise _fail(
                    f"division {element.key!r}", "supplementary provisions hold no divisions"
                )
            _division(out, element, prefix, DIVISION_PREFIX, seen)
        elif isinstance(element, Article):
            _article(out, element)
        elif isinstance(element, Paragraph):
            count += 1
            if element.caption is not None or spaced or not isinstance(previous, Paragraph):
                out.append("")
            _loose_paragraph(out, element, count)
        else:
            raise _fail(f"table {element.key!r}", "a table must stand in a paragraph or an item")
        previous = element


def _unique(element: BodyElement, seen: set[str]) -> None:
    if element.key in seen:
        raise _fail(f"element {element.key!r}", "its key is used twice in the same body")
    seen.add(element.key)


def _division(
    out: list[str], division: Division, prefix: str, prefixes: dict[str, str], seen: set[str]
) -> None:
    where = f"division {division.key!r}"
    expected = prefix + prefixes[division.kind] + "_".join(str(p) for p in division.num.parts)
    if division.key != expected:
        raise _fail(where, f"its key must be {expected!r} (keys follow the numbers)")
    if division.until is not None:
        raise _fail(where, "division ranges are not supported")
    _one_line(division.title, where)
    num = division.num
    written = "第" + _kanji(Num.of(num.main)) + division.kind
    written += "".join("の" + _kanji(Num.of(b)) for b in num.branches)
    line = " " * DIVISION_INDENT[division.kind] + written + "　" + division.title
    if not DIVISION_LINE.match(line):
        raise _fail(where, "its heading would not read back")
    out.append("")
    out.append(line)
    for child in division.children:
        _unique(child, seen)
        if isinstance(child, Division):
            _division(out, child, division.key + ".", prefixes, seen)
        else:
            _article(out, child)


def _article(out: list[str], article: Article) -> None:
    where = f"article {article.key!r}"
    expected = "a" + "_".join(str(p) for p in article.num.parts)
    if article.key != expected:
        raise _fail(where, f"its key must be {expected!r} (keys follow the numbers)")
    out.append("")
    if article.caption is not None:
        out.append("  " + _caption(article.caption, where))
    head = "第" + _written_article_num(article.num)
    if article.deleted:
        if article.paragraphs:
            raise _fail(where, "a deleted article has no paragraphs")
        if article.until is not None:
            if article.until <= article.num:
                raise _fail(where, "the end of its range must come after its start")
            head += "から第" + _written_article_num(article.until) + "まで"
        out.append(head + "　削除")
        return
    if article.until is not None:
        raise _fail(where, "only a deleted article can be a range")
    if not article.paragraphs:
        raise _fail(where, "an article that is not deleted needs a paragraph")
    previous: Num | None = None
    for index, paragraph in enumerate(article.paragraphs):
        pwhere = f"paragraph {article.key}/{paragraph.key}"
        if paragraph.anonymous or paragraph.plain or paragraph.caption is not None:
            raise _fail(pwhere, "a paragraph of an article is numbered and has no caption")
        _one_line(paragraph.text, pwhere)
        expected_key = "p" + "_".join(str(p) for p in paragraph.num.parts)
        if paragraph.key != expected_key:
            raise _fail(pwhere, f"its key must be {expected_key!r}")
        if index == 0:
            if paragraph.num != Num.of(1):
                raise _fail(pwhere, "the first paragraph of an article is number 1")
            if paragraph.text == "削除" and len(article.paragraphs) == 1 and not paragraph.children:
                raise _fail(pwhere, "the text 削除 alone would read back as a deleted article")
            out.append(head + "　" + paragraph.text)
        else:
            assert previous is not None
            if paragraph.num <= previous:
                raise _fail(pwhere, "paragraph numbers must ascend")
            out.append(_fullwidth(paragraph.num) + "　" + paragraph.text)
        previous = paragraph.num
        _children(out, paragraph.children, 1, pwhere)


def _written_article_num(num: Num) -> str:
    main = _kanji(Num.of(num.main)) + "条"
    return main + "".join("の" + _kanji(Num.of(b)) for b in num.branches)


def _caption(caption: str, where: str) -> str:
    _one_line(caption, where)
    if not (caption.startswith("（") and caption.endswith("）") and len(caption) >= 2):
        raise _fail(where, f"its caption {caption!r} must be in full-width brackets （…）")
    return caption


def _loose_paragraph(out: list[str], paragraph: Paragraph, position: int) -> None:
    where = f"paragraph {paragraph.key!r}"
    _one_line(paragraph.text, where)
    if paragraph.caption is not None:
        out.append("  " + _caption(paragraph.caption, where))
    text = paragraph.text
    if paragraph.anonymous:
        if paragraph.key != f"p{position}" or paragraph.num != Num.of(position):
            raise _fail(
                where, f"an anonymous paragraph here is keyed p{position}, numbered {position}"
            )
        if paragraph.plain:
            if paragraph.caption is not None:
                raise _fail(where, "a plain anonymous paragraph cannot carry a caption")
            if (
                not text
                or text[0] in " 　:第"
                or PARAGRAPH_LINE.match(text)
                or ARTICLE_LINE.match(text)
            ):
                raise _fail(where, f"the plain text {text!r} would not read back as a paragraph")
            out.append(text)
        else:
            out.append(":anonym-paragraph:" + text)
    else:
        if paragraph.plain:
            raise _fail(where, "only an anonymous paragraph can be plain")
        expected = "p" + "_".join(str(p) for p in paragraph.num.parts)
        if paragraph.key != expected:
            raise _fail(where, f"its key must be {expected!r}")
        out.append(_fullwidth(paragraph.num) + "　" + text)
    _children(out, paragraph.children, 1, where)


def _children(out: list[str], children: tuple[ItemChild, ...], depth: int, where: str) -> None:
    pad = "  " * depth
    items = 0
    tables = 0
    for child in children:
        if isinstance(child, Item):
            items += 1
            iwhere = f"{where}/{child.key}"
            if child.key != f"i{items}":
                raise _fail(iwhere, f"items are keyed i1, i2, … in order (expected i{items})")
            _one_line(child.text, iwhere)
            label = child.label
            if label is None:
                key = (child.num, depth)
                label = _LABELS.get(key)
                if label is None:
                    label = _LABELS[key] = item_label(child.num, depth, "kanji")
            elif label == _standard(child.num, depth):
                raise _fail(iwhere, "its label is the standard one: leave Item.label unset")
            if not _ITEM_LABEL_OK.match(label) or label in ("-", "*"):
                raise _fail(iwhere, f"its label {label!r} would not read back")
            _check_label(child, label, depth, iwhere)
            out.append(pad + label + "　" + child.text)
            _children(out, child.children, depth + 1, iwhere)
        else:
            tables += 1
            _table(out, child, pad, tables, f"{where}/{child.key}")


def _standard(num: Num, depth: int) -> str:
    return item_label(num, depth, "kanji")


def _check_label(item: Item, label: str, depth: int, where: str) -> None:
    if item.label is None:
        return
    num, written = item_num(label, depth, int(item.key[1:]))
    if num != item.num or written != item.label:
        raise _fail(where, f"its label {label!r} reads back as number {num}")


def _table(out: list[str], table: Table, pad: str, index: int, where: str) -> None:
    if table.key != f"t{index}":
        raise _fail(where, f"tables are keyed t1, t2, … in order (expected t{index})")
    if not table.rows:
        raise _fail(where, "a table needs at least one row")
    for number, row in enumerate(table.rows, start=1):
        rwhere = f"{where}/{row.key}"
        if row.key != f"r{number}":
            raise _fail(rwhere, f"rows are keyed r1, r2, … in order (expected r{number})")
        if not row.cells:
            raise _fail(rwhere, "a row needs at least one cell")
        for position, cell in enumerate(row.cells):
            head = pad + ("* - " if position == 0 else "  - ")
            attrs = ""
            for name, value in cell.attrs:
                if not _ATTR_NAME_OK.match(name) or not _ATTR_VALUE_OK.match(value):
                    raise _fail(rwhere, f"cell attribute {name}={value!r} cannot be written")
                attrs += f'[{name}="{value}"]'
            text = cell.text
            if (
                "\n" in text
                or text == "|"
                or text.startswith(("[", " "))
                or (not text and not attrs)
            ):
                if "\r" in text:
                    raise _fail(rwhere, "a cell holds a carriage return")
                out.append(head + attrs + "|")
                content = pad + "    "
                for part in text.split("\n"):
                    out.append(content + ("- " + part if part else "-"))
            else:
                out.append(head + attrs + text)


def _supplement(out: list[str], supplement: Supplement, index: int) -> None:
    where = f"supplementary provisions {supplement.key!r}"
    if supplement.key != f"s{index}":
        raise _fail(where, f"supplementary provisions are keyed s1, s2, … (expected s{index})")
    if supplement.revisions:
        raise _fail(where, "Lawtext has no place for revision lines (制定/改定)")
    title = supplement.title
    if not re.fullmatch(r"附[ 　]*則", title):
        raise _fail(where, f"its title {title!r} must be 附則 (spaces allowed)")
    line = "      " + title
    if supplement.law_ref is not None:
        if supplement.ref_spacing not in ("", "　"):
            raise _fail(where, "ref_spacing must be '' or a full-width space")
        if "）" in supplement.law_ref or "\n" in supplement.law_ref:
            raise _fail(where, f"its law_ref {supplement.law_ref!r} cannot be written")
        line += supplement.ref_spacing + "（" + supplement.law_ref + "）"
    elif supplement.ref_spacing:
        raise _fail(where, "ref_spacing without law_ref")
    if supplement.excerpt:
        line += "　抄"
    out.append("")
    out.append(line)
    _body(out, supplement.body, "", in_supplement=True)
