"""Render the clinic's three legal pages from their plain-text sources.

Loads ``clinic/privacy-policy.txt``, ``clinic/terms-of-use.txt`` and ``clinic/tokushoho.txt``
(the library's own plain-text format) with :func:`legaldocs.parse_text`, prints a one-line
summary of each, then renders each document in every output format registered in
``RENDERERS``: the plain-text source format, Markdown and HTML.

Run from anywhere: ``python examples/render_clinic_documents.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from legaldocs import (
    Document,
    Table,
    format_date,
    parse_text,
    render_html,
    render_markdown,
    render_text,
)

HERE = Path(__file__).resolve().parent
SOURCES = ("privacy-policy.txt", "terms-of-use.txt", "tokushoho.txt")

RENDERERS: dict[str, Callable[[Document], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "html": render_html,
}


def load(name: str) -> Document:
    """Parse one source file of ``clinic/``."""
    path = HERE / "clinic" / name
    return parse_text(path.read_text(encoding="utf-8"), source=f"clinic/{name}")


def summary(doc: Document) -> str:
    """Title, size and revision record of a document, in one line."""
    parts = [f"{doc.title} ({doc.alt_title})" if doc.alt_title else doc.title]
    articles = list(doc.articles())
    if articles:
        parts.append(f"{len(articles)} articles")
    tables = [e for e in doc.body if isinstance(e, Table)]
    for table in tables:
        parts.append(f"table of {len(table.rows)} rows")
    for supplement in doc.supplements:
        for revision in supplement.revisions:
            parts.append(
                f"{revision.event} {format_date(revision.date)}"
                f" ({format_date(revision.date, era=True)})"
            )
    return ", ".join(parts)


def main() -> None:
    """Print every document in every registered format."""
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    documents = {name: load(name) for name in SOURCES}
    for name, doc in documents.items():
        print(f"# {name}: {summary(doc)}")
    for format_name, render in RENDERERS.items():
        for name, doc in documents.items():
            print()
            print(f"===== {name} ({format_name}) =====")
            print(render(doc), end="")


if __name__ == "__main__":
    main()
