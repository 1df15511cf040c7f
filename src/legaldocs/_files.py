"""Files in any format legaldocs reads, chosen by name (private; used by the command line).

This is the one place that knows every format: the formats themselves know nothing of each
other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from legaldocs._atomic import write_atomic
from legaldocs.errors import FormatError, LegaldocsError
from legaldocs.formats.html._render import render_html
from legaldocs.formats.lawtext import parse_lawtext, render_lawtext
from legaldocs.formats.lawxml import parse_law_xml, render_law_xml
from legaldocs.formats.markdown._markdown import parse_markdown, render_markdown
from legaldocs.formats.text import parse_text, render_text
from legaldocs.history._history import History
from legaldocs.model._records import Document
from legaldocs.serialize import _formats
from legaldocs.serialize._api import dumps, from_data

__all__ = ["DATA_FORMATS", "FileFormat", "data_format", "format_of", "read", "render", "write_text"]

FileFormat = Literal["json", "toml", "yaml", "lawtext", "lawxml", "markdown", "text", "html"]
DATA_FORMATS = ("json", "toml", "yaml")

_SUFFIXES: dict[str, FileFormat] = {
    ".json": "json",
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".lawtext": "lawtext",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".xml": "lawxml",
}


def format_of(path: Path) -> FileFormat:
    """The format a file name says: ``.law.txt`` is Lawtext, ``.txt`` the plain-text format."""
    name = path.name.lower()
    if name.endswith(".law.txt"):
        return "lawtext"
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted({*_SUFFIXES, ".law.txt"}))
        raise FormatError(f"{path}: unknown file type (known: {known})")
    return fmt


def data_format(path: Path) -> Literal["json", "toml", "yaml"]:
    """The serialization format of ``path``; a clear error for any other file type."""
    fmt = format_of(path)
    if fmt == "json" or fmt == "toml" or fmt == "yaml":
        return fmt
    raise FormatError(f"{path}: expected a .json, .toml or .yaml file")


def read(path: Path) -> Document | History:
    """Read a document or a history from ``path`` (OSError when the file cannot be read)."""
    fmt = format_of(path)
    source = str(path)
    if fmt == "lawxml":
        return parse_law_xml(path.read_bytes(), source=source)
    text = path.read_text(encoding="utf-8")
    if fmt == "lawtext":
        return parse_lawtext(text, source=source)
    if fmt == "markdown":
        return parse_markdown(text, source=source)
    if fmt == "text":
        return parse_text(text, source=source)
    if fmt == "html":
        raise FormatError(f"{path}: HTML is written, not read")
    data = _formats.decode(text, fmt, source=source)
    kind = data.get("type") if isinstance(data, dict) else None
    if kind == "History":
        return from_data(data, History, source=source)
    if kind == "Document":
        return from_data(data, Document, source=source)
    raise LegaldocsError(
        f"{path}: holds a {kind or 'record of no type'}, not a document or history"
    )


def render(doc: Document, fmt: str) -> str:
    """``doc`` written in one of the formats ``show`` and ``convert`` write."""
    if fmt == "text":
        return render_text(doc)
    if fmt == "lawtext":
        return render_lawtext(doc)
    if fmt == "lawxml":
        return render_law_xml(doc)
    if fmt == "markdown":
        return render_markdown(doc)
    if fmt == "html":
        return render_html(doc, full_page=True)
    if fmt == "json":
        return dumps(doc, indent=2) + "\n"
    raise FormatError(f"cannot write format {fmt!r}")


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (UTF-8)."""
    write_atomic(path, text.encode("utf-8"))
