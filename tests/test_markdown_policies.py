"""Web policies in Markdown as sites publish them: every version of the corpus reads and writes
back byte for byte, and the model holds what the text says."""

from __future__ import annotations

import attrs
import markdown_it
import pendulum
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from legaldocs import (
    BlockList,
    CodeBlock,
    Dateline,
    Document,
    FormatError,
    HtmlBlock,
    LinkDefinitions,
    PipeTable,
    Quote,
    Section,
    TextBlock,
    ThematicBreak,
    dumps,
    loads,
    parse_markdown,
    render_html,
    render_markdown,
)
from legaldocs.model import _element
from legaldocs.model._blocks import heading_number, read_dateline

from .conftest import CORPORA

POLICIES = CORPORA / "policies"
VERSIONS = sorted(POLICIES.glob("*/*.md"))
IDS = [f"{p.parent.name}/{p.name}" for p in VERSIONS]
_MD = markdown_it.MarkdownIt("commonmark").enable("table")


def _read(path: object) -> str:
    assert hasattr(path, "read_bytes")
    return path.read_bytes().decode("utf-8")  # keeps a BOM and CRLF as they are


def _plain(element: object) -> object:
    """``element`` with every presentation field at its default, all the way down."""
    if not attrs.has(type(element)):
        return element
    spec = _element.spec(type(element))
    fields = attrs.fields_dict(type(element))
    changes: dict[str, object] = {name: fields[name].default for name in spec.presentation}
    for name in spec.children:
        changes[name] = tuple(_plain(child) for child in getattr(element, name))
    return attrs.evolve(element, **changes)


def test_the_corpus_is_there() -> None:
    assert len(VERSIONS) == 250


@pytest.mark.parametrize("path", VERSIONS, ids=IDS)
def test_version_round_trips_byte_for_byte(path: object) -> None:
    text = _read(path)
    doc = parse_markdown(text)
    assert doc.markup is not None, "read as legaldocs' article layout, not as a policy"
    assert render_markdown(doc) == text


@pytest.mark.parametrize("path", VERSIONS, ids=IDS)
def test_version_without_layout_says_the_same(path: object) -> None:
    """Dropping every presentation field gives a plainer text that markdown-it-py shows as
    the same HTML and that reads back as the same content: the blocks hold what the text
    says, not only how it was written."""
    text = _read(path)
    doc = parse_markdown(text)
    plain = attrs.evolve(doc, body=tuple(_plain(e) for e in doc.body), markup=None)
    plain_text = render_markdown(plain)
    assert _MD.render(plain_text) == _MD.render(text.removeprefix("\ufeff"))
    again = parse_markdown(plain_text, structure="sections")
    assert tuple(_plain(e) for e in again.body) == plain.body
    assert again.title == doc.title


