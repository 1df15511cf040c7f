"""Citations and key paths on documents."""

import pytest
from hypothesis import given

from legaldocs import (
    Article,
    Citation,
    CitationError,
    Division,
    Document,
    Item,
    NotFoundError,
    Num,
    Paragraph,
    Style,
    Supplement,
)

from .strategies import documents

N = Num.of


def _doc() -> Document:
    sub = Item(key="i1", num=N(1), text="細目")
    item = Item(key="i1", num=N(1), text="号", children=(sub,))
    art3 = Article(
        key="a3",
        num=N(3),
        caption="（定義）",
        paragraphs=(
            Paragraph(key="p1", num=N(1), text="第一項"),
            Paragraph(key="p2", num=N(2), text="第二項", children=(item,)),
        ),
    )
    return Document(
        title="テスト法",
        body=(
            Division(
                key="ch1",
                kind="章",
                num=N(1),
                title="総則",
                children=(art3, Article(key="a3_2", num=N(3, 2), deleted=True)),
            ),
            Article(key="a5", num=N(5), deleted=True, until=N(9)),
        ),
        supplements=(
            Supplement(
                key="s1",
                body=(
                    Article(
                        key="a1", num=N(1), paragraphs=(Paragraph(key="p1", num=N(1), text="施行"),)
                    ),
                ),
            ),
        ),
    )


@pytest.mark.parametrize(
    ("citation", "key"),
    [
        ("第3条", "a3"),
        ("第三条", "a3"),
        ("第３条", "a3"),
        ("第三条の二", "a3_2"),
        ("第3条の2", "a3_2"),
        ("第3条第2項", "p2"),
        ("第3条第2項第1号", "i1"),
        ("第三条第二項第一号イ", "i1"),
        ("第七条", "a5"),
        ("附則第1条", "a1"),
        ("附則第一条第一項", "p1"),
        ("第一章", "ch1"),
    ],
)
def test_get_by_citation(citation: str, key: str) -> None:
    element = _doc().get(citation)
    assert getattr(element, "key", None) == key


def test_get_by_key_path() -> None:
    doc = _doc()
    assert doc.get("a3/p2/i1/i1").text == "細目"  # type: ignore[union-attr]
    assert doc.get("s1/a1/p1").text == "施行"  # type: ignore[union-attr]


def test_citation_formats() -> None:
    c = Citation.parse("第二十七条の十二の二第三項")
    assert c.format("arabic") == "第27条の12の2第3項"
    assert c.format("kanji") == "第二十七条の十二の二第三項"
    assert str(Citation.parse("第2条第1項第4号ロ(1)")) == "第2条第1項第4号ロ（１）"


@pytest.mark.parametrize(
    "citation", ["第4条", "第3条第3項", "第3条第2項第2号", "附則第2条", "第二章"]
)
def test_missing_element(citation: str) -> None:
    with pytest.raises(NotFoundError, match="no such element"):
        _doc().get(citation)


@pytest.mark.parametrize("citation", ["第x条", "第3項第3条", "イ", "", "第0条"])
def test_malformed_citation(citation: str) -> None:
    """Text that is not a citation is refused with CitationError, not looked up."""
    with pytest.raises(CitationError):
        Citation.parse(citation)


def test_missing_key() -> None:
    with pytest.raises(NotFoundError, match="a9"):
        _doc().get("a9")


@given(documents())
def test_walk_cites_every_element_back(doc: Document) -> None:
    style = doc.style.numerals
    for citation, element in doc.walk():
        assert doc.cite(element) == citation
        again = Citation.parse(citation.format(style))
        if element.__class__.__name__ != "Supplement":
            assert doc.get(again) is element or doc.get(again) == element


def test_walk_order() -> None:
    cites = [str(c) for c, _ in _doc().walk()]
    assert cites[:4] == ["第1章", "第3条", "第3条第1項", "第3条第2項"]
    assert cites[-2:] == ["附則第1条", "附則第1条第1項"]
    assert Style().numerals == "kanji"
