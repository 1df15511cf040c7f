"""The records of a legal document.

Every record is an immutable attrs class (frozen, slotted, keyword-only) whose sequences are
tuples, so records compare and hash by value and can be shared freely between versions of a
document. This module holds data only: reading and writing formats lives elsewhere.

Every element has a ``key``: its identity, which survives renumbering, kept apart from its
displayed ``num``. Keys are unique among siblings; articles, divisions, supplements and
top-level paragraphs and tables also have keys unique across the whole document, so that a
*key path* such as ``"a3/p2/i1"`` names one element (see :meth:`Document.get`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal, TypeAlias

import attrs

from legaldocs.model import _element as _e
from legaldocs.model._blocks import ListItem, Markup, PolicyBlock, TableRow
from legaldocs.model._numbers import Num, Numerals

if TYPE_CHECKING:
    import pendulum

    from legaldocs.model._citation import Citation
else:
    from legaldocs.model._lazy import pendulum  # imported when a date is first touched

__all__ = [
    "AmendProvision",
    "AnyAppendix",
    "Appdx",
    "AppdxFig",
    "AppdxFormat",
    "AppdxNote",
    "AppdxStyle",
    "AppdxTable",
    "Appendix",
    "ArithFormula",
    "Article",
    "Block",
    "BodyElement",
    "Cell",
    "Division",
    "DivisionKind",
    "Document",
    "Element",
    "EnactStatement",
    "Fig",
    "FigStruct",
    "FormatStruct",
    "Item",
    "ItemChild",
    "ListBlock",
    "NewProvisionChild",
    "NoteLike",
    "NoteStruct",
    "Paragraph",
    "Remarks",
    "Revision",
    "Row",
    "Sentence",
    "Style",
    "StyleStruct",
    "SupplProvisionAppdx",
    "SupplProvisionAppdxStyle",
    "SupplProvisionAppdxTable",
    "Supplement",
    "Table",
    "TableStruct",
    "Toc",
    "TocEntry",
    "split_related",
]

DivisionKind = Literal["編", "章", "節", "款", "目"]
"""The kinds of division, from the largest (編) to the smallest (目)."""

DIVISION_KINDS: tuple[DivisionKind, ...] = ("編", "章", "節", "款", "目")


@attrs.frozen(kw_only=True, cache_hash=True)
class Cell:
    """One cell of a table row. ``text`` may hold line breaks; ``attrs`` are
    presentation attributes as written (for example ``("BorderTop", "none")``)."""

    __repr__ = _e.record_repr

    text: str = _e.text()
    attrs: tuple[tuple[str, str], ...] = ()
    header: bool = False
    """A header cell (XML ``TableHeaderColumn``; Lawtext ``* *`` / ``*``)."""
    blocks: tuple[Block, ...] = _e.children()
    """The cell's content when it is more than lines of text (paragraphs, items, figures,
    remarks, …; ``text`` is then empty)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class Row:
    """A row of a :class:`Table`."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    cells: tuple[Cell, ...] = _e.children()

    @property
    def label(self) -> str:
        """The text of the first cell (the label of a label/value row)."""
        return self.cells[0].text if self.cells else ""

    @property
    def value(self) -> str:
        """The text of the second cell (the value of a label/value row)."""
        return self.cells[1].text if len(self.cells) > 1 else ""


@attrs.frozen(kw_only=True, cache_hash=True)
class Table:
    """A table: an ordered tuple of rows, each an ordered tuple of cells.

    The 特定商取引法に基づく表記 page is a table of label/value rows; statutes hold tables
    inside paragraphs and items (読替え tables) and in appendices (別表). A table is the
    法令標準XML ``TableStruct``: ``title`` is its ``TableStructTitle``, ``rows`` its
    ``Table`` and ``remarks`` its ``Remarks``.
    """

    __repr__ = _e.record_repr

    key: str = _e.identity()
    rows: tuple[Row, ...] = _e.children()
    title: str | None = _e.heading(default=None)
    remarks: tuple[Remarks, ...] = _e.children()
    remarks_before: int = _e.presentation(default=0)
    """Presentation only: how many of the remarks are written before the rows (XML:
    ``Remarks`` before ``Table`` in the ``TableStruct``, such as 単位 above a table)."""
    bare: bool = _e.presentation(default=False)
    """Presentation only: a bare table (XML ``Table`` not wrapped in a ``TableStruct``, as
    inside a ``Style``): Lawtext writes it without a ``:table-struct:`` tag."""

    @classmethod
    def from_pairs(cls, key: str, pairs: Iterable[tuple[str, str]]) -> Table:
        """Build a label/value table; row keys are ``r1``, ``r2``, ..."""
        from legaldocs.errors import ArgumentTypeError

        if isinstance(pairs, str | bytes) or not hasattr(pairs, "__iter__"):
            raise ArgumentTypeError(f"Table.from_pairs: pairs: not pairs ({type(pairs).__name__})")
        rows = []
        for i, pair in enumerate(pairs, start=1):
            if not isinstance(pair, tuple | list) or len(pair) != 2:
                raise ArgumentTypeError(f"Table.from_pairs: pairs[{i - 1}]: not a pair: {pair!r}")
            label, value = pair
            rows.append(Row(key=f"r{i}", cells=(Cell(text=label), Cell(text=value))))
        return cls(key=key, rows=tuple(rows))

    def pairs(self) -> tuple[tuple[str, str], ...]:
        """The rows as (label, value) pairs."""
        return tuple((row.label, row.value) for row in self.rows)

    def value_of(self, label: str) -> str:
        """The value of the row whose label is ``label``.

        Raises :class:`~legaldocs.NotFoundError` when no row has that label.
        """
        from legaldocs.errors import require_type

        require_type(label, str, "Table.value_of: label")
        for row in self.rows:
            if row.label == label:
                return row.value
        from legaldocs.errors import NotFoundError

        raise NotFoundError(f"table {self.key!r} has no row labelled {label!r}")


@attrs.frozen(kw_only=True, cache_hash=True)
class Item:
    """An item (号) or sub-item (号の細分: イ, （１）, （ｉ）, ...).

    ``label`` is set only when the label as written is not the standard one for ``num``
    at this depth (for example ``"一から三まで"`` in an excerpt).
    """

    __repr__ = _e.record_repr

    key: str = _e.identity()
    num: Num = _e.identity()
    text: str = _e.text()
    children: tuple[ItemChild, ...] = _e.children()
    label: str | None = None
    tagged: bool = _e.presentation(default=False)
    """Presentation only: written with an explicit ``:item:`` (``:subitem1:`` …) tag although
    its title alone would say what it is (e-Gov files do so when the title holds more)."""
    spaced: bool = _e.presentation(default=False)
    """Presentation only: ``text`` is one empty sentence (XML ``<Sentence/>``), written as
    the title and a full-width space rather than the title alone."""
    level: int = _e.presentation(default=0)
    """For an item standing as a block (in a table cell, a note, an appendix, a quoted
    provision) without the items above it: its level as written, 2 for a 号の細分 (XML
    ``Subitem1``), 3 for ``Subitem2`` …; 0 where its nesting says it."""


@attrs.frozen(kw_only=True, cache_hash=True)
class Paragraph:
    """A paragraph (項). The first paragraph of an article is number 1 even when unnumbered
    as written. ``anonymous`` marks a paragraph that carries no number at all (a lone
    paragraph of a supplementary provision, a preamble paragraph).

    ``caption`` is a paragraph's own heading as written, brackets included (paragraphs of
    supplementary provisions have them: （施行期日）). ``plain`` marks an anonymous paragraph
    written as bare text, with no mark at all that it is unnumbered.

    ``label`` is the number as written (XML ``ParagraphNum``) when it is not the standard
    one: ``"10"`` for ``１０``, ``"○２"`` in old statutes, ``"１"`` on a first paragraph
    that writes its number, ``""`` for a later paragraph of an article written without one.
    """

    __repr__ = _e.record_repr

    key: str = _e.identity()
    num: Num = _e.identity()
    text: str = _e.text()
    children: tuple[ItemChild, ...] = _e.children()
    anonymous: bool = False
    caption: str | None = _e.heading(default=None)
    plain: bool = _e.presentation(default=False)
    label: str | None = None
    tight: bool = _e.presentation(default=False)
    """Presentation only: a paragraph outside an article written right below the one before
    it, with no blank line between them (hand-made Lawtext does so; the reference writer
    always leaves one)."""
    tagged: bool = _e.presentation(default=False)
    """Presentation only: written with an explicit ``:paragraph:`` tag although its number
    alone would say it is a paragraph (as one e-Gov file does)."""
    spaced: bool = _e.presentation(default=False)
    """Presentation only: ``text`` is one empty sentence (XML ``<Sentence/>``), written as
    the number and a full-width space rather than the number alone."""


@attrs.frozen(kw_only=True, cache_hash=True)
class Article:
    """An article (条) with its caption (見出し) as written, brackets included.

    A deleted article (``deleted=True``) keeps its number and has no paragraphs; ``until``
    makes it a range (第五十五条から第六十三条まで 削除).

    ``label`` is the title as written (XML ``ArticleTitle``) when it is not the standard one
    for ``num`` and ``until``: ``第十一条及び第十二条`` (then ``until`` is 12), ``第一条ノ二``,
    ``第十ニ条``. ``suppl_note`` is the note after the paragraphs (XML ``SupplNote``:
    ``（罰則　…）``).
    """

    __repr__ = _e.record_repr

    key: str = _e.identity()
    num: Num = _e.identity()
    caption: str | None = _e.heading(default=None)
    paragraphs: tuple[Paragraph, ...] = _e.children()
    deleted: bool = False
    until: Num | None = _e.identity(default=None)
    label: str | None = None
    suppl_note: str | None = _e.text(default=None)
    bulleted: bool = _e.presentation(default=False)
    """Presentation only: the paragraphs are written as a bulleted list, as some web pages
    do (第3条 of the clinic's privacy policy), rather than one plain line each."""


@attrs.frozen(kw_only=True, cache_hash=True)
class Division:
    """A division of a statute: 編, 章, 節, 款 or 目, with its title as written.

    ``label`` is the number as written when it is not the standard one (``第三章ノ二``)."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    kind: DivisionKind
    num: Num = _e.identity()
    title: str = _e.heading()
    children: tuple[Division | Article, ...] = _e.children()
    until: Num | None = _e.identity(default=None)
    label: str | None = None


BodyElement: TypeAlias = Division | Article | Paragraph | Table | PolicyBlock
"""What the body of a document or of a supplementary provision may contain."""


@attrs.frozen(kw_only=True, cache_hash=True)
class Revision:
    """One line of a private policy's revision record: ``2021年2月25日 制定``.

    ``event`` is what happened on ``date`` (制定 = adopted, 改定 = revised); ``era`` says the
    date is written in the Japanese era (令和3年2月25日) rather than the Western calendar.
    """

    __repr__ = _e.record_repr

    date: pendulum.Date
    event: str = "制定"
    era: bool = False


@attrs.frozen(kw_only=True, cache_hash=True)
class Supplement:
    """Supplementary provisions (附則).

    ``title`` is as written (``附則`` or ``附　則``); ``law_ref`` names the amending law
    without brackets (``平成一七年六月二九日法律第七三号``); ``excerpt`` marks 抄.
    A private policy's 附則 holds ``revisions`` instead of a body. ``ref_spacing`` is the
    spacing written between the title and the bracketed ``law_ref`` (``"　"`` or nothing).
    ``appendices`` are the supplement's own (附則別表, 附則様式: XML ``SupplProvisionAppdx…``).
    """

    __repr__ = _e.record_repr

    key: str = _e.identity()
    title: str = _e.heading(default="附則")
    law_ref: str | None = None
    ref_spacing: str = _e.presentation(default="")
    excerpt: bool = False
    body: tuple[BodyElement, ...] = _e.children()
    revisions: tuple[Revision, ...] = ()
    appendices: tuple[AnyAppendix, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class TocEntry:
    """One line of a table of contents, as written, with the lines nested under it."""

    __repr__ = _e.record_repr

    text: str
    children: tuple[TocEntry, ...] = ()


@attrs.frozen(kw_only=True, cache_hash=True)
class Toc:
    """A table of contents (目次)."""

    __repr__ = _e.record_repr

    title: str = "目次"
    entries: tuple[TocEntry, ...] = ()


@attrs.frozen(kw_only=True, cache_hash=True)
class Style:
    """How the document writes what the model stores as values.

    ``numerals``: article and item numbers in kanji (第三条の二, statutes) or Arabic
    (第3条の2, the clinic's pages). ``items``: items written with their numbers (一, イ)
    or as bullets (•). ``article_label``: how an article's number is written in a heading:
    ``"japanese"`` (第3条, 第三条), ``"dotted"`` (``3.``, English policies) or ``"english"``
    (``Article 3``).
    """

    __repr__ = _e.record_repr

    numerals: Numerals = "kanji"
    items: Literal["numbered", "bullets"] = "numbered"
    article_label: Literal["japanese", "dotted", "english"] = "japanese"


@attrs.frozen(kw_only=True, cache_hash=True)
class Document:
    """A whole legal document: a statute, a privacy policy, terms of use, a table page.

    ``alt_title`` is a heading in another language (PRIVACY POLICY above プライバシーポリシー);
    ``law_num`` is a statute's number as written (平成五年法律第八十八号) without brackets.
    ``title`` is ``""`` when the document has none (many web policies start with their
    date or their first section). The body may hold the blocks of a web policy
    (:class:`Section`, :class:`TextBlock`, :class:`BlockList`, ...) as well as articles;
    ``markup`` is how its file was written (a byte-order mark, line ends, the title's
    heading), kept by the Markdown reader so that the writer gives the file back.
    ``law_attrs`` are attributes of the law written before its title (``[LawType="Rule"]``;
    XML ``Law`` attributes), ``enact_statements`` its 制定文 and ``appendices`` its
    appendices (別表, 別記, 様式, …) after the supplementary provisions.
    """

    __repr__ = _e.record_repr

    title: str = _e.heading()
    alt_title: str | None = _e.heading(default=None)
    law_num: str | None = None
    law_attrs: tuple[tuple[str, str], ...] = ()
    enact_statements: tuple[EnactStatement, ...] = _e.children()
    preamble: tuple[Paragraph, ...] = _e.children()
    toc: Toc | None = None
    body: tuple[BodyElement, ...] = _e.children()
    supplements: tuple[Supplement, ...] = _e.children()
    appendices: tuple[AnyAppendix, ...] = _e.children()
    appendix_places: tuple[int, ...] = _e.presentation(default=())
    """Presentation only: where each appendix is written among the supplementary
    provisions (how many of them come before it); empty when all come after them."""
    style: Style = _e.presentation(default=Style())
    lang: str = "ja"
    markup: Markup | None = _e.presentation(default=None)

    def get(self, ref: str | Citation) -> Element:
        """The element named by a citation (``"第3条第2項第1号"``, ``"第三条の二"``,
        ``"附則第1条"``) or by a key path (``"a3/p2/i1"``).

        Raises :class:`~legaldocs.NotFoundError` when nothing has that name and
        :class:`~legaldocs.CitationError` when the citation is not well formed or names more
        than one element (numbers repeat in some real statutes: two articles 第五十三条, keyed
        ``a53`` and ``a53x2``); its message lists their key paths, which ``get`` accepts.
        """
        from legaldocs.model import _citation as citation

        return citation.resolve(self, ref)

    def resolve(self, ref: str | Citation, *, at: Citation | str | None = None) -> Element:
        """The element named by a citation read at the element ``at`` cites: relative
        citations (``前項``, ``次条``, ``同条第三項``, ``同項第二号``) are taken from there;
        absolute ones are resolved as :meth:`get` does.

        Raises :class:`~legaldocs.CitationError` for a relative citation without ``at`` or
        one that names more than one element, and :class:`~legaldocs.NotFoundError` when
        nothing has that name.
        """
        from legaldocs.model import _citation as citation

        if isinstance(ref, str):
            ref = citation.resolve_relative(self, ref, at)
        return citation.resolve(self, ref)

    def walk(self) -> Iterator[tuple[Citation, Element]]:
        """Every element in document order with its citation."""
        from legaldocs.model import _citation as citation

        return citation.walk(self)

    def cite(self, element_or_key: Element | str) -> Citation:
        """The citation of an element (given as the element or its key path)."""
        from legaldocs.model import _citation as citation

        return citation.cite(self, element_or_key)

    def articles(self) -> Iterator[Article]:
        """Every article of the main body in order (not those of supplements)."""
        stack: list[Iterator[BodyElement | Division | Article]] = [iter(self.body)]
        while stack:
            for element in stack[-1]:
                if isinstance(element, Article):
                    yield element
                elif isinstance(element, Division):
                    stack.append(iter(element.children))
                    break
            else:
                stack.pop()


# ---------------------------------------------------------------------------------------
# Statute elements beyond the article tree (法令標準XML names; see legaldocs.model._appendix)


@attrs.frozen(kw_only=True, cache_hash=True)
class EnactStatement:
    """The enacting formula (制定文) of a cabinet order or an ordinance: ``内閣は、…この政令を
    制定する。`` (XML ``EnactStatement``)."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    text: str = _e.text()


@attrs.frozen(kw_only=True, cache_hash=True)
class Sentence:
    """A line of text standing as a block of its own (XML ``Sentence``, or ``Column`` s
    separated by a full-width space): a line of a remark, of a note, of a table cell.

    ``attrs`` are the XML attributes written in brackets before the text, as written
    (for example ``("WritingMode", "vertical")``)."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    text: str = _e.text()
    attrs: tuple[tuple[str, str], ...] = ()


@attrs.frozen(kw_only=True, cache_hash=True)
class Fig:
    """A figure (XML ``Fig``): the picture's file, as the ``src`` attribute names it."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    src: str


@attrs.frozen(kw_only=True, cache_hash=True)
class Remarks:
    """Remarks (備考, 注) under a table, a figure, a note or an appendix (XML ``Remarks``).

    ``label`` is the ``RemarksLabel`` as written (``備考``, ``（備考）``) or ``None``;
    ``line_break`` is its ``LineBreak`` attribute. ``children`` are sentences or items."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    label: str | None = _e.heading(default=None)
    line_break: bool = False
    children: tuple[Item | Sentence, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class FigStruct:
    """A figure with its title and remarks (XML ``FigStruct``)."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    title: str | None = _e.heading(default=None)
    fig: Fig | None = None
    remarks: tuple[Remarks, ...] = _e.children()
    remarks_before: int = _e.presentation(default=0)
    """Presentation only: how many of the remarks come before the figure (XML:
    ``Remarks`` before ``Fig`` in the ``FigStruct``)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class ListBlock:
    """A list (XML ``List``: ``ListSentence`` and ``Sublist1`` …): one line of text,
    written ``- text`` in Lawtext, with the sub-list lines nested under it."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    text: str = _e.text()
    children: tuple[ListBlock, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class AmendProvision:
    """An amending provision (改正規定; XML ``AmendProvision``) below a paragraph of an
    amending law: the sentence that names the change (``第四十条第三項中「…」を「…」に改める。``)
    and the new provisions it quotes (XML ``NewProvision``), in order: whole articles and
    divisions, paragraphs, items, tables, figures, appendices, further amending provisions
    (see :data:`NewProvisionChild`). What it quotes is text of another law: it keeps the
    numbers and keys as written there and is cited only as part of this provision."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    text: str | None = _e.text(default=None)
    children: tuple[NewProvisionChild, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class ArithFormula:
    """A formula block (XML ``ArithFormula``) made of other blocks."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    children: tuple[Block, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class NoteLike:
    """What note, style and format structures share: a title, the content (the schema's
    ``Note``, ``Style`` or ``Format``, which may hold anything) and remarks."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    title: str | None = _e.heading(default=None)
    content: tuple[Block, ...] = _e.children()
    remarks: tuple[Remarks, ...] = _e.children()
    remarks_before: int = _e.presentation(default=0)
    """Presentation only: how many of the remarks are written before the content (XML:
    ``Remarks`` before ``Note``, ``Style`` or ``Format``)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class NoteStruct(NoteLike):
    """A note structure (XML ``NoteStruct``: ``NoteStructTitle``, ``Note``, ``Remarks``)."""

    __repr__ = _e.record_repr


@attrs.frozen(kw_only=True, cache_hash=True)
class StyleStruct(NoteLike):
    """A style (様式) structure (XML ``StyleStruct``: ``StyleStructTitle``, ``Style``,
    ``Remarks``)."""

    __repr__ = _e.record_repr


@attrs.frozen(kw_only=True, cache_hash=True)
class FormatStruct(NoteLike):
    """A format (書式) structure (XML ``FormatStruct``: ``FormatStructTitle``, ``Format``,
    ``Remarks``)."""

    __repr__ = _e.record_repr


def split_related(text: str) -> tuple[str, str | None]:
    """An appendix title as written, split into the title and the bracketed related-article
    reference that ends it (``別表第一（第三条関係）`` → ``("別表第一", "（第三条関係）")``);
    ``None`` when it ends with none."""
    if not text or text[-1] not in "）)":
        return text, None
    depth = 0
    for pos in range(len(text) - 1, -1, -1):
        c = text[pos]
        if c in "）)":
            depth += 1
        elif c in "（(":
            depth -= 1
            if depth == 0:
                return text[:pos], text[pos:]
    return text, None


@attrs.frozen(kw_only=True, cache_hash=True)
class Appendix:
    """What every appendix shares (the kinds are the subclasses).

    ``key`` is its identity (``appdx1``, ``appdx2``, … in document order); ``title`` is the
    title as written (``別表第一``, ``様式第二``, ``別記``); ``related_article_num`` the
    bracketed reference that follows it as written (``（第十五条関係）``); ``children`` its
    content in order."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    title: str | None = _e.heading(default=None)
    related_article_num: str | None = _e.text(default=None)
    children: tuple[Block, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class AppdxTable(Appendix):
    """An appended table (別表; XML ``AppdxTable``)."""

    __repr__ = _e.record_repr


@attrs.frozen(kw_only=True, cache_hash=True)
class AppdxNote(Appendix):
    """An appended note (別記, 別紙; XML ``AppdxNote``)."""

    __repr__ = _e.record_repr


@attrs.frozen(kw_only=True, cache_hash=True)
class AppdxStyle(Appendix):
    """An appended style (様式; XML ``AppdxStyle``)."""

    __repr__ = _e.record_repr


@attrs.frozen(kw_only=True, cache_hash=True)
class AppdxFormat(Appendix):
    """An appended format (書式; XML ``AppdxFormat``)."""

    __repr__ = _e.record_repr


@attrs.frozen(kw_only=True, cache_hash=True)
class AppdxFig(Appendix):
    """An appended figure (別図; XML ``AppdxFig``)."""

    __repr__ = _e.record_repr


@attrs.frozen(kw_only=True, cache_hash=True)
class Appdx(Appendix):
    """An appendix of another kind (付録; XML ``Appdx``)."""

    __repr__ = _e.record_repr


@attrs.frozen(kw_only=True, cache_hash=True)
class SupplProvisionAppdxTable(Appendix):
    """A table appended to supplementary provisions (附則別表; XML
    ``SupplProvisionAppdxTable``)."""

    __repr__ = _e.record_repr


@attrs.frozen(kw_only=True, cache_hash=True)
class SupplProvisionAppdxStyle(Appendix):
    """A style appended to supplementary provisions (附則様式; XML
    ``SupplProvisionAppdxStyle``)."""

    __repr__ = _e.record_repr


@attrs.frozen(kw_only=True, cache_hash=True)
class SupplProvisionAppdx(Appendix):
    """Another appendix of supplementary provisions (XML ``SupplProvisionAppdx``)."""

    __repr__ = _e.record_repr


Block: TypeAlias = (
    Paragraph
    | Item
    | Table
    | FigStruct
    | NoteStruct
    | StyleStruct
    | FormatStruct
    | Remarks
    | Sentence
    | Fig
    | ListBlock
    | ArithFormula
)
"""What an appendix, a note, a style, a format or a multi-line table cell may hold."""

AnyAppendix: TypeAlias = (
    AppdxTable
    | AppdxNote
    | AppdxStyle
    | AppdxFormat
    | AppdxFig
    | Appdx
    | SupplProvisionAppdxTable
    | SupplProvisionAppdxStyle
    | SupplProvisionAppdx
)
"""Any appendix (one of the kinds of :class:`Appendix`)."""

TableStruct: TypeAlias = Table
"""The 法令標準XML name of :class:`~legaldocs.Table` (a ``TableStruct``: title, table, remarks)."""


NewProvisionChild: TypeAlias = Block | Article | Division | AnyAppendix | AmendProvision
"""What an amending provision may quote (XML ``NewProvision``: ``Article``, ``Chapter`` …,
``Paragraph``, ``Item``, ``TableStruct``, ``FigStruct``, ``AppdxStyle`` …, ``List``,
``Sentence`` and nested ``AmendProvision``)."""

ItemChild: TypeAlias = Item | Table | FigStruct | StyleStruct | ListBlock | AmendProvision
"""What a paragraph or an item may contain (XML: sub-items, ``TableStruct``, ``FigStruct``,
``StyleStruct``, ``List``, and below a paragraph ``AmendProvision``)."""

Element: TypeAlias = (
    Division
    | Article
    | Paragraph
    | Item
    | Table
    | Row
    | Supplement
    | Appendix
    | Block
    | EnactStatement
    | AmendProvision
    | PolicyBlock
    | ListItem
    | TableRow
)
"""Any addressable element of a document."""
