"""Citations on real statutes read from Lawtext: appendices (別表第一, 附則別表), articles of
named supplementary provisions, relative citations (前項, 次条, 同条第三項, 同項第二号) read
from a base, and the refusal of a relative citation without one."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from legaldocs import (
    AppdxStyle,
    AppdxTable,
    Article,
    Citation,
    CitationError,
    Document,
    Item,
    NotFoundError,
    Paragraph,
    SupplProvisionAppdxTable,
    Table,
    parse_lawtext,
)
from tests.conftest import CORPORA

CHISEKI = CORPORA / "egov-2020/327CO0000000059/327CO0000000059_20200401_502CO0000000137.law.txt"
ONKYU = CORPORA / "egov-2020/212AC0000000048/212AC0000000048_20160601_425AC0000000049.law.txt"
GYOSEI = CORPORA / "gyosei-tetsuzuki-ho" / "10-20140613.law.txt"
DENKI = CORPORA / "denki-jigyo-ho" / "23-20250616.law.txt"


@cache
def _doc(path: Path) -> Document:
    return parse_lawtext(path.read_text(encoding="utf-8"), source=str(path))


def test_appendices_by_name_in_kanji_or_arabic() -> None:
    doc = _doc(CHISEKI)
    first = doc.get("別表第一")
    assert isinstance(first, AppdxTable)
    assert first.title == "別表第一　座標系の区分等"
    assert doc.get("別表第1") is first
    style = doc.get("別表第五")
    assert isinstance(style, AppdxStyle)
    assert style.related_article_num == "（第二十一条関係）"
    table = doc.get("別表第二第一表")
    assert isinstance(table, Table)
    assert table is doc.appendices[1].children[0]
    assert doc.cite(first).format("kanji") == "別表第一"
    assert doc.cite(table).format("kanji") == "別表第二第一表"
    with pytest.raises(NotFoundError):
        doc.get("別表第九")


def test_appendices_of_named_supplements() -> None:
    doc = _doc(ONKYU)
    ref = "昭和五九年五月一五日法律第二九号"
    second = doc.get(f"附則（{ref}）別表第二")
    assert isinstance(second, SupplProvisionAppdxTable)
    assert second.title is not None
    assert second.title.startswith("附則別表第二")
    supplement = next(s for s in doc.supplements if s.law_ref == ref)
    assert second in supplement.appendices
    # without the amending law, the first supplement that has one
    first = doc.get("附則別表第一号表")
    assert isinstance(first, SupplProvisionAppdxTable)
    assert first in doc.supplements[15].appendices
    assert doc.cite(second).format("kanji") == f"附則（{ref}）別表第二"


def test_articles_of_a_named_supplement() -> None:
    doc = _doc(DENKI)
    supplement = next(
        s
        for s in doc.supplements
        if s.law_ref and [e.num.main for e in s.body if isinstance(e, Article)][:3] == [1, 2, 3]
    )
    ref = supplement.law_ref
    article = doc.get(f"附則（{ref}）第二条")
    assert isinstance(article, Article)
    assert article in supplement.body
    assert doc.cite(article).format("kanji") == f"附則（{ref}）第二条"
    assert doc.resolve("前条", at=f"附則（{ref}）第二条") is supplement.body[0]
    assert doc.resolve("次条", at=doc.cite(article)) is supplement.body[2]


@pytest.mark.parametrize(
    ("text", "base", "expected"),
    [
        ("前項", "第3条第2項", "第3条第1項"),
        ("次項", "第3条第1項", "第3条第2項"),
        ("同項", "第3条第2項", "第3条第2項"),
        ("前条", "第3条", "第2条"),
        ("次条", "第3条第2項", "第4条"),
        ("同条第三項", "第3条第2項", "第3条第3項"),
        ("同項第二号", "第2条第1項第4号", "第2条第1項第2号"),
        ("前号", "第2条第1項第4号", "第2条第1項第3号"),
        ("前条", "第36条の2", "第36条"),
        ("次条", "第36条の2", "第36条の3"),
    ],
)
def test_relative_citations_on_a_real_statute(text: str, base: str, expected: str) -> None:
    doc = _doc(GYOSEI)
    assert doc.resolve(text, at=base) is doc.get(expected)
    assert doc.resolve(text, at=Citation.parse(base)) is doc.get(expected)


def test_relative_citation_found_from_an_element() -> None:
    doc = _doc(GYOSEI)
    paragraph = doc.get("第3条第2項")
    assert isinstance(paragraph, Paragraph)
    here = doc.cite(paragraph)
    previous = doc.resolve("前項", at=here)
    assert isinstance(previous, Paragraph)
    assert previous.num.main == 1
    item = doc.resolve("同項第一号", at=here)
    assert isinstance(item, Item) or item is doc.get("第3条第2項第1号")


def test_a_relative_citation_needs_a_base() -> None:
    doc = _doc(GYOSEI)
    with pytest.raises(CitationError, match="relative"):
        doc.get("前項")
    with pytest.raises(CitationError, match="base"):
        doc.resolve("同条第二項")
    with pytest.raises(CitationError):
        doc.resolve("同号", at="第3条")
    with pytest.raises(NotFoundError):
        doc.resolve("前条", at="第1条")
    with pytest.raises(NotFoundError):
        doc.resolve("前項", at="第3条第1項")


def test_every_new_element_has_a_key_path_and_a_citation() -> None:
    doc = _doc(CHISEKI)
    seen = {type(element).__name__ for _, element in doc.walk()}
    assert {"AppdxTable", "AppdxStyle", "StyleStruct", "Fig", "Row"} <= seen
    for citation, element in doc.walk():
        if isinstance(element, AppdxTable | Table | Item | Paragraph | Article):
            assert doc.get(citation) is element or doc.get(citation) == element
