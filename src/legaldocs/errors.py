"""The exception hierarchy of legaldocs.

Every error the library raises on purpose is a :class:`LegaldocsError`. Each concrete error
also subclasses the built-in exception a Python user would expect (``ValueError`` for bad
input, ``LookupError`` for a reference that names nothing), so ``except ValueError`` keeps
working in code that does not know legaldocs.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AmendmentError",
    "ArgumentTypeError",
    "ArgumentValueError",
    "CitationError",
    "ConsentError",
    "FileError",
    "FormatError",
    "HistoryError",
    "LegaldocsError",
    "NotFoundError",
    "ParseError",
    "SchemaError",
    "StoreError",
]


class LegaldocsError(Exception):
    """Base class of every error raised by legaldocs."""


class ArgumentTypeError(LegaldocsError, TypeError):
    """A function or record was given an argument of the wrong type: ``doc.get(None)``,
    ``apply("x", amendment)``, ``Amendment(enacted=3.5)``. The message names the argument,
    what it accepts and what it got. It is a ``TypeError``, as Python's own would be."""


class ArgumentValueError(LegaldocsError, ValueError):
    """An argument has the right type but a value that cannot be used: an empty amendment id,
    ``ReplacePhrase(old="")``, ``Shift(by=0)``, ``Num.of(0)``, a naive ``datetime`` where a
    moment needs its time zone. The message names the argument and the value. It is a
    ``ValueError``, as Python's own would be. (A date *string* that cannot be read raises
    :class:`ParseError`, also a ``ValueError``.)"""


class ParseError(LegaldocsError, ValueError):
    """Input text could not be parsed.

    ``line`` and ``column`` are 1-based; ``source`` names the file or format when known.
    The message always states the position, so ``str(error)`` alone is enough to find it.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        source: str | None = None,
    ) -> None:
        self.reason = message
        self.line = line
        self.column = column
        self.source = source
        where = []
        if source:
            where.append(source)
        if line is not None:
            where.append(f"line {line}")
            if column is not None:
                where.append(f"column {column}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class FormatError(LegaldocsError, ValueError):
    """A value cannot be written in the requested format (a date before the first era, a
    document element a text format has no syntax for), or a format is unknown (by name or file
    extension) or its optional package is not installed. The message names the element or
    the format."""


class FileError(LegaldocsError, OSError):
    """A file could not be read or written: it is missing, is a directory, is not readable,
    or the disk is full. The message names the file and says what went wrong; the operating
    system's own error is kept as ``__cause__`` (and its ``errno`` here). It is an
    ``OSError``, so ``except OSError`` keeps working."""

    def __init__(self, message: str, *, path: str | None = None, errno: int | None = None):
        super().__init__(message)
        self.path = path
        self.errno = errno

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class CitationError(LegaldocsError, ValueError):
    """A citation such as ``"第3条第2項"`` is not well formed."""


class NotFoundError(LegaldocsError, LookupError):
    """A citation or key is well formed but names no element of the document."""


class SchemaError(LegaldocsError, ValueError):
    """Serialized data does not match the schema.

    ``problems`` lists every problem found, each starting with its JSON path
    (for example ``"$.body[3].caption: expected str, got int"``).
    """

    def __init__(self, problems: Sequence[str], *, source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        head = f"{source}: " if source else ""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        body = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{head}{count} schema {noun}:\n{body}")


class AmendmentError(LegaldocsError, ValueError):
    """An amendment cannot be applied.

    Carries the amendment id, the index of the failing change within the amendment,
    the target citation or key, and the reason.
    """

    def __init__(
        self,
        reason: str,
        *,
        amendment: str | None = None,
        change: int | None = None,
        target: str | None = None,
    ) -> None:
        self.reason = reason
        self.amendment = amendment
        self.change = change
        self.target = target
        parts = []
        if amendment is not None:
            parts.append(f"amendment {amendment!r}")
        if change is not None:
            parts.append(f"change #{change}")
        if target is not None:
            parts.append(f"target {target}")
        prefix = ", ".join(parts)
        super().__init__(f"{prefix}: {reason}" if prefix else reason)


class HistoryError(LegaldocsError, ValueError):
    """A history query or update is not possible (before the first version, after a repeal, ...)."""


class ConsentError(LegaldocsError, ValueError):
    """An acceptance or a consent question does not fit the history it is about (an unknown
    version, a content hash that is not the version's)."""


class StoreError(LegaldocsError):
    """A consent store refuses a write or cannot be reached (a history would be rewritten, a
    record id is reused for another acceptance, the database is missing a driver)."""


def require_type(value: object, kind: type | tuple[type, ...], what: str) -> None:
    """Raise :class:`ArgumentTypeError` unless ``value`` is a ``kind``; ``what`` names the
    argument as the message should (``"render_text: doc"``). For the library's own entry
    points (not part of the public API)."""
    if isinstance(value, kind):
        return
    kinds = kind if isinstance(kind, tuple) else (kind,)
    expected = " or ".join(k.__name__ for k in kinds)
    article = "an" if expected[:1] in "AEIOU" else "a"
    raise ArgumentTypeError(f"{what} must be {article} {expected}, got {type(value).__name__}")


def require_text(value: object, what: str) -> str:
    """``value`` if it is a string that UTF-8 can encode (no lone surrogate);
    :class:`ArgumentTypeError` or :class:`ArgumentValueError` naming ``what`` otherwise."""
    require_type(value, str, what)
    assert isinstance(value, str)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ArgumentValueError(
            f"{what} holds a lone surrogate at character {error.start + 1}: {value[:40]!r}"
        ) from None
    return value
