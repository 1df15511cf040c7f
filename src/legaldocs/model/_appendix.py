"""Statute elements beyond the article tree: 制定文, appendices (別表, 別記, 様式, 書式, 別図,
付録), the structures they hold (table, figure, note, style and format structures), remarks
(備考), figures, lists and free sentences.

The names follow 法令標準XML (the e-Gov law XML schema v3) so that every element maps to one
XML element: :class:`EnactStatement` is ``EnactStatement``, :class:`AppdxTable` is
``AppdxTable``, :class:`NoteStruct` is ``NoteStruct`` and so on. The model's
:class:`~legaldocs.Table` is the schema's ``TableStruct`` (its ``title`` is the
``TableStructTitle``, its rows the ``Table``, its ``remarks`` the ``Remarks``); the alias
:data:`TableStruct` names it that way.

Text is kept exactly as written, inline markup included (``<Ruby>…<Rt>…</Rt></Ruby>``,
``<Sup>``, ``<Sub>``, ``<QuoteStruct>…</QuoteStruct>``, ``<ArithFormula>``, as Lawtext
writes them); columns of a sentence (``Column``) are separated by a full-width space.

Keys: appendices of the document are ``appdx1``, ``appdx2``, … in document order, those of a
supplement ``sappdx1``, …; inside a container, blocks are keyed by kind and position among
their kind: paragraphs ``p1``, items ``i1``, tables ``t1``, figure structures ``f1``,
note/style/format structures ``n1``, remarks ``rm1``, sentences ``l1``, figures ``g1``,
lists ``li1``, formulas ``af1``; enact statements ``e1``, ``e2``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

import attrs

from legaldocs.model import _element as _e

if TYPE_CHECKING:
    from legaldocs.model._records import Item

__all__ = [
    "AmendProvision",
    "Appdx",
    "AppdxFig",
    "AppdxFormat",
    "AppdxNote",
    "AppdxStyle",
    "AppdxTable",
    "Appendix",
    "ArithFormula",
    "Block",
    "EnactStatement",
    "Fig",
    "FigStruct",
    "FormatStruct",
    "ListBlock",
    "NoteLike",
    "NoteStruct",
    "Remarks",
    "Sentence",
    "StyleStruct",
    "SupplProvisionAppdx",
    "SupplProvisionAppdxStyle",
    "SupplProvisionAppdxTable",
    "TableStruct",
]


@attrs.frozen(kw_only=True, cache_hash=True)
class EnactStatement:
    """The enacting formula (制定文) of a cabinet order or an ordinance: ``内閣は、…この政令を
    制定する。`` (XML ``EnactStatement``)."""

    key: str = _e.identity()
    text: str = _e.text()


@attrs.frozen(kw_only=True, cache_hash=True)
class Sentence:
    """A line of text standing as a block of its own (XML ``Sentence``, or ``Column`` s
    separated by a full-width space): a line of a remark, of a note, of a table cell.

    ``attrs`` are the XML attributes written in brackets before the text, as written
    (for example ``("WritingMode", "vertical")``)."""

    key: str = _e.identity()
    text: str = _e.text()
    attrs: tuple[tuple[str, str], ...] = ()


@attrs.frozen(kw_only=True, cache_hash=True)
class Fig:
    """A figure (XML ``Fig``): the picture's file, as the ``src`` attribute names it."""

    key: str = _e.identity()
    src: str


@attrs.frozen(kw_only=True, cache_hash=True)
class Remarks:
    """Remarks (備考, 注) under a table, a figure, a note or an appendix (XML ``Remarks``).

    ``label`` is the ``RemarksLabel`` as written (``備考``, ``（備考）``) or ``None``;
    ``line_break`` is its ``LineBreak`` attribute. ``children`` are sentences or items."""

    key: str = _e.identity()
    label: str | None = _e.text(default=None)
    line_break: bool = False
    children: tuple[Item | Sentence, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class FigStruct:
    """A figure with its title and remarks (XML ``FigStruct``)."""

    key: str = _e.identity()
    title: str | None = _e.text(default=None)
    fig: Fig | None = None
    remarks: tuple[Remarks, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class ListBlock:
    """A list (XML ``List``: ``ListSentence`` and ``Sublist1`` …): one line of text,
    written ``- text`` in Lawtext, with the sub-list lines nested under it."""

    key: str = _e.identity()
    text: str = _e.text()
    children: tuple[ListBlock, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class AmendProvision:
    """An amending provision (改正規定; XML ``AmendProvision``) below a paragraph of an
    amending law: the sentence that names the change (``第四十条第三項中「…」を「…」に改める。``)
    and the new provisions it quotes (XML ``NewProvision``), in order."""

    key: str = _e.identity()
    text: str | None = _e.text(default=None)
    children: tuple[Block, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class ArithFormula:
    """A formula block (XML ``ArithFormula``) made of other blocks."""

    key: str = _e.identity()
    children: tuple[Block, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class NoteLike:
    """What note, style and format structures share: a title, the content (the schema's
    ``Note``, ``Style`` or ``Format``, which may hold anything) and remarks."""

    key: str = _e.identity()
    title: str | None = _e.text(default=None)
    content: tuple[Block, ...] = _e.children()
    remarks: tuple[Remarks, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class NoteStruct(NoteLike):
    """A note structure (XML ``NoteStruct``: ``NoteStructTitle``, ``Note``, ``Remarks``)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class StyleStruct(NoteLike):
    """A style (様式) structure (XML ``StyleStruct``: ``StyleStructTitle``, ``Style``,
    ``Remarks``)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class FormatStruct(NoteLike):
    """A format (書式) structure (XML ``FormatStruct``: ``FormatStructTitle``, ``Format``,
    ``Remarks``)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class Appendix:
    """What every appendix shares (the kinds are the subclasses).

    ``key`` is its identity (``appdx1``, ``appdx2``, … in document order); ``title`` is the
    title as written (``別表第一``, ``様式第二``, ``別記``); ``related_article_num`` the
    bracketed reference that follows it as written (``（第十五条関係）``); ``children`` its
    content in order."""

    key: str = _e.identity()
    title: str | None = _e.text(default=None)
    related_article_num: str | None = _e.text(default=None)
    children: tuple[Block, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class AppdxTable(Appendix):
    """An appended table (別表; XML ``AppdxTable``)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class AppdxNote(Appendix):
    """An appended note (別記, 別紙; XML ``AppdxNote``)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class AppdxStyle(Appendix):
    """An appended style (様式; XML ``AppdxStyle``)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class AppdxFormat(Appendix):
    """An appended format (書式; XML ``AppdxFormat``)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class AppdxFig(Appendix):
    """An appended figure (別図; XML ``AppdxFig``)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class Appdx(Appendix):
    """An appendix of another kind (付録; XML ``Appdx``)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class SupplProvisionAppdxTable(Appendix):
    """A table appended to supplementary provisions (附則別表; XML
    ``SupplProvisionAppdxTable``)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class SupplProvisionAppdxStyle(Appendix):
    """A style appended to supplementary provisions (附則様式; XML
    ``SupplProvisionAppdxStyle``)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class SupplProvisionAppdx(Appendix):
    """Another appendix of supplementary provisions (XML ``SupplProvisionAppdx``)."""


# The records of _records refer to those above and these to them: imported last (see the end
# of _records), so that both modules are complete whichever is imported first.
from legaldocs.model._records import Item, Paragraph, Table  # noqa: E402

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

TableStruct: TypeAlias = Table
"""The 法令標準XML name of :class:`~legaldocs.Table` (a ``TableStruct``: title, table, remarks)."""
