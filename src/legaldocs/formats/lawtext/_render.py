"""Writing the records of legaldocs as Lawtext (private; see :mod:`legaldocs.formats.lawtext`).

The layout follows the reference writer (yamachig/Lawtext, the ``…ToLines`` functions of
``core/src/parser/std/rules``): every element writes its lines and the blank lines around
them, then runs of blank lines collapse to one, exactly as the reference does, so that a text
the reference wrote reads back and writes out byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from legaldocs.errors import FormatError
from legaldocs.formats.lawtext._parse import (
    APPDX_CONTROLS,
    APPDX_PATTERNS,
    DIVISION_INDENT,
    OTH,
    PIT,
    SUPPL_APPDX_CONTROLS,
    SUPPL_APPDX_PATTERNS,
    amending,
    article_label,
    auto_level,
    caption_of_line,
    classify,
    escape_edges,
    fullwidth,
    has_char_ref,
    is_title,
    remarks_label,
)
from legaldocs.model import (
    AmendProvision,
    Appendix,
    ArithFormula,
    Article,
    Block,
    BodyElement,
    Cell,
    Division,
    Document,
    Fig,
    FigStruct,
    FormatStruct,
    Item,
    ItemChild,
    ListBlock,
    NewProvisionChild,
    NoteLike,
    NoteStruct,
    Paragraph,
    Remarks,
    Sentence,
    Style,
    StyleStruct,
    Supplement,
    Table,
    TocEntry,
)
from legaldocs.model._keys import article_key, division_key, number_key
from legaldocs.model._numbers import Num, item_label

__all__ = ["render"]

_SUPPL_LABEL = re.compile(r"[附付][ 　\t\r\n]*則")
_TOC_LABEL = re.compile(r"目[ 　\t]*次")
_LABELS: dict[tuple[tuple[int, ...], int], str] = {}
_STRUCT_CONTROL = {
    NoteStruct: ":note-struct:",
    StyleStruct: ":style-struct:",
    FormatStruct: ":format-struct:",
}
_PAD = ["  " * n for n in range(32)]
_ATTRS_LINE = re.compile(r'(?:\[[^ 　\t\]=]+="[^ 　\t\]"]+"\][ 　\t]*)+$')
_ATTR_START = re.compile(r'\[[^ 　\t\]=]+="[^ 　\t\]"]+"\]')


class _At:
    """Where an element is, for an error message: made into text only when one is raised
    (the writer passes one for every paragraph and item)."""

    __slots__ = ("element", "kind", "parent")

    def __init__(self, kind: str | None, element: object, parent: _At | str | None = None) -> None:
        self.kind = kind
        self.element = element
        self.parent = parent

    def __str__(self) -> str:
        kind = type(self.element).__name__.lower() if self.kind is None else self.kind
        here = f"{kind} {getattr(self.element, 'key', '')!r}"
        if self.parent is None:
            return here
        return f"{self.parent}/{getattr(self.element, 'key', '')}"


def _fail(where: str | _At, reason: str) -> FormatError:
    return FormatError(f"cannot write {where} as Lawtext: {reason}")


def _one_line(text: str, where: str | _At) -> str:
    if "\n" in text or "\r" in text:
        raise _fail(where, "its text holds a line break")
    if "&#" in text and has_char_ref(text):
        raise _fail(where, f"its text {text!r} holds what reads back as a character reference")
    return text


def _end(text: str) -> str:
    """Text that ends its line, with the white space that ends it escaped (``&#x3000;``)."""
    return escape_edges(text) if text and text[-1] in " 　\t" else text


def _attrs(pairs: Sequence[tuple[str, str]]) -> str:
    return "".join(f'[{name}="{value}"]' for name, value in pairs)


def render(doc: Document) -> str:
    """Write a whole document (see :func:`legaldocs.formats.lawtext.render_lawtext`)."""
    if doc.style != Style():
        raise _fail("the document", "Lawtext writes kanji numerals and numbered items only")
    if doc.alt_title is not None:
        raise _fail("the document", "Lawtext has no place for an alternative title")
    if doc.lang != "ja":
        raise _fail("the document", "Lawtext has no place for the language")
    out: list[str] = []
    if doc.law_attrs:
        out.append(_attrs(doc.law_attrs))
    title = _one_line(doc.title, "the title")
    head = classify(0, title)
    if not title or title[0] in " 　\t" or head.control or _ATTRS_LINE.match(title):
        raise _fail("the title", f"{title!r} would not read back as a title")
    out.append(title)
    if doc.law_num is not None:
        out.append(f"（{_one_line(doc.law_num, 'the law number')}）")
    out.append("")
    for statement in doc.enact_statements:
        out.append(":enact-statement:" + _end(_one_line(statement.text, "the enact statement")))
        out.append("")
    if doc.toc is not None:
        label = doc.toc.title
        out.append(label if _TOC_LABEL.match(label) else ":toc:" + label)
        _toc(out, doc.toc.entries, 1)
        out.append("")
    if doc.preamble:
        out.append(":preamble:")
        for paragraph in doc.preamble:
            if paragraph.anonymous or paragraph.label == "":
                _paragraph_item(out, paragraph, 1, no_control=True)
            else:
                _paragraph_item(out, paragraph, 1, default=0)
        out.append("")
    _main(out, doc.body)
    places = doc.appendix_places or (len(doc.supplements),) * len(doc.appendices)
    if len(places) != len(doc.appendices) or list(places) != sorted(places):
        raise _fail("the document", "appendix_places must give one ascending place per appendix")
    pending = list(zip(places, doc.appendices, strict=True))
    for index, supplement in enumerate(doc.supplements):
        while pending and pending[0][0] <= index:
            _appendix(out, pending.pop(0)[1])
            out.append("")
        _supplement(out, supplement)
        out.append("")
    for _, appendix in pending:
        _appendix(out, appendix)
        out.append("")
    # runs of blank lines collapse to one; the text ends with one line break
    lines: list[str] = []
    append = lines.append
    blank = False
    for line in out:
        if line:
            if blank:
                append("")
                blank = False
            append(line)
        elif lines:
            blank = True
    append("")
    return "\n".join(lines)


def _toc(out: list[str], entries: tuple[TocEntry, ...], depth: int) -> None:
    pad = _PAD[depth]
    for entry in entries:
        text = _one_line(entry.text, "a table-of-contents entry")
        if not text or text[0] in " 　\t":
            raise _fail("a table-of-contents entry", f"{text!r} is empty or starts with a space")
        out.append(pad + text)
        _toc(out, entry.children, depth + 1)


def _unique(body: Sequence[BodyElement | Division | Article], where: str) -> None:
    seen: set[str] = set()
    for element in body:
        if element.key in seen:
            raise _fail(f"element {element.key!r}", f"its key is used twice in {where}")
        seen.add(element.key)


def _main(out: list[str], body: tuple[BodyElement, ...]) -> None:
    _unique(body, "the body")
    seen: dict[str, int] = {}
    for element in body:
        if isinstance(element, Paragraph) and element.tight and out[-1] == "":
            out.pop()
        if isinstance(element, Division):
            _division(out, element, seen=seen)
        elif isinstance(element, Article):
            _article(out, element, 0, seen)
        elif isinstance(element, Paragraph):
            if element.plain:
                if sum(isinstance(e, Paragraph) for e in body) != 1:
                    raise _fail(f"paragraph {element.key!r}", "only a lone paragraph is plain")
                _paragraph_item(out, element, 0, no_control=True)
            else:
                _paragraph_item(out, element, 0, default=0)
        else:
            raise _fail(f"table {element.key!r}", "a table must stand in a paragraph or an item")
        out.append("")


def _division(
    out: list[str],
    division: Division,
    parent: str | None = None,
    depth: int | None = None,
    seen: dict[str, int] | None = None,
) -> None:
    """A division; at ``depth`` (quoted in an amending provision) its heading is written
    ``:keep-indents:`` there and its articles at the same depth."""
    where = f"division {division.key!r}"
    expected = division_key(division.kind, division.num, parent)
    if division.key != expected:
        raise _fail(where, f"its key must be {expected!r} (keys follow the numbers)")
    if division.until is not None and division.label is None:
        raise _fail(where, "division ranges are written only with their label as written")
    label = division.label
    if label is None:
        parts = division.num.kanji().split("の")
        label = "第" + parts[0] + division.kind + "".join("の" + p for p in parts[1:])
    title = _one_line(division.title, where)
    head = _PAD[DIVISION_INDENT[division.kind]] if depth is None else _PAD[depth] + ":keep-indents:"
    out.append(head + label + ("　" + title if title else ""))
    out.append("")
    for index, child in enumerate(division.children):
        if index:
            out.append("")
        if isinstance(child, Division):
            _division(out, child, division.key, depth, seen)
        else:
            _article(out, child, depth or 0, seen)
        out.append("")


_BARE_CAPTIONS: dict[str, bool] = {}


def _caption(out: list[str], caption: str, depth: int, where: str | _At) -> None:
    bare = _BARE_CAPTIONS.get(caption)
    if bare is None:
        _one_line(caption, where)
        line = classify(0, caption)
        bare = (
            caption.startswith(("（", "("))
            and caption.endswith(("）", ")"))
            and line.kind in (OTH, PIT)
            and not line.control
            and caption_of_line(caption)
        )
        if len(_BARE_CAPTIONS) < 100_000:
            _BARE_CAPTIONS[caption] = bare
    out.append(_PAD[depth + 1] + (caption if bare else ":caption:" + caption))


def _article(
    out: list[str], article: Article, depth: int, seen: dict[str, int] | None = None
) -> None:
    """An article; ``seen`` counts the article keys of its body (a second article with
    one number is keyed ``a53x2``)."""
    where = _At("article", article)
    expected = article_key(article.num)
    if seen is not None:  # (model._keys.repeated_key, inlined: this runs for every article)
        count = seen.get(expected, 0) + 1
        seen[expected] = count
        if count > 1:
            expected = f"{expected}x{count}"
    if article.key != expected:
        raise _fail(where, f"its key must be {expected!r} (keys follow numbers)")
    if article.until is not None and article.until <= article.num:
        raise _fail(where, "the end of its range must come after its start")
    if article.until is not None and not article.deleted and article.label is None:
        raise _fail(where, "only a deleted article can be a range")
    if article.caption is not None:
        _caption(out, article.caption, depth, where)
    title = article.label
    if title is None:
        title = article_label(article.num, article.until)
    pad = _PAD[depth]
    if article.deleted:
        if article.paragraphs:
            raise _fail(where, "a deleted article has no paragraphs")
        out.append(pad + title + "　削除")
    else:
        if not article.paragraphs:
            raise _fail(where, "an article that is not deleted needs a paragraph")
        first = article.paragraphs[0]
        previous: Num | None = None
        for index, paragraph in enumerate(article.paragraphs):
            if paragraph.anonymous or paragraph.plain:
                raise _fail(
                    _At("paragraph", paragraph, where), "a paragraph of an article is numbered"
                )
            if index == 0 and paragraph.caption is not None:
                raise _fail(
                    _At("paragraph", paragraph, where),
                    "the first paragraph of an article has no caption of its own",
                )
            if index == 0 and not paragraph.label and paragraph.num.parts != (1,):
                raise _fail(
                    _At("paragraph", paragraph, where),
                    "the first paragraph of an article is number 1",
                )
            if paragraph.label is None:
                expected = number_key("p", paragraph.num)
                if paragraph.key != expected and not (
                    previous is not None and paragraph.key.startswith(expected + "x")
                ):
                    raise _fail(_At("paragraph", paragraph, where), f"its key must be {expected!r}")
            previous = paragraph.num
        if (
            first.text == "削除"
            and len(article.paragraphs) == 1
            and not first.children
            and not first.label
        ):
            raise _fail(where, "the text 削除 alone would read back as a deleted article")
        if first.label:
            out.append(pad + title)
            _paragraph_item(out, first, depth, default=0, secondary=True)
        else:
            text = first.text
            if "\n" in text or "\r" in text or "&#" in text:
                _one_line(text, _At("paragraph", first, where))
            if first.caption is not None:
                raise _fail(
                    _At("paragraph", first, where), "a paragraph of an article has no caption"
                )
            out.append(pad + title + "　" + _end(text))
            if first.children:
                _children(out, first.children, depth + 1, 1, _At("paragraph", first, where), text)
        for paragraph in article.paragraphs[1:]:
            _paragraph_item(out, paragraph, depth, default=0, secondary=True)
    if article.suppl_note is not None:
        out.append(pad + ":suppl-note:" + _end(_one_line(article.suppl_note, where)))


_PIT_CONTROL = ["paragraph", "item"] + [f"subitem{n}" for n in range(1, 11)]


def _title_of(element: Paragraph | Item, level: int, *, secondary: bool) -> str:
    if element.label is not None:
        return element.label
    if isinstance(element, Paragraph):
        return "" if element.anonymous else fullwidth(element.num)
    key = (element.num.parts, level)
    label = _LABELS.get(key)
    if label is None:
        label = item_label(element.num, level, "kanji")
        if len(_LABELS) < 100_000:
            _LABELS[key] = label
    return label


def _paragraph_item(
    out: list[str],
    element: Paragraph | Item,
    depth: int,
    *,
    level: int = 0,
    default: int | None = None,
    secondary: bool = False,
    no_control: bool = False,
) -> None:
    """One paragraph (``level`` 0) or item (1 号, 2 イ, …) and what it holds, as the
    reference's ``paragraphItemToLines`` writes them."""
    # (where the element is, for an error, is made only when needed: this runs for every
    # paragraph and item)
    pad = _PAD[depth]
    if isinstance(element, Paragraph):
        paragraph, plain, anonymous = True, element.plain, element.anonymous
        if element.caption is not None:
            _caption(out, element.caption, depth, _At(None, element))
    else:
        paragraph = plain = anonymous = False
    text = element.text
    if "\n" in text or "\r" in text or "&#" in text:
        _one_line(text, _At(None, element))
    if (
        not paragraph
        and element.label is not None
        and element.label == item_label(element.num, level, "kanji")
    ):
        raise _fail(_At(None, element), "its label is the standard one: leave Item.label unset")
    title = _title_of(element, level, secondary=secondary)
    if title and text[:1] == "　" and not title.strip("　"):
        # (a title of full-width spaces reads back as all of them but the one before text)
        raise _fail(
            _At(None, element), "a title of full-width spaces before text that starts with one"
        )
    if plain and not anonymous:
        raise _fail(_At(None, element), "only an unnumbered paragraph can be plain text")
    if no_control and not title and not _plain_ok(text):
        if plain:
            raise _fail(
                _At(None, element), f"the plain text {text!r} would not read back as a paragraph"
            )
        no_control = False
    written = escape_edges(text) if text and text[-1] in " 　\t" else text
    if no_control:
        out.append(pad + title + ("　" + written if title and text else written))
    elif title:
        if element.tagged:
            control = ":" + _PIT_CONTROL[level] + ":"
        elif level == default and is_title(title):
            control = ""
        elif auto_level(title) == level:
            control = "# "
        else:
            control = ":" + _PIT_CONTROL[level] + ":"
        spaced = text or element.spaced
        out.append(pad + control + title + ("　" + written if spaced else ""))
    else:
        attrs = '[MissingNum="true"]' if secondary and level == 0 else ""
        anonym = ":anonym-paragraph:" if level == 0 else ":anonym-" + _PIT_CONTROL[level] + ":"
        out.append(pad + anonym + attrs + written)
    if element.children:
        _children(out, element.children, depth + 1, level + 1, _At(None, element), text)


def _plain_ok(text: str) -> bool:
    """Whether ``text`` reads back as a line of text on its own."""
    if not text or text[0] in " 　\t" or _ATTRS_LINE.match(text):
        return False
    line = classify(0, text)
    return line.kind == OTH and not line.control and not text.startswith("<Fig ")


def _children(
    out: list[str],
    children: Sequence[ItemChild],
    depth: int,
    level: int,
    where: str | _At,
    text: str = "",
) -> None:
    for index, child in enumerate(children):
        if isinstance(child, Item):
            if child.level:
                raise _fail(f"item {child.key!r}", "only an item standing alone has a level")
            _paragraph_item(out, child, depth, level=level, default=level)
        elif isinstance(child, Table):
            adjacent = (index > 0 and isinstance(children[index - 1], Table)) or (
                index + 1 < len(children) and isinstance(children[index + 1], Table)
            )
            out.append("")
            _table(out, child, depth, control=adjacent)
            out.append("")
        elif isinstance(child, FigStruct):
            out.append("")
            _fig_struct(out, child, depth)
            out.append("")
        elif isinstance(child, StyleStruct | NoteStruct | FormatStruct):
            out.append("")
            _note_like(out, child, depth)
            out.append("")
        elif isinstance(child, AmendProvision):
            control = "" if amending(text) else ":amend-provision:"
            if child.text is not None:
                out.append(_PAD[depth] + control + _end(_one_line(child.text, where)))
            _new_provisions(out, child.children, depth + 1)
        elif isinstance(child, ListBlock):
            _list(out, child, depth)
        else:
            raise _fail(where, f"Lawtext has no place for a {type(child).__name__} here")


def _new_provisions(out: list[str], blocks: Sequence[NewProvisionChild], depth: int) -> None:
    """The provisions an amending provision quotes, as the reference's
    ``amendProvisionToLines`` writes them: a blank line before each table, figure,
    note, remarks, division or appendix, none before articles, paragraphs, items, lists,
    sentences and nested amending provisions (which carry ``:amend-provision:``)."""
    _unique([b for b in blocks if isinstance(b, Article | Division)], "an amending provision")
    for index, block in enumerate(blocks):
        if isinstance(block, Article):
            _article(out, block, depth)
        elif isinstance(block, Division):
            out.append("")
            _division(out, block, None, depth)
        elif isinstance(block, Appendix):
            out.append("")
            _appendix(out, block, depth)
        elif isinstance(block, AmendProvision):
            if block.text is not None:
                where = f"amending provision {block.key!r}"
                out.append(_PAD[depth] + ":amend-provision:" + _end(_one_line(block.text, where)))
            elif block.children:
                raise _fail(f"amending provision {block.key!r}", "a nested one needs its text")
            _new_provisions(out, block.children, depth + 1)
        elif isinstance(block, Table):
            adjacent = (index > 0 and isinstance(blocks[index - 1], Table)) or (
                index + 1 < len(blocks) and isinstance(blocks[index + 1], Table)
            )
            out.append("")
            _table(out, block, depth, control=adjacent)
        elif isinstance(block, (Paragraph, Item, ListBlock, Sentence)):
            _block(out, block, depth)
        else:
            out.append("")
            _block(out, block, depth)


def _table(out: list[str], table: Table, depth: int, *, control: bool) -> None:
    where = f"table {table.key!r}"
    control = control or table.title is not None or bool(table.remarks)
    if control:
        out.append(_PAD[depth] + ":table-struct:" + _one_line(table.title or "", where))
        out.append("")
        depth += 1
    if not table.rows and not control:
        raise _fail(where, "a table needs at least one row")
    before = table.remarks_before
    if not 0 <= before <= len(table.remarks):
        raise _fail(where, "remarks_before counts more remarks than the table has")
    for remarks in table.remarks[:before]:
        _remarks(out, remarks, depth)
        out.append("")
    inner = _PAD[depth + 2]
    for row in table.rows:
        if not row.cells:
            raise _fail(f"{where}/{row.key}", "a row needs at least one cell")
        for position, cell in enumerate(row.cells):
            head = (_PAD[depth] + "* ") if position == 0 else _PAD[depth + 1]
            head += ("* " if cell.header else "- ") + _attrs(cell.attrs)
            _cell(out, cell, head, inner, depth + 2, where)
    if control:
        out.append("")
        for remarks in table.remarks[before:]:
            _remarks(out, remarks, depth)
            out.append("")


def _cell(out: list[str], cell: Cell, head: str, inner: str, depth: int, where: str) -> None:
    text = cell.text
    if cell.blocks:
        if text:
            raise _fail(where, "a cell holds either text or blocks")
        out.append(head + (" |" if cell.attrs else "|"))
        for block in cell.blocks:
            _block(out, block, depth)
            out.append("")
        return
    if _ATTR_START.match(text) or ("&#" in text and has_char_ref(text)):
        raise _fail(where, f"the cell text {text!r} would not read back")
    if "\n" in text or text == "|":
        out.append(head + (" |" if cell.attrs else "|"))
        for part in text.split("\n"):
            if _ATTR_START.match(part):
                raise _fail(where, f"the cell line {part!r} would not read back")
            out.append(inner + "- " + escape_edges(part, start=True))
        return
    out.append(head + escape_edges(text, start=True))


def _block(out: list[str], block: Block, depth: int) -> None:
    """Any block, as the reference's ``anyToLines`` writes it."""
    pad = _PAD[depth]
    if isinstance(block, Sentence):
        out.append(pad + _attrs(block.attrs) + _end(_one_line(block.text, "a sentence")))
    elif isinstance(block, Paragraph):
        _paragraph_item(out, block, depth)
    elif isinstance(block, Item):
        if block.level == 1:
            raise _fail(f"item {block.key!r}", "level 1 is written 0 (the level of an item)")
        _paragraph_item(out, block, depth, level=block.level or 1)
    elif isinstance(block, Table):
        _table(out, block, depth, control=not block.bare)
    elif isinstance(block, FigStruct):
        _fig_struct(out, block, depth)
    elif isinstance(block, Fig):
        out.append(pad + _fig(block))
    elif isinstance(block, NoteLike):
        _note_like(out, block, depth)
    elif isinstance(block, Remarks):
        _remarks(out, block, depth)
    elif isinstance(block, ListBlock):
        _list(out, block, depth)
    elif isinstance(block, ArithFormula):
        out.append(pad + ":arith-formula:")
        for child in block.children:
            _block(out, child, depth + 1)
    else:  # pragma: no cover - the union is exhaustive
        raise _fail(type(block).__name__, "unknown block")


def _fig(fig: Fig) -> str:
    if '"' in fig.src or "\n" in fig.src:
        raise _fail("a figure", f"its source {fig.src!r} cannot be written")
    return f'<Fig src="{fig.src}"/>'


def _fig_struct(out: list[str], fig: FigStruct, depth: int) -> None:
    control = fig.title is not None or bool(fig.remarks) or fig.fig is None
    if control:
        out.append(_PAD[depth] + ":fig-struct:" + _one_line(fig.title or "", "a figure title"))
        depth += 1
    # (the reference's figStructToLines leaves a blank line after each child)
    before = fig.remarks_before if fig.fig is not None else 0
    if not 0 <= before <= len(fig.remarks):
        raise _fail("a figure", "remarks_before counts more remarks than it has")
    for remarks in fig.remarks[:before]:
        _remarks(out, remarks, depth)
        out.append("")
    if fig.fig is not None:
        out.append(_PAD[depth] + _fig(fig.fig))
        out.append("")
    for remarks in fig.remarks[before:]:
        _remarks(out, remarks, depth)
        out.append("")


def _note_like(out: list[str], note: NoteLike, depth: int) -> None:
    control = _STRUCT_CONTROL[type(note)]
    out.append(_PAD[depth] + control + _one_line(note.title or "", "a note title"))
    inner = depth + 1
    for remarks in note.remarks[: note.remarks_before]:
        _remarks(out, remarks, inner)
    if note.content and all(isinstance(b, Sentence) for b in note.content):
        for block in note.content:
            assert isinstance(block, Sentence)
            _sentence_line(out, block, inner)
    else:
        for block in note.content:
            _block(out, block, inner)
    for remarks in note.remarks[note.remarks_before :]:
        _remarks(out, remarks, inner)


def _sentence_line(out: list[str], sentence: Sentence, depth: int) -> None:
    """A sentence on a line of its own, with the control tags that keep it a sentence."""
    text = _one_line(_attrs(sentence.attrs) + sentence.text, "a sentence")
    controls = ""
    line = classify(0, text)
    if line.kind != OTH or not text or line.control:
        controls = ":ignore-title:"
    if text[:1] in (" ", "　", "\t"):
        controls += ":keep-leading-spaces:"
    out.append(_PAD[depth] + controls + _end(text))


def _remarks(out: list[str], remarks: Remarks, depth: int) -> None:
    label = remarks.label
    head = _PAD[depth]
    if label is None or not remarks_label().match(label):
        head += ":remarks:"
    if remarks.line_break:
        head += '[LineBreak="true"]'
    if label is not None:
        head += _one_line(label, "a remarks label")
    out.append(head)
    for child in remarks.children:
        if isinstance(child, Sentence):
            _sentence_line(out, child, depth + 1)
        else:
            _paragraph_item(out, child, depth + 1, level=1, default=1)


def _list(out: list[str], entry: ListBlock, depth: int) -> None:
    out.append(_PAD[depth] + "- " + escape_edges(_one_line(entry.text, "a list entry"), start=True))
    for child in entry.children:
        _list(out, child, depth + 1)


def _supplement(out: list[str], supplement: Supplement) -> None:
    where = f"supplementary provisions {supplement.key!r}"
    if supplement.revisions:
        raise _fail(where, "Lawtext has no place for revision lines (制定/改定)")
    title = _one_line(supplement.title, where)
    line = "      "
    if not _SUPPL_LABEL.match(title):
        line += ":suppl-provision:"
    line += title
    if supplement.law_ref is not None:
        if supplement.ref_spacing not in ("", "　"):
            raise _fail(where, "ref_spacing must be '' or a full-width space")
        if not supplement.law_ref or any(c in supplement.law_ref for c in "）)\n"):
            raise _fail(where, f"its law_ref {supplement.law_ref!r} cannot be written")
        line += supplement.ref_spacing + "（" + supplement.law_ref + "）"
    elif supplement.ref_spacing:
        raise _fail(where, "ref_spacing without law_ref")
    if supplement.excerpt:
        line += "　抄"
    out.append(line)
    out.append("")
    paragraphs = [e for e in supplement.body if isinstance(e, Paragraph)]
    seen: dict[str, int] = {}
    for element in supplement.body:
        if isinstance(element, Paragraph) and element.tight and out[-1] == "":
            out.pop()
        if isinstance(element, Paragraph):
            if element.plain:
                if len(paragraphs) != 1:
                    raise _fail(where, "only a lone paragraph is written as plain text")
                _paragraph_item(out, element, 0, no_control=True)
            else:
                _paragraph_item(out, element, 0, default=0)
        elif isinstance(element, Article):
            _article(out, element, 0, seen)
        elif isinstance(element, Division):
            _division(out, element, seen=seen)
        else:
            raise _fail(f"table {element.key!r}", "a table must stand in a paragraph or an item")
        out.append("")
    for appendix in supplement.appendices:
        _appendix(out, appendix)
        out.append("")


def _appendix(out: list[str], appendix: Appendix, depth: int = 0) -> None:
    where = f"appendix {appendix.key!r}"
    cls = type(appendix)
    controls: dict[type[Appendix], str] = APPDX_CONTROLS
    patterns: Sequence[tuple[type[Appendix], re.Pattern[str]]] = APPDX_PATTERNS
    if cls in SUPPL_APPDX_CONTROLS:
        controls, patterns = SUPPL_APPDX_CONTROLS, SUPPL_APPDX_PATTERNS
    elif cls not in APPDX_CONTROLS:
        raise _fail(where, f"a {cls.__name__} has no Lawtext syntax")
    title = _one_line(appendix.title or "", where)
    related = _one_line(appendix.related_article_num or "", where)
    detected = next((c for c, p in patterns if p.match(title)), None) if title else None
    head = "# " if detected is cls else controls[cls]
    out.append(_PAD[depth] + head + title + related)
    spaced = controls is APPDX_CONTROLS
    if spaced:
        out.append("")
    children = appendix.children
    for index, child in enumerate(children):
        if isinstance(child, Table):
            adjacent = (index > 0 and isinstance(children[index - 1], Table)) or (
                index + 1 < len(children) and isinstance(children[index + 1], Table)
            )
            _table(out, child, depth + 1, control=adjacent)
        elif isinstance(child, FigStruct):
            _fig_struct(out, child, depth + 1)
        elif isinstance(child, Paragraph):
            _paragraph_item(out, child, depth + 1)
        elif isinstance(child, Item):
            _paragraph_item(out, child, depth + 1, level=child.level or 1)
        else:
            _block(out, child, depth + 1)
        if spaced:
            out.append("")
