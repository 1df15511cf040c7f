"""Numbers, numerals and item labels."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legaldocs import Num
from legaldocs.model._numbers import item_label, parse_item_label
from legaldocs.model._numerals import from_kanji, from_roman, to_kanji, to_roman


@pytest.mark.parametrize(
    ("n", "kanji"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (100, "百"),
        (129, "百二十九"),
        (1000, "千"),
        (1993, "千九百九十三"),
        (10000, "一万"),
        (12345, "一万二千三百四十五"),
    ],
)
def test_kanji_numerals(n: int, kanji: str) -> None:
    assert to_kanji(n) == kanji
    assert from_kanji(kanji) == n


def test_positional_kanji() -> None:
    assert from_kanji("一七") == 17


@given(st.integers(min_value=1, max_value=10**8))
def test_kanji_round_trip(n: int) -> None:
    assert from_kanji(to_kanji(n)) == n


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(n: int) -> None:
    assert from_roman(to_roman(n)) == n


def test_num_order() -> None:
    assert Num.of(3) < Num.of(3, 2) < Num.of(3, 2, 1) < Num.of(3, 3) < Num.of(4)


def test_num_writing() -> None:
    n = Num.of(27, 12, 2)
    assert n.kanji() == "二十七の十二の二"
    assert n.arabic() == "27の12の2"
    assert Num.of(2).fullwidth() == "２"
    assert Num.parse("三の二") == Num.parse("3の2") == Num.parse("３の２") == Num.of(3, 2)


@pytest.mark.parametrize("bad", [(), (0,), (-1,), (True,)])
def test_num_rejects_bad_parts(bad: tuple[int, ...]) -> None:
    with pytest.raises(ValueError, match="positive"):
        Num(bad)


def test_num_parse_rejects_text() -> None:
    with pytest.raises(ValueError, match="not a number"):
        Num.parse("abc")


@given(st.lists(st.integers(1, 40), min_size=1, max_size=3), st.integers(1, 4))
def test_item_label_round_trip(parts: list[int], depth: int) -> None:
    num = Num(tuple(parts))
    label = item_label(num, depth)
    assert parse_item_label(label) == (num, depth)


def test_item_labels() -> None:
    assert item_label(Num.of(3, 2), 1) == "三の二"
    assert item_label(Num.of(2), 2) == "ロ"
    assert item_label(Num.of(1), 3) == "（１）"
    assert item_label(Num.of(2), 4) == "（ｉｉ）"
