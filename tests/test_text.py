"""The plain-text format: the clinic's seed pages, the round-trip law, tables, errors."""

from __future__ import annotations

import difflib
import itertools
import re

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from legaldocs import (
    Article,
    Cell,
    Division,
    Document,
    FormatError,
    Item,
    Num,
    Paragraph,
    ParseError,
    Revision,
    Row,
    Style,
    Supplement,
    Table,
    Toc,
    TocEntry,
    parse_text,
    render_text,
)
from tests.conftest import ROOT, SEEDS
from tests.strategies import documents, items, multiline_texts, paragraphs, tables, texts

HEADINGS = ("PRIVACY POLICY", "TERMS OF USE", "THE SPECIFIED COMMERCIAL TRANSACTION ACT")


def seed_parts() -> dict[str, str]:
    """Each seed page from its English heading line to the line before the next one."""
    lines = (SEEDS / "clinic-legal-pages.txt").read_text(encoding="utf-8").split("\n")
    starts = [i for i, line in enumerate(lines) if line.strip().removeprefix("• ") in HEADINGS]
    assert len(starts) == 3
    bounds = [*starts, len(lines)]
    return {
        lines[a].strip().removeprefix("• "): "\n".join(lines[a:b]) + "\n"
        for a, b in itertools.pairwise(bounds)
    }


@pytest.fixture(scope="module")
def privacy() -> Document:
    return parse_text(seed_parts()["PRIVACY POLICY"], source="privacy")


@pytest.fixture(scope="module")
def terms() -> Document:
    return parse_text(seed_parts()["TERMS OF USE"], source="terms")


def articles_of(doc: Document) -> list[Article]:
    return list(doc.articles())


def test_privacy_structure(privacy: Document) -> None:
    assert privacy.title == "プライバシーポリシー"
    assert privacy.alt_title == "PRIVACY POLICY"
    assert privacy.style == Style(numerals="arabic", items="bullets")
    assert len(privacy.preamble) == 1
    assert privacy.preamble[0].text.startswith("ミニマムスキンクリニックグループ及び株式会社klinik")
    arts = articles_of(privacy)
    assert [a.num for a in arts] == [Num.of(n) for n in range(1, 16)]
    assert [a.key for a in arts] == [f"a{n}" for n in range(1, 16)]
    assert arts[0].caption == "(個人情報)"
    assert arts[10].caption == " (正確性の確保)"  # written with a space: kept
    assert arts[14].caption == "(お問い合わせ先)"
    assert privacy.supplements == (
        Supplement(key="s1", revisions=(Revision(date=pendulum.Date(2021, 2, 25), event="制定"),)),
    )


def test_privacy_article_2_has_ten_items(privacy: Document) -> None:
    a2 = privacy.get("第2条")
    assert isinstance(a2, Article)
    assert not a2.bulleted
    assert len(a2.paragraphs) == 1
    p1 = a2.paragraphs[0]
    assert p1.text.endswith("これを収集することがあります。")
    assert [c.key for c in p1.children] == [f"i{n}" for n in range(1, 11)]
    assert isinstance(p1.children[0], Item)
    assert p1.children[0].text == "氏名"


def test_privacy_article_3_bulleted(privacy: Document) -> None:
    a3 = privacy.get("a3")
    assert isinstance(a3, Article)
    assert a3.bulleted
    assert [p.key for p in a3.paragraphs] == ["p1", "p2", "p3"]
    assert a3.paragraphs[0].children == ()
    assert len(a3.paragraphs[1].children) == 10
    assert privacy.get("第3条第2項第10号").text == "上記の利用目的に付随する目的"  # type: ignore[union-attr]


def test_privacy_article_6_three_levels(privacy: Document) -> None:
    deep = privacy.get("a6/p1/i4/i5")
    assert isinstance(deep, Item)
    assert deep.text == "本人の求めを受け付ける方法"
    p2 = privacy.get("a6/p2")
    assert isinstance(p2, Paragraph)
    assert len(p2.children) == 3


