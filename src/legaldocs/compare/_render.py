"""Render a :class:`~legaldocs.Diff` as text: unified diff, 新旧対照表, HTML redline or JSON.

``render_diff(diff, format=...)``:

- ``"unified"``: a unified text diff with citations as hunk headers
  (``@@ 第3条 → 第4条 (renumbered) @@``), ``-`` old lines and ``+`` new lines.
- ``"table"``: a 新旧対照表 (old/new comparison table) of every article (or other top-level
  unit) touched by the diff: two columns, 改正後 | 改正前 by default (``order``, ``labels``),
  changed spans marked on both sides, unchanged paragraphs and items collapsed to （略）,
  added provisions marked （新設） on the old side and removed ones （削る） on the new side
  ((added), (removed), (omitted) in an English document). Any kind of element is shown: a
  web policy's section with its changed paragraphs, list items, quotes, table rows and raw
  HTML, its other blocks collapsed.
  ``table_format`` is ``"text"`` (columns aligned by display width, full-width characters
  counting two; changed spans between ``marks``, 【】 by default; ``width`` columns per
  side), ``"markdown"`` (a Markdown table, ``<u>`` for marks, ``<br>`` between lines) or
  ``"html"`` (a ``<table>``, ``<u>`` for marks).
- ``"html"``: an HTML redline, one ``<section>`` per change, ``<ins>``/``<del>`` inline.
- ``"json"``: the changes as JSON, schema ``legaldocs.diff/1`` (see ``docs/diff-json.md``).
- ``"kaimebun"``: amendment sentences (改め文): :meth:`Diff.to_amendment` written by
  :func:`legaldocs.render_kaimebun` against the old document (every change, typographic
  ones included, since the sentences must produce the new text).

All text is escaped in HTML and Markdown output. Numbers in citations and headings follow the
new document's style unless ``numerals`` is given. ``typographic=False`` leaves out the
typographic-only changes.
"""

from __future__ import annotations

import html
import json
import unicodedata
from collections.abc import Sequence
from typing import Any, Literal, overload

import attrs

from legaldocs._inline import inline_diff
from legaldocs.compare._diff import Diff, Difference, InlineOp
from legaldocs.compare._page import LABELS, labels_for
from legaldocs.compare._page import page as _page
from legaldocs.compare._shinkyu import Block, Pairer, generic, hang, wrap
from legaldocs.dates import format_date
from legaldocs.errors import ArgumentValueError, LegaldocsError, require_type
from legaldocs.model._citation import Citation, Step
from legaldocs.model._element import (
    child_labels,
    children_of,
    has_parts,
    own_texts,
)
from legaldocs.model._numbers import Numerals, item_label
from legaldocs.model._records import (
    Article,
    Division,
    Document,
    Element,
    Item,
    Paragraph,
    Row,
    Supplement,
    Table,
)

__all__ = ["JSON_SCHEMA", "DiffFormat", "base_law_changes", "display_width", "render_diff"]

DiffFormat = Literal["unified", "table", "html", "json", "kaimebun", "docx"]
"""The formats :func:`render_diff` writes."""

JSON_SCHEMA = "legaldocs.diff/1"
"""The ``schema`` value of the JSON output."""

Segments = list[tuple[str, bool]]
"""A line as (text, marked) pieces."""


@overload
def render_diff(
    diff: Diff,
    format: Literal["docx"],
    *,
    numerals: Numerals | None = ...,
    typographic: bool | None = ...,
    amending_supplements: bool = ...,
    table_format: Literal["text", "markdown", "html"] = ...,
    order: tuple[Literal["new", "old"], Literal["new", "old"]] = ...,
    labels: tuple[str, str] | None = ...,
    marks: tuple[str, str] | None = ...,
    width: int = ...,
    page: bool = ...,
) -> bytes: ...


@overload
def render_diff(
    diff: Diff,
    format: Literal["unified", "table", "html", "json", "kaimebun"] = ...,
    *,
    numerals: Numerals | None = ...,
    typographic: bool | None = ...,
    amending_supplements: bool = ...,
    table_format: Literal["text", "markdown", "html"] = ...,
    order: tuple[Literal["new", "old"], Literal["new", "old"]] = ...,
    labels: tuple[str, str] | None = ...,
    marks: tuple[str, str] | None = ...,
    width: int = ...,
    page: bool = ...,
) -> str: ...


