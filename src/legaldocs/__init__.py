"""legaldocs: legal documents that change over time.

Immutable records for documents, amendments and histories; point-in-time queries; diffs;
and readers and writers for plain text, Lawtext, Markdown and HTML.

Every public name is importable from here. Names other than the exceptions are loaded on
first use, so that ``import legaldocs`` stays cheap for command-line tools and scripts that
need one format only.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from legaldocs._apply import (
        apply,
    )
    from legaldocs._render_diff import (
        render_diff,
    )
    from legaldocs.amendment import (
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
    )
    from legaldocs.citation import (
        Citation,
        Step,
    )
    from legaldocs.compare import (
        Diff,
        Difference,
        InlineOp,
        apply_ops,
        diff,
        to_amendment,
    )
    from legaldocs.dates import (
        format_date,
        parse_date,
    )
    from legaldocs.history import (
        ElementState,
        History,
        Version,
    )
    from legaldocs.html import (
        html_id,
        render_html,
    )
    from legaldocs.kaimebun import (
        render_kaimebun,
    )
    from legaldocs.lawtext import (
        parse_lawtext,
        render_lawtext,
    )
    from legaldocs.markdown import (
        parse_markdown,
        render_markdown,
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
    from legaldocs.numbers import (
        Num,
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
    from legaldocs.text import (
        parse_text,
        render_text,
    )

__version__ = "0.1.0"

_LAZY: dict[str, str] = {
    "apply": "legaldocs._apply",
    "render_diff": "legaldocs._render_diff",
    "Amendment": "legaldocs.amendment",
    "Change": "legaldocs.amendment",
    "DeleteElement": "legaldocs.amendment",
    "DeletePhrase": "legaldocs.amendment",
    "InsertElement": "legaldocs.amendment",
    "InsertPhrase": "legaldocs.amendment",
    "Rekey": "legaldocs.amendment",
    "Renumber": "legaldocs.amendment",
    "Repeal": "legaldocs.amendment",
    "ReplaceElement": "legaldocs.amendment",
    "ReplacePhrase": "legaldocs.amendment",
    "SetCaption": "legaldocs.amendment",
    "SetDocumentField": "legaldocs.amendment",
    "Shift": "legaldocs.amendment",
    "Citation": "legaldocs.citation",
    "Step": "legaldocs.citation",
    "Diff": "legaldocs.compare",
    "Difference": "legaldocs.compare",
    "InlineOp": "legaldocs.compare",
    "apply_ops": "legaldocs.compare",
    "diff": "legaldocs.compare",
    "to_amendment": "legaldocs.compare",
    "format_date": "legaldocs.dates",
    "parse_date": "legaldocs.dates",
    "ElementState": "legaldocs.history",
    "History": "legaldocs.history",
    "Version": "legaldocs.history",
    "html_id": "legaldocs.html",
    "render_html": "legaldocs.html",
    "render_kaimebun": "legaldocs.kaimebun",
    "parse_lawtext": "legaldocs.lawtext",
    "render_lawtext": "legaldocs.lawtext",
    "parse_markdown": "legaldocs.markdown",
    "render_markdown": "legaldocs.markdown",
    "Article": "legaldocs.model",
    "Cell": "legaldocs.model",
    "Division": "legaldocs.model",
    "Document": "legaldocs.model",
    "Item": "legaldocs.model",
    "Paragraph": "legaldocs.model",
    "Revision": "legaldocs.model",
    "Row": "legaldocs.model",
    "Style": "legaldocs.model",
    "Supplement": "legaldocs.model",
    "Table": "legaldocs.model",
    "Toc": "legaldocs.model",
    "TocEntry": "legaldocs.model",
    "Num": "legaldocs.numbers",
    "SCHEMA_VERSION": "legaldocs.serialize",
    "converter": "legaldocs.serialize",
    "dump": "legaldocs.serialize",
    "dumps": "legaldocs.serialize",
    "from_data": "legaldocs.serialize",
    "load": "legaldocs.serialize",
    "loads": "legaldocs.serialize",
    "register_tag": "legaldocs.serialize",
    "to_data": "legaldocs.serialize",
    "parse_text": "legaldocs.text",
    "render_text": "legaldocs.text",
}

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
    "parse_lawtext",
    "parse_markdown",
    "parse_text",
    "register_tag",
    "render_diff",
    "render_html",
    "render_kaimebun",
    "render_lawtext",
    "render_markdown",
    "render_text",
    "to_amendment",
    "to_data",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'legaldocs' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
