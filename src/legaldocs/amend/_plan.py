"""From a diff back to an amendment: :func:`to_amendment` (private; see
:meth:`legaldocs.Diff.to_amendment`).

The two documents of the diff are aligned container by container (the body, each division,
article, paragraph, item, the preamble, the supplements and each supplement's body), with the
same alignment rules as :func:`legaldocs.diff` (identity, unique content, key, similarity,
number). Matched pairs that are out of order are treated as removed and added. The changes
come in phases, each read against the text as left by the phases before it:

1. removed elements are deleted (:class:`DeleteElement`);
2. renumbered elements that move down get their numbers, first to last, then those that
   move up, last to first, so that every number is free and in order when it is given
   (第九条を削り、第十条を第九条とし…); runs of at least :data:`SHIFT_FROM` siblings
   moved by the same amount become one :class:`Shift`;
3. matched elements whose content changed, in document order: phrases
   (:class:`ReplacePhrase`, :class:`InsertPhrase`, :class:`DeletePhrase`; each phrase is
   widened by whole tokens (第四十条 is one) until it occurs once in its target, else given
   an ``occurrence``), captions (:class:`SetCaption`), 削除 placeholders, and
   whole-element replacement (:class:`ReplaceElement`) where most of an element changed
   or a property other than its text changed (a table: always). An article's note
   (``（罰則　…）``) and the text of a list or another block under a paragraph change by
   phrases too; a block under a paragraph or item that comes, goes or changes otherwise
   (改め文 write no such block alone) rewrites the paragraph or item. An element whose
   children a published text numbers out of order or twice (a misplaced line) is replaced
   whole: no renumbering or insertion, one at a time, gets there;
4. added elements are inserted, in the new document's order: a run of them after the
   element before it (「第三条の次に」; each after that element, last first), or before
   the element after it, or at the end of their container. Elements inside an inserted
   division whose keys are still in use get temporary keys (``a38~new1``);
5. keys: the elements whose key in the new document differs from the one they have after
   the changes above (renumbered elements whose keys follow their numbers, inserted
   elements, which get fresh keys) get it with :class:`Rekey`, which has no legal effect;
   chains of keys are ordered and cycles go through a temporary key.

Document-level fields (title, law number, table of contents, the attributes before the
title, where the appendices stand, ...) come first, as :class:`SetDocumentField`. Targets
are key paths: they name elements by identity and stay valid through phases 1–4, since keys
change only in phase 5. The result is checked: applying it to the old document must give
the new one exactly.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Hashable, Iterator, Sequence
from typing import Any, get_args

import pendulum

from legaldocs._align import SimpleUnit, align, moved, similarity
from legaldocs._inline import _tokens, inline_diff
from legaldocs.amend._apply import _texts, apply_changes, apply_expecting
from legaldocs.amend._changes import (
    Amendment,
    Change,
    DeleteElement,
    DeletePhrase,
    DocumentField,
    InsertElement,
    InsertPhrase,
    Moment,
    Rekey,
    Renumber,
    ReplaceElement,
    ReplacePhrase,
    SetCaption,
    SetDocumentField,
    Shift,
)
from legaldocs.amend._index import Index, evolve, sibling_nums
from legaldocs.errors import LegaldocsError
from legaldocs.model import _citation
from legaldocs.model._element import (
    child_fields,
    children_of,
    full_text,
    has_parts,
    headings_of,
    own_data,
    presentation_of,
    related,
    signature,
    spec,
)
from legaldocs.model._records import (
    Article,
    Division,
    Document,
    Item,
    Paragraph,
    Supplement,
    Table,
)

__all__ = ["plan_amendment"]

REPLACE_BELOW = 0.5
"""An article whose text keeps less than this similarity (character bigrams) is replaced
whole; a paragraph or item whose changed characters exceed this share is replaced whole."""

SHIFT_FROM = 3
"""Runs of at least this many siblings renumbered by the same amount become one Shift
(第四条から第六条までを一条ずつ繰り下げる); shorter ones are renumbered one by one."""

_CONTEXT = 40
"""How far a phrase is widened on each side before an occurrence number is used instead."""

_DOC_FIELDS: tuple[DocumentField, ...] = get_args(DocumentField)


def plan_amendment(
    old: Document,
    new: Document,
    *,
    id: str,
    enacted: pendulum.Date,
    effective: Moment,
    title: str = "",
    note: str | None = None,
) -> Amendment:
    """The amendment that turns ``old`` into ``new``: ``apply(old, result) == new`` exactly,
    keys included. See the module docs for the changes it uses."""
    planner = _Planner()
    changes = planner.plan(old, new)
    amendment = Amendment(
        id=id, title=title, enacted=enacted, effective=effective, changes=tuple(changes), note=note
    )
    applied, amendment = apply_expecting(old, amendment, planner.index)  # wrong-base rule
    changes = list(amendment.changes)
    rekeys = _rekeys(applied.doc, new, planner.seen)
    if rekeys:
        extra = Amendment(
            id=id, title=title, enacted=enacted, effective=effective, changes=tuple(rekeys)
        )
        result = apply_changes(applied.doc, extra, range(len(rekeys)), applied.index).doc
        changes.extend(rekeys)
        amendment = Amendment(
            id=id,
            title=title,
            enacted=enacted,
            effective=effective,
            changes=tuple(changes),
            note=note,
        )
    else:
        result = applied.doc
    if not _equal(result, new, planner.seen):  # pragma: no cover - a bug if it happens
        raise LegaldocsError("to_amendment: the amendment does not reproduce the new document")
    return amendment


# ---------------------------------------------------------------------------------------


Seen = dict[tuple[int, int], tuple[Any, Any, bool]]
"""Equalities found during one planning, by the ids of the records (kept with them, so that
an id is not reused while it is there)."""


def _equal(a: Any, b: Any, seen: Seen) -> bool:
    """``a == b`` for records, by identity, then by their cached hashes (records cache
    them), and only then field by field, once per pair of records."""
    if a is b:
        return True
    if hash(a) != hash(b):
        return False
    pair = (id(a), id(b))
    found = seen.get(pair)
    if found is None:
        found = seen[pair] = (a, b, bool(a == b))
    return found[2]


def _same_all(a: Sequence[Any], b: Sequence[Any], seen: Seen) -> bool:
    """Whether two tuples of records are equal (see :func:`_equal`)."""
    return a is b or (
        len(a) == len(b) and all(_equal(x, y, seen) for x, y in zip(a, b, strict=True))
    )


def _num_of(element: Any) -> Hashable | None:
    if isinstance(element, Division):
        return (element.kind, element.num)
    return getattr(element, "num", None)


def _category(element: Any) -> type:
    return type(element)


def _match(old: Sequence[Any], new: Sequence[Any]) -> list[tuple[int | None, int | None]]:
    """Pairs (old index, new index) in new order, removed ones after their predecessor;
    matched pairs are in order on both sides."""
    matched: dict[int, int] = {}  # new index -> old index
    for cat in {_category(e) for e in (*old, *new)}:
        oi = [i for i, e in enumerate(old) if _category(e) is cat]
        ni = [j for j, e in enumerate(new) if _category(e) is cat]
        if not oi or not ni:
            continue
        units_o = [
            SimpleUnit(
                key=getattr(old[i], "key", ""),
                num=_num_of(old[i]),
                obj=old[i],
                placeholder=isinstance(old[i], Article) and old[i].deleted,
            )
            for i in oi
        ]
        units_n = [
            SimpleUnit(
                key=getattr(new[j], "key", ""),
                num=_num_of(new[j]),
                obj=new[j],
                placeholder=isinstance(new[j], Article) and new[j].deleted,
            )
            for j in ni
        ]
        old_keys = {u.key for u in units_o}
        shared = sum(1 for u in units_n if u.key in old_keys)
        use_keys = shared * 2 >= min(len(units_o), len(units_n))
        if cat is Supplement:
            pairs = align(
                units_o,
                units_n,
                sig=_supplement_sig,
                text=lambda s: "",
                use_keys=True,
                trust_keys=True,
            )
        else:
            pairs = align(
                units_o, units_n, sig=signature, text=full_text, related=related, use_keys=use_keys
            )
        for a, b in pairs:
            if a is not None and b is not None:
                matched[ni[b]] = oi[a]
    pairs_all = sorted((i, j) for j, i in matched.items())
    bad = moved([(i, j) for i, j in pairs_all])
    keep = {j: i for i, j in pairs_all if j not in bad}
    out: list[tuple[int | None, int | None]] = []
    used = set(keep.values())
    removed_after: dict[int | None, list[int]] = {}
    prev: int | None = None
    for i in range(len(old)):
        if i in used:
            prev = i
        else:
            removed_after.setdefault(prev, []).append(i)
    out.extend((i, None) for i in removed_after.get(None, ()))
    for j in range(len(new)):
        got = keep.get(j)
        out.append((got, j))
        if got is not None:
            out.extend((k, None) for k in removed_after.get(got, ()))
    return out


def _supplement_sig(supplement: object) -> Hashable:
    assert isinstance(supplement, Supplement)
    return (supplement.title, supplement.law_ref, supplement.excerpt, supplement.body)


def _children(element: Any) -> tuple[str, tuple[Any, ...]] | None:
    if isinstance(element, Article):
        return "paragraphs", element.paragraphs
    if isinstance(element, Paragraph | Item):
        return "children", element.children
    if isinstance(element, Division):
        return "children", element.children
    if isinstance(element, Supplement):
        return "body", element.body
    return None


class _Renum:
    """A renumbering, or a run of siblings renumbered by the same amount."""

    __slots__ = (
        "by",
        "container",
        "count",
        "first",
        "kind",
        "last",
        "members",
        "new",
        "old",
        "order",
        "order_end",
        "single",
    )

    def __init__(self, order: int, container: int, kind: type, path: str, old: Any, new: Any):
        self.order = self.order_end = order
        self.container = container
        self.kind = kind
        self.first = self.last = path
        self.old = old
        self.new = new
        self.by: int = new.num.main - old.num.main
        self.single = True
        self.count = 1
        self.members: list[_Renum] = [self]


class _Planner:
    def __init__(self) -> None:
        self.deletes: list[Change] = []
        self.renums: list[_Renum] = []
        self.edits: list[Change] = []
        self.inserts: list[Change] = []
        self.order = 0
        self.containers = 0
        self.seen: Seen = {}

    def plan(self, old: Document, new: Document) -> list[Change]:
        self.index = Index.build(old)
        self.old_keys = set(self.index.keys)
        fields: list[Change] = []
        for name in _DOC_FIELDS:
            if getattr(old, name) != getattr(new, name):
                fields.append(SetDocumentField(field=name, value=getattr(new, name)))
        if not _same_all(old.preamble, new.preamble, self.seen):
            self._list(old.preamble, new.preamble, "preamble/", "前文", top=True)
        if not _same_all(old.body, new.body, self.seen):
            self._list(old.body, new.body, "", "", top=True)
        if not _same_all(old.supplements, new.supplements, self.seen):
            self._list(old.supplements, new.supplements, "", "", top=True)
        for field in child_fields(old):  # any other children: appendices, 制定文, ...
            if field not in ("preamble", "body", "supplements"):
                a, b = getattr(old, field), getattr(new, field)
                if not _same_all(a, b, self.seen):
                    prefix = f"{_citation.ENACT}/" if field == "enact_statements" else ""
                    self._list(a, b, prefix, "", top=True)
        return [*fields, *self.deletes, *self._renumbers(), *self.edits, *self.inserts]

    # -- one container --------------------------------------------------------------------

    def _list(
        self,
        old: Sequence[Any],
        new: Sequence[Any],
        prefix: str,
        parent: str,
        *,
        top: bool,
    ) -> None:
        """Align the children ``old``/``new`` of one container. ``prefix`` builds child
        paths (``top``: prefix + key; else prefix + "/" + key); ``parent`` names the
        container for an insertion at its end."""
        self.containers += 1
        container = self.containers
        pairs: list[tuple[int | None, int | None]] = []
        for i, j in _match(old, new):
            if i is not None and j is not None and not _renumberable(old[i], new[j]):
                pairs.append((i, None))
                pairs.append((None, j))
            else:
                pairs.append((i, j))
        path_of = (lambda e: prefix + e.key) if top else (lambda e: f"{prefix}/{e.key}")
        # a run of added elements goes after the element before it (「第三条の次に」), each
        # after that same element, last first; at the head of the container, before the
        # element after it, or at the end of the container
        previous: str | None = None
        run: list[Any] = []

        def flush(following: str | None) -> None:
            if not run:
                return
            if previous is not None:
                for element in reversed(run):
                    self.inserts.append(InsertElement(element=element, after=previous))
            else:
                for element in run:
                    if following is not None:
                        self.inserts.append(InsertElement(element=element, before=following))
                    else:
                        self.inserts.append(InsertElement(element=element, parent=parent))
            run.clear()

        for i, j in pairs:
            if j is None:
                assert i is not None
                self.deletes.append(DeleteElement(target=path_of(old[i])))
            elif i is None:
                element = new[j]
                if isinstance(element, Division):
                    element = self._unclash(element, prefix)
                run.append(element)
            else:
                here = path_of(old[i])
                flush(here)
                previous = here
                self._pair(old[i], new[j], here, container, prefix)
        flush(None)

    def _unclash(self, division: Division, prefix: str) -> Division:
        """``division`` with the keys of the elements inside it that are still used in the
        document (by the elements renumbered out of the way) made unique; phase 5 gives
        them their keys back."""

        def visit(element: Any) -> Any:
            key = element.key
            if prefix + key in self.old_keys:
                n = 1
                while prefix + (key := f"{element.key}~new{n}") in self.old_keys:
                    n += 1
            if isinstance(element, Division):
                children = tuple(visit(c) for c in element.children)
                return evolve(element, key=key, children=children)
            return element if key == element.key else evolve(element, key=key)

        result: Division = evolve(division, children=tuple(visit(c) for c in division.children))
        return result

    # -- one matched pair -----------------------------------------------------------------

    def _pair(self, a: Any, b: Any, path: str, container: int, prefix: str) -> None:
        self.order += 1
        if a is b:
            return
        if _num_of(a) != _num_of(b) or getattr(a, "until", None) != getattr(b, "until", None):
            entry = _Renum(self.order, container, type(a), path, a, b)
            entry.single = (
                a.num.branches != b.num.branches
                or getattr(a, "anonymous", False)
                or getattr(b, "anonymous", False)
                or entry.by == 0
            )
            self.renums.append(entry)
        if _equal(a, b, self.seen) or _same_but_key(a, b, self.seen):
            return
        self._content(a, b, path, prefix)

    def _renumbers(self) -> list[Change]:
        runs: list[_Renum] = []
        for entry in self.renums:
            last = runs[-1] if runs else None
            if (
                last is not None
                and not entry.single
                and not last.single
                and last.container == entry.container
                and last.kind is entry.kind
                and last.by == entry.by
                and last.order_end == entry.order - 1
            ):
                last.last = entry.first
                last.order_end = entry.order
                last.count += 1
                last.members.append(entry)
                continue
            runs.append(entry)
        down = [r for r in runs if r.new.num < r.old.num]
        up = [r for r in runs if not r.new.num < r.old.num]
        out: list[Change] = []
        for r in down:
            out.extend(_renum_changes(r, False))
        for r in reversed(up):
            out.extend(_renum_changes(r, True))
        return out

    def _content(self, a: Any, b: Any, path: str, prefix: str) -> None:
        if type(a) is not type(b):  # pragma: no cover - alignment pairs one type
            raise LegaldocsError("to_amendment: mismatched pair")
        if not (_ordered(a) and _ordered(b)):
            # numbers out of order or repeated among the children (a misplaced line in a
            # published text): no renumbering or insertion gets there, one at a time
            self.edits.append(ReplaceElement(target=path, element=b))
            return
        if isinstance(a, Article):
            if a.deleted or b.deleted or _data(a) != _data(b):  # 削除, label, bullets
                if (
                    b.deleted
                    and not a.deleted
                    and b == Article(key=b.key, num=b.num, deleted=True, until=a.until)
                ):
                    self.edits.append(DeleteElement(target=path, placeholder=True))
                else:
                    self.edits.append(ReplaceElement(target=path, element=b))
                return
            same = _same_all(a.paragraphs, b.paragraphs, self.seen)
            if not same and similarity(full_text(a), full_text(b)) < REPLACE_BELOW:
                self.edits.append(ReplaceElement(target=path, element=b))
                return
            note: list[Change] = []
            if a.suppl_note != b.suppl_note:
                # the note after the paragraphs (（罰則　…）): phrases when it stays, else
                # the article is rewritten; the paragraphs' texts (before and after their own
                # changes) count for the uniqueness of a phrase
                below = tuple(t for para in (*a.paragraphs, *b.paragraphs) for t in _texts(para))
                found = (
                    _phrases(a.suppl_note, b.suppl_note, path, below)
                    if a.suppl_note and b.suppl_note
                    else None
                )
                if found is None:
                    self.edits.append(ReplaceElement(target=path, element=b))
                    return
                note = found
            if a.caption != b.caption:
                self.edits.append(SetCaption(target=path, caption=b.caption))
            if not same:
                self._list(a.paragraphs, b.paragraphs, path, path, top=False)
            self.edits.extend(note)
            return
        if isinstance(a, Paragraph | Item):
            if _flags(a) != _flags(b) or self._blocks_whole(a, b):
                self.edits.append(ReplaceElement(target=path, element=b))
                return
            if a.text != b.text:
                phrases = _phrases(a.text, b.text, path, _sub_texts(a))
                if phrases is None:
                    self.edits.append(ReplaceElement(target=path, element=b))
                    return
                self.edits.extend(phrases)
            if not _same_all(a.children, b.children, self.seen):
                self._list(a.children, b.children, path, path, top=False)
            return
        if isinstance(a, Division):
            if _data(a) != _data(b):  # kind, label
                self.edits.append(ReplaceElement(target=path, element=b))
                return
            if a.title != b.title:
                phrases = _phrases(a.title, b.title, path, ())
                if phrases is None:
                    phrases = [ReplacePhrase(target=path, old=a.title, new=b.title)]
                self.edits.extend(phrases)
            if not _same_all(a.children, b.children, self.seen):
                self._list(a.children, b.children, prefix, path, top=True)
            return
        if isinstance(a, Supplement):
            if headings_of(a) != headings_of(b) or _data(a) != _data(b):
                self.edits.append(ReplaceElement(target=path, element=b))
                return
            if not _same_all(a.body, b.body, self.seen):
                self._list(a.body, b.body, path + "/", path, top=True)
            if not _same_all(a.appendices, b.appendices, self.seen):
                self._list(a.appendices, b.appendices, path + "/", path, top=True)
            return
        self._other(a, b, path)

    def _other(self, a: Any, b: Any, path: str) -> None:
        """Any other kind of element (a list, a figure's or a style's block, an appendix,
        a 制定文, ...): phrases where only its one own text changed, else it is replaced
        whole (a table always: its rows are not replaceable one by one)."""
        phrases = None if isinstance(a, Table) else _phrases_only(a, b, path, self.seen)
        if phrases is None:
            self.edits.append(ReplaceElement(target=path, element=b))
            return
        self.edits.extend(phrases)

    def _blocks_whole(self, a: Paragraph | Item, b: Paragraph | Item) -> bool:
        """Whether the blocks under a paragraph or an item other than its items and tables
        (a list, a figure, a style, ...) changed more than by phrases: they are not written
        alone in 改め文, so the paragraph or item is replaced whole."""
        x = [c for c in a.children if not isinstance(c, Item | Table)]
        y = [c for c in b.children if not isinstance(c, Item | Table)]
        if _same_all(x, y, self.seen):
            return False
        pairs = _match(x, y)  # as _list will pair them
        return any(
            i is None
            or j is None
            or (
                not _equal(x[i], y[j], self.seen)
                and _phrases_only(x[i], y[j], "-", self.seen) is None
            )
            for i, j in pairs
        )


def _phrases_only(a: Any, b: Any, path: str, seen: Seen) -> list[Change] | None:
    """The phrase changes that turn ``a`` into ``b`` (elements of a kind without a rule of
    its own, read through the element protocol) when only its one own text changed; else
    None."""
    s = spec(type(a))
    texts = [n for n in s.texts if n not in s.headings]
    changed = [n for n in texts if getattr(a, n) != getattr(b, n)]
    if (
        len(texts) != 1
        or not changed
        or has_parts(a)
        or headings_of(a) != headings_of(b)
        or _data(a) != _data(b)
        or not all(_same_all(getattr(a, n), getattr(b, n), seen) for n in s.children)
    ):
        return None
    old, new = getattr(a, texts[0]), getattr(b, texts[0])
    if not old or not new:
        return None
    below = tuple(t for n in s.children for c in getattr(a, n) for t in _texts(c))
    return _phrases(old, new, path, below)


_NUMBERED = (Article, Paragraph, Item, Division)


def _ordered(element: Any) -> bool:
    """Whether the numbered children of ``element`` (articles, paragraphs, items,
    divisions; anonymous paragraphs aside) are in strictly increasing order, kind by kind,
    as :func:`legaldocs.apply` keeps them."""
    found = _children(element)
    if found is None:
        return True
    children = found[1]
    for kind in _NUMBERED:
        nums = [n for _, n in sibling_nums(children, kind)]
        if any(x >= y for x, y in itertools.pairwise(nums)):
            return False
    return True


def _renumberable(a: Any, b: Any) -> bool:
    """Whether ``a`` can be given the number (and range end) of ``b`` by Renumber or Shift."""
    num_a, num_b = getattr(a, "num", None), getattr(b, "num", None)
    ua, ub = getattr(a, "until", None), getattr(b, "until", None)
    if num_a == num_b and ua == ub:
        return True
    if not isinstance(a, Article | Paragraph | Item | Division):
        return False
    if ua is None and ub is None:
        return True
    if ua is None or ub is None or num_a is None or num_b is None:
        return False
    if num_a.branches != num_b.branches:
        return False
    by = num_b.main - num_a.main
    return bool(ub.branches == ua.branches and ub.main - ua.main == by and by != 0)


def _renum_changes(run: _Renum, backwards: bool) -> list[Change]:
    if run.count >= SHIFT_FROM or getattr(run.old, "until", None) is not None:
        return [Shift(first=run.first, by=run.by, last=run.last)]
    members = reversed(run.members) if backwards else iter(run.members)
    return [Renumber(target=m.first, num=m.new.num) for m in members]


def _same_but_key(a: Any, b: Any, seen: Seen) -> bool:
    return bool(a.key != b.key and _equal(evolve(a, key=b.key), b, seen))


def _data(element: Any) -> Hashable:
    """What no phrase, caption or child change of the element changes: its material data
    and its presentation (through the element protocol; a change there replaces it whole)."""
    return (own_data(element), presentation_of(element))


def _flags(element: Paragraph | Item) -> Hashable:
    """What an edit of the element's text and children cannot change: its headings, data
    and presentation (a change there replaces the element whole)."""
    return (headings_of(element), own_data(element), presentation_of(element))


def _sub_texts(element: Any) -> tuple[str, ...]:
    out: list[str] = []
    for child in element.children:
        out.extend(_texts(child))
    return tuple(out)


# ---------------------------------------------------------------------------------------
# Phrases


def _phrases(old: str, new: str, target: str, below: tuple[str, ...]) -> list[Change] | None:
    """Phrase changes turning ``old`` into ``new`` (the own text of ``target``; ``below``
    are the texts under it, searched too when the change applies), or None when most of
    the text changed."""
    if not old:
        return None if new else []  # nothing to quote: the element is replaced whole
    ops = [op for op in inline_diff(old, new) if op.tag != "equal"]
    changed = sum(max(len(op.old_text), len(op.new_text)) for op in ops)
    if not ops or (changed > REPLACE_BELOW * max(len(old), len(new), 1) and len(old) > 20):
        return None if ops else []
    out: list[Change] = []
    current = old
    shift = 0
    for op in ops:
        start = op.old_start + shift
        end = op.old_end + shift
        out.append(_phrase(current, start, end, op.new_text, target, below))
        current = current[:start] + op.new_text + current[end:]
        shift += len(op.new_text) - (op.old_end - op.old_start)
    return out


_ANCHOR = 2
"""The shortest anchor (in characters) for an inserted phrase."""


def _bounds(text: str) -> list[int]:
    """The offsets of the token boundaries of ``text`` (0 and len(text) included)."""
    out = [0]
    for token in _tokens(text):
        out.append(out[-1] + len(token))
    return out


def _occurrence(text: str, phrase: str, pos: int) -> int | None:
    """Which non-overlapping occurrence (from 1) of ``phrase`` in ``text`` starts at
    ``pos``, scanning as :func:`legaldocs.apply` does; None when the scan skips it."""
    k = 0
    start = 0
    while (found := text.find(phrase, start)) >= 0:
        k += 1
        if found == pos:
            return k
        if found > pos:
            return None
        start = found + len(phrase)
    return None


def _phrase(
    text: str, start: int, end: int, repl: str, target: str, below: tuple[str, ...]
) -> Change:
    """One change replacing ``text[start:end]`` by ``repl``, with the smallest context
    that makes the phrase unique in the target (its own text and ``below``)."""

    def count(phrase: str) -> int:
        return text.count(phrase) + sum(t.count(phrase) for t in below)

    def make(left: int, right: int, occurrence: int | None) -> Change:
        before, after = text[start - left : start], text[end : end + right]
        old = text[start - left : end + right]
        if start == end:  # insertion
            if right == 0:
                return InsertPhrase(
                    target=target, anchor=before, phrase=repl, occurrence=occurrence
                )
            if left == 0:
                return InsertPhrase(
                    target=target,
                    anchor=after,
                    phrase=repl,
                    position="before",
                    occurrence=occurrence,
                )
        elif not repl and left == 0 and right == 0:
            return DeletePhrase(target=target, phrase=old, occurrence=occurrence)
        return ReplacePhrase(
            target=target, old=old, new=before + repl + after, occurrence=occurrence
        )

    # widen by whole tokens (a citation such as 第四十条 is one): insertions lean on the
    # text before them (「…」の下に), other changes grow on both sides, shortest first;
    # the candidates come in that order and the first unique one is taken
    bounds = _bounds(text)
    lefts = [start - b for b in reversed(bounds) if b <= start][: _CONTEXT + 1]
    rights = [b - end for b in bounds if b >= end][: _CONTEXT + 1]

    def candidates() -> Iterator[tuple[int, int]]:
        if start == end:
            yield from ((n, 0) for n in lefts if n >= min(_ANCHOR, start))
            yield from ((0, n) for n in rights if n >= min(_ANCHOR, len(text) - end))
        yield from (lr for lr in _widenings(lefts, rights) if start != end or (lr[0] and lr[1]))

    for left, right in candidates():
        phrase = text[start - left : end + right]
        # unique, and found where it is meant (overlapping occurrences are not counted:
        # 「.org、careers.」 once in 「.org、careers.org、careers.」 is the first one)
        if phrase and count(phrase) == 1 and text.find(phrase) == start - left:
            return make(left, right, None)
    # not unique within the context: name the occurrence
    for left, right in candidates():
        phrase = text[start - left : end + right]
        if phrase:
            k = _occurrence(text, phrase, start - left)
            if k is not None:
                return make(left, right, k)
    # the text is empty around an insertion: replace the whole text
    return ReplacePhrase(target=target, old=text, new=text[:start] + repl + text[end:])


def _widenings(lefts: list[int], rights: list[int]) -> Iterator[tuple[int, int]]:
    """Every pair (left, right) of the two increasing lists, by total width, then right
    width, then left (the order of ``sorted`` on ``(left + right, right)``), made as they
    are wanted rather than all at once."""
    if not lefts or not rights:
        return
    heap = [(lefts[0] + rights[0], rights[0], 0, 0)]
    seen = {(0, 0)}
    while heap:
        _, _, i, j = heapq.heappop(heap)
        yield lefts[i], rights[j]
        for a, b in ((i + 1, j), (i, j + 1)):
            if a < len(lefts) and b < len(rights) and (a, b) not in seen:
                seen.add((a, b))
                heapq.heappush(heap, (lefts[a] + rights[b], rights[b], a, b))


# ---------------------------------------------------------------------------------------
# Keys


def _rekeys(got: Document, want: Document, seen: Seen) -> list[Change]:
    """Rekey changes turning the keys of ``got`` into those of ``want`` (the same document
    but for keys)."""
    out: list[Change] = []
    if _equal(got, want, seen):
        return out
    # the top-level namespace: body elements (through divisions) and supplements
    top_pairs: list[tuple[Any, Any]] = list(
        zip(_flat(got.body), _flat(want.body), strict=True)
    ) + list(zip(got.supplements, want.supplements, strict=True))
    _scope(out, top_pairs, lambda key: key)
    _scope(
        out,
        list(zip(got.preamble, want.preamble, strict=True)),
        lambda key: f"preamble/{key}",
    )
    for x, y in zip(got.preamble, want.preamble, strict=True):
        _nested(out, seen, x, y, f"preamble/{y.key}")
    for x, y in zip(_flat(got.body), _flat(want.body), strict=True):
        _nested(out, seen, x, y, y.key)
    for s, t in zip(got.supplements, want.supplements, strict=True):
        inner = list(zip(_flat(s.body), _flat(t.body), strict=True))
        prefix = t.key + "/"
        _scope(out, inner, lambda key, prefix=prefix: prefix + key)
        for x, y in inner:
            _nested(out, seen, x, y, prefix + y.key)
        appendices = list(zip(s.appendices, t.appendices, strict=True))  # 附則別表, ...
        _scope(out, appendices, lambda key, prefix=prefix: prefix + key)
        for u, v in appendices:
            _nested(out, seen, u, v, prefix + v.key)
    for field in child_fields(got):  # appendices, 制定文, ...
        if field not in ("preamble", "body", "supplements"):
            top = f"{_citation.ENACT}/" if field == "enact_statements" else ""
            pairs = list(zip(getattr(got, field), getattr(want, field), strict=True))
            _scope(out, pairs, lambda key, top=top: top + key)
            for x, y in pairs:
                _nested(out, seen, x, y, top + y.key)
    return out


def _flat(body: Sequence[Any]) -> list[Any]:
    out: list[Any] = []
    for element in body:
        out.append(element)
        if isinstance(element, Division):
            out.extend(_flat(element.children))
    return out


def _nested(out: list[Change], seen: Seen, x: Any, y: Any, path: str) -> None:
    if _equal(x, y, seen) or isinstance(x, Division | Supplement):
        return
    if has_parts(x):  # a row of cells: nothing keyed inside
        return
    pairs = list(zip(children_of(x), children_of(y), strict=True))
    _scope(out, pairs, lambda key: f"{path}/{key}")
    for cx, cy in pairs:
        _nested(out, seen, cx, cy, f"{path}/{cy.key}")


def _scope(out: list[Change], pairs: list[tuple[Any, Any]], path: Any) -> None:
    """Rekey changes within one namespace of keys, avoiding clashes (chains are ordered;
    cycles go through a temporary key)."""
    pending = {x.key: y.key for x, y in pairs if x.key != y.key}
    if not pending:
        return
    used = {x.key for x, _ in pairs}
    while pending:
        progress = False
        for current, wanted in list(pending.items()):
            if wanted not in used:
                out.append(Rekey(target=path(current), key=wanted))
                used.discard(current)
                used.add(wanted)
                del pending[current]
                progress = True
        if not progress:
            current = next(iter(pending))
            n = 1
            while (temp := f"{current}~tmp{n}") in used or temp in pending.values():
                n += 1
            out.append(Rekey(target=path(current), key=temp))
            used.discard(current)
            used.add(temp)
            pending[temp] = pending.pop(current)
