"""legaldocs.diff on real statutes: consecutive versions of 行政手続法 and 電気事業法, each read
on its own with the Lawtext reader (keys follow numbers, as in independent parses)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from legaldocs import Document, apply_ops, diff, parse_lawtext, render_diff

from .conftest import CORPORA

GYOSEI = CORPORA / "gyosei-tetsuzuki-ho"
DENKI = CORPORA / "denki-jigyo-ho"


@cache
def _doc(path: Path) -> Document:
    return parse_lawtext(path.read_text(encoding="utf-8"), source=str(path))


def _check(old: Document, new: Document) -> None:
    result = diff(old, new)
    olds = [c.old_path for c in result if c.old_path is not None]
    news = [c.new_path for c in result if c.new_path is not None]
    assert len(olds) == len(set(olds))
    assert len(news) == len(set(news))
    for change in result:
        if change.ops:
            assert apply_ops(change.old_text or "", change.ops) == change.new_text
    assert json.loads(render_diff(result, "json"))["changes"]
    render_diff(result, "table")
    render_diff(result, "html")
    render_diff(result, "unified")


@pytest.mark.parametrize("index", range(9))
def test_gyosei_consecutive_versions(index: int) -> None:
    files = sorted(GYOSEI.glob("*.law.txt"))
    assert len(files) == 10, f"corpus not found at {GYOSEI}"
    old, new = _doc(files[index]), _doc(files[index + 1])
    _check(old, new)
    assert not diff(old, old)


def test_gyosei_2005_amendment_inserts_chapter_6() -> None:
    """平成十七年法律第七十三号 inserted 第六章 意見公募手続等 (第三十八条–第四十五条) and
    moved the old 第六章 補則 and its 第三十八条 to 第七章 第四十六条."""
    old = _doc(GYOSEI / "05-20030716.law.txt")
    new = _doc(GYOSEI / "06-20050629.law.txt")
    result = diff(old, new)
    added = [c.new_path for c in result if c.kinds == ("added",) and c.element_type == "article"]
    assert added == [f"a{n}" for n in range(38, 46)]
    renumbered = {
        (c.old_citation.format("kanji"), c.new_citation.format("kanji"))
        for c in result
        if "renumbered" in c.kinds and c.old_citation and c.new_citation
    }
    assert ("第三十八条", "第四十六条") in renumbered
    assert ("第六章", "第七章") in renumbered
    first = next(c for c in result if c.new_path == "a1/p1")
    changed = [(op.old_text, op.new_text) for op in first.ops if op.tag != "equal"]
    assert ("第三十八条", "第四十六条") in changed
    assert not [c for c in result if "removed" in c.kinds]
    table = render_diff(result, "table", width=50)
    assert "| 【第三十八条（意見公募手続）】" not in table  # captions sit on the heading line
    assert "【第四十六条】" in table
    assert "（新設）" in table
    assert "【第七章】　補則" in table


def test_denki_last_versions() -> None:
    old = _doc(DENKI / "22-20250606.law.txt")
    new = _doc(DENKI / "23-20250616.law.txt")
    _check(old, new)
