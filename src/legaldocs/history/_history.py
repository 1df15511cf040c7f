"""The history of a document: every version in force, and point-in-time queries.

A :class:`History` is a start document plus amendments. Amendments are ordered by the moment
they take effect, then by their enactment date, then by the order they were added; each
staged part of an amendment (changes with their own ``effective``) applies at its own
moment. Several amendments at one moment all apply and make one version.

Moments: a date means 00:00 on that date in the history's time zone (``tz``, default
``Asia/Tokyo``); a DateTime is taken as given (a naive one is read in ``tz``) and shown in
``tz``; a string is ISO 8601 (``"2024-04-01"`` is a date, not UTC midnight).

Revision records: when the document keeps its own revision record (a 附則 holding
:class:`~legaldocs.model.Revision` lines, as the clinic's pages do), each version's record is
derived from the history by its revision policy (:mod:`legaldocs.history._revisions`; by
default the start document's lines, or ``制定`` on the start's ``enacted`` date when it has
none, followed by ``改定`` on the date each amendment takes effect). A document without such
a supplement (a statute, whose 附則 are provisions, not a record) is left as it is.

Versions share every element untouched by an amendment with the version before them, so a
history costs memory in proportion to what changed.

Replay: building a History (directly, or by reading one with :func:`~legaldocs.loads`) checks
its structure at once (the types of its fields, unique amendment ids, no amendment taking
effect before the start, a known revision policy) and applies the amendments the first time a
version is asked for (:meth:`History.as_of`, :attr:`History.versions`, :attr:`History.current`,
:meth:`History.amend`, ...), once; the versions are then kept. So reading a history costs what
decoding it costs, and an amendment that does not apply raises its
:class:`~legaldocs.AmendmentError` at that first query, not at ``loads``. :meth:`History.check`
applies them at once, for a caller that wants the error where it reads the file.
"""

from __future__ import annotations

import bisect
import datetime
import operator
import threading
from collections.abc import Iterator, Sequence
from typing import Any, TypeAlias

import attrs
import pendulum

from legaldocs.amend import _index as _tree
from legaldocs.amend._apply import apply_changes
from legaldocs.amend._changes import Amendment, Moment
from legaldocs.amend._plan import plan_amendment
from legaldocs.compare._diff import Diff
from legaldocs.compare._diff import diff as _diff
from legaldocs.dates import epoch_micros, parse_day, parse_moment
from legaldocs.errors import (
    AmendmentError,
    ArgumentTypeError,
    ArgumentValueError,
    CitationError,
    HistoryError,
    NotFoundError,
    require_type,
)
from legaldocs.history import _revisions
from legaldocs.history._revisions import RevisionPolicy
from legaldocs.model._citation import cite, key_paths, resolve
from legaldocs.model._records import Division, Document, Element

__all__ = ["ElementState", "History", "Version", "When"]

When: TypeAlias = datetime.date | str
"""A point in time: a date, a DateTime or an ISO 8601 string."""

TOKYO = "Asia/Tokyo"


@attrs.frozen(kw_only=True)
class Version:
    """One version of the document, in force from ``start`` until ``end`` (exclusive;
    ``None``: still in force). ``amendments`` are the ids of the amendments that took effect
    at ``start`` (none for the start document). ``id`` is stable: the start moment and those
    amendment ids."""

    id: str
    start: pendulum.DateTime
    end: pendulum.DateTime | None
    amendments: tuple[str, ...]
    document: Document


@attrs.frozen(kw_only=True)
class ElementState:
    """One state of one element: ``element`` as it stood from ``start`` until ``end``
    (``None``: still), cited as ``citation`` at ``start``."""

    start: pendulum.DateTime
    end: pendulum.DateTime | None
    element: Element
    citation: str


@attrs.frozen(order=True)
class _Step:
    """The changes of one amendment that take effect at one moment."""

    key: tuple[int, int, int]
    moment: pendulum.DateTime
    amendment: int
    changes: tuple[int, ...]