def test_privacy_multiline_blocks(privacy: Document) -> None:
    p5 = privacy.get("a7/p5")
    assert isinstance(p5, Paragraph)
    assert p5.text.endswith("防ぐこともできます。\nhttp://tools.google.com/dlpage/gaoptout")
    a15 = privacy.get("a15")
    assert isinstance(a15, Article)
    assert len(a15.paragraphs) == 2
    assert a15.paragraphs[1].text == (
        "株式会社klinik「個人情報お問い合わせ窓口」\n"
        "〒150-0022\n"
        "東京都渋谷区恵比寿南三丁目1-1 いちご恵比寿グリーングラス 7F\n"
        "TEL:070-8425-4865(対応時間:平日10:00 ~ 19:00)\n"
        "E-MAIL:infoklinik.co.jp"
    )


def test_terms_structure(terms: Document) -> None:
    assert terms.title == "利用規約"
    assert terms.alt_title == "TERMS OF USE"
    arts = articles_of(terms)
    assert len(arts) == 13
    a1 = terms.get("a1")
    assert isinstance(a1, Article)
    assert not a1.bulleted
    assert len(a1.paragraphs) == 2
    a6 = terms.get("a6")
    assert isinstance(a6, Article)
    assert a6.bulleted
    assert len(a6.paragraphs) == 3
    assert terms.supplements[0].revisions == (Revision(date=pendulum.Date(2022, 7, 15)),)


@pytest.mark.parametrize("heading", HEADINGS[:2])
def test_seed_renders_back(heading: str) -> None:
    """The only difference: the privacy page's first line starts at column 0 on the page;
    the renderer writes every English title at column 2."""
    part = seed_parts()[heading]
    rendered = render_text(parse_text(part))
    expected = part.replace("• PRIVACY POLICY\n", "  • PRIVACY POLICY\n", 1)
    diff = "".join(difflib.unified_diff(expected.splitlines(True), rendered.splitlines(True)))
    assert rendered == expected, diff


def sentences(text: str) -> set[str]:
    pieces = re.split(r"。|\n", text)
    return {p.strip(" •") for p in pieces if p.strip(" •")}


@pytest.mark.parametrize("heading", HEADINGS[:2])
def test_every_sentence_survives(heading: str) -> None:
    part = seed_parts()[heading]
    doc = parse_text(part)
    stored = "\n".join(
        [doc.title, doc.alt_title or ""]
        + [getattr(e, "text", "") for _, e in doc.walk()]
        + [p.text for p in doc.preamble]
        + [f"第{a.num}条{a.caption or ''}" for a in doc.articles()]
    )
    missing = {
        s for s in sentences(part) if s not in stored and s not in ("附則", "2021年2月25日 制定")
    }
    missing -= {"2022年7月15日 制定"}
    assert not missing
    rendered = render_text(doc)
    assert sentences(part) - sentences(rendered) == set()


@given(documents(bulleted=True, with_table=True))
def test_round_trip(doc: Document) -> None:
    assert parse_text(render_text(doc)) == doc


KEYS = ["x", "p1", "i2", "a1", "", " k ", ":key: z", "s1", "t1", "r1", "ch1.sec1", "\\"]


def rekey(data: st.DataObject, doc: Document) -> Document:
    """``doc`` with some keys replaced by arbitrary ones (as after renumbering)."""

    def k(key: str) -> str:
        return data.draw(st.sampled_from([key, key, *KEYS]))

    def child(c: Item | Table) -> Item | Table:
        if isinstance(c, Table):
            rows = tuple(attrs.evolve(r, key=k(r.key)) for r in c.rows)
            return attrs.evolve(c, key=k(c.key), rows=rows)
        return attrs.evolve(c, key=k(c.key), children=tuple(child(x) for x in c.children))

    def para(p: Paragraph) -> Paragraph:
        return attrs.evolve(p, key=k(p.key), children=tuple(child(x) for x in p.children))

    def element(
        e: Division | Article | Paragraph | Table,
    ) -> Division | Article | Paragraph | Table:
        if isinstance(e, Division):
            kids = tuple(element(x) for x in e.children)
            return attrs.evolve(e, key=k(e.key), children=kids)
        if isinstance(e, Article):
            return attrs.evolve(e, key=k(e.key), paragraphs=tuple(para(p) for p in e.paragraphs))
        if isinstance(e, Paragraph):
            return para(e)
        return child(e)

    return attrs.evolve(
        doc,
        preamble=tuple(para(p) for p in doc.preamble),
        body=tuple(element(e) for e in doc.body),
        supplements=tuple(
            attrs.evolve(s, key=k(s.key), body=tuple(element(e) for e in s.body))
            for s in doc.supplements
        ),
    )