_PIECES = [
    *"#-*+=_|>`~<!&;\\[]():.) \n",
    "\r\n",
    "\r",
    "  ",
    "    ",
    "\u3000",
    "\ufeff",
    "# ",
    "## ",
    "- ",
    "* ",
    "1. ",
    "2) ",
    "> ",
    "```",
    "---",
    "===",
    "| a | b |\n| --- | :-: |\n",
    "<div>",
    "</div>",
    "<!-- c -->",
    "[x]: /url",
    "[x]",
    "**b**",
    "text",
    "日本語",
    "Last updated: May 1, 2024",
    "1. Introduction",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@example("\ufeff# Title\r\n\r\nLast updated: May 1, 2024\r\n")
@example("#\n\n# \n")
@example("1. a\n1. b\n\n   1) c\n")
def test_any_text_round_trips(text: str) -> None:
    doc = parse_markdown(text, structure="sections")
    out = render_markdown(doc)
    if out != text:  # only a few odd constructs (a setext heading with a lazy line)
        assert parse_markdown(out, structure="sections").body == doc.body
        assert _MD.render(out) == _MD.render(text.removeprefix("\ufeff"))


def test_sections_nest_by_level_and_keep_their_headings() -> None:
    doc = parse_markdown(
        "# Privacy Policy\n\nIntro.\n\n## [](#1-about)**1. About this Policy**\n\nText.\n\n"
        "### 1.2 Scope\n\n- a\n  - b\n\n## Contact us\n\n<Data Protection Officer>\n"
    )
    assert doc.title == "Privacy Policy"
    assert doc.lang == "en"
    intro, about, contact = doc.body
    assert isinstance(intro, TextBlock)
    assert isinstance(about, Section)
    assert isinstance(contact, Section)
    assert about.heading == "[](#1-about)**1. About this Policy**"
    assert (about.level, about.num, about.caption) == (2, "1", "About this Policy")
    scope = about.children[1]
    assert isinstance(scope, Section)
    assert (scope.num, scope.caption) == ("1.2", "Scope")
    outer = scope.children[0]
    assert isinstance(outer, BlockList)
    inner = outer.items[0].children[1]
    assert isinstance(inner, BlockList)
    assert contact.num is None
    assert contact.children == (HtmlBlock(key="x1", html="<Data Protection Officer>"),)
    assert doc.get("h1/h1/l1/i1/l1/i1").children[0].text == "b"  # type: ignore[union-attr]


def test_inline_markdown_is_kept_and_shown_as_html() -> None:
    text = "Text with **Service Option**, [a link](https://example.com) and `code`.\n"
    doc = parse_markdown(text)
    assert doc.body[0] == TextBlock(key="p1", text=text.rstrip("\n"))
    html = render_html(doc)
    assert "<strong>Service Option</strong>" in html
    assert '<a href="https://example.com">a link</a>' in html
    assert "<code>code</code>" in html


def test_html_escapes_raw_html_and_unsafe_links() -> None:
    doc = parse_markdown("<script>alert(1)</script>\n\nA [bad](javascript:alert(1)) <b>x</b>\n")
    html = render_html(doc)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def test_no_title_a_bom_and_crlf() -> None:
    text = "\ufeffEffective July 1, 2026\r\n\r\n## 1. Terms\r\n\r\nText"
    doc = parse_markdown(text)
    assert doc.title == ""
    assert doc.markup is not None
    assert (doc.markup.bom, doc.markup.newline, doc.markup.final_newline) == (True, "\r\n", False)
    dateline = doc.body[0]
    assert isinstance(dateline, Dateline)
    assert dateline.date == pendulum.date(2026, 7, 1)
    assert dateline.label == "Effective"
    assert render_markdown(doc) == text


@pytest.mark.parametrize(
    ("text", "date", "label"),
    [
        ("Last updated: _30 November 2025_", pendulum.date(2025, 11, 30), "Last updated"),
        ("Effective date: August 25, 2023", pendulum.date(2023, 8, 25), "Effective date"),
        ("*発効日 2024 年 4 月 3 日*", pendulum.date(2024, 4, 3), "発効日"),
        ("最終更新　2025 年 6 月 10 日", pendulum.date(2025, 6, 10), "最終更新"),
        ("2020年9月9日", pendulum.date(2020, 9, 9), ""),
        ("We updated this policy on May 1, 2024 to add a section.", None, None),
        ("Effective February 30, 2024", None, None),
    ],
)
def test_datelines(text: str, date: pendulum.Date | None, label: str | None) -> None:
    found = read_dateline(text)
    assert found == (None if date is None else (date, label))


@pytest.mark.parametrize(
    ("heading", "num"),
    [
        ("1. Introduction", "1"),
        ("1\\. Introduction", "1"),
        ("[](#1-2-terms)1.2. Terms of Service", "1.2"),
        ("**a. Account and Password**", "a"),
        ("Section 12 Disputes", "12"),
        ("IV. Liability", "IV"),
        ("第3条（利用目的）", "3"),
        ("Contact us", None),
        ("I agree", None),
        ("2024 update", None),
        ("Mozilla が皆様に付与する権利と許可", None),
    ],
)
def test_heading_numbers(heading: str, num: str | None) -> None:
    assert heading_number(heading) == num


def test_every_block_kind_round_trips_and_serializes() -> None:
    text = (
        "Title\n=====\n\n> quoted **text**\n> - in a list\n\n```python\ncode\n```\n\n"
        "    indented code\n\n* * *\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
        "[ref]: https://example.com\n\n1) one\n2) two\n\n   para in two\n"
    )
    doc = parse_markdown(text)
    kinds = [type(b) for b in doc.body]
    assert kinds == [
        Quote,
        CodeBlock,
        CodeBlock,
        ThematicBreak,
        PipeTable,
        LinkDefinitions,
        BlockList,
    ]
    table = doc.body[4]
    assert isinstance(table, PipeTable)
    assert table.align == ("left", "right")
    assert [c.text for c in table.rows[1].cells] == ["1", "2"]
    listing = doc.body[6]
    assert isinstance(listing, BlockList)
    assert (listing.ordered, listing.marker, listing.tight) == (True, ")", False)
    assert render_markdown(doc) == text
    assert loads(dumps(doc), Document) == doc


def test_an_edited_heading_is_written_plainly() -> None:
    doc = parse_markdown("Title\n=====\n\nAbout\n-----\n\nText.\n")
    section = doc.body[0]
    assert isinstance(section, Section)
    edited = attrs.evolve(doc, body=(attrs.evolve(section, heading="About us"),))
    assert render_markdown(edited) == "Title\n=====\n\n## About us\n\nText.\n"


def test_mixing_articles_and_sections_is_refused() -> None:
    from legaldocs import Article, Num

    doc = Document(
        title="t",
        body=(Article(key="a1", num=Num.of(1)), TextBlock(key="p1", text="x")),
    )
    with pytest.raises(FormatError, match="mixing"):
        render_markdown(doc)


def test_the_article_layout_is_still_read_when_exact() -> None:
    text = "# 規程\n\n## 第1条（目的）\n\n本文。\n"
    doc = parse_markdown(text)
    assert doc.markup is None
    assert doc.get("第1条").caption == "（目的）"  # type: ignore[union-attr]
    assert parse_markdown(text, structure="sections").markup is not None


@pytest.mark.parametrize(
    "text",
    [
        "1. a\n\n    \tb\n",  # the fuzz finding (seed 28): a tab across the content column
        "- a\n\n  \t  b\n",
        "100. a\n\n      \tb\n",
        "> a\n>\n>     \tb\n",
        "> 1. a\n>\n>     \tb\n",
        "1. a\n\n   \t\tb\n   \t\tc\n",
        "- a\n\n  |\tx | y |\n  | - | - |\n",
        "8. #### x\n\t    y\n",  # fuzz (seed 29): the item's tab reaches past its content column
        "8. #### x\n\t    y\n\t     z\n",
        "1. a\n\n   - b\n\n\t     y\n",  # a nested list under that tab
        "1. a\n\n   - b\n\n\t     y\n\t     z\n",
        "1. a\n\n   > b\n   >\n\t>     y\n",  # a quote under it
        "- a\n\n  8. #### x\n  \t    y\n",
    ],
)
def test_a_tab_in_a_containers_code_or_table_is_kept(text: str) -> None:
    # the writer checks a block's raw lines at the column they start at (tabs stop at
    # multiples of 4), not at column 0
    assert render_markdown(parse_markdown(text)) == text


@pytest.mark.parametrize("code", [" y2", " y2\n y3", "y2", "  y2"])
def test_an_edited_code_block_under_a_tab_past_the_content_column_reads_back(code: str) -> None:
    # the kept prefix (a tab) ends a column past the item's content column: the writer
    # lays out the new code for it, or for new prefixes when the line count changed
    doc = parse_markdown("8. #### x\n\t    y\n")
    (blocks,) = doc.body
    item = blocks.items[0]
    section = item.children[0]
    block = section.children[0]
    assert block.code == " y"
    section = attrs.evolve(section, children=(attrs.evolve(block, code=code),))
    item = attrs.evolve(item, children=(section,))
    edited = attrs.evolve(doc, body=(attrs.evolve(blocks, items=(item,)),))
    again = parse_markdown(render_markdown(edited))
    assert again.body[0].items[0].children[0].children[0].code == code
