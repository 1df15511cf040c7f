"""render_kaimebun: amendments written as amendment sentences (改め文)."""

from __future__ import annotations

import itertools

import attrs
import pendulum
import pytest
from hypothesis import given

from legaldocs import (
    Article,
    Document,
    LegaldocsError,
    Num,
    Paragraph,
    Style,
    apply,
    diff,
    render_diff,
)
from legaldocs.amend._changes import Amendment, Rekey, ReplacePhrase, SetCaption, SetDocumentField
from legaldocs.compare._kaimebun import render_kaimebun
from legaldocs.formats.lawtext import parse_lawtext
from legaldocs.formats.text import parse_text

from .conftest import CORPORA, ROOT
from .strategies import documents

N = Num.of
DAY = pendulum.Date(2024, 4, 1)
KANJI = Style(numerals="kanji")


def _art(num: Num, *texts: str, caption: str | None = None) -> Article:
    return Article(
        key="a" + "_".join(map(str, num.parts)),
        num=num,
        caption=caption,
        paragraphs=tuple(
            Paragraph(key=f"p{i}", num=N(i), text=t) for i, t in enumerate(texts, start=1)
        ),
    )


def _law(*arts: Article) -> Document:
    return Document(title="テスト法", body=arts, style=KANJI)


def _sentences(old: Document, new: Document) -> str:
    amendment = diff(old, new).to_amendment(id="x", enacted=DAY, effective=DAY)
    assert apply(old, amendment) == new
    text = render_kaimebun(amendment, document=old, supplements=False, typographic=False)
    assert render_diff(diff(old, new), "kaimebun") == text
    return text


def test_phrases_in_one_article_make_one_sentence() -> None:
    old = _law(_art(N(3), "甲は、主務省令で定めるところにより、丙に通知する。"))
    new = _law(_art(N(3), "乙は、主務省令で定めるところにより、丁に通知する。"))
    assert _sentences(old, new) == "第三条中「甲」を「乙」に、「丙」を「丁」に改める。\n"


def test_inserted_phrase_after_a_citation() -> None:
    old = _law(_art(N(42), "第四十条の規定を準用する。", "前項の場合は、この限りでない。"))
    new = _law(
        _art(N(42), "第四十条、第四十二条の二の規定を準用する。", "前項の場合は、この限りでない。")
    )
    assert _sentences(old, new) == (
        "第四十二条第一項中「第四十条」の下に「、第四十二条の二」を加える。\n"
    )


def test_phrases_in_two_paragraphs_of_one_article() -> None:
    old = _law(_art(N(5), "当該許認可等の性質による。", "当該申請の提出先とする。"))
    new = _law(_art(N(5), "許認可等の性質による。", "申請の提出先とする。"))
    assert _sentences(old, new) == "第五条第一項及び第二項中「当該」を削る。\n"


def test_deleted_phrase() -> None:
    old = _law(_art(N(5), "甲、乙、丙に通知する。"))
    new = _law(_art(N(5), "甲、乙に通知する。"))
    assert _sentences(old, new) == "第五条中「、丙」を削る。\n"


def test_replaced_article() -> None:
    old = _law(_art(N(61), "この法律は、公布の日から施行する。", caption="（施行）"))
    new = _law(
        _art(
            N(61), "主務大臣は、毎年度、報告書を作成し公表しなければならない。", caption="（報告）"
        )
    )
    assert _sentences(old, new) == (
        "第六十一条を次のように改める。\n"
        "  （報告）\n"
        "第六十一条　主務大臣は、毎年度、報告書を作成し公表しなければならない。\n"
    )


def test_inserted_article() -> None:
    old = _law(_art(N(17), "第十七条の本文。"), _art(N(18), "第十八条の本文。"))
    new = _law(
        _art(N(17), "第十七条の本文。"),
        _art(N(17, 2), "新たに加える条の本文。", caption="（特例）"),
        _art(N(18), "第十八条の本文。"),
    )
    assert _sentences(old, new) == (
        "第十七条の次に次の一条を加える。\n  （特例）\n第十七条の二　新たに加える条の本文。\n"
    )


def test_two_inserted_articles_make_one_sentence() -> None:
    old = _law(_art(N(3), "三の本文。"), _art(N(4), "四の本文。"))
    new = _law(
        _art(N(3), "三の本文。"),
        _art(N(3, 2), "三の二の本文。"),
        _art(N(3, 3), "三の三の本文。"),
        _art(N(4), "四の本文。"),
    )
    assert _sentences(old, new) == (
        "第三条の次に次の二条を加える。\n第三条の二　三の二の本文。\n第三条の三　三の三の本文。\n"
    )


