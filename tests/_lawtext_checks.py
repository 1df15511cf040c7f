"""What the Lawtext tests of small excerpts share: a one-line law head and the round trip."""

from __future__ import annotations

from legaldocs import Document, parse_lawtext, render_lawtext

HEAD = "法\n\n"
"""The title line and blank line that every excerpt is put under."""


def round_trip(text: str) -> Document:
    """Parse ``text``, check it writes back byte for byte and reads back equal; the document."""
    doc = parse_lawtext(text)
    assert render_lawtext(doc) == text
    assert parse_lawtext(render_lawtext(doc)) == doc
    return doc