class _State:
    """The computed states of a history. The lists may be longer than ``n``/``m`` when
    shared with a later history: only the first ``n`` states and ``m`` steps belong here."""

    __slots__ = (
        "cache",
        "docs",
        "first",
        "ids",
        "index",
        "keys",
        "m",
        "n",
        "pending",
        "seq_of",
        "starts",
        "steps",
    )

    def __init__(self) -> None:
        self.keys: list[int] = []
        self.starts: list[pendulum.DateTime] = []
        self.docs: list[Document | None] = []
        self.ids: list[tuple[str, ...]] = []
        self.first: list[int] = []  # index of the first step of each state
        self.steps: list[_Step] = []
        self.n = 0
        self.m = 0
        self.index: _tree.Index | None = None  # for docs[n - 1]
        self.cache: dict[Any, Any] = {}
        self.seq_of: dict[str, int] = {}  # amendment id → its position (may hold stale ids)
        self.pending = False  # the steps are known, the states after the start not yet built

    def owns_tail(self) -> bool:
        return len(self.keys) == self.n and len(self.steps) == self.m

    def copy(self, amendments: Sequence[Amendment]) -> _State:
        new = _State()
        new.seq_of = {a.id: i for i, a in enumerate(amendments)}
        n, m = self.n, self.m
        new.keys, new.starts, new.docs = self.keys[:n], self.starts[:n], self.docs[:n]
        new.ids, new.first, new.steps = self.ids[:n], self.first[:n], self.steps[:m]
        new.n, new.m, new.index = n, m, self.index
        return new

    def share(self) -> _State:
        new = _State()
        new.keys, new.starts, new.docs = self.keys, self.starts, self.docs
        new.ids, new.first, new.steps = self.ids, self.first, self.steps
        new.n, new.m, new.index = self.n, self.m, self.index
        new.seq_of = self.seq_of
        return new


def _enacted(value: object) -> pendulum.Date:
    return parse_day(value, "enacted")


def _effective(value: object) -> Moment:
    return parse_moment(value, what="effective")


def _is_document(instance: object, attribute: object, value: Any) -> None:
    if not isinstance(value, Document):
        raise ArgumentTypeError(f"History.document must be a Document, got {type(value).__name__}")


def _are_amendments(instance: object, attribute: object, value: Any) -> None:
    if not isinstance(value, tuple) or not all(isinstance(a, Amendment) for a in value):
        raise ArgumentTypeError("History.amendments must be a tuple of Amendment records")


