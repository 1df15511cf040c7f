"""The consent store: one suite, run on SQLite and on a real PostgreSQL server.

The PostgreSQL server is a throwaway cluster (``initdb``/``pg_ctl`` on a temporary directory,
unix socket only), started once for the module. Where PostgreSQL is not installed the
PostgreSQL half is skipped on a developer's machine, but fails in CI (``CI`` set): CI must
run it (``.ci/run`` installs the server).
"""

from __future__ import annotations

import multiprocessing
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import attrs
import pendulum
import pytest

from legaldocs import (
    Amendment,
    ConsentError,
    History,
    ReplacePhrase,
    StoreError,
    parse_text,
)
from legaldocs.consent import (
    Acceptance,
    ConsentStore,
    Policy,
    PostgresStore,
    Rule,
    SQLiteStore,
    content_hash,
    open_store,
)
from legaldocs.consent._pgserver import TemporaryPostgres, postgres_bin

from ._consent_scenario import ADDRESS, PURPOSE
from .conftest import ROOT

TOKYO = "Asia/Tokyo"
DOC = "privacy-policy"
START = History.start(
    parse_text((ROOT / "examples" / "clinic" / "privacy-policy.txt").read_text(encoding="utf-8")),
    enacted=pendulum.date(2021, 2, 25),
)
FULL = START.amend(ADDRESS).amend(PURPOSE)
POLICY = Policy(rules=(Rule(action="reaccept", citation="第3条"),), substantive="notice")


def _psycopg_missing() -> bool:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return True
    return False


def _require_postgres() -> None:
    """Fail in CI, skip elsewhere, when the PostgreSQL server or psycopg is missing."""
    missing = []
    if postgres_bin() is None:
        missing.append("the PostgreSQL server (apt-get install -y postgresql)")
    if _psycopg_missing():
        missing.append("psycopg (pip install legaldocs[postgres])")
    if missing:
        message = "PostgreSQL store tests need " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message + ": CI must run them")
        pytest.skip(message)


