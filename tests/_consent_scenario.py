"""The clinic's two amendments of its privacy policy that the consent and command-line tests
share: an address (notice only) and a new purpose of use in 第3条 (re-acceptance)."""

from __future__ import annotations

import pendulum

from legaldocs import Amendment, InsertElement, Item, Num, ReplacePhrase

ADDRESS = Amendment(
    id="pp-2024-1",
    title="お問い合わせ窓口の移転",
    enacted=pendulum.date(2024, 9, 1),
    effective=pendulum.date(2024, 10, 1),
    changes=(ReplacePhrase(target="第15条第2項", old="〒150-0022", new="〒150-0013"),),
)
PURPOSE = Amendment(
    id="pp-2025-1",
    title="利用目的の追加",
    enacted=pendulum.date(2025, 2, 1),
    effective=pendulum.date(2025, 4, 1),
    changes=(
        InsertElement(
            element=Item(key="i11", num=Num.of(11), text="オンライン診療の予約受付のため"),
            after="第3条第2項第10号",
        ),
    ),
)

AMENDMENT_TOML = """\
schema = 1
type = "Amendment"
id = "pp-2024-1"
title = "お問い合わせ窓口の移転"
enacted = "2024-09-01"
effective = "2024-10-01"

[[changes]]
type = "ReplacePhrase"
target = "第15条第2項"
old = "〒150-0022"
new = "〒150-0013"
"""
"""``ADDRESS`` as a user writes it in an amendment file for ``legaldocs amend``."""
