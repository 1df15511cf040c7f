"""Diffs of web policies: sections matched by content, cited in the document's language."""

from __future__ import annotations

from legaldocs import diff, parse_markdown, render_diff

OLD = (
    "# Policy\n\n> Read this first.\n\n## 1. About\n\nWe are here.\n\n"
    "## 2. Data\n\nWe collect **data**.\n\n## 3. Contact\n\nWrite to us.\n"
)
NEW = (
    "# Policy\n\n> Read this first.\n\n## 1. About\n\nWe are here.\n\n"
    "## 2. Third-Party Links\n\nWe link to others.\n\n"
    "## 3. Data\n\nWe collect **data** and more.\n\n## 4. Contact\n\nWrite to us.\n"
)


def test_an_inserted_section_is_one_insertion_and_renumberings() -> None:
    result = diff(parse_markdown(OLD), parse_markdown(NEW))
    summary = [(c.kinds, c.element_type, str(c.citation)) for c in result]
    assert summary == [
        (("added",), "section", "Section 2"),
        (("renumbered",), "section", "Section 3"),
        (("modified",), "textblock", "Section 3"),
        (("renumbered",), "section", "Section 4"),
    ]


def test_the_unified_diff_shows_policy_text() -> None:
    text = render_diff(diff(parse_markdown(OLD), parse_markdown(NEW)), "unified")
    assert "@@ Section 2 (added) @@\n+2. Third-Party Links\n+  We link to others.\n" in text
    assert "-We collect **data**.\n+We collect **data** and more.\n" in text
    assert "第" not in text
