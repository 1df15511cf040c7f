"""legaldocs: legal documents that change over time.

Immutable records for documents, amendments and histories; point-in-time queries; diffs;
and readers and writers for plain text, Lawtext, Markdown and HTML.
"""

from legaldocs.citation import Citation, Step
from legaldocs.diff import Change, Diff, InlineOp, apply_ops, diff
from legaldocs.errors import (
    AmendmentError,
    CitationError,
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
from legaldocs.render_diff import render_diff

__version__ = "0.1.0"

__all__ = [
    "AmendmentError",
    "Article",
    "Cell",
    "Change",
    "Citation",
    "CitationError",
    "Diff",
    "Division",
    "Document",
    "HistoryError",
    "InlineOp",
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
    "apply_ops",
    "diff",
    "render_diff",
]
