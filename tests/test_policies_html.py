"""Policies as web sites publish them, in HTML: read with CSS selectors (parse_html), written
with their inline formatting (render_html)."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import markdown_it
import pytest

from legaldocs import (
    BlockList,
    Dateline,
    ParseError,
    PipeTable,
    Section,
    TextBlock,
    parse_html,
    parse_markdown,
    render_html,
    render_markdown,
)

from .conftest import CORPORA
from .test_markdown_policies import _plain

_MD = markdown_it.MarkdownIt("commonmark").enable("table")
SERIES = sorted(p for p in (CORPORA / "policies").iterdir() if p.is_dir())
LATEST = [sorted(s.glob("*.md"))[-1] for s in SERIES]


def _words(html: str) -> str:
    text = lxml.html.fromstring(f"<div>{html}</div>").text_content()
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("path", LATEST, ids=[p.parent.name for p in LATEST])
def test_a_published_page_reads_as_the_same_text(path: Path) -> None:
    """The policy's page (its Markdown shown by markdown-it-py, inside navigation to drop)
    reads back as a document whose Markdown shows the same words."""
    page = _MD.render(path.read_text(encoding="utf-8").removeprefix("\ufeff"))
    html = (
        '<html><body><nav class="menu"><a href="/">Home</a></nav>'
        f'<main id="content">{page}<div class="cookie-banner">Accept cookies</div></main>'
        "<footer>© Example</footer></body></html>"
    )
    doc = parse_html(html, select="#content", remove=[".cookie-banner"])
    shown = _words(_MD.render(render_markdown(doc)))
    assert shown == _words(page)
    assert "Accept cookies" not in shown
    assert "Home" not in shown.split(" ")[:1]


def test_structure_and_inline_formatting() -> None:
    doc = parse_html(
        """<html lang="en"><body><article>
        <h1>Privacy Policy</h1><p>Last updated: <em>May 1, 2024</em></p>
        <h2>1. Who we are</h2><p>We are <strong>Example</strong> (see
        <a href="https://example.com/about">about us</a>); write to
        <code>dpo@example.com</code>.</p>
        <h3>1.1 Contact</h3>
        <ul><li>By mail<ul><li>Nested *star*</li></ul></li><li>By phone</li></ul>
        <h2>Cookies</h2><table><tr><th>Name</th><th align="right">Days</th></tr>
        <tr><td>sid</td><td>30</td></tr></table>
        </article></body></html>""",
        select="article",
    )
    assert doc.title == "Privacy Policy"
    assert doc.lang == "en"
    dateline, who, cookies = doc.body
    assert isinstance(dateline, Dateline)
    assert dateline.text == "Last updated: *May 1, 2024*"
    assert isinstance(who, Section)
    assert (who.num, who.caption) == ("1", "Who we are")
    text = who.children[0]
    assert isinstance(text, TextBlock)
    assert text.text == (
        "We are **Example** (see [about us](https://example.com/about)); "
        "write to `dpo@example.com`."
    )
    contact = who.children[1]
    assert isinstance(contact, Section)
    listing = contact.children[0]
    assert isinstance(listing, BlockList)
    nested = listing.items[0].children[1]
    assert isinstance(nested, BlockList)
    assert nested.items[0].children == (TextBlock(key="p1", text="Nested \\*star\\*"),)
    assert isinstance(cookies, Section)
    table = cookies.children[0]
    assert isinstance(table, PipeTable)
    assert table.align == (None, "right")
    markdown = render_markdown(doc)
    again = parse_markdown(markdown).body
    assert tuple(_plain(b) for b in again) == tuple(_plain(b) for b in doc.body)


def test_selector_errors() -> None:
    with pytest.raises(ParseError, match="no element matches"):
        parse_html("<html><body><p>x</p></body></html>", select="#missing")
    with pytest.raises(ParseError, match="not a CSS selector"):
        parse_html("<html><body><p>x</p></body></html>", select="p[")


def test_several_selectors_read_in_document_order() -> None:
    doc = parse_html(
        "<html><body><div class='b'><p>second</p></div><div class='a'><p>first</p>"
        "<p class='ad'>ad</p></div></body></html>",
        select=[".a", ".b"],
        remove=".ad",
    )
    assert [b.text for b in doc.body] == ["second", "first"]  # type: ignore[union-attr]


def test_render_html_shows_formatting_and_escapes_the_rest() -> None:
    doc = parse_markdown(
        "# Terms\n\n## 1. Use\n\nDo **not** <script>x</script> [go](https://e.com).\n\n"
        "<div onclick='x'>raw</div>\n"
    )
    html = render_html(doc)
    assert "<h1>Terms</h1>" in html
    assert '<section class="section" id="h1" data-num="1">' in html
    assert "<strong>not</strong>" in html
    assert "&lt;script&gt;" in html
    assert '<a href="https://e.com">go</a>' in html
    assert "<div onclick" not in html