@given(st.data(), documents(bulleted=True, with_table=True))
def test_round_trip_any_keys(data: st.DataObject, doc: Document) -> None:
    """Keys that differ from the derived ones are written on ``:key:`` lines."""
    doc = rekey(data, doc)
    assert parse_text(render_text(doc)) == doc


def test_key_lines() -> None:
    doc = Document(
        title="T",
        body=(
            Article(
                key="a6",
                num=Num.of(5),
                paragraphs=(
                    Paragraph(key="p1", num=Num.of(1), text="甲"),
                    Paragraph(key="p3", num=Num.of(2), text="乙\n丙"),
                ),
            ),
        ),
        style=Style(numerals="arabic", items="bullets"),
    )
    text = render_text(doc)
    assert text == "    T\n\n  :key: a6\n  • 第5条\n\n    甲\n\n    :key: p3\n    乙\n    丙\n"
    assert parse_text(text) == doc
    with pytest.raises(ParseError, match="right before the element") as info:
        parse_text("    T\n\n  • 第1条\n\n    甲\n    :key: p2\n\n    乙\n")
    assert info.value.line == 6


@given(
    st.builds(
        lambda ps: Document(
            title="T",
            body=(
                Article(key="a1", num=Num.of(1), paragraphs=ps),
                Article(key="a2", num=Num.of(2), paragraphs=ps, bulleted=True),
            ),
        ),
        paragraphs(max_size=4),
    )
)
def test_round_trip_paragraph_forms(doc: Document) -> None:
    assert parse_text(render_text(doc)) == doc


odd_texts = st.lists(
    st.text(st.sampled_from(list(" 　\t\\•*-[]第1条章附則一二イ（）()x")), max_size=8),
    min_size=1,
    max_size=3,
).map("\n".join)


@given(odd_texts, odd_texts, odd_texts)
def test_round_trip_hostile_text(para: str, item: str, cell: str) -> None:
    """Text made of the characters the syntax uses (spaces, backslashes, bullets, headings,
    labels, empty lines) is escaped and reads back unchanged."""
    doc = Document(
        title=para,
        toc=Toc(
            entries=(
                TocEntry(
                    text=cell.split("\n")[0],
                    children=(TocEntry(text=item.split("\n")[-1]),),
                ),
            )
        ),
        preamble=(Paragraph(key="pre1", num=Num.of(1), text=item, anonymous=True),),
        body=(
            Article(
                key="a1",
                num=Num.of(1),
                paragraphs=(
                    Paragraph(
                        key="p1",
                        num=Num.of(1),
                        text=para,
                        children=(
                            Item(key="i1", num=Num.of(1), text=item),
                            Table(key="t1", rows=(Row(key="r1", cells=(Cell(text=cell),)),)),
                        ),
                    ),
                    Paragraph(key="p2", num=Num.of(2), text=item),
                ),
            ),
            Table.from_pairs("t1", [(cell, para)]),
        ),
        style=Style(numerals="arabic", items="bullets"),
    )
    assert parse_text(render_text(doc)) == doc


@given(items(max_depth=4), st.sampled_from(["kanji", "arabic"]))
def test_round_trip_numbered_items(children: tuple[Item, ...], numerals: str) -> None:
    doc = Document(
        title="法",
        body=(
            Article(
                key="a1",
                num=Num.of(1),
                paragraphs=(
                    Paragraph(key="p1", num=Num.of(1), text="次の各号", children=children),
                ),
            ),
        ),
        style=Style(numerals=numerals, items="numbered"),  # type: ignore[arg-type]
    )
    text = render_text(doc)
    assert parse_text(text) == doc


