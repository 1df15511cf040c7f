"""Tree surgery and look-ups on immutable documents (private).

A *location* (:data:`Loc`) is the path from the document to one element: a tuple of
``(field, index)`` steps such as ``(("body", 2), ("children", 7), ("paragraphs", 0))``.
:func:`rebuild` replaces one child tuple and rebuilds only the records on the path above it;
every other element object is shared with the old document.

Finding a target costs what the path to it costs, not what the document costs:

- an article cited by number (第N条) is found by bisection down the divisions, on the
  article numbers as written (the first article of each division is read on the way down;
  nothing is built), so ``apply`` of a phrase change does not grow with the document;
- key paths (``a3/p2``), misses and the checks that a number or key is free use an
  :class:`Index` of the document's scopes (the body and its divisions, the supplements, the
  preamble), made when first needed (:class:`Lookup`) and carried from one change to the
  next: a change inside an element keeps it as it is, and an insertion or deletion updates
  the entries of the later siblings only (:meth:`Index.moved`), so a history replays
  without re-indexing its documents.

Walking, child fields and texts go through the element protocol
(:mod:`legaldocs.model._element`); the one structural notion this module adds is the
*scope*: the body, each supplement, and the divisions in them, inside which keys and article
numbers are unique.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from legaldocs.errors import CitationError, NotFoundError
from legaldocs.model import _citation as _citation
from legaldocs.model import _element as _e
from legaldocs.model._citation import Citation
from legaldocs.model._numbers import Num
from legaldocs.model._records import (
    Article,
    Division,
    Document,
    Element,
    Item,
    Paragraph,
    Supplement,
)

Loc = tuple[tuple[str, int], ...]
"""The path from a document to one element."""

Node = Document | Element

BODY_SCOPE = -1
"""The article-number scope of the main body (supplements use their index)."""


# ---------------------------------------------------------------------------------------
# The element protocol, as this module uses it


def child_field(node: object) -> str | None:
    """The name of the one field holding ``node``'s child elements; None when it has none,
    several (the document) or only keyless parts (the cells of a row)."""
    cls = type(node)
    if cls not in _ELEMENT_FIELD:
        _ELEMENT_FIELD[cls] = _element_field(cls)
    return _ELEMENT_FIELD[cls]


_ELEMENT_FIELD: dict[type, str | None] = {}
_MEMBERS: dict[tuple[type, str], tuple[type, ...]] = {}


def _element_field(cls: type) -> str | None:
    if not attrs.has(cls):
        return None
    names = _e.spec(cls).children
    if len(names) != 1:
        return None
    members = member_types(cls, names[0])
    if members and not any(attrs.has(m) and _e.spec(m).keyed for m in members):
        return None
    return names[0]


def member_types(cls: type, field: str) -> tuple[type, ...]:
    """The classes a child field of ``cls`` may hold, read from its annotation
    (``tuple[A | B, ...]`` gives ``(A, B)``)."""
    found = _MEMBERS.get((cls, field))
    if found is None:
        hint = typing.get_type_hints(cls)[field]
        args = typing.get_args(hint)
        members = (typing.get_args(args[0]) or (args[0],)) if args else ()
        found = _MEMBERS[(cls, field)] = tuple(m for m in members if isinstance(m, type))
    return found


def is_top_container(parent: object) -> bool:
    """Whether the children of ``parent`` belong to a scope (their keys and article numbers
    are unique in the body or their supplement): the document, a supplement, a division."""
    return isinstance(parent, Document | Division | Supplement)


def node_at(doc: Document, loc: Loc) -> Node:
    """The element at ``loc`` (the document itself for ``()``)."""
    node: Any = doc
    for field, index in loc:
        node = getattr(node, field)[index]
    result: Node = node
    return result


_FIELDS: dict[type, tuple[str, ...]] = {}


def evolve(node: Any, **changes: Any) -> Any:
    """``attrs.evolve`` for the model's records, without its per-call introspection."""
    cls = type(node)
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in attrs.fields(cls))
    values = {name: getattr(node, name) for name in names}
    values.update(changes)
    return cls(**values)


