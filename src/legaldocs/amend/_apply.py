"""Applying an amendment to a document: :func:`apply`.

Each change is applied to the text left by the changes before it, rebuilding only the
records on the path from the document down to the changed element: every other element
object of the result is the very object of the input. Failure raises
:class:`~legaldocs.AmendmentError` naming the amendment, the change's index, its target and
the reason; nothing is returned half-applied.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from legaldocs.amend import _expect
from legaldocs.amend import _index as _tree
from legaldocs.amend._changes import (
    Amendment,
    Change,
    DeleteElement,
    DeletePhrase,
    InsertElement,
    InsertPhrase,
    Rekey,
    Renumber,
    Repeal,
    ReplaceElement,
    ReplacePhrase,
    SetCaption,
    SetDocumentField,
    Shift,
    document_value,
)
from legaldocs.amend._index import BODY_SCOPE, Index, Loc, Lookup
from legaldocs.errors import AmendmentError, ArgumentTypeError, CitationError, NotFoundError
from legaldocs.model import _citation
from legaldocs.model import _element as _e
from legaldocs.model._blocks import KEY_PREFIX, POLICY_BLOCKS, ListItem, TableRow
from legaldocs.model._keys import DIVISION_PREFIX
from legaldocs.model._numbers import Num
from legaldocs.model._records import (
    Article,
    Division,
    Document,
    Item,
    Paragraph,
    Supplement,
    Table,
)

__all__ = ["apply"]

DELETED_TEXT = "削除"
"""The text left in a paragraph or item deleted with ``placeholder=True``."""


def apply(doc: Document, amendment: Amendment) -> Document:
    """``doc`` with every change of ``amendment`` applied, in the order listed.

    Targets are read against the text as left by the earlier changes of the same amendment.
    The changes' own ``effective`` moments are ignored here (a :class:`~legaldocs.History`
    applies staged changes at their moments). An amendment that repeals the document has no
    resulting text: it raises :class:`~legaldocs.AmendmentError` (use a History).
    """
    if not isinstance(doc, Document):
        raise ArgumentTypeError(f"apply needs a Document, got {type(doc).__name__}")
    if not isinstance(amendment, Amendment):
        raise ArgumentTypeError(f"apply needs an Amendment, got {type(amendment).__name__}")
    result = apply_changes(doc, amendment, range(len(amendment.changes)), None)
    if result.repealed:
        raise AmendmentError(
            "the amendment repeals the document; a repeal has a moment, not a text: use History",
            amendment=amendment.id,
            change=result.repealed_by,
            target="the document",
        )
    return result.doc


@attrs.frozen
class Applied:
    """The result of applying some changes of an amendment (private to the library)."""

    doc: Document
    index: Index | None
    repealed: bool = False
    repealed_by: int | None = None


class _Fail(Exception):
    """A change cannot be applied: the reason."""


def apply_changes(
    doc: Document,
    amendment: Amendment,
    indices: Iterable[int],
    index: Index | None,
    *,
    carry: bool = False,
) -> Applied:
    """Apply the changes of ``amendment`` at ``indices`` in order. ``index`` is an Index of
    ``doc`` or None (one is made if a look-up needs it); the returned one (or None) is valid
    for the returned document. ``carry``: the caller carries the index on to further
    amendments (a history), so it is made on the first look-up rather than bisecting."""
    repealed_by: int | None = None
    ix = Lookup(doc, index, eager=carry)
    for i in indices:
        change = amendment.changes[i]
        target = _target_of(change)
        if repealed_by is not None:
            raise AmendmentError(
                f"the document is repealed by change #{repealed_by}",
                amendment=amendment.id,
                change=i,
                target=target,
            )
        if isinstance(change, Repeal):
            repealed_by = i
            continue
        try:
            if getattr(change, "expect", None) is not None:
                _check_expect(ix.doc, change, ix)
            _apply_one(ix, change)
        except _Fail as exc:
            raise AmendmentError(
                str(exc), amendment=amendment.id, change=i, target=target
            ) from None
        except (NotFoundError, CitationError) as exc:
            raise AmendmentError(
                f"no such element: {exc}", amendment=amendment.id, change=i, target=target
            ) from None
    return Applied(ix.doc, ix.built, repealed_by is not None, repealed_by)


_EXPECTING = (
    ReplacePhrase,
    InsertPhrase,
    DeletePhrase,
    ReplaceElement,
    SetCaption,
    DeleteElement,
    SetDocumentField,
)


def apply_expecting(
    doc: Document, amendment: Amendment, index: Index | None = None
) -> tuple[Applied, Amendment]:
    """Apply every change of ``amendment`` to ``doc`` and return, beside the result, the
    amendment with each change's ``expect`` filled in from the text it acts on (used by
    ``to_amendment``; a change that already has one keeps it and is checked)."""
    changes = list(amendment.changes)
    for i, change in enumerate(changes):
        if isinstance(change, Repeal):
            rest = apply_changes(doc, amendment, range(i, len(changes)), index)
            return rest, attrs.evolve(amendment, changes=tuple(changes))
        if isinstance(change, _EXPECTING) and change.expect is None:
            with contextlib.suppress(NotFoundError, CitationError):  # apply_changes reports it
                changes[i] = attrs.evolve(change, expect=_expect.current(doc, change, index))
        step = apply_changes(doc, amendment, (i,), index)
        doc, index = step.doc, step.index
    result = attrs.evolve(amendment, changes=tuple(changes))
    return Applied(doc, index), result


def _check_expect(doc: Document, change: Change, index: Lookup) -> None:
    """The wrong-base rule: refuse a change whose target is not what it expects."""
    expected = change.expect  # type: ignore[union-attr]
    found = _expect.current(doc, change, index)
    if found != expected:
        raise _Fail(
            f"the target is not the text this change was made for (expected {expected}, "
            f"found {found}): the amendment was made from another version of the document"
        )


def _target_of(change: Change) -> str:
    if isinstance(change, InsertElement):
        where = change.after or change.before or change.parent or "the document"
        word = "after" if change.after else "before" if change.before else "in"
        return f"{word} {where}"
    if isinstance(change, Shift):
        return change.first + (f" to {change.last}" if change.last else " onwards")
    if isinstance(change, Repeal):
        return "the document"
    if isinstance(change, SetDocumentField):
        return f"the document's {change.field}"
    return change.target


def _apply_one(ix: Lookup, change: Change) -> None:
    """Apply one change to ``ix.doc``, leaving the result and its index (if known) in ``ix``."""
    doc = ix.doc
    if isinstance(change, ReplacePhrase):
        _done(ix, _phrase(ix, change.target, change.old, change.new, change))
    elif isinstance(change, InsertPhrase):
        new = (
            change.anchor + change.phrase
            if change.position == "after"
            else change.phrase + change.anchor
        )
        _done(ix, _phrase(ix, change.target, change.anchor, new, change))
    elif isinstance(change, DeletePhrase):
        _done(ix, _phrase(ix, change.target, change.phrase, "", change))
    elif isinstance(change, SetCaption):
        loc = _tree.locate(doc, change.target, ix)
        node = _tree.node_at(doc, loc)
        if not isinstance(node, Article):
            raise _Fail("only an article has a caption")
        _done(ix, _tree.replace_at(doc, loc, _tree.evolve(node, caption=change.caption)))
    elif isinstance(change, ReplaceElement):
        _replace_element(ix, change)
    elif isinstance(change, InsertElement):
        _insert(ix, change)
    elif isinstance(change, DeleteElement):
        _delete(ix, change)
    elif isinstance(change, Renumber):
        _renumber(ix, change)
    elif isinstance(change, Shift):
        _shift(ix, change)
    elif isinstance(change, Rekey):
        _rekey(ix, change)
    elif isinstance(change, SetDocumentField):
        _done(ix, _tree.evolve(doc, **{change.field: document_value(change)}))
    else:  # pragma: no cover
        raise _Fail(f"unknown change {change!r}")


def _done(ix: Lookup, doc: Document, index: Index | bool | None = True) -> None:
    """Move ``ix`` on to ``doc``: its index stays (True), is dropped (None or False) or is
    the one given."""
    ix.doc = doc
    if index is True:
        return
    ix.built = index if isinstance(index, Index) else None


# ---------------------------------------------------------------------------------------
# Phrases


def _phrase(
    ix: Lookup,
    target: str,
    old: str,
    new: str,
    change: ReplacePhrase | InsertPhrase | DeletePhrase,
) -> Document:
    doc = ix.doc
    loc = _tree.locate(doc, target, ix)
    node = _tree.node_at(doc, loc)
    if isinstance(node, Document):  # pragma: no cover - locate("") only
        raise _Fail("name an element")
    total = sum(text.count(old) for text in _texts(node))
    if total == 0:
        raise _Fail(f"phrase not found: 「{old}」")
    if change.every:
        chosen: Callable[[int], bool] = lambda k: True  # noqa: E731
    elif change.occurrence is not None:
        if change.occurrence > total:
            raise _Fail(f"phrase 「{old}」 occurs {total} time(s), not {change.occurrence}")
        wanted = change.occurrence
        chosen = lambda k: k == wanted  # noqa: E731
    elif total > 1:
        raise _Fail(f"phrase ambiguous: 「{old}」 occurs {total} times (give occurrence or every)")
    else:
        chosen = lambda k: True  # noqa: E731
    seen = 0

    def rewrite(text: str) -> str:
        nonlocal seen
        out: list[str] = []
        start = 0
        while (found := text.find(old, start)) >= 0:
            seen += 1
            out.append(text[start:found])
            out.append(new if chosen(seen) else old)
            start = found + len(old)
        if not out:
            return text
        out.append(text[start:])
        return "".join(out)

    return _tree.replace_at(doc, loc, _map_texts(node, rewrite))


_SHAPES: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _shape(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields a phrase change of an element of ``cls`` rewrites, and the child fields
    it goes on into (per class, from the element protocol): a numbered division (編章節款目)
    is amended in its heading and no further; every other element in its own texts other
    than headings (an article's caption has its own change, :class:`SetCaption`), then in
    its children (elements and keyless parts)."""
    found = _SHAPES.get(cls)
    if found is None:
        spec = _e.spec(cls)
        if issubclass(cls, Division | Supplement) and "num" in spec.identity:
            found = (spec.headings, ())
        else:
            found = (tuple(n for n in spec.texts if n not in spec.headings), spec.children)
        _SHAPES[cls] = found
    return found


