"""A clinic-like privacy policy built by hand (Arabic numerals, bulleted items)."""

from __future__ import annotations

import pendulum

from legaldocs import Article, Document, Item, Num, Paragraph, Revision, Style, Supplement

CONTACT = "株式会社klinik「個人情報お問い合わせ窓口」"


def article(n: int, caption: str | None, *texts: str, items: tuple[str, ...] = ()) -> Article:
    """第n条 with one paragraph per text; ``items`` go under the first paragraph."""
    paragraphs = tuple(
        Paragraph(
            key=f"p{i}",
            num=Num.of(i),
            text=text,
            children=tuple(Item(key=f"i{j}", num=Num.of(j), text=t) for j, t in enumerate(items, 1))
            if i == 1
            else (),
        )
        for i, text in enumerate(texts, start=1)
    )
    return Article(key=f"a{n}", num=Num.of(n), caption=caption, paragraphs=paragraphs)


def clinic() -> Document:
    """第1条–第15条 and a 附則 with 2021年2月25日 制定."""
    body = [
        article(1, "(個人情報)", "「個人情報」とは、生存する個人に関する情報を指しております。"),
        article(
            2,
            "(個人情報の収集方法)",
            "当グループ等は、お客様が本サイトを利用する際に以下の個人情報の登録を求めます。",
            items=("氏名", "生年月日", "住所", "電話番号"),
        ),
    ]
    for n in range(3, 15):
        body.append(article(n, f"(規定{n})", f"第{n}条の本文です。", "２項の本文です。"))
    body.append(
        article(
            15,
            "(お問い合わせ先)",
            "お問い合わせは、以下の窓口にご連絡ください。",
            f"{CONTACT}\n受付時間 10:00〜18:00",
        )
    )
    return Document(
        title="プライバシーポリシー",
        alt_title="PRIVACY POLICY",
        preamble=(Paragraph(key="pre1", num=Num.of(1), text="当グループは、…", anonymous=True),),
        body=tuple(body),
        supplements=(Supplement(key="s1", revisions=(Revision(date=pendulum.date(2021, 2, 25)),)),),
        style=Style(numerals="arabic", items="bullets"),
    )
