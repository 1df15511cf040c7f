"""Alignment of two sequences of sibling elements (articles, paragraphs, items, ...).

Passes, each only over what the earlier ones left unmatched:

1. same key and the same content (``is`` first, then ``==``): unchanged, the common case;
2. same content (ignoring key and number), when that content is unique on both sides:
   a moved or renumbered element;
3. same key, unconditionally when ``trust_keys``; otherwise (when ``use_keys``) when the
   two are ``related`` (a cheap test given by the caller, e.g. they share a paragraph), the
   texts are similar (character-bigram Dice ≥ 0.5) or one side is a 削除 placeholder;
4. content similarity (Dice ≥ 0.5) among the leftovers, best pairs first; bounded to
   windows of the leftovers when there are many, so it is never quadratic in the document;
5. same key (when ``use_keys``), then same number: whatever is still left at the same key
   or number is taken to be the same element, rewritten.

Everything else is removed (old side) or added (new side).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Protocol

import attrs

__all__ = ["SimpleUnit", "Unit", "align", "moved", "similarity"]

KEY_SIMILARITY = 0.5
CONTENT_SIMILARITY = 0.5
_MAX_PAIRS = 40_000
_WINDOW = 60
_PREFIX = 1500  # characters of an element's text compared for similarity


class Unit(Protocol):
    """One element to align: its key, number (any hashable; ``None`` for none), whether it
    is a 削除 placeholder, and the element itself. Its content signature (ignoring key and
    number) and its text for similarity are computed only when needed, by the functions
    given to :func:`align`."""

    @property
    def key(self) -> str: ...
    @property
    def num(self) -> Hashable | None: ...
    @property
    def obj(self) -> object: ...
    @property
    def placeholder(self) -> bool: ...


@attrs.frozen(kw_only=True, eq=False)
class SimpleUnit:
    """A plain :class:`Unit`."""

    key: str
    num: Hashable | None
    obj: object
    placeholder: bool = False


def _bigrams(text: str) -> set[str]:
    text = text[:_PREFIX]
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the character bigrams of two texts (1.0 for two empty texts)."""
    if a == b:
        return 1.0
    return _dice(_bigrams(a), _bigrams(b))


def _dice(x: set[str], y: set[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y))


def align(
    old: Sequence[Unit],
    new: Sequence[Unit],
    *,
    sig: Callable[[object], Hashable],
    text: Callable[[object], str],
    use_keys: bool = True,
    trust_keys: bool = False,
    related: Callable[[object, object], bool] | None = None,
    equal: set[int] | None = None,
) -> list[tuple[int | None, int | None]]:
    """Pairs ``(old_index, new_index)``; ``None`` on one side for a removed or added unit.

    The pairs come in output order: the new sequence's order, each removed unit right after
    the pair of the old unit it followed. When ``equal`` is given, the new indices of the
    pairs found identical or equal (pass 1) are added to it.
    """
    match_old: dict[int, int] = {}
    match_new: dict[int, int] = {}

    def pair(i: int, j: int) -> None:
        match_old[i] = j
        match_new[j] = i

    new_by_key: dict[str, int] = {}
    for j, u in enumerate(new):
        new_by_key.setdefault(u.key, j)
    # 1. same key, same content
    for i, u in enumerate(old):
        found = new_by_key.get(u.key)
        if found is not None and found not in match_new:
            j = found
            v = new[j]
            if u.obj is v.obj or u.obj == v.obj:
                pair(i, j)
                if equal is not None:
                    equal.add(j)
    if len(match_old) < len(old) and len(match_new) < len(new):
        grams: dict[int, set[str]] = {}

        def text_of(u: Unit) -> set[str]:
            found = grams.get(id(u))
            if found is None:
                found = grams[id(u)] = _bigrams(text(u.obj))
            return found

        _by_content(old, new, match_old, match_new, pair, sig)
        if use_keys:
            _by_field(
                old, new, match_old, match_new, pair, lambda u: u.key, trust_keys, text_of, related
            )
        _by_similarity(old, new, match_old, match_new, pair, text_of)
        if use_keys:
            _by_field(old, new, match_old, match_new, pair, lambda u: u.key, True, text_of)
        _by_field(old, new, match_old, match_new, pair, lambda u: u.num, True, text_of)
    return _order(len(old), len(new), match_old, match_new)