def _texts(node: Any) -> Iterable[str]:
    """Every text a phrase change of ``node`` reads, in document order (see :func:`_shape`)."""
    texts, kids = _shape(type(node))
    for name in texts:
        value = getattr(node, name)
        if value is not None:
            yield value
    for name in kids:
        for child in getattr(node, name):
            yield from _texts(child)


def _map_texts(node: Any, fn: Callable[[str], str]) -> Any:
    """``node`` with ``fn`` applied to each of its texts in the order of :func:`_texts`;
    elements whose texts do not change are returned as they are (same object)."""
    texts, kids = _shape(type(node))
    changes: dict[str, Any] = {}
    for name in texts:
        value = getattr(node, name)
        if value is not None and (new := fn(value)) != value:
            changes[name] = new
    for name in kids:
        children = getattr(node, name)
        mapped = _map_all(children, fn)
        if mapped is not children:
            changes[name] = mapped
    return _tree.evolve(node, **changes) if changes else node


def _map_all(children: tuple[Any, ...], fn: Callable[[str], str]) -> tuple[Any, ...]:
    new = tuple(_map_texts(c, fn) for c in children)
    if all(a is b for a, b in zip(new, children, strict=True)):
        return children
    return new


# ---------------------------------------------------------------------------------------
# Elements