def test_kanji_statute_shapes() -> None:
    doc = Document(
        title="電気事業法",
        law_num="昭和三十九年法律第百七十号",
        body=(
            Division(
                key="ch1",
                kind="章",
                num=Num.of(1),
                title="総則",
                children=(
                    Division(
                        key="ch1.sec1",
                        kind="節",
                        num=Num.of(1),
                        title="",
                        children=(
                            Article(
                                key="a1",
                                num=Num.of(1),
                                caption="（目的）",
                                paragraphs=(Paragraph(key="p1", num=Num.of(1), text="この法律は"),),
                            ),
                        ),
                    ),
                ),
            ),
            Division(
                key="ch1_2",
                kind="章",
                num=Num.of(1, 2),
                title="雑則",
                children=(
                    Article(key="a3_2", num=Num.of(3, 2), deleted=True),
                    Article(key="a4", num=Num.of(4), deleted=True, until=Num.of(9)),
                ),
            ),
        ),
        supplements=(
            Supplement(
                key="s1",
                title="附　則",
                law_ref="平成一七年六月二九日法律第七三号",
                excerpt=True,
                body=(Paragraph(key="p1", num=Num.of(1), text="この法律は、", anonymous=True),),
            ),
            Supplement(key="s2", revisions=(Revision(date=pendulum.Date(2021, 2, 25), era=True),)),
        ),
        style=Style(numerals="kanji", items="numbered"),
        lang="ja",
    )
    text = render_text(doc)
    assert "  • 第一章　総則\n    • 第一節\n      • 第一条（目的）\n" in text
    assert (
        "  • 第一章の二　雑則\n    • 第三条の二　削除\n    • 第四条から第九条まで　削除\n" in text
    )
    assert "  • 附　則（平成一七年六月二九日法律第七三号）　抄\n    • この法律は、\n" in text
    assert "  • 附則\n    令和3年2月25日 制定\n" in text
    assert parse_text(text) == doc


TOKUSHOHO = """\
  • THE SPECIFIED COMMERCIAL TRANSACTION ACT

    特定商取引法に基づく表記

  * - 販売業者
    - 株式会社klinik
  * - 所在地
    - 〒150-0022
      東京都渋谷区恵比寿南三丁目1-1 いちご恵比寿グリーングラス 7F
  * - 電話番号
    - [Note="x"]070-8425-4865
"""


def test_table_page() -> None:
    doc = parse_text(TOKUSHOHO)
    assert doc.title == "特定商取引法に基づく表記"
    assert len(doc.body) == 1
    table = doc.body[0]
    assert isinstance(table, Table)
    assert table.value_of("所在地") == (
        "〒150-0022\n東京都渋谷区恵比寿南三丁目1-1 いちご恵比寿グリーングラス 7F"
    )
    assert table.rows[2].cells[1].attrs == (("Note", "x"),)
    assert render_text(doc) == TOKUSHOHO


@given(tables(), texts, multiline_texts)
def test_table_round_trip(table: Table, title: str, preamble: str) -> None:
    doc = Document(
        title=title,
        preamble=(Paragraph(key="pre1", num=Num.of(1), text=preamble, anonymous=True),),
        body=(table,),
        style=Style(numerals="arabic", items="bullets"),
    )
    assert parse_text(render_text(doc)) == doc


def test_body_paragraphs_after_preamble_marker() -> None:
    doc = Document(
        title="T",
        preamble=(Paragraph(key="pre1", num=Num.of(1), text="前文", anonymous=True),),
        body=(Paragraph(key="p1", num=Num.of(1), text="本文", anonymous=True),),
        style=Style(numerals="arabic", items="bullets"),
    )
    text = render_text(doc)
    assert "\n  ---\n" in text
    assert parse_text(text) == doc


