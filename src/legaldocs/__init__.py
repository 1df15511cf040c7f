"""legaldocs: legal documents that change over time.

Immutable records for documents, amendments and histories; point-in-time queries; diffs;
and readers and writers for plain text, Lawtext, Markdown and HTML.
"""

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
from legaldocs.html import html_id, render_html
from legaldocs.markdown import parse_markdown, render_markdown
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
    "AmendmentError",
    "Article",
    "Cell",
    "Citation",
    "CitationError",
    "Division",
    "Document",
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
    "html_id",
    "parse_markdown",
    "render_html",
    "render_markdown",
]
