"""Constructs of the whole e-Gov corpus that the shared corpora do not hold.

Each test reads a few lines cut from a real Lawtext file of the e-Gov corpus of 2020 (made by
the reference converter from the XML; the file is named in the test), checks the structure
read and that writing it back gives the same bytes.
"""

from __future__ import annotations

import attrs
import pytest

from legaldocs import (
    AmendProvision,
    Article,
    Document,
    FigStruct,
    FormatError,
    Item,
    Paragraph,
    ParseError,
    StyleStruct,
    Table,
    parse_lawtext,
    render_lawtext,
)
from tests._lawtext_checks import HEAD, round_trip


def _article(doc: Document, index: int = 0) -> Article:
    element = doc.body[index]
    assert isinstance(element, Article)
    return element


def test_item_with_an_explicit_tag_and_an_empty_second_column() -> None:
    # 333M50000040054 (国家公務員共済組合法施行規則) 第百二十条の四: the XML puts the item's
    # text in its ItemTitle with an empty sentence, so the reference writes the whole title
    # with :item: and the full-width space before the empty sentence; the reader takes it
    # the same way (text that ends with white space would be written &#x3000;)
    text = HEAD + (
        "第百二十条の四　次に掲げる事項を記載した申出書を提出しなければならない。\n"
        "  :item:一　組合員の氏名及び住所並びに組合員証の組合員等記号・番号又は個人番号　\n"
        "  二　産前産後休業に係る子の出産予定年月日\n"
    )
    doc = round_trip(text)
    first, second = _article(doc).paragraphs[0].children
    assert isinstance(first, Item)
    assert isinstance(second, Item)
    assert not first.tagged
    assert first.label == "一　組合員の氏名及び住所並びに組合員証の組合員等記号・番号又は個人番号"
    assert first.text == ""
    assert first.spaced
    assert not second.tagged


def test_item_with_an_empty_sentence_keeps_its_space() -> None:
    # 325M50080000015 (無線局免許手続規則) 第二条: <ItemSentence><Sentence/></ItemSentence>
    text = HEAD + (
        "第二条　無線局の免許の申請は、次に掲げる無線局の種別に従い行わなければならない。\n"
        "  一　\n"
        "    （１）　特定地上基幹放送局\n"
        "    （２）　特定地上基幹放送局以外の地上基幹放送局\n"
        "  二\n"
        "    （１）　衛星基幹放送局\n"
    )
    doc = round_trip(text)
    first, second = _article(doc).paragraphs[0].children
    assert isinstance(first, Item)
    assert isinstance(second, Item)
    assert first.text == second.text == ""
    assert first.spaced
    assert not second.spaced
    assert len(first.children) == 2


def test_iroha_no_is_the_standard_twenty_sixth_sub_item() -> None:
    # 325AC0000000132 (放送法) 第二十九条: the sub-items run イ … ヰ, ノ
    text = HEAD + (
        "第二十九条　次に掲げる事項は、経営委員会の議決を経なければならない。\n"
        "  一　次に掲げる事項\n"
        "    ヰ　第八十五条第一項の総務大臣の認可を受けて行う業務\n"
        "    ノ　情報公開及び個人情報保護に係る審議を行うため協会が設置する組織の委員の委嘱\n"
    )
    doc = round_trip(text)
    item = _article(doc).paragraphs[0].children[0]
    assert isinstance(item, Item)
    wi, no = item.children
    assert isinstance(wi, Item)
    assert isinstance(no, Item)
    assert (wi.num.parts, no.num.parts) == ((25,), (26,))
    assert no.label is None


def test_table_directly_in_a_style_has_no_table_struct_tag() -> None:
    # 324RJNJ02000000 (人事院規則二―〇): a Style holding a Table, no TableStruct
    text = HEAD + (
        "１　法第六条第一項の規定による宣誓は、次の通りとする。\n"
        "\n"
        "  :style-struct:\n"
        '    * - [BorderBottom="none"][BorderLeft="none"][BorderRight="none"]'
        '[BorderTop="none"] |\n'
        "        - &#x3000;&#x3000;&#x3000;宣　誓\n"
        "        - &#x3000;&#x3000;&#x3000;年　月　日\n"
        "\n"
        "２　最高裁判所事務総長及び人事院事務総長は、前項の宣誓に立ち会わなければならない。\n"
    )
    doc = round_trip(text)
    paragraph = doc.body[0]
    assert isinstance(paragraph, Paragraph)
    (style,) = paragraph.children
    assert isinstance(style, StyleStruct)
    (table,) = style.content
    assert isinstance(table, Table)
    assert table.bare


