"""The whole Lawtext grammar, construct by construct: each hand-written snippet is laid out
as the reference writer (yamachig/Lawtext) lays it out, reads into the expected structure and
writes back byte for byte."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legaldocs import (
    AmendProvision,
    AppdxFormat,
    AppdxNote,
    AppdxStyle,
    AppdxTable,
    ArithFormula,
    Article,
    Cell,
    Division,
    Document,
    EnactStatement,
    Fig,
    FigStruct,
    FormatStruct,
    Item,
    ListBlock,
    NoteStruct,
    Num,
    Paragraph,
    ParseError,
    Remarks,
    Row,
    Sentence,
    StyleStruct,
    SupplProvisionAppdxTable,
    Table,
    dumps,
    loads,
    parse_lawtext,
    render_lawtext,
)


def _round(text: str) -> Document:
    doc = parse_lawtext(text, source="snippet")
    assert render_lawtext(doc) == text
    assert parse_lawtext(render_lawtext(doc)) == doc
    assert loads(dumps(doc), Document) == doc  # the new elements serialize with their kinds
    return doc


def test_law_attributes_enact_statement_and_titled_toc() -> None:
    doc = _round(
        '[LawType="Rule"]\n'
        "規則\n"
        "（令和元年規則第一号）\n"
        "\n"
        ":enact-statement:内閣は、…この政令を制定する。\n"
        "\n"
        ":toc:規則目次\n"
        "  第一章　総則（第一条）\n"
        "  附則\n"
        "\n"
        "      第一章　総則\n"
        "\n"
        "第一条　本文\n"
    )
    assert doc.law_attrs == (("LawType", "Rule"),)
    assert doc.enact_statements == (EnactStatement(key="e1", text="内閣は、…この政令を制定する。"),)
    assert doc.toc is not None
    assert doc.toc.title == "規則目次"
    assert [e.text for e in doc.toc.entries] == ["第一章　総則（第一条）", "附則"]


def test_old_numbering_as_written() -> None:
    doc = _round(
        "法\n"
        "\n"
        "第一条ノ二　本文\n"
        "○２　旧式の項\n"
        "\n"
        "第十ニ条　カタカナのニ\n"
        "\n"
        "第十一条及び第十二条　削除\n"
        "\n"
        "第十三条　本文\n"
        "２　二\n"
        "10　十\n"
        ':anonym-paragraph:[MissingNum="true"]番号のない項\n'
    )
    first, katakana, joint, last = doc.body
    assert isinstance(first, Article)
    assert first.num == Num.of(1, 2)
    assert first.label == "第一条ノ二"
    assert first.paragraphs[1].num == Num.of(2)
    assert first.paragraphs[1].label == "○２"
    assert isinstance(katakana, Article)
    assert katakana.num == Num.of(12)
    assert katakana.label == "第十ニ条"
    assert isinstance(joint, Article)
    assert joint.deleted
    assert (joint.num, joint.until) == (Num.of(11), Num.of(12))
    assert isinstance(last, Article)
    assert [(p.num, p.label) for p in last.paragraphs] == [
        (Num.of(1), None),
        (Num.of(2), None),
        (Num.of(10), "10"),
        (Num.of(4), ""),
    ]
    assert doc.get("第十二条") == katakana
    assert doc.get("第十一条") == joint
    assert doc.get("第十三条第十項").text == "十"  # type: ignore[union-attr]


def test_paragraph_written_with_an_explicit_tag() -> None:
    doc = _round("法\n\n第一条　本文\n:paragraph:２　二\n")
    article = doc.body[0]
    assert isinstance(article, Article)
    assert article.paragraphs[1].tagged
    assert article.paragraphs[1].num == Num.of(2)


def test_first_paragraph_with_its_own_number_and_empty_sentence() -> None:
    doc = _round("法\n\n第一条\n２　二の項だけ\n\n第二条　\n  一　号だけ\n")
    first, second = doc.body
    assert isinstance(first, Article)
    assert first.paragraphs[0].label == "２"
    assert first.paragraphs[0].num == Num.of(2)
    assert isinstance(second, Article)
    assert second.paragraphs[0].text == ""


def test_tables_anywhere_with_header_cells_attributes_and_multi_line_cells() -> None:
    doc = _round(
        "法\n"
        "\n"
        "第一条　本文\n"
        "\n"
        "  :table-struct:表の題\n"
        "\n"
        "    * * 見出し一\n"
        "      * 見出し二\n"
        '    * - [rowspan="2"][Align="center"]一\n'
        "      - \n"
        '    * - [colspan="2"] |\n'
        "        - 一行目\n"
        "        - 二行目\n"
        "\n"
        "    備考\n"
        "      一　備考の号\n"
        "\n"
        "２　次の項\n"
    )
    article = doc.body[0]
    assert isinstance(article, Article)
    table = article.paragraphs[0].children[0]
    assert isinstance(table, Table)
    assert table.title == "表の題"
    header, plain, multi = table.rows
    assert all(cell.header for cell in header.cells)
    assert plain.cells[0] == Cell(text="一", attrs=(("rowspan", "2"), ("Align", "center")))
    assert plain.cells[1] == Cell(text="")
    assert multi.cells[0].text == "一行目\n二行目"
    (remarks,) = table.remarks
    assert remarks.label == "備考"
    assert isinstance(remarks.children[0], Item)


def test_remarks_before_and_after_a_table() -> None:
    doc = _round(
        "法\n"
        "\n"
        "第一条　本文\n"
        "\n"
        "# 別表第一　寸法表（第七条関係）\n"
        "\n"
        "  :table-struct:\n"
        "\n"
        "    :remarks:\n"
        "      単位　ミリメートル\n"
        "\n"
        "    * - 区分\n"
        "      - Ａ\n"
        "\n"
        "    注\n"
        "      一　最小値を示す。\n"
    )
    (table,) = doc.appendices[0].children
    assert isinstance(table, Table)
    assert table.remarks_before == 1
    assert [r.label for r in table.remarks] == [None, "注"]


def test_cells_holding_paragraphs_and_figures() -> None:
    doc = _round(
        "法\n"
        "\n"
        "# 別表第一（第一条関係）\n"
        "\n"
        '  * - [Valign="top"]一\n'
        '    - [Valign="top"] |\n'
        "      :paragraph:（一）　最初の項\n"
        "\n"
        '      <Fig src="./pict/a.jpg"/>\n'
    )
    (appendix,) = doc.appendices
    assert isinstance(appendix, AppdxTable)
    assert appendix.title == "別表第一"
    assert appendix.related_article_num == "（第一条関係）"
    (table,) = appendix.children
    assert isinstance(table, Table)
    cell = table.rows[0].cells[1]
    assert cell.text == ""
    paragraph, figure = cell.blocks
    assert isinstance(paragraph, Paragraph)
    assert paragraph.label == "（一）"
    assert figure == FigStruct(key="f1", fig=Fig(key="g1", src="./pict/a.jpg"))


def test_appendices_of_every_kind() -> None:
    doc = _round(
        "法\n"
        "\n"
        "第一条　本文\n"
        "\n"
        "# 別記\n"
        "\n"
        "  :note-struct:\n"
        "    :ignore-title:\n"
        "\n"
        ":appdx-style:別表第五　証明書の様式（第二十一条関係）\n"
        "\n"
        "  :style-struct:\n"
        '    <Fig src="./pict/b.pdf"/>\n'
        "\n"
        ":appdx-format:信託表示簿雛形\n"
        "\n"
        "  :format-struct:\n"
        '    <Fig src="./pict/c.jpg"/>\n'
        "\n"
        "  :format-struct:表題\n"
        "    一行の文\n"
        '    :remarks:[LineBreak="true"]（備考）\n'
        "      備考の文\n"
        "\n"
        "# 付録\n"
        "\n"
        "  :arith-formula:\n"
        "    - X×（ｐ／Ｐ）\n"
        "    - Ｘは、…\n"
    )
    note, style, fmt, formula = doc.appendices
    assert isinstance(note, AppdxNote)
    assert note.children == (NoteStruct(key="n1", content=(Sentence(key="l1", text=""),)),)
    assert isinstance(style, AppdxStyle)
    assert style.title == "別表第五　証明書の様式"
    assert style.children == (StyleStruct(key="n1", content=(Fig(key="g1", src="./pict/b.pdf"),)),)
    assert isinstance(fmt, AppdxFormat)
    second = fmt.children[1]
    assert isinstance(second, FormatStruct)
    assert second.title == "表題"
    assert second.remarks == (
        Remarks(
            key="rm1",
            label="（備考）",
            line_break=True,
            children=(Sentence(key="l1", text="備考の文"),),
        ),
    )
    (arith,) = formula.children
    assert isinstance(arith, ArithFormula)
    assert [b.text for b in arith.children if isinstance(b, ListBlock)] == [
        "X×（ｐ／Ｐ）",
        "Ｘは、…",
    ]


def test_appendix_items_take_a_tag() -> None:
    doc = _round(
        "法\n\n第一条　本文\n\n# 別表第一（第三条関係）\n\n"
        "  # 一　施設\n\n  :item:一の二　施設の二\n"
    )
    (appendix,) = doc.appendices
    first, second = appendix.children
    assert isinstance(first, Item)
    assert isinstance(second, Item)
    assert (first.num, first.label) == (Num.of(1), None)
    assert (second.num, second.label) == (Num.of(1, 2), None)


def test_supplement_appendix_and_appendices_between_supplements() -> None:
    doc = _round(
        "法\n"
        "\n"
        "第一条　本文\n"
        "\n"
        "# 様式第一（第一条関係）\n"
        "\n"
        "  :style-struct:\n"
        '    <Fig src="./pict/s.pdf"/>\n'
        "\n"
        "      附　則\n"
        "\n"
        "この法律は、公布の日から施行する。\n"
        "\n"
        "# 附則別表（附則第二条関係）\n"
        "  * - 一\n"
        "    - 二\n"
        "\n"
        "      附　則　（令和二年法律第一号）　抄\n"
        "\n"
        "１　この法律は、公布の日から施行する。\n"
    )
    assert doc.appendix_places == (0,)
    first, _ = doc.supplements
    (appendix,) = first.appendices
    assert isinstance(appendix, SupplProvisionAppdxTable)
    assert appendix.title == "附則別表"


def test_figures_styles_and_lists_in_paragraphs_and_suppl_notes() -> None:
    doc = _round(
        "法\n"
        "\n"
        "第一条　本文\n"
        "\n"
        "  :fig-struct:図の題\n"
        '    <Fig src="./pict/f.jpg"/>\n'
        "\n"
        "  - 一つ目\n"
        "    - 入れ子\n"
        "  一　号\n"
        "\n"
        "    :style-struct:様式\n"
        "      本文の行\n"
        "\n"
        ":suppl-note:（罰則　第百十九条）\n"
    )
    article = doc.body[0]
    assert isinstance(article, Article)
    assert article.suppl_note == "（罰則　第百十九条）"
    fig, entry, item = article.paragraphs[0].children
    assert fig == FigStruct(key="f1", title="図の題", fig=Fig(key="g1", src="./pict/f.jpg"))
    assert entry == ListBlock(
        key="li1", text="一つ目", children=(ListBlock(key="li1", text="入れ子"),)
    )
    assert isinstance(item, Item)
    assert isinstance(item.children[0], StyleStruct)


def test_amending_provisions() -> None:
    doc = _round(
        "法\n"
        "\n"
        "第二条　旧法（平成二十六年法律第一号）の一部を次のように改正する。\n"
        "  附則第二項中「平成三十六年」を「令和六年」に改める。\n"
        "\n"
        "第三条　別の書き方をする。\n"
        "  :amend-provision:第四条を削る。\n"
    )
    first, second = doc.body
    assert isinstance(first, Article)
    (amend,) = first.paragraphs[0].children
    assert amend == AmendProvision(
        key="ap1", text="附則第二項中「平成三十六年」を「令和六年」に改める。"
    )
    assert isinstance(second, Article)
    assert isinstance(second.paragraphs[0].children[0], AmendProvision)


def test_captions_with_a_control_tag_and_divisions_without_title() -> None:
    doc = _round("法\n\n      第一章\n\n  :caption:見出し（括弧の外）\n第一条　本文\n")
    (chapter,) = doc.body
    assert isinstance(chapter, Division)
    assert chapter.title == ""
    assert isinstance(chapter.children[0], Article)
    assert chapter.children[0].caption == "見出し（括弧の外）"


def test_paragraphs_written_without_blank_lines_keep_their_layout() -> None:
    doc = _round(
        "法\n\n第一条　本文\n\n      附　則\n\n"
        "  （施行期日）\n１　施行\n\n  （経過措置）\n２　二\n３　三\n"
    )
    paragraphs = doc.supplements[0].body
    assert [p.tight for p in paragraphs if isinstance(p, Paragraph)] == [False, False, True]


@pytest.mark.parametrize(
    ("text", "line", "column", "expected"),
    [
        ("法\n\n第一条　本文\n \n", 4, 2, "pairs of ASCII spaces"),
        ("法\n\n第一条　本文\n  \n", 4, 1, "white space only"),
        ("法\n\n第一条　本文\n  * - |\n", 4, 3, "multi-line cell"),
        ("法\n\n第一条\u3000 二つの空白\n", 3, 4, "one full-width space"),
        ("法\n\n第一条　本文\n２\u3000 二つ\n", 4, 2, "one full-width space"),
        (
            "法\n\n第一条　本文\n\n      附則\u3000（令和二年法律第一号）\u3000\u3000抄\n",
            5,
            7,
            "抄",
        ),
    ],
)
def test_what_lawtext_cannot_hold_is_refused_with_line_and_column(
    text: str, line: int, column: int, expected: str
) -> None:
    with pytest.raises(ParseError) as info:
        parse_lawtext(text)
    assert (info.value.line, info.value.column) == (line, column), str(info.value)
    assert expected in str(info.value)


# ---------------------------------------------------------------------------------------
# Built documents with the statute elements beyond the article tree

_TEXT = st.text(alphabet="あいう漢字甲乙丙、。ＡＢ１２", min_size=1, max_size=8)
_ATTRS = st.lists(
    st.sampled_from([("Align", "center"), ("Valign", "top"), ("rowspan", "2")]),
    max_size=2,
    unique=True,
).map(tuple)


@st.composite
def _tables(draw: st.DrawFn, key: str, *, remarks: bool) -> Table:
    width = draw(st.integers(1, 3))
    rows = []
    for r in range(1, draw(st.integers(1, 3)) + 1):
        cells = []
        for _ in range(width):
            lines = draw(st.lists(_TEXT, min_size=1, max_size=3))
            cells.append(Cell(text="\n".join(lines), attrs=draw(_ATTRS)))
        rows.append(Row(key=f"r{r}", cells=tuple(cells)))
    notes: tuple[Remarks, ...] = ()
    if remarks and draw(st.booleans()):
        notes = (
            Remarks(
                key="rm1",
                label="備考",
                children=tuple(
                    Sentence(key=f"l{n}", text="文" + t)
                    for n, t in enumerate(draw(st.lists(_TEXT, min_size=1, max_size=2)), 1)
                ),
            ),
        )
    title = draw(st.one_of(st.none(), _TEXT)) if remarks else None
    return Table(key=key, rows=tuple(rows), title=title, remarks=notes)


@st.composite
def _appendices(draw: st.DrawFn) -> tuple[AppdxTable | AppdxStyle | AppdxNote, ...]:
    out: list[AppdxTable | AppdxStyle | AppdxNote] = []
    for n in range(1, draw(st.integers(1, 3)) + 1):
        kind = draw(st.sampled_from(["table", "items", "style", "note"]))
        related = draw(st.one_of(st.none(), st.just("（第一条関係）")))
        key = f"appdx{n}"
        if kind == "table":
            tables = tuple(
                draw(_tables(f"t{k}", remarks=True)) for k in range(1, draw(st.integers(1, 2)) + 1)
            )
            out.append(
                AppdxTable(
                    key=key, title=f"別表第{n}", related_article_num=related, children=tables
                )
            )
        elif kind == "items":
            items = tuple(
                Item(key=f"i{k}", num=Num.of(k), text=draw(_TEXT))
                for k in range(1, draw(st.integers(1, 3)) + 1)
            )
            out.append(AppdxTable(key=key, title=f"別表第{n}", children=items))
        elif kind == "style":
            fig = Fig(key="g1", src=f"./pict/{n}.pdf")
            out.append(
                AppdxStyle(
                    key=key,
                    title=f"様式第{n}",
                    related_article_num=related,
                    children=(StyleStruct(key="n1", content=(fig,)),),
                )
            )
        else:
            sentence = Sentence(key="l1", text=draw(_TEXT))
            out.append(
                AppdxNote(
                    key=key, title="別記", children=(NoteStruct(key="n1", content=(sentence,)),)
                )
            )
    return tuple(out)


@given(_appendices(), st.lists(_TEXT, min_size=0, max_size=2))
def test_built_documents_with_appendices_read_back_equal(
    appendices: tuple[AppdxTable | AppdxStyle | AppdxNote, ...], enact: list[str]
) -> None:
    article = Article(
        key="a1", num=Num.of(1), paragraphs=(Paragraph(key="p1", num=Num.of(1), text="本文"),)
    )
    doc = Document(
        title="法",
        enact_statements=tuple(
            EnactStatement(key=f"e{n}", text=t) for n, t in enumerate(enact, start=1)
        ),
        body=(article,),
        appendices=appendices,
    )
    text = render_lawtext(doc)
    assert parse_lawtext(text) == doc
    assert render_lawtext(parse_lawtext(text)) == text


def test_a_format_struct_under_a_paragraph_is_written() -> None:
    # Found by the fuzz suite: the writer took a FormatStruct for a list entry
    # (AttributeError). Lines from 大正十一年司法省令第四十五号 with a blank line removed.
    text = (
        "規則\n（大正十一年司法省令第四十五号）\n\n"
        "第一条\u3000左記雛形ニ依リ之ヲ調製スヘシ\n\n"
        "      附\u3000則\u3000（昭和二四年六月一日法務府令第八号）\u3000抄\n\n"
        "１\u3000この府令は、公布の日から施行する。\n\n"
        "  :format-struct:\n"
        '    <Fig src="./pict/T11F00501000045-001.jpg"/>\n'
    )
    doc = parse_lawtext(text)
    assert parse_lawtext(render_lawtext(doc)) == doc