@attrs.frozen(kw_only=True)
class History:
    """An immutable history: the start ``document`` (in force from ``effective``, adopted on
    ``enacted``) and the ``amendments`` in the order they were added. Build one with
    :meth:`start` and :meth:`amend`. Constructing it directly (as reading one does) checks its
    structure at once and applies the amendments on the first query (see the module docs)."""

    document: Document = attrs.field(validator=_is_document)
    enacted: pendulum.Date = attrs.field(converter=_enacted)
    effective: Moment = attrs.field(converter=_effective)
    amendments: tuple[Amendment, ...] = attrs.field(default=(), validator=_are_amendments)
    tz: str = TOKYO
    revisions: str = "record"
    """The revision-record policy by name (see :mod:`legaldocs.history._revisions`)."""
    _state: _State = attrs.field(init=False, repr=False, eq=False, hash=False)

    @property
    def _policy(self) -> RevisionPolicy:
        return _revisions.policy(self.revisions)

    def __attrs_post_init__(self) -> None:
        _as_date(self.enacted, "enacted")
        _revisions.policy(self.revisions)  # an unknown name is refused here
        ids = [a.id for a in self.amendments]
        if len(set(ids)) != len(ids):
            raise HistoryError("amendment ids must be unique in a history")
        state = _State()
        start = _moment(self.effective, self.tz)
        doc = self._policy.start(self.document, self.enacted)
        _push(state, epoch_micros(start), start, doc, (), 0)
        state.seq_of = {a.id: i for i, a in enumerate(self.amendments)}
        object.__setattr__(self, "_state", state)
        steps = sorted(
            (s for i, a in enumerate(self.amendments) for s in _steps(a, i, self.tz)),
            key=_STEP_KEY,
        )
        for step in steps:
            if step.key[0] < state.keys[0]:
                raise _before_start(self.amendments[step.amendment], start)
        state.steps = steps
        state.m = len(steps)
        state.pending = bool(steps)  # replayed on the first query (see the module docs)

    def _ready(self) -> _State:
        """The states, with the amendments applied (on the first call after building)."""
        state = self._state
        if state.pending:
            with _REPLAY:
                if state.pending:  # another thread may have replayed it meanwhile
                    _run(self, state, 0, 0)  # raises, and stays pending, if one fails
                    state.pending = False
        return state

    def check(self) -> History:
        """This history, after applying every amendment (which a history otherwise does on
        its first query): raises :class:`~legaldocs.AmendmentError` for the first that does
        not apply, where the caller reads the history rather than where it asks for a
        version."""
        self._ready()
        return self

    # -- building -------------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        document: Document,
        *,
        enacted: datetime.date | str,
        effective: Moment | str | None = None,
        tz: str = TOKYO,
        revisions: str = "record",
    ) -> History:
        """A history whose first version is ``document``, adopted on ``enacted`` and in force
        from ``effective`` (default: 00:00 on ``enacted``); ``revisions`` names the policy
        that keeps the document's own revision record (see
        :mod:`legaldocs.history._revisions`). Both dates take any form
        :func:`~legaldocs.parse_moment` reads (``"2021-02-25"``, ``"令和3年2月25日"``)."""
        enacted = _as_date(enacted, "enacted")
        return cls(
            document=document,
            enacted=enacted,
            effective=enacted if effective is None else effective,
            tz=tz,
            revisions=revisions,
        )

    def amend(self, amendment: Amendment) -> History:
        """This history with ``amendment`` added. Only the amendments taking effect at or
        after it are applied again (none, when it is the latest).

        Raises :class:`~legaldocs.AmendmentError` naming the amendment that cannot be applied
        (this one, or a later one that no longer applies after it, or, in a history never
        queried before, one of its own: see :meth:`check`), and
        :class:`~legaldocs.HistoryError` for a duplicate id or a moment before the start.
        """
        require_type(amendment, Amendment, "History.amend: amendment")
        seq = len(self.amendments)
        old = self._ready()
        known = old.seq_of.get(amendment.id)
        if known is not None and known < seq and self.amendments[known].id == amendment.id:
            raise HistoryError(f"the history already has an amendment {amendment.id!r}")
        new_steps = sorted(_steps(amendment, seq, self.tz))
        for step in new_steps:
            if step.key[0] < old.keys[0]:
                raise _before_start(amendment, old.starts[0])
        history = object.__new__(History)
        for field in ("document", "enacted", "effective", "tz", "revisions"):
            object.__setattr__(history, field, getattr(self, field))
        object.__setattr__(history, "amendments", (*self.amendments, amendment))
        last = old.steps[old.m - 1].key if old.m else None
        if last is None or new_steps[0].key > last:
            # The common case: the latest amendment. Apply it to the latest version only,
            # appending to lists shared with this history (which only sees their first n).
            # When it merges into the latest version (same moment), that version changes:
            # work on a copy instead.
            merge = new_steps[0].key[0] == old.keys[old.n - 1]
            state = old.share() if old.owns_tail() and not merge else old.copy(self.amendments)
            state.seq_of[amendment.id] = seq
            state.steps.extend(new_steps)
            first = state.m
            state.m += len(new_steps)
            object.__setattr__(history, "_state", state)
            _run(history, state, first, state.n)
            return history
        # An amendment that takes effect before later ones: replay from its moment.
        state = old.copy(self.amendments)
        state.seq_of[amendment.id] = seq
        s = bisect.bisect_left(state.keys, new_steps[0].key[0], 0, state.n)
        from_step = state.first[s]  # steps before it take effect before the new one
        state.steps = sorted((*state.steps, *new_steps))
        state.m = len(state.steps)
        object.__setattr__(history, "_state", state)
        _run(history, state, from_step, s, added=amendment)
        return history

    @classmethod
    def from_versions(
        cls,
        versions: Sequence[tuple[When, Document]],
        *,
        enacted: datetime.date | None = None,
        tz: str = TOKYO,
        ids: Sequence[str] | None = None,
        titles: Sequence[str] | None = None,
        revisions: str = "record",
    ) -> History:
        """A history built from published versions: ``(effective, document)`` pairs in
        order, each consecutive pair turned into an amendment by
        :meth:`legaldocs.Diff.to_amendment`, so that ``as_of(effective)`` gives each
        document back exactly (keys included).

        - The first document starts the history, in force from its ``effective`` and
          adopted on ``enacted`` (default: the date of its ``effective``).
        - ``ids`` and ``titles`` give one value per amendment, that is per version after
          the first (``ids[i]`` and ``titles[i]`` belong to ``versions[i + 1]``); by
          default ids are ``v2``, ``v3``, ... (the version's ordinal) and titles empty. An
          id given more than once (a law whose parts come into force on several dates) is
          made unique with ``@`` and the effective moment (``502AC0000000049@2020-07-01``,
          then ``#2``, ``#3`` if still taken). Each amendment's ``enacted`` is the date it
          takes effect.
        - Versions sharing an effective moment become amendments at the same moment,
          applied in the order given: they make one version of the history, whose
          :attr:`Version.amendments` lists their ids in order, and ``as_of`` that moment
          gives the last of them.
        - Moments must not go backwards (:class:`~legaldocs.HistoryError`).

        Each amendment is computed against the history's latest text, so a document that
        keeps its own revision record (see the module docs) is reproduced when its record
        follows the history's convention (``改定`` on each effective date).
        """
        require_type(versions, (list, tuple), "History.from_versions: versions")
        if not versions:
            raise HistoryError("from_versions needs at least one version")
        n = len(versions) - 1
        for name, values in (("ids", ids), ("titles", titles)):
            if values is not None:
                require_type(values, (list, tuple), f"History.from_versions: {name}")
            if values is not None and len(values) != n:
                raise HistoryError(
                    f"{name} must give one value per amendment ({n}), got {len(values)}"
                )
        moments: list[Moment] = []
        for i, pair in enumerate(versions):
            if not isinstance(pair, tuple) or len(pair) != 2:
                raise HistoryError(f"versions[{i}] must be an (effective, document) pair")
            when, doc = pair
            if not isinstance(doc, Document):
                raise HistoryError(f"versions[{i}]: not a Document: {type(doc).__name__}")
            moments.append(_given_moment(when, tz))
        keys = [epoch_micros(_moment(m, tz)) for m in moments]
        for i in range(1, len(keys)):
            if keys[i] < keys[i - 1]:
                raise HistoryError(
                    f"versions[{i}] takes effect before versions[{i - 1}] ({_show(moments[i])})"
                )
        first = moments[0]
        start_date = first.date() if isinstance(first, datetime.datetime) else first
        history = cls.start(
            versions[0][1],
            enacted=start_date if enacted is None else enacted,
            effective=first,
            tz=tz,
            revisions=revisions,
        )
        used: set[str] = set()
        for i in range(1, len(versions)):
            moment = moments[i]
            date = moment.date() if isinstance(moment, datetime.datetime) else moment
            wanted = ids[i - 1] if ids is not None else f"v{i + 1}"
            amendment_id = wanted
            if amendment_id in used:
                amendment_id = f"{wanted}@{_show(moment)}"
                k = 1
                while amendment_id in used:
                    k += 1
                    amendment_id = f"{wanted}@{_show(moment)}#{k}"
            used.add(amendment_id)
            # what Diff.to_amendment does, without computing the diff it does not use
            amendment = plan_amendment(
                history.current,
                versions[i][1],
                id=amendment_id,
                enacted=pendulum.date(date.year, date.month, date.day),
                effective=moment,
                title=titles[i - 1] if titles is not None else "",
            )
            history = history.amend(amendment)
        return history

    # -- queries --------------------------------------------------------------------------

    @property
    def versions(self) -> tuple[Version, ...]:
        """Every version in order, with its interval and the amendments that made it."""
        state = self._ready()
        cached = state.cache.get("versions")
        if cached is None:
            out = []
            for i in range(state.n):
                doc = state.docs[i]
                if doc is None:
                    continue
                out.append(self._version(i))
            cached = state.cache["versions"] = tuple(out)
        result: tuple[Version, ...] = cached
        return result

    @property
    def repealed(self) -> pendulum.DateTime | None:
        """The moment the document was repealed, or None."""
        state = self._ready()  # a repeal can only be the last state
        return state.starts[state.n - 1] if state.docs[state.n - 1] is None else None

    @property
    def current(self) -> Document:
        """The text of the latest version (whether or not it is in force yet; before the
        repeal for a repealed document)."""
        state = self._ready()
        doc = state.docs[state.n - 1]
        if doc is None:
            doc = state.docs[state.n - 2]
        assert doc is not None
        return doc

    def version_at(self, when: When) -> Version:
        """The version in force at ``when``. Raises HistoryError before the first version
        or after a repeal."""
        return self._version(self._find(when))

    def diff(self, old: When | Version, new: When | Version) -> Diff:
        """Compare the versions in force at two moments (or two :class:`Version` records of
        this history). Elements the two versions share are skipped by identity, so the cost
        grows with what changed."""
        return _diff(self._pick(old).document, self._pick(new).document, by="key")

    def changes_since(self, version: Version | str, *, at: When | None = None) -> Diff:
        """What changed since ``version`` (a :class:`Version` or its ``id``, e.g. the one a
        patient accepted, perhaps read from an earlier copy of this history) in the version in
        force at ``at`` (default: the latest version). An empty diff (falsy) means nothing
        changed.

        Raises :class:`~legaldocs.HistoryError` when no version of this history has that id.
        """
        require_type(version, (Version, str), "History.changes_since: version")
        latest = self.versions[-1] if at is None else self.version_at(at)
        return self.diff(version if isinstance(version, Version) else self._by_id(version), latest)

    def _by_id(self, version_id: str) -> Version:
        found = next((v for v in self.versions if v.id == version_id), None)
        if found is None:
            raise HistoryError(f"no version with id {version_id!r} in this history")
        return found

    def _pick(self, when: When | Version) -> Version:
        """A version of this history: the one with the same id as a given Version (its end
        may have moved since), or the one in force at a moment."""
        if isinstance(when, Version):
            return self._by_id(when.id)
        return self.version_at(when)

    def as_of(self, when: When, *, known_at: When | None = None) -> Document:
        """The text in force at ``when``. With ``known_at``, the amendments enacted after
        ``known_at`` are ignored: the text as the record stood at that earlier time.

        Raises :class:`~legaldocs.HistoryError` before the first version or after a repeal,
        and when an amendment known at ``known_at`` does not apply without the ones enacted
        after it.
        """
        if known_at is not None:
            return self._as_known(when, known_at)
        state = self._ready()
        i = bisect.bisect_right(state.keys, _key_of(when, self.tz), 0, state.n) - 1
        doc = state.docs[i] if i >= 0 else None
        if doc is None:
            self._find(when)  # raises the right error
        assert doc is not None
        return doc

    def pending(self, at: When) -> tuple[Amendment, ...]:
        """The amendments enacted on or before ``at`` that take effect (wholly or in part)
        after it, in the order they take effect."""
        at_key = _key_of(at, self.tz)
        seen: dict[int, None] = {}
        for step in self._state.steps[: self._state.m]:
            if step.key[0] > at_key and step.key[1] <= at_key:
                seen.setdefault(step.amendment)
        return tuple(self.amendments[i] for i in seen)

    def timeline(self, ref: str) -> tuple[ElementState, ...]:
        """Each distinct state of one element, with its interval. ``ref`` is a key path or a
        citation; a citation names the element it cites in the latest version where it
        names one, and the element is then followed by key, through renumbering.

        Raises :class:`~legaldocs.NotFoundError` when no version has such an element.
        """
        if not isinstance(ref, str):
            raise ArgumentTypeError(
                f"timeline needs a citation or key path string, got {type(ref).__name__}"
            )
        if not ref.strip():
            raise ArgumentValueError("timeline needs a citation or key path, got an empty string")
        versions = self.versions
        path = ref
        if _tree.is_citation(ref):
            for version in reversed(versions):
                try:
                    element = resolve(version.document, ref)
                except NotFoundError:
                    continue
                path = next(p for p, e in key_paths(version.document) if e is element)
                break
            else:
                raise NotFoundError(f"{ref}: no version has such an element")
        out: list[ElementState] = []
        loc: _tree.Loc | None = None
        for version in versions:
            doc = version.document
            if loc is None or _key_path(doc, loc) != path:
                try:
                    loc = _tree.locate(doc, path, _tree.Index.build(doc))
                except (NotFoundError, CitationError):
                    loc = None
                    continue
            node = _tree.node_at(doc, loc)
            assert not isinstance(node, Document)
            if out and out[-1].element == node and out[-1].end == version.start:
                out[-1] = _tree.evolve(out[-1], end=version.end)
                continue
            citation = cite(doc, node).format(doc.style.numerals)
            out.append(
                ElementState(start=version.start, end=version.end, element=node, citation=citation)
            )
        if not out:
            raise NotFoundError(f"{ref}: no version has such an element")
        return tuple(out)

    # -- internals ------------------------------------------------------------------------

    def _find(self, when: When) -> int:
        state = self._ready()
        moment = _key_of(when, self.tz)
        i = bisect.bisect_right(state.keys, moment, 0, state.n) - 1
        if i < 0:
            raise HistoryError(
                f"{_show(when)} is before the first version (in force from {state.starts[0]})"
            )
        if state.docs[i] is None:
            raise HistoryError(f"{_show(when)}: the document was repealed on {state.starts[i]}")
        return i

    def _version(self, i: int) -> Version:
        state = self._ready()
        doc = state.docs[i]
        assert doc is not None
        start = state.starts[i]
        end = state.starts[i + 1] if i + 1 < state.n else None
        ids = state.ids[i]
        return Version(
            id=f"{start.isoformat()}/{'+'.join(ids) or 'start'}",
            start=start,
            end=end,
            amendments=ids,
            document=doc,
        )

    def _as_known(self, when: When, known_at: When) -> Document:
        state = self._ready()
        when_key = _key_of(when, self.tz)
        known_key = _key_of(known_at, self.tz)
        j = 0
        steps = state.steps
        hi = state.m
        unknown = None
        while j < hi and steps[j].key[0] <= when_key:
            if unknown is None and steps[j].key[1] > known_key:
                unknown = j
            j += 1
        if unknown is None:
            return self.as_of(when)
        if when_key < state.keys[0]:
            self._find(when)  # raises: before the first version
        known = tuple(i for i in range(unknown, j) if steps[i].key[1] <= known_key)
        cache_key = ("known", unknown, j, known)
        cached = state.cache.get(cache_key)
        if cached is not None:
            result: Document = cached
            return result
        s = bisect.bisect_left(state.keys, steps[unknown].key[0], 0, state.n)
        if s == 0:
            doc: Document | None = self._policy.start(self.document, self.enacted)
            begin = 0
        else:
            doc = state.docs[s - 1]
            begin = state.first[s]
        index = None
        policy = self._policy
        for i in (*range(begin, unknown), *known):
            step = steps[i]
            if doc is None:
                raise HistoryError(f"{_show(when)}: the document was repealed (as known then)")
            amendment = self.amendments[step.amendment]
            try:
                applied = apply_changes(doc, amendment, step.changes, index, carry=True)
            except AmendmentError as exc:
                raise HistoryError(
                    f"the text as known at {_show(known_at)} cannot be built: {exc}"
                ) from exc
            index = applied.index
            doc = None if applied.repealed else policy.revise(applied.doc, step.moment.date())
        if doc is None:
            raise HistoryError(f"{_show(when)}: the document was repealed (as known then)")
        if len(state.cache) > 256:  # keep the cache of known_at texts small
            state.cache = {k: v for k, v in state.cache.items() if k == "versions"}
        state.cache[cache_key] = doc
        return doc