def _replace_element(ix: Lookup, change: ReplaceElement) -> None:
    doc = ix.doc
    loc = _tree.locate(doc, change.target, ix)
    old = _tree.node_at(doc, loc)
    new = change.element
    if type(new) is not type(old):
        raise _Fail(f"cannot replace a {type(old).__name__} by a {type(new).__name__}")
    fields: dict[str, Any] = {"key": old.key}
    if hasattr(old, "num"):
        fields["num"] = old.num
    new = _tree.evolve(new, **fields)
    # A division or supplement brings its own contents: re-index.
    _done(ix, _tree.replace_at(doc, loc, new), not _tree.is_top_container(old))


def _allowed(holder: Any, field: str) -> tuple[type, ...]:
    """The kinds of element the ``field`` of ``holder`` may hold (from its annotation)."""
    return _tree.member_types(type(holder), field)


def _field_for(node: Any, element: Any) -> str:
    """The child field of ``node`` that holds elements like ``element`` (the body first:
    a paragraph goes into a document's body, not its preamble)."""
    fields = _e.child_fields(node)
    if not fields:
        raise _Fail("this element cannot hold other elements")
    fitting = [f for f in fields if isinstance(element, _tree.member_types(type(node), f))]
    if "body" in fitting:
        return "body"
    return fitting[0] if fitting else fields[0]


