"""The consent store: histories and acceptances behind one small interface.

:class:`ConsentStore` is what services share: the histories of their documents (immutable
once written: a new amendment is appended, never rewritten) and every acceptance. Two
backends implement it: :class:`~legaldocs.consent.SQLiteStore` (the standard library's
``sqlite3``, the embedded default) and :class:`~legaldocs.consent.PostgresStore` (psycopg 3,
``pip install legaldocs[postgres]``). :func:`open_store` picks one from a path or a URL.

Tables (created when missing, all named ``consent_*``):

- ``consent_documents``: one row per document: its id, the notice period in days and the
  history's start (JSON, as :func:`legaldocs.dumps` writes a History without amendments);
- ``consent_amendments``: the amendments in the order they were appended (JSON);
- ``consent_versions``: every version's id and content hash, numbered per document;
- ``consent_acceptances``: one row per acceptance (unique ``record_id``);
- ``consent_latest``: per document and subject, the acceptance given last (kept in the same
  transaction as every write), so that cohorts and "who must re-accept" read one small row
  per subject.

Writes are transactions: a batch of acceptances is recorded whole or not at all; recording
a record id again is a no-op (``False``; a different acceptance under a known record id is
refused), so retries never duplicate and concurrent writers never lose one.
"""

from __future__ import annotations

import abc
import datetime
import json
import os
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

import attrs
import pendulum

from legaldocs.amend import Amendment
from legaldocs.consent._records import Acceptance, content_hash
from legaldocs.dates import epoch_micros
from legaldocs.errors import (
    ArgumentTypeError,
    ArgumentValueError,
    ConsentError,
    LegaldocsError,
    StoreError,
    require_text,
    require_type,
)
from legaldocs.history import History, Version
from legaldocs.serialize import dumps, loads

__all__ = ["DEFAULT_NOTICE_DAYS", "Cohort", "ConsentStore", "Row", "open_store"]

DEFAULT_NOTICE_DAYS = 30
"""The notice period of a document stored without one: 30 days."""

Row = tuple[Any, ...]
"""One acceptance as stored: record_id, document_id, subject, vno, language, channel,
at_us, tz, extra."""

COLUMNS = "record_id, document_id, subject, vno, language, channel, at_us, tz, extra"

_UTC = pendulum.UTC
_ZONE_NAMES: dict[Any, str] = {}


def moment_of(at_us: int, tz: str) -> pendulum.DateTime:
    """The aware moment ``at_us`` microseconds after the epoch, shown in zone ``tz``."""
    utc = pendulum.DateTime(1970, 1, 1, tzinfo=_UTC) + datetime.timedelta(microseconds=at_us)
    return utc.in_timezone(pendulum.timezone(tz) if not tz.startswith(("+", "-")) else _fixed(tz))


def _fixed(tz: str) -> pendulum.FixedTimezone:
    sign = -1 if tz[0] == "-" else 1
    hours, _, minutes = tz[1:].partition(":")
    return pendulum.FixedTimezone(sign * (int(hours) * 3600 + int(minutes or 0) * 60))


def _zone_name(moment: pendulum.DateTime) -> str:
    name = moment.timezone_name
    if name:
        return str(name)
    offset = moment.utcoffset()
    assert offset is not None
    total = int(offset.total_seconds())
    sign = "-" if total < 0 else "+"
    total = abs(total)
    return f"{sign}{total // 3600:02d}:{total % 3600 // 60:02d}"


@attrs.frozen(kw_only=True)
class Cohort:
    """The subjects whose last acceptance of a document is of one version.

    ``subjects``: how many; ``action``: what an amendment asks of them (``None`` when not
    assessed against one).
    """

    version_id: str
    content_hash: str
    subjects: int
    action: str | None = None