@functools.lru_cache(maxsize=512)
def parse_citation(text: str) -> Citation:
    """:meth:`Citation.parse`, cached (citations are values)."""
    return Citation.parse(text)


def rebuild(doc: Document, parent: Loc, field: str, children: tuple[Any, ...]) -> Document:
    """``doc`` with the ``field`` tuple of the element at ``parent`` replaced by ``children``,
    rebuilding only the records from that element up to the root."""
    nodes: list[Any] = [doc]
    for step_field, step in parent:
        nodes.append(getattr(nodes[-1], step_field)[step])
    new: Any = evolve(nodes[-1], **{field: children})
    for (step_field, step), node in zip(reversed(parent), reversed(nodes[:-1]), strict=True):
        siblings = getattr(node, step_field)
        new = evolve(node, **{step_field: (*siblings[:step], new, *siblings[step + 1 :])})
    result: Document = new
    return result


def replace_at(doc: Document, loc: Loc, element: Any) -> Document:
    """``doc`` with the element at ``loc`` replaced by ``element``."""
    parent, (field, index) = loc[:-1], loc[-1]
    siblings = getattr(node_at(doc, parent), field)
    return rebuild(doc, parent, field, (*siblings[:index], element, *siblings[index + 1 :]))


# ---------------------------------------------------------------------------------------
# Finding an article by bisection (no index)


def _first_num(node: Any) -> tuple[int, ...] | None:
    """The number (``Num.parts``) of the first article in ``node`` (itself, or in a division)."""
    if type(node) is Article:
        parts: tuple[int, ...] = node.num.parts
        return parts
    if type(node) is Division:
        for child in node.children:
            if (found := _first_num(child)) is not None:
                return found
    return None


def _bisect(elements: Sequence[Any], num: tuple[int, ...]) -> list[int] | None:
    """Positions down to the article numbered ``num``, found by bisection on the numbers as
    written, reading the first article of each division on the way down (None when the
    bisection does not land on it: a miss, or numbers out of order)."""
    path: list[int] = []
    while True:
        lo, hi, best = 0, len(elements), -1
        while lo < hi:
            mid = (lo + hi) // 2
            j, first = mid, None
            while j < hi and (first := _first_num(elements[j])) is None:
                j += 1
            if first is None:
                hi = mid
            elif first <= num:
                best, lo = j, j + 1
            else:
                hi = mid
        if best < 0:
            return None
        child = elements[best]
        path.append(best)
        if type(child) is Article:
            return path if child.num.parts == num else None
        elements = child.children


def _bisect_loc(container: Any, num: Num) -> Loc | None:
    """The location, relative to ``container`` (the document or a supplement), of the
    article numbered ``num`` in its body, when bisection finds it."""
    path = _bisect(container.body, num.parts)
    if path is None:
        return None
    loc = [("body", path[0])]
    loc.extend(("children", i) for i in path[1:])
    return tuple(loc)


# ---------------------------------------------------------------------------------------
# The index of a document's scopes


def _scope_prefix(doc: Document, parent: Loc, field: str) -> tuple[str, int]:
    """The key prefix and article scope of the children in ``field`` of the element at
    ``parent`` (which must be a scope container)."""
    if field == "preamble":
        return f"{_citation.PREAMBLE}/", BODY_SCOPE
    if parent and parent[0][0] == "supplements":
        s = parent[0][1]
        return doc.supplements[s].key + "/", s
    return "", BODY_SCOPE


def _visit(
    keys: dict[str, Loc],
    articles: dict[tuple[int, Num], Loc] | None,
    elements: Sequence[Any],
    prefix: str,
    scope: int,
    loc: Loc,
    field: str,
    start: int = 0,
    overwrite: bool = False,
    twins: set[tuple[int, Num]] | None = None,
) -> None:
    for i in range(start, len(elements)):
        element = elements[i]
        here = (*loc, (field, i))
        if overwrite:
            keys[prefix + element.key] = here
        else:
            keys.setdefault(prefix + element.key, here)
        kind = type(element)
        if kind is Article and articles is not None:
            if overwrite:
                articles[(scope, element.num)] = here
            elif (scope, element.num) in articles:
                if twins is not None:
                    twins.add((scope, element.num))
            else:
                articles[(scope, element.num)] = here
        elif kind is Division:
            _visit(
                keys,
                articles,
                element.children,
                prefix,
                scope,
                here,
                "children",
                0,
                overwrite,
                twins,
            )


