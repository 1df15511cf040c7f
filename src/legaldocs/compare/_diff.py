"""Structural and textual differences between two documents: :func:`diff` and :class:`Diff`.

Structure first, then text. Divisions, articles, paragraphs, items, tables and rows are
aligned level by level (see :mod:`legaldocs._align`): by identity and key, then by unique
content, then by key or number when the texts are similar, then by content similarity among
the leftovers, so that a renumbered or moved article is reported as renumbered/moved and an
inserted article does not make every later one look changed. Articles are aligned across the
whole body (and within each 附則), so an article moved to another chapter is "moved".

**Shared history.** Two documents are taken to share a history when at least half of the
article keys of the smaller one also occur in the other (``by="auto"``); then keys are used
for alignment, guarded by a similarity check so that number-derived keys (``a10`` for
第十条, as parsers assign them) do not pair unrelated articles after a renumbering.
``by="key"`` trusts keys blindly (documents from one :class:`History`); ``by="content"``
ignores keys.

Then text: each matched element's own text (paragraph or item text, article caption,
division title, row cells) is compared with an inline diff: character-level for Japanese,
word-level for Latin script, whole numbers and citation units (第十二条) replaced as a whole.

**Cost.** Elements shared by both versions (``is``) are skipped before any comparison; equal
elements are skipped after one equality check; inline diffs run only on changed units;
similarity matching runs only on the leftovers and is windowed when they are many.

**Changes.** Each changed element is reported once, as a :class:`Difference` whose ``kinds``
say what happened: ``added``, ``removed``, ``deleted`` (became a 削除 placeholder),
``renumbered``, ``moved``, ``caption`` (article caption or division title changed) and
``modified`` (own text changed). An added or removed element is reported alone: its
descendants are not listed again. A change that only touches typography (full/half width,
，↔、, （↔(, spaces) has ``typographic=True``; :meth:`Diff.without_typographic` drops those.
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from legaldocs._align import SimpleUnit, align, moved
from legaldocs._inline import InlineOp, apply_ops, fold, inline_diff
from legaldocs.amend._plan import plan_amendment
from legaldocs.dates import format_date, parse_day, parse_moment
from legaldocs.errors import ArgumentValueError, require_type
from legaldocs.model._citation import Citation, Step, StepKind
from legaldocs.model._element import (
    children_of,
    element_type,
    full_text,
    has_parts,
    is_heading,
    own_data,
    own_texts,
    presentation_of,
    related,
    signature,
    texts_of,
)
from legaldocs.model._numbers import Num
from legaldocs.model._records import (
    Article,
    BodyElement,
    Division,
    Document,
    Element,
    Item,
    Paragraph,
    Row,
    Supplement,
    Table,
)
from legaldocs.model._section_refs import section_labels

if TYPE_CHECKING:
    from legaldocs.amend._changes import Amendment, Moment

__all__ = [
    "ChangeKind",
    "Diff",
    "Difference",
    "ElementType",
    "InlineOp",
    "apply_ops",
    "diff",
    "to_amendment",
]

ChangeKind = Literal["added", "removed", "deleted", "renumbered", "moved", "caption", "modified"]
"""What happened to an element, in the order :attr:`Difference.kinds` lists them."""

ElementType = Literal[
    "document", "toc", "division", "article", "paragraph", "item", "table", "row", "supplement"
]
"""What kind of element a change is about."""

_KIND_ORDER: dict[str, int] = {
    k: i
    for i, k in enumerate(
        ("added", "removed", "deleted", "renumbered", "moved", "caption", "modified")
    )
}


@attrs.frozen(kw_only=True)
class Difference:
    """One changed element.

    - ``kinds``: what happened (see :data:`ChangeKind`), never empty; ``kind`` is the first.
    - ``old_path`` / ``new_path``: key paths in the old and new document (``None`` on the
      side where the element does not exist); ``old_citation`` / ``new_citation`` likewise.
    - ``old`` / ``new``: the elements themselves (``None`` for document-level fields).
    - ``old_parent`` / ``new_parent``: key paths of the parents in the old and the new
      document (``""`` for the body, ``"preamble"``, a supplement key, a division key, an
      article key path, ...). For an added element ``old_parent`` is where its parent is in
      the old document (``None`` when the parent is new too); for a removed one
      ``new_parent`` likewise.
    - ``position``: index of the new element among its new parent's children; ``after``:
      key path (new document) of the element it follows in the new document, ``None`` when
      first; ``anchor``: key path in the *old* document of the nearest element before it in
      the new document that also exists in the old one (for 「第N条の次に…を加える」).
    - ``field`` and ``ops``: the text compared (``"text"``, ``"caption"``, ``"title"``,
      ``"cells"`` (cells joined by tab), ``"revisions"``, or a document field) and the inline
      operations over the old text; :func:`apply_ops` of ``ops`` to ``old_text`` gives
      ``new_text``. Empty when no own text changed.
    - ``typographic``: the change only touches typography.
    """

    kinds: tuple[ChangeKind, ...]
    element_type: ElementType
    old_path: str | None = None
    new_path: str | None = None
    old_citation: Citation | None = None
    new_citation: Citation | None = None
    old: Element | None = attrs.field(default=None, repr=False)
    new: Element | None = attrs.field(default=None, repr=False)
    old_parent: str | None = None
    new_parent: str | None = None
    position: int | None = None
    after: str | None = None
    anchor: str | None = None
    field: str | None = None
    old_text: str | None = None
    new_text: str | None = None
    ops: tuple[InlineOp, ...] = ()
    typographic: bool = False

    @property
    def kind(self) -> ChangeKind:
        """The main kind of the change (the first of ``kinds``)."""
        return self.kinds[0]

    @property
    def citation(self) -> Citation | None:
        """The new citation, or the old one for a removed element."""
        return self.new_citation if self.new_citation is not None else self.old_citation

    @property
    def path(self) -> str | None:
        """The new key path, or the old one for a removed element."""
        return self.new_path if self.new_path is not None else self.old_path


@attrs.frozen(kw_only=True)
class Diff:
    """The differences between two documents: an immutable tuple of :class:`Difference`.

    ``bool(diff)`` is false when nothing changed. The two documents are kept (``old``,
    ``new``, not compared) for renderers.
    """

    old_title: str
    new_title: str
    changes: tuple[Difference, ...]
    old: Document = attrs.field(repr=False, eq=False)
    new: Document = attrs.field(repr=False, eq=False)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Iterator[Difference]:
        return iter(self.changes)

    def without_typographic(self) -> Diff:
        """The same diff without the typographic-only changes."""
        return attrs.evolve(self, changes=tuple(c for c in self.changes if not c.typographic))

    def of_kind(self, *kinds: ChangeKind) -> tuple[Difference, ...]:
        """The changes having any of ``kinds``."""
        return tuple(c for c in self.changes if any(k in c.kinds for k in kinds))

    def find(self, path: str) -> Difference | None:
        """The change of the element at key path ``path`` (new or old), if any."""
        for change in self.changes:
            if change.new_path == path or change.old_path == path:
                return change
        return None

    def to_amendment(
        self,
        *,
        id: str,
        enacted: datetime.date | str,
        effective: Moment | str,
        title: str = "",
        note: str | None = None,
    ) -> Amendment:
        """The amendment that turns ``old`` into ``new``: ``apply(old, amendment) == new``
        exactly, keys included. ``enacted`` and ``effective`` take any form
        :func:`~legaldocs.parse_moment` reads (``"2024-04-01"``, ``"令和6年4月1日"``).
        Every change that replaces or deletes text records the fingerprint of what it
        acts on (``expect``): applied to another text, the amendment is refused.

        Edited phrases become phrase changes (widened until they occur once in their
        target), renumbered runs :class:`~legaldocs.amendment.Shift`, removed and added
        elements deletions and insertions, mostly rewritten elements whole replacements,
        document fields :class:`~legaldocs.amendment.SetDocumentField`; the keys the new
        document gives its elements (inserted ones, and renumbered ones whose keys follow
        their numbers) are set at the end with :class:`~legaldocs.amendment.Rekey`, which
        has no legal effect. Targets are key paths. The alignment is the diff's own rules,
        container by container (an article moved to another chapter is deleted and
        inserted). See :mod:`legaldocs.amend._plan` for the order of the changes.
        """
        return plan_amendment(
            self.old,
            self.new,
            id=id,
            enacted=parse_day(enacted, "enacted"),
            effective=parse_moment(effective, what="effective"),
            title=title,
            note=note,
        )

    def changed_citations(
        self, numerals: Literal["kanji", "arabic"] | None = None
    ) -> tuple[str, ...]:
        """The citations of the changed elements, in order, without repeats (new citation,
        or the old one for a removed element), written in the new document's numerals
        unless ``numerals`` is given."""
        style = numerals or self.new.style.numerals
        seen: dict[str, None] = {}
        for change in self.changes:
            if change.citation is not None and change.citation.steps:
                seen.setdefault(change.citation.format(style), None)
        return tuple(seen)


def diff(
    old: Document,
    new: Document,
    *,
    by: Literal["auto", "key", "content"] = "auto",
    typographic: bool = True,
) -> Diff:
    """The differences from ``old`` to ``new``, any two documents.

    ``by`` chooses how elements are matched (see the module docs); ``typographic=False``
    leaves out typographic-only changes.
    """
    for name, value in (("old", old), ("new", new)):
        require_type(value, Document, f"diff: {name}")
    if by not in ("auto", "key", "content"):
        raise ArgumentValueError(f"diff: by must be 'auto', 'key' or 'content', not {by!r}")
    differ = _Differ(old, new, by)
    changes = differ.run()
    result = Diff(
        old_title=old.title, new_title=new.title, changes=tuple(changes), old=old, new=new
    )
    return result if typographic else result.without_typographic()


def to_amendment(
    diff: Diff,
    *,
    id: str,
    enacted: datetime.date | str,
    effective: Moment | str,
    title: str = "",
    note: str | None = None,
) -> Amendment:
    """:meth:`Diff.to_amendment` as a function."""
    require_type(diff, Diff, "to_amendment: diff")
    return diff.to_amendment(id=id, enacted=enacted, effective=effective, title=title, note=note)


# ---------------------------------------------------------------------------------------


class _Entry:
    """One element of a flattened container with its place; its citation is ``base``
    followed by one step ``kind`` ``step_num`` (built only when asked for). Also a
    :class:`~legaldocs._align.Unit`."""

    __slots__ = (
        "base",
        "element",
        "fixed",
        "flat",
        "index",
        "key",
        "kind",
        "num",
        "obj",
        "parent",
        "path",
        "placeholder",
        "step_num",
    )

    def __init__(
        self,
        element: Element,
        path: str,
        parent: str,
        index: int,
        flat: int,
        base: Citation,
        kind: StepKind,
        step_num: Num,
    ) -> None:
        self.element = self.obj = element
        self.path = path
        self.parent = parent
        self.index = index
        self.flat = flat
        self.base = base
        self.kind = kind
        self.step_num = step_num
        self.fixed: Citation | None = None
        self.key: str = getattr(element, "key", "")
        self.num: Hashable | None = getattr(element, "num", None)
        self.placeholder = isinstance(element, Article) and element.deleted
        if isinstance(element, Division):
            self.num = (element.kind, element.num)

    @property
    def cit(self) -> Citation:
        if self.fixed is not None:
            return self.fixed
        return self.base.child(self.kind, self.step_num)


def _root(cit: Citation) -> Citation:
    return Citation(tuple(s for s in cit.steps if s.kind == "附則"))


def _flatten_body(
    body: Sequence[BodyElement | Division | Article],
    prefix: str,
    cit: Citation,
    labels: dict[int, str],
    start: int = 0,
    stop: int | None = None,
) -> tuple[list[_Entry], list[_Entry], list[_Entry]]:
    """Divisions, articles and loose paragraphs/tables of a body, in document order; with
    ``start``/``stop``, of the top-level elements in that range only (their places and
    numbers as in the whole body; ``flat`` counts from the first of them)."""
    divisions: list[_Entry] = []
    articles: list[_Entry] = []
    loose: list[_Entry] = []
    flat = 0
    parent_root = prefix.rstrip("/")
    root = _root(cit)

    def visit(
        elements: Sequence[BodyElement | Division | Article],
        parent: str,
        here: Citation,
        first: int = 0,
        last: int | None = None,
    ) -> None:
        nonlocal flat
        tables = sum(1 for e in elements[:first] if isinstance(e, Table))
        for index in range(first, len(elements) if last is None else last):
            element = elements[index]
            flat += 1
            if isinstance(element, Article):
                entry = _Entry(
                    element, prefix + element.key, parent, index, flat, root, "条", element.num
                )
                articles.append(entry)
            elif isinstance(element, Division):
                path = prefix + element.key
                divisions.append(
                    _Entry(element, path, parent, index, flat, here, element.kind, element.num)
                )
                visit(element.children, path, here.child(element.kind, element.num))
            elif isinstance(element, Paragraph):
                loose.append(
                    _Entry(
                        element, prefix + element.key, parent, index, flat, here, "項", element.num
                    )
                )
            elif isinstance(element, Table):
                tables += 1
                loose.append(
                    _Entry(
                        element, prefix + element.key, parent, index, flat, here, "表", _num(tables)
                    )
                )
            else:  # a block of a web policy: cited by its section
                entry = _Entry(
                    element, prefix + element.key, parent, index, flat, here, "行", _num(1)
                )
                entry.fixed = _block_citation(element, here, labels)
                loose.append(entry)

    visit(body, parent_root, cit, start, stop)
    return divisions, articles, loose


_SHARE_ENDS = True
"""Leave the top-level elements two bodies share at their ends out of the alignment (see
:class:`_Shared`); the tests turn it off to check that the diff is the same."""


def _group_of(element: object) -> int:
    """The group :func:`_flatten_body` puts an element in: 0 divisions, 1 articles, 2 loose."""
    if isinstance(element, Division):
        return 0
    return 1 if isinstance(element, Article) else 2


class _Shared:
    """The top-level elements two bodies share at their ends (the same objects at the same
    places: ``head`` leading ones, ``tail`` trailing ones), left out of the alignment.

    Keys are unique across a body, so each of them pairs with itself before anything else
    and none can pair with anything else; on a longest increasing subsequence the leading
    ones come first and the trailing ones last. What the alignment of the rest needs from
    them is looked up only when it is needed: how many entries of a group they hold (to
    choose between keys and content, ``by="auto"``), and the last entry of a group before
    the rest (after which an added element is placed, and where a removed one sorts)."""

    def __init__(
        self,
        old: Sequence[Any],
        new: Sequence[Any],
        head: int,
        tail: int,
        prefixes: tuple[str, str],
        cits: tuple[Citation, Citation],
        labels: tuple[dict[int, str], dict[int, str]],
    ) -> None:
        self.old, self.new, self.head, self.tail = old, new, head, tail
        self.prefixes, self.cits, self.labels = prefixes, cits, labels
        self._counts: list[int] | None = None
        self._last: dict[int, tuple[float, str | None, str | None]] = {}

    def count(self, group: int) -> int:
        """Entries of ``group`` in the shared elements (the same on both sides)."""
        if self._counts is None:
            counts = [0, 0, 0]
            stack = [*self.new[: self.head], *self.new[len(self.new) - self.tail :]]
            while stack:
                element = stack.pop()
                counts[_group_of(element)] += 1
                if isinstance(element, Division):
                    stack.extend(element.children)
            self._counts = counts
        return self._counts[group]

    def last(self, group: int) -> tuple[float, str | None, str | None]:
        """The last entry of ``group`` among the leading shared elements: its ``flat``
        counted back from the first element of the rest (0 for the element just before it,
        -1 before that, ...; minus infinity for none) and its new and old paths."""
        found = self._last.get(group)
        if found is not None:
            return found
        base = 0
        found = (float("-inf"), None, None)
        for index in range(self.head - 1, -1, -1):
            flattened = _flatten_body(
                self.new, self.prefixes[1], self.cits[1], self.labels[1], index, index + 1
            )
            size = sum(map(len, flattened))
            entries = flattened[group]
            if entries:
                entry = entries[-1]
                old_path = self.prefixes[0] + entry.path[len(self.prefixes[1]) :]
                found = (base - size + entry.flat, entry.path, old_path)
                break
            base -= size
        self._last[group] = found
        return found


def _num(n: int) -> Num:
    return Num.of(n)


def _renumbered(a: object, b: object, field: str, text: str) -> str:
    """``text``, a heading of ``a``, with ``a``'s number as written replaced by ``b``'s: a
    web policy's section heading holds its number (``10. Third-Party Links``), so that a
    renumbered section is not also reported as a changed heading."""
    old_num, new_num = getattr(a, "num", None), getattr(b, "num", None)
    numbered = isinstance(old_num, str) and isinstance(new_num, str) and old_num != new_num
    if numbered and is_heading(a, field) and str(old_num) in text:
        return text.replace(str(old_num), str(new_num), 1)
    return text


def _similarity_text(element: object) -> str:
    """The text two elements are compared by when paired by similarity: everything written
    in them, except for divisions, whose articles are aligned on their own (a division is
    known by its title)."""
    if isinstance(element, Division):
        return "\n".join(texts_of(element))
    return full_text(element)


def _revisions_text(supplement: Supplement) -> str:
    """A private policy's revision record as the lines it is written as."""
    return "\n".join(f"{format_date(r.date, era=r.era)} {r.event}" for r in supplement.revisions)