# ---------------------------------------------------------------------------------------
# Building the states


def _push(
    state: _State,
    key: int,
    start: pendulum.DateTime,
    doc: Document | None,
    ids: tuple[str, ...],
    first: int,
) -> None:
    state.keys.append(key)
    state.starts.append(start)
    state.docs.append(doc)
    state.ids.append(ids)
    state.first.append(first)
    state.n += 1


def _run(
    history: History, state: _State, from_step: int, from_state: int, added: Any = None
) -> None:
    """Apply ``state.steps[from_step:]`` on top of state ``from_state - 1`` (on the start
    document when ``from_state`` is 0), replacing the states from ``from_state`` on.
    ``added``: the amendment being added, when later ones are applied again after it."""
    doc: Document | None
    if from_state == 0:
        _truncate_to(state, 1)
        doc = state.docs[0] = history._policy.start(history.document, history.enacted)
        state.ids[0] = ()
        index = None
    else:
        index = state.index if from_state == state.n else None  # the tip's index
        _truncate_to(state, from_state)
        doc = state.docs[-1]
    amendments = history.amendments
    policy = history._policy
    for s in range(from_step, state.m):
        step = state.steps[s]
        amendment = amendments[step.amendment]
        if doc is None:
            raise AmendmentError(
                "the document is repealed before this takes effect",
                amendment=amendment.id,
                change=step.changes[0] if step.changes else None,
                target="the document",
            )
        try:
            applied = apply_changes(doc, amendment, step.changes, index, carry=True)
        except AmendmentError as exc:
            if added is not None and amendment is not added:
                exc.add_note(f"it no longer applies once {added.id!r} takes effect before it")
            raise
        index = applied.index
        doc = None if applied.repealed else policy.revise(applied.doc, step.moment.date())
        if step.key[0] == state.keys[-1]:
            state.docs[-1] = doc
            ids = state.ids[-1]
            if amendment.id not in ids:
                state.ids[-1] = (*ids, amendment.id)
        else:
            _push(state, step.key[0], step.moment, doc, (amendment.id,), s)
    state.index = index