# ---------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "line", "column", "reason"),
    [
        ("    T\n\n   • 第1条\n", 3, 4, "bad indentation"),
        ("    T\n\n    • 氏名\n", 3, 5, "belongs to no article"),
        ("    T\n\n  • 第X条(目的)\n\n    本文\n", 3, 5, "unreadable article heading"),
        ("    T\n\n  • 第1条\n\n    本文\n  • 附則\n    2021年2月30日 制定\n", 7, 5, "no such day"),
        ("    T\n\n  • 附則\n    令和0年1月1日 制定\n", 4, 5, "no year 0"),
        ("    T\n\n  • 附則\n    2021年2月25日制定\n", 4, 5, "unreadable revision line"),
        ("    T\n\n  • 附則です\n", 3, 5, "unreadable supplementary"),
        ("    T\n\n  • 第1条\n\n    本文\n        深すぎる\n", 6, 9, "unexpected indentation"),
        ("    T\n\n  •第1条\n", 3, 3, "followed by one space"),
        ("    T\n\n  本文\n", 3, 3, "expected a bullet"),
        ("\n\n", 3, 1, "expected the title"),  # at the end: the line after the last
        ("  • ALT\n\n    T\n\n  • 附則\n  • 第1条\n", 6, 3, "only supplementary"),
        (":colour: red\n    T\n", 1, 1, "unknown directive"),
        ("    T\n\n  • 第1章総則\n", 3, 5, "unreadable division heading"),
        ("    T\n\n  • 第1条\n\n    • 段落\n    本文\n", 6, 5, "plain line in an article"),
        ("    T\n\n\t• 第1条\n", 3, 1, "tab"),
    ],
)
def test_parse_errors(text: str, line: int | None, column: int | None, reason: str) -> None:
    with pytest.raises(ParseError, match=reason) as info:
        parse_text(text, source="t.txt")
    assert info.value.line == line
    assert info.value.column == column
    if line is not None:
        assert f"t.txt, line {line}" in str(info.value)


@pytest.mark.parametrize(
    ("doc", "reason"),
    [
        (Document(title="T", body=(Article(key="a\nb", num=Num.of(1)),)), "key has a line"),
        (
            Document(title="T", body=(Article(key="a1", num=Num.of(1), caption="(a\nb)"),)),
            "line break",
        ),
        (
            Document(
                title="T",
                body=(
                    Article(
                        key="a1",
                        num=Num.of(1),
                        paragraphs=(Paragraph(key="p1", num=Num.of(2), text="x"),),
                    ),
                ),
            ),
            "must have number 1",
        ),
        (Document(title="T", body=(Table(key="t1", rows=()),)), "without rows"),
    ],
)
def test_render_errors(doc: Document, reason: str) -> None:
    with pytest.raises(FormatError, match=reason):
        render_text(doc)


# ---------------------------------------------------------------------------- examples

CLINIC = ROOT / "examples" / "clinic"
REQUIRED_ROWS = (
    "販売業者",
    "運営統括責任者",
    "所在地",
    "電話番号",
    "メールアドレス",
    "販売価格",
    "商品代金以外の必要料金",
    "支払方法",
    "支払時期",
    "役務の提供時期",
    "返品・キャンセル",
)


@pytest.mark.parametrize("name", ["privacy-policy.txt", "terms-of-use.txt", "tokushoho.txt"])
def test_example_sources_are_canonical(name: str) -> None:
    text = (CLINIC / name).read_text(encoding="utf-8")
    assert render_text(parse_text(text, source=name)) == text


def test_example_sources_match_the_seed() -> None:
    parts = seed_parts()
    for name, heading in (("privacy-policy.txt", HEADINGS[0]), ("terms-of-use.txt", HEADINGS[1])):
        text = (CLINIC / name).read_text(encoding="utf-8")
        assert parse_text(text) == parse_text(parts[heading])


def test_tokushoho_example() -> None:
    doc = parse_text((CLINIC / "tokushoho.txt").read_text(encoding="utf-8"))
    assert doc.title == "特定商取引法に基づく表記"
    assert doc.title in seed_parts()[HEADINGS[2]]
    (table,) = doc.body
    assert isinstance(table, Table)
    assert tuple(label for label, _ in table.pairs()) == REQUIRED_ROWS
    assert table.value_of("販売業者") == "株式会社klinik"
    assert table.value_of("電話番号").startswith("070-8425-4865")
    assert table.value_of("メールアドレス") == "infoklinik.co.jp"  # as the seed writes it
    assert "東京都渋谷区恵比寿南三丁目1-1 いちご恵比寿グリーングラス 7F" in table.value_of("所在地")
    seed = (SEEDS / "clinic-legal-pages.txt").read_text(encoding="utf-8")
    for label, value in table.pairs():
        for line in value.split("\n"):
            assert line.startswith("（サンプル）") or line in seed, (label, line)