class _Differ:
    def __init__(self, old: Document, new: Document, by: str) -> None:
        self.old = old
        self.new = new
        self.by = by
        # old key path -> new key path of matched containers, and back
        self.parents: dict[str, str] = {"": "", "preamble": "preamble"}
        self.parents_new: dict[str, str] = {"": "", "preamble": "preamble"}
        # the citation labels of a web policy's sections (Section 3.2, Contact us)
        self.labels_old = {id(s): label for s, label in section_labels(old.body, old.lang)}
        self.labels_new = {id(s): label for s, label in section_labels(new.body, new.lang)}

    def _link(self, old_path: str, new_path: str) -> None:
        self.parents[old_path] = new_path
        self.parents_new[new_path] = old_path

    def run(self) -> list[Difference]:
        old, new = self.old, self.new
        out: list[Difference] = []
        if old is new:
            return out
        for name in ("title", "alt_title", "law_num"):
            a, b = getattr(old, name), getattr(new, name)
            if a != b:
                out.append(self._field_change("document", name, a, b))
        for name in ("style", "lang", "law_attrs", "appendix_places"):
            if getattr(old, name) != getattr(new, name):
                out.append(Difference(kinds=("modified",), element_type="document", field=name))
        if old.toc != new.toc:
            out.append(Difference(kinds=("modified",), element_type="toc", field="toc"))
        pre = Citation((Step(kind="前文"),))
        if old.preamble is not new.preamble and old.preamble != new.preamble:
            out.extend(
                self._siblings(
                    [
                        _Entry(p, f"preamble/{p.key}", "preamble", i, i, pre, "項", p.num)
                        for i, p in enumerate(old.preamble)
                    ],
                    [
                        _Entry(p, f"preamble/{p.key}", "preamble", i, i, pre, "項", p.num)
                        for i, p in enumerate(new.preamble)
                    ],
                )
            )
        out.extend(self._body(old.body, new.body, "", "", Citation(()), Citation(())))
        out.extend(self._supplements())
        return out

    def _field_change(
        self, etype: ElementType, name: str, a: str | None, b: str | None
    ) -> Difference:
        ops = inline_diff(a or "", b or "")
        return Difference(
            kinds=("modified",),
            element_type=etype,
            field=name,
            old_text=a,
            new_text=b,
            ops=ops,
            typographic=a is not None and b is not None and fold(a) == fold(b),
        )

    def _use_keys(
        self, old: Sequence[_Entry], new: Sequence[_Entry], more: Any = None
    ) -> tuple[bool, bool]:
        """Whether to match by key (and to trust keys). ``more()``: how many entries with
        keys on both sides were left out of ``old`` and ``new`` (see :class:`_Shared`)."""
        if self.by == "content":
            return False, False
        if self.by == "key":
            return True, True
        if not old or not new:
            return True, False
        old_keys = {getattr(e.element, "key", None) for e in old}
        shared = sum(1 for e in new if getattr(e.element, "key", None) in old_keys)
        if shared * 2 >= min(len(old), len(new)):
            return True, False
        extra = 0 if more is None else more()
        return (shared + extra) * 2 >= min(len(old), len(new)) + extra, False

    def _body(
        self,
        old_body: Sequence[BodyElement | Division | Article],
        new_body: Sequence[BodyElement | Division | Article],
        old_prefix: str,
        new_prefix: str,
        old_cit: Citation,
        new_cit: Citation,
    ) -> list[Difference]:
        if old_body is new_body:
            return []
        # the top-level elements both bodies share at their ends (an amendment changes a
        # few chapters of a statute) are left out: the cost follows what changed
        head = 0
        most = min(len(old_body), len(new_body)) if _SHARE_ENDS else 0
        while head < most and old_body[head] is new_body[head]:
            head += 1
        tail = 0
        while tail < most - head and old_body[-1 - tail] is new_body[-1 - tail]:
            tail += 1
        shared = None
        if head or tail:
            shared = _Shared(
                old_body,
                new_body,
                head,
                tail,
                (old_prefix, new_prefix),
                (old_cit, new_cit),
                (self.labels_old, self.labels_new),
            )
        o_stop, n_stop = len(old_body) - tail, len(new_body) - tail
        od, oa, ol = _flatten_body(old_body, old_prefix, old_cit, self.labels_old, head, o_stop)
        nd, na, nl = _flatten_body(new_body, new_prefix, new_cit, self.labels_new, head, n_stop)
        groups: list[tuple[tuple[float, int, int], list[Difference]]] = []
        for group, (old_entries, new_entries) in enumerate(((od, nd), (oa, na), (ol, nl))):
            groups.extend(
                self._align_group(old_entries, new_entries, False, shared=shared, group=group)
            )
        groups.sort(key=lambda g: g[0])
        return [c for _, changes in groups for c in changes]

    def _align_group(
        self,
        old_entries: list[_Entry],
        new_entries: list[_Entry],
        siblings: bool,
        *,
        shared: _Shared | None = None,
        group: int = 0,
    ) -> list[tuple[tuple[float, int, int], list[Difference]]]:
        """Align one level; return groups of changes with a document-order sort key.
        ``shared``: the elements left out at the ends of a body (their entries of ``group``
        are aligned with themselves, in order, before and after these)."""
        if not old_entries and not new_entries:
            return []
        more = None if shared is None else (lambda: shared.count(group))
        use_keys, trust = self._use_keys(old_entries, new_entries, more)
        equal: set[int] = set()
        pairs = align(
            old_entries,
            new_entries,
            sig=signature,
            text=_similarity_text,
            related=related,
            use_keys=use_keys,
            trust_keys=trust,
        )
        out_of_order = moved(pairs)
        groups: list[tuple[tuple[float, int, int], list[Difference]]] = []
        last_new_flat: float = 0
        prev_new_path: str | None = None
        prev_old_path: str | None = None
        # With shared leading elements, the entry before the first of these is the last
        # shared one of the group: looked up only if a change needs it (see _Shared.last).
        new_known = old_known = shared is None or shared.head == 0

        def seed() -> None:
            nonlocal last_new_flat, prev_new_path, prev_old_path, new_known, old_known
            assert shared is not None
            flat, new_path, old_path = shared.last(group)
            if not new_known:
                last_new_flat, prev_new_path = flat, new_path
            if not old_known:
                prev_old_path = old_path
            new_known = old_known = True

        for i, j in pairs:
            o = old_entries[i] if i is not None else None
            n = new_entries[j] if j is not None else None
            if n is not None:
                sort_key: tuple[float, int, int] = (n.flat, 0, 0)
            else:
                assert o is not None
                if not new_known:
                    seed()
                sort_key = (last_new_flat, 1, o.flat)
            if (
                o is not None
                and n is not None
                and (o.element is n.element or j in equal)
                and j not in out_of_order
                and (siblings or self.parents.get(o.parent, o.parent) == n.parent)
            ):
                changes = []
            else:
                if not (new_known and old_known):
                    seed()
                changes = self._pair(
                    o,
                    n,
                    moved=j in out_of_order,
                    after=prev_new_path,
                    anchor=prev_old_path,
                    siblings=siblings,
                )
            if changes:
                groups.append((sort_key, changes))
            if o is not None and n is not None and not siblings:
                self._link(o.path, n.path)
            if n is not None:
                last_new_flat = n.flat
                prev_new_path = n.path
                new_known = True
                if o is not None:
                    prev_old_path = o.path
                    old_known = True
        return groups

    def _siblings(self, old_entries: list[_Entry], new_entries: list[_Entry]) -> list[Difference]:
        groups = self._align_group(old_entries, new_entries, True)
        groups.sort(key=lambda g: g[0])
        return [c for _, changes in groups for c in changes]

    def _pair(
        self,
        o: _Entry | None,
        n: _Entry | None,
        *,
        moved: bool,
        after: str | None,
        anchor: str | None,
        siblings: bool,
    ) -> list[Difference]:
        if o is None:
            assert n is not None
            return [
                Difference(
                    kinds=("added",),
                    element_type=_type(n.element),
                    new_path=n.path,
                    new_citation=n.cit,
                    new=n.element,
                    old_parent=self.parents_new.get(n.parent),
                    new_parent=n.parent,
                    position=n.index,
                    after=after,
                    anchor=anchor,
                )
            ]
        if n is None:
            return [
                Difference(
                    kinds=("removed",),
                    element_type=_type(o.element),
                    old_path=o.path,
                    old_citation=o.cit,
                    old=o.element,
                    old_parent=o.parent,
                    new_parent=self.parents.get(o.parent),
                )
            ]
        a, b = o.element, n.element
        if (
            (a is b or a == b)
            and not moved
            and (siblings or self.parents.get(o.parent, o.parent) == n.parent)
        ):
            return []
        kinds: list[ChangeKind] = []
        if isinstance(a, Article) and isinstance(b, Article) and b.deleted and not a.deleted:
            kinds.append("deleted")
        if getattr(a, "num", None) != getattr(b, "num", None) or getattr(
            a, "until", None
        ) != getattr(b, "until", None):
            kinds.append("renumbered")
        if moved or (not siblings and self.parents.get(o.parent, o.parent) != n.parent):
            kinds.append("moved")
        edits: list[tuple[str, str, str]] = []
        layout_only = False
        if "deleted" not in kinds:
            old_texts = dict(own_texts(a))
            edits = [
                (field, old_texts.get(field, ""), new_text)
                for field, new_text in own_texts(b)
                if _renumbered(a, b, field, old_texts.get(field, "")) != new_text
            ]
            if edits:
                kinds.append("caption" if is_heading(b, edits[0][0]) else "modified")
            elif own_data(a) != own_data(b):
                kinds.append("modified")
            elif presentation_of(a) != presentation_of(b):
                kinds.append("modified")
                layout_only = not [k for k in kinds if k != "modified"]
        changes: list[Difference] = []
        slots: list[tuple[str | None, str, str]] = [*edits] or [(None, "", "")]
        for number, (field, old_text, new_text) in enumerate(slots):
            these: list[ChangeKind] = kinds
            if number:
                these = ["caption" if is_heading(b, field or "") else "modified"]
            if not these:
                break
            ops = inline_diff(old_text, new_text) if field is not None else ()
            text_only = all(k in ("caption", "modified") for k in these)
            changes.append(
                Difference(
                    kinds=tuple(sorted(these, key=_KIND_ORDER.__getitem__)),
                    element_type=_type(b),
                    old_path=o.path,
                    new_path=n.path,
                    old_citation=o.cit,
                    new_citation=n.cit,
                    old=a,
                    new=b,
                    old_parent=o.parent,
                    new_parent=n.parent,
                    position=n.index,
                    after=after,
                    anchor=anchor,
                    field=field if ops else None,
                    old_text=old_text if ops else None,
                    new_text=new_text if ops else None,
                    ops=ops,
                    typographic=layout_only
                    or (text_only and bool(ops) and fold(old_text) == fold(new_text)),
                )
            )
        if "deleted" not in kinds:
            changes.extend(self._children(o, n))
        return changes

    def _children(self, o: _Entry, n: _Entry) -> list[Difference]:
        a, b = o.element, n.element
        self._link(o.path, n.path)
        if type(a) is not type(b) or isinstance(a, Division) or has_parts(a) or has_parts(b):
            return []  # a division's articles are aligned across the whole body
        old_kids, new_kids = children_of(a), children_of(b)
        if old_kids is new_kids or old_kids == new_kids:
            return []
        depth = 1 if isinstance(a, Paragraph) else 2 if isinstance(a, Item) else 0
        return self._siblings(
            _child_entries(old_kids, o.path, o.cit, depth, self.labels_old),
            _child_entries(new_kids, n.path, n.cit, depth, self.labels_new),
        )

    def _supplements(self) -> list[Difference]:
        old_s, new_s = self.old.supplements, self.new.supplements
        if old_s is new_s:
            return []
        units_old = [SimpleUnit(key=s.key, num=s.law_ref, obj=s) for s in old_s]
        units_new = [SimpleUnit(key=s.key, num=s.law_ref, obj=s) for s in new_s]
        pairs = align(
            units_old,
            units_new,
            sig=_supplement_sig,
            text=lambda s: "",
            use_keys=self.by != "content",
            trust_keys=True,
        )
        out: list[Difference] = []
        prev_new: str | None = None
        prev_old: str | None = None
        for i, j in pairs:
            a = old_s[i] if i is not None else None
            b = new_s[j] if j is not None else None
            cit_a = Citation((Step(kind="附則", ref=a.law_ref),)) if a is not None else None
            cit_b = Citation((Step(kind="附則", ref=b.law_ref),)) if b is not None else None
            if a is None or b is None:
                out.append(
                    Difference(
                        kinds=("added",) if a is None else ("removed",),
                        element_type="supplement",
                        old_path=a.key if a is not None else None,
                        new_path=b.key if b is not None else None,
                        old_citation=cit_a,
                        new_citation=cit_b,
                        old=a,
                        new=b,
                        old_parent="" if a is not None else None,
                        new_parent="" if b is not None else None,
                        position=j,
                        after=prev_new if b is not None else None,
                        anchor=prev_old if b is not None else None,
                    )
                )
            elif a is not b and a != b:
                assert cit_a is not None
                assert cit_b is not None
                old_text, new_text = _revisions_text(a), _revisions_text(b)
                head_a = (a.title, a.law_ref, a.excerpt)
                head_b = (b.title, b.law_ref, b.excerpt)
                if old_text != new_text or head_a != head_b:
                    ops = inline_diff(old_text, new_text) if old_text != new_text else ()
                    out.append(
                        Difference(
                            kinds=("modified",),
                            element_type="supplement",
                            old_path=a.key,
                            new_path=b.key,
                            old_citation=cit_a,
                            new_citation=cit_b,
                            old=a,
                            new=b,
                            old_parent="",
                            new_parent="",
                            position=j,
                            field="revisions" if ops else None,
                            old_text=old_text if ops else None,
                            new_text=new_text if ops else None,
                            ops=ops,
                        )
                    )
                self._link(a.key, b.key)
                out.extend(self._body(a.body, b.body, a.key + "/", b.key + "/", cit_a, cit_b))
            if a is not None and b is not None:
                self._link(a.key, b.key)
            if b is not None:
                prev_new = b.key
                if a is not None:
                    prev_old = a.key
        return out