def _truncate_to(state: _State, n: int) -> None:
    for name in ("keys", "starts", "docs", "ids", "first"):
        del getattr(state, name)[n:]
    state.n = n


def _steps(amendment: Amendment, seq: int, tz: str) -> Iterator[_Step]:
    enacted = epoch_micros(_moment(amendment.enacted, tz))
    default = _moment(amendment.effective, tz)
    default_key = epoch_micros(default)
    groups: dict[int, tuple[pendulum.DateTime, list[int]]] = {}
    if not any(map(_OWN_EFFECTIVE, amendment.changes)):  # most: all at the amendment's moment
        groups[default_key] = (default, list(range(len(amendment.changes))))
    else:
        for i, change in enumerate(amendment.changes):
            if change.effective is None:  # the amendment's own moment
                key, moment = default_key, default
            else:
                moment = _moment(change.effective, tz)
                key = epoch_micros(moment)
            groups.setdefault(key, (moment, []))[1].append(i)
    for key, (moment, changes) in groups.items():
        indices = tuple(changes)
        if len(indices) == 1 and indices[0] < 16:
            indices = _INDICES.setdefault(indices, indices)
        yield _Step((key, enacted, seq), moment, seq, indices)


_REPLAY = threading.RLock()
"""Held while a history applies its amendments on its first query (one thread does it)."""

