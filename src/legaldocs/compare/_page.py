"""Complete HTML pages for a diff (private): a small stylesheet, a legend, labels in the
document's language, a print layout.

The colours survive black-and-white printing: inserted text is underlined (傍線) and
deleted text struck through as well as coloured, and the table's rules are black.
"""

from __future__ import annotations

import html

__all__ = ["LABELS", "labels_for", "page"]

LABELS: dict[str, dict[str, str]] = {
    "ja": {
        "new": "改正後",
        "old": "改正前",
        "title": "新旧対照表",
        "redline": "今回の改正",
        "legend_table": "傍線部分は改正部分",
        "legend_ins": "追加",
        "legend_del": "削除",
        "added": "新設",
        "removed": "削る",
        "deleted": "削除",
        "renumbered": "番号の変更",
        "moved": "移動",
        "caption": "見出しの改正",
        "modified": "改正",
        "typographic": "表記のみ",
        "table_added": "（新設）",
        "table_removed": "（削る）",
        "table_omitted": "（略）",
        "table_sep": "\u3000",
    },
    "en": {
        "new": "New",
        "old": "Old",
        "title": "Comparison table",
        "redline": "Changes",
        "legend_table": "Underlined: changed text",
        "legend_ins": "inserted",
        "legend_del": "deleted",
        "added": "added",
        "removed": "removed",
        "deleted": "deleted",
        "renumbered": "renumbered",
        "moved": "moved",
        "caption": "heading changed",
        "modified": "modified",
        "typographic": "typography only",
        "table_added": "(added)",
        "table_removed": "(removed)",
        "table_omitted": "(omitted)",
        "table_sep": " ",
    },
}

STYLE = """
body { font-family: "Noto Serif CJK JP", "Hiragino Mincho ProN", "Yu Mincho", serif;
       margin: 2em; line-height: 1.7; color: #000; }
h1 { font-size: 1.3em; }
.legend { font-size: 0.9em; margin: 0 0 1em; }
table.legaldocs-shinkyu { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.legaldocs-shinkyu th, table.legaldocs-shinkyu td {
  border-left: 1px solid #000; border-right: 1px solid #000;
  padding: 0.1em 0.6em; vertical-align: top; text-align: left; }
table.legaldocs-shinkyu th { border: 1px solid #000; text-align: center; background: #eee; }
table.legaldocs-shinkyu tr.unit td { border-top: 1px solid #000; padding-top: 0.5em; }
table.legaldocs-shinkyu tbody tr:last-child td { border-bottom: 1px solid #000; }
table.legaldocs-shinkyu .h0 { padding-left: 1em; text-indent: -1em; }
table.legaldocs-shinkyu .h1 { padding-left: 2em; text-indent: -1em; }
table.legaldocs-shinkyu .h2 { padding-left: 3em; text-indent: -1em; }
table.legaldocs-shinkyu .h3 { padding-left: 4em; text-indent: -1em; }
table.legaldocs-shinkyu .h4 { padding-left: 5em; text-indent: -1em; }
table.legaldocs-shinkyu .h5 { padding-left: 6em; text-indent: -1em; }
u { text-decoration: underline; text-decoration-thickness: 1.5px; text-underline-offset: 3px; }
ins { color: #0a4a8a; text-decoration: underline; background: #e8f0fb; }
del { color: #8a1010; text-decoration: line-through; background: #fbe9e9; }
section.change { border-top: 1px solid #000; padding: 0.3em 0; }
section.change h3 { font-size: 1em; margin: 0.2em 0; }
@media print {
  body { margin: 0; font-size: 10.5pt; }
  @page { size: A4 landscape; margin: 15mm; }
  thead { display: table-header-group; }
  tr, section.change { break-inside: avoid; }
  ins, del, th { background: none; }
}
"""


def labels_for(lang: str) -> dict[str, str]:
    """The labels for a document in ``lang`` (Japanese unless it is another known one)."""
    return LABELS.get(lang.split("-")[0], LABELS["ja"]) if lang else LABELS["ja"]


def page(title: str, body: str, lang: str, legend: str) -> str:
    """A complete HTML page around ``body``."""
    esc = html.escape
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang or "ja")}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<h1>{esc(title)}</h1>\n<p class="legend">{legend}</p>\n{body}</body>\n</html>\n'
    )
