"""What amending provisions quote (改正規定: XML ``NewProvision``), and statutes that write
two articles or paragraphs with one number.

Each test reads a few lines cut from a real Lawtext file of the e-Gov corpus of 2020 (made by
the reference converter from the XML; the file is named in the test), checks the structure
read, that writing it back gives the same bytes, and that the 法令標準XML writer and reader
give the same document back.
"""

from __future__ import annotations

import pytest

from legaldocs import (
    AmendProvision,
    AppdxStyle,
    Article,
    CitationError,
    Division,
    Document,
    FigStruct,
    Item,
    Paragraph,
    ParseError,
    Table,
    parse_law_xml,
    parse_lawtext,
    render_law_xml,
)
from tests._lawtext_checks import HEAD, round_trip


def _round_trip(text: str, *, xml: bool = True) -> Document:
    doc = round_trip(text)
    if xml:
        assert parse_law_xml(render_law_xml(doc)) == doc
    return doc


def _amendment(doc: Document, article: int = 0, index: int = 0) -> AmendProvision:
    element = doc.body[article]
    assert isinstance(element, Article)
    found = element.paragraphs[0].children[index]
    assert isinstance(found, AmendProvision)
    return found


def test_quoted_articles_with_their_captions_paragraphs_and_items() -> None:
    # 333AC0000000192 (国家公務員共済組合法) 附則 of 2015, 第七条: a deleted range and a
    # whole article with its caption, paragraphs and items quoted
    text = HEAD + (
        "第七条　私立学校教職員共済法の一部を次のように改正する。\n"
        "  第四十三条から第四十五条までを削り、第八章中第四十二条の次に次のように加える。\n"
        "    第四十三条及び第四十四条　削除\n"
        "  第九章中第四十六条の前に次の一条を加える。\n"
        "      （加入者等記号・番号等の利用制限等）\n"
        "    第四十五条　文部科学大臣等は、告知することを求めてはならない。\n"
        "    ２　何人も、次に掲げる場合を除き、告知することを求めてはならない。\n"
        "      一　文部科学大臣等が、告知することを求めるとき。\n"
        "      二　文部科学大臣等以外の者が、告知することを求めるとき。\n"
    )
    doc = _round_trip(text)
    first = _amendment(doc, index=0)
    (deleted,) = first.children
    assert isinstance(deleted, Article)
    assert deleted.deleted
    assert deleted.label == "第四十三条及び第四十四条"
    second = _amendment(doc, index=1)
    (quoted,) = second.children
    assert isinstance(quoted, Article)
    assert quoted.key == "a45"
    assert quoted.caption == "（加入者等記号・番号等の利用制限等）"
    assert [p.num.parts for p in quoted.paragraphs] == [(1,), (2,)]
    assert [i.num.parts for i in quoted.paragraphs[1].children if isinstance(i, Item)] == [
        (1,),
        (2,),
    ]
    # the quoted article is not an article of this law
    assert [a.key for a in doc.articles()] == ["a7"]


def test_a_quoted_division_keeps_its_indents() -> None:
    # 355AC0000000034 (幹線道路の沿道の整備に関する法律) 附則 第六条
    text = HEAD + (
        "第六条　建築基準法の一部を次のように改正する。\n"
        "  第三章に次の一節を加える。\n"
        "\n"
        "    :keep-indents:第七節　沿道整備計画の区域\n"
        "\n"
        "      （市町村の条例に基づく制限）\n"
        "    第六十八条の二　市町村は、条例で、これらに関する制限として定めることができる。\n"
        "    ２　前項の規定による制限は、合理的に必要と認められる限度において行うものとする。\n"
        "\n"
        "第七条　建設省設置法の一部を次のように改正する。\n"
    )
    doc = _round_trip(text)
    (division,) = _amendment(doc).children
    assert isinstance(division, Division)
    assert (division.key, division.kind, division.title) == ("sec7", "節", "沿道整備計画の区域")
    (article,) = division.children
    assert isinstance(article, Article)
    assert article.key == "a68_2"
    assert len(doc.body) == 2


