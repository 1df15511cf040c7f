"""Tests of the Markdown reader and writer in legaldocs' article layout (the policy reading
of any Markdown is tested in tests/test_markdown_policies.py)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pendulum
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from legaldocs import (
    Article,
    Cell,
    Document,
    Item,
    LegaldocsError,
    Num,
    Paragraph,
    ParseError,
    Row,
    Style,
    Table,
    parse_markdown,
    render_markdown,
)
from legaldocs.model._citation import key_paths
from tests import strategies

DATA = Path(__file__).parent / "data"


@given(strategies.documents())
def test_round_trip(doc: Document) -> None:
    assert parse_markdown(render_markdown(doc)) == doc


@given(
    strategies.documents(
        style=Style(numerals="arabic", items="numbered", article_label="dotted")
    ).map(lambda d: d.__class__(**{**_fields(d), "lang": "en"}))
)
def test_round_trip_english_dotted(doc: Document) -> None:
    text = render_markdown(doc)
    assert "<!--" not in text
    assert parse_markdown(text) == doc


@given(
    strategies.documents(style=Style(numerals="arabic", items="bullets", article_label="english"))
)
def test_round_trip_english_article_labels(doc: Document) -> None:
    assert parse_markdown(render_markdown(doc)) == doc


def _fields(doc: Document) -> dict[str, object]:
    import attrs

    return attrs.asdict(doc, recurse=False)


@given(strategies.multiline_texts)
@example("*a* _b_ #c |d| <e> 1. f\\g &amp; `h` ~i~")
@example("1. starts like a list\n- and so\n+ does\n= this\n# heading\n[x]: /url")
@example("    four spaces\n\ttab ")
@example("\nempty\n\nlines")
def test_special_characters_survive(text: str) -> None:
    doc = Document(
        title=text.split("\n")[0],
        body=(
            Article(
                key="a1",
                num=Num.of(1),
                paragraphs=(
                    Paragraph(
                        key="p1",
                        num=Num.of(1),
                        text=text,
                        children=(Item(key="i1", num=Num.of(1), text=text),),
                    ),
                ),
            ),
        ),
    )
    assert parse_markdown(render_markdown(doc)) == doc


@given(strategies.tables())
def test_label_value_table_round_trip(table: Table) -> None:
    doc = Document(title="特定商取引法に基づく表記", body=(table,))
    text = render_markdown(doc)
    assert "| --- | --- |" in text
    assert parse_markdown(text) == doc


def test_table_is_a_gfm_pipe_table() -> None:
    table = Table.from_pairs("t1", [("販売業者", "株式会社klinik"), ("所在地", "東京都\n渋谷区")])
    text = render_markdown(Document(title="表記", body=(table,)))
    assert "| 販売業者 | 株式会社klinik |" in text
    assert "| 所在地 | 東京都<br>渋谷区 |" in text


def test_cell_attributes_are_refused_in_strict_mode() -> None:
    table = Table(key="t1", rows=(Row(key="r1", cells=(Cell(text="x", attrs=(("a", "b"),)),)),))
    doc = Document(title="t", body=(table,))
    with pytest.raises(LegaldocsError, match="cell attributes"):
        render_markdown(doc)
    assert "x" in render_markdown(doc, strict=False)


def test_links_and_emphasis_are_kept_as_written() -> None:
    doc = parse_markdown(
        "# ポリシー\n\n## 第7条（Google）\n\n**重要** [Google](https://policies.google.com/)\n",
        structure="articles",
    )
    assert doc.get("a7/p1").text == "**重要** [Google](https://policies.google.com/)"  # type: ignore[union-attr]


def test_nested_lists_render_with_indentation() -> None:
    inner = (Item(key="i1", num=Num.of(1), text="イ"), Item(key="i2", num=Num.of(2), text="ロ"))
    doc = Document(
        title="t",
        style=Style(numerals="arabic", items="bullets"),
        body=(
            Article(
                key="a1",
                num=Num.of(1),
                paragraphs=(
                    Paragraph(
                        key="p1",
                        num=Num.of(1),
                        text="本文",
                        children=(Item(key="i1", num=Num.of(1), text="一", children=inner),),
                    ),
                ),
            ),
        ),
    )
    text = render_markdown(doc)
    assert "本文\n\n- 一\n  - イ\n  - ロ\n" in text
    assert parse_markdown(text) == doc


def test_numbered_items_with_a_gap_start_a_new_list() -> None:
    items = tuple(Item(key=f"i{k}", num=Num.of(n), text=f"x{n}") for k, n in enumerate((1, 3), 1))
    doc = Document(
        title="t",
        body=(
            Article(
                key="a1",
                num=Num.of(1),
                paragraphs=(Paragraph(key="p1", num=Num.of(1), text="p", children=items),),
            ),
        ),
    )
    text = render_markdown(doc)
    assert "1. x1\n\n3) x3" in text
    assert parse_markdown(text) == doc


def test_setext_headings_and_arabic_articles() -> None:
    doc = parse_markdown("Policy\n======\n\n第3条(利用目的)\n---\n\n本文\n", structure="articles")
    assert doc.title == "Policy"
    article = doc.get("第3条")
    assert isinstance(article, Article)
    assert article.caption == "(利用目的)"


def test_divisions() -> None:
    doc = parse_markdown(
        "# 規程\n\n## 第一章　総則\n\n### 第一条（目的）\n\n目的。\n\n"
        "## 第二章 雑則\n\n### 第二条\n\n雑則。\n\n#### 第三条　削除\n",
        structure="articles",
    )
    assert [d.title for d in doc.body] == ["総則", "雑則"]  # type: ignore[union-attr]
    assert doc.body[1].key == "ch2"
    assert doc.style.numerals == "kanji"
    third = doc.get("第三条")
    assert isinstance(third, Article)
    assert third.deleted


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("本文\n\n# title\n", 1, "title"),
        ("# t\n\n- item\n", 3, "must follow a paragraph"),
        ("# t\n\n## はじめに\n\n本文\n", 3, "neither an article"),
        ("# t\n\n## 第一章 総則\n\n本文\n", 5, "must be inside an article"),
        ("# t\n\n## 第一節 a\n\n### 第一章 b\n", 5, "inside a 節"),
        ("# t\n\n## 第1条\n\n```\ncode\n```\n", 5, "code blocks"),
        ("# t\n\n## 第1条\n\n> quote\n", 5, "block quotes"),
        ("# t\n\n## 第1条\n\n- a\n\n  second paragraph\n", 7, "second paragraph"),
        ("# t\n\n## 第1条\n\nx\n\n## 第1条\n\ny\n", 7, "appears twice"),
        ("<!-- legaldocs: items=lots -->\n# t\n", 1, "bad legaldocs setting"),
    ],
)
def test_parse_errors(text: str, line: int, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        parse_markdown(text, source="policy.md", structure="articles")
    assert info.value.line == line
    assert info.value.column is not None
    assert "policy.md" in str(info.value)


def test_unrepresentable_documents_raise() -> None:
    article = Article(
        key="a1", num=Num.of(1), paragraphs=(Paragraph(key="p1", num=Num.of(1), text="a\nb\n"),)
    )
    with pytest.raises(LegaldocsError, match="empty line"):
        render_markdown(Document(title="t", body=(article,)))
    with pytest.raises(LegaldocsError, match="several lines"):
        render_markdown(Document(title="a\nb"))
    branch = Item(key="i1", num=Num.of(3, 2), text="x")
    article = Article(
        key="a1",
        num=Num.of(1),
        paragraphs=(Paragraph(key="p1", num=Num.of(1), text="a", children=(branch,)),),
    )
    with pytest.raises(LegaldocsError, match="branch"):
        render_markdown(Document(title="t", body=(article,)))


def test_era_revision_lines() -> None:
    doc = parse_markdown(
        "# t\n\n## 附則\n\n令和3年2月25日 制定\\\n令和元年5月1日 改定\n", structure="articles"
    )
    revisions = doc.supplements[0].revisions
    assert revisions[0].date == pendulum.date(2021, 2, 25)
    assert revisions[0].era
    assert revisions[1].date == pendulum.date(2019, 5, 1)
    assert revisions[1].event == "改定"
    assert parse_markdown(render_markdown(doc), structure="articles") == doc


# -- real data ------------------------------------------------------------------------


def test_english_privacy_policy() -> None:
    text = (DATA / "privacy-policy-en.md").read_text(encoding="utf-8")
    doc = parse_markdown(text, source="privacy-policy-en.md", structure="articles")
    assert doc.lang == "en"
    assert doc.style.article_label == "dotted"
    assert doc.title == "Privacy Policy"
    articles = list(doc.articles())
    assert [a.caption for a in articles] == [
        "Information we collect",
        "How we use your information",
        "Sharing of information",
        "Cookies and analytics",
        "Your rights",
        "Changes to this policy",
    ]
    first = articles[0]
    assert first.paragraphs[0].text.startswith("We collect the following")
    items = [c for c in first.paragraphs[0].children if isinstance(c, Item)]
    assert [c.label for c in items] == ["(a)", "(b)", "(c)"]
    assert [c.num for c in items] == [Num.of(1), Num.of(2), Num.of(3)]
    assert items[0].text == "contact details, namely your:"
    contact = first.paragraphs[0].children[0]
    assert isinstance(contact, Item)
    assert [c.text for c in contact.children] == ["name;", "email address; and", "phone number."]
    cookies = doc.get("a4/p1")
    assert isinstance(cookies, Paragraph)
    assert "[Google Analytics](https://marketingplatform.google.com/)" in cookies.text
    assert parse_markdown(render_markdown(doc), structure="articles") == doc


def test_clinic_privacy_policy() -> None:
    text = (DATA / "clinic-privacy-policy.md").read_text(encoding="utf-8")
    doc = parse_markdown(text, source="clinic-privacy-policy.md", structure="articles")
    assert doc.alt_title == "PRIVACY POLICY"
    assert doc.title == "プライバシーポリシー"
    assert doc.preamble[0].text.startswith("ミニマムスキンクリニックグループ")
    assert [a.caption for a in doc.articles()] == [
        "(個人情報)",
        "(個人情報の収集方法)",
        "(個人情報を収集・利用する目的)",
    ]
    second = doc.get("第2条")
    assert isinstance(second, Article)
    assert len(second.paragraphs) == 1
    assert [c.text for c in second.paragraphs[0].children][:2] == ["氏名", "生年月日"]  # type: ignore[union-attr]
    assert len(second.paragraphs[0].children) == 10
    third = doc.get("第3条")
    assert isinstance(third, Article)
    assert len(third.paragraphs) == 3
    purposes = doc.get("第3条第2項")
    assert isinstance(purposes, Paragraph)
    assert len(purposes.children) == 10
    assert doc.get("第3条第2項第10号").text == "上記の利用目的に付随する目的"  # type: ignore[union-attr]
    assert doc.supplements[0].revisions[0].date == pendulum.date(2021, 2, 25)
    assert doc.style == Style(numerals="arabic", items="bullets")
    assert parse_markdown(render_markdown(doc), structure="articles") == doc


def test_clinic_seed_captions_match_the_markdown(shared: Path) -> None:
    seed = (shared / "seeds" / "clinic-legal-pages.txt").read_text(encoding="utf-8")
    doc = parse_markdown(
        (DATA / "clinic-privacy-policy.md").read_text(encoding="utf-8"), structure="articles"
    )
    for article in doc.articles():
        assert f"第{article.num}条{article.caption}" in seed
        for par in article.paragraphs:
            assert par.text in seed
            for child in par.children:
                assert isinstance(child, Item)
                assert child.text in seed


@given(st.sampled_from(["clinic-privacy-policy.md", "privacy-policy-en.md"]))
def test_data_files_render_stably(name: str) -> None:
    doc = parse_markdown((DATA / name).read_text(encoding="utf-8"), structure="articles")
    once = render_markdown(doc)
    assert render_markdown(parse_markdown(once, structure="articles")) == once


_MD_PIECES = [
    "1.",
    "3)",
    "第1条",
    "第一章",
    "第2節",
    "附則",
    "Article 2",
    "Chapter 1",
    "0. x",
    "<!--",
    "-->",
    "&#0;",
    "<br>",
    "a",
    "本文",
    "2021年2月25日 制定",
    "令和0年1月1日 制定",
    "\n-",
    "\n##",
    "\n1.",
    "\n  - ",
]
_MD_ALPHABET = st.sampled_from([*"#-*+=_|>`~<!&;\\[]()（）.) 　\n\t", "  ", "    ", *_MD_PIECES])


@given(st.lists(_MD_ALPHABET, max_size=40).map("".join))
def test_any_input_parses_or_raises_parse_error(text: str) -> None:
    try:
        doc = parse_markdown("# t\n\n" + text)
    except ParseError:
        return
    try:
        again = parse_markdown(render_markdown(doc))
    except LegaldocsError:
        return
    assert again == doc


class _Display(HTMLParser):
    """What a CommonMark reader shows: texts of <p>/<li>/<td> and the depth of each <li>."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, list[str] | None]] = []
        self.texts: list[str] = []
        self.li_depths: list[int] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "br":
            self.handle_data("\n")
        elif tag in ("p", "li", "td", "th", "h1", "h2", "h3", "h4"):
            if tag == "li":
                self.li_depths.append(sum(t == "li" for t, _ in self.stack) + 1)
            self.stack.append((tag, []))
        elif tag in ("ul", "ol", "table") and self.stack and self.stack[-1][0] == "li":
            self.close_text()

    def close_text(self) -> None:
        tag, buffer = self.stack[-1]
        if buffer is not None:
            self.texts.append("".join(buffer).replace("\n\n", "\n").strip("\n"))
            self.stack[-1] = (tag, None)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "li", "td", "th", "h1", "h2", "h3", "h4"):
            self.close_text()
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for _, buffer in reversed(self.stack):
            if buffer is not None:
                buffer.append(data)
                return


