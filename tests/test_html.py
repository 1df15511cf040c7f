"""Tests of the HTML writer."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import attrs
from hypothesis import given

from legaldocs import (
    Article,
    Document,
    Item,
    Num,
    Paragraph,
    Table,
    html_id,
    parse_markdown,
    render_html,
)
from legaldocs.model._citation import key_paths
from tests import strategies

DATA = Path(__file__).parent / "data"

_VOCABULARY = {
    "article", "section", "header", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "p", "div",
    "span", "ol", "ul", "li", "table", "tbody", "tr", "th", "td", "br", "time",
    "html", "head", "meta", "title", "body",
}  # fmt: skip
_VOID = {"br", "meta"}


class _Collector(HTMLParser):
    """Collects start tags, ids, and the text of elements with a given class."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.attrs_of: dict[str, dict[str, str | None]] = {}
        self.captured: dict[str, list[str]] = {}
        self.stack: list[tuple[str, str | None]] = []
        self.declarations: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.declarations.append(decl)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
            self.attrs_of[str(values["id"])] = values
        if tag == "br":
            self.data("\n")
            return
        if tag in _VOID:
            return
        capture = None
        classes = (values.get("class") or "").split()
        for name in ("text", "caption", "title"):
            if name in classes:
                capture = name
        if tag in ("h1", "th", "td", "p") and capture is None:
            capture = tag if tag != "p" or "alt-title" in classes else None
        if capture is not None:
            self.captured.setdefault(capture, []).append("")
        self.stack.append((tag, capture))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        opened, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"

    def data(self, text: str) -> None:
        for _, capture in reversed(self.stack):
            if capture is not None:
                self.captured[capture][-1] += text
                return

    def handle_data(self, data: str) -> None:
        self.data(data)


def _collect(text: str) -> _Collector:
    collector = _Collector()
    collector.feed(text)
    collector.close()
    assert not collector.stack
    return collector


def _texts(doc: Document) -> list[str]:
    return [e.text for _, e in key_paths(doc) if isinstance(e, (Paragraph, Item))]


@given(strategies.documents())
def test_texts_come_back_exactly_and_nothing_is_injected(doc: Document) -> None:
    found = _collect(render_html(doc))
    assert set(found.tags) <= _VOCABULARY
    assert found.captured.get("text", []) == _texts(doc)
    assert found.captured.get("h1") == [doc.title]
    captions = [a.caption for a in doc.articles() if a.caption is not None]
    assert found.captured.get("caption", []) == captions


@given(strategies.documents())
def test_ids_are_unique_and_follow_key_paths(doc: Document) -> None:
    found = _collect(render_html(doc))
    assert len(found.ids) == len(set(found.ids))
    for path, element in key_paths(doc):
        if isinstance(element, (Article, Paragraph, Item, Table)):
            assert html_id(path) in found.ids


def test_script_is_text() -> None:
    doc = Document(
        title="<script>alert(1)</script>",
        preamble=(Paragraph(key="pre1", num=Num.of(1), text='"><img src=x>&amp;', anonymous=True),),
    )
    page = render_html(doc, full_page=True)
    assert "<script>" not in page
    found = _collect(page)
    assert "script" not in found.tags
    assert "img" not in found.tags
    assert found.captured["text"] == ['"><img src=x>&amp;']
    assert found.captured["h1"] == ["<script>alert(1)</script>"]


def test_multi_line_text_uses_br() -> None:
    doc = Document(
        title="t",
        preamble=(Paragraph(key="pre1", num=Num.of(1), text="一行目\n二行目", anonymous=True),),
    )
    assert "一行目<br>二行目" in render_html(doc)


def _policy() -> Document:
    return parse_markdown(
        (DATA / "clinic-privacy-policy.md").read_text(encoding="utf-8"), structure="articles"
    )


def test_ids_stay_when_an_article_is_renumbered() -> None:
    doc = _policy()
    before = _collect(render_html(doc)).ids
    renumbered = attrs.evolve(
        doc,
        body=tuple(
            attrs.evolve(a, num=Num.of(a.num.main + 1)) if isinstance(a, Article) else a
            for a in doc.body
        ),
    )
    html = render_html(renumbered)
    assert "第4条" in html
    assert _collect(html).ids == before
    assert "a3-p2-i10" in before


def test_clinic_policy_structure() -> None:
    found = _collect(render_html(_policy()))
    assert {"a1", "a1-p1", "a2-p1-i1", "a3-p2", "a3-p2-i1", "s1", "preamble-pre1"} <= set(found.ids)
    assert found.captured["p"] == ["PRIVACY POLICY"]


def test_lang_attribute() -> None:
    en = parse_markdown(
        (DATA / "privacy-policy-en.md").read_text(encoding="utf-8"), structure="articles"
    )
    assert render_html(en).startswith('<article class="legaldocs" lang="en">')
    assert '<html lang="en">' in render_html(en, full_page=True)
    assert 'lang="ja"' in render_html(_policy())


def test_fragment_and_full_page() -> None:
    doc = _policy()
    fragment = render_html(doc)
    page = render_html(doc, full_page=True)
    assert "<!DOCTYPE" not in fragment
    assert "<html" not in fragment
    assert page.startswith("<!DOCTYPE html>\n")
    assert '<meta charset="utf-8">' in page
    assert "<title>プライバシーポリシー (PRIVACY POLICY)</title>" in page
    assert fragment in page
    assert _collect(page).declarations == ["DOCTYPE html"]


def test_label_value_table() -> None:
    table = Table.from_pairs("t1", [("販売業者", "株式会社klinik"), ("所在地", "東京都\n<渋谷区>")])
    html = render_html(Document(title="特定商取引法に基づく表記", body=(table,)))
    assert '<tr id="t1-r1"><th scope="row">販売業者</th><td>株式会社klinik</td></tr>' in html
    found = _collect(html)
    assert found.captured["th"] == ["販売業者", "所在地"]
    assert found.captured["td"] == ["株式会社klinik", "東京都\n<渋谷区>"]


def test_revision_dates_are_time_elements() -> None:
    html = render_html(_policy())
    assert '<time datetime="2021-02-25">2021年2月25日</time> 制定' in html


def test_numbered_items_carry_their_value() -> None:
    items = tuple(Item(key=f"i{k}", num=Num.of(n), text="x") for k, n in enumerate((1, 3), 1))
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
    found = _collect(render_html(doc))
    assert found.attrs_of["a1-p1-i2"]["value"] == "3"
    assert found.attrs_of["a1-p1-i2"]["data-label"] == "三"


def test_html_id() -> None:
    assert html_id("a3/p2/i1") == "a3-p2-i1"
    assert html_id("ch1.sec2") == "ch1.sec2"
    assert html_id("x y") == "x_u0020y"


def test_english_headings() -> None:
    en = parse_markdown(
        (DATA / "privacy-policy-en.md").read_text(encoding="utf-8"), structure="articles"
    )
    html = render_html(en)
    assert (
        '<h2><span class="num">1.</span> <span class="caption">Information we collect</span>'
        in html
    )
    assert "<ul" in html
    assert (
        '<li id="a1-p1-i1" data-num="1"><span class="label">(a)</span> '
        '<span class="text">contact details, namely your:</span>'
    ) in html
