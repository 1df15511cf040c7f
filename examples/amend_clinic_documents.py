"""Amend the clinic's pages the way a clinic would, and ask what was in force when.

The privacy policy (adopted 2021-02-25) is amended three times:

1. 2023-04-01: 第2条 collects one more item (マイナンバーカード), and 第3条の2 is inserted;
2. 2024-10-01: the contact office in 第15条 moves to a new address;
3. 2027-04-01 (enacted 2026-11-01, not yet in force on 2026-12-01): a scheduled change to
   第14条.

The terms of use lose 第8条 on 2024-04-01 and the articles after it move up (第9条 becomes
第8条, …), and the renumbered article is still one element in its timeline.

Run from anywhere: ``python examples/amend_clinic_documents.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pendulum

from legaldocs import (
    Amendment,
    Article,
    DeleteElement,
    History,
    InsertElement,
    Item,
    Num,
    Paragraph,
    ReplacePhrase,
    Shift,
    format_date,
    parse_text,
    render_text,
)

HERE = Path(__file__).resolve().parent


def load(name: str) -> History:
    """Start a history from one of the clinic's plain-text pages."""
    doc = parse_text((HERE / "clinic" / name).read_text(encoding="utf-8"), source=name)
    adopted = doc.supplements[0].revisions[0].date
    return History.start(doc, enacted=adopted, effective=adopted)


def privacy_policy() -> History:
    """The privacy policy with its three amendments."""
    history = load("privacy-policy.txt")
    history = history.amend(
        Amendment(
            id="pp-2023-1",
            title="マイナンバーカードの取扱いの追加",
            enacted=pendulum.date(2023, 3, 1),
            effective=pendulum.date(2023, 4, 1),
            changes=(
                InsertElement(
                    element=Item(
                        key="new", num=Num.of(11), text="マイナンバーカード(本人確認に限ります。)"
                    ),
                    after="第2条第1項第10号",
                ),
                InsertElement(
                    element=Article(
                        key="new",
                        num=Num.of(3, 2),
                        caption="(個人番号の取扱い)",
                        paragraphs=(
                            Paragraph(
                                key="p1",
                                num=Num.of(1),
                                text="当グループ等は、個人番号を法令で定められた目的以外に利用しません。",
                            ),
                        ),
                    ),
                    after="第3条",
                ),
            ),
        )
    )
    history = history.amend(
        Amendment(
            id="pp-2024-1",
            title="お問い合わせ窓口の移転",
            enacted=pendulum.date(2024, 9, 1),
            effective=pendulum.date(2024, 10, 1),
            changes=(
                ReplacePhrase(
                    target="第15条第2項",
                    old="東京都渋谷区恵比寿南三丁目1-1 いちご恵比寿グリーングラス 7F",
                    new="東京都渋谷区恵比寿一丁目2-3 恵比寿ビル 5F",
                ),
                ReplacePhrase(target="第15条第2項", old="〒150-0022", new="〒150-0013"),
            ),
        )
    )
    return history.amend(
        Amendment(
            id="pp-2027-1",
            title="ポリシー変更時の通知方法の明確化",
            enacted=pendulum.date(2026, 11, 1),
            effective=pendulum.date(2027, 4, 1),
            changes=(
                ReplacePhrase(
                    target="第14条第1項",
                    old="お客様に通知することなく",
                    new="本サイト上で事前に告知した上で",
                ),
            ),
        )
    )


def terms_of_use() -> History:
    """The terms of use lose 第8条; 第9条 to 第13条 move up by one."""
    history = load("terms-of-use.txt")
    return history.amend(
        Amendment(
            id="tou-2024-1",
            title="本サービスの変更又は廃止に関する条項の削除",
            enacted=pendulum.date(2024, 3, 1),
            effective=pendulum.date(2024, 4, 1),
            changes=(
                DeleteElement(target="第8条"),
                Shift(first="第9条", last="第13条", by=-1),
            ),
        )
    )


def revision_lines(history: History, when: str) -> str:
    """The 附則 lines of the version in force on ``when``, as the page shows them."""
    doc = history.as_of(when)
    return " / ".join(
        f"{format_date(r.date)} {r.event}" for s in doc.supplements for r in s.revisions
    )


def main() -> None:
    """Print what was in force on several dates."""
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    policy = privacy_policy()
    print("== privacy policy: versions")
    titles = {a.id: a.title for a in policy.amendments}
    for version in policy.versions:
        names = ", ".join(titles[i] for i in version.amendments) or "制定"
        end = format_date(version.end) if version.end is not None else "…"
        print(f"{format_date(version.start)} – {end}: {names}")

    for when in ("2022-01-01", "2023-04-01", "2024-10-01"):
        print(f"\n== privacy policy in force on {when}: {revision_lines(policy, when)}")
        doc = policy.as_of(when)
        print("第2条 items:", len(doc.get("第2条第1項").children))  # type: ignore[union-attr]
        print(
            "第3条の2:",
            "present" if any(a.num == Num.of(3, 2) for a in doc.articles()) else "absent",
        )
        print("第15条第2項:", doc.get("第15条第2項").text.splitlines()[1])  # type: ignore[union-attr]

    print("\n== pending on 2026-12-01")
    for amendment in policy.pending("2026-12-01"):
        print(f"{amendment.id}: {amendment.title} (in force {format_date(amendment.effective)})")

    print("\n== 第14条第1項 on 2027-04-01")
    print(policy.as_of("2027-04-01").get("第14条第1項").text)  # type: ignore[union-attr]

    terms = terms_of_use()
    print("\n== terms of use: timeline of the article first numbered 第9条")
    for state in terms.timeline("a9"):
        end = format_date(state.end) if state.end is not None else "…"
        print(f"{format_date(state.start)} – {end}: {state.citation}")

    print("\n== terms of use in force on 2024-04-01, from 第7条 on, rendered")
    text = render_text(terms.as_of("2024-04-01"))
    print(text[text.index("  • 第7条") :], end="")


if __name__ == "__main__":
    main()