def test_crlf_is_refused() -> None:
    with pytest.raises(ParseError, match="CRLF") as info:
        parse_text("    T\n\n  • 第1条\r\n")
    assert info.value.line == 3
    with pytest.raises(FormatError, match="carriage return"):
        render_text(Document(title="a\r\nb"))


def test_revision_line_forms() -> None:
    doc = parse_text(
        "    T\n\n  • 附則\n    令和元年５月１日 改定\n    平成十七年六月二十九日 制定\n"
    )
    assert doc.supplements[0].revisions == (
        Revision(date=pendulum.Date(2019, 5, 1), event="改定", era=True),
        Revision(date=pendulum.Date(2005, 6, 29), event="制定", era=True),
    )
    assert render_text(doc).endswith("    令和元年5月1日 改定\n    平成17年6月29日 制定\n")


def test_table_of_contents() -> None:
    doc = Document(
        title="行政手続法",
        toc=Toc(
            entries=(
                TocEntry(
                    text="第一章　総則（第一条―第四条）",
                    children=(TocEntry(text="第一節　通則（第一条）"),),
                ),
                TocEntry(text="附則"),
            )
        ),
        preamble=(Paragraph(key="pre1", num=Num.of(1), text="前文", anonymous=True),),
        style=Style(numerals="kanji", items="numbered"),
    )
    text = render_text(doc)
    assert (
        "  :toc: 目次\n    第一章　総則（第一条―第四条）\n      第一節　通則（第一条）\n    附則\n"
        in text
    )
    assert parse_text(text) == doc


def test_blank_lines_between_articles_are_spacing() -> None:
    text = "    T\n\n  • 第1条\n\n    • 甲\n\n\n  • 第2条\n\n\n  • 第3条\n\n    乙\n\n  • 附則\n"
    doc = parse_text(text)
    assert [a.key for a in doc.articles()] == ["a1", "a2", "a3"]
    a1 = doc.get("a1")
    assert isinstance(a1, Article)
    assert a1.bulleted
    assert a1.paragraphs[0].text == "甲"


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("    T\n\n  • 第1条\n\n    • 甲\n\n    • 乙\n", 7, "blank line inside an article whose"),
        ("    T\n\n  • 第1条\n\n    甲\n\n\n    乙\n", 8, "two blank lines inside"),
        ("    T\n\n  • 第1条\n\n    甲\n\n      乙\n", 7, "unexpected indentation"),
    ],
)
def test_blank_line_errors(text: str, line: int, reason: str) -> None:
    with pytest.raises(ParseError, match=reason) as info:
        parse_text(text)
    assert info.value.line == line


def test_non_standard_item_labels() -> None:
    items_ = (
        Item(key="i1", num=Num.of(1), text="削除", label="一から三まで"),
        Item(
            key="i2",
            num=Num.of(4),
            text="四号",
            children=(Item(key="i1", num=Num.of(1), text="細分", label="(1)"),),
        ),
    )
    doc = Document(
        title="法",
        body=(
            Article(
                key="a1",
                num=Num.of(1),
                paragraphs=(Paragraph(key="p1", num=Num.of(1), text="次の各号", children=items_),),
            ),
        ),
        style=Style(numerals="kanji", items="numbered"),
    )
    text = render_text(doc)
    assert "    • 一から三まで　削除\n    • 四　四号\n      • (1)　細分\n" in text
    assert parse_text(text) == doc


@pytest.mark.parametrize("label", ["二", "一", "x", "一 二"])
def test_unwritable_item_labels(label: str) -> None:
    doc = Document(
        title="法",
        body=(
            Article(
                key="a1",
                num=Num.of(1),
                paragraphs=(
                    Paragraph(
                        key="p1",
                        num=Num.of(1),
                        text="本文",
                        children=(Item(key="i1", num=Num.of(1), text="号", label=label),),
                    ),
                ),
            ),
        ),
        style=Style(numerals="kanji", items="numbered"),
    )
    with pytest.raises(FormatError, match="item label"):
        render_text(doc)
