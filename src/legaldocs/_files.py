"""Files in any format legaldocs reads, chosen by name (private; used by the command line).

Document formats come from the registry in :mod:`legaldocs.formats`, data formats (JSON,
TOML, YAML) from :mod:`legaldocs.serialize`: nothing here lists a format of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from legaldocs import formats
from legaldocs._atomic import write_atomic
from legaldocs.errors import FormatError, LegaldocsError
from legaldocs.formats._encoding import decode
from legaldocs.model import Document
from legaldocs.serialize import _formats
from legaldocs.serialize._formats import file_error

if TYPE_CHECKING:
    from legaldocs.history import History

# Histories and the serializer (cattrs) are imported when a data file is read or written:
# converting a document from one format to another needs neither.

__all__ = [
    "data_format",
    "format_of",
    "is_data_format",
    "read",
    "read_bytes",
    "read_text",
    "render",
    "write_bytes",
    "write_text",
]


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


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``; :class:`~legaldocs.FileError` (the OS error as its cause) when
    the file cannot be read (missing, a directory, no permission)."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise file_error(path, error, "cannot read") from error


def read_text(path: Path, *, encoding: str | None = None) -> str:
    """The text of a data or amendment file: decoded as ``encoding`` says or as detected
    (see :func:`legaldocs.formats._encoding.decode`), a byte-order mark skipped."""
    text = decode(read_bytes(path), encoding=encoding, source=str(path))
    return text[1:] if text.startswith("\ufeff") else text


def read(path: Path, *, encoding: str | None = None) -> Document | History:
    """Read a document or a history from ``path``.

    A document file is decoded as ``encoding`` says or as detected (UTF-8 with or without a
    byte-order mark, UTF-16, Shift_JIS/CP932); undecodable bytes raise ParseError, a file
    that cannot be read :class:`~legaldocs.FileError`."""
    name = format_of(path)
    source = str(path)
    if not is_data_format(name):
        fmt = formats.get(name)
        if not fmt.readable:
            raise FormatError(f"{path}: the {name} format is written, not read")
        content: str | bytes
        if fmt.binary and encoding is None:
            content = read_bytes(path)  # XML: the file declares its own encoding
        else:
            content = decode(read_bytes(path), encoding=encoding, source=source)
        document: Document = fmt.parse(content, source=source)
        return document
    from legaldocs.history import History
    from legaldocs.serialize import from_data

    data = _formats.decode(read_text(path, encoding=encoding), name, source=source)
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
        from legaldocs.serialize import dumps

        return dumps(doc, indent=2) + "\n"
    if fmt == "html":
        return formats.get(fmt).render(doc, full_page=True)
    return formats.get(fmt).render(doc)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (UTF-8); :class:`~legaldocs.FileError` when it
    cannot be written, :class:`~legaldocs.FormatError` for text that is not valid Unicode."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise FormatError(f"{path}: cannot write a lone surrogate as UTF-8 ({error})") from None
    write_bytes(path, data)


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; :class:`~legaldocs.FileError` (the OS error as
    its cause) when it cannot be written."""
    try:
        write_atomic(path, data)
    except OSError as error:
        raise file_error(path, error, "cannot write") from error