def _drop(
    keys: dict[str, Loc],
    articles: dict[tuple[int, Num], Loc],
    element: Any,
    prefix: str,
    scope: int,
    here: Loc,
) -> None:
    """Remove the entries of ``element`` (at ``here``) and of what it holds."""
    if keys.get(prefix + element.key) == here:
        del keys[prefix + element.key]
    kind = type(element)
    if kind is Article:
        if articles.get((scope, element.num)) == here:
            del articles[(scope, element.num)]
    elif kind is Division:
        for i, child in enumerate(element.children):
            _drop(keys, articles, child, prefix, scope, (*here, ("children", i)))


@attrs.frozen
class Index:
    """Where the elements of a document's scopes are: every key path of the body (through
    divisions), the preamble and the supplements, and every article by (scope, number).

    An index is a value for one document; :meth:`inserted`, :meth:`deleted`,
    :meth:`renumbered` and :meth:`rekeyed` give the index of the document an amendment
    leaves, touching only the entries of the elements that moved (the later siblings of an
    inserted or deleted element), so that a history replays without re-indexing.
    """

    keys: dict[str, Loc]
    """Key path of every article, division, body paragraph or table, supplement and preamble
    paragraph → its location."""
    articles: dict[tuple[int, Num], Loc]
    """(scope, number) of every article → its location; scope is :data:`BODY_SCOPE` or
    the index of the supplement."""
    twins: frozenset[tuple[int, Num]] = frozenset()
    """(scope, number) of every article number written more than once in its scope (old
    statutes: ``a53`` and ``a53x2``): a citation of it names several articles, and
    :func:`locate` refuses it (key paths name each)."""

    @classmethod
    def build(cls, doc: Document) -> Index:
        """Index ``doc`` (a walk over its scopes, not into articles)."""
        keys: dict[str, Loc] = {}
        articles: dict[tuple[int, Num], Loc] = {}
        twins: set[tuple[int, Num]] = set()
        for i, paragraph in enumerate(doc.preamble):
            keys.setdefault(f"{_citation.PREAMBLE}/{paragraph.key}", (("preamble", i),))
        _visit(keys, articles, doc.body, "", BODY_SCOPE, (), "body", twins=twins)
        for i, supplement in enumerate(doc.supplements):
            here = (("supplements", i),)
            keys.setdefault(supplement.key, here)
            _visit(
                keys,
                articles,
                supplement.body,
                supplement.key + "/",
                i,
                here,
                "body",
                twins=twins,
            )
            for j, appendix in enumerate(supplement.appendices):
                keys.setdefault(f"{supplement.key}/{appendix.key}", (*here, ("appendices", j)))
        for i, statement in enumerate(doc.enact_statements):
            keys.setdefault(f"{_citation.ENACT}/{statement.key}", (("enact_statements", i),))
        for i, appendix in enumerate(doc.appendices):
            keys.setdefault(appendix.key, (("appendices", i),))
        return cls(keys, articles, frozenset(twins))

    def moved(
        self, doc: Document, parent: Loc, field: str, start: int, removed: Any = None
    ) -> Index | None:
        """The index of ``doc``, a document whose ``field`` of the scope container at
        ``parent`` changed from position ``start`` on (``removed``: the element deleted
        there, if any); None when the change is one the index is rebuilt for (a supplement
        inserted or deleted)."""
        if field in ("supplements", "appendices", "enact_statements"):
            return None
        if self.twins and removed is not None:
            return None  # one of two articles with one number may have gone: rebuild
        keys, articles = dict(self.keys), dict(self.articles)
        prefix, scope = _scope_prefix(doc, parent, field)
        if removed is not None:
            _drop(keys, articles, removed, prefix, scope, (*parent, (field, start)))
        elements = getattr(node_at(doc, parent), field)
        _visit(keys, articles, elements, prefix, scope, parent, field, start, overwrite=True)
        return Index(keys, articles, self.twins)


