"""Inline (character/word) diff of two short texts, and the typographic fold.

Texts are cut into tokens first: a citation unit (第十二条, 第3項の2) is one token, a run of
digits or kanji numerals is one token, a run of Latin letters is one word, a run of white
space is one token, and every other character is a token of its own. So Japanese text is
compared character by character, Latin text word by word, and a changed number is replaced
as a whole (第十二条 → 第十三条 is one replacement, not 二 → 三).

The token sequences are compared with :class:`difflib.SequenceMatcher` (``autojunk=False``)
after trimming their common prefix and suffix; callers only pass single paragraphs, items,
captions or titles, never a whole document.
"""

from __future__ import annotations

import difflib
import re
from typing import Literal

import attrs

from legaldocs.errors import ArgumentValueError, require_type
from legaldocs.model._numerals import KANJI_NUMERALS

__all__ = ["InlineOp", "OpTag", "apply_ops", "fold", "inline_diff", "is_typographic"]

OpTag = Literal["equal", "insert", "delete", "replace"]

_NUMERAL = f"0-9０-９{KANJI_NUMERALS}"
_TOKEN = re.compile(
    rf"""
    第[{_NUMERAL}]+[編章節款目条項号表行](?:の[{_NUMERAL}]+)*
  | [0-9０-９]+(?:[.,．，][0-9０-９]+)*
  | [{KANJI_NUMERALS}]+
  | [A-Za-zＡ-Ｚａ-ｚ]+(?:['’\-][A-Za-zＡ-Ｚａ-ｚ]+)*
  | [ \t\u3000]+
  | .
    """,
    re.VERBOSE | re.DOTALL,
)

_FOLD: dict[int, str | None] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FOLD.update({ord("，"): "、", ord(","): "、", ord("．"): "。", ord("｡"): "。", ord("､"): "、"})
_FOLD.update({ord(" "): None, ord("\u3000"): None, ord("\t"): None})


def fold(text: str) -> str:
    """A comparison key that ignores typography only: full-width ASCII folds to half-width,
    ，/, fold to 、 and ．to 。, spaces (ASCII, full-width, tab) are dropped. Used to *compare*;
    text is never stored folded."""
    return text.translate(_FOLD)


def is_typographic(old: str, new: str) -> bool:
    """True when ``old`` and ``new`` differ, but only typographically (see :func:`fold`)."""
    return old != new and fold(old) == fold(new)


@attrs.frozen(kw_only=True)
class InlineOp:
    """One operation of an inline diff, with offsets into both texts.

    ``old_text == old[old_start:old_end]`` and ``new_text == new[new_start:new_end]``; the
    operations of a diff cover both texts from start to end, in order, so joining the
    ``new_text`` of every operation gives the new text. ``typographic`` is set on a
    non-equal operation whose texts differ only typographically.
    """

    tag: OpTag
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_text: str
    new_text: str
    typographic: bool = False


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def inline_diff(old: str, new: str) -> tuple[InlineOp, ...]:
    """The inline diff of ``old`` and ``new``: character-level for Japanese, word-level for
    Latin script, whole numbers and citation units replaced as one."""
    if old == new:
        return (
            (
                InlineOp(
                    tag="equal",
                    old_start=0,
                    old_end=len(old),
                    new_start=0,
                    new_end=len(new),
                    old_text=old,
                    new_text=new,
                ),
            )
            if old
            else ()
        )
    a = _tokens(old)
    b = _tokens(new)
    # (tag, a_from, a_to, b_from, b_to) over tokens
    pre = 0
    limit = min(len(a), len(b))
    while pre < limit and a[pre] == b[pre]:
        pre += 1
    suf = 0
    while suf < limit - pre and a[len(a) - 1 - suf] == b[len(b) - 1 - suf]:
        suf += 1
    mid_a = a[pre : len(a) - suf]
    mid_b = b[pre : len(b) - suf]
    raw: list[tuple[str, int, int, int, int]] = []
    if pre:
        raw.append(("equal", 0, pre, 0, pre))
    if mid_a and mid_b:
        for tag, i1, i2, j1, j2 in _opcodes(mid_a, mid_b):
            raw.append((tag, pre + i1, pre + i2, pre + j1, pre + j2))
    elif mid_a:
        raw.append(("delete", pre, len(a) - suf, pre, pre))
    elif mid_b:
        raw.append(("insert", pre, pre, pre, len(b) - suf))
    if suf:
        raw.append(("equal", len(a) - suf, len(a), len(b) - suf, len(b)))

    # token offsets -> character offsets
    a_off = [0]
    for t in a:
        a_off.append(a_off[-1] + len(t))
    b_off = [0]
    for t in b:
        b_off.append(b_off[-1] + len(t))
    spans = [(tag, a_off[i1], a_off[i2], b_off[j1], b_off[j2]) for tag, i1, i2, j1, j2 in raw]
    return tuple(_build(old, new, _cleanup(spans)))