_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS consent_documents (
        document_id TEXT PRIMARY KEY,
        notice_days INTEGER NOT NULL,
        start TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS consent_amendments (
        document_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        amendment_id TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (document_id, seq),
        UNIQUE (document_id, amendment_id))""",
    """CREATE TABLE IF NOT EXISTS consent_versions (
        document_id TEXT NOT NULL,
        vno INTEGER NOT NULL,
        version_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        PRIMARY KEY (document_id, vno),
        UNIQUE (document_id, version_id))""",
    """CREATE TABLE IF NOT EXISTS consent_acceptances (
        seq {serial},
        record_id TEXT NOT NULL UNIQUE,
        document_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        vno INTEGER NOT NULL,
        language TEXT NOT NULL,
        channel TEXT NOT NULL,
        at_us BIGINT NOT NULL,
        tz TEXT NOT NULL,
        extra TEXT)""",
    """CREATE INDEX IF NOT EXISTS consent_acceptances_subject
        ON consent_acceptances (subject, document_id, at_us)""",
    """CREATE TABLE IF NOT EXISTS consent_latest (
        document_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        vno INTEGER NOT NULL,
        at_us BIGINT NOT NULL,
        seq BIGINT NOT NULL,
        PRIMARY KEY (document_id, subject)){without_rowid}""",
    """CREATE INDEX IF NOT EXISTS consent_latest_version
        ON consent_latest (document_id, vno, subject)""",
)

UPSERT_LATEST = """
    INSERT INTO consent_latest (document_id, subject, vno, at_us, seq)
    VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (document_id, subject) DO UPDATE
    SET vno = excluded.vno, at_us = excluded.at_us, seq = excluded.seq
    WHERE (excluded.at_us, excluded.seq) > (consent_latest.at_us, consent_latest.seq)"""


class _Versions:
    """A document's versions as stored: number ↔ id and hash."""

    __slots__ = ("by_id", "by_no")

    def __init__(self, rows: Iterable[tuple[int, str, str]]) -> None:
        self.by_id: dict[str, tuple[int, str]] = {}
        self.by_no: dict[int, tuple[str, str]] = {}
        for vno, version_id, digest in rows:
            self.by_id[version_id] = (vno, digest)
            self.by_no[vno] = (version_id, digest)


class ConsentStore(abc.ABC):
    """Histories and acceptances, shared by every service that opens the same database.

    Use it as a context manager (or call :meth:`close`). Every method is a transaction of
    its own. Histories: :meth:`put_history`, :meth:`append`, :meth:`history`,
    :meth:`documents`, :meth:`notice_days`. Acceptances: :meth:`record`,
    :meth:`record_many`, :meth:`last_accepted`, :meth:`export_subject`. Queries:
    :meth:`cohorts`, :meth:`subjects_on`, and with a policy :meth:`must_reaccept` and
    :meth:`plan_notices`.
    """

    placeholder: ClassVar[str] = "?"

    def __init__(self) -> None:
        self._versions: dict[str, _Versions] = {}
        self._histories: dict[str, tuple[int, History]] = {}
        self._memos: dict[tuple[str, int], dict[Any, Any]] = {}

    # -- the backend ----------------------------------------------------------------------

    @abc.abstractmethod
    def close(self) -> None:
        """Close the connection."""

    @abc.abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one statement in the current transaction; its rows (if any)."""

    @abc.abstractmethod
    def _transaction(self) -> Any:
        """A context manager: one write transaction (exclusive for SQLite)."""

    @abc.abstractmethod
    def _insert_rows(self, rows: list[Row]) -> None:
        """Insert acceptance rows (in the current transaction), fast; may raise
        :class:`_Conflict` when a record id is already stored."""

    @abc.abstractmethod
    def _insert_new_rows(self, rows: list[Row]) -> set[str]:
        """Insert the rows whose record id is not stored; the record ids inserted."""

    @abc.abstractmethod
    def _max_seq(self) -> int:
        """The highest acceptance sequence number so far (0 when none)."""

    @abc.abstractmethod
    def _update_latest_since(self, seq: int) -> None:
        """Bring ``consent_latest`` up to date with the acceptances after ``seq``."""

    def _q(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def __enter__(self) -> ConsentStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- histories ------------------------------------------------------------------------

    def documents(self) -> tuple[str, ...]:
        """The ids of the documents in the store, sorted."""
        rows = self._execute("SELECT document_id FROM consent_documents ORDER BY document_id")
        return tuple(r[0] for r in rows)

    def notice_days(self, document_id: str) -> int:
        """How many days before an amendment takes effect its notice must go out."""
        _check_id(document_id, "document_id")
        rows = self._execute(
            self._q("SELECT notice_days FROM consent_documents WHERE document_id = ?"),
            (document_id,),
        )
        if not rows:
            raise StoreError(f"no document {document_id!r} in the store")
        return int(rows[0][0])

    def set_notice_days(self, document_id: str, days: int) -> None:
        """Change the document's notice period (days, at least 0)."""
        _check_id(document_id, "document_id")
        _check_days(days)
        with self._transaction():
            rows = self._execute(
                self._q(
                    "UPDATE consent_documents SET notice_days = ? WHERE document_id = ?"
                    " RETURNING document_id"
                ),
                (days, document_id),
            )
        if not rows:
            raise StoreError(f"no document {document_id!r} in the store")

    def put_history(
        self, document_id: str, history: History, *, notice_days: int | None = None
    ) -> int:
        """Store ``history`` as the history of ``document_id``; returns how many amendments
        were appended.

        The first time, the whole history is written. Later, the stored history must be the
        beginning of ``history``: the same start and the same first amendments, and every
        stored version still there with the same text; the amendments after them are
        appended. Anything else would rewrite what is stored and raises
        :class:`~legaldocs.StoreError`. ``notice_days`` sets the notice period (default
        :data:`DEFAULT_NOTICE_DAYS` for a new document; unchanged otherwise).
        """
        _check_id(document_id, "document_id")
        if not isinstance(history, History):
            raise StoreError(f"not a History: {type(history).__name__}")
        if not isinstance(document_id, str) or not document_id.strip():
            raise StoreError(f"a document id must be a non-empty string: {document_id!r}")
        if notice_days is not None:
            _check_days(notice_days)
        start = _start_json(history)
        bodies = [dumps(a) for a in history.amendments]
        versions = [(v.id, content_hash(v.document)) for v in history.versions]
        with self._transaction():
            self._execute(
                self._q(
                    "INSERT INTO consent_documents (document_id, notice_days, start) "
                    "VALUES (?, ?, ?) ON CONFLICT (document_id) DO NOTHING"
                ),
                (document_id, DEFAULT_NOTICE_DAYS if notice_days is None else notice_days, start),
            )
            stored_start = self._lock_document(document_id)
            if stored_start != start:
                raise StoreError(
                    f"{document_id}: the store holds a history with another start; "
                    "a stored history is never rewritten"
                )
            if notice_days is not None:
                self._execute(
                    self._q("UPDATE consent_documents SET notice_days = ? WHERE document_id = ?"),
                    (notice_days, document_id),
                )
            stored = self._execute(
                self._q(
                    "SELECT amendment_id, body FROM consent_amendments "
                    "WHERE document_id = ? ORDER BY seq"
                ),
                (document_id,),
            )
            for seq, (amendment_id, body) in enumerate(stored):
                if seq >= len(bodies) or bodies[seq] != body:
                    raise StoreError(
                        f"{document_id}: amendment #{seq + 1} ({amendment_id}) differs from the "
                        "stored one or is missing; a stored history is never rewritten: "
                        "append new amendments instead"
                    )
            old_versions = self._execute(
                self._q(
                    "SELECT vno, version_id, content_hash FROM consent_versions "
                    "WHERE document_id = ? ORDER BY vno"
                ),
                (document_id,),
            )
            new_by_id = dict(versions)
            for _, version_id, digest in old_versions:
                if new_by_id.get(version_id) != digest:
                    raise StoreError(
                        f"{document_id}: the new amendments would rewrite version "
                        f"{version_id!r}, which is stored (an amendment must take effect after "
                        "the versions already stored)"
                    )
            known = {r[1] for r in old_versions}
            next_no = max((r[0] for r in old_versions), default=0) + 1
            for seq in range(len(stored), len(bodies)):
                self._execute(
                    self._q(
                        "INSERT INTO consent_amendments (document_id, seq, amendment_id, body) "
                        "VALUES (?, ?, ?, ?)"
                    ),
                    (document_id, seq, history.amendments[seq].id, bodies[seq]),
                )
            for version_id, digest in versions:
                if version_id not in known:
                    self._execute(
                        self._q(
                            "INSERT INTO consent_versions (document_id, vno, version_id, "
                            "content_hash) VALUES (?, ?, ?, ?)"
                        ),
                        (document_id, next_no, version_id, digest),
                    )
                    next_no += 1
        self._versions.pop(document_id, None)
        self._histories[document_id] = (len(bodies), history)
        return len(bodies) - len(stored)

    def _lock_document(self, document_id: str) -> str:
        rows = self._execute(
            self._q("SELECT start FROM consent_documents WHERE document_id = ?"), (document_id,)
        )
        return str(rows[0][0])

    def append(self, document_id: str, amendment: Amendment) -> History:
        """Append ``amendment`` to the stored history (it must apply, and take effect after
        the stored versions); the new history."""
        _check_id(document_id, "document_id")
        history = self.history(document_id)
        try:
            updated = history.amend(amendment)
        except LegaldocsError:
            raise
        self.put_history(document_id, updated)
        return updated

    def history(self, document_id: str) -> History:
        """The stored history of ``document_id`` (rebuilt once, then reused while no
        amendment is appended)."""
        _check_id(document_id, "document_id")
        count_rows = self._execute(
            self._q("SELECT count(*) FROM consent_amendments WHERE document_id = ?"),
            (document_id,),
        )
        count = int(count_rows[0][0])
        cached = self._histories.get(document_id)
        if cached is not None and cached[0] == count:
            return cached[1]
        rows = self._execute(
            self._q("SELECT start FROM consent_documents WHERE document_id = ?"), (document_id,)
        )
        if not rows:
            raise StoreError(f"no document {document_id!r} in the store")
        history = loads(str(rows[0][0]), History)
        bodies = self._execute(
            self._q("SELECT body FROM consent_amendments WHERE document_id = ? ORDER BY seq"),
            (document_id,),
        )
        for (body,) in bodies:
            history = history.amend(loads(str(body), Amendment))
        self._histories[document_id] = (len(bodies), history)
        return history

    def _memo(self, document_id: str, history: History) -> dict[Any, Any]:
        """What a version asks of a cohort, remembered for the stored history of this many
        amendments (a stored history never changes, it only grows)."""
        key = (document_id, len(history.amendments))
        memo = self._memos.get(key)
        if memo is None:
            self._memos = {k: v for k, v in self._memos.items() if k[0] != document_id}
            memo = self._memos[key] = {}
        return memo

    def _versions_of(self, document_id: str, *, refresh: bool = False) -> _Versions:
        cached = self._versions.get(document_id)
        if cached is None or refresh:
            rows = self._execute(
                self._q(
                    "SELECT vno, version_id, content_hash FROM consent_versions "
                    "WHERE document_id = ?"
                ),
                (document_id,),
            )
            cached = self._versions[document_id] = _Versions(
                (int(r[0]), str(r[1]), str(r[2])) for r in rows
            )
        return cached

    def _vno(self, acceptance: Acceptance) -> int:
        versions = self._versions_of(acceptance.document_id)
        found = versions.by_id.get(acceptance.version_id)
        if found is None:
            found = self._versions_of(acceptance.document_id, refresh=True).by_id.get(
                acceptance.version_id
            )
        if found is None:
            raise ConsentError(
                f"record {acceptance.record_id}: the store has no version "
                f"{acceptance.version_id!r} of {acceptance.document_id!r}"
            )
        if found[1] != acceptance.content_hash:
            raise ConsentError(
                f"record {acceptance.record_id}: version {acceptance.version_id!r} has content "
                f"hash {found[1]}, not {acceptance.content_hash}"
            )
        return found[0]

    # -- acceptances ----------------------------------------------------------------------

    def _row(self, a: Acceptance, vnos: dict[tuple[str, str, str], int] | None = None) -> Row:
        extra = None
        if a.jurisdiction is not None or a.policy_url is not None or a.evidence:
            extra = json.dumps(
                {
                    "jurisdiction": a.jurisdiction,
                    "policy_url": a.policy_url,
                    "evidence": [list(pair) for pair in a.evidence],
                },
                ensure_ascii=False,
                sort_keys=True,
                separators=(",", ":"),
            )
        ts = a.consent_timestamp
        if vnos is None:
            vno = self._vno(a)
        else:
            key = (a.document_id, a.version_id, a.content_hash)
            found = vnos.get(key)
            if found is None:
                found = vnos[key] = self._vno(a)
            vno = found
        zone = ts.tzinfo
        name = _ZONE_NAMES.get(zone)
        if name is None:
            name = _ZONE_NAMES[zone] = _zone_name(ts)
        return (
            a.record_id,
            a.document_id,
            a.pii_principal_id,
            vno,
            a.language,
            a.collection_method,
            epoch_micros(ts),
            name,
            extra,
        )

    def _acceptance(self, row: Row, version_id: str, digest: str) -> Acceptance:
        record_id, document_id, subject, _vno, language, channel, at_us, tz, extra = row
        more: dict[str, Any] = {}
        if extra:
            data = json.loads(extra)
            more = {
                "jurisdiction": data["jurisdiction"],
                "policy_url": data["policy_url"],
                "evidence": tuple((str(n), str(v)) for n, v in data["evidence"]),
            }
        return Acceptance(
            record_id=record_id,
            pii_principal_id=subject,
            document_id=document_id,
            version_id=version_id,
            content_hash=digest,
            language=language,
            collection_method=channel,
            consent_timestamp=moment_of(int(at_us), tz),
            **more,
        )

    def _stored_rows(self, record_ids: Sequence[str]) -> dict[str, Row]:
        out: dict[str, Row] = {}
        for i in range(0, len(record_ids), 500):
            chunk = record_ids[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self._execute(
                self._q(f"SELECT {COLUMNS} FROM consent_acceptances WHERE record_id IN ({marks})"),
                chunk,
            ):
                out[row[0]] = tuple(row)
        return out

    def record(self, acceptance: Acceptance) -> bool:
        """Record one acceptance; ``True`` when new, ``False`` when this very record was
        already recorded (a retry). Raises :class:`~legaldocs.StoreError` when its record id
        is stored for another acceptance and :class:`~legaldocs.ConsentError` when the store
        has no such version (or another text under that version id)."""
        require_type(acceptance, Acceptance, "record: acceptance")
        row = self._row(acceptance)
        with self._transaction():
            got = self._execute(
                self._q(
                    f"INSERT INTO consent_acceptances ({COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (record_id) DO NOTHING RETURNING seq"
                ),
                row,
            )
            if not got:
                self._same_as_stored([row])
                return False
            self._execute(self._q(UPSERT_LATEST), (row[1], row[2], row[3], row[6], int(got[0][0])))
        return True

    def _same_as_stored(self, rows: Sequence[Row]) -> None:
        stored = self._stored_rows([r[0] for r in rows])
        for row in rows:
            if stored.get(row[0]) != tuple(row):
                raise StoreError(f"record id {row[0]!r} is already recorded for another acceptance")

    def record_many(self, acceptances: Iterable[Acceptance]) -> int:
        """Record many acceptances in one transaction (all or none); how many were new.
        Records already stored are skipped as in :meth:`record`."""
        _check_iterable(acceptances, "record_many: acceptances")
        unique: dict[str, Row] = {}
        vnos: dict[tuple[str, str, str], int] = {}
        for acceptance in acceptances:
            require_type(acceptance, Acceptance, "record_many: each of acceptances")
            row = self._row(acceptance, vnos)
            seen = unique.setdefault(row[0], row)
            if seen is not row and seen != row:
                raise StoreError(f"record id {row[0]!r} is given twice for different acceptances")
        rows = list(unique.values())
        if not rows:
            return 0
        with self._transaction():
            before = self._max_seq()
            try:
                self._insert_rows(rows)
                inserted = len(rows)
            except _Conflict:
                new = self._insert_new_rows(rows)
                self._same_as_stored([r for r in rows if r[0] not in new])
                inserted = len(new)
                if inserted:
                    self._update_latest_since(before)
            else:
                self._update_latest_after_insert(rows, before)
        return inserted

    def _update_latest_after_insert(self, rows: list[Row], before: int) -> None:
        """Bring ``consent_latest`` up to date after all of ``rows`` were inserted after
        sequence number ``before``."""
        self._update_latest_since(before)

    def last_accepted(self, document_id: str, subject: str) -> Acceptance | None:
        """The acceptance of ``document_id`` that ``subject`` gave last (by its timestamp),
        or ``None``."""
        _check_id(document_id, "document_id")
        _check_id(subject, "subject")
        rows = self._execute(
            self._q(
                f"SELECT {', '.join('a.' + c.strip() for c in COLUMNS.split(','))} "
                "FROM consent_latest l JOIN consent_acceptances a ON a.seq = l.seq "
                "WHERE l.document_id = ? AND l.subject = ?"
            ),
            (document_id, subject),
        )
        if not rows:
            return None
        row = tuple(rows[0])
        version_id, digest = self._versions_of(document_id, refresh=True).by_no[int(row[3])]
        return self._acceptance(row, version_id, digest)

    def export_subject(self, subject: str) -> tuple[Acceptance, ...]:
        """Every acceptance ``subject`` gave, of every document, oldest first: what a
        person is owed under a right of access."""
        _check_id(subject, "subject")
        rows = self._execute(
            self._q(
                f"SELECT {COLUMNS} FROM consent_acceptances WHERE subject = ? ORDER BY at_us, seq"
            ),
            (subject,),
        )
        out = []
        for row in rows:
            versions = self._versions_of(row[1])
            if int(row[3]) not in versions.by_no:
                versions = self._versions_of(row[1], refresh=True)
            version_id, digest = versions.by_no[int(row[3])]
            out.append(self._acceptance(tuple(row), version_id, digest))
        return tuple(out)

    def count(self, document_id: str | None = None) -> int:
        """How many acceptances are recorded (of one document, or of all)."""
        if document_id is None:
            rows = self._execute("SELECT count(*) FROM consent_acceptances")
        else:
            _check_id(document_id, "document_id")
            rows = self._execute(
                self._q("SELECT count(*) FROM consent_acceptances WHERE document_id = ?"),
                (document_id,),
            )
        return int(rows[0][0])

    # -- queries --------------------------------------------------------------------------

    def cohorts(self, document_id: str) -> tuple[Cohort, ...]:
        """Per version, how many subjects accepted it last, in version order."""
        _check_id(document_id, "document_id")
        rows = self._execute(
            self._q(
                "SELECT vno, count(*) FROM consent_latest WHERE document_id = ? "
                "GROUP BY vno ORDER BY vno"
            ),
            (document_id,),
        )
        versions = self._versions_of(document_id, refresh=True)
        return tuple(
            Cohort(
                version_id=versions.by_no[int(vno)][0],
                content_hash=versions.by_no[int(vno)][1],
                subjects=int(n),
            )
            for vno, n in rows
        )

    def subjects_on(self, document_id: str, version_ids: Iterable[str]) -> list[str]:
        """The subjects whose last acceptance of ``document_id`` is of one of
        ``version_ids``, sorted."""
        _check_id(document_id, "document_id")
        _check_iterable(version_ids, "subjects_on: version_ids")
        versions = self._versions_of(document_id, refresh=True)
        numbers = sorted({versions.by_id[v][0] for v in version_ids if v in versions.by_id})
        if not numbers:
            return []
        return self._subjects_on(document_id, numbers)

    def _subjects_on(self, document_id: str, numbers: list[int]) -> list[str]:
        # One string from the database, cut here: subject ids hold no white space, and one
        # value crosses the driver much faster than 200,000 rows do.
        marks = ", ".join("?" * len(numbers))
        rows = self._execute(
            self._q(
                "SELECT group_concat(subject, char(10)) FROM consent_latest "
                f"WHERE document_id = ? AND vno IN ({marks})"
            ),
            (document_id, *numbers),
        )
        return _split_sorted(rows[0][0] if rows else None)

    def must_reaccept(
        self,
        document_id: str,
        *,
        at: datetime.date | str | None = None,
        amendment: str | Amendment | None = None,
        policy: Any = None,
    ) -> Reacceptance:
        """Who must accept ``document_id`` again for the version in force at ``at`` (or
        once ``amendment`` takes effect: the id of a stored amendment, or a new
        :class:`~legaldocs.Amendment` not stored yet, to see what it would ask; default: the
        latest version), under ``policy``: the cohorts with what is asked of each, and the
        subjects who must re-accept."""
        _check_id(document_id, "document_id")
        from legaldocs.consent._notices import reacceptance

        return reacceptance(self, document_id, at=at, amendment=amendment, policy=policy)

    def plan_notices(
        self, document_id: str, *, at: datetime.date | str, policy: Any = None
    ) -> tuple[Any, ...]:
        """The notice plan of every amendment of ``document_id`` not yet in force at ``at``
        (see :func:`legaldocs.consent.plan_notices`), with the stored cohorts and the
        document's notice period."""
        _check_id(document_id, "document_id")
        from legaldocs.consent._notices import plan_notices

        return plan_notices(
            self.history(document_id),
            at=at,
            policy=policy,
            notice_days=self.notice_days(document_id),
            cohorts=self.cohorts(document_id),
        )


def _check_id(value: object, what: str) -> None:
    """A document or subject id: a string UTF-8 can write."""
    require_text(value, what)


def _check_iterable(value: object, what: str) -> None:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ArgumentTypeError(f"{what}: not a collection (got {type(value).__name__})")


@attrs.frozen(kw_only=True)
class Reacceptance:
    """The answer of :meth:`ConsentStore.must_reaccept`: the ``version`` asked about, each
    stored cohort with its ``action`` (none, notice, reaccept) and the ``subjects`` who must
    accept again (sorted)."""

    version: Version
    cohorts: tuple[Cohort, ...]
    subjects: tuple[str, ...]


class _Conflict(Exception):
    """A fast insert met a record id already stored."""


def _split_sorted(joined: str | None) -> list[str]:
    """The subjects joined by line breaks, sorted (runs already sorted per version)."""
    if not joined:
        return []
    subjects = joined.split("\n")
    subjects.sort()
    return subjects


_MAX_NOTICE_DAYS = 36_500


def _check_days(days: object) -> None:
    if not isinstance(days, int) or isinstance(days, bool):
        raise ArgumentTypeError(f"notice days must be a whole number of days: {days!r}")
    if not 0 <= days <= _MAX_NOTICE_DAYS:
        raise ArgumentValueError(
            f"notice days must be 0 to {_MAX_NOTICE_DAYS} (a hundred years): {days!r}"
        )


def _start_json(history: History) -> str:
    start = History(
        document=history.document,
        enacted=history.enacted,
        effective=history.effective,
        tz=history.tz,
    )
    return dumps(start)


def open_store(target: str | Any) -> ConsentStore:
    """A store from a path or URL: ``postgresql://…``/``postgres://…`` (or a libpq
    ``host=… dbname=…`` string) opens :class:`~legaldocs.consent.PostgresStore`; anything
    else is a SQLite file (``sqlite:///path`` or a plain path), created when missing."""
    require_type(target, (str, os.PathLike), "open_store: target")
    text = require_text(str(target), "open_store: target")
    if text.startswith(("postgresql://", "postgres://")) or (
        "=" in text and ("host=" in text or "dbname=" in text)
    ):
        from legaldocs.consent._postgres import PostgresStore

        return PostgresStore(text)
    from legaldocs.consent._sqlite import SQLiteStore

    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    return SQLiteStore(text)
