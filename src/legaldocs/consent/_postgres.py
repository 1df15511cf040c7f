"""The PostgreSQL consent store (psycopg 3: ``pip install legaldocs[postgres]``).

For a deployment that outgrows one machine: every service connects to one database. Writes
are transactions (READ COMMITTED); a record id is unique, so a retried or concurrent insert
of the same acceptance is a no-op; ``consent_latest`` is upserted with a guard that keeps the
newest acceptance whatever the order in which concurrent writers commit. A batch goes in
with ``COPY``; when it meets a record id already stored it is loaded into a temporary table
and inserted with ``ON CONFLICT DO NOTHING`` instead.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from legaldocs.consent._store import _SCHEMA, COLUMNS, ConsentStore, Row, _Conflict, _split_sorted
from legaldocs.errors import StoreError, require_text

__all__ = ["PostgresStore"]

_LOCK = 0x6C64_636F  # advisory lock key for creating the tables


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise StoreError(
            "the PostgreSQL store needs psycopg 3: pip install legaldocs[postgres]"
        ) from None
    return psycopg


class PostgresStore(ConsentStore):
    """A :class:`~legaldocs.consent.ConsentStore` in a PostgreSQL database, given a
    connection string (``postgresql://user@host/db`` or ``host=/tmp dbname=consent``)."""

    placeholder = "%s"

    def __init__(self, conninfo: str) -> None:
        super().__init__()
        require_text(conninfo, "PostgresStore: conninfo")
        psycopg = _psycopg()
        self._errors = psycopg.errors
        self._error = psycopg.Error
        try:
            self._conn = psycopg.connect(conninfo, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}".strip()) from None
        self._tx: Any = None
        with self._transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
            for statement in _SCHEMA:
                self._conn.execute(
                    statement.format(
                        serial="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
                        without_rowid="",
                    )
                )

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._tx is not None:
            yield
            return
        try:
            with self._conn.transaction() as tx:
                self._tx = tx
                try:
                    yield
                finally:
                    self._tx = None
        except self._errors.UniqueViolation as exc:
            raise StoreError(f"refused (a concurrent writer?): {exc}".strip()) from None
        except self._error as exc:
            raise StoreError(f"PostgreSQL: {exc}".strip()) from None

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cur = self._conn.execute(sql, params)
        return cur.fetchall() if cur.description is not None else []

    def _lock_document(self, document_id: str) -> str:
        rows = self._execute(
            "SELECT start FROM consent_documents WHERE document_id = %s FOR UPDATE",
            (document_id,),
        )
        return str(rows[0][0])

    def _max_seq(self) -> int:
        return int(self._execute("SELECT coalesce(max(seq), 0) FROM consent_acceptances")[0][0])

    def _insert_rows(self, rows: list[Row]) -> None:
        try:
            with (
                self._conn.transaction(),
                self._conn.cursor() as cur,
                cur.copy(f"COPY consent_acceptances ({COLUMNS}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(row)
        except self._errors.UniqueViolation:
            raise _Conflict from None

    def _insert_new_rows(self, rows: list[Row]) -> set[str]:
        with self._conn.cursor() as cur:
            cur.execute(
                "CREATE TEMPORARY TABLE consent_incoming (LIKE consent_acceptances "
                "INCLUDING DEFAULTS) ON COMMIT DROP"
            )
            cur.execute("ALTER TABLE consent_incoming DROP COLUMN seq")
            with cur.copy(f"COPY consent_incoming ({COLUMNS}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            cur.execute(
                f"INSERT INTO consent_acceptances ({COLUMNS}) SELECT {COLUMNS} "
                "FROM consent_incoming ON CONFLICT (record_id) DO NOTHING RETURNING record_id"
            )
            return {r[0] for r in cur.fetchall()}

    def _update_latest_since(self, seq: int) -> None:
        self._conn.execute(
            """INSERT INTO consent_latest (document_id, subject, vno, at_us, seq)
            SELECT DISTINCT ON (document_id, subject) document_id, subject, vno, at_us, seq
            FROM consent_acceptances WHERE seq > %s
            ORDER BY document_id, subject, at_us DESC, seq DESC
            ON CONFLICT (document_id, subject) DO UPDATE
            SET vno = excluded.vno, at_us = excluded.at_us, seq = excluded.seq
            WHERE (excluded.at_us, excluded.seq) > (consent_latest.at_us, consent_latest.seq)""",
            (seq,),
        )

    def _subjects_on(self, document_id: str, numbers: list[int]) -> list[str]:
        rows = self._execute(
            "SELECT string_agg(subject, E'\\n') FROM consent_latest "
            "WHERE document_id = %s AND vno = ANY(%s)",
            (document_id, numbers),
        )
        return _split_sorted(rows[0][0] if rows else None)
