"""Who accepted which privacy policy, what changed since, and who must be asked again.

Patients accept the clinic's privacy policy when they book. The clinic then amends it twice:

1. 2024-10-01: the contact office in 第15条 moves (an address: the patients are told, not
   asked again);
2. 2025-04-01 (adopted 2025-02-01): 第3条 gains a new purpose of use (online consultations:
   everyone who accepted an earlier text must accept again).

The clinic's policy says so: changes in 第3条 (purposes) or 第6条 (third parties) need a new
acceptance, other substantive changes a notice. The store is a SQLite file; the same code runs
on PostgreSQL with ``open_store("postgresql://…")``.

Run from anywhere: ``python examples/clinic_consent.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pendulum

from legaldocs import (
    Acceptance,
    Amendment,
    ConsentStore,
    History,
    InsertElement,
    Item,
    Num,
    Policy,
    ReplacePhrase,
    Rule,
    content_hash,
    format_date,
    needs_reacceptance,
    open_store,
    parse_text,
    summary_since,
)

HERE = Path(__file__).resolve().parent
TOKYO = "Asia/Tokyo"

POLICY = Policy(
    rules=(
        Rule(action="reaccept", citation="第3条"),
        Rule(action="reaccept", caption="個人情報の第三者提供"),
    ),
    substantive="notice",
)

ADDRESS = Amendment(
    id="pp-2024-1",
    title="お問い合わせ窓口の移転",
    enacted=pendulum.date(2024, 9, 1),
    effective=pendulum.date(2024, 10, 1),
    changes=(ReplacePhrase(target="第15条第2項", old="〒150-0022", new="〒150-0013"),),
)

PURPOSE = Amendment(
    id="pp-2025-1",
    title="オンライン診療の利用目的の追加",
    enacted=pendulum.date(2025, 2, 1),
    effective=pendulum.date(2025, 4, 1),
    changes=(
        InsertElement(
            element=Item(
                key="i11",
                num=Num.of(11),
                text="オンライン診療の予約受付、問診票の事前確認及び診療後のご連絡のため",
            ),
            after="第3条第2項第10号",
        ),
    ),
)

# (subject, booked at, channel): opaque patient ids, never names
BOOKINGS = (
    ("pt-7f3a", pendulum.datetime(2023, 6, 12, 9, 41, tz=TOKYO), "web"),
    ("pt-91c2", pendulum.datetime(2024, 3, 2, 18, 5, tz=TOKYO), "app"),
    ("pt-0d5e", pendulum.datetime(2024, 11, 3, 11, 20, tz=TOKYO), "paper"),
    ("pt-c84b", pendulum.datetime(2025, 1, 15, 15, 0, tz=TOKYO), "web"),
    ("pt-e210", pendulum.datetime(2025, 4, 3, 10, 30, tz=TOKYO), "app"),
)


def accept(history: History, subject: str, when: pendulum.DateTime, channel: str) -> Acceptance:
    """The acceptance of the version in force when the patient booked."""
    return Acceptance.of(
        history.version_at(when),
        document_id="privacy-policy",
        pii_principal_id=subject,
        consent_timestamp=when,
        collection_method=channel,  # type: ignore[arg-type]
        record_id=f"rc-{subject}-{when.format('YYYYMMDD')}",
    )


def show_notices(store: ConsentStore, at: str) -> None:
    """The notices the clinic must send, as planned on ``at``."""
    print(f"\nNotices planned on {at}:")
    for plan in store.plan_notices("privacy-policy", at=at, policy=POLICY):
        print(
            f"  {plan.amendments[0]} ({plan.titles[0]}): in force "
            f"{format_date(plan.effective.date())}, notice by "
            f"{format_date(plan.notice_by.date())}; {plan.grade}, {plan.action}"
        )
        for cohort in plan.cohorts:
            print(f"    {cohort.subjects} accepted {cohort.version_id}: {cohort.action}")


def main() -> None:
    text = (HERE / "clinic" / "privacy-policy.txt").read_text(encoding="utf-8")
    start = History.start(parse_text(text), enacted=pendulum.date(2021, 2, 25))
    final = start.amend(ADDRESS).amend(PURPOSE)
    print("Versions of the privacy policy:")
    for version in final.versions:
        print(f"  {format_date(version.start.date())}  {content_hash(version)[:19]}…  {version.id}")

    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "consent.sqlite") as store:
        store.put_history("privacy-policy", start, notice_days=30)
        # The booking system records each acceptance (a retry records nothing twice).
        for subject, when, channel in BOOKINGS[:2]:
            store.record(accept(final, subject, when, channel))
        assert not store.record(accept(final, *BOOKINGS[0]))

        # 2024-09-01: the clinic adopts the new address, in force on 2024-10-01.
        store.append("privacy-policy", ADDRESS)
        show_notices(store, "2024-09-01")
        for subject, when, channel in BOOKINGS[2:4]:
            store.record(accept(final, subject, when, channel))

        # 2025-02-01: the clinic adopts the new purpose, in force on 2025-04-01.
        store.append("privacy-policy", PURPOSE)
        show_notices(store, "2025-02-01")
        store.record(accept(final, *BOOKINGS[4]))

        asked = store.must_reaccept("privacy-policy", amendment="pp-2025-1", policy=POLICY)
        print(f"\nAsked again once {asked.version.id} is in force:")
        for subject in asked.subjects:
            last = store.last_accepted("privacy-policy", subject)
            assert last is not None
            print(f"  {subject} (accepted {format_date(last.consent_timestamp.date())})")

        print("\nWhy, for each patient, on 2025-04-01:")
        for subject, *_ in BOOKINGS:
            last = store.last_accepted("privacy-policy", subject)
            assert last is not None
            decision = needs_reacceptance(last, final, "2025-04-01", POLICY)
            why = "; ".join(
                f"{c.citation} {c.grade} ({c.rule or 'by grade'})" for c in decision.deciding
            )
            told = "notice" if decision.notice else "nothing"
            print(f"  {subject}: {'re-accept: ' + why if decision else told}")

        patient = store.last_accepted("privacy-policy", "pt-7f3a")
        assert patient is not None
        print("\nWhat pt-7f3a sees on 2025-04-01:\n")
        print(summary_since(patient, final, "2025-04-01", policy=POLICY), end="")

        print("\npt-7f3a's records (right of access):")
        for record in store.export_subject("pt-7f3a"):
            print(
                f"  {record.record_id}  {record.consent_timestamp.isoformat()}  "
                f"{record.collection_method}  {record.version_id}"
            )


if __name__ == "__main__":
    main()
