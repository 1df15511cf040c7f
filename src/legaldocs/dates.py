"""Japanese dates: ``2021年2月25日``, ``令和3年2月25日``, ``平成十七年六月二十九日``.

:func:`format_date` writes a date in the Western calendar or in the Japanese era (和暦),
with ASCII or full-width digits; :func:`parse_date` reads every form statutes and policies
use, plus ISO ``2021-02-25``, and returns a :class:`pendulum.Date`.

One rule for arguments: wherever the library takes a date or a moment (``History.as_of``,
``History.start``, ``Amendment(enacted=..., effective=...)``, ``to_amendment``, the command
line's ``--as-of``, the dates in serialized files), it reads it with :func:`parse_moment` (or
:func:`parse_day` where only a day makes sense), so it accepts alike

- a :class:`datetime.date` or a :class:`pendulum.Date`;
- an aware :class:`datetime.datetime` or :class:`pendulum.DateTime` (a naive one only where a
  time zone is known, such as a history's ``tz``);
- an ISO 8601 string: ``"2024-04-01"``, ``"2024-04-01T09:00:00+09:00"``;
- a Japanese date: ``"2024年4月1日"``, ``"令和6年4月1日"``, ``"令和六年四月一日"``.

A value of another type raises :class:`~legaldocs.ArgumentTypeError` (a ``TypeError``); a
string that is not a date raises :class:`~legaldocs.ParseError` and a naive moment without a
zone :class:`~legaldocs.ArgumentValueError` (both ``ValueError``).

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

from legaldocs.errors import ArgumentTypeError, ArgumentValueError, FormatError, ParseError
from legaldocs.model import _numerals as _numerals

__all__ = [
    "ERAS",
    "Era",
    "era_of",
    "format_date",
    "parse_date",
    "parse_day",
    "parse_moment",
]


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


def era_of(date: datetime.date | str) -> Era:
    """The era ``date`` (any form :func:`parse_moment` reads) falls in. Raises
    :class:`~legaldocs.FormatError` before 明治."""
    date = _day_of(date)
    for era in reversed(ERAS):
        if date >= era.first:
            return era
    raise FormatError(f"{date.isoformat()} is before the first era this library knows (明治)")


def format_date(date: datetime.date | str, *, era: bool = False, fullwidth: bool = False) -> str:
    """Write ``date`` the Japanese way: ``2021年2月25日``, or with ``era=True``
    ``令和3年2月25日`` (the first year of an era is ``元年``: ``令和元年5月1日``).

    ``fullwidth=True`` writes full-width digits (``令和３年２月２５日``). Raises
    :class:`~legaldocs.FormatError` for an era date before 明治 (1868-01-25). ``date`` may be
    anything :func:`parse_moment` reads (``"2021-02-25"``, ``"令和3年2月25日"``; a moment is
    written as its date).
    """
    date = _day_of(date)
    if era:
        found = era_of(date)
        year_number = date.year - found.first.year + 1
        year = "元" if year_number == 1 else str(year_number)
        text = f"{found.name}{year}年{date.month}月{date.day}日"
    else:
        text = f"{date.year}年{date.month}月{date.day}日"
    return text.translate(_TO_FULLWIDTH) if fullwidth else text


_MAX_DIGITS = 6
"""A year, month or day has at most this many digits (more cannot be a date)."""


def _number(text: str, whole: str, what: str) -> int:
    if len(text) > _MAX_DIGITS:
        raise ParseError(f"the {what} has too many digits in date {whole[:40]!r}")
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
    if not isinstance(text, str):
        raise ArgumentTypeError(f"parse_date needs a string, got {type(text).__name__}")
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
    except (ValueError, OverflowError):
        raise ParseError(f"no such day: {whole!r}") from None
    if era_name is not None:
        found = _ERA_BY_NAME[era_name]
        if date < found.first or (found.last is not None and date > found.last):
            span = f"{found.first.isoformat()} to {found.last.isoformat() if found.last else ''}"
            raise ParseError(f"{whole!r} is outside {era_name} ({span})")
    return date


_MOMENT_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]")


def parse_moment(
    value: object, *, tz: str | None = None, what: str = "moment"
) -> pendulum.Date | pendulum.DateTime:
    """The one reader of dates and moments given as arguments (see the module documentation).

    A date (or a date string) comes back as a :class:`pendulum.Date`; a moment as an aware
    :class:`pendulum.DateTime`. A naive ``datetime`` or a time string without an offset is
    read in ``tz``; without ``tz`` it raises :class:`~legaldocs.ArgumentValueError`. ``what``
    names the argument in error messages.
    """
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            if tz is None:
                raise ArgumentValueError(
                    f"{what} must be a date or an aware DateTime (with a time zone), "
                    f"got the naive {value!r}"
                )
            return pendulum.instance(value, tz=tz)
        return pendulum.instance(value)
    if isinstance(value, datetime.date):
        if isinstance(value, pendulum.Date):
            return value
        return pendulum.date(value.year, value.month, value.day)
    if isinstance(value, str):
        text = value.strip()
        if _MOMENT_SHAPE.match(text):
            return _parse_iso_moment(text, value, tz, what)
        try:
            return parse_date(text)
        except ParseError as exc:
            raise ParseError(
                f"{what}: not a date or moment (ISO 8601 such as 2024-04-01 or "
                f"2024-04-01T09:00:00+09:00, or 2024年4月1日, 令和6年4月1日): {value[:60]!r}"
                f" ({exc.reason})"
            ) from None
    raise ArgumentTypeError(
        f"{what} must be a date, a DateTime or a date string, got {type(value).__name__}"
        f" {_short(value)}"
    )


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _parse_iso_moment(text: str, original: str, tz: str | None, what: str) -> pendulum.DateTime:
    try:
        parsed = pendulum.parse(text, exact=True, tz=tz or "UTC")
    except (ValueError, OverflowError) as exc:
        raise ParseError(f"{what}: not an ISO 8601 moment: {original[:60]!r} ({exc})") from None
    if not isinstance(parsed, datetime.datetime):
        raise ParseError(f"{what}: not an ISO 8601 moment: {original[:60]!r}")
    if tz is None and not _has_offset(text):
        raise ArgumentValueError(
            f"{what} needs a UTC offset (such as +09:00) or a time zone: {original[:60]!r}"
        )
    return parsed


def _has_offset(text: str) -> bool:
    tail = text[10:]
    return tail.endswith("Z") or "+" in tail or "-" in tail


def _day_of(value: object) -> pendulum.Date:
    """The day of a date or moment argument (a moment's date in its own zone)."""
    moment = parse_moment(value, what="date", tz="UTC")
    if isinstance(moment, datetime.datetime):
        return pendulum.date(moment.year, moment.month, moment.day)
    return moment


def parse_day(value: object, what: str = "date") -> pendulum.Date:
    """:func:`parse_moment` for an argument that is a day (``enacted``): a moment is refused
    with :class:`~legaldocs.ArgumentValueError`."""
    moment = parse_moment(value, what=what, tz="UTC")
    if isinstance(moment, datetime.datetime):
        raise ArgumentValueError(f"{what} must be a day, not a moment: {_short(value)}")
    return moment


_EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()


def epoch_micros(moment: datetime.datetime) -> int:
    """Microseconds from 1970-01-01 00:00 UTC to the aware ``moment``: exact, for ordering and
    storing moments (plain arithmetic: no timedelta, no zone conversion). Not checked: the
    caller passes an aware datetime."""
    offset = moment.utcoffset()
    assert offset is not None
    seconds = (
        (moment.toordinal() - _EPOCH_ORDINAL) * 86400
        + moment.hour * 3600
        + moment.minute * 60
        + moment.second
    )
    return (seconds - offset.days * 86400 - offset.seconds) * 1_000_000 + (
        moment.microsecond - offset.microseconds
    )
