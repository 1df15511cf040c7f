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


def privacy_policy_from_seed(text: str) -> Document:
    """The privacy policy of the captured pages, read by a minimal reader written for this
    test only (the real readers live in the format modules): ``  • 第N条(caption)`` starts
    an article, blank-line separated blocks indented four spaces are paragraphs, and
    ``    • text`` lines are items of the paragraph above."""
    import re

    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("  • 第1条"))
    end = next(i for i, line in enumerate(lines) if line.startswith("  • 附則"))
    articles: list[Article] = []
    head = re.compile(r"  • 第(\d+)条 ?(.*)$")
    current_blocks: list[list[str]] = []
    block: list[str] = []
    for line in [*lines[start:end], "  • 第0条"]:
        m = head.match(line)
        if m:
            if articles:
                blocks = current_blocks
                paragraphs = tuple(
                    Paragraph(
                        key=f"p{n}",
                        num=Num.of(n),
                        text="\n".join(t for t in block if not t.startswith("• ")),
                        children=tuple(
                            Item(key=f"i{j}", num=Num.of(j), text=t[2:])
                            for j, t in enumerate([t for t in block if t.startswith("• ")], 1)
                        ),
                    )
                    for n, block in enumerate(blocks, start=1)
                )
                articles[-1] = Article(
                    key=articles[-1].key,
                    num=articles[-1].num,
                    caption=articles[-1].caption,
                    paragraphs=paragraphs,
                )
            if m.group(1) != "0":
                n = int(m.group(1))
                articles.append(Article(key=f"a{n}", num=Num.of(n), caption=m.group(2) or None))
            current_blocks = []
            block = []
            continue
        if not line.strip():
            block = []
            continue
        if not block:
            current_blocks.append(block)
        block.append(line[4:])
    revision = lines[end + 1].strip()
    assert revision == "2021年2月25日 制定", revision
    return Document(
        title="プライバシーポリシー",
        body=tuple(articles),
        supplements=(Supplement(key="s1", revisions=(Revision(date=pendulum.date(2021, 2, 25)),)),),
        style=Style(numerals="arabic", items="bullets"),
    )