def test_table_quoted_by_an_amending_provision() -> None:
    # 411AC0000000018 第十五条: a table an amending provision quotes, after a blank line,
    # with no :table-struct: tag
    text = HEAD + (
        "第十五条　登録免許税法の一部を次のように改正する。\n"
        "  別表第一第八十五号を次のように改める。\n"
        "\n"
        '    * - [Valign="top"][colspan="3"]八十五　中央卸売市場の認定\n'
        '    * - [Valign="top"]中央卸売市場の認定\n'
        '      - [Valign="top"]認定件数\n'
        '      - [Valign="top"]一件につき一万五千円\n'
        "\n"
        "第十六条　削除\n"
    )
    doc = round_trip(text)
    (provision,) = _article(doc).paragraphs[0].children
    assert isinstance(provision, AmendProvision)
    (table,) = provision.children
    assert isinstance(table, Table)
    assert not table.bare
    assert len(table.rows) == 2


def test_fig_struct_with_remarks_leaves_a_blank_line_between_them() -> None:
    # 329M50400000004 (皇宮警察手帳規則) 別図一
    text = HEAD + (
        "第一条　この規則は、公布の日から施行する。\n"
        "\n"
        "# 別図一（第二条関係）\n"
        "\n"
        '  <Fig src="./pict/S29F30301000004-001.jpg"/>\n'
        "\n"
        "  :fig-struct:\n"
        '    <Fig src="./pict/S29F30301000004-003.jpg"/>\n'
        "\n"
        '    [LineBreak="true"]備考\n'
        "      一　本体は、チヨコレート色革製二つ折とし、黒色のひもを付ける。\n"
    )
    doc = round_trip(text)
    (appendix,) = doc.appendices
    figures = [b for b in appendix.children if isinstance(b, FigStruct)]
    assert len(figures) == 2
    assert figures[1].fig is not None
    assert len(figures[1].remarks) == 1


def test_bracketed_amending_text_before_the_next_paragraph_of_the_article() -> None:
    # 324AC0000000268 第二十条: the amending provision's text is （「次のよう」略）; it is no
    # caption of paragraph ２, which stays in the article
    text = HEAD + (
        "第二十条　漁業財団抵当法（大正十四年法律第九号）の一部を次のように改正する。\n"
        "  （「次のよう」略）\n"
        "２　新法施行後は、漁業財団を設けることができない。\n"
    )
    doc = round_trip(text)
    assert len(doc.body) == 1
    first, second = _article(doc).paragraphs
    (provision,) = first.children
    assert isinstance(provision, AmendProvision)
    assert provision.text == "（「次のよう」略）"
    assert second.caption is None


def test_a_caption_without_an_article_still_fails_with_its_line() -> None:
    with pytest.raises(ParseError) as info:
        parse_lawtext(HEAD + "第一条　本文\n  （見出し）\n  二　号\n")
    assert info.value.line == 4


def test_explicit_tag_takes_a_title_the_grammar_of_titles_does_not_know() -> None:
    # 340AC0000000034 (法人税法) 附則第一条: ハからヌ (a range without まで)
    text = HEAD + (
        "第一条　この法律は、公布の日から施行する。ただし、次の各号に掲げる規定は、当該各号に"
        "定める日から施行する。\n"
        "  三　次に掲げる規定　昭和六十四年四月一日\n"
        "    イ　略\n"
        "    :subitem1:ハからヌ　略\n"
        "  四　略\n"
    )
    doc = round_trip(text)
    item = _article(doc).paragraphs[0].children[0]
    assert isinstance(item, Item)
    _i, ha = item.children
    assert isinstance(ha, Item)
    assert (ha.label, ha.text) == ("ハからヌ", "略")


def test_text_that_begins_with_a_full_width_space() -> None:
    # 414M60000012001 第一条の二 and 414M60000008013 第四十六項 (第二号): the sentence itself
    # begins with U+3000, so two follow the number
    text = HEAD + (
        "第一条の二　　法第三条第一項第四号イに規定する主務省令で定める者とする。\n"
        "２　法別表第一の四十の二の項の総務省令で定める事務は、次のとおりとする。\n"
        "  一　出入国管理及び難民認定法第十九条の二十三第一項の登録の申請\n"
        "  :item:二　　出入国管理及び難民認定法第十九条の二十三第二項の更新の申請\n"
        "３　　「当該連結親法人事業年度開始の日」とする。\n"
    )
    doc = round_trip(text)
    first, second, third = _article(doc).paragraphs
    assert first.text.startswith("　法第三条")
    assert third.text.startswith("　「当該")
    item = second.children[1]
    assert isinstance(item, Item)
    assert item.text.startswith("　出入国")