def render_diff(
    diff: Diff,
    format: DiffFormat = "unified",
    *,
    numerals: Numerals | None = None,
    typographic: bool | None = None,
    amending_supplements: bool = False,
    table_format: Literal["text", "markdown", "html"] = "text",
    order: tuple[Literal["new", "old"], Literal["new", "old"]] = ("new", "old"),
    labels: tuple[str, str] | None = None,
    marks: tuple[str, str] | None = None,
    width: int = 40,
    page: bool = False,
) -> str | bytes:
    """Write ``diff`` in ``format`` (``"docx"`` gives the bytes of a Word file, every other
    format text). Options:

    - ``numerals``: kanji or Arabic numbers in citations (the new document's by default);
    - ``typographic``: keep the typographic-only changes (full/half width, spaces, ，/、);
      by default kept everywhere but in 改め文, where a drafter leaves them out;
    - ``amending_supplements``: report the 附則 of amending laws, which a consolidated text
      appends (left out by default: they are not changes of the law itself, see
      :func:`base_law_changes`);
    - ``table_format``, ``order`` (column order, ``("new", "old")`` = 改正後 first),
      ``labels`` (headings for new and old; by default in the document's language),
      ``marks`` (opening and closing marker of changed spans; 【】 in text, ``<u></u>`` in
      Markdown) and ``width`` (display columns per side in text) for ``"table"`` and
      ``"docx"``;
    - ``page``: a complete HTML page (stylesheet, legend, print layout) for ``"html"`` and
      for ``"table"`` with ``table_format="html"``.

    Raises :class:`~legaldocs.LegaldocsError` for an unknown format or bad options.
    """
    require_type(diff, Diff, "render_diff: diff")
    if format not in ("unified", "table", "html", "json", "kaimebun", "docx"):
        raise ArgumentValueError(
            f"render_diff: unknown format {format!r} "
            "(expected unified, table, html, json, kaimebun or docx)"
        )
    style: Numerals = numerals or diff.new.style.numerals
    words = labels_for(diff.new.lang)
    if labels is None:
        labels = (words["new"], words["old"])
    if format == "kaimebun":
        import pendulum

        from legaldocs.compare._kaimebun import render_kaimebun

        today = pendulum.Date(2000, 1, 1)  # not written: the sentences carry no dates
        amendment = diff.to_amendment(id="diff", enacted=today, effective=today)
        return render_kaimebun(
            amendment,
            numerals=numerals,
            document=diff.old,
            typographic=bool(typographic),
            supplements=amending_supplements,
        )
    if typographic is False:
        diff = diff.without_typographic()
    if not amending_supplements:
        diff = base_law_changes(diff)
    if format == "unified":
        return _unified(diff, style)
    if format in ("table", "docx"):
        if table_format not in ("text", "markdown", "html"):
            raise ArgumentValueError(f"render_diff: unknown table_format {table_format!r}")
        if sorted(order) != ["new", "old"]:
            raise ArgumentValueError(f"render_diff: order must name 'new' and 'old', got {order!r}")
        if width < 8:
            raise ArgumentValueError(f"render_diff: width must be at least 8, got {width}")
        if format == "docx":
            from legaldocs.compare._docx import docx_table

            label = {"new": labels[0], "old": labels[1]}
            return docx_table(
                _page_title(diff.new_title, words["title"]),
                (label[order[0]], label[order[1]]),
                _unit_blocks(diff, style, _bullets(diff)),
                order,
                f"（{words['legend_table']}）",
            )
        table = _table(diff, style, table_format, order, labels, marks, width)
        if page and table_format == "html":
            return _page(
                _page_title(diff.new_title, words["title"]),
                table,
                diff.new.lang,
                f"<u>{html.escape(words['legend_table'])}</u>",
            )
        return table
    if format == "html":
        redline = _redline(diff, style, words)
        if page:
            legend = (
                f"<ins>{html.escape(words['legend_ins'])}</ins>　"
                f"<del>{html.escape(words['legend_del'])}</del>"
            )
            return _page(
                _page_title(diff.new_title, words["redline"]), redline, diff.new.lang, legend
            )
        return redline
    if format == "json":
        return _json(diff, style)
    raise ArgumentValueError(
        f"render_diff: unknown format {format!r} "
        "(expected unified, table, html, json, kaimebun or docx)"
    )


def _page_title(title: str, what: str) -> str:
    """``プライバシーポリシー　新旧対照表``; the words alone for a document without a title."""
    return f"{title}\u3000{what}" if title else what


