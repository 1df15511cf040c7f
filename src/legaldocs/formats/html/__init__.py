"""HTML: documents as semantic, escaped HTML."""

from legaldocs.formats.html._parse import parse_html
from legaldocs.formats.html._render import html_id, render_html

__all__ = ["html_id", "parse_html", "render_html"]
