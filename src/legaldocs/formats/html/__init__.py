"""HTML: documents as semantic, escaped HTML."""

from legaldocs.formats.html._render import html_id, render_html

__all__ = ["html_id", "render_html"]
