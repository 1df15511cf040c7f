"""White space at the edges of text as the reference writes it: ``&#x3000;``.

The reference writer (yamachig/Lawtext, ``sentencesArrayToString``) escapes the white space
that ends the text of a line, and that begins or ends a table cell, as character references;
its reader decodes them. The excerpts are cut from real e-Gov Lawtext files (named in each
test)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legaldocs import (
    Article,
    Cell,
    Document,
    FormatError,
    Item,
    Paragraph,
    ParseError,
    Row,
    Table,
    parse_lawtext,
    render_lawtext,
)
from tests._lawtext_checks import HEAD, round_trip


def test_a_paragraph_ending_with_a_full_width_space() -> None:
    # 410AC0000000090 (投資事業有限責任組合契約に関する法律) 第七条の二
    text = HEAD + (
        "第七条の二　無限責任組合員は、他の組合員を代理することができる。\n"
        "２　各無限責任組合員は、組合員を代理することができる。&#x3000;\n"
        "３　前項の規定にかかわらず、単独で組合員を代理することができる。&#x3000;\n"
    )
    article = round_trip(text).body[0]
    assert isinstance(article, Article)
    assert article.paragraphs[1].text == "各無限責任組合員は、組合員を代理することができる。　"
    assert article.paragraphs[0].text.endswith("。")


def test_an_article_line_ending_with_a_full_width_space() -> None:
    # 324M50000800027 (通訳案内士法施行規則) 第二十一条
    text = HEAD + "第二十一条　その旨を都道府県知事に届け出なければならない。&#x3000;\n"
    article = round_trip(text).body[0]
    assert isinstance(article, Article)
    assert article.paragraphs[0].text == "その旨を都道府県知事に届け出なければならない。　"


def test_cells_beginning_and_ending_with_white_space() -> None:
    # 347M50002000032 (労働安全衛生規則) 別表 and 412M50000002122 (発電用原子炉規則) 別表第二
    text = HEAD + (
        "第一条　次の表のとおりとする。\n"
        "\n"
        "  * - &#x3000;\n"
        "    - &#x3000;学科講習\n"
        "  * - |\n"
        "      - （３）　燃料体&#x20;&#x3000;&#x3000;\n"
        "      - （４）　反射材\n"
        '    - [rowspan="4"]&#x3000;&#x3000;&#x20;管内\n'
    )
    article = round_trip(text).body[0]
    assert isinstance(article, Article)
    table = article.paragraphs[0].children[0]
    assert isinstance(table, Table)
    first, second = table.rows
    assert [c.text for c in first.cells] == ["　", "　学科講習"]
    assert second.cells[0].text == "（３）　燃料体 　　\n（４）　反射材"
    assert second.cells[1].text == "　　 管内"
    assert second.cells[1].attrs == (("rowspan", "4"),)


def test_an_explicit_tag_before_a_whole_title_and_an_empty_sentence() -> None:
    # 419M60002000010 (防衛省の地方防衛局組織規則) 第二条: the XML has
    # <ParagraphNum>２　北関東防衛局の…つかさどる。</ParagraphNum> and an empty sentence
    text = HEAD + (
        "第二条　北関東防衛局に次の五部を置く。\n"
        ":paragraph:２　北関東防衛局の施設補償課は、次に掲げる事務をつかさどる。　\n"
        "  :item:一　第二十二条第一項各号に掲げる事務　\n"
    )
    article = round_trip(text).body[0]
    assert isinstance(article, Article)
    second = article.paragraphs[1]
    assert second.num.parts == (2,)
    assert second.label == "２　北関東防衛局の施設補償課は、次に掲げる事務をつかさどる。"
    assert second.text == ""
    assert second.spaced
    item = second.children[0]
    assert isinstance(item, Item)
    assert (item.label, item.text, item.spaced) == (
        "一　第二十二条第一項各号に掲げる事務",
        "",
        True,
    )


def test_the_same_at_top_level_paragraphs() -> None:
    # 354M50400000001 (皇室儀制令施行規則の一部を改正する規則) 附則 of 2019
    text = HEAD + (
        "１　この規則は、公布の日から施行する。\n"
        "\n"
        ":paragraph:３　上皇に関しては、天皇の例による。　\n"
    )
    doc = round_trip(text)
    third = doc.body[1]
    assert isinstance(third, Paragraph)
    assert (third.num.parts, third.label, third.spaced) == (
        (3,),
        "３　上皇に関しては、天皇の例による。",
        True,
    )


@pytest.mark.parametrize(
    ("line", "line_no", "column"),
    [
        # white space that ends text as written would read back as layout
        ("第一条　本文。　", 3, 8),
        ("第一条　本文。\n  一　号の本文。 ", 4, 10),
        ("第一条　本文。\n\n  * - セル　", 5, 7),
        # a reference anywhere but at the edges, or for other than white space
        ("第一条　本文&#x3000;です。", 3, 7),
        ("第一条　本文。&#x41;", 3, 8),
        ("第一条　本文。\n\n  * - セ&#x3000;ル", 5, 8),
        ("第一条　本文。\n\n  * - セル&#65;", 5, 9),
    ],
)
def test_what_cannot_be_kept_is_refused_with_its_place(
    line: str, line_no: int, column: int
) -> None:
    with pytest.raises(ParseError) as info:
        parse_lawtext(HEAD + line + "\n")
    assert (info.value.line, info.value.column) == (line_no, column)


def test_text_that_would_read_back_as_a_reference_is_refused_by_the_writer() -> None:
    doc = parse_lawtext(HEAD + "第一条　本文。\n")
    article = doc.body[0]
    assert isinstance(article, Article)
    odd = Paragraph(key="p1", num=article.paragraphs[0].num, text="本文&#x3000;")
    with pytest.raises(FormatError):
        render_lawtext(
            Document(title="法", body=(Article(key="a1", num=article.num, paragraphs=(odd,)),))
        )
    table = Table(key="t1", rows=(Row(key="r1", cells=(Cell(text="&#x20;セル"),)),))
    cell_doc = Document(
        title="法",
        body=(
            Article(
                key="a1",
                num=article.num,
                paragraphs=(Paragraph(key="p1", num=article.num, text="本文", children=(table,)),),
            ),
        ),
    )
    with pytest.raises(FormatError):
        render_lawtext(cell_doc)


_EDGE = st.text(st.sampled_from(" 　\t"), max_size=3)
_CORE = st.text(st.sampled_from("本文あ&#x;３０（）"), min_size=1, max_size=8).filter(
    lambda t: "&#" not in t
)


@settings(max_examples=60, deadline=None)
@given(_EDGE, _CORE, _EDGE, _EDGE, _CORE, _EDGE)
def test_edge_white_space_reads_back(a: str, b: str, c: str, d: str, e: str, f: str) -> None:
    text = b + c  # text of a line keeps the spaces that end it (leading ones are layout)
    cell = d + e + f
    doc = parse_lawtext(HEAD + "第一条　本文。\n")
    article = doc.body[0]
    assert isinstance(article, Article)
    num = article.num
    table = Table(key="t1", rows=(Row(key="r1", cells=(Cell(text=cell), Cell(text=a + e))),))
    item = Item(key="i1", num=num, text=text)
    paragraph = Paragraph(key="p1", num=num, text="本文" + c, children=(item, table))
    built = Document(title="法", body=(Article(key="a1", num=num, paragraphs=(paragraph,)),))
    assert parse_lawtext(render_lawtext(built)) == built
