"""Files in any format legaldocs reads, chosen by name (private; used by the command line).

Document formats come from the registry in :mod:`legaldocs.formats`, data formats (JSON,
TOML, YAML) from :mod:`legaldocs.serialize`: nothing here lists a format of its own.
"""

from __future__ import annotations

from pathlib import Path

from legaldocs import formats
from legaldocs._atomic import write_atomic
from legaldocs.errors import FormatError, LegaldocsError
from legaldocs.formats._encoding import decode
from legaldocs.history import History
from legaldocs.model import Document
from legaldocs.serialize import _formats, dumps, from_data

__all__ = ["data_format", "format_of", "is_data_format", "read", "render", "write_text"]


def format_of(path: Path) -> str:
    """The name of the format a file name says (a document format, or json/toml/yaml)."""
    fmt = formats.for_path(path)
    if fmt is not None:
        return fmt.name
    data = _formats.EXTENSIONS.get(path.suffix.lower())
    if data is None:
        known = sorted({e for f in formats.all_formats() for e in f.extensions})
        known += sorted(_formats.EXTENSIONS)
        raise FormatError(f"{path}: unknown file type (known: {', '.join(known)})")
    return data


def is_data_format(name: str) -> bool:
    """Whether ``name`` is a serialization format (JSON, TOML, YAML)."""
    return name in _formats.EXTENSIONS.values()


def data_format(path: Path) -> _formats.Format:
    """The serialization format of ``path``; a clear error for any other file type."""
    fmt = _formats.EXTENSIONS.get(path.suffix.lower())
    if fmt is not None and formats.for_path(path) is None:
        return fmt
    raise FormatError(f"{path}: expected a .json, .toml or .yaml file")


def read(path: Path, *, encoding: str | None = None) -> Document | History:
    """Read a document or a history from ``path`` (OSError when the file cannot be read).

    A document file is decoded as ``encoding`` says or as detected (UTF-8 with or without a
    byte-order mark, UTF-16, Shift_JIS/CP932); undecodable bytes raise ParseError."""
    name = format_of(path)
    source = str(path)
    if not is_data_format(name):
        fmt = formats.get(name)
        if not fmt.readable:
            raise FormatError(f"{path}: the {name} format is written, not read")
        content: str | bytes
        if fmt.binary and encoding is None:
            content = path.read_bytes()  # XML: the file declares its own encoding
        else:
            content = decode(path.read_bytes(), encoding=encoding, source=source)
        document: Document = fmt.parse(content, source=source)
        return document
    data = _formats.decode(path.read_text(encoding="utf-8"), name, source=source)
    kind = data.get("type") if isinstance(data, dict) else None
    if kind == "History":
        return from_data(data, History, source=source)
    if kind == "Document":
        return from_data(data, Document, source=source)
    raise LegaldocsError(
        f"{path}: holds a {kind or 'record of no type'}, not a document or history"
    )


def render(doc: Document, fmt: str) -> str:
    """``doc`` written in a document format, or as JSON."""
    if fmt == "json":
        return dumps(doc, indent=2) + "\n"
    if fmt == "html":
        return formats.get(fmt).render(doc, full_page=True)
    return formats.get(fmt).render(doc)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (UTF-8)."""
    write_atomic(path, text.encode("utf-8"))
