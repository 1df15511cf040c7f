"""A citation that names more than one element (#14): old statutes write every item 一, two
articles with one number (``a53``, ``a53x2``), two appendices with one title. ``get()`` and
the amendment index refuse such a citation with :class:`~legaldocs.CitationError` listing
the candidates' key paths, instead of returning the first; key paths name each."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legaldocs import (
    Amendment,
    Article,
    CitationError,
    Document,
    LegaldocsError,
    ReplacePhrase,
    apply,
    parse_lawtext,
)
from legaldocs.amend._index import Index, Lookup, locate
from tests.fuzz._core import check_citations

HEAD = "法\n\n"

ITEMS = HEAD + (
    "第九条　左ニ掲ケタル者ト直接ニ関係スル事ヲ得ス\n"
    "  一　官庁ノ工事ヲ受負フ者\n"
    "  一　官庁ノ為替方又ハ出納ヲ引受クル者\n"
    "  二　官庁ノ補助金ヲ受クル起業者\n"
)

ARTICLES = HEAD + (
    "第五十二条　削除\n"
    "\n"
    "第五十三条　企画課に、検査監理室及び企画官一人を置く。\n"
    "\n"
    "第五十三条　企画課に、検査監理室を置く。\n"
    "２　検査監理室は、次に掲げる事務をつかさどる。\n"
    "\n"
    "第五十四条　本文。\n"
)

APPENDICES = HEAD + (  # 211M10000010045 (its 附則 cut)
    "第一条　本文。\n"
    "\n"
    ":appdx-format:信託表示簿雛形\n"
    "\n"
    "  :format-struct:\n"
    '    <Fig src="./pict/T11F00501000045-001.jpg"/>\n'
    "\n"
    ":appdx-format:信託表示簿雛形\n"
    "\n"
    "  :format-struct:\n"
    '    <Fig src="./pict/T11F00501000045-002.jpg"/>\n'
)


def _every_citation_resolves_or_names_its_element(doc: Document) -> int:
    """The fuzz invariant (:func:`tests.fuzz._core.check_citations`); returns how many
    citations of walk() are refused."""
    check_citations(doc)
    refused = 0
    for citation, _ in doc.walk():
        try:
            doc.get(citation)
        except CitationError:
            refused += 1
    return refused


def test_a_repeated_item_number_is_refused_with_its_key_paths() -> None:
    doc = parse_lawtext(ITEMS)
    with pytest.raises(CitationError, match=r"names 2 elements.*: a9/p1/i1, a9/p1/i2$"):
        doc.get("第九条第一号")
    with pytest.raises(CitationError, match="a9/p1/i1, a9/p1/i2"):
        doc.resolve("第九条第一号")
    assert doc.get("第九条第二号") is doc.get("a9/p1/i3")
    assert doc.get("a9/p1/i2").text == "官庁ノ為替方又ハ出納ヲ引受クル者"  # type: ignore[union-attr]
    assert _every_citation_resolves_or_names_its_element(doc) == 2


def test_a_repeated_article_number_is_refused_down_to_its_paragraphs() -> None:
    doc = parse_lawtext(ARTICLES)
    second = doc.get("a53x2")
    assert isinstance(second, Article)
    assert len(second.paragraphs) == 2
    with pytest.raises(CitationError, match=r": a53, a53x2$"):
        doc.get("第五十三条")
    with pytest.raises(CitationError, match=r": a53/p1, a53x2/p1$"):
        doc.get("第五十三条第一項")
    assert doc.get("第五十三条第二項") is second.paragraphs[1]  # only one has a 第二項
    assert doc.get("第五十四条") is doc.get("a54")
    assert _every_citation_resolves_or_names_its_element(doc) == 4  # a53x2/p2 is one


def test_repeated_appendix_titles_are_refused() -> None:
    # 211M10000010045: two appendices titled 信託表示簿雛形
    doc = parse_lawtext(APPENDICES)
    keys = [a.key for a in doc.appendices]
    assert len(keys) == 2
    assert keys[0] != keys[1]
    citation = next(c for c, e in doc.walk() if e is doc.appendices[1])
    assert citation == next(c for c, e in doc.walk() if e is doc.appendices[0])
    with pytest.raises(CitationError, match=f": {keys[0]}, {keys[1]}$"):
        doc.get(citation)
    assert doc.get(keys[1]) is doc.appendices[1]
    assert _every_citation_resolves_or_names_its_element(doc) >= 2


CHAPTERS = HEAD + (
    "      第一章　総則\n\n第一条　甲。\n\n第二条　乙。\n\n"
    "      第二章　雑則\n\n第二条　丙。\n\n第三条　丁。\n"
)


@pytest.mark.parametrize("indexed", [False, True], ids=["bisection", "index"])
def test_twins_across_a_division_edge_are_refused(indexed: bool) -> None:
    doc = parse_lawtext(CHAPTERS)
    index = Index.build(doc) if indexed else None
    with pytest.raises(CitationError, match=r": a2, a2x2$"):
        locate(doc, "第二条", Lookup(doc, index))
    assert locate(doc, "第一条", index) == (("body", 0), ("children", 0))
    assert locate(doc, "第三条", index) == (("body", 1), ("children", 1))
    assert locate(doc, "a2x2", index) == (("body", 1), ("children", 0))


@pytest.mark.parametrize("indexed", [False, True], ids=["bisection", "index"])
def test_the_amendment_index_refuses_a_repeated_article_number(indexed: bool) -> None:
    doc = parse_lawtext(ARTICLES)
    index = Index.build(doc) if indexed else None
    assert index is None or index.twins
    for target in ("第五十三条", "第五十三条第一項"):
        with pytest.raises(CitationError, match=r"a53, a53x2|a53/p1, a53x2/p1"):
            locate(doc, target, Lookup(doc, index))
    assert locate(doc, "a53x2/p2", index) == (("body", 2), ("paragraphs", 1))
    assert locate(doc, "第五十四条", index) == (("body", 3),)


def test_an_amendment_citing_a_repeated_number_fails_and_a_key_path_works() -> None:
    doc = parse_lawtext(ARTICLES)

    def amendment(target: str) -> Amendment:
        change = ReplacePhrase(target=target, old="検査監理室", new="監査室")
        return Amendment(
            id="x", title="x", enacted="2024-01-01", effective="2024-04-01", changes=(change,)
        )

    with pytest.raises(LegaldocsError, match="a53, a53x2"):
        apply(doc, amendment("第五十三条"))
    changed = apply(doc, amendment("a53x2/p1"))
    assert changed.get("a53x2/p1").text == "企画課に、監査室を置く。"  # type: ignore[union-attr]
    assert changed.get("a53/p1") == doc.get("a53/p1")


_KANJI = "一二三"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 3), min_size=1, max_size=6), st.booleans())
def test_every_walked_citation_resolves_or_is_refused(nums: list[int], twice: bool) -> None:
    """Items with any numbers, in one or two articles of one number: each citation walk()
    yields finds its element, or is refused naming it; each key path finds its element."""
    article = "第三条　次に掲げる者\n" + "".join(f"  {_KANJI[n - 1]}　者{n}\n" for n in nums)
    doc = parse_lawtext(HEAD + article + ("\n" + article if twice else ""))
    refused = _every_citation_resolves_or_names_its_element(doc)
    repeats = len(nums) != len(set(nums))
    assert (refused > 0) == (twice or repeats)
