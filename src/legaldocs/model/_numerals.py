"""Conversions between integers and the numerals of Japanese legal text (private)."""

from __future__ import annotations

from legaldocs.errors import ParseError

_DIGITS = "〇一二三四五六七八九"
_DIGIT_VALUE = {c: i for i, c in enumerate(_DIGITS)}
_DIGIT_VALUE["零"] = 0
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10_000, "億": 100_000_000}

KANJI_NUMERALS = "〇一二三四五六七八九十百千万"
"""The kanji that write the numbers of statutes (第百二十三条, 第一万条), for a regex class."""

FULLWIDTH_DIGITS = "０１２３４５６７８９"
_TO_FULLWIDTH = str.maketrans("0123456789", FULLWIDTH_DIGITS)
_FROM_FULLWIDTH = str.maketrans(FULLWIDTH_DIGITS, "0123456789")

# The iroha order used for 号の細分 (イ, ロ, ハ, ...), as in statutes.
IROHA = (
    "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
)
_IROHA_VALUE = {c: i + 1 for i, c in enumerate(IROHA)}

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def to_kanji(n: int) -> str:
    """Write ``n`` (≥ 0) the way statutes do: 十, 十一, 百二十九, 千, 一万二千."""
    if n < 0:
        raise ValueError(f"negative number: {n}")
    if n == 0:
        return "〇"
    out = []
    for unit_value, unit in ((100_000_000, "億"), (10_000, "万")):
        if n >= unit_value:
            out.append(_below_10000(n // unit_value) + unit)
            n %= unit_value
    if n:
        out.append(_below_10000(n))
    return "".join(out)


def _below_10000(n: int) -> str:
    out = []
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, unit_value)
        if q:
            out.append(("" if q == 1 else _DIGITS[q]) + unit)
    if n:
        out.append(_DIGITS[n])
    return "".join(out)


def from_kanji(text: str) -> int:
    """Read a kanji numeral (``百二十九``, ``一万``; also positional ``一七``)."""
    if not text:
        raise ValueError("empty numeral")
    if all(c in _DIGIT_VALUE for c in text):
        value = 0
        for c in text:
            value = value * 10 + _DIGIT_VALUE[c]
        return value
    total = 0
    section = 0
    digit: int | None = None
    for c in text:
        if c in _DIGIT_VALUE:
            if digit is not None:
                raise ValueError(f"not a kanji numeral: {text!r}")
            digit = _DIGIT_VALUE[c]
        elif c in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[c]
            digit = None
        elif c in _LARGE_UNITS:
            section += 0 if digit is None else digit
            if section == 0:
                raise ValueError(f"not a kanji numeral: {text!r}")
            total += section * _LARGE_UNITS[c]
            section = 0
            digit = None
        else:
            raise ValueError(f"not a kanji numeral: {text!r}")
    return total + section + (0 if digit is None else digit)


def to_fullwidth(n: int) -> str:
    """``12`` → ``"１２"``."""
    return str(n).translate(_TO_FULLWIDTH)


MAX_DIGITS = 12
"""The longest numeral :func:`read_int` reads (no article, item or year has more digits)."""


def read_int(text: str) -> int:
    """Read ASCII, full-width or kanji digits as an integer (a ValueError for what is not a
    numeral; a :class:`~legaldocs.ParseError`, also a ValueError, beyond :data:`MAX_DIGITS`
    characters)."""
    if len(text) > MAX_DIGITS:
        # a ParseError (a ValueError): a reader that does not catch it still raises a
        # library error
        raise ParseError(f"a numeral of more than {MAX_DIGITS} digits: {text[:20]!r}…")
    ascii_text = text.translate(_FROM_FULLWIDTH)
    if ascii_text.isascii() and ascii_text.isdigit():
        return int(ascii_text)
    return from_kanji(text)


def is_numeral(text: str) -> bool:
    """True when :func:`read_int` accepts ``text``."""
    try:
        read_int(text)
    except ValueError:
        return False
    return True


def to_iroha(n: int) -> str:
    """1 → イ, 2 → ロ, ... (the 47 kana of the iroha)."""
    if not 1 <= n <= len(IROHA):
        raise ValueError(f"no iroha letter for {n}")
    return IROHA[n - 1]


def from_iroha(text: str) -> int:
    """イ → 1, ロ → 2, ..."""
    try:
        return _IROHA_VALUE[text]
    except KeyError:
        raise ValueError(f"not an iroha letter: {text!r}") from None


def to_roman(n: int) -> str:
    """1 → ``i``, 4 → ``iv`` (lower case)."""
    if n <= 0:
        raise ValueError(f"no roman numeral for {n}")
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(text: str) -> int:
    """``iv`` → 4 (ASCII or full-width, any case)."""
    ascii_text = "".join(
        chr(ord(c) - 0xFEE0) if "ａ" <= c <= "ｚ" or "Ａ" <= c <= "Ｚ" else c for c in text
    ).lower()
    if not ascii_text or any(c not in "ivxlcdm" for c in ascii_text):
        raise ValueError(f"not a roman numeral: {text!r}")
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total = 0
    for i, c in enumerate(ascii_text):
        v = values[c]
        if i + 1 < len(ascii_text) and values[ascii_text[i + 1]] > v:
            total -= v
        else:
            total += v
    if to_roman(total) != ascii_text:
        raise ValueError(f"not a roman numeral: {text!r}")
    return total
