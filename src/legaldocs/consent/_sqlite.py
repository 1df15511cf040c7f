"""The SQLite consent store (standard library ``sqlite3``): the embedded default.

One file, shared by the processes of one machine: write-ahead logging, and every write an
``IMMEDIATE`` transaction, so that writers queue (up to ``timeout`` seconds) instead of
failing or losing each other's rows.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from legaldocs.consent._store import _SCHEMA, COLUMNS, UPSERT_LATEST, ConsentStore, Row, _Conflict
from legaldocs.errors import ArgumentValueError, StoreError, require_text, require_type

__all__ = ["SQLiteStore"]


class SQLiteStore(ConsentStore):
    """A :class:`~legaldocs.consent.ConsentStore` in a SQLite file (created when missing;
    ``":memory:"`` for a private one). ``timeout``: how long a writer waits for another."""

    placeholder = "?"

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 60.0) -> None:
        super().__init__()
        require_type(path, (str, os.PathLike), "SQLiteStore: path")
        require_type(timeout, (int, float), "SQLiteStore: timeout")
        if not 0 <= timeout < 1e9:
            raise ArgumentValueError(f"SQLiteStore: timeout must be 0 or more seconds: {timeout!r}")
        self.path = require_text(str(path), "SQLiteStore: path")
        try:
            self._conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the SQLite store: {exc}") from None
        self._depth = 0
        try:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            with self._transaction():
                for statement in _SCHEMA:
                    self._conn.execute(
                        statement.format(
                            serial="INTEGER PRIMARY KEY", without_rowid=" WITHOUT ROWID"
                        )
                    )
        except sqlite3.Error as exc:  # not a SQLite file, a read-only one, ...
            self._conn.close()
            raise StoreError(f"{self.path}: cannot open the SQLite store: {exc}") from None

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot start a transaction: {exc}") from None
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: the transaction failed: {exc}") from None

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"{self.path}: refused: {exc}") from None
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from None

    def _max_seq(self) -> int:
        return int(
            self._conn.execute("SELECT coalesce(max(seq), 0) FROM consent_acceptances").fetchone()[
                0
            ]
        )

    def _insert_rows(self, rows: list[Row]) -> None:
        try:
            self._conn.execute("SAVEPOINT bulk")
            self._conn.executemany(
                f"INSERT INTO consent_acceptances ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        except sqlite3.IntegrityError:
            self._conn.execute("ROLLBACK TO bulk")
            self._conn.execute("RELEASE bulk")
            raise _Conflict from None
        self._conn.execute("RELEASE bulk")

    def _insert_new_rows(self, rows: list[Row]) -> set[str]:
        before = self._max_seq()
        self._conn.executemany(
            f"INSERT INTO consent_acceptances ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (record_id) DO NOTHING",
            rows,
        )
        return {
            r[0]
            for r in self._conn.execute(
                "SELECT record_id FROM consent_acceptances WHERE seq > ?", (before,)
            )
        }

    def _update_latest_after_insert(self, rows: list[Row], before: int) -> None:
        # Rows inserted in one exclusive transaction take the next row ids in order; when
        # they did (checked), the newest row per subject is found here and only those are
        # upserted, instead of reading every new row back.
        if self._max_seq() != before + len(rows):
            self._update_latest_since(before)
            return
        newest: dict[tuple[str, str], tuple[int, int, int]] = {}
        for seq, row in enumerate(rows, start=before + 1):
            key = (row[1], row[2])
            at = row[6]
            got = newest.get(key)
            if got is None or (at, seq) > (got[0], got[1]):
                newest[key] = (at, seq, row[3])
        self._conn.executemany(
            UPSERT_LATEST,
            [(doc, subject, vno, at, seq) for (doc, subject), (at, seq, vno) in newest.items()],
        )

    def _update_latest_since(self, seq: int) -> None:
        self._conn.execute(
            """INSERT INTO consent_latest (document_id, subject, vno, at_us, seq)
            SELECT document_id, subject, vno, at_us, seq FROM consent_acceptances
            WHERE seq > ? ORDER BY document_id, subject, at_us, seq
            ON CONFLICT (document_id, subject) DO UPDATE
            SET vno = excluded.vno, at_us = excluded.at_us, seq = excluded.seq
            WHERE (excluded.at_us, excluded.seq) > (consent_latest.at_us, consent_latest.seq)""",
            (seq,),
        )