def _insert(ix: Lookup, change: InsertElement) -> None:
    doc = ix.doc
    element = change.element
    if change.parent is not None:
        parent_ref = change.parent.strip()
        if parent_ref in ("前文", "preamble"):
            parent: Loc = ()
            field = "preamble"
        else:
            parent = _tree.locate(doc, parent_ref, ix)
            field = _field_for(_tree.node_at(doc, parent), element)
        position = len(getattr(_tree.node_at(doc, parent), field))
    else:
        anchor_ref = change.after if change.after is not None else change.before
        assert anchor_ref is not None
        anchor = _tree.locate(doc, anchor_ref, ix)
        if not anchor:
            raise _Fail("name an element to insert next to")
        parent, (field, position) = anchor[:-1], anchor[-1]
        if change.after is not None:
            position += 1
    holder = _tree.node_at(doc, parent)
    siblings: tuple[Any, ...] = getattr(holder, field)
    allowed = _allowed(holder, field)
    if not isinstance(element, allowed):
        names = ", ".join(t.__name__ for t in allowed)
        raise _Fail(f"a {type(element).__name__} cannot go there (only {names})")
    scope = _scope(parent)
    num = getattr(element, "num", None)  # a policy section's number is text: not checked
    if isinstance(num, Num) and not getattr(element, "anonymous", False):
        _check_number(ix, siblings, type(element), num, position, None, scope)
    key = _fresh_key(ix, holder, parent, field, siblings, element)
    new = _tree.evolve(element, key=key)
    children = (*siblings[:position], new, *siblings[position:])
    _moved(ix, _tree.rebuild(doc, parent, field, children), holder, parent, field, position)


def _moved(
    ix: Lookup, doc: Document, holder: Any, parent: Loc, field: str, start: int, removed: Any = None
) -> None:
    """Move ``ix`` on to ``doc``, whose ``field`` of ``holder`` (at ``parent``) changed from
    position ``start`` on: the index follows the elements that moved."""
    if not (_tree.is_top_container(holder) or field == "preamble"):
        _done(ix, doc)
    elif ix.built is None:
        _done(ix, doc, None)
    else:
        _done(ix, doc, ix.built.moved(doc, parent, field, start, removed))


def _scope(loc: Loc) -> int:
    return loc[0][1] if loc and loc[0][0] == "supplements" else BODY_SCOPE


def _check_number(
    ix: Lookup,
    siblings: Sequence[Any],
    kind: type,
    num: Num,
    position: int,
    skip: int | None,
    scope: int,
) -> None:
    """Check that ``num`` is free and in order for an element of ``kind`` at ``position``
    among ``siblings`` (``skip``: the position of the element being renumbered)."""
    doc = ix.doc
    label = _label(kind, num, doc)
    nums = [(i, n) for i, n in _tree.sibling_nums(siblings, kind) if i != skip]
    if any(n == num for _, n in nums):
        raise _Fail(f"number already taken: {label}")
    if kind is Article:
        other = _tree.article_at(doc, scope, num, ix)
        if other is not None and (skip is None or other[-1][1] != skip):
            raise _Fail(f"number already taken: {label}")
    before = [n for i, n in nums if i < position]
    after = [n for i, n in nums if i >= position]
    if (before and before[-1] >= num) or (after and after[0] <= num):
        raise _Fail(f"number out of order: {label} does not fall between its neighbours")


def _label(kind: type, num: Num, doc: Document) -> str:
    unit = {Article: "条", Paragraph: "項", Item: "号", Division: ""}.get(kind, "")
    return f"第{num.written(doc.style.numerals)}{unit}"