@settings(max_examples=40)
@given(strategies.documents())
def test_a_commonmark_reader_displays_the_text(doc: Document) -> None:
    """Checked with markdown-it-py (CommonMark + GFM tables), an independent reader."""
    import markdown_it

    rendered = markdown_it.MarkdownIt("commonmark").enable("table").render(render_markdown(doc))
    shown = _Display()
    shown.feed(rendered)
    texts = [t for t in shown.texts if t]
    expected = [e.text for _, e in key_paths(doc) if isinstance(e, (Paragraph, Item))]
    position = 0
    for text in expected:
        while position < len(texts) and texts[position] != text:
            position += 1
        assert position < len(texts), f"{text!r} is not displayed as written"
        position += 1
    item_depths = [p.count("/i") for p, e in key_paths(doc) if isinstance(e, Item)]
    assert shown.li_depths == item_depths
    headings = sum(shown.tags.count(h) for h in ("h2", "h3", "h4"))
    divisions = sum(1 for e in doc.body if not isinstance(e, Article))
    assert headings == len(list(doc.articles())) + divisions + len(doc.supplements)
    assert shown.tags.count("h1") == (2 if doc.alt_title else 1)


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("(a)", "x"),
        ("(iv)", "x"),
        ("（１）", "　全角"),
        ("(b)", ""),
        (None, "(a) x"),
        (None, "（１）"),
    ],
)
def test_item_labels(label: str | None, text: str) -> None:
    item = Item(key="i1", num=Num.of(1), text=text, label=label)
    doc = Document(
        title="t",
        body=(
            Article(
                key="a1",
                num=Num.of(1),
                paragraphs=(Paragraph(key="p1", num=Num.of(1), text="p", children=(item,)),),
            ),
        ),
    )
    assert parse_markdown(render_markdown(doc)) == doc


def test_other_item_labels_are_refused_in_strict_mode() -> None:
    item = Item(key="i1", num=Num.of(1), text="x", label="一から三まで")
    doc = Document(
        title="t",
        body=(
            Article(
                key="a1",
                num=Num.of(1),
                paragraphs=(Paragraph(key="p1", num=Num.of(1), text="p", children=(item,)),),
            ),
        ),
    )
    with pytest.raises(LegaldocsError, match="label"):
        render_markdown(doc)


def test_autolinks_and_inline_html_at_line_start_are_text() -> None:
    doc = parse_markdown(
        "# t\n\n## 第7条\n\n本サイト訪問者は、以下のURLから設定できます。\n"
        "<https://tools.google.com/dlpage/gaoptout>\n\n<span>強調</span>です。\n",
        structure="articles",
    )
    first = doc.get("a7/p1")
    assert isinstance(first, Paragraph)
    assert first.text.endswith("\n<https://tools.google.com/dlpage/gaoptout>")
    second = doc.get("a7/p2")
    assert isinstance(second, Paragraph)
    assert second.text == "<span>強調</span>です。"
    with pytest.raises(ParseError, match="raw HTML"):
        parse_markdown("# t\n\n<div>\nx\n</div>\n", structure="articles")
