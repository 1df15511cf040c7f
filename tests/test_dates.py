"""Japanese dates: formatting, parsing, eras, and the round trip law."""

from __future__ import annotations

import datetime

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from legaldocs import FormatError, LegaldocsError, ParseError, format_date, parse_date


@pytest.mark.parametrize(
    ("date", "era", "fullwidth", "expected"),
    [
        ((2021, 2, 25), False, False, "2021年2月25日"),
        ((2021, 2, 25), True, False, "令和3年2月25日"),
        ((2021, 2, 25), False, True, "２０２１年２月２５日"),
        ((2021, 2, 25), True, True, "令和３年２月２５日"),
        ((2019, 5, 1), True, False, "令和元年5月1日"),
        ((2019, 4, 30), True, False, "平成31年4月30日"),
        ((1989, 1, 7), True, False, "昭和64年1月7日"),
        ((1989, 1, 8), True, False, "平成元年1月8日"),
        ((1926, 12, 24), True, False, "大正15年12月24日"),
        ((1926, 12, 25), True, False, "昭和元年12月25日"),
        ((1912, 7, 29), True, False, "明治45年7月29日"),
        ((1912, 7, 30), True, False, "大正元年7月30日"),
        ((1868, 1, 25), True, False, "明治元年1月25日"),
    ],
)
def test_format_date(date: tuple[int, int, int], era: bool, fullwidth: bool, expected: str) -> None:
    assert format_date(pendulum.date(*date), era=era, fullwidth=fullwidth) == expected


def test_format_date_accepts_datetime_date() -> None:
    assert format_date(datetime.date(2022, 7, 15)) == "2022年7月15日"


def test_format_before_meiji_is_an_error() -> None:
    with pytest.raises(FormatError, match="1868-01-24"):
        format_date(pendulum.date(1868, 1, 24), era=True)
    assert format_date(pendulum.date(1868, 1, 24)) == "1868年1月24日"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年2月25日", (2021, 2, 25)),
        ("令和3年2月25日", (2021, 2, 25)),
        ("令和元年5月1日", (2019, 5, 1)),
        ("令和元年12月31日", (2019, 12, 31)),
        ("２０２１年２月２５日", (2021, 2, 25)),
        ("令和３年２月２５日", (2021, 2, 25)),
        ("平成十七年六月二十九日", (2005, 6, 29)),
        ("平成一七年六月二九日", (2005, 6, 29)),
        ("昭和三十九年七月十一日", (1964, 7, 11)),
        ("二〇二一年二月二十五日", (2021, 2, 25)),
        ("2021-02-25", (2021, 2, 25)),
        ("  2022年7月15日 ", (2022, 7, 15)),
        ("平成31年4月30日", (2019, 4, 30)),
    ],
)
def test_parse_date(text: str, expected: tuple[int, int, int]) -> None:
    parsed = parse_date(text)
    assert type(parsed) is pendulum.Date
    assert parsed == pendulum.date(*expected)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("令和0年1月1日", "no year 0"),
        ("平成32年1月1日", "outside 平成"),
        ("平成31年5月1日", "outside 平成"),
        ("令和元年4月30日", "outside 令和"),
        ("明治元年1月24日", "outside 明治"),
        ("2021年2月30日", "no such day"),
        ("2021年13月1日", "no such day"),
        ("2021-02-30", "no such day"),
        ("元年5月1日", "needs an era"),
        ("2021年2月", "not a date"),
        ("令和3年2月25日 制定", "not a date"),
        ("", "not a date"),
        ("令和〇年一月一日", "no year 0"),
    ],
)
def test_parse_date_rejects(text: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason) as info:
        parse_date(text)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, LegaldocsError)


@given(
    st.dates(min_value=datetime.date(1868, 1, 25), max_value=datetime.date(2100, 12, 31)),
    st.booleans(),
    st.booleans(),
)
def test_round_trip(date: datetime.date, era: bool, fullwidth: bool) -> None:
    d = pendulum.date(date.year, date.month, date.day)
    assert parse_date(format_date(d, era=era, fullwidth=fullwidth)) == d
