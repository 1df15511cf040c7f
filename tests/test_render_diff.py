"""render_diff: golden files for every format on a clinic-like policy, plus properties.

Set LEGALDOCS_UPDATE_GOLDEN=1 to rewrite the golden files (then read them before committing).
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given

from legaldocs import (
    Article,
    Document,
    Item,
    LegaldocsError,
    Num,
    Paragraph,
    Revision,
    Style,
    Supplement,
    diff,
    render_diff,
)
from legaldocs.compare._render import JSON_SCHEMA, display_width

from .strategies import documents

GOLDEN = Path(__file__).parent / "golden" / "diff"
N = Num.of
CLINIC = Style(numerals="arabic", items="bullets")


def _items(*texts: str) -> tuple[Item, ...]:
    return tuple(Item(key=f"i{i}", num=N(i), text=t) for i, t in enumerate(texts, start=1))


def _art(num: int, caption: str, *paragraphs: Paragraph, key: str | None = None) -> Article:
    return Article(key=key or f"a{num}", num=N(num), caption=caption, paragraphs=paragraphs)


def _p(num: int, text: str, *items: Item) -> Paragraph:
    return Paragraph(key=f"p{num}", num=N(num), text=text, children=items)


PREAMBLE = (
    Paragraph(
        key="pre1",
        num=N(1),
        anonymous=True,
        text="ミニマムスキンクリニックグループ及び株式会社klinik(以下、総称して当グループ等)は、"
        "お客様の個人情報の取扱いについて、以下のとおりプライバシーポリシーを定めます。",
    ),
)

A1 = _art(
    1,
    "(個人情報)",
    _p(1, "「個人情報」とは、個人情報保護法第2条にいう「個人情報」を指しております。"),
)
A2 = _art(
    2,
    "(個人情報の収集方法)",
    _p(
        1,
        "当グループ等は、お客様が本サイトを利用する際に以下の個人情報の登録を求めます。",
        *_items("氏名", "生年月日", "住所", "電話番号"),
    ),
)
A3 = _art(
    3,
    "(利用目的の変更)",
    _p(1, "当グループ等は、利用目的を変更することができるものとします。"),
    _p(2, "利用目的の変更を行った場合には、本サイト上で公表します。"),
)
A4 = _art(
    4, "(個人情報の安全管理)", _p(1, "当グループ等は、必要かつ適切な措置を講じるものとします。")
)
A5 = _art(5, "(お問い合わせ窓口)", _p(1, "お問い合わせは、下記の窓口までお願いいたします。"))

FIRST = Revision(date=pendulum.date(2021, 2, 25), event="制定")
OLD = Document(
    title="プライバシーポリシー",
    alt_title="PRIVACY POLICY",
    preamble=PREAMBLE,
    body=(A1, A2, A3, A4, A5),
    supplements=(Supplement(key="s1", revisions=(FIRST,)),),
    style=CLINIC,
)

NEW = attrs.evolve(
    OLD,
    body=(
        A1,
        _art(
            2,
            "(個人情報の収集方法)",
            _p(
                1,
                "当グループ等は、お客様が本サイトを利用する際に以下の個人情報の登録を求め、"
                "これを収集することがあります。",
                *_items("氏名", "生年月日", "住所", "電話番号", "メールアドレス"),
            ),
        ),
        _art(
            3,
            "(Cookieの使用)",
            _p(1, "本サイトは、Cookie及び<script>等の技術を使用することがあります。"),
            key="cookie",
        ),
        attrs.evolve(A3, num=N(4)),
        attrs.evolve(
            A4,
            num=N(5),
            caption="（個人情報の安全管理）",
        ),
    ),
    supplements=(
        Supplement(
            key="s1",
            revisions=(FIRST, Revision(date=pendulum.date(2024, 4, 1), event="改定")),
        ),
    ),
)

DIFF = diff(OLD, NEW)

CASES = {
    "unified.txt": lambda: render_diff(DIFF, "unified"),
    "table.txt": lambda: render_diff(DIFF, "table", width=36),
    "table-old-first.txt": lambda: render_diff(
        DIFF, "table", width=36, order=("old", "new"), marks=("〔", "〕"), typographic=False
    ),
    "table.md": lambda: render_diff(DIFF, "table", table_format="markdown"),
    "table.html": lambda: render_diff(DIFF, "table", table_format="html"),
    "redline.html": lambda: render_diff(DIFF, "html"),
    "diff.json": lambda: render_diff(DIFF, "json"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    text = CASES[name]()
    path = GOLDEN / name
    if os.environ.get("LEGALDOCS_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"golden file {path} missing: run with LEGALDOCS_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


def test_the_golden_diff_reads_right() -> None:
    summary = [(c.kinds, c.old_path, c.new_path) for c in DIFF]
    assert summary == [
        (("modified",), "a2/p1", "a2/p1"),
        (("added",), None, "a2/p1/i5"),
        (("added",), None, "cookie"),
        (("renumbered",), "a3", "a3"),
        (("renumbered", "caption"), "a4", "a4"),
        (("removed",), "a5", None),
        (("modified",), "s1", "s1"),
    ]
    caption = DIFF.changes[4]
    assert not caption.typographic  # renumbered too
    assert all(op.typographic for op in caption.ops if op.tag != "equal")


def test_json_is_valid_and_versioned() -> None:
    data = json.loads(render_diff(DIFF, "json"))
    assert data["schema"] == JSON_SCHEMA
    assert data["changes"][0]["kinds"] == ["modified"]
    for change in data["changes"]:
        if change["field"] is not None:
            rebuilt = "".join(op["new_text"] for op in change["ops"])
            assert rebuilt == change["new_text"]


def test_text_table_columns_line_up() -> None:
    lines = render_diff(DIFF, "table", width=30).splitlines()
    assert len({display_width(line) for line in lines}) == 1


def test_html_escapes_text() -> None:
    for output in (render_diff(DIFF, "html"), render_diff(DIFF, "table", table_format="html")):
        assert "<script>" not in output
        assert html.escape("<script>") in output


def test_markdown_escapes_pipes() -> None:
    old = Document(title="t", body=(_art(1, "(a|b)", _p(1, "x|y")),))
    new = Document(title="t", body=(_art(1, "(a|b)", _p(1, "x|z")),))
    out = render_diff(diff(old, new), "table", table_format="markdown")
    assert "x\\|" in out
    assert all(line.count(" | ") == 1 for line in out.splitlines()[2:])


def test_kaimebun_format_writes_amendment_sentences() -> None:
    from legaldocs import render_kaimebun

    text = render_diff(DIFF, "kaimebun")
    day = pendulum.Date(2000, 1, 1)
    amendment = DIFF.to_amendment(id="diff", enacted=day, effective=day)
    assert text == render_kaimebun(amendment, document=OLD)
    sentence = "第4条の見出しを「（個人情報の安全管理）」に改め、同条を第5条とし、"
    assert "第5条を削る。\n" + sentence in text


@pytest.mark.parametrize(
    "options",
    [
        {"format": "yaml"},
        {"format": "table", "table_format": "csv"},
        {"format": "table", "order": ("new", "new")},
        {"format": "table", "width": 2},
    ],
)
def test_bad_options_are_library_errors(options: dict[str, object]) -> None:
    with pytest.raises(LegaldocsError):
        render_diff(DIFF, **options)  # type: ignore[arg-type]


def test_empty_diff_renders() -> None:
    same = diff(OLD, OLD)
    assert render_diff(same, "unified") == "--- プライバシーポリシー\n+++ プライバシーポリシー\n"
    assert json.loads(render_diff(same, "json"))["changes"] == []


def test_typographic_filter() -> None:
    a4 = attrs.evolve(A4, caption="（個人情報の安全管理）")
    only_typo = diff(OLD, attrs.evolve(OLD, body=(A1, A2, A3, a4, A5)))
    assert len(only_typo) == 1
    assert only_typo.changes[0].typographic
    assert "安全管理" in render_diff(only_typo, "unified")
    assert "安全管理" not in render_diff(only_typo, "unified", typographic=False)


@given(documents(), documents())
def test_every_format_renders_any_diff(old: Document, new: Document) -> None:
    result = diff(old, new)
    data = json.loads(render_diff(result, "json"))
    assert len(data["changes"]) == len(result)
    assert render_diff(result, "unified").count("\n@@ ") == len(result)
    assert render_diff(result, "html").count("<section") == len(result)
    lines = render_diff(result, "table", width=20).splitlines()
    assert len({display_width(line) for line in lines}) == 1
    render_diff(result, "table", table_format="markdown")
    render_diff(result, "table", table_format="html")
