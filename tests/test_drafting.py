"""The 新旧対照表 as ministries publish it, the HTML page, Word output and typography.

See docs/explanation/kaimebun.md for the rules these tests hold the writers to.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from legaldocs import Article, Document, Item, Num, Paragraph, Style, diff, render_diff
from legaldocs.cli import main
from legaldocs.compare._render import display_width
from legaldocs.compare._shinkyu import _NO_END, _NO_START, _is_word_char, wrap
from legaldocs.formats.lawtext import parse_lawtext

from .conftest import CORPORA, ROOT

N = Num.of
KANJI = Style(numerals="kanji")
GYOSEI = CORPORA / "gyosei-tetsuzuki-ho"


def _items(*texts: str) -> tuple[Item, ...]:
    return tuple(Item(key=f"i{k}", num=N(k), text=t) for k, t in enumerate(texts, start=1))


def _law(items: tuple[Item, ...], caption: str = "（定義）") -> Document:
    paragraph = Paragraph(key="p1", num=N(1), text="次に掲げる者をいう。", children=items)
    article = Article(key="a2", num=N(2), caption=caption, paragraphs=(paragraph,))
    return Document(title="テスト法", body=(article,), style=KANJI)


OLD = _law(_items("甲", "乙", "丙", "丁", "戊", "己", "庚"))
NEW = _law(_items("甲", "乙", "丙", "丁", "戊", "己の二", "庚", "辛"), caption="（用語の定義）")


def _rows(text: str) -> list[tuple[str, str]]:
    out = []
    for line in text.splitlines():
        if line.startswith("| "):
            left, right = line[2:-2].split(" | ")
            out.append((left.rstrip(), right.rstrip()))
    return out


def test_the_table_as_ministries_publish_it() -> None:
    rows = _rows(render_diff(diff(OLD, NEW), "table", width=30))
    assert rows[0] == ("改正後", "改正前")
    # the caption on its own line, above the article's first line
    assert rows[1] == ("　（【用語の】定義）", "　（定義）")
    assert rows[2] == ("第二条　次に掲げる者をいう。", "第二条　次に掲げる者をいう。")
    # unchanged items collapse to a range
    assert rows[3] == ("　一～五　（略）", "　一～五　（略）")
    assert rows[4] == ("　六　己【の二】", "　六　己")
    assert rows[5] == ("　七　（略）", "　七　（略）")
    # a new item opposite （新設）
    assert rows[6] == ("　【八　辛】", "（新設）")


def test_a_removed_item_stands_opposite_sakuru() -> None:
    rows = _rows(render_diff(diff(NEW, OLD), "table", width=30))
    assert ("（削る）", "　【八　辛】") in rows


def test_two_unchanged_are_joined_with_a_dot() -> None:
    old = _law(_items("甲", "乙", "丙"))
    new = _law(_items("甲", "乙", "丙の二"))
    rows = _rows(render_diff(diff(old, new), "table", width=30))
    assert ("　一・二　（略）", "　一・二　（略）") in rows


def test_columns_in_the_other_order_with_other_marks() -> None:
    text = render_diff(diff(OLD, NEW), "table", width=30, order=("old", "new"), marks=("〔", "〕"))
    rows = _rows(text)
    assert rows[0] == ("改正前", "改正後")
    assert ("　六　己", "　六　己〔の二〕") in rows


# -- 禁則 line breaking ------------------------------------------------------------------

TEXT = st.text(
    alphabet=st.sampled_from(list("あいう漢字、。（）「」ABC xyz 123 ")),
    min_size=0,
    max_size=120,
)


@given(TEXT, st.integers(min_value=8, max_value=30))
@example("1、、、、", 8)  # the marks ran back to the line's start: "1" then "、、、、"
def test_kinsoku(text: str, width: int) -> None:
    lines = ["".join(t for t, _ in line) for line in wrap([(text, False)], width, display_width)]
    assert "".join(lines) == text
    for k, line in enumerate(lines):
        assert display_width(line) <= width or len(line) == 1 or all(map(_is_word_char, line))
        if k > 0 and line:
            assert line[0] not in _NO_START or all(c in _NO_START for c in lines[k - 1][-1:])
        if k < len(lines) - 1 and line:
            assert line[-1] not in _NO_END or all(c in _NO_END for c in line)
        # a Latin word or number is split only when longer than a line
        following = lines[k + 1] if k + 1 < len(lines) else ""
        if line and following and _is_word_char(line[-1]) and _is_word_char(following[0]):
            assert all(_is_word_char(c) for c in line)


def test_kinsoku_on_a_real_article() -> None:
    old = parse_lawtext((GYOSEI / "08-20060614.law.txt").read_text("utf-8"))
    new = parse_lawtext((GYOSEI / "09-20140613.law.txt").read_text("utf-8"))
    text = render_diff(diff(old, new), "table", width=40)
    for left, right in _rows(text):
        for side in (left, right):
            assert not side or side[0] not in "、。）」", side
            assert not side or side[-1] not in "（「", side
    golden = ROOT / "tests" / "golden" / "shinkyu" / "gyosei-tetsuzuki-ho-08-09.txt"
    if os.environ.get("LEGALDOCS_WRITE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, "utf-8")
    assert text == golden.read_text("utf-8")


# -- typography and amending laws' 附則 ---------------------------------------------------


def test_width_only_changes_are_left_out_of_kaimebun_unless_asked() -> None:
    old = _law(_items("ＡＢＣ社", "乙"))
    new = _law(_items("ABC社", "乙の二"))
    d = diff(old, new)
    assert render_diff(d, "kaimebun") == "第二条第二号中「乙」を「乙の二」に改める。\n"
    assert render_diff(d, "kaimebun", typographic=True) == (
        "第二条第一号中「ＡＢＣ」を「ABC」に改め、同条第二号中「乙」を「乙の二」に改める。\n"
    )


def test_the_amending_laws_own_supplement_is_not_a_change() -> None:
    old = parse_lawtext((GYOSEI / "09-20140613.law.txt").read_text("utf-8"))
    new = parse_lawtext((GYOSEI / "10-20140613.law.txt").read_text("utf-8"))
    d = diff(old, new)
    assert any(c.element_type == "supplement" for c in d)  # the consolidation adds it
    assert "附則" not in render_diff(d, "kaimebun")
    assert "附　則（平成二六年六月一三日" not in render_diff(d, "table")
    assert "附　則（平成二六年六月一三日" in render_diff(d, "table", amending_supplements=True)


# -- HTML pages --------------------------------------------------------------------------


def test_html_page_in_the_documents_language() -> None:
    page = render_diff(diff(OLD, NEW), "table", table_format="html", page=True)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="ja">' in page
    assert "<th>改正後</th><th>改正前</th>" in page
    assert "傍線部分は改正部分" in page
    assert "@media print" in page
    redline = render_diff(diff(OLD, NEW), "html", page=True)
    assert "今回の改正" in redline
    assert "（改正）" in redline or "・改正" in redline
    assert "(modified)" not in redline


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and os.environ.get("CI"):
        pytest.fail("chromium is required in CI (.ci/run installs it)")
    return found


@pytest.mark.parametrize("kind", ["table", "redline"])
def test_the_page_renders_in_chromium(kind: str, tmp_path: Path) -> None:
    chromium = _chromium()
    if chromium is None:
        pytest.skip("chromium is not installed")
    old = parse_lawtext((GYOSEI / "08-20060614.law.txt").read_text("utf-8"))
    new = parse_lawtext((GYOSEI / "09-20140613.law.txt").read_text("utf-8"))
    d = diff(old, new)
    if kind == "table":
        page = render_diff(d, "table", table_format="html", page=True)
    else:
        page = render_diff(d, "html", page=True)
    source = tmp_path / f"{kind}.html"
    source.write_text(page, "utf-8")
    shot = tmp_path / f"{kind}.png"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1200,900",
            f"--screenshot={shot}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert len(data) > 10_000  # text was drawn, not a blank page
    pdf = tmp_path / f"{kind}.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--print-to-pdf={pdf}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert pdf.read_bytes().startswith(b"%PDF")


# -- Word --------------------------------------------------------------------------------


def test_docx_reads_back_with_cells_and_underlines() -> None:
    docx = pytest.importorskip("docx")
    data = render_diff(diff(OLD, NEW), "docx")
    document = docx.Document(io.BytesIO(data))
    (table,) = document.tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["改正後", "改正前"]
    assert cells[1] == ["（用語の定義）", "（定義）"]
    assert cells[2] == ["第二条　次に掲げる者をいう。"] * 2
    assert ["一～五　（略）", "一～五　（略）"] in cells
    assert ["八　辛", "（新設）"] in cells
    # indents are formatting, not spaces: items one character in, wrapped lines hanging
    indent = [row.cells[0].paragraphs[0].paragraph_format.left_indent for row in table.rows]
    assert indent[3] > indent[2]
    underlined = [
        run.text
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
        if run.underline
    ]
    assert underlined == ["用語の", "の二", "八　辛"]
    assert "傍線部分は改正部分" in document.paragraphs[-1].text


def test_cli_writes_docx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    out = tmp_path / "table.docx"
    code = main(
        [
            "diff",
            str(GYOSEI / "08-20060614.law.txt"),
            str(GYOSEI / "09-20140613.law.txt"),
            "--format",
            "docx",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    table = docx.Document(str(out)).tables[0]
    texts = [c.text for row in table.rows for c in row.cells]
    article = "第二十七条　この節の規定に基づく処分又はその不作為については、"
    assert article + "審査請求をすることができない。" in texts
    assert "（削る）" in texts


def test_cli_refuses_docx_to_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "diff",
            str(GYOSEI / "08-20060614.law.txt"),
            str(GYOSEI / "09-20140613.law.txt"),
            "--format",
            "docx",
        ]
    )
    assert code != 0
    assert "-o" in capsys.readouterr().err