def test_a_quoted_appendix_and_a_nested_amending_provision() -> None:
    # 326M50000100030 (児童扶養手当法施行規則) 附則 of 2019, 第三条, and 415M60000100147
    # (労働者派遣法施行規則) 附則 of 2019, 第三条: 様式 quoted whole, and an amending
    # provision inside what another quotes
    text = HEAD + (
        "第三条　次に掲げる省令の一部を次のように改正する。\n"
        "  様式第五号の四の次に次の一様式を加える。\n"
        "\n"
        "    # 様式第五号の五（第三条の五関係）\n"
        "\n"
        "      :style-struct:\n"
        '        <Fig src="./pict/R01F190001_1907252107_001.jpg"/>\n'
        "\n"
        "  第一条中労働者派遣事業の適正な運営の確保に関する省令の一部を次のように改正する。\n"
        "    :amend-provision:様式第十一号を次のように改める。\n"
        "\n"
        "      # 様式第１１号（第１面）\n"
        "\n"
        "      # 様式第１１号（第２面）\n"
    )
    doc = _round_trip(text)
    (style,) = _amendment(doc, index=0).children
    assert isinstance(style, AppdxStyle)
    assert (style.title, style.related_article_num) == ("様式第五号の五", "（第三条の五関係）")
    (nested,) = _amendment(doc, index=1).children
    assert isinstance(nested, AmendProvision)
    assert nested.text == "様式第十一号を次のように改める。"
    assert [a.related_article_num for a in nested.children if isinstance(a, AppdxStyle)] == [
        "（第１面）",
        "（第２面）",
    ]


def test_an_article_quoted_twice_in_one_provision_is_refused() -> None:
    text = HEAD + (
        "第一条　法の一部を次のように改正する。\n"
        "  第二条を次のように改める。\n"
        "    第二条　甲とする。\n"
        "    第二条　乙とする。\n"
    )
    with pytest.raises(ParseError) as info:
        parse_lawtext(text)
    assert (info.value.line, info.value.column) == (6, 5)


def test_two_articles_with_one_number() -> None:
    # 413M60000008001 (総務省組織規則): the XML holds two 第五十三条
    text = HEAD + (
        "第五十二条　削除\n"
        "\n"
        "  （検査監理室及び企画官）\n"
        "第五十三条　企画課に、検査監理室及び企画官一人を置く。\n"
        "\n"
        "第五十三条　企画課に、検査監理室及び企画官一人を置く。\n"
        "２　検査監理室は、次に掲げる事務をつかさどる。\n"
    )
    doc = _round_trip(text)
    assert [e.key for e in doc.body] == ["a52", "a53", "a53x2"]
    second = doc.get("a53x2")
    assert isinstance(second, Article)
    assert len(second.paragraphs) == 2


def test_two_paragraphs_with_one_number_in_a_supplement() -> None:
    # 329M50000002040 (自衛隊法施行規則) 附則 of 2014
    text = HEAD + (
        "第一条　本則。\n"
        "\n"
        "      附　則　（平成二六年五月一六日防衛省令第七号）\n"
        "\n"
        "  （施行期日）\n"
        "１　この省令は、公布の日から施行する。\n"
        "\n"
        "  （経過措置）\n"
        "１　この省令の施行の際現に航空自衛官が使用しているものは、なお従前の例による。\n"
    )
    doc = _round_trip(text)
    assert [e.key for e in doc.supplements[0].body] == ["p1", "p1x2"]


def test_a_duplicated_item_line_is_read_as_written() -> None:
    # #14: a repeated ``一　…`` line. Old statutes write every item 一 (120IO0000000039,
    # 官吏服務紀律, 第九条; 20 files of the e-Gov corpus do so) and the reference reads
    # them as written, so the reader keeps them all: get() refuses the citation 第一号,
    # which names them all, and they are reached by their key paths; the text writes back
    # byte for byte
    text = HEAD + (
        "第九条　左ニ掲ケタル者ト直接ニ関係スル事ヲ得ス\n"
        "  一　官庁ノ工事ヲ受負フ者\n"
        "  一　官庁ノ為替方又ハ出納ヲ引受クル者\n"
        "  一　官庁ノ補助金ヲ受クル起業者\n"
    )
    doc = _round_trip(text)
    article = doc.body[0]
    assert isinstance(article, Article)
    items = article.paragraphs[0].children
    assert [(i.key, i.num.parts) for i in items if isinstance(i, Item)] == [
        ("i1", (1,)),
        ("i2", (1,)),
        ("i3", (1,)),
    ]
    with pytest.raises(CitationError, match=r"a9/p1/i1, a9/p1/i2, a9/p1/i3$"):
        doc.get("第九条第一号")  # names three items: refused, with their key paths
    assert doc.get("a9/p1/i3") is items[2]
    # the same in an appendix
    table = HEAD + "第一条　本文。\n\n# 別表第一\n\n  :item:一　甲\n\n  :item:一　乙\n\n"
    assert len(_round_trip(table.rstrip("\n") + "\n", xml=False).appendices[0].children) == 2


