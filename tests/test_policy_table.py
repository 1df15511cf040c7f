"""The 新旧対照表 of web policies: the changed paragraph, list item, quote, table row or raw
HTML block shown old beside new with the changed words (English) or characters (Japanese)
marked, the unchanged blocks of each section elided; on every recorded series of real
policies, consecutive versions."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Sequence
from pathlib import Path

import pytest

from legaldocs import Diff, Document, diff, parse_markdown, render_diff
from legaldocs.compare._render import _bullets, _unit_blocks
from legaldocs.compare._shinkyu import Block, hang, shown_texts

from .conftest import CORPORA

SERIES = sorted(p for p in (CORPORA / "policies").iterdir() if p.is_dir())

OLD = """# Privacy Policy

Last updated: March 1, 2024

## 1. Who we are

We are Example Inc.

## 2. What we collect

We collect the data you give us.

- your name
- your email address
- your phone number

1. first
2. second

> Quoted text that stays.
> Quoted line two.

| Data | Purpose |
| --- | --- |
| Email | Login |
| Phone | Support |

<Data Protection Officer>

## 3. Contact us

Write to us.
"""

NEW = (
    OLD.replace("your email address", "your e-mail address")
    .replace("| Phone | Support |", "| Phone | Customer support |")
    .replace("<Data Protection Officer>", "<Data Protection Office>")
    .replace("Quoted line two.", "Quoted line 2.")
    .replace("2. second", "2. second one\n3. third")
    .replace("## 2. What we collect", "## 2. Cookies\n\nWe use cookies.\n\n## 3. What we collect")
    .replace("## 3. Contact us", "## 4. Contact us")
)

EXPECTED = """\
+------------------------------------------+------------------------------------------+
| New                                      | Old                                      |
+------------------------------------------+------------------------------------------+
| 【2. Cookies】                           | (added)                                  |
| 【We use cookies.】                      |                                          |
+------------------------------------------+------------------------------------------+
| 【3】. What we collect                   | 【2】. What we collect                   |
| (omitted)                                | (omitted)                                |
| 　• (omitted)                            | 　• (omitted)                            |
| 　• your 【e-mail】 address              | 　• your 【email】 address               |
| 　• (omitted)                            | 　• (omitted)                            |
| 　1. (omitted)                           | 　1. (omitted)                           |
| 　2. second【 one】                      | 　2. second                              |
| 　【3.】 【third】                       | (added)                                  |
| 　Quoted text that stays.                | 　Quoted text that stays.                |
| 　Quoted line 【2】.                     | 　Quoted line 【two】.                   |
| 　(omitted)                              | 　(omitted)                              |
| 　Phone | 【Customer support】           | 　Phone | 【Support】                    |
| <Data Protection 【Office】>             | <Data Protection 【Officer】>            |
+------------------------------------------+------------------------------------------+
| 【4】. Contact us                        | 【3】. Contact us                        |
| (omitted)                                | (omitted)                                |
+------------------------------------------+------------------------------------------+
"""


def test_a_policy_section_shows_its_changed_blocks() -> None:
    """Paragraphs, list items, quotes, table rows and raw HTML: the changed one old beside
    new, changed words marked; unchanged ones elided; an inserted section is new on one
    side only and the sections after it are renumbered, not rewritten."""
    table = render_diff(diff(parse_markdown(OLD), parse_markdown(NEW)), "table", width=40)
    assert table == EXPECTED


def test_english_is_marked_by_words_japanese_by_characters() -> None:
    old = "# 規約\n\n## 第1条（目的）\n\n本規約は、当社のサービスの利用条件を定めます。\n\n"
    new = old.replace("利用条件", "利用規定")
    table = render_diff(diff(parse_markdown(old), parse_markdown(new)), "table", width=60)
    assert "本規約は、当社のサービスの利用【規定】を定めます。" in table
    assert "本規約は、当社のサービスの利用【条件】を定めます。" in table
    old_en = "# Terms\n\n## Use\n\nYou may use the services for personal purposes.\n"
    new_en = old_en.replace("personal", "private")
    table = render_diff(diff(parse_markdown(old_en), parse_markdown(new_en)), "table", width=60)
    assert "for 【private】 purposes." in table
    assert "for 【personal】 purposes." in table


def test_lines_of_a_paragraph_stay_level() -> None:
    """An address that gains a line: equal lines stand opposite each other."""
    old = "# Terms\n\n## Contact\n\nExample Inc.  \n1 Main St.  \nSpringfield\n"
    new = old.replace("1 Main St.  \n", "2 Side St.  \nFloor 4  \n")
    blocks = _blocks(diff(parse_markdown(old), parse_markdown(new)))
    rows = [(_plain(b.new), _plain(b.old)) for b in blocks[0]]
    assert rows == [
        ("Contact", "Contact"),
        ("Example Inc.  ", "Example Inc.  "),
        ("2 Side St.  ", "1 Main St.  "),
        ("Floor 4  ", ""),
        ("Springfield", "Springfield"),
    ]


def test_the_html_and_word_tables_hold_the_changed_text() -> None:
    changes = diff(parse_markdown(OLD), parse_markdown(NEW))
    page = render_diff(changes, "table", table_format="html", page=True)
    assert "<title>Privacy Policy　Comparison table</title>" in page
    assert "your <u>e-mail</u> address" in page
    assert "Phone | <u>Customer support</u>" in page
    assert "&lt;Data Protection <u>Office</u>&gt;" in page
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(render_diff(changes, "docx")))
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "• your e-mail address" in cells
    assert "(added)" in cells


def test_a_page_without_a_title_is_named_by_its_kind() -> None:
    old = "## Use\n\nYou may use it.\n"
    changes = diff(parse_markdown(old), parse_markdown(old.replace("may", "can")))
    assert "<title>Comparison table</title>" in render_diff(changes, "html", page=True).replace(
        "Changes", "Comparison table"
    )
    assert "<h1>Comparison table</h1>" in render_diff(
        changes, "table", table_format="html", page=True
    )


def _blocks(changes: Diff) -> list[list[Block]]:
    return _unit_blocks(changes, changes.new.style.numerals, _bullets(changes))


def _plain(line: Sequence[tuple[str, bool]]) -> str:
    return "".join(text for text, _ in hang(line)[1])


def _lines(text: str) -> list[str]:
    """The lines of a text as the table shows them (cells as ``a | b``), indents stripped."""
    out = []
    for line in text.replace("\t", " | ").split("\n"):
        line = line.strip(" \u3000\t")
        if line:
            out.append(line)
    return out


def _versions(folder: Path) -> list[Document]:
    with (folder / "versions.tsv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    return [parse_markdown((folder / row[0]).read_bytes()) for row in rows]


def test_every_series_is_there() -> None:
    assert len(SERIES) == 14


@pytest.mark.parametrize("folder", SERIES, ids=[p.name for p in SERIES])
def test_the_table_of_consecutive_versions_holds_every_change(folder: Path) -> None:
    """Every changed block's old and new text is in the table, on its side; the table
    renders as text, Markdown and HTML."""
    docs = _versions(folder)
    checked = changed = 0
    for old, new in itertools.pairwise(docs):
        changes = diff(old, new)
        changed += len(changes)
        assert render_diff(changes, "table", table_format="text")
        assert render_diff(changes, "table", table_format="markdown")
        assert render_diff(changes, "table", table_format="html")
        blocks = _blocks(changes)
        sides = {
            side: "\n".join(_plain(getattr(b, side)) for unit in blocks for b in unit)
            for side in ("old", "new")
        }
        for change in changes:
            for side in ("old", "new"):
                element = getattr(change, side)
                if element is None or change.element_type in ("document", "toc"):
                    continue
                for _, text in shown_texts(element):
                    for line in _lines(text):
                        assert line in sides[side], (change.path, side, line)
                        checked += 1
    assert checked or not changed