def scope_keys(doc: Document) -> dict[str, Loc]:
    """Key path of every element of the document's scopes → its location."""
    return Index.build(doc).keys


def is_citation(target: str) -> bool:
    """Whether a target string is a citation (else it is a key path)."""
    return target.strip().startswith(("第", "附則", "附　則", "前文"))


class Lookup:
    """The document being amended and its :class:`Index`, made only when a look-up needs
    it: an article cited by number is found by bisection without one."""

    __slots__ = ("built", "doc", "eager")

    def __init__(self, doc: Document, index: Index | None = None, *, eager: bool = False) -> None:
        self.doc = doc
        self.built = index
        self.eager = eager
        """Build the index on the first look-up, cited articles included: for a caller that
        carries it on to more amendments (a history), where a dictionary look-up repays the
        one walk."""

    def index(self) -> Index:
        """The index of :attr:`doc` (built now if there is none yet)."""
        if self.built is None:
            self.built = Index.build(self.doc)
        return self.built


def locate(doc: Document, target: str, index: Index | Lookup | None = None) -> Loc:
    """The location of the element named by ``target`` (a citation or a key path).

    ``index``: an Index of ``doc``, or a :class:`Lookup` on it, or None (an index is built
    only when the target needs one). Raises NotFoundError or CitationError.
    """
    if target == "":
        return ()
    ix = index if isinstance(index, Lookup) else Lookup(doc, index)
    if is_citation(target):
        return _locate_citation(doc, parse_citation(target), ix)
    return _locate_key(doc, target, ix.index())


def _locate_key(doc: Document, path: str, index: Index) -> Loc:
    parts = path.split("/")
    for size in (2, 1):
        if len(parts) >= size and (loc := index.keys.get("/".join(parts[:size]))) is not None:
            break
    else:
        raise NotFoundError(f"no element with key path {path!r} in {doc.title!r}")
    node: Any = node_at(doc, loc)
    for key in parts[size:]:
        field = child_field(node)
        children = getattr(node, field) if field else ()
        for i, child in enumerate(children):
            if field is not None and child.key == key:
                loc = (*loc, (field, i))
                node = child
                break
        else:
            raise NotFoundError(f"no element with key path {path!r} in {doc.title!r}")
    return loc


def _find_article(ix: Lookup, container: Any, scope: int, num: Num) -> Loc | None:
    prefix: Loc = () if scope == BODY_SCOPE else (("supplements", scope),)
    if ix.built is None and not ix.eager and (found := _bisect_loc(container, num)) is not None:
        return prefix + found
    return ix.index().articles.get((scope, num))


def article_at(doc: Document, scope: int, num: Num, ix: Lookup | None = None) -> Loc | None:
    """The location of the article numbered ``num`` in ``scope`` (:data:`BODY_SCOPE` or a
    supplement's index), or None."""
    ix = ix or Lookup(doc)
    container = doc if scope == BODY_SCOPE else doc.supplements[scope]
    return _find_article(ix, container, scope, num)


def _locate_citation(doc: Document, cit: Citation, ix: Lookup) -> Loc:
    steps = cit.steps
    loc: Loc = ()
    node: Node = doc
    scope = BODY_SCOPE
    i = 0
    if steps and steps[0].kind == "附則":
        ref = steps[0].ref
        for s, supplement in enumerate(doc.supplements):
            if ref is None or supplement.law_ref == ref:
                loc, node, scope = (("supplements", s),), supplement, s
                break
        else:
            return _locate_slow(doc, cit)
        i = 1
    if i < len(steps) and steps[i].kind == "条":
        num = steps[i].num
        assert num is not None
        found = _find_article(ix, node, scope, num)
        if found is None or _has_twin(doc, ix, scope, num, found):
            return _locate_slow(doc, cit)  # which names the candidates of a repeated number
        loc, node = found, node_at(doc, found)
        i += 1
    for step in steps[i:]:
        kind, num = step.kind, step.num
        if kind == "項" and isinstance(node, Article):
            field = "paragraphs"
        elif kind == "号" and isinstance(node, Article) and node.paragraphs:
            loc, node = (*loc, ("paragraphs", 0)), node.paragraphs[0]
            field = "children"
        elif (kind == "号" and isinstance(node, Paragraph)) or (
            kind == "細分" and isinstance(node, Item)
        ):
            field = "children"
        else:
            return _locate_slow(doc, cit)
        children: Sequence[Any] = getattr(node, field)
        want = Paragraph if kind == "項" else Item
        matches = [
            j for j, child in enumerate(children) if isinstance(child, want) and child.num == num
        ]
        if len(matches) != 1:  # none, or a repeated number: the slow path says which
            return _locate_slow(doc, cit)
        loc, node = (*loc, (field, matches[0])), children[matches[0]]
    if not loc:
        return _locate_slow(doc, cit)
    return loc


