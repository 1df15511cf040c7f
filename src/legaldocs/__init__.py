"""legaldocs: legal documents that change over time.

Immutable records for documents, amendments and histories; point-in-time queries; diffs;
and readers and writers for plain text, Lawtext, Markdown and HTML.
"""

from legaldocs.citation import Citation, Step
from legaldocs.dates import format_date, parse_date
from legaldocs.errors import (
    AmendmentError,
    CitationError,
    FormatError,
    HistoryError,
    LegaldocsError,
    NotFoundError,
    ParseError,
    SchemaError,
)
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
from legaldocs.text import parse_text, render_text

__version__ = "0.1.0"

__all__ = [
    "AmendmentError",
    "Article",
    "Cell",
    "Citation",
    "CitationError",
    "Division",
    "Document",
    "FormatError",
    "HistoryError",
    "Item",
    "LegaldocsError",
    "NotFoundError",
    "Num",
    "Paragraph",
    "ParseError",
    "Revision",
    "Row",
    "SchemaError",
    "Step",
    "Style",
    "Supplement",
    "Table",
    "Toc",
    "TocEntry",
    "__version__",
    "format_date",
    "parse_date",
    "parse_text",
    "render_text",
]