def _fresh_key(
    ix: Lookup,
    holder: Any,
    parent: Loc,
    field: str,
    siblings: Sequence[Any],
    element: Any,
) -> str:
    """A key for ``element`` made from its kind and number, unused in its scope: among the
    top-level keys of the body or supplement for top-level elements, else among siblings."""
    doc = ix.doc
    top = _tree.is_top_container(holder)
    num = getattr(element, "num", None)
    digits = "_".join(str(p) for p in num.parts) if isinstance(num, Num) else ""
    if isinstance(element, Article):
        base = f"a{digits}"
    elif isinstance(element, Division):
        base = DIVISION_PREFIX[element.kind] + digits
        if isinstance(holder, Division):
            base = f"{holder.key}.{base}"
    elif isinstance(element, Paragraph):
        base = f"p{digits}"
    elif isinstance(element, Item):
        base = f"i{digits}"
    elif isinstance(element, Table):
        base = f"t{sum(isinstance(s, Table) for s in siblings) + 1}"
    elif isinstance(element, Supplement):
        base = f"s{len(siblings) + 1}"
    elif isinstance(element, (*POLICY_BLOCKS, ListItem, TableRow)):
        prefix_of = "i" if isinstance(element, ListItem) else "r"
        if isinstance(element, POLICY_BLOCKS):
            prefix_of = KEY_PREFIX[type(element)]
        base = f"{prefix_of}{sum(type(s) is type(element) for s in siblings) + 1}"
    else:  # pragma: no cover
        base = "e"
    sibling_keys = {s.key for s in siblings}
    if top and field in ("body", "children"):
        prefix = doc.supplements[parent[0][1]].key + "/" if _scope(parent) != BODY_SCOPE else ""
        keys = ix.index().keys

        def used(key: str) -> bool:
            return prefix + key in keys or key in sibling_keys

    else:

        def used(key: str) -> bool:
            return key in sibling_keys

    key, n = base, 1
    while used(key):
        n += 1
        key = f"{base}~{n}"
    return key


def _delete(ix: Lookup, change: DeleteElement) -> None:
    doc = ix.doc
    loc = _tree.locate(doc, change.target, ix)
    if not loc:
        raise _Fail("name an element (use Repeal for the whole document)")
    node = _tree.node_at(doc, loc)
    parent, (field, position) = loc[:-1], loc[-1]
    holder = _tree.node_at(doc, parent)
    if change.placeholder:
        if isinstance(node, Article):
            new: Any = Article(key=node.key, num=node.num, deleted=True, until=node.until)
        elif isinstance(node, Paragraph | Item):
            new = _tree.evolve(node, text=DELETED_TEXT, children=())
        else:
            raise _Fail(f"only an article, paragraph or item can be left as {DELETED_TEXT}")
        # Keys and numbers stay; a division does not take a placeholder.
        _done(ix, _tree.replace_at(doc, loc, new))
        return
    siblings = getattr(holder, field)
    children = (*siblings[:position], *siblings[position + 1 :])
    new_doc = _tree.rebuild(doc, parent, field, children)
    _moved(ix, new_doc, holder, parent, field, position, node)


def _renumber(ix: Lookup, change: Renumber) -> None:
    doc = ix.doc
    loc = _tree.locate(doc, change.target, ix)
    node = _tree.node_at(doc, loc)
    if not isinstance(node, Article | Paragraph | Item | Division):
        raise _Fail("this element has no number")
    parent, (field, position) = loc[:-1], loc[-1]
    holder = _tree.node_at(doc, parent)
    siblings = getattr(holder, field)
    if node.num != change.num:
        _check_number(ix, siblings, type(node), change.num, position, position, _scope(parent))
    if node.until is not None if isinstance(node, Article | Division) else False:
        raise _Fail("cannot renumber a range (第N条から第M条まで); delete and insert instead")
    new_doc = _tree.replace_at(doc, loc, _tree.evolve(node, num=change.num))
    index = ix.built
    if not isinstance(node, Article) or node.num == change.num or index is None:
        _done(ix, new_doc)  # the index holds no numbers but those of articles
        return
    # The article stays where it is: only its entry by number moves (in a copy).
    articles = dict(index.articles)
    scope = _scope(parent)
    if articles.get((scope, node.num)) == loc:
        del articles[(scope, node.num)]
    articles[(scope, change.num)] = loc
    _done(ix, new_doc, Index(index.keys, articles))