def test_a_plain_paragraph_before_the_articles_of_a_supplement() -> None:
    # 326M50000800067 (道路運送車両の保安基準の細目) 附則 of 1996 and 422M60000040022 附則 of
    # 2019: one paragraph written as bare text (with a list under it), then articles
    text = HEAD + (
        "第一条　本則。\n"
        "\n"
        "      附　則　（平成八年三月一八日運輸省令第一八号）\n"
        "\n"
        "この省令は、平成八年四月一日から施行する。\n"
        "  - 附 則（令和二年三月三一日財務省令第二五号）\n"
        "\n"
        "  （施行期日）\n"
        "第一条　この省令は、平成九年一月一日から施行する。\n"
        "２　前項の規定にかかわらず、次条の規定は公布の日から施行する。\n"
    )
    doc = _round_trip(text)
    body = doc.supplements[0].body
    assert [type(e).__name__ for e in body] == ["Paragraph", "Article"]
    plain = body[0]
    assert isinstance(plain, Paragraph)
    assert plain.plain
    # two lines of bare text are still refused: which would be the paragraph?
    with pytest.raises(ParseError) as info:
        parse_lawtext(text.replace("  - 附 則", "また別の行。\n  - 附 則"))
    assert info.value.line == 7


def test_a_sub_item_standing_alone_in_a_cell() -> None:
    # 332M50000402001 (試験研究の用に供する原子炉等の設置、運転等に関する規則) 別記: a cell
    # holds sub-items イ, ロ without their item (XML Subitem1 in a TableColumn)
    text = HEAD + (
        "第一条　次の表のとおりとする。\n"
        "\n"
        '  * - [Valign="top"] |\n'
        "      # イ　放射性廃棄物の排気口又は排気監視設備\n"
        "\n"
        "      # ロ　放射性廃棄物の排水口又は排水監視設備\n"
        "\n"
        '    - [Valign="top"]放射線\n'
    )
    doc = _round_trip(text)
    article = doc.body[0]
    assert isinstance(article, Article)
    table = article.paragraphs[0].children[0]
    assert isinstance(table, Table)
    first, second = table.rows[0].cells[0].blocks
    assert isinstance(first, Item)
    assert isinstance(second, Item)
    assert (first.level, first.num.parts, first.label) == (2, (1,), None)
    assert second.num.parts == (2,)


def test_paragraphs_numbered_as_written_outside_articles() -> None:
    # 120IO0000000002 (海上法ノ要義ヲ確定スル為メ…宣言): paragraphs 第一, 第二 with no article
    text = HEAD + (
        ":paragraph:第一　私船ヲ拿捕ノ用ニ供スルハ自今之ヲ廃止スル事\n"
        "\n"
        ":paragraph:第二　局外中立国ノ旗章ヲ掲クル船舶ニ搭載セル敵国ノ貨物ハ拿捕スルヲ得サル事\n"
    )
    doc = _round_trip(text)
    labels = [(p.label, p.num.parts) for p in doc.body if isinstance(p, Paragraph)]
    assert labels == [("第一", (1,)), ("第二", (2,))]


def test_remarks_before_the_figure_of_a_figure_structure() -> None:
    # 106DF0000000065 (絞罪器械図式): remarks without a label, then the figure (XML Remarks
    # before Fig in the FigStruct)
    text = HEAD + (
        "第一条　図式は次のとおりとする。\n"
        "\n"
        "  :fig-struct:絞架全図　実物　六十分ノ一\n"
        '    :remarks:[LineBreak="true"]\n'
        "      :anonym-item:本図死囚二人ヲ絞ス可キ装構ナリ\n"
        "\n"
        '    <Fig src="./pict/M06SE065-001.jpg"/>\n'
        "\n"
        "  :fig-struct:踏板表面図　実物三十分ノ一\n"
        '    <Fig src="./pict/M06SE065-002.jpg"/>\n'
    )
    # (the XML writer does not yet keep LineBreak on remarks without a label)
    doc = _round_trip(text, xml=False)
    article = doc.body[0]
    assert isinstance(article, Article)
    first, second = article.paragraphs[0].children
    assert isinstance(first, FigStruct)
    assert isinstance(second, FigStruct)
    assert first.remarks_before == 1
    assert first.remarks[0].line_break
    assert first.remarks[0].label is None
    assert second.remarks_before == 0


def test_an_item_whose_title_is_full_width_spaces() -> None:
    # 327M50000001081 (公安調査官の証票の様式を定める省令): <ItemTitle>　　</ItemTitle>
    text = HEAD + (
        "第一条　証票の様式は、次のとおりとする。\n"
        "  一　用紙はプラスチツク製とする。\n"
        "  :item:　　　「上記の者は、公安調査官であることを証明する。」\n"
        "  二　用紙の裏面に注意事項を記載する。\n"
    )
    doc = _round_trip(text)
    article = doc.body[0]
    assert isinstance(article, Article)
    spaces = article.paragraphs[0].children[1]
    assert isinstance(spaces, Item)
    assert spaces.label == "　　"
    assert spaces.text == "「上記の者は、公安調査官であることを証明する。」"
    with pytest.raises(ParseError):
        parse_lawtext(text.replace(":item:　　　", ":item:　"))