def base_law_changes(diff: Diff) -> Diff:
    """``diff`` without the changes to or of the 附則 of amending laws (supplements that
    name a law, 附則（平成二六年六月一三日法律第七〇号）): a consolidated text appends each
    amending law's own 附則, which is not a change of the law itself."""
    amending = {s.key for s in diff.old.supplements if s.law_ref is not None}
    amending_new = {s.key for s in diff.new.supplements if s.law_ref is not None}

    def of_amending(path: str | None, keys: set[str]) -> bool:
        return path is not None and path.split("/")[0] in keys

    kept = tuple(
        c
        for c in diff.changes
        if not (
            of_amending(c.old_path, amending)
            or of_amending(c.new_path, amending_new)
            or (c.element_type == "supplement" and c.old is None and c.new_path in amending_new)
        )
    )
    return attrs.evolve(diff, changes=kept)


# ---------------------------------------------------------------------------------------
# Lines of elements


def _cite(citation: Citation | None, style: Numerals) -> str:
    if citation is None or not citation.steps:
        return ""
    return citation.format(style)


def _number(kind: str, element: Article | Division, style: Numerals) -> str:
    text = Citation((Step(kind=kind, num=element.num),)).format(style)  # type: ignore[arg-type]
    if element.until is not None:
        until = Citation((Step(kind=kind, num=element.until),)).format(style)  # type: ignore[arg-type]
        text = f"{text}から{until}まで"
    return text


def _depth(change: Difference) -> int:
    """The item depth of a change (1 = 号, 2 = イ, ...; 0 for anything else)."""
    citation = change.citation
    if citation is None:
        return 0
    return sum(1 for step in citation.steps if step.kind in ("号", "細分"))


def _head(element: Element, style: Numerals, bullets: bool, depth: int) -> tuple[str, str]:
    """The label before an element's own text, and that text."""
    if isinstance(element, Article):
        head = _number("条", element, style)
        if element.deleted:
            return head, "　削除"
        return head, element.caption or ""
    if isinstance(element, Division):
        return _number(element.kind, element, style) + "　", element.title
    if isinstance(element, Paragraph):
        if element.anonymous or element.num.parts == (1,):
            return "", element.text
        number = element.num.fullwidth() if style == "kanji" else element.num.arabic()
        return number + "　", element.text
    if isinstance(element, Item):
        label = element.label or ("•" if bullets else item_label(element.num, depth, style))
        return label + "　", element.text
    if isinstance(element, Row):
        return "", " | ".join(c.text for c in element.cells)
    if isinstance(element, Table):
        return "", "［表］"
    if isinstance(element, Supplement):
        ref = f"（{element.law_ref}）" if element.law_ref else ""
        revisions = "\n".join(
            f"{format_date(r.date, era=r.era)} {r.event}" for r in element.revisions
        )
        return element.title + ref + ("\n" if revisions else ""), revisions
    # any other kind (a web policy's section or paragraph, an appendix): its own texts
    return "", " | ".join(text for _, text in own_texts(element) if text)


def _lines(element: Element, style: Numerals, bullets: bool, depth: int = 0) -> list[str]:
    """The element and everything in it, one line per element, indented by level."""
    if generic(element) and not isinstance(element, Division | Supplement):
        return _generic_lines(element, style, bullets)
    head, text = _head(element, style, bullets, depth)
    out = [head + text]
    if isinstance(element, Article):
        for p in element.paragraphs:
            out.extend(_lines(p, style, bullets, 0))
    elif isinstance(element, Paragraph | Item):
        for c in element.children:
            out.extend("  " + line for line in _lines(c, style, bullets, depth + 1))
    elif isinstance(element, Table):
        out = [line for r in element.rows for line in _lines(r, style, bullets, depth)]
    elif isinstance(element, Supplement):
        for e in element.body:
            out.extend(_lines(e, style, bullets, 0))
    elif not isinstance(element, Division | Row) and not has_parts(element):
        for c in children_of(element):  # any other kind, through the element protocol
            out.extend("  " + line for line in _lines(c, style, bullets, depth + 1))
    return [piece for line in out for piece in line.split("\n")]