_INDICES: dict[tuple[int, ...], tuple[int, ...]] = {}
"""Interned tuples of change indices (most steps hold ``(0,)``)."""

_OWN_EFFECTIVE = operator.attrgetter("effective")
"""A change's own moment (None: the amendment's)."""

_STEP_KEY = operator.attrgetter("key")
"""What orders steps: their keys are unique (one step per amendment and moment)."""


def _before_start(amendment: Amendment, start: pendulum.DateTime) -> HistoryError:
    return HistoryError(
        f"amendment {amendment.id!r} takes effect before the history starts ({start})"
    )


# ---------------------------------------------------------------------------------------
# Moments


def _as_date(value: object, name: str) -> pendulum.Date:
    return parse_day(value, name)


def _given_moment(value: object, tz: str) -> Moment:
    """A moment as given to :meth:`History.from_versions`: a date stays a date, a DateTime is
    taken in ``tz`` (a naive one is read there); any form :func:`parse_moment` reads."""
    moment = parse_moment(value, tz=tz)
    if isinstance(moment, datetime.datetime):
        return _moment(moment, tz)
    return moment


def _moment(value: object, tz: str) -> pendulum.DateTime:
    """A point in time as an aware DateTime: a date is 00:00 in ``tz``."""
    if not isinstance(value, datetime.date):
        value = parse_moment(value, tz=tz)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return pendulum.instance(value, tz=tz)
        return pendulum.instance(value).in_timezone(_zone(tz))
    return pendulum.DateTime(value.year, value.month, value.day, tzinfo=_zone(tz))


