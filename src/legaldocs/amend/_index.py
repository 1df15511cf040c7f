"""Tree surgery on immutable documents (private).

A *location* (:data:`Loc`) is the path from the document to one element: a tuple of
``(field, index)`` steps such as ``(("body", 2), ("children", 7), ("paragraphs", 0))``.
:func:`rebuild` replaces one child tuple and rebuilds only the records on the path above it;
every other element object is shared with the old document.

An :class:`Index` maps the keys of top-level elements (articles, divisions, body paragraphs
and tables, supplements, preamble paragraphs) and the numbers of articles to their locations,
so that finding a target costs a dictionary look-up plus a short walk inside one article.
It is built lazily once per document *structure*: changes inside an article keep the
locations of every top-level element, so the index carries over to the next document.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from legaldocs.errors import CitationError, NotFoundError
from legaldocs.model import _citation as _citation
from legaldocs.model._blocks import BlockList, ListItem, PipeTable, Quote, Section
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
    Table,
)

Loc = tuple[tuple[str, int], ...]
"""The path from a document to one element."""

Node = Document | Element

BODY_SCOPE = -1
"""The article-number scope of the main body (supplements use their index)."""

_CHILD_FIELD: dict[type, str] = {
    Supplement: "body",
    Division: "children",
    Article: "paragraphs",
    Paragraph: "children",
    Item: "children",
    Table: "rows",
    Section: "children",
    ListItem: "children",
    Quote: "children",
    BlockList: "items",
    PipeTable: "rows",
}


def child_field(node: Node) -> str | None:
    """The name of the field holding the children of ``node`` (None for a row)."""
    return _CHILD_FIELD.get(type(node))


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
    for step_field, index in parent:
        nodes.append(getattr(nodes[-1], step_field)[index])
    new: Any = evolve(nodes[-1], **{field: children})
    for (step_field, index), node in zip(reversed(parent), reversed(nodes[:-1]), strict=True):
        siblings = getattr(node, step_field)
        new = evolve(node, **{step_field: (*siblings[:index], new, *siblings[index + 1 :])})
    result: Document = new
    return result


def replace_at(doc: Document, loc: Loc, element: Any) -> Document:
    """``doc`` with the element at ``loc`` replaced by ``element``."""
    parent, (field, index) = loc[:-1], loc[-1]
    siblings = getattr(node_at(doc, parent), field)
    return rebuild(doc, parent, field, (*siblings[:index], element, *siblings[index + 1 :]))


def is_top_container(parent: Node) -> bool:
    """Whether the children of ``parent`` are indexed (their locations are in an Index)."""
    return isinstance(parent, Document | Division | Supplement)


@attrs.frozen
class Index:
    """Where the top-level elements of one document structure are."""

    keys: dict[str, Loc]
    """Key path of every article, division, body paragraph or table, supplement and preamble
    paragraph → its location."""
    articles: dict[tuple[int, Num], Loc]
    """(scope, number) of every article → its location; scope is :data:`BODY_SCOPE` or
    the index of the supplement."""

    @classmethod
    def build(cls, doc: Document) -> Index:
        """Index ``doc`` (a walk over its top-level elements, not into articles)."""
        keys: dict[str, Loc] = {}
        articles: dict[tuple[int, Num], Loc] = {}

        def visit(elements: Sequence[Any], prefix: str, scope: int, loc: Loc, field: str) -> None:
            for i, element in enumerate(elements):
                here = (*loc, (field, i))
                keys.setdefault(prefix + element.key, here)
                if isinstance(element, Article):
                    articles.setdefault((scope, element.num), here)
                elif isinstance(element, Division):
                    visit(element.children, prefix, scope, here, "children")

        for i, paragraph in enumerate(doc.preamble):
            keys.setdefault(f"{_citation.PREAMBLE}/{paragraph.key}", (("preamble", i),))
        visit(doc.body, "", BODY_SCOPE, (), "body")
        for i, supplement in enumerate(doc.supplements):
            here = (("supplements", i),)
            keys.setdefault(supplement.key, here)
            visit(supplement.body, supplement.key + "/", i, here, "body")
        return cls(keys, articles)


def is_citation(target: str) -> bool:
    """Whether a target string is a citation (else it is a key path)."""
    return target.strip().startswith(("第", "附則", "附　則", "前文"))


def locate(doc: Document, target: str, index: Index) -> Loc:
    """The location of the element named by ``target`` (a citation or a key path).

    Raises NotFoundError or CitationError.
    """
    if target == "":
        return ()
    if is_citation(target):
        return _locate_citation(doc, parse_citation(target), index)
    return _locate_key(doc, target, index)


def _locate_key(doc: Document, path: str, index: Index) -> Loc:
    parts = path.split("/")
    for size in (2, 1):
        if len(parts) >= size and (loc := index.keys.get("/".join(parts[:size]))) is not None:
            break
    else:
        raise NotFoundError(f"no element with key path {path!r} in {doc.title!r}")
    node = node_at(doc, loc)
    for key in parts[size:]:
        field = child_field(node)
        children = getattr(node, field) if field else ()
        for i, child in enumerate(children):
            if field is not None and getattr(child, "key", None) == key:
                loc = (*loc, (field, i))
                node = child
                break
        else:
            raise NotFoundError(f"no element with key path {path!r} in {doc.title!r}")
    return loc


def _locate_citation(doc: Document, cit: Citation, index: Index) -> Loc:
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
        found = index.articles.get((scope, num))
        if found is None:
            return _locate_slow(doc, cit)
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
        for j, child in enumerate(children):
            if isinstance(child, want) and child.num == num:
                loc, node = (*loc, (field, j)), child
                break
        else:
            return _locate_slow(doc, cit)
    if not loc:
        return _locate_slow(doc, cit)
    return loc


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

    for field in ("preamble", "body", "supplements"):
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
        if isinstance(child, kind) and type(child) is kind and not getattr(child, "anonymous", 0):
            result.append((i, getattr(child, "num")))  # noqa: B009
    return result


__all__ = [
    "BODY_SCOPE",
    "Index",
    "Loc",
    "Node",
    "child_field",
    "citation_of",
    "evolve",
    "is_citation",
    "is_top_container",
    "locate",
    "node_at",
    "parse_citation",
    "rebuild",
    "replace_at",
    "sibling_nums",
    "walk_locs",
]
