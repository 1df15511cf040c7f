"""legaldocs: legal documents that change over time.

Immutable records for documents, amendments and histories; point-in-time queries; diffs;
and readers and writers for plain text, Lawtext, Markdown and HTML.
"""

from legaldocs.amendment import (
    Amendment,
    Change,
    DeleteElement,
    DeletePhrase,
    InsertElement,
    InsertPhrase,
    Renumber,
    Repeal,
    ReplaceElement,
    ReplacePhrase,
    SetCaption,
    Shift,
)
from legaldocs.apply import apply
from legaldocs.citation import Citation, Step
from legaldocs.errors import (
    AmendmentError,
    CitationError,
    HistoryError,
    LegaldocsError,
    NotFoundError,
    ParseError,
    SchemaError,
)
from legaldocs.history import ElementState, History, Version
from legaldocs.model import (
    Article,
    Cell,
    Division,
    Document,
    Item,
    Paragraph,
    Revision,
    Row,
    Style,
    Supplement,
    Table,
    Toc,
    TocEntry,
)
from legaldocs.numbers import Num

__version__ = "0.1.0"

__all__ = [
    "Amendment",
    "AmendmentError",
    "Article",
    "Cell",
    "Change",
    "Citation",
    "CitationError",
    "DeleteElement",
    "DeletePhrase",
    "Division",
    "Document",
    "ElementState",
    "History",
    "HistoryError",
    "InsertElement",
    "InsertPhrase",
    "Item",
    "LegaldocsError",
    "NotFoundError",
    "Num",
    "Paragraph",
    "ParseError",
    "Renumber",
    "Repeal",
    "ReplaceElement",
    "ReplacePhrase",
    "Revision",
    "Row",
    "SchemaError",
    "SetCaption",
    "Shift",
    "Step",
    "Style",
    "Supplement",
    "Table",
    "Toc",
    "TocEntry",
    "Version",
    "__version__",
    "apply",
]
