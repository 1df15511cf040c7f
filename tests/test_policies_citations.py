"""Citations of a web policy's sections in the document's language."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from legaldocs import (
    CitationError,
    Document,
    ListItem,
    NotFoundError,
    Section,
    TextBlock,
    parse_markdown,
    parse_text,
    render_markdown,
)

from .conftest import CORPORA, ROOT

VERSIONS = sorted((CORPORA / "policies").glob("*/*.md"))
CLINIC = sorted((ROOT / "examples" / "clinic").glob("*.txt"))

POLICY = """# Terms

## 1. Who we are

Text.

### 1.1 Scope

- (a) first
- (b) second

## 2. Your account

### a. Password

Keep it safe.

## Contact us

### Mail

Write to us.
"""


@pytest.mark.parametrize(
    ("ref", "heading"),
    [
        ("Section 1", "1. Who we are"),
        ("Section 1.1", "1.1 Scope"),
        ("§ 2", "2. Your account"),
        ("Section 2(a)", "a. Password"),
        ("Contact us", "Contact us"),
        ("Contact us > Mail", "Mail"),
    ],
)
def test_english_sections_are_cited_by_number(ref: str, heading: str) -> None:
    doc = parse_markdown(POLICY)
    found = doc.get(ref)
    assert isinstance(found, Section)
    assert found.heading == heading
    assert str(doc.cite(found)) == ref.replace("§ ", "Section ")


def test_a_lettered_list_item_is_cited_under_its_section() -> None:
    doc = parse_markdown(POLICY)
    item = doc.get("Section 1.1(b)")
    assert isinstance(item, ListItem)
    assert doc.cite(item).format() == "Section 1.1(b)"
    assert doc.get("h1/h1/l1/i2") is item
    assert doc.get(doc.cite(item)) is item


def test_a_paragraph_has_no_citation_of_its_own_and_is_cited_by_its_section() -> None:
    doc = parse_markdown(POLICY)
    paragraph = doc.get("h2/h1/p1")
    assert isinstance(paragraph, TextBlock)
    own = {id(e): c for c, e in doc.walk()}[id(paragraph)]
    assert own.steps == ()
    assert str(doc.cite(paragraph)) == "Section 2(a)"


def test_unknown_sections_are_not_found() -> None:
    doc = parse_markdown(POLICY)
    with pytest.raises(NotFoundError):
        doc.get("Section 9")
    with pytest.raises(NotFoundError):
        doc.get("Section 1(z)")


def test_japanese_headings_keep_their_numbers() -> None:
    doc = parse_markdown("# 規約\n\n## 第3条（目的）\n\n本文。\n\n## お問い合わせ\n\n窓口。\n")
    section = doc.get("第3条")
    assert isinstance(section, Section)
    assert str(doc.cite(section)) == "第3条"
    contact = doc.get("お問い合わせ")
    assert isinstance(contact, Section)


def test_every_section_of_a_real_policy_has_a_citation_that_finds_it() -> None:
    path = CORPORA / "policies" / "telegram-privacy-policy" / "17-2026-08-22.md"
    doc = parse_markdown(path.read_text(encoding="utf-8"))
    cited = [(cit, e) for cit, e in doc.walk() if isinstance(e, Section)]
    assert len(cited) > 20
    for cit, section in cited:
        assert doc.get(str(cit)) is section


def _every_citation_finds_its_element(doc: Document) -> int:
    """Every citation ``walk()`` yields (as a citation and as text) finds its element."""
    count = 0
    for citation, element in doc.walk():
        if not citation.steps:
            continue  # no citation of its own: a paragraph of a section, a free block
        assert doc.get(citation) is element, str(citation)
        assert doc.get(str(citation)) is element, str(citation)
        count += 1
    return count


def test_every_policy_version_is_here() -> None:
    assert len(VERSIONS) == 250


@pytest.mark.parametrize("path", VERSIONS, ids=[f"{p.parent.name}/{p.stem}" for p in VERSIONS])
def test_every_citation_of_a_real_policy_finds_its_element(path: Path) -> None:
    doc = parse_markdown(path.read_bytes())
    cited = _every_citation_finds_its_element(doc)
    sections = sum(1 for _, e in doc.walk() if isinstance(e, Section))
    assert cited >= sections


@pytest.mark.parametrize("path", CLINIC, ids=[p.name for p in CLINIC])
def test_every_citation_of_the_clinics_pages_finds_its_element(path: Path) -> None:
    doc = parse_text(path.read_text(encoding="utf-8"))
    assert _every_citation_finds_its_element(doc) > 10
    again = parse_markdown(render_markdown(doc))
    assert _every_citation_finds_its_element(again) > 10


TWICE = """# Terms

## Contact us

Write to us.

## Agreement for the EEA

### 1. Scope

Here.

### 2. Contact us

Here too.

## Agreement for everyone else

### 1. Scope

There.

## Contact us

Or call.
"""


def test_two_sections_with_one_heading_are_told_apart() -> None:
    doc = parse_markdown(TWICE)
    labels = [str(c) for c, e in doc.walk() if isinstance(e, Section)]
    assert labels == [
        "Contact us [1]",
        "Agreement for the EEA",
        "Agreement for the EEA > Section 1",
        "Section 2",
        "Agreement for everyone else",
        "Agreement for everyone else > Section 1",
        "Contact us [2]",
    ]
    assert _every_citation_finds_its_element(doc) == 7
    first = doc.get("Contact us [1]")
    assert isinstance(first, Section)
    assert doc.get("h4") is doc.get("contact us [2]")


@pytest.mark.parametrize("ref", ["Contact us", "Section 1", "§ 1", "contact US"])
def test_an_ambiguous_heading_is_refused_with_the_citations_to_use(ref: str) -> None:
    doc = parse_markdown(TWICE)
    with pytest.raises(CitationError, match="ambiguous") as caught:
        doc.get(ref)
    message = str(caught.value)
    assert "[1]" in message or "Agreement for the EEA > Section 1" in message
    assert "Contact us [1]" in message or "Agreement for everyone else > Section 1" in message


_WORDS = st.sampled_from(
    ["Contact us", "Scope", "Data", "Contact Us", "第1条", "1. Scope", "2. Data"]
)


@given(st.lists(st.tuples(st.integers(2, 4), _WORDS), min_size=1, max_size=12))
def test_any_headings_give_citations_that_find_their_sections(
    headings: list[tuple[int, str]],
) -> None:
    """Headings at any depth, repeated or not, numbered or not: every section's citation
    is unique and finds it."""
    text = "# Policy\n\n" + "".join(
        f"{'#' * level} {words}\n\nText {n}.\n\n" for n, (level, words) in enumerate(headings)
    )
    for lang in ("en", "ja"):
        doc = parse_markdown(text)
        doc = attrs.evolve(doc, lang=lang)
        labels = [str(c) for c, e in doc.walk() if isinstance(e, Section)]
        assert len({label.casefold() for label in labels}) == len(labels) == len(headings)
        _every_citation_finds_its_element(doc)