@pytest.fixture(scope="module")
def postgres() -> Iterator[TemporaryPostgres]:
    """A throwaway PostgreSQL cluster for this module."""
    _require_postgres()
    server = TemporaryPostgres()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_missing_postgres_fails_in_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(f"{__name__}.postgres_bin", lambda: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run them"):
        _require_postgres()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        _require_postgres()


def _conninfo(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "consent.sqlite")
    server: TemporaryPostgres = request.getfixturevalue("postgres")
    return server.create_database(f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store lives: a SQLite file or a fresh PostgreSQL database."""
    return _conninfo(request, tmp_path)


@pytest.fixture
def store(target: str) -> Iterator[ConsentStore]:
    with open_store(target) as opened:
        yield opened


def accept(
    version_at: str, subject: str, when: str, record_id: str | None = None, history: History = FULL
) -> Acceptance:
    moment = pendulum.parse(when, tz=TOKYO)
    assert isinstance(moment, pendulum.DateTime)
    return Acceptance.of(
        history.version_at(version_at),
        document_id=DOC,
        pii_principal_id=subject,
        consent_timestamp=moment,
        record_id=record_id,
    )


# -- histories ----------------------------------------------------------------------------


def test_backend_is_the_one_asked_for(store: ConsentStore, target: str) -> None:
    expected = SQLiteStore if target.endswith(".sqlite") else PostgresStore
    assert isinstance(store, expected)


def test_put_history_and_read_it_back(store: ConsentStore) -> None:
    assert store.put_history(DOC, START, notice_days=14) == 0
    assert store.documents() == (DOC,)
    assert store.notice_days(DOC) == 14
    assert store.history(DOC) == START
    assert store.put_history(DOC, FULL) == 2
    assert store.history(DOC).amendments == FULL.amendments
    assert store.put_history(DOC, FULL) == 0  # idempotent
    assert store.notice_days(DOC) == 14
    store.set_notice_days(DOC, 45)
    assert store.notice_days(DOC) == 45


def test_a_stored_history_is_never_rewritten(store: ConsentStore) -> None:
    store.put_history(DOC, START.amend(ADDRESS))
    other = attrs.evolve(ADDRESS, title="別の題名")
    with pytest.raises(StoreError, match="never rewritten"):
        store.put_history(DOC, START.amend(other))
    with pytest.raises(StoreError, match="never rewritten"):
        store.put_history(DOC, START)  # dropping an amendment
    earlier = Amendment(
        id="pp-2024-0",
        title="先行する改定",
        enacted=pendulum.date(2024, 1, 1),
        effective=pendulum.date(2024, 2, 1),
        changes=(ReplacePhrase(target="第5条", old="措置", new="対策"),),
    )
    with pytest.raises(StoreError, match="rewrite version"):
        store.append(DOC, earlier)  # would change the stored version of 2024-10-01
    different_start = History.start(START.document, enacted=pendulum.date(2021, 3, 1))
    with pytest.raises(StoreError, match="another start"):
        store.put_history(DOC, different_start)
    assert store.history(DOC).amendments == (ADDRESS,)


def test_append(store: ConsentStore) -> None:
    store.put_history(DOC, START)
    store.append(DOC, ADDRESS)
    updated = store.append(DOC, PURPOSE)
    assert updated.amendments == (ADDRESS, PURPOSE)
    assert store.history(DOC).versions[-1].id == FULL.versions[-1].id


def test_unknown_document(store: ConsentStore) -> None:
    with pytest.raises(StoreError):
        store.history("nope")
    with pytest.raises(StoreError):
        store.notice_days("nope")
    with pytest.raises(ValueError, match="notice days"):  # ArgumentValueError: a bad argument
        store.put_history(DOC, START, notice_days=-1)


# -- acceptances --------------------------------------------------------------------------


def test_record_is_idempotent(store: ConsentStore) -> None:
    store.put_history(DOC, FULL)
    a = accept("2024-05-20", "pt-1", "2024-05-20T10:00:00")
    assert store.record(a)
    assert not store.record(a)
    assert store.count() == 1
    with pytest.raises(StoreError, match="another acceptance"):
        store.record(attrs.evolve(a, pii_principal_id="pt-2"))
    assert store.count() == 1


def test_record_checks_the_version_and_its_text(store: ConsentStore) -> None:
    store.put_history(DOC, START)
    a = accept("2024-05-20", "pt-1", "2024-05-20T10:00:00")
    with pytest.raises(ConsentError, match="no version"):
        store.record(attrs.evolve(a, version_id=FULL.versions[-1].id))
    with pytest.raises(ConsentError, match="content"):
        store.record(attrs.evolve(a, content_hash="sha256:" + "1" * 64))
    with pytest.raises(ConsentError, match="no version"):
        store.record(attrs.evolve(a, document_id="terms"))
    assert store.count() == 0


def test_record_many_all_or_nothing(store: ConsentStore) -> None:
    store.put_history(DOC, FULL)
    batch = [accept("2024-05-20", f"pt-{i}", "2024-05-20T10:00:00") for i in range(50)]
    assert store.record_many(batch) == 50
    assert store.record_many(batch) == 0
    more = [accept("2024-11-20", f"pt-{i}", "2024-11-20T10:00:00") for i in range(45, 60)]
    assert store.record_many([*batch[:10], *more, more[0]]) == 15
    assert store.count(DOC) == 65
    clash = attrs.evolve(batch[0], pii_principal_id="pt-999")
    fresh = accept("2024-11-20", "pt-1000", "2024-11-20T11:00:00")
    with pytest.raises(StoreError, match="another acceptance"):
        store.record_many([fresh, clash])
    assert store.count() == 65  # the fresh one was not kept either
    with pytest.raises(StoreError, match="twice"):
        store.record_many([fresh, attrs.evolve(fresh, pii_principal_id="pt-1001")])
    assert store.record_many([]) == 0


def test_last_accepted_is_by_timestamp(store: ConsentStore) -> None:
    store.put_history(DOC, FULL)
    later = accept("2024-11-20", "pt-1", "2024-11-20T10:00:00")
    earlier = accept("2024-05-20", "pt-1", "2024-05-20T10:00:00")
    store.record(later)
    store.record(earlier)  # recorded afterwards (a paper form typed in late)
    assert store.last_accepted(DOC, "pt-1") == later
    store.record_many([accept("2023-05-20", "pt-1", "2023-05-20T10:00:00")])
    assert store.last_accepted(DOC, "pt-1") == later
    assert store.last_accepted(DOC, "pt-2") is None


def test_export_keeps_every_field(store: ConsentStore) -> None:
    store.put_history(DOC, FULL)
    a = Acceptance.of(
        FULL.versions[0],
        document_id=DOC,
        pii_principal_id="pt-1",
        consent_timestamp=pendulum.datetime(
            2024, 5, 20, 10, 0, 0, 123456, tz=pendulum.FixedTimezone(9 * 3600)
        ),
        collection_method="paper",
        language="ja-JP",
        jurisdiction="JP",
        policy_url="https://example.jp/privacy",
        evidence=(("form", "受付票 A-12"), ("witness", "staff-17")),
    )
    b = accept("2024-11-20", "pt-1", "2024-11-20T10:00:00")
    other = accept("2024-11-20", "pt-2", "2024-11-20T10:00:00")
    store.record_many([b, other])
    store.record(a)
    exported = store.export_subject("pt-1")
    assert exported == (a, b)
    assert exported[0].consent_timestamp.microsecond == 123456
    assert exported[0].consent_timestamp.utcoffset() == a.consent_timestamp.utcoffset()
    assert content_hash(FULL.versions[0]) == exported[0].content_hash


# -- queries ------------------------------------------------------------------------------


def _populate(store: ConsentStore) -> None:
    store.put_history(DOC, FULL)
    store.record_many(
        [
            accept("2023-01-01", "pt-a", "2023-06-01T09:00:00"),
            accept("2023-01-01", "pt-b", "2023-07-01T09:00:00"),
            accept("2024-11-01", "pt-b", "2024-11-01T09:00:00"),
            accept("2024-11-01", "pt-c", "2024-11-02T09:00:00"),
            accept("2025-04-02", "pt-d", "2025-04-02T09:00:00"),
        ]
    )


def test_cohorts_and_who_must_reaccept(store: ConsentStore) -> None:
    _populate(store)
    v0, v1, v2 = (v.id for v in FULL.versions)
    assert [(c.version_id, c.subjects) for c in store.cohorts(DOC)] == [(v0, 1), (v1, 2), (v2, 1)]
    assert store.subjects_on(DOC, [v1]) == ["pt-b", "pt-c"]
    answer = store.must_reaccept(DOC, amendment="pp-2025-1", policy=POLICY)
    assert answer.version.id == v2
    assert [(c.version_id, c.action) for c in answer.cohorts] == [
        (v0, "reaccept"),
        (v1, "reaccept"),
        (v2, "none"),
    ]
    assert answer.subjects == ("pt-a", "pt-b", "pt-c")
    address = store.must_reaccept(DOC, amendment="pp-2024-1", policy=POLICY)
    assert address.subjects == ()
    assert [c.action for c in address.cohorts] == ["notice", "none", "none"]
    assert store.must_reaccept(DOC, at="2024-12-01").subjects == ("pt-a",)  # default policy
    with pytest.raises(ConsentError):
        store.must_reaccept(DOC, amendment="nope")


def test_what_a_new_amendment_would_ask(store: ConsentStore) -> None:
    store.put_history(DOC, START.amend(ADDRESS))
    store.record_many(
        [
            accept("2023-01-01", "pt-a", "2023-06-01T09:00:00", history=START.amend(ADDRESS)),
            accept("2024-11-01", "pt-b", "2024-11-01T09:00:00", history=START.amend(ADDRESS)),
        ]
    )
    answer = store.must_reaccept(DOC, amendment=PURPOSE, policy=POLICY)
    assert answer.subjects == ("pt-a", "pt-b")
    assert answer.version.amendments == ("pp-2025-1",)
    assert store.history(DOC).amendments == (ADDRESS,)  # nothing stored


def test_plan_notices_counts_cohorts(store: ConsentStore) -> None:
    _populate(store)
    store.set_notice_days(DOC, 60)
    plans = store.plan_notices(DOC, at="2025-01-10", policy=POLICY)
    assert len(plans) == 1
    plan = plans[0]
    assert plan.amendments == ("pp-2025-1",)
    assert plan.notice_by == pendulum.datetime(2025, 1, 31, tz=TOKYO)
    assert not plan.overdue
    assert (plan.to_reaccept, plan.to_notify) == (3, 0)


# -- concurrency --------------------------------------------------------------------------

WORKERS = 4
PER_WORKER = 60
SHARED = 20


def _worker(target: str, worker: int, barrier: multiprocessing.synchronize.Barrier) -> None:
    """Record this worker's acceptances one by one and in a batch, plus ones every worker
    records too (retries): as many writers at once as there are workers."""
    with open_store(target) as store:
        mine = [
            accept(
                "2024-05-20",
                f"pt-{worker}-{i}",
                f"2024-05-20T10:{i % 60:02d}:00",
                record_id=f"w{worker}-{i}",
            )
            for i in range(PER_WORKER)
        ]
        shared = [
            accept("2024-11-20", f"pt-s-{i}", "2024-11-20T10:00:00", record_id=f"shared-{i}")
            for i in range(SHARED)
        ]
        barrier.wait()
        for a in mine[: PER_WORKER // 2]:
            store.record(a)
        for a in shared[worker::2]:
            store.record(a)
        store.record_many([*mine[PER_WORKER // 2 :], *shared])


def test_concurrent_writers_lose_and_duplicate_nothing(target: str) -> None:
    with open_store(target) as store:
        store.put_history(DOC, FULL)
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(WORKERS)
    processes = [context.Process(target=_worker, args=(target, w, barrier)) for w in range(WORKERS)]
    for p in processes:
        p.start()
    for p in processes:
        p.join(120)
    assert [p.exitcode for p in processes] == [0] * WORKERS
    with open_store(target) as store:
        expected = WORKERS * PER_WORKER + SHARED
        assert store.count(DOC) == expected
        rows = store._execute(
            "SELECT record_id, count(*) FROM consent_acceptances GROUP BY record_id"
        )
        assert len(rows) == expected
        assert all(n == 1 for _, n in rows)
        ids = {r[0] for r in rows}
        assert ids == {f"w{w}-{i}" for w in range(WORKERS) for i in range(PER_WORKER)} | {
            f"shared-{i}" for i in range(SHARED)
        }
        assert sum(c.subjects for c in store.cohorts(DOC)) == expected  # one subject each


# -- opening ------------------------------------------------------------------------------


def test_open_store_picks_the_backend(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'x.sqlite'}") as store:
        assert isinstance(store, SQLiteStore)
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store(f"host={tmp_path} dbname=nothing user=nobody connect_timeout=2")