def test_a_lone_supplement_paragraph_may_open_with_an_article_name() -> None:
    # 325CO0000000186 附則 (昭和四六年六月一日政令第一七二号)
    text = HEAD + (
        "第一条　この政令は、公布の日から施行する。\n"
        "\n"
        "      附　則　（昭和四六年六月一日政令第一七二号）\n"
        "\n"
        "第四条の規定は公布の日から、第一条から第三条まで及び第五条の規定は同日から起算して"
        "一月を経過した日から施行する。\n"
    )
    doc = round_trip(text)
    (paragraph,) = doc.supplements[0].body
    assert isinstance(paragraph, Paragraph)
    assert paragraph.plain
    assert paragraph.text.startswith("第四条の規定は")
    with pytest.raises(ParseError) as info:
        parse_lawtext(HEAD + "第四条の規定は公布の日から施行する。\n")
    assert (info.value.line, info.value.column) == (3, 4)


def test_table_struct_tag_with_an_empty_title_in_an_appendix() -> None:
    # 341M50000400055 別表（第４条関係）: one table, no title, yet :table-struct: (the XML
    # has an empty TableStructTitle)
    text = HEAD + (
        "第四条　身分を示す証明書の様式は次の別表のとおりとする。\n"
        "\n"
        "# 別表（第４条関係）\n"
        "\n"
        "  :table-struct:\n"
        "\n"
        '    * - [BorderBottom="none"][BorderLeft="none"][BorderRight="none"]'
        '[BorderTop="none"] |\n'
        '        <Fig src="./pict/S41F03801000055-001.pdf"/>\n'
    )
    doc = round_trip(text)
    (table,) = doc.appendices[0].children
    assert isinstance(table, Table)
    assert table.title == ""
    bare = text.replace("  :table-struct:\n\n", "").replace("\n    ", "\n  ")
    (table,) = round_trip(bare).appendices[0].children
    assert isinstance(table, Table)
    assert table.title is None


FORMULA = (
    "（（額面金額－発行価額）／発行の日から償還の日までの年数）×（発行の日から供託の日までの年数）"
)


def test_caption_of_a_later_paragraph_of_an_article() -> None:
    # 325M50000840002 第十五条 and 356AC0000000059 第百四条: XML ParagraphCaption
    text = HEAD + (
        "第十五条　法第十七条第三項の規定により計算する。\n"
        "２　割引の方法により発行した有価証券は、次の算式により計算する。\n"
        "  :caption:" + FORMULA + "\n"
        "３　前項の算式による計算において、端数は切り捨てる。\n"
        "  （政令で定める日＝平成一二年政令第四二一号で、平成一二年九月三〇日）\n"
        "４　施行日前の行為については、なお従前の例による。\n"
    )
    doc = round_trip(text)
    assert len(doc.body) == 1
    captions = [p.caption for p in _article(doc).paragraphs]
    assert captions == [
        None,
        None,
        FORMULA,
        "（政令で定める日＝平成一二年政令第四二一号で、平成一二年九月三〇日）",
    ]


def test_caption_in_letters_that_reads_like_a_sub_item_title() -> None:
    # 325M50080000018 (無線設備規則) 第四十五条の十二の八: （ＶＯＲ） above an article
    text = HEAD + (
        "第四十五条の十二の七　マーカ・ビーコンは、次の各号の条件に適合しなければならない。\n"
        "  四　前各号に掲げるもののほか、総務大臣が別に告示する技術的条件に合致すること。\n"
        "\n"
        "  （ＶＯＲ）\n"
        "第四十五条の十二の八　ＶＯＲは、次の各号の条件に適合するものでなければならない。\n"
        "  （ａ）　小文字の細分\n"
    )
    doc = round_trip(text)
    first, second = doc.body
    assert isinstance(first, Article)
    assert isinstance(second, Article)
    assert len(first.paragraphs[0].children) == 1
    assert second.caption == "（ＶＯＲ）"


def test_an_item_title_of_white_space() -> None:
    # 327M50000001081: the XML's ItemTitle is two full-width spaces: after an explicit tag,
    # all the full-width spaces but the one before the text are the title, as the XML has
    # it; a title of spaces before text that starts with one would read back otherwise, so
    # the writer refuses it
    doc = round_trip(
        HEAD + "第一条　次のとおりとする。\n  :item:\u3000\u3000\u3000「上記の者は」\n"
    )
    article = _article(doc)
    item = article.paragraphs[0].children[0]
    assert isinstance(item, Item)
    assert (item.label, item.text) == ("\u3000\u3000", "「上記の者は」")
    odd = attrs.evolve(item, label="\u3000", text="\u3000「上記の者は」")
    paragraph = attrs.evolve(article.paragraphs[0], children=(odd,))
    changed = attrs.evolve(doc, body=(attrs.evolve(article, paragraphs=(paragraph,)),))
    with pytest.raises(FormatError):
        render_lawtext(changed)