_TZ_CACHE: dict[str, Any] = {}


def _zone(tz: str) -> Any:
    require_type(tz, str, "tz")
    zone = _TZ_CACHE.get(tz)
    if zone is None:
        try:
            zone = _TZ_CACHE[tz] = pendulum.timezone(tz)
        except Exception as exc:  # pendulum raises its own InvalidTimezone
            raise HistoryError(f"unknown time zone {tz!r}") from exc
    return zone


def _key_of(value: object, tz: str) -> int:
    """:func:`~legaldocs.dates.epoch_micros` of :func:`_moment`, fast for dates and aware
    datetimes."""
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return epoch_micros(value)
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return epoch_micros(datetime.datetime(value.year, value.month, value.day, tzinfo=_zone(tz)))
    return epoch_micros(_moment(value, tz))


def _show(when: object) -> str:
    return str(when)


def _key_path(doc: Document, loc: _tree.Loc) -> str | None:
    """The key path of the element at ``loc`` in ``doc``, or None if there is none."""
    node: Any = doc
    parts: list[str] = []
    for field, index in loc:
        parent = node
        children = getattr(node, field, ())
        if not 0 <= index < len(children):
            return None
        node = children[index]
        if field == "preamble":
            parts = ["preamble", node.key]
        elif isinstance(parent, Division):
            parts[-1] = node.key
        else:
            parts.append(node.key)
    return "/".join(parts)