def _shift(ix: Lookup, change: Shift) -> None:
    doc = ix.doc
    first = _tree.locate(doc, change.first, ix)
    if not first:
        raise _Fail("name an element")
    parent, (field, start) = first[:-1], first[-1]
    holder = _tree.node_at(doc, parent)
    siblings: tuple[Any, ...] = getattr(holder, field)
    kind = type(siblings[start])
    if kind not in (Article, Paragraph, Item, Division):
        raise _Fail("this element has no number")
    if change.last is None:
        end = len(siblings) - 1
    else:
        last = _tree.locate(doc, change.last, ix)
        if last[:-1] != parent or last[-1][0] != field:
            raise _Fail(f"{change.last} is not a sibling of {change.first}")
        end = last[-1][1]
        if end < start:
            raise _Fail(f"{change.last} comes before {change.first}")
    moved: dict[int, Any] = {}
    for i in range(start, end + 1):
        element = siblings[i]
        if type(element) is not kind or getattr(element, "anonymous", False):
            continue
        main = element.num.main + change.by
        if main < 1:
            raise _Fail(f"shifting {element.num} by {change.by} leaves no number")
        fields: dict[str, Any] = {"num": Num((main, *element.num.branches))}
        if getattr(element, "until", None) is not None:
            fields["until"] = Num((element.until.main + change.by, *element.until.branches))
        moved[i] = _tree.evolve(element, **fields)
    new_siblings = tuple(moved.get(i, s) for i, s in enumerate(siblings))
    nums = [n for _, n in _tree.sibling_nums(new_siblings, kind)]
    if any(a >= b for a, b in itertools.pairwise(nums)):
        raise _Fail("number already taken or out of order after the shift")
    if kind is Article:
        scope = _scope(parent)
        for element in moved.values():
            other = _tree.article_at(doc, scope, element.num, ix)
            if other is not None and not (other[:-1] == parent and start <= other[-1][1] <= end):
                raise _Fail(f"number already taken: {_label(Article, element.num, doc)}")
    new_doc = _tree.rebuild(doc, parent, field, new_siblings)
    if kind is Article and ix.built is not None:
        # Positions stay; the numbers of the shifted articles move (in a copy).
        scope = _scope(parent)
        articles = dict(ix.built.articles)
        for i in moved:
            here = (*parent, (field, i))
            if articles.get((scope, siblings[i].num)) == here:
                del articles[(scope, siblings[i].num)]
        for i, element in moved.items():
            articles[(scope, element.num)] = (*parent, (field, i))
        _done(ix, new_doc, Index(ix.built.keys, articles))
    else:
        _done(ix, new_doc)


def _rekey(ix: Lookup, change: Rekey) -> None:
    doc = ix.doc
    loc = _tree.locate(doc, change.target, ix)
    if not loc:
        raise _Fail("name an element")
    node: Any = _tree.node_at(doc, loc)
    if node.key == change.key:
        return
    parent, (field, _) = loc[:-1], loc[-1]
    holder = _tree.node_at(doc, parent)
    top = _tree.is_top_container(holder) or not parent
    prefix = ""
    if top:
        if field == "preamble":
            prefix = "preamble/"
        elif field == "enact_statements":
            prefix = f"{_citation.ENACT}/"
        elif _scope(parent) != BODY_SCOPE and field != "supplements":
            prefix = doc.supplements[parent[0][1]].key + "/"
        if prefix + change.key in ix.index().keys:
            raise _Fail(f"key already used: {change.key!r}")
    if any(s.key == change.key for s in getattr(holder, field)):
        raise _Fail(f"key already used: {change.key!r}")
    new_doc = _tree.replace_at(doc, loc, _tree.evolve(node, key=change.key))
    if not top:
        _done(ix, new_doc)
    elif field in ("supplements", "appendices", "enact_statements") or ix.built is None:
        _done(ix, new_doc, None)  # key paths below it change too: re-index
    else:
        # Only this element's own entry moves; its location and number stay (a copy:
        # indices are shared with earlier versions and never mutated).
        keys = dict(ix.built.keys)
        keys[prefix + change.key] = keys.pop(prefix + node.key)
        _done(ix, new_doc, Index(keys, ix.built.articles))