def _by_content(
    old: Sequence[Unit],
    new: Sequence[Unit],
    match_old: dict[int, int],
    match_new: dict[int, int],
    pair: Callable[[int, int], None],
    sig: Callable[[object], Hashable],
) -> None:
    counts_old: dict[Hashable, list[int]] = {}
    for i, u in enumerate(old):
        if i not in match_old:
            counts_old.setdefault(sig(u.obj), []).append(i)
    counts_new: dict[Hashable, list[int]] = {}
    for j, v in enumerate(new):
        if j not in match_new:
            counts_new.setdefault(sig(v.obj), []).append(j)
    for content, olds in counts_old.items():
        news = counts_new.get(content)
        if news is not None and len(olds) == 1 and len(news) == 1:
            pair(olds[0], news[0])


def _by_field(
    old: Sequence[Unit],
    new: Sequence[Unit],
    match_old: dict[int, int],
    match_new: dict[int, int],
    pair: Callable[[int, int], None],
    field: Callable[[Unit], Hashable | None],
    trust: bool,
    text_of: Callable[[Unit], set[str]],
    related: Callable[[object, object], bool] | None = None,
) -> None:
    index: dict[Hashable, int] = {}
    for j, v in enumerate(new):
        if j not in match_new and field(v) is not None:
            index.setdefault(field(v), j)
    for i, u in enumerate(old):
        if i in match_old or field(u) is None:
            continue
        found = index.get(field(u))
        if found is None or found in match_new:
            continue
        j = found
        v = new[j]
        if (
            trust
            or u.placeholder
            or v.placeholder
            or (related is not None and related(u.obj, v.obj))
            or _dice(text_of(u), text_of(v)) >= KEY_SIMILARITY
        ):
            pair(i, j)


def _by_similarity(
    old: Sequence[Unit],
    new: Sequence[Unit],
    match_old: dict[int, int],
    match_new: dict[int, int],
    pair: Callable[[int, int], None],
    text_of: Callable[[Unit], set[str]],
) -> None:
    left_old = [i for i in range(len(old)) if i not in match_old and not old[i].placeholder]
    left_new = [j for j in range(len(new)) if j not in match_new and not new[j].placeholder]
    if not left_old or not left_new:
        return
    bigrams_new = {j: text_of(new[j]) for j in left_new}
    full = len(left_old) * len(left_new) <= _MAX_PAIRS
    scored: list[tuple[float, int, int]] = []
    for pos, i in enumerate(left_old):
        x = text_of(old[i])
        if full:
            candidates = left_new
        else:
            centre = pos * len(left_new) // len(left_old)
            candidates = left_new[max(0, centre - _WINDOW) : centre + _WINDOW]
        for j in candidates:
            y = bigrams_new[j]
            score = 2 * len(x & y) / (len(x) + len(y))
            if score >= CONTENT_SIMILARITY:
                scored.append((score, i, j))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    for _, i, j in scored:
        if i not in match_old and j not in match_new:
            pair(i, j)


def _order(
    n_old: int, n_new: int, match_old: dict[int, int], match_new: dict[int, int]
) -> list[tuple[int | None, int | None]]:
    # each removed old unit is anchored after the nearest preceding matched old unit
    after: dict[int, list[int]] = {}
    anchor = -1
    for i in range(n_old):
        if i in match_old:
            anchor = i
        else:
            after.setdefault(anchor, []).append(i)
    out: list[tuple[int | None, int | None]] = [(i, None) for i in after.get(-1, ())]
    for j in range(n_new):
        counterpart = match_new.get(j)
        out.append((counterpart, j))
        if counterpart is not None:
            out.extend((k, None) for k in after.get(counterpart, ()))
    return out


def moved(pairs: Sequence[tuple[int | None, int | None]]) -> set[int]:
    """The new indices of matched pairs that are out of order: the matched pairs not on a
    longest increasing subsequence of old indices (in new order). O(n log n)."""
    import bisect

    seq = [(i, j) for i, j in pairs if i is not None and j is not None]
    seq.sort(key=lambda p: p[1])
    tails: list[int] = []
    tail_pos: list[int] = []
    prev: list[int] = [-1] * len(seq)
    for pos, (i, _) in enumerate(seq):
        k = bisect.bisect_left(tails, i)
        if k == len(tails):
            tails.append(i)
            tail_pos.append(pos)
        else:
            tails[k] = i
            tail_pos[k] = pos
        prev[pos] = tail_pos[k - 1] if k else -1
    keep: set[int] = set()
    pos = tail_pos[-1] if tail_pos else -1
    while pos >= 0:
        keep.add(pos)
        pos = prev[pos]
    return {seq[p][1] for p in range(len(seq)) if p not in keep}
