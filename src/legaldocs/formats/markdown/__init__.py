"""Markdown: policies and statutes as Markdown, and back."""

from legaldocs.formats.markdown._markdown import parse_markdown, render_markdown

__all__ = ["parse_markdown", "render_markdown"]
