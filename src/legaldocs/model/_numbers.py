"""Numbers of articles, paragraphs and items, with their branch numbers (枝番号).

A :class:`Num` is a value: ``Num.of(3) < Num.of(3, 2) < Num.of(4)`` (第3条 < 第3条の2 < 第4条),
and it renders in Arabic (``3の2``), kanji (``三の二``) or full-width (``３の２``) digits.
"""

from __future__ import annotations

from typing import Literal

import attrs

from legaldocs.errors import ArgumentTypeError, ArgumentValueError, ParseError, require_type
from legaldocs.model import _numerals

__all__ = ["Num", "Numerals", "item_label", "parse_item_label"]

Numerals = Literal["kanji", "arabic"]
"""How a document writes the numbers of its articles and items."""


def _check_parts(instance: object, attribute: object, value: tuple[int, ...]) -> None:
    if not isinstance(value, tuple):
        raise ArgumentTypeError(f"a Num is made of a tuple of integers, got {value!r}")
    if any(not isinstance(p, int) for p in value):
        raise ArgumentTypeError(f"a Num is made of a tuple of integers, got {value!r}")
    if not value or any(isinstance(p, bool) or p < 1 for p in value):
        raise ArgumentValueError(f"a Num needs one or more positive integers, got {value!r}")


@attrs.frozen(order=True, cache_hash=True)
class Num:
    """A number with optional branch numbers: ``Num((3,))`` is 3, ``Num((3, 2))`` is 3の2.

    Numbers order the way the law reads: 3 < 3の2 < 3の2の1 < 3の3 < 4.
    """

    parts: tuple[int, ...] = attrs.field(validator=_check_parts)

    @classmethod
    def of(cls, main: int, *branches: int) -> Num:
        """``Num.of(3, 2)`` is 3の2."""
        return cls((main, *branches))

    @classmethod
    def parse(cls, text: str) -> Num:
        """Read ``"3"``, ``"三の二"``, ``"３の２"`` or ``"二十七の十二の二"``.

        Raises :class:`~legaldocs.ParseError` (a ``ValueError``) when the text is not a number.
        """
        if not isinstance(text, str):
            raise ArgumentTypeError(f"Num.parse needs a string, got {type(text).__name__}")
        pieces = text.split("の")
        try:
            return cls(tuple(_numerals.read_int(p) for p in pieces))
        except ValueError:
            raise ParseError(f"not a number: {text[:40]!r}") from None

    @property
    def main(self) -> int:
        """The main number (3 for 3の2)."""
        return self.parts[0]

    @property
    def branches(self) -> tuple[int, ...]:
        """The branch numbers (``(2,)`` for 3の2)."""
        return self.parts[1:]

    def branch(self, *more: int) -> Num:
        """A branch below this number: ``Num.of(3).branch(2)`` is 3の2."""
        return Num((*self.parts, *more))

    def arabic(self) -> str:
        """``3の2``."""
        return "の".join(str(p) for p in self.parts)

    def kanji(self) -> str:
        """``三の二``."""
        return "の".join(_numerals.to_kanji(p) for p in self.parts)

    def fullwidth(self) -> str:
        """``３の２``."""
        return "の".join(_numerals.to_fullwidth(p) for p in self.parts)

    def written(self, numerals: Numerals) -> str:
        """The number in the given numeral style."""
        return self.kanji() if numerals == "kanji" else self.arabic()

    def __str__(self) -> str:
        return self.arabic()


def item_label(num: Num, depth: int, numerals: Numerals = "kanji") -> str:
    """The standard label of an item at ``depth`` (1 = 号, 2 = イ, 3 = （１）, 4 = （ｉ）).

    Branch numbers follow with の: 号 三の二, イの二.
    """
    require_type(num, Num, "item_label: num")
    if not isinstance(depth, int) or isinstance(depth, bool):
        raise ArgumentTypeError(f"item_label: depth must be an integer, got {depth!r}")
    head = num.main
    if depth <= 1:
        first = _numerals.to_kanji(head) if numerals == "kanji" else str(head)
    elif depth == 2:
        first = _numerals.to_iroha(head) if head <= len(_numerals.IROHA) else str(head)
    elif depth == 3:
        first = "（" + _numerals.to_fullwidth(head) + "）"
    elif depth == 4:
        roman = _numerals.to_roman(head)
        first = "（" + "".join(chr(ord(c) + 0xFEE0) for c in roman) + "）"
    else:
        first = "(" + str(head) + ")"
    rest = "".join(
        "の" + (_numerals.to_kanji(b) if numerals == "kanji" else str(b)) for b in num.branches
    )
    return first + rest


def parse_item_label(label: str) -> tuple[Num, int | None]:
    """Read an item label: returns its number and the depth its form implies.

    ``"三の二"`` → (3の2, 1); ``"ロ"`` → (2, 2); ``"（１）"`` or ``"(1)"`` → (1, 3);
    ``"（ｉｉ）"`` or ``"(ii)"`` → (2, 4). A plain Arabic number gives depth ``None``
    (it is used at any depth in Arabic-style documents). Raises
    :class:`~legaldocs.ParseError` (a ``ValueError``).
    """
    require_type(label, str, "parse_item_label: label")
    head, _, tail = label.partition("の")
    branches: tuple[int, ...] = ()
    if tail:
        try:
            branches = tuple(_numerals.read_int(p) for p in tail.split("の"))
        except ValueError:
            raise ParseError(f"not an item label: {label[:40]!r}") from None
    if head[:1] in "(（" and head[-1:] in ")）" and len(head) > 2:
        inner = head[1:-1]
        try:
            return Num((_numerals.read_int(inner), *branches)), 3
        except ValueError:
            pass
        try:
            return Num((_numerals.from_roman(inner), *branches)), 4
        except ValueError:
            raise ParseError(f"not an item label: {label[:40]!r}") from None
    if len(head) == 1 and head in _numerals.IROHA:
        return Num((_numerals.from_iroha(head), *branches)), 2
    try:
        value = _numerals.read_int(head)
    except ValueError:
        raise ParseError(f"not an item label: {label[:40]!r}") from None
    if value < 1:
        raise ParseError(f"not an item label: {label[:40]!r}")
    depth = None if head.isascii() else 1
    return Num((value, *branches)), depth
