"""Japanese dates: ``2021年2月25日``, ``令和3年2月25日``, ``平成十七年六月二十九日``.

:func:`format_date` writes a date in the Western calendar or in the Japanese era (和暦),
with ASCII or full-width digits; :func:`parse_date` reads every form statutes and policies
use, plus ISO ``2021-02-25``, and returns a :class:`pendulum.Date`.

Eras and their first days (Gregorian):

====  ==========
明治  1868-01-25
大正  1912-07-30
昭和  1926-12-25
平成  1989-01-08
令和  2019-05-01
====  ==========

明治 is reckoned from 1868-01-25, the Gregorian date of the first day of the lunisolar year
(慶応4年1月1日) to which the change of era was applied retroactively, and every date is read
in the Gregorian calendar (Japan kept the lunisolar calendar until 明治5年12月2日, so
dates written before 1873 in documents of the time follow a different calendar; this module
does not convert them). The first year of an era is written 元年. An era date outside its
era (``令和0年``, ``令和元年4月30日``, ``平成32年1月1日``, ``平成31年5月1日``) is invalid:
a year past the era's end is never read as a later year.
"""

from __future__ import annotations

import datetime
import re

import attrs
import pendulum

from legaldocs.errors import FormatError, ParseError
from legaldocs.model import _numerals as _numerals

__all__ = ["ERAS", "Era", "era_of", "format_date", "parse_date"]


@attrs.frozen
class Era:
    """A Japanese era: its name and its first and last days (``last`` is ``None`` for the
    current era)."""

    name: str
    first: pendulum.Date
    last: pendulum.Date | None


def _eras() -> tuple[Era, ...]:
    starts = (
        ("明治", pendulum.date(1868, 1, 25)),
        ("大正", pendulum.date(1912, 7, 30)),
        ("昭和", pendulum.date(1926, 12, 25)),
        ("平成", pendulum.date(1989, 1, 8)),
        ("令和", pendulum.date(2019, 5, 1)),
    )
    out = []
    for i, (name, first) in enumerate(starts):
        last = starts[i + 1][1].subtract(days=1) if i + 1 < len(starts) else None
        out.append(Era(name, first, last))
    return tuple(out)


ERAS: tuple[Era, ...] = _eras()
"""The eras this module knows, oldest first."""

_ERA_BY_NAME = {era.name: era for era in ERAS}

_NUM = r"[0-9０-９]+|[〇零一二三四五六七八九十百千]+"
_JAPANESE = re.compile(
    rf"(?P<era>{'|'.join(_ERA_BY_NAME)})?"
    rf"(?P<year>元|{_NUM})年(?P<month>{_NUM})月(?P<day>{_NUM})日"
)
_ISO = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})")
_TO_FULLWIDTH = str.maketrans("0123456789", _numerals.FULLWIDTH_DIGITS)


def era_of(date: datetime.date) -> Era:
    """The era ``date`` falls in. Raises :class:`~legaldocs.FormatError` before 明治."""
    for era in reversed(ERAS):
        if date >= era.first:
            return era
    raise FormatError(f"{date.isoformat()} is before the first era this library knows (明治)")


def format_date(date: datetime.date, *, era: bool = False, fullwidth: bool = False) -> str:
    """Write ``date`` the Japanese way: ``2021年2月25日``, or with ``era=True``
    ``令和3年2月25日`` (the first year of an era is ``元年``: ``令和元年5月1日``).

    ``fullwidth=True`` writes full-width digits (``令和３年２月２５日``). Raises
    :class:`~legaldocs.FormatError` for an era date before 明治 (1868-01-25).
    """
    if era:
        found = era_of(date)
        year_number = date.year - found.first.year + 1
        year = "元" if year_number == 1 else str(year_number)
        text = f"{found.name}{year}年{date.month}月{date.day}日"
    else:
        text = f"{date.year}年{date.month}月{date.day}日"
    return text.translate(_TO_FULLWIDTH) if fullwidth else text


def _number(text: str, whole: str, what: str) -> int:
    try:
        return _numerals.read_int(text)
    except ValueError:
        raise ParseError(f"unreadable {what} {text!r} in date {whole!r}") from None


def parse_date(text: str) -> pendulum.Date:
    """Read a date written ``2021年2月25日``, ``令和3年2月25日``, ``令和元年5月1日``,
    ``２０２１年２月２５日``, ``平成十七年六月二十九日``, ``平成一七年六月二九日`` or
    ``2021-02-25`` (surrounding white space is ignored).

    Raises :class:`~legaldocs.ParseError` (a ``ValueError``) when the text is not a date,
    names a day that does not exist (``2月30日``), or an era date outside its era
    (``令和0年``, ``平成32年``).
    """
    whole = text
    text = text.strip()
    iso = _ISO.fullmatch(text)
    match = iso or _JAPANESE.fullmatch(text)
    if match is None:
        raise ParseError(f"not a date: {whole!r}")
    era_name = None if iso else match.group("era")
    year_text = match.group("year")
    if year_text == "元":
        if era_name is None:
            raise ParseError(f"元年 needs an era name: {whole!r}")
        year_number = 1
    else:
        year_number = _number(year_text, whole, "year")
    month = _number(match.group("month"), whole, "month")
    day = _number(match.group("day"), whole, "day")
    if era_name is not None:
        found = _ERA_BY_NAME[era_name]
        if year_number < 1:
            raise ParseError(f"{era_name} has no year {year_number}: {whole!r}")
        year = found.first.year + year_number - 1
    else:
        year = year_number
    try:
        date = pendulum.date(year, month, day)
    except ValueError:
        raise ParseError(f"no such day: {whole!r}") from None
    if era_name is not None:
        found = _ERA_BY_NAME[era_name]
        if date < found.first or (found.last is not None and date > found.last):
            span = f"{found.first.isoformat()} to {found.last.isoformat() if found.last else ''}"
            raise ParseError(f"{whole!r} is outside {era_name} ({span})")
    return date
