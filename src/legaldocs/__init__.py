"""legaldocs: legal documents that change over time.

Immutable records for documents, amendments and histories; point-in-time queries; diffs;
and readers and writers for plain text, Lawtext, Markdown and HTML.
"""

from legaldocs.citation import Citation, Step
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
from legaldocs.serialize import (
    SCHEMA_VERSION,
    converter,
    dump,
    dumps,
    from_data,
    load,
    loads,
    register_tag,
    to_data,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
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
    "converter",
    "dump",
    "dumps",
    "from_data",
    "load",
    "loads",
    "register_tag",
    "to_data",
]
