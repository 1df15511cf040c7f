"""Revision lines of a private policy's 附則: ``2021年2月25日 制定`` (private).

Dates are read and written by :mod:`legaldocs.dates` (Western calendar and 明治–令和 eras).
"""

from __future__ import annotations

import re

from legaldocs.dates import ERAS, format_date, parse_date
from legaldocs.errors import ParseError
from legaldocs.model._records import Revision

__all__ = ["EVENTS", "format_revision", "parse_revision"]

EVENTS = ("制定", "改定", "改訂", "施行", "最終改定", "更新")
"""The events a revision line may name."""

_LINE = re.compile(rf"(?P<date>\S+?日)[ \u3000]*(?P<event>{'|'.join(EVENTS)})")
_ERA_NAMES = tuple(era.name for era in ERAS)


def parse_revision(line: str) -> Revision | None:
    """The revision a whole line records, or ``None`` when the line is not one."""
    match = _LINE.fullmatch(line)
    if not match:
        return None
    written = match.group("date")
    try:
        date = parse_date(written)
    except ParseError:
        return None
    return Revision(date=date, event=match.group("event"), era=written.startswith(_ERA_NAMES))


def format_revision(revision: Revision) -> str:
    """``2021年2月25日 制定`` (or ``令和3年2月25日 制定`` when ``era``).

    Raises :class:`ValueError` when the event is not one of :data:`EVENTS` or the date
    precedes the Meiji era.
    """
    if revision.event not in EVENTS:
        raise ValueError(f"revision event {revision.event!r} is not one of {', '.join(EVENTS)}")
    return f"{format_date(revision.date, era=revision.era)} {revision.event}"
