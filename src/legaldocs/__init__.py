"""legaldocs: legal documents that change over time.

Immutable records for documents, amendments and histories; point-in-time queries; diffs;
and readers and writers for plain text, Lawtext, Markdown and HTML.

Every public name is importable from here. The subpackages show the design: ``model``
(records, numbers, keys, citations), ``amend`` (changes and applying them), ``history``,
``compare`` (diffs and their renderers), ``formats`` (one subpackage per format) and
``serialize``; see ``docs/explanation/architecture.md``.
"""

from __future__ import annotations

from legaldocs.amend import (
    Amendment,
    Change,
    DeleteElement,
    DeletePhrase,
    InsertElement,
    InsertPhrase,
    Rekey,
    Renumber,
    Repeal,
    ReplaceElement,
    ReplacePhrase,
    SetCaption,
    SetDocumentField,
    Shift,
    apply,
)
from legaldocs.compare import (
    Diff,
    Difference,
    InlineOp,
    apply_ops,
    diff,
    render_diff,
    render_kaimebun,
    to_amendment,
)
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
from legaldocs.formats.html import html_id, render_html
from legaldocs.formats.lawtext import parse_lawtext, render_lawtext
from legaldocs.formats.lawxml import parse_law_xml, render_law_xml
from legaldocs.formats.markdown import parse_markdown, render_markdown
from legaldocs.formats.text import parse_text, render_text
from legaldocs.history import ElementState, History, Version
from legaldocs.model import (
    Article,
    Cell,
    Citation,
    Division,
    Document,
    Item,
    Num,
    Paragraph,
    Revision,
    Row,
    Step,
    Style,
    Supplement,
    Table,
    Toc,
    TocEntry,
)
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
    "Amendment",
    "AmendmentError",
    "Article",
    "Cell",
    "Change",
    "Citation",
    "CitationError",
    "DeleteElement",
    "DeletePhrase",
    "Diff",
    "Difference",
    "Division",
    "Document",
    "ElementState",
    "FormatError",
    "History",
    "HistoryError",
    "InlineOp",
    "InsertElement",
    "InsertPhrase",
    "Item",
    "LegaldocsError",
    "NotFoundError",
    "Num",
    "Paragraph",
    "ParseError",
    "Rekey",
    "Renumber",
    "Repeal",
    "ReplaceElement",
    "ReplacePhrase",
    "Revision",
    "Row",
    "SchemaError",
    "SetCaption",
    "SetDocumentField",
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
    "apply_ops",
    "converter",
    "diff",
    "dump",
    "dumps",
    "format_date",
    "from_data",
    "html_id",
    "load",
    "loads",
    "parse_date",
    "parse_law_xml",
    "parse_lawtext",
    "parse_markdown",
    "parse_text",
    "register_tag",
    "render_diff",
    "render_html",
    "render_kaimebun",
    "render_law_xml",
    "render_lawtext",
    "render_markdown",
    "render_text",
    "to_amendment",
    "to_data",
]

