"""Word boundaries for quoted spans (private): character classes and a few function words.

A quote in an amendment sentence starts and ends at a word boundary. Without a dictionary,
a boundary is where the character class changes: kanji (with 々〆ヶ), hiragana, katakana
(with ー), Latin letters and digits (half or full width, with ``.`` ``,`` ``-`` inside a
number or word), and every other character (punctuation, brackets, spaces) is a word by
itself. Two refinements make the rule usable on statutes:

- the conjunctions and particles written in kanji (及び, 並びに, 又は, 若しくは, 等, 中,
  その他) and the prefix 当該 are words of their own even next to a kanji: 「処分及び」
  is 処分 + 及び, 「当該申請」 is 当該 + 申請;
- a citation is one word with its branch number: 第四章の二, 第三条の二;
- a quote is at least two characters long unless it is a whole word by itself
  (「、」 is a word, 「す」 in 付す is not quoted alone: it belongs to the word before).

:func:`widen` grows an edited span on both texts at once until both ends are boundaries in
the old and in the new text, and :func:`inside_word` says whether a quote breaks a word.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "balance",
    "char_class",
    "inside_brackets",
    "inside_word",
    "is_boundary",
    "is_start",
    "widen_span",
    "word_after",
    "word_before",
]

_NUMERAL = "〇一二三四五六七八九十百千0-9０-９"
_BRANCH = re.compile(f"の[{_NUMERAL}]+")
_UNIT_END = re.compile(f"第[{_NUMERAL}]+[編章節款目条項号](?:の[{_NUMERAL}]+)*$")
_FUNCTION_WORDS = ("及び", "並びに", "又は", "若しくは", "その他", "等", "中", "当該")


def char_class(char: str) -> str:
    """The class of one character: ``K`` kanji, ``H`` hiragana, ``T`` katakana, ``A``
    letters and digits, ``P`` anything else (each such character is a word)."""
    code = ord(char)
    if char in "々〆ヶ" or 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return "K"
    if 0x3041 <= code <= 0x309F:
        return "H"
    if 0x30A0 <= code <= 0x30FF or 0xFF66 <= code <= 0xFF9F:
        return "T"
    if char.isalnum():
        return "A"
    if char in ".,-'’" or unicodedata.category(char) == "Pd":
        return "a"  # inside a number or a Latin word only
    return "P"


def is_boundary(text: str, i: int) -> bool:
    """True when position ``i`` of ``text`` (between ``text[i-1]`` and ``text[i]``) is a
    word boundary by the rules of this module."""
    if i <= 0 or i >= len(text):
        return True
    a, b = char_class(text[i - 1]), char_class(text[i])
    if a == "a" or b == "a":
        # 1.5, e-mail: a joiner between two alphanumerics is inside a word
        before = text[i - 2] if a == "a" and i >= 2 else text[i - 1]
        after = text[i + 1] if b == "a" and i + 1 < len(text) else text[i]
        return not (char_class(before) == "A" and char_class(after) == "A")
    for word in _FUNCTION_WORDS:  # never inside 並びに, 若しくは
        for k in range(1, len(word)):
            if text.startswith(word, i - k) and i - k >= 0:
                return False
    if a == "P" or b == "P":
        return True
    if text[i] == "の" and _BRANCH.match(text, i) and _UNIT_END.search(text, 0, i):
        return False  # 第四章の二, 第三条の二: one citation

    if a != b:
        return True
    if a == "K":
        return any(text.startswith(w, i) for w in _FUNCTION_WORDS) or any(
            text.endswith(w, 0, i) for w in _FUNCTION_WORDS
        )
    return False


def is_start(text: str, i: int) -> bool:
    """True when a word may start at ``i``: a boundary, and not the kana written after a
    kanji (送り仮名: 問い合わせ is not quoted from い)."""
    if not is_boundary(text, i):
        return False
    return not (0 < i < len(text) and char_class(text[i - 1]) == "K" and char_class(text[i]) == "H")


def inside_word(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` starts or ends inside a word."""
    return not (is_start(text, start) and is_boundary(text, end))


def widen_span(old: str, new: str, span: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """Grow ``span`` (old start, old end, new start, new end; the texts around it are
    equal) by whole characters of the shared context until each end is a word boundary in
    both texts, and the quoted old text is at least two characters unless it is a word."""
    os, oe, ns, ne = span

    def starts(text: str, i: int, empty: bool) -> bool:
        return is_boundary(text, i) if empty else is_start(text, i)

    while os > 0 and ns > 0 and not (starts(old, os, os == oe) and starts(new, ns, ns == ne)):
        os, ns = os - 1, ns - 1
    while oe < len(old) and ne < len(new) and not (is_boundary(old, oe) and is_boundary(new, ne)):
        oe, ne = oe + 1, ne + 1
    return balance(old, new, (os, oe, ns, ne))


_PAIRS = (("（", "）"), ("「", "」"), ("(", ")"), ("『", "』"))


def inside_brackets(text: str) -> tuple[bool, bool]:
    """Unmatched brackets in ``text``: (an opening one is not closed, a closing one was
    not opened)."""
    opened = closed = False
    for left, right in _PAIRS:
        depth = 0
        for char in text:
            if char == left:
                depth += 1
            elif char == right:
                if depth:
                    depth -= 1
                else:
                    closed = True
        opened = opened or depth > 0
    return opened, closed


def balance(old: str, new: str, span: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """Grow ``span`` until neither quote has an unmatched bracket (or a text ends)."""
    os, oe, ns, ne = span
    for _ in range(len(old) + len(new)):
        o_open, o_close = inside_brackets(old[os:oe])
        n_open, n_close = inside_brackets(new[ns:ne])
        if (o_open or n_open) and oe < len(old) and ne < len(new):
            d = word_after(old, oe) - oe
            oe, ne = oe + d, ne + d
        elif (o_close or n_close) and os > 0 and ns > 0:
            d = os - word_before(old, os)
            os, ns = os - d, ns - d
        else:
            break
    return os, oe, ns, ne


def word_before(text: str, i: int) -> int:
    """The start of the word that ends at boundary ``i`` (``i`` itself at the start)."""
    j = i - 1
    while j > 0 and not is_start(text, j):
        j -= 1
    return max(j, 0)


def word_after(text: str, i: int) -> int:
    """The end of the word that starts at boundary ``i``."""
    j = i + 1
    while j < len(text) and not is_boundary(text, j):
        j += 1
    return min(j, len(text))
