"""The consent store: 1,000,000 acceptances over 20 versions, on SQLite and on PostgreSQL.

The history is the clinic's privacy policy with 19 amendments: 18 change the telephone
number in 第15条 (notice only under the policy below), the last adds a purpose to 第3条
(everyone who accepted an earlier version must accept again). The acceptances are spread
over the 20 versions in time order, by 250,000 subjects (four each, on average); they are
built before timing.

- **bulk insert**: ``store.record_many(acceptances)`` into a fresh store holding the
  history, beside the same rows inserted with the bare driver into the same table (same
  columns, same unique record id, same index) in the same run: ``executemany`` in one
  transaction for ``sqlite3`` (write-ahead log, ``synchronous=NORMAL`` as the store uses),
  ``COPY`` for ``psycopg``. The store's extra work is turning records into rows, checking
  each version and hash, and keeping the per-subject latest acceptance. Median of 3 runs
  (``--repeat N`` below 3: N runs).
- **cohort counts**: ``store.cohorts(document)``; **who must re-accept**:
  ``store.must_reaccept(document, amendment=…, policy=…)``: grading each cohort's version
  against the new one (the first call; the store then remembers the grades for its
  immutable history) and listing every subject who must accept again (sorted).

PostgreSQL is a throwaway cluster started for the run (``initdb``/``pg_ctl``, unix socket,
``fsync=off`` for store and baseline alike). ``--quick`` uses 20,000 acceptances.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum

from benchmarks._data import ROOT
from benchmarks._timing import Config, Result, median_seconds, ratio
from legaldocs import Amendment, History, InsertElement, Item, Num, ReplacePhrase, parse_text
from legaldocs.consent import Acceptance, ConsentStore, Policy, Rule, content_hash, open_store
from legaldocs.consent._pgserver import TemporaryPostgres
from legaldocs.consent._store import _SCHEMA, COLUMNS

__all__ = ["consent"]

DOC = "privacy-policy"
VERSIONS = 20
INSERT_RATIO = 2.0
QUERY_MS = 200.0
POLICY = Policy(
    rules=(Rule(action="reaccept", citation="第3条"), Rule(action="notice", citation="第15条"))
)


def _history() -> History:
    text = (ROOT / "examples" / "clinic" / "privacy-policy.txt").read_text(encoding="utf-8")
    history = History.start(parse_text(text), enacted=pendulum.date(2021, 2, 25))
    day = pendulum.date(2021, 4, 1)
    for k in range(1, VERSIONS - 1):
        effective = day.add(months=2 * k)
        history = history.amend(
            Amendment(
                id=f"pp-{k:02d}",
                title="電話番号の変更",
                enacted=effective.subtract(days=30),
                effective=effective,
                changes=(
                    ReplacePhrase(
                        target="第15条第2項",
                        old=f"070-8425-{4865 + k - 1}",
                        new=f"070-8425-{4865 + k}",
                    ),
                ),
            )
        )
    last = day.add(months=2 * (VERSIONS - 1))
    return history.amend(
        Amendment(
            id="pp-purpose",
            title="利用目的の追加",
            enacted=last.subtract(days=60),
            effective=last,
            changes=(
                InsertElement(
                    element=Item(key="i11", num=Num.of(11), text="オンライン診療のため"),
                    after="第3条第2項第10号",
                ),
            ),
        )
    )


def _acceptances(history: History, n: int) -> list[Acceptance]:
    rnd = random.Random(13)
    versions = history.versions
    hashes = [content_hash(v) for v in versions]
    subjects = max(1, n // 4)
    out = []
    for k in range(n):
        i = min(len(versions) - 1, k * len(versions) // n)
        start = versions[i].start
        end = versions[i + 1].start if i + 1 < len(versions) else start.add(months=2)
        offset = (k % 1000) / 1000 * (end - start).total_seconds()
        out.append(
            Acceptance(
                record_id=f"{rnd.getrandbits(128):032x}",
                pii_principal_id=f"pt-{rnd.randrange(subjects):07d}",
                document_id=DOC,
                version_id=versions[i].id,
                content_hash=hashes[i],
                language="ja",
                collection_method="web" if k % 3 else "app",
                consent_timestamp=start.add(seconds=int(offset)),
            )
        )
    return out


def _rows(store: ConsentStore, acceptances: list[Acceptance]) -> list[tuple[Any, ...]]:
    return [store._row(a) for a in acceptances]


def _bare_sqlite(path: Path, rows: list[tuple[Any, ...]]) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    for statement in _SCHEMA[3:5]:  # the acceptances table and its index
        conn.execute(statement.format(serial="INTEGER PRIMARY KEY", without_rowid=""))
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        f"INSERT INTO consent_acceptances ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
    )
    conn.execute("COMMIT")
    spent = time.perf_counter() - start
    conn.close()
    return spent


def _bare_postgres(conninfo: str, rows: list[tuple[Any, ...]]) -> float:
    import psycopg

    with psycopg.connect(conninfo) as conn:
        for statement in _SCHEMA[3:5]:
            conn.execute(
                statement.format(
                    serial="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", without_rowid=""
                )
            )
        conn.commit()
        start = time.perf_counter()
        with (
            conn.cursor() as cur,
            cur.copy(f"COPY consent_acceptances ({COLUMNS}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        conn.commit()
        return time.perf_counter() - start


def _backend(
    label: str,
    fresh: Callable[[str], str],
    bare: Callable[[str, list[tuple[Any, ...]]], float],
    history: History,
    acceptances: list[Acceptance],
    runs: int,
    queries: int,
) -> list[Result]:
    n = len(acceptances)
    ours: list[float] = []
    base: list[float] = []
    rows: list[tuple[Any, ...]] = []
    store: ConsentStore | None = None
    for run in range(runs):
        if store is not None:
            store.close()
        store = open_store(fresh(f"ours{run}"))
        store.put_history(DOC, history)
        if not rows:
            rows = _rows(store, acceptances)
        start = time.perf_counter()
        store.record_many(acceptances)
        ours.append(time.perf_counter() - start)
        base.append(bare(fresh(f"bare{run}"), rows))
    assert store is not None
    try:
        assert store.count(DOC) == n
        t, b = statistics.median(ours), statistics.median(base)
        r = ratio(t, b)
        what = "bare sqlite3 executemany" if label == "SQLite" else "bare psycopg COPY"
        results = [
            Result(
                name=f"consent: record_many {n:,} acceptances ({label})",
                value=t,
                unit="s",
                target=f"≤ {INSERT_RATIO:g}× bare driver",
                ok=r <= INSERT_RATIO,
                detail=f"{what} {b:.2f} s, ratio {r:.2f}; {VERSIONS} versions, median of {runs}",
                extra={"baseline_seconds": b, "ratio": r, "rows": n},
            )
        ]
        cohorts = store.cohorts(DOC)
        c = median_seconds(lambda: store.cohorts(DOC), repeat=queries)
        results.append(
            Result(
                name=f"consent: cohort counts ({label})",
                value=c * 1e3,
                unit="ms",
                target=f"< {QUERY_MS:g} ms",
                ok=c * 1e3 < QUERY_MS,
                detail=f"{len(cohorts)} cohorts, {sum(x.subjects for x in cohorts):,} subjects",
            )
        )
        start = time.perf_counter()
        answer = store.must_reaccept(DOC, amendment="pp-purpose", policy=POLICY)
        first = time.perf_counter() - start
        w = median_seconds(
            lambda: store.must_reaccept(DOC, amendment="pp-purpose", policy=POLICY),
            repeat=queries,
        )
        results.append(
            Result(
                name=f"consent: who must re-accept ({label})",
                value=w * 1e3,
                unit="ms",
                target=f"< {QUERY_MS:g} ms",
                ok=w * 1e3 < QUERY_MS,
                detail=f"{len(answer.subjects):,} subjects listed, sorted; first call "
                f"{first * 1e3:.0f} ms (grades the {len(cohorts)} cohort versions against the "
                "new one; later calls reuse the grades)",
                extra={"first_call_ms": first * 1e3, "subjects": len(answer.subjects)},
            )
        )
        return results
    finally:
        store.close()


def consent(cfg: Config) -> list[Result]:
    """Bulk insert, cohort counts and who must re-accept on SQLite and PostgreSQL."""
    n = 20_000 if cfg.quick else 1_000_000
    runs = 1 if cfg.quick else min(3, cfg.repeat)
    queries = cfg.reps(7)
    history = _history()
    acceptances = _acceptances(history, n)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="legaldocs-bench-") as tmp:

        def sqlite_file(name: str) -> str:
            return str(Path(tmp) / f"{name}.sqlite")

        results += _backend(
            "SQLite", sqlite_file, _bare_sqlite_path, history, acceptances, runs, queries
        )
    with TemporaryPostgres() as server:
        results += _backend(
            "PostgreSQL",
            server.create_database,
            _bare_postgres,
            history,
            acceptances,
            runs,
            queries,
        )
    return results


def _bare_sqlite_path(target: str, rows: list[tuple[Any, ...]]) -> float:
    return _bare_sqlite(Path(target), rows)
