"""Text formats for :mod:`legaldocs.serialize._api`: plain data (dicts, lists, str, int, bool) to
JSON, TOML or YAML text and back. The JSON, TOML and YAML libraries are imported on first use
(converting a document between two document formats needs none)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, Literal

from legaldocs.errors import ArgumentTypeError, FileError, FormatError, ParseError, SchemaError

__all__ = ["EXTENSIONS", "Format", "decode", "encode", "file_error"]

Format = Literal["json", "toml", "yaml"]

EXTENSIONS: dict[str, Format] = {".json": "json", ".toml": "toml", ".yaml": "yaml", ".yml": "yaml"}
"""File extensions and the format each one selects."""

_EXTRAS = {"toml": ("tomli_w", "toml"), "yaml": ("yaml", "yaml")}


def _check_format(format: str) -> None:
    if not isinstance(format, str):
        raise ArgumentTypeError(f"format must be 'json', 'toml' or 'yaml', got {format!r}")
    if format not in ("json", "toml", "yaml"):
        raise FormatError(f"unknown format {format!r}: expected 'json', 'toml' or 'yaml'")


def _missing(format: str) -> FormatError:
    module, extra = _EXTRAS[format]
    return FormatError(
        f"writing {format.upper()} needs the {module!r} package: "
        f"install it with `pip install legaldocs[{extra}]`"
    )


def encode(data: dict[str, Any], format: str, *, indent: int | None = None) -> str:
    """``data`` as text in ``format``. JSON keeps non-ASCII characters and key order.

    Text that cannot be written as UTF-8 (a lone surrogate such as ``"\\ud800"``) raises
    :class:`FormatError` naming the character and where it is."""
    _check_format(format)
    try:
        text = _encode(data, format, indent)
    except UnicodeEncodeError as error:
        raise _unencodable(error) from None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise _unencodable(error) from None
    return text


def _unencodable(error: UnicodeEncodeError) -> FormatError:
    text = error.object
    where = (
        f" near {text[max(0, error.start - 20) : error.start]!r}" if isinstance(text, str) else ""
    )
    bad = text[error.start] if isinstance(text, str) and error.start < len(text) else "?"
    return FormatError(
        f"cannot write the character U+{ord(bad):04X} (a lone surrogate, not a character of"
        f" Unicode) as UTF-8{where}"
    )


def _encode(data: dict[str, Any], format: str, indent: int | None) -> str:
    if format == "json":
        import json

        try:
            if indent is None:
                return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            return json.dumps(data, ensure_ascii=False, indent=indent)
        except (TypeError, ValueError) as error:
            raise SchemaError([f"$: cannot write JSON: {error}"]) from None
    if format == "toml":
        try:
            import tomli_w
        except ImportError:
            raise _missing("toml") from None
        try:
            return tomli_w.dumps(data)
        except (TypeError, ValueError) as error:
            raise SchemaError([f"$: cannot write TOML: {error}"]) from None
    try:
        import yaml
    except ImportError:
        raise _missing("yaml") from None
    try:
        text: str = yaml.dump(
            data,
            Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=1 << 30,
        )
    except yaml.YAMLError as error:
        raise SchemaError([f"$: cannot write YAML: {error}"]) from None
    return text


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)$")


def decode(text: str, format: str, *, source: str | None = None) -> Any:
    """The plain data in ``text``. Raises :class:`ParseError` with the line and column."""
    _check_format(format)
    try:
        return _decode(text, format, source)
    except RecursionError:
        raise ParseError(f"invalid {format.upper()}: nested too deeply", source=source) from None


_MAX_INT_DIGITS = 100
"""Integers in serialized data have at most this many digits (no record needs more). JSON is
checked digit by digit only when Python's own limit on the digits of an integer read from text
(:func:`sys.get_int_max_str_digits`) is off or above its default: within it, reading a long
integer costs little and one above it is refused anyway (a :class:`ParseError`, as in TOML and
YAML), and the JSON decoder's own integer path is much faster than a hook on every integer."""

_PYTHON_INT_DIGITS = 4300
"""Python's default limit on the digits of an integer read from text."""


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS:
        raise _TooLong(text)
    return int(text)


