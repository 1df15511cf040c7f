"""Reading and writing records as JSON, TOML or YAML.

Every file holds one record at its top level, beside two keys of its own::

    {"schema": 1, "type": "Document", "title": "プライバシーポリシー", "body": [...]}

``schema`` is the version of this layout (:data:`SCHEMA_VERSION`); ``type`` is the record's tag
(its class name, see :func:`register_tag`); the other keys are the record's fields. The layout
of the fields, shared by every format:

- a field equal to its default is left out, and restored on reading;
- tuples are lists; ``Cell.attrs`` is a list of ``[name, value]`` pairs;
- :class:`~legaldocs.Num` is an integer (``3``) or, with branch numbers, a string (``"3の2"``);
- ``pendulum.Date`` is ``"2024-04-01"``; ``pendulum.DateTime`` is
  ``"2024-04-01T00:00:00+09:00[Asia/Tokyo]"`` (the zone name in brackets, so it comes back as
  Asia/Tokyo and not as a fixed offset; a fixed offset is written without brackets);
- a member of a union of records (``Document.body``, ``Paragraph.children``, ...) is a mapping
  whose first key ``"type"`` names its class: ``{"type": "Article", "key": "a1", ...}``.

Records added later (amendments, histories, diffs) need no registration: any attrs record
whose fields have supported types is written the same way, and any union of two or more
records is tagged by class name. :func:`register_tag` changes a class's tag; :data:`converter`
is the cattrs converter behind it all, for further hooks, and :func:`make_converter` makes a
new one to extend without changing the library's (pass it as ``converter=`` to any function
here).

Reading is strict: unknown keys, wrong types, bad dates or numbers and unknown tags raise one
:class:`~legaldocs.SchemaError` that lists every problem with its path (``$.body[3].caption:
expected a string, got int``); text that is not valid JSON/TOML/YAML raises
:class:`~legaldocs.ParseError` with its line and column.

JSON is written compactly (or indented with ``indent``), keeps non-ASCII characters as they are
and is deterministic. TOML needs the ``tomli-w`` package (``pip install legaldocs[toml]``; reading
uses the standard ``tomllib``), YAML needs ``pyyaml`` (``pip install legaldocs[yaml]``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import BaseValidationError

from legaldocs._atomic import write_atomic
from legaldocs.errors import (
    ArgumentTypeError,
    ArgumentValueError,
    FormatError,
    ParseError,
    SchemaError,
)
from legaldocs.serialize import _converter, _formats
from legaldocs.serialize._converter import (
    MAX_DEPTH,
    Converter,
    Invalid,
    converter,
    kind,
    make_converter,
    problems,
    register_tag,
    tag_of,
)
from legaldocs.serialize._formats import Format, file_error

__all__ = [
    "SCHEMA_VERSION",
    "Converter",
    "Format",
    "converter",
    "dump",
    "dumps",
    "from_data",
    "load",
    "loads",
    "make_converter",
    "register_tag",
    "to_data",
]

T = TypeVar("T")

SCHEMA_VERSION = 1
"""The version of the file layout written by this version of legaldocs."""

_SUPPORTED_SCHEMAS = frozenset({1})
_SCHEMA_KEY = "schema"
_TYPE_KEY = "type"


def _check_record_class(cls: type) -> None:
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise ArgumentTypeError(f"expected a record class (such as Document), got {cls!r}")
    for attribute in attrs.fields(cls):
        if attribute.name in (_SCHEMA_KEY, _TYPE_KEY):
            raise ArgumentTypeError(f"{cls.__name__} has a field named {attribute.name!r}")


def _check_converter(converter: object) -> None:
    if converter is not None and not isinstance(converter, cattrs.BaseConverter):
        raise ArgumentTypeError(
            f"converter must be one made by make_converter(), got {type(converter).__name__}"
        )


_MAX_INDENT = 16


def _check_indent(indent: object) -> None:
    if indent is None:
        return
    if not isinstance(indent, int) or isinstance(indent, bool):
        raise ArgumentTypeError(f"indent must be a whole number or None, got {indent!r}")
    if not 0 <= indent <= _MAX_INDENT:
        raise ArgumentValueError(f"indent must be 0 to {_MAX_INDENT}, got {indent}")


def _check_path(path: object, what: str) -> Path:
    if not isinstance(path, str | os.PathLike):
        raise ArgumentTypeError(f"{what}: path must be a str or a Path, got {type(path).__name__}")
    return Path(path)


def to_data(obj: object, *, converter: cattrs.Converter | None = None) -> dict[str, Any]:
    """The plain data (dicts, lists, str, int, bool) written for the record ``obj``,
    with its ``schema`` and ``type`` keys. Raises :class:`SchemaError` when it cannot be written.
    ``converter``: one made by :func:`make_converter` (default: the library's).
    """
    _check_converter(converter)
    conv = _converter.converter if converter is None else converter
    cls = type(obj)
    if not attrs.has(cls):
        raise SchemaError([f"$: expected a record (such as a Document), got {kind(obj)}"])
    _check_record_class(cls)
    try:
        body = conv.unstructure(obj, cls)
    except Invalid as error:
        raise SchemaError([f"$: {error.message}"]) from None
    except Exception as error:
        reason = f"{type(error).__name__}: {error}"
        raise SchemaError([f"$: cannot write {cls.__name__}: {reason}"]) from None
    if not isinstance(body, dict):
        raise SchemaError([f"$: {cls.__name__} is not written as a mapping"])
    _check_depth(body, None)  # what could not be read back is not written
    return {_SCHEMA_KEY: SCHEMA_VERSION, _TYPE_KEY: tag_of(cls), **body}


def _check_depth(data: Any, source: str | None) -> None:
    """Refuse ``data`` nested more than :data:`MAX_DEPTH` levels deep: what :func:`to_data`
    writes, and what :func:`from_data` reads when the converter does not count as it reads
    (see :func:`~legaldocs.serialize._converter.depth_is_counted`)."""
    # level by level, looking only at the mappings and lists (most values are strings)
    level = [data]
    depth = 1
    while True:
        deeper: list[Any] = []
        add = deeper.append
        for value in level:
            for child in value.values() if value.__class__ is dict else value:
                if child.__class__ is dict or child.__class__ is list:
                    add(child)
        if not deeper:
            return
        depth += 1
        if depth > MAX_DEPTH:
            raise SchemaError([f"$: nested more than {MAX_DEPTH} levels deep"], source=source)
        level = deeper


def from_data(
    data: Any,
    cls: type[T],
    *,
    source: str | None = None,
    converter: cattrs.Converter | None = None,
) -> T:
    """The record of class ``cls`` held by plain ``data`` (as made by :func:`to_data`).

    Raises :class:`SchemaError` listing every problem, with ``source`` (a file name) if given.
    ``converter``: one made by :func:`make_converter` (default: the library's).
    """
    _check_record_class(cls)
    _check_converter(converter)
    if data.__class__ is not dict:
        raise SchemaError(
            [f"$: expected a mapping with {_SCHEMA_KEY!r} and {_TYPE_KEY!r}, got {kind(data)}"],
            source=source,
        )
    if not (isinstance(converter, Converter | None) and _converter.depth_is_counted(cls)):
        _check_depth(data, source)
    body = dict(data)
    found: list[str] = []
    expected = tag_of(cls)
    if _SCHEMA_KEY not in body:
        found.append(f"$.{_SCHEMA_KEY}: missing (expected {SCHEMA_VERSION})")
    else:
        version = body.pop(_SCHEMA_KEY)
        if version.__class__ is not int or version not in _SUPPORTED_SCHEMAS:
            found.append(
                f"$.{_SCHEMA_KEY}: unsupported schema version {version!r} "
                f"(this version of legaldocs reads {SCHEMA_VERSION})"
            )
    if _TYPE_KEY not in body:
        found.append(f"$.{_TYPE_KEY}: missing (expected {expected!r})")
    else:
        tag = body.pop(_TYPE_KEY)
        if tag != expected:
            found.append(f"$.{_TYPE_KEY}: expected {expected!r}, got {tag!r}")
    if found:
        raise SchemaError(found, source=source)
    try:
        result: T = _converter.structure(body, cls, converter)
    except (BaseValidationError, Invalid) as error:
        raise SchemaError(problems(error), source=source) from None
    except RecursionError:
        raise SchemaError(["$: nested too deeply"], source=source) from None
    return result


def dumps(
    obj: object,
    format: Format = "json",
    *,
    indent: int | None = None,
    converter: cattrs.Converter | None = None,
) -> str:
    """The record ``obj`` as JSON, TOML or YAML text.

    ``indent`` indents JSON (compact by default). Raises :class:`SchemaError` when the record
    cannot be written and :class:`FormatError` for an unknown format or a missing extra.
    """
    _check_indent(indent)
    return _formats.encode(to_data(obj, converter=converter), format, indent=indent)


def loads(
    text: str,
    cls: type[T],
    format: Format = "json",
    *,
    source: str | None = None,
    converter: cattrs.Converter | None = None,
) -> T:
    """The record of class ``cls`` in ``text`` (JSON, TOML or YAML).

    Raises :class:`ParseError` for invalid syntax (with line and column), :class:`SchemaError`
    listing every problem for data that does not fit ``cls``, and :class:`FormatError`.
    """
    _check_converter(converter)
    data = _formats.decode(text, format, source=source)
    return from_data(data, cls, source=source, converter=converter)


def _format_of(path: Path) -> Format:
    try:
        return _formats.EXTENSIONS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(_formats.EXTENSIONS))
        raise FormatError(
            f"{path}: cannot tell the format from the extension {path.suffix!r} (use {known})"
        ) from None


def dump(
    obj: object,
    path: str | os.PathLike[str],
    *,
    indent: int | None = None,
    converter: cattrs.Converter | None = None,
) -> None:
    """Write the record ``obj`` to ``path``, in the format its extension names (``.json``,
    ``.toml``, ``.yaml``, ``.yml``), atomically: the old file stays whole until the new one is
    complete, and stays untouched when anything fails. Raises :class:`FileError` (with the
    operating system's error as its ``__cause__``) when the file cannot be written.
    An existing file is replaced, by design (as ``Path.write_text`` would): the caller names
    where to write; the command line asks for ``--force`` instead."""
    path = _check_path(path, "dump")
    text = dumps(obj, _format_of(path), indent=indent, converter=converter)
    if not text.endswith("\n"):
        text += "\n"
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        raise file_error(path, error, "cannot write") from error


def load(
    path: str | os.PathLike[str], cls: type[T], *, converter: cattrs.Converter | None = None
) -> T:
    """Read the record of class ``cls`` from ``path`` (format from the extension).

    Errors name the file: :class:`ParseError`, :class:`SchemaError`, :class:`FormatError`,
    and :class:`FileError` (keeping the operating system's error as its ``__cause__``) when
    the file cannot be read. A byte-order mark is skipped.
    """
    path = _check_path(path, "load")
    format = _format_of(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise file_error(path, error, "cannot read") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise ParseError(
            f"not UTF-8: {error.reason}", line=line, column=column, source=str(path)
        ) from None
    return loads(text, cls, format, source=str(path), converter=converter)
