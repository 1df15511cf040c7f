"""The document model: immutable records, numbers, keys and citations.

This layer knows nothing of formats, amendments or histories. Every element kind declares its
children, its own texts and its material fields once, through the element protocol
(:mod:`legaldocs.model._element`); everything above the model goes through it.
"""

from legaldocs.model._citation import Citation, Step, StepKind
from legaldocs.model._numbers import Num, Numerals, item_label, parse_item_label
from legaldocs.model._records import (
    Article,
    BodyElement,
    Cell,
    Division,
    DivisionKind,
    Document,
    Element,
    Item,
    ItemChild,
    Paragraph,
    Revision,
    Row,
    Style,
    Supplement,
    Table,
    Toc,
    TocEntry,
)

__all__ = [
    "Article",
    "BodyElement",
    "Cell",
    "Citation",
    "Division",
    "DivisionKind",
    "Document",
    "Element",
    "Item",
    "ItemChild",
    "Num",
    "Numerals",
    "Paragraph",
    "Revision",
    "Row",
    "Step",
    "StepKind",
    "Style",
    "Supplement",
    "Table",
    "Toc",
    "TocEntry",
    "item_label",
    "parse_item_label",
]