def _generic_lines(element: Element, style: Numerals, bullets: bool, label: str = "") -> list[str]:
    """An element of any other kind (a web policy's section, paragraph, list), through the
    element protocol: its own texts (the cells of a row as ``a | b``), then its children,
    indented; a list's items after their markers (``1.``, ``•``)."""
    out: list[str] = []
    for field, text in own_texts(element):
        if text:
            if field == "cells":
                text = text.replace("\t", " | ")
            first, *rest = text.split("\n")
            out.append(f"{label} {first}" if label else first)
            out.extend(rest)
            label = ""
    if has_parts(element):
        return out or ([label] if label else [])
    indent = "" if label else "  "  # a list item's blocks hang under its marker
    labels = child_labels(element)
    for k, child in enumerate(children_of(element)):
        mine = labels[k] if labels is not None and k < len(labels) else ""
        # a statute kind inside (an appendix's paragraphs) by its own rules
        lines = (
            _generic_lines(child, style, bullets, mine)
            if generic(child)
            else _lines(child, style, bullets)
        )
        if label and lines:
            lines[0] = f"{label} {lines[0]}"
            label = ""
        out.extend(indent + line for line in lines)
    if label:
        out.append(label)
    return out


def _textless(change: Difference) -> bool:
    """A change of an element of any other kind that has no text of its own (a list item,
    a list), no text compared: its lines are shown instead."""
    return (
        not change.ops
        and change.old is not None
        and change.new is not None
        and generic(change.new)
        and not isinstance(change.new, Division | Supplement)
        and not any(text for _, text in own_texts(change.new))
    )


def _change_lines(
    diff: Diff, change: Difference, side: Literal["old", "new"], style: Numerals, bullets: bool
) -> list[str]:
    """The lines of the changed element on ``side``; an element of any other kind after
    the label its container shows before it (a list item's ``2.``)."""
    element = change.new if side == "new" else change.old
    assert element is not None
    if not generic(element) or isinstance(element, Division | Supplement):
        return _lines(element, style, bullets, _depth(change))
    doc = diff.new if side == "new" else diff.old
    parent_path = change.new_parent if side == "new" else change.old_parent
    path = change.new_path if side == "new" else change.old_path
    label = ""
    parent = _get(doc, parent_path) if parent_path else None
    labels = child_labels(parent) if parent is not None else None
    if labels is not None and path is not None:
        key = path.rsplit("/", 1)[-1]
        index = next(
            (k for k, c in enumerate(children_of(parent)) if getattr(c, "key", None) == key), None
        )
        if index is not None and index < len(labels):
            label = labels[index]
    return _generic_lines(element, style, bullets, label)


def _own_line(
    change: Difference, side: Literal["old", "new"], style: Numerals, bullets: bool
) -> str:
    element = change.old if side == "old" else change.new
    if element is None:
        text = change.old_text if side == "old" else change.new_text
        return text or ""
    head, text = _head(element, style, bullets, _depth(change))
    return head + text


def _bullets(diff: Diff) -> bool:
    return diff.new.style.items == "bullets"


def _header(change: Difference, style: Numerals, words: dict[str, str] | None = None) -> str:
    old = _cite(change.old_citation, style)
    new = _cite(change.new_citation, style)
    if change.element_type == "document" or change.element_type == "toc":
        where = change.field or change.element_type
    elif old and new and old != new:
        where = f"{old} → {new}"
    else:
        where = new or old or (change.path or "")
    names = [*change.kinds, *(["typographic"] if change.typographic else [])]
    if words is not None and words is not LABELS["en"]:
        return f"{where}（{'・'.join(words.get(k, k) for k in names)}）"
    return f"{where} ({', '.join(names)})"


# ---------------------------------------------------------------------------------------
# Unified


def _unified(diff: Diff, style: Numerals) -> str:
    bullets = _bullets(diff)
    out = [f"--- {diff.old_title}", f"+++ {diff.new_title}"]
    for change in diff.changes:
        out.append(f"@@ {_header(change, style)} @@")
        if "added" in change.kinds:
            assert change.new is not None
            out.extend("+" + line for line in _change_lines(diff, change, "new", style, bullets))
        elif "removed" in change.kinds:
            assert change.old is not None
            out.extend("-" + line for line in _change_lines(diff, change, "old", style, bullets))
        elif "deleted" in change.kinds:
            assert change.old is not None
            assert change.new is not None
            out.extend("-" + line for line in _lines(change.old, style, bullets))
            out.extend("+" + line for line in _own_line(change, "new", style, bullets).split("\n"))
        elif change.element_type in ("toc",) or (
            change.element_type == "document" and change.old_text is None
        ):
            continue
        elif _textless(change):  # a list item whose layout changed: what it says
            old_lines = _change_lines(diff, change, "old", style, bullets)
            new_lines = _change_lines(diff, change, "new", style, bullets)
            if old_lines == new_lines:
                out.extend(" " + line for line in new_lines)
            else:
                out.extend("-" + line for line in old_lines)
                out.extend("+" + line for line in new_lines)
        else:
            old = _own_line(change, "old", style, bullets)
            new = _own_line(change, "new", style, bullets)
            if old == new:
                out.extend(" " + line for line in new.split("\n"))
            else:
                out.extend("-" + line for line in old.split("\n"))
                out.extend("+" + line for line in new.split("\n"))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------
