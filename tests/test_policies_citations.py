"""Citations of a web policy's sections in the document's language."""

from __future__ import annotations

import pytest

from legaldocs import ListItem, NotFoundError, Section, parse_markdown

from .conftest import CORPORA

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
    assert doc.cite(item).format() == "Section 1.1"
    assert doc.get("h1/h1/l1/i2") is item


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