def test_deleted_and_renumbered_articles() -> None:
    arts = [_art(N(n), f"第{n}条の本文、その{n}。") for n in (8, 9, 10, 11)]
    old = _law(*arts)
    new = _law(
        arts[0],
        attrs.evolve(arts[2], num=N(9), key="a9"),
        attrs.evolve(arts[3], num=N(10), key="a10"),
    )
    assert _sentences(old, new) == "第九条を削り、第十条を第九条とし、第十一条を第十条とする。\n"


def test_shifted_paragraphs() -> None:
    texts = [f"第{n}項の本文である。内容{n}。" for n in range(1, 8)]
    old = _law(_art(N(38), *texts))
    new_texts = [*texts[:3], "新しい第四項。", "新しい第五項。", *texts[3:]]
    new = _law(_art(N(38), *new_texts))
    assert _sentences(old, new) == (
        "第三十八条中第四項から第七項までを二項ずつ繰り下げ、第三項の次に次の二項を加える。\n"
        "４　新しい第四項。\n"
        "５　新しい第五項。\n"
    )


def test_caption() -> None:
    old = _law(_art(N(2), "本文。", caption="（定義）"))
    new = _law(_art(N(2), "本文。", caption="（用語の定義）"))
    assert _sentences(old, new) == "第二条の見出しを「（用語の定義）」に改める。\n"


def test_citations_without_a_document() -> None:
    amendment = Amendment(
        id="x",
        title="",
        enacted=DAY,
        effective=DAY,
        changes=(
            ReplacePhrase(target="第3条", old="甲", new="乙"),
            ReplacePhrase(target="第3条", old="丙", new="丁"),
            SetCaption(target="第4条", caption="(目的)"),
        ),
    )
    kanji = render_kaimebun(amendment)
    assert kanji.split("\n") == [
        "第三条中「甲」を「乙」に、「丙」を「丁」に改める。",
        "第四条の見出しを「(目的)」に改める。",
        "",
    ]
    arabic = render_kaimebun(amendment, numerals="arabic")
    assert arabic.startswith("第3条中「甲」を「乙」に、「丙」を「丁」に改める。\n")
    keyed = attrs.evolve(amendment, changes=(ReplacePhrase(target="a3/p1", old="甲", new="乙"),))
    with pytest.raises(LegaldocsError, match="key path"):
        render_kaimebun(keyed)
    with pytest.raises(LegaldocsError, match="not an Amendment"):
        render_kaimebun("第三条")  # type: ignore[arg-type]


# -- the clinic's privacy policy (Arabic numbers, plain-text style) -------------------------


def test_clinic_privacy_policy() -> None:
    old = parse_text((ROOT / "examples" / "clinic" / "privacy-policy.txt").read_text("utf-8"))
    arts = list(old.body)
    a15 = arts[14]
    p1 = a15.paragraphs[0]
    assert isinstance(a15, Article)
    a15 = attrs.evolve(
        a15,
        paragraphs=(
            attrs.evolve(p1, text=p1.text.replace("お問い合わせご相談", "お問い合わせ、ご相談")),
            *a15.paragraphs[1:],
        ),
    )
    added = Article(
        key="a3_2",
        num=N(3, 2),
        caption="(仮名加工情報)",
        paragraphs=(
            Paragraph(
                key="p1", num=N(1), text="当グループ等は、仮名加工情報を作成することがあります。"
            ),
        ),
    )
    body = [
        *arts[:3],
        added,
        *arts[3:12],
        attrs.evolve(arts[13], num=N(13), key="a13"),
        attrs.evolve(a15, num=N(14), key="a14"),
    ]
    new = attrs.evolve(old, body=tuple(body))
    assert _sentences(old, new) == (
        # front to back: the new article first, then 第13条 and 第15条
        "第3条の次に次の一条を加える。\n"
        "  • 第3条の2(仮名加工情報)\n"
        "\n"
        "    当グループ等は、仮名加工情報を作成することがあります。\n"
        "第13条を削り、第14条を第13条とする。\n"
        "第15条第1項中「合わせご」を「合わせ、ご」に改め、同条を第14条とする。\n"
    )


@given(documents(multiline=False), documents(multiline=False))
def test_any_two_documents_can_be_written(old: Document, new: Document) -> None:
    text = render_diff(diff(old, new), "kaimebun")
    changes = diff(old, new).to_amendment(id="x", enacted=DAY, effective=DAY).changes
    silent = all(
        isinstance(c, Rekey) or (isinstance(c, SetDocumentField) and c.field in ("style", "lang"))
        for c in changes
    )
    assert (text == "") == silent
    assert "Article(" not in text


def test_every_version_of_gyosei_tetsuzuki_ho_can_be_written() -> None:
    files = sorted((CORPORA / "gyosei-tetsuzuki-ho").glob("*.law.txt"))
    docs = [parse_lawtext(f.read_text("utf-8")) for f in files]
    for old, new in itertools.pairwise(docs):
        text = render_diff(diff(old, new), "kaimebun")
        assert text.endswith("\n")
        assert "(key=" not in text