def _last_num(node: Any) -> tuple[int, ...] | None:
    """The number (``Num.parts``) of the last article in ``node`` (itself, or in a division)."""
    if type(node) is Article:
        parts: tuple[int, ...] = node.num.parts
        return parts
    if type(node) is Division:
        for child in reversed(node.children):
            if (found := _last_num(child)) is not None:
                return found
    return None


def _has_twin(doc: Document, ix: Lookup, scope: int, num: Num, found: Loc) -> bool:
    """Whether another article of ``scope`` has the number ``num`` of the one at ``found``.

    The index knows. Without one, bisection lands on one of two articles written one after
    the other, so the articles on either side are read, across the edges of divisions
    (twins apart, as in ``53, 54, 53``, are out of order: an index finds them)."""
    if ix.built is not None:
        return (scope, num) in ix.built.twins
    parts = num.parts
    top = 1 if scope == BODY_SCOPE else 2
    before = after = None
    for depth in range(len(found), top - 1, -1):
        parent, (field, i) = found[: depth - 1], found[depth - 1]
        siblings = getattr(node_at(doc, parent), field)
        j = i + 1
        while after is None and j < len(siblings):
            after = _first_num(siblings[j])
            j += 1
        j = i - 1
        while before is None and j >= 0:
            before = _last_num(siblings[j])
            j -= 1
        if parts in (before, after):
            return True
        if before is not None and after is not None:
            return False
    return False


def _locate_slow(doc: Document, cit: Citation) -> Loc:
    element = _citation.resolve(doc, cit)
    for loc, node in walk_locs(doc):
        if node is element:
            return loc
    raise NotFoundError(f"{cit}: no such element in {doc.title!r}")  # pragma: no cover


def walk_locs(doc: Document) -> Iterator[tuple[Loc, Element]]:
    """Every element of ``doc`` with its location, in document order."""

    def visit(node: Any, loc: Loc) -> Iterator[tuple[Loc, Element]]:
        field = child_field(node)
        if field is None:
            return
        for i, child in enumerate(getattr(node, field)):
            here = (*loc, (field, i))
            yield here, child
            yield from visit(child, here)

    for field in _e.child_fields(doc):
        for i, child in enumerate(getattr(doc, field)):
            here = ((field, i),)
            yield here, child
            yield from visit(child, here)


def citation_of(doc: Document, loc: Loc) -> str:
    """A readable name for the element at ``loc``, for error messages."""
    try:
        element = node_at(doc, loc)
        if isinstance(element, Document):
            return "the document"
        return _citation.cite(doc, element).format(doc.style.numerals)
    except (NotFoundError, CitationError, IndexError):  # pragma: no cover
        return repr(loc)


def sibling_nums(children: Sequence[Any], kind: type) -> list[tuple[int, Num]]:
    """(position, number) of the children of one kind (anonymous paragraphs left out)."""
    result: list[tuple[int, Num]] = []
    for i, child in enumerate(children):
        if type(child) is kind and not getattr(child, "anonymous", 0):
            result.append((i, getattr(child, "num")))  # noqa: B009
    return result


__all__ = [
    "BODY_SCOPE",
    "Index",
    "Loc",
    "Lookup",
    "Node",
    "article_at",
    "child_field",
    "citation_of",
    "evolve",
    "is_citation",
    "is_top_container",
    "locate",
    "member_types",
    "node_at",
    "parse_citation",
    "rebuild",
    "replace_at",
    "scope_keys",
    "sibling_nums",
    "walk_locs",
]
