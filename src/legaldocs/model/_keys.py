"""The key scheme: the keys readers give elements when the source names none.

A key is an element's identity, apart from its displayed number; readers derive a first key
from the number or position, and a history keeps it through renumbering. Every reader and
every writer that checks keys uses these functions, so that one document read from any
format gets the same keys:

=================  ==========================  =========================================
element            key                         example
=================  ==========================  =========================================
division           prefix + number, nested     ``ch2``, ``ch2.sec1``, ``pt1.ch3_2``
article            ``a`` + number              ``a3``, ``a3_2`` (第三条の二); ``a53x2``
                                               for the second article numbered 53
paragraph          ``p`` + position            ``p2``
item               ``i`` + position            ``i1``
table              ``t`` + position            ``t1``
row                ``r`` + position            ``r4``
supplement         ``s`` + position            ``s1``
=================  ==========================  =========================================

Division prefixes: 編 ``pt``, 章 ``ch``, 節 ``sec``, 款 ``sub``, 目 ``div``. Files written by
legaldocs 0.1.0 in the plain-text format may name ``part`` and ``subsec`` divisions;
:func:`upgrade` reads them as ``pt`` and ``sub``.
"""

from __future__ import annotations

import re
from typing import Final

from legaldocs.model._numbers import Num

__all__ = [
    "DIVISION_PREFIX",
    "article_key",
    "division_key",
    "number_key",
    "position_key",
    "repeated_key",
    "upgrade",
]

DIVISION_PREFIX: Final[dict[str, str]] = {
    "編": "pt",
    "章": "ch",
    "節": "sec",
    "款": "sub",
    "目": "div",
}
"""The key prefix of each kind of division."""

_LEGACY: Final[dict[str, str]] = {"part": "pt", "subsec": "sub"}
_LEGACY_STEP = re.compile(r"(?:(?<=^)|(?<=[./]))(part|subsec)(?=\d)")


_NUMBER_KEYS: dict[str, dict[tuple[int, ...], str]] = {}
"""The keys made so far, by prefix and parts (readers and writers ask for the same few)."""


def number_key(prefix: str, num: Num) -> str:
    """``prefix`` followed by ``num``'s parts joined by ``_`` (``a3_2`` for 第三条の二)."""
    made = _NUMBER_KEYS.get(prefix)
    if made is None:
        made = _NUMBER_KEYS.setdefault(prefix, {})
    parts = num.parts  # (a tuple: hashed and compared in C)
    key = made.get(parts)
    if key is None:
        key = prefix + "_".join(str(part) for part in parts)
        if len(made) < 100_000:
            made[parts] = key
    return key


def article_key(num: Num) -> str:
    """The key of an article numbered ``num``."""
    return number_key("a", num)


def repeated_key(key: str, seen: dict[str, int]) -> str:
    """``key`` the first time it comes in ``seen`` (which counts the keys of one body),
    ``key`` + ``x`` + its occurrence after (``a53x2``): an e-Gov statute can hold two
    articles with one number (413M60000008001 has two 第五十三条), and keys stay unique."""
    count = seen.get(key, 0) + 1
    seen[key] = count
    return key if count == 1 else f"{key}x{count}"


def division_key(kind: str, num: Num, parent: str | None = None) -> str:
    """The key of a division of ``kind`` numbered ``num`` inside the division keyed
    ``parent`` (``None`` at the top)."""
    own = number_key(DIVISION_PREFIX[kind], num)
    return f"{parent}.{own}" if parent else own


def position_key(prefix: str, position: int) -> str:
    """The key of the ``position``-th (from 1) paragraph (``p``), item (``i``), table
    (``t``), row (``r``) or supplement (``s``) of its container."""
    return f"{prefix}{position}"


def upgrade(key: str) -> str:
    """``key`` with the division prefixes of legaldocs 0.1.0's text format (``part``,
    ``subsec``) replaced by the current ones."""
    return _LEGACY_STEP.sub(lambda m: _LEGACY[m.group(1)], key)
