"""The names of the statute elements beyond the article tree: 制定文, appendices (別表,
別記, 様式, 書式, 別図, 付録), the structures they hold (table, figure, note, style and
format structures), remarks (備考), figures, lists and free sentences.

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

The records themselves live in :mod:`legaldocs.model._records` (they and the article tree
refer to each other, so they are one module); this module names them together.
"""

from legaldocs.model._records import (
    AmendProvision,
    AnyAppendix,
    Appdx,
    AppdxFig,
    AppdxFormat,
    AppdxNote,
    AppdxStyle,
    AppdxTable,
    Appendix,
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
    TableStruct,
)

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
