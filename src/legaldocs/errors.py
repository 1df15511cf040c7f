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
    "CitationError",
    "ConsentError",
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