_MAX_CELLS = 1_000_000
"""Above len(a) * len(b) tokens, texts are compared sentence by sentence first."""


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Opcodes over two token lists. Long texts are matched by sentences (split after 。
    and line breaks) first and by tokens only inside changed sentences, so the cost stays
    bounded; a changed block still too large is replaced whole."""
    if len(a) * len(b) <= _MAX_CELLS:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        return [(t, i1, i2, j1, j2) for t, i1, i2, j1, j2 in matcher.get_opcodes()]
    sa, sb = _sentences(a), _sentences(b)
    keys_a = ["".join(a[i:j]) for i, j in sa]
    keys_b = ["".join(b[i:j]) for i, j in sb]
    out: list[tuple[str, int, int, int, int]] = []
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a1 = sa[i1][0] if i1 < len(sa) else len(a)
        a2 = sa[i2 - 1][1] if i2 > i1 else a1
        b1 = sb[j1][0] if j1 < len(sb) else len(b)
        b2 = sb[j2 - 1][1] if j2 > j1 else b1
        if tag == "equal":
            out.append(("equal", a1, a2, b1, b2))
        elif a1 == a2:
            out.append(("insert", a1, a2, b1, b2))
        elif b1 == b2:
            out.append(("delete", a1, a2, b1, b2))
        elif (a2 - a1) * (b2 - b1) <= _MAX_CELLS:
            sub = difflib.SequenceMatcher(None, a[a1:a2], b[b1:b2], autojunk=False)
            for t, x1, x2, y1, y2 in sub.get_opcodes():
                out.append((t, a1 + x1, a1 + x2, b1 + y1, b1 + y2))
        else:
            out.append(("replace", a1, a2, b1, b2))
    return out


def _sentences(tokens: list[str]) -> list[tuple[int, int]]:
    out = []
    start = 0
    for index, token in enumerate(tokens):
        if token in ("。", "\n"):
            out.append((start, index + 1))
            start = index + 1
    if start < len(tokens):
        out.append((start, len(tokens)))
    return out


_Span = tuple[str, int, int, int, int]


def _cleanup(spans: list[_Span]) -> list[_Span]:
    """Make changes read as drafters write them: adjacent changes become one, and an equal
    run squeezed between two changes, no longer than either of them, is absorbed into one
    replacement (「南三丁目1-1」を「一丁目2-3」に, not 「南三」を「一」に and so on)."""
    merged: list[_Span] = []
    for tag, i1, i2, j1, j2 in spans:
        kind = "equal" if tag == "equal" else "change"
        if merged and kind == "change" and merged[-1][0] == "change":
            merged[-1] = ("change", merged[-1][1], i2, merged[-1][3], j2)
        else:
            merged.append((kind, i1, i2, j1, j2))
    index = 1
    while index < len(merged) - 1:
        kind, i1, i2, _, _ = merged[index]
        left, right = merged[index - 1], merged[index + 1]
        if (
            kind == "equal"
            and left[0] == right[0] == "change"
            and i2 - i1 <= min(_extent(left), _extent(right))
        ):
            merged[index - 1 : index + 2] = [("change", left[1], right[2], left[3], right[4])]
            index = max(1, index - 2)
        else:
            index += 1
    out: list[_Span] = []
    for kind, i1, i2, j1, j2 in merged:
        if kind == "change":
            kind = "insert" if i1 == i2 else "delete" if j1 == j2 else "replace"
        out.append((kind, i1, i2, j1, j2))
    return out


def _extent(span: _Span) -> int:
    """The longer side of a change span."""
    return max(span[2] - span[1], span[4] - span[3])


def _build(old: str, new: str, spans: list[tuple[str, int, int, int, int]]) -> list[InlineOp]:
    ops = []
    for tag, i1, i2, j1, j2 in spans:
        if i1 == i2 and j1 == j2:
            continue
        o, n = old[i1:i2], new[j1:j2]
        ops.append(
            InlineOp(
                tag=tag,  # type: ignore[arg-type]
                old_start=i1,
                old_end=i2,
                new_start=j1,
                new_end=j2,
                old_text=o,
                new_text=n,
                typographic=tag != "equal" and is_typographic(o, n),
            )
        )
    return ops


def apply_ops(old: str, ops: tuple[InlineOp, ...]) -> str:
    """Apply inline operations to ``old`` and return the new text.

    Raises :class:`~legaldocs.ArgumentValueError` (a ``ValueError``) when the operations do
    not fit ``old`` (a gap, an overlap, or an ``old_text`` that is not what ``old`` holds at
    its offsets).
    """
    require_type(old, str, "apply_ops: old")
    require_type(ops, tuple, "apply_ops: ops")
    out = []
    pos = 0
    for op in ops:
        require_type(op, InlineOp, "apply_ops: each of ops")
        if op.old_start != pos or old[op.old_start : op.old_end] != op.old_text:
            raise ArgumentValueError(
                f"inline operation {op!r} does not fit the text at offset {pos}"
            )
        out.append(op.new_text)
        pos = op.old_end
    if pos != len(old):
        raise ArgumentValueError(f"inline operations stop at offset {pos} of {len(old)}")
    return "".join(out)