def _supplement_sig(supplement: object) -> Hashable:
    assert isinstance(supplement, Supplement)
    return (supplement.title, supplement.law_ref, supplement.excerpt, supplement.body)


def _type(element: object) -> ElementType:
    kind: ElementType = element_type(element)  # type: ignore[assignment]
    return kind


def _block_citation(element: object, parent: Citation, labels: dict[int, str]) -> Citation:
    """A web policy's section is cited by its label; any other block by its section."""
    label = labels.get(id(element))
    return Citation((Step(kind="section", ref=label),)) if label is not None else parent


def _child_entries(
    children: Sequence[Any],
    parent: str,
    cit: Citation,
    depth: int,
    labels: dict[int, str],
) -> list[_Entry]:
    out = []
    tables = 0
    for index, child in enumerate(children):
        path = f"{parent}/{child.key}"
        kind: StepKind
        if isinstance(child, Paragraph):
            kind, num = "項", child.num
        elif isinstance(child, Item):
            kind, num = ("号" if depth <= 1 else "細分"), child.num
        elif isinstance(child, Table):
            tables += 1
            kind, num = "表", _num(tables)
        elif isinstance(child, Row):
            kind, num = "行", _num(index + 1)
        else:  # any other block (of a web policy, an appendix): cited by its container
            entry = _Entry(child, path, parent, index, index, cit, "行", _num(index + 1))
            entry.fixed = _block_citation(child, cit, labels)
            out.append(entry)
            continue
        out.append(_Entry(child, path, parent, index, index, cit, kind, num))
    return out
