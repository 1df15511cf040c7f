"""Document formats: one subpackage per format, and the registry that knows them all.

Each format is a subpackage (``text``, ``lawtext``, ``markdown``, ``html``, ...) that knows
the model and nothing of the other formats. This module is the one place that lists them,
with their names, file extensions, reader and writer; loading files by name, the command
line and ``convert`` go through :func:`get` and :func:`for_path`. A format's module is only
imported when its reader or writer is first used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

import attrs

from legaldocs.errors import FormatError, require_type

__all__ = ["DocumentFormat", "all_formats", "for_path", "get", "register"]


@attrs.frozen(kw_only=True)
class DocumentFormat:
    """A document format: its ``name``, the file ``extensions`` that select it (longest
    first, lower case, with the dot: ``".law.txt"``), and where its reader and writer are
    (``"module:function"``; ``None`` when the format is only read or only written)."""

    name: str
    extensions: tuple[str, ...]
    reader: str | None
    writer: str | None
    description: str = ""
    binary: bool = False
    """The reader takes the file's bytes rather than text (XML declares its own encoding)."""

    def _load(self, where: str | None, what: str) -> Callable[..., Any]:
        if where is None:
            raise FormatError(f"the {self.name} format cannot be {what}")
        module, _, function = where.partition(":")
        loaded: Callable[..., Any] = getattr(importlib.import_module(module), function)
        return loaded

    def parse(self, text: str | bytes, **options: Any) -> Any:
        """Read ``text`` (``source=`` names the file in errors) into a document; the
        reader of a ``binary`` format also takes bytes."""
        return self._load(self.reader, "read")(text, **options)

    def render(self, document: Any, **options: Any) -> str:
        """Write ``document`` in this format."""
        text: str = self._load(self.writer, "written")(document, **options)
        return text

    @property
    def readable(self) -> bool:
        """Whether documents can be read from this format."""
        return self.reader is not None

    @property
    def writable(self) -> bool:
        """Whether documents can be written in this format."""
        return self.writer is not None


_REGISTRY: dict[str, DocumentFormat] = {}


def register(fmt: DocumentFormat) -> None:
    """Add a document format (or replace the one of the same name)."""
    require_type(fmt, DocumentFormat, "register: fmt")
    _REGISTRY[fmt.name] = fmt


def get(name: str) -> DocumentFormat:
    """The format called ``name``; :class:`~legaldocs.FormatError` for an unknown name."""
    require_type(name, str, "formats.get: name")
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise FormatError(f"unknown document format {name!r} (known: {known})") from None


def all_formats() -> tuple[DocumentFormat, ...]:
    """Every registered document format, in registration order."""
    return tuple(_REGISTRY.values())


def for_path(path: str | PurePath) -> DocumentFormat | None:
    """The document format a file name selects (the longest matching extension), or
    ``None`` when no document format claims it (it may be a data format)."""
    require_type(path, (str, PurePath), "for_path: path")
    name = PurePath(path).name.lower()
    best: DocumentFormat | None = None
    best_length = 0
    for fmt in _REGISTRY.values():
        for extension in fmt.extensions:
            if name.endswith(extension) and len(extension) > best_length:
                best, best_length = fmt, len(extension)
    return best


for _fmt in (
    DocumentFormat(
        name="text",
        extensions=(".txt",),
        reader="legaldocs.formats.text:parse_text",
        writer="legaldocs.formats.text:render_text",
        description="the clinic's plain-text page layout",
    ),
    DocumentFormat(
        name="lawtext",
        extensions=(".law.txt", ".lawtext"),
        reader="legaldocs.formats.lawtext:parse_lawtext",
        writer="legaldocs.formats.lawtext:render_lawtext",
        description="Lawtext, the plain-text form of Japanese statutes",
    ),
    DocumentFormat(
        name="lawxml",
        extensions=(".xml",),
        reader="legaldocs.formats.lawxml:parse_law_xml",
        writer="legaldocs.formats.lawxml:render_law_xml",
        description="法令標準XML, the e-Gov law XML schema (v3)",
        binary=True,
    ),
    DocumentFormat(
        name="markdown",
        extensions=(".md", ".markdown"),
        reader="legaldocs.formats.markdown:parse_markdown",
        writer="legaldocs.formats.markdown:render_markdown",
        description="Markdown (CommonMark)",
    ),
    DocumentFormat(
        name="html",
        extensions=(".html", ".htm"),
        reader=None,
        writer="legaldocs.formats.html:render_html",
        description="semantic HTML",
    ),
):
    register(_fmt)
