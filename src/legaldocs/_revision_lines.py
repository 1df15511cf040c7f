"""Revision lines of a private policy's 附則: ``2021年2月25日 制定`` (private).

A minimal local date reader/writer (Western calendar and 明治–令和 eras) until the shared
``legaldocs.dates`` module lands; the integrator can swap :func:`_read_date` and
:func:`_write_date` for ``dates.parse_date`` / ``dates.format_date``.
"""

from __future__ import annotations

import re

import pendulum

from legaldocs.model import Revision

__all__ = ["EVENTS", "format_revision", "parse_revision"]

EVENTS = ("制定", "改定", "改訂", "施行", "最終改定", "更新")
"""The events a revision line may name."""

_ERAS: tuple[tuple[str, pendulum.Date], ...] = (
    ("令和", pendulum.date(2019, 5, 1)),
    ("平成", pendulum.date(1989, 1, 8)),
    ("昭和", pendulum.date(1926, 12, 25)),
    ("大正", pendulum.date(1912, 7, 30)),
    ("明治", pendulum.date(1868, 1, 25)),
)
_ERA_START = dict(_ERAS)
_DIGITS = "0-9０-９"
_LINE = re.compile(
    rf"(?:(?P<era>明治|大正|昭和|平成|令和)(?P<eyear>[{_DIGITS}]+|元)|(?P<year>[{_DIGITS}]{{4}}))"
    rf"年(?P<month>[{_DIGITS}]{{1,2}})月(?P<day>[{_DIGITS}]{{1,2}})日"
    rf"[ \u3000]*(?P<event>{'|'.join(EVENTS)})"
)
_FROM_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _int(text: str) -> int:
    return int(text.translate(_FROM_FULLWIDTH))


def _read_date(match: re.Match[str]) -> pendulum.Date | None:
    era = match.group("era")
    if era:
        eyear = match.group("eyear")
        year = _ERA_START[era].year + (1 if eyear == "元" else _int(eyear)) - 1
    else:
        year = _int(match.group("year"))
    try:
        date = pendulum.date(year, _int(match.group("month")), _int(match.group("day")))
    except ValueError:
        return None
    if era and date < _ERA_START[era]:
        return None
    return date


def _write_date(date: pendulum.Date, era: bool) -> str:
    if not era:
        return f"{date.year}年{date.month}月{date.day}日"
    for name, start in _ERAS:
        if date >= start:
            year = date.year - start.year + 1
            return f"{name}{'元' if year == 1 else year}年{date.month}月{date.day}日"
    raise ValueError(f"no Japanese era for {date}")


def parse_revision(line: str) -> Revision | None:
    """The revision a whole line records, or ``None`` when the line is not one."""
    match = _LINE.fullmatch(line)
    if not match:
        return None
    date = _read_date(match)
    if date is None:
        return None
    return Revision(date=date, event=match.group("event"), era=match.group("era") is not None)


def format_revision(revision: Revision) -> str:
    """``2021年2月25日 制定`` (or ``令和3年2月25日 制定`` when ``era``).

    Raises :class:`ValueError` when the event is not one of :data:`EVENTS` or the date
    precedes the Meiji era.
    """
    if revision.event not in EVENTS:
        raise ValueError(f"revision event {revision.event!r} is not one of {', '.join(EVENTS)}")
    return f"{_write_date(revision.date, revision.era)} {revision.event}"