# 新旧対照表


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and full-width characters
    count two, combining characters zero, everything else one."""
    require_type(text, str, "display_width: text")
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def _marked(text: str, ops: Sequence[InlineOp], side: Literal["old", "new"]) -> Segments:
    """Split ``text`` into pieces, marking the spans the inline operations change."""
    if not ops:
        return [(text, False)] if text else []
    out: Segments = []
    for op in ops:
        piece = op.old_text if side == "old" else op.new_text
        if piece:
            out.append((piece, op.tag != "equal"))
    return out


class _Unit:
    """One row of the table: an article (or other top-level unit) and its changes."""

    def __init__(
        self,
        old: Element | None,
        new: Element | None,
        top: Difference,
        old_path: str | None,
        new_path: str | None,
    ) -> None:
        self.old = old
        self.new = new
        self.top = top
        self.old_path = old_path
        self.new_path = new_path
        self.by_old: dict[str, Difference] = {}
        self.by_new: dict[str, Difference] = {}


_OWN_ROW = ("document", "toc", "division", "supplement")


def _units(diff: Diff) -> list[_Unit]:
    """Group the changes by the article (or other top-level element) that holds them."""
    supplements = {s.key for s in diff.old.supplements} | {s.key for s in diff.new.supplements}
    units: dict[str, _Unit] = {}
    by_old: dict[str, _Unit] = {}
    for change in diff.changes:
        if change.element_type in _OWN_ROW:
            key = f"{change.element_type}:{change.path or change.field}"
            old_path, new_path = change.old_path, change.new_path
        else:
            old_path = _top_path(change.old_path, supplements)
            new_path = _top_path(change.new_path, supplements)
            nested = change.element_type in ("paragraph", "item", "table", "row") or generic(
                change.old if change.old is not None else change.new
            )
            if old_path is None and nested and change.old_parent:
                old_path = _top_path(change.old_parent, supplements)
            if new_path is None and nested and change.new_parent:
                new_path = _top_path(change.new_parent, supplements)
            key = f"new:{new_path}" if new_path is not None else f"old:{old_path}"
        unit = units.get(key)
        if unit is None and change.element_type not in _OWN_ROW and old_path is not None:
            # a removed child of an article whose other changes came first
            unit = by_old.get(old_path)
        if unit is None:
            old, new = change.old, change.new
            if change.element_type not in _OWN_ROW:
                old = _get(diff.old, old_path)
                new = _get(diff.new, new_path)
            unit = units[key] = _Unit(old, new, change, old_path, new_path)
            if old_path is not None and change.element_type not in _OWN_ROW:
                by_old[old_path] = unit
        if change.old_path is not None:
            unit.by_old[change.old_path] = change
        if change.new_path is not None:
            unit.by_new[change.new_path] = change
    return list(units.values())


def _top_path(path: str | None, supplements: set[str]) -> str | None:
    if path is None:
        return None
    parts = path.split("/")
    if parts[0] == "preamble" or parts[0] in supplements:
        return "/".join(parts[:2])
    return parts[0]


def _get(doc: Document, path: str | None) -> Element | None:
    """The element at key path ``path``: found by its keys from the body down (a web
    policy's blocks), else by the citation resolver (articles inside divisions, 附則)."""
    if path is None:
        return None
    found: object = None
    children: tuple[object, ...] = doc.body
    for key in path.split("/"):
        found = next((c for c in children if getattr(c, "key", None) == key), None)
        if found is None:
            break
        children = () if has_parts(found) else children_of(found)
    if found is not None:
        return found  # type: ignore[return-value]
    try:
        return doc.get(path)
    except LegaldocsError:
        return None


def _column(
    unit: _Unit, side: Literal["old", "new"], style: Numerals, bullets: bool
) -> list[Segments]:
    element = unit.old if side == "old" else unit.new
    other = unit.new if side == "old" else unit.old
    changes = unit.by_old if side == "old" else unit.by_new
    root = unit.old_path if side == "old" else unit.new_path
    if unit.top.element_type in ("document", "toc"):
        text = (unit.top.old_text if side == "old" else unit.top.new_text) or ""
        lines = [_marked(text, unit.top.ops, side)] if unit.top.ops else [[(text, False)]]
        return _split_lines(lines)
    if element is None:
        return [[("（新設）" if side == "old" else "（削る）", False)]]
    top = changes.get(root) if root is not None else None
    whole = other is None or (top is not None and top.kinds[0] in ("added", "removed"))
    if top is not None and "deleted" in top.kinds and side == "old":
        whole = True
    out: list[Segments] = []
    _render(element, root or "", changes, side, style, bullets, 0, whole, out, "")
    return _split_lines(out)


def _split_lines(lines: list[Segments]) -> list[Segments]:
    """Break lines at the line breaks inside their pieces."""
    out: list[Segments] = []
    for line in lines:
        current: Segments = []
        for text, marked in line:
            pieces = text.split("\n")
            for index, piece in enumerate(pieces):
                if index:
                    out.append(current)
                    current = []
                if piece:
                    current.append((piece, marked))
        out.append(current)
    return out


def _render(
    element: Element,
    path: str,
    changes: dict[str, Difference],
    side: Literal["old", "new"],
    style: Numerals,
    bullets: bool,
    depth: int,
    whole: bool,
    out: list[Segments],
    indent: str,
) -> None:
    change = changes.get(path)
    head, text = _head(element, style, bullets, depth)
    if change is not None and change.kind in ("added", "removed"):
        whole = True
    if whole:
        out.append([(indent, False), (head + text, True)] if indent else [(head + text, True)])
    elif change is None and not _touched(path, changes) and not isinstance(element, Article):
        line: Segments = [(indent + head + "（略）", False)]
        out.append(line)
        return
    else:
        renumbered = change is not None and "renumbered" in change.kinds
        line = [(indent, False)] if indent else []
        bare = head.rstrip("　")
        line.append((bare, renumbered))
        line.append((head[len(bare) :], False))
        if change is not None and change.ops:
            line.extend(_marked(text, change.ops, side))
        else:
            line.append((text, False))
        out.append([seg for seg in line if seg[0]])
    if isinstance(element, Article):
        if element.deleted:
            return
        for p in element.paragraphs:
            _render(p, f"{path}/{p.key}", changes, side, style, bullets, 0, whole, out, indent)
    elif isinstance(element, Paragraph | Item):
        for c in element.children:
            d = depth + 1
            _render(
                c, f"{path}/{c.key}", changes, side, style, bullets, d, whole, out, indent + "  "
            )
    elif isinstance(element, Table):
        for r in element.rows:
            _render(r, f"{path}/{r.key}", changes, side, style, bullets, 0, whole, out, indent)


def _touched(path: str, changes: dict[str, Difference]) -> bool:
    prefix = path + "/"
    return any(p.startswith(prefix) for p in changes)


def _unit_blocks(diff: Diff, style: Numerals, bullets: bool) -> list[list[Block]]:
    """The 新旧対照表's rows: for each unit, its blocks (one line of the law on each side)."""
    pairer = Pairer(diff, style, bullets)
    out: list[list[Block]] = []
    for unit in _units(diff):
        if unit.top.element_type in _OWN_ROW or (unit.old is None and unit.new is None):
            new = _column(unit, "new", style, bullets)
            old = _column(unit, "old", style, bullets)
            blocks = [
                Block(
                    new=tuple(new[k]) if k < len(new) else (),
                    old=tuple(old[k]) if k < len(old) else (),
                )
                for k in range(max(len(new), len(old)))
            ]
        else:
            blocks = pairer.unit(unit.old, unit.new, unit.old_path, unit.new_path)
        out.append(blocks)
    return out


def _table(
    diff: Diff,
    style: Numerals,
    table_format: str,
    order: tuple[str, str],
    labels: tuple[str, str],
    marks: tuple[str, str] | None,
    width: int,
) -> str:
    bullets = _bullets(diff)
    label = {"new": labels[0], "old": labels[1]}
    units = _unit_blocks(diff, style, bullets)
    heads = (label[order[0]], label[order[1]])
    rows: list[list[tuple[list[Segments], list[Segments]]]] = []
    for blocks in units:
        rows.append(
            [
                (
                    [list(getattr(b, order[0]))],
                    [list(getattr(b, order[1]))],
                )
                for b in blocks
            ]
        )
    if table_format == "text":
        return _text_table(heads, rows, marks or ("【", "】"), width)
    if table_format == "markdown":
        flat = [
            (
                _split_lines([line for a, _ in unit for line in a if line]),
                _split_lines([line for _, b in unit for line in b if line]),
            )
            for unit in rows
        ]
        return _markdown_table(heads, flat, marks or ("<u>", "</u>"))
    return _html_table(heads, rows)


def _plain(line: Segments, marks: tuple[str, str]) -> str:
    return "".join(f"{marks[0]}{t}{marks[1]}" if m else t for t, m in line)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _text_table(
    heads: tuple[str, str],
    rows: list[list[tuple[list[Segments], list[Segments]]]],
    marks: tuple[str, str],
    width: int,
) -> str:
    rule = "+" + "-" * (width + 2) + "+" + "-" * (width + 2) + "+"
    out = [rule, f"| {_pad(heads[0], width)} | {_pad(heads[1], width)} |", rule]
    for unit in rows:
        for left, right in unit:
            a = [w for line in left for w in _wrap_marked(line, width, marks)]
            b = [w for line in right for w in _wrap_marked(line, width, marks)]
            for i in range(max(len(a), len(b))):
                x = a[i] if i < len(a) else ""
                y = b[i] if i < len(b) else ""
                out.append(f"| {_pad(x, width)} | {_pad(y, width)} |")
        out.append(rule)
    return "\n".join(out) + "\n"


def _wrap_marked(line: Segments, width: int, marks: tuple[str, str]) -> list[str]:
    """The line with its marks written in, wrapped with 禁則 (a mark is a bracket too)."""
    if not line:
        return [""]
    out: list[str] = []
    for part in _plain(line, marks).split("\n"):
        wrapped = ["".join(t for t, _ in w) for w in wrap([(part, False)], width, display_width)]
        # a break between two words takes the space: a wrapped line starts with a word
        out.extend([wrapped[0], *(w.lstrip(" ") for w in wrapped[1:])])
    return out


def _md_escape(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|")


def _markdown_table(
    heads: tuple[str, str],
    rows: list[tuple[list[Segments], list[Segments]]],
    marks: tuple[str, str],
) -> str:
    def cell(lines: list[Segments]) -> str:
        return "<br>".join(
            "".join(f"{marks[0]}{_md_escape(t)}{marks[1]}" if m else _md_escape(t) for t, m in line)
            for line in lines
        )

    out = [f"| {_md_escape(heads[0])} | {_md_escape(heads[1])} |", "| --- | --- |"]
    out.extend(f"| {cell(left)} | {cell(right)} |" for left, right in rows)
    return "\n".join(out) + "\n"


def _html_segments(line: Segments) -> str:
    return "".join(
        (f"<u>{html.escape(t)}</u>" if m else html.escape(t)).replace("\n", "<br>") for t, m in line
    )


def _html_line(line: Segments) -> str:
    """One line of the law as a block whose wrapped lines hang under its text (class
    ``h0``, ``h1``, … by indent level)."""
    depth, rest = hang(line)
    return f'<div class="h{min(depth, 5)}">{_html_segments(rest)}</div>'


def _html_table(
    heads: tuple[str, str], rows: list[list[tuple[list[Segments], list[Segments]]]]
) -> str:
    out = [
        '<table class="legaldocs-shinkyu">',
        f"<thead><tr><th>{html.escape(heads[0])}</th><th>{html.escape(heads[1])}</th></tr></thead>",
        "<tbody>",
    ]
    for unit in rows:
        for k, (left, right) in enumerate(unit):
            a = "".join(_html_line(line) for line in left)
            b = "".join(_html_line(line) for line in right)
            cls = ' class="unit"' if k == 0 else ""
            out.append(f"<tr{cls}><td>{a}</td><td>{b}</td></tr>")
    out.extend(["</tbody>", "</table>"])
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------
# HTML redline


def _redline(diff: Diff, style: Numerals, words: dict[str, str] | None = None) -> str:
    bullets = _bullets(diff)
    esc = html.escape
    out = ['<div class="legaldocs-diff">']
    if diff.old_title != diff.new_title:
        out.append(
            f'<p class="titles"><del>{esc(diff.old_title)}</del> → '
            f"<ins>{esc(diff.new_title)}</ins></p>"
        )
    elif diff.new_title:  # many web policies have no title
        out.append(f'<p class="titles">{esc(diff.new_title)}</p>')
    for change in diff.changes:
        kinds = " ".join(change.kinds) + (" typographic" if change.typographic else "")
        path = esc(change.path or change.field or "")
        out.append(f'<section class="change {kinds}" data-path="{path}">')
        out.append(f"<h3>{esc(_header(change, style, words))}</h3>")
        if "added" in change.kinds and change.new is not None:
            lines = _change_lines(diff, change, "new", style, bullets)
            out.extend(f"<p><ins>{esc(line)}</ins></p>" for line in lines)
        elif "removed" in change.kinds and change.old is not None:
            lines = _change_lines(diff, change, "old", style, bullets)
            out.extend(f"<p><del>{esc(line)}</del></p>" for line in lines)
        elif "deleted" in change.kinds and change.old is not None:
            out.extend(
                f"<p><del>{esc(line)}</del></p>" for line in _lines(change.old, style, bullets)
            )
            out.append(f"<p><ins>{esc(_own_line(change, 'new', style, bullets))}</ins></p>")
        elif _textless(change):
            # a list item or a list whose layout changed: what it says, unmarked
            lines = _change_lines(diff, change, "new", style, bullets)
            out.extend(f"<p>{esc(line)}</p>" for line in lines)
        elif change.ops or change.old is not None:
            line = _redline_line(change, style, bullets).replace("\n", "<br>")
            out.append(f"<p>{line}</p>")
        out.append("</section>")
    out.append("</div>")
    return "\n".join(out) + "\n"


def _redline_line(change: Difference, style: Numerals, bullets: bool) -> str:
    esc = html.escape
    depth = _depth(change)
    old_head = _head(change.old, style, bullets, depth)[0] if change.old is not None else ""
    new_head = _head(change.new, style, bullets, depth)[0] if change.new is not None else ""
    if old_head == new_head:
        head = esc(new_head)
    else:
        head = (f"<del>{esc(old_head)}</del>" if old_head else "") + (
            f"<ins>{esc(new_head)}</ins>" if new_head else ""
        )
    ops = change.ops
    if not ops and change.old is not None and change.new is not None and generic(change.new):
        # a web policy's renumbered section: its heading holds the number
        old_text = _head(change.old, style, bullets, depth)[1]
        new_text = _head(change.new, style, bullets, depth)[1]
        if old_text != new_text:
            ops = inline_diff(old_text, new_text)
    if not ops:
        text = _head(change.new, style, bullets, depth)[1] if change.new is not None else ""
        return head + esc(text)
    body = []
    for op in ops:
        if op.tag == "equal":
            body.append(esc(op.new_text))
        else:
            if op.old_text:
                body.append(f"<del>{esc(op.old_text)}</del>")
            if op.new_text:
                body.append(f"<ins>{esc(op.new_text)}</ins>")
    return head + "".join(body)


# ---------------------------------------------------------------------------------------
# JSON


def _json(diff: Diff, style: Numerals) -> str:
    bullets = _bullets(diff)
    changes = []
    for change in diff.changes:
        entry: dict[str, Any] = {
            "kinds": list(change.kinds),
            "element": change.element_type,
            "typographic": change.typographic,
        }
        for side in ("old", "new"):
            element = change.old if side == "old" else change.new
            path = change.old_path if side == "old" else change.new_path
            if path is None and element is None:
                entry[side] = None
                continue
            data: dict[str, Any] = {
                "path": path,
                "citation": _cite(
                    change.old_citation if side == "old" else change.new_citation, style
                )
                or None,
                "parent": change.old_parent if side == "old" else change.new_parent,
            }
            if side == "new":
                data["position"] = change.position
                data["after"] = change.after
                data["anchor"] = change.anchor
            data["lines"] = _lines(element, style, bullets, _depth(change)) if element else []
            entry[side] = data
        entry["parents"] = {"old": change.old_parent, "new": change.new_parent}
        entry["field"] = change.field
        if change.field is not None:
            entry["old_text"] = change.old_text
            entry["new_text"] = change.new_text
        entry["ops"] = [
            {
                "op": op.tag,
                "old": [op.old_start, op.old_end],
                "new": [op.new_start, op.new_end],
                "old_text": op.old_text,
                "new_text": op.new_text,
                "typographic": op.typographic,
            }
            for op in change.ops
        ]
        changes.append(entry)
    document = {
        "schema": JSON_SCHEMA,
        "old": {"title": diff.old_title},
        "new": {"title": diff.new_title},
        "changes": changes,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