def _position(text: str, offset: int) -> tuple[int | None, int | None]:
    """The 1-based line and column of ``offset`` in ``text`` (``None`` for -1: not found)."""
    if offset < 0:
        return None, None
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


_LONG_DIGITS = re.compile(r"\d{" + str(_MAX_INT_DIGITS + 1) + ",}")


class _TooLong(ValueError):
    """An integer literal with too many digits."""


def _decode(text: str, format: str, source: str | None) -> Any:
    try:
        return _decode_syntax(text, format, source)
    except _TooLong as error:
        line, column = _position(text, text.find(str(error)))
        raise ParseError(
            f"invalid {format.upper()}: an integer with {len(str(error))} digits "
            f"(at most {_MAX_INT_DIGITS})",
            line=line,
            column=column,
            source=source,
        ) from None
    except ValueError as error:  # Python's own limit on integer digits, in tomllib or yaml
        if isinstance(error, ParseError):
            raise
        digits = _LONG_DIGITS.search(text)
        if digits is not None and "digits" in str(error):
            line, column = _position(text, digits.start())
            raise ParseError(
                f"invalid {format.upper()}: an integer with {len(digits[0])} digits "
                f"(at most {_MAX_INT_DIGITS})",
                line=line,
                column=column,
                source=source,
            ) from None
        raise ParseError(f"invalid {format.upper()}: {error}", source=source) from None


def _decode_syntax(text: str, format: str, source: str | None) -> Any:
    if not isinstance(text, str):
        raise ArgumentTypeError(f"loads needs a str, got {type(text).__name__}")
    if format == "json":
        import json

        try:
            if 0 < sys.get_int_max_str_digits() <= _PYTHON_INT_DIGITS:
                return json.loads(text)  # Python's own limit bounds the work (see above)
            return json.loads(text, parse_int=_parse_int)
        except json.JSONDecodeError as error:
            raise ParseError(
                f"invalid JSON: {error.msg}", line=error.lineno, column=error.colno, source=source
            ) from None
    if format == "toml":
        import tomllib

        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            message = str(error)
            match = _TOML_POSITION.search(message)
            if match is None:
                line, column = _position(text, len(text))  # "at end of document"
                raise ParseError(
                    f"invalid TOML: {message}", line=line, column=column, source=source
                ) from None
            raise ParseError(
                f"invalid TOML: {message[: match.start()].rstrip()}",
                line=int(match[1]),
                column=int(match[2]),
                source=source,
            ) from None
    try:
        import yaml
    except ImportError:
        raise _missing("yaml") from None
    loader = _yaml_loader()
    try:
        return yaml.load(text, Loader=loader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = " ".join(str(p) for p in (error.context, error.problem) if p)
        raise ParseError(
            f"invalid YAML: {reason}",
            line=None if mark is None else mark.line + 1,
            column=None if mark is None else mark.column + 1,
            source=source,
        ) from None
    except yaml.YAMLError as error:
        raise ParseError(f"invalid YAML: {error}", source=source) from None


_LOADER: list[type] = []


def _yaml_loader() -> type:
    """A safe loader that refuses duplicate keys (PyYAML keeps the last one silently)."""
    if _LOADER:
        return _LOADER[0]
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _StrictLoader(base):  # type: ignore[valid-type,misc]
        pass

    def construct_mapping(loader: Any, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"found a key that is a {type(key).__name__}: keys are strings",
                    key_node.start_mark,
                ) from None
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"found the key {key!r} twice",
                    key_node.start_mark,
                )
            seen.add(key)
        return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)

    mapping_tag = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
    _StrictLoader.add_constructor(mapping_tag, construct_mapping)
    _LOADER.append(_StrictLoader)
    return _StrictLoader


def file_error(path: Path, error: OSError, doing: str) -> FileError:
    """A :class:`FileError` naming ``path`` for the OS ``error`` (raise it ``from error``)."""
    if isinstance(error, IsADirectoryError):
        reason = "it is a directory"
    elif isinstance(error, FileNotFoundError):
        reason = "no such file" if doing == "cannot read" else "no such directory"
    elif isinstance(error, PermissionError):
        reason = "permission denied"
    else:
        reason = error.strerror or str(error)
    return FileError(f"{path}: {doing}: {reason}", path=str(path), errno=error.errno)
