"""The document model: immutable records, numbers, keys and citations.

This layer knows nothing of formats, amendments or histories. Every element kind declares its
children, its own texts and its material fields once, through the element protocol
(:mod:`legaldocs.model._element`); everything above the model goes through it.

The citation resolver (:mod:`legaldocs.model._citation`: :class:`Citation`, :class:`Step`,
:data:`StepKind`) is imported on first use of those names: reading and writing a document
needs only the records.
"""

from typing import TYPE_CHECKING, Any

# isort: off
from legaldocs.model import _records  # noqa: F401  (first: _appendix completes it)

# isort: on
from legaldocs.model._appendix import (
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
from legaldocs.model._blocks import (
    Align,
    BlockList,
    CodeBlock,
    Dateline,
    HtmlBlock,
    LinkDefinitions,
    ListItem,
    Markup,
    PipeTable,
    PolicyBlock,
    Quote,
    Section,
    TableCell,
    TableRow,
    TextBlock,
    ThematicBreak,
)
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
    NewProvisionChild,
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
    "Align",
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
    "BlockList",
    "BodyElement",
    "Cell",
    "Citation",
    "CodeBlock",
    "Dateline",
    "Division",
    "DivisionKind",
    "Document",
    "Element",
    "EnactStatement",
    "Fig",
    "FigStruct",
    "FormatStruct",
    "HtmlBlock",
    "Item",
    "ItemChild",
    "LinkDefinitions",
    "ListBlock",
    "ListItem",
    "Markup",
    "NewProvisionChild",
    "NoteLike",
    "NoteStruct",
    "Num",
    "Numerals",
    "Paragraph",
    "PipeTable",
    "PolicyBlock",
    "Quote",
    "Remarks",
    "Revision",
    "Row",
    "Section",
    "Sentence",
    "Step",
    "StepKind",
    "Style",
    "StyleStruct",
    "SupplProvisionAppdx",
    "SupplProvisionAppdxStyle",
    "SupplProvisionAppdxTable",
    "Supplement",
    "Table",
    "TableCell",
    "TableRow",
    "TableStruct",
    "TextBlock",
    "ThematicBreak",
    "Toc",
    "TocEntry",
    "item_label",
    "parse_item_label",
]

if TYPE_CHECKING:
    from legaldocs.model._citation import Citation, Step, StepKind

_LAZY = frozenset({"Citation", "Step", "StepKind"})
"""Names of :mod:`legaldocs.model._citation`, imported when first read."""


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'legaldocs.model' has no attribute {name!r}")
    from legaldocs.model import _citation

    value = getattr(_citation, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
