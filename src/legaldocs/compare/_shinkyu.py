"""The 新旧対照表 as ministries publish it (private): rows of the two columns aligned.

Each article (or other top-level unit) touched by a diff becomes a list of :class:`Block`
pairs, one per line of the law: the caption on its own line, then the article's first
paragraph with its number, then each paragraph and item. A provision on one side only
stands opposite （新設） or （削る）; consecutive unchanged siblings collapse into one line
(「一～五　（略）」, 「２・３　（略）」); changed spans are marked (傍線). The writers (text,
Markdown, HTML, Word) wrap each block on its own, so the two sides of a block start on the
same line.

Any other kind of element (a web policy's sections, paragraphs, lists, quotes, tables, raw
HTML) is paired through the element protocol: its own texts line against line, the changed
spans marked by the diff's inline operations (words for English, characters for Japanese),
then its children paired as the diff paired them, unchanged runs collapsed; a list's items
after the markers the list gives them (``1.``, ``•``). The words of （新設）, （削る） and
（略） follow the document's language.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from typing import Literal

import attrs

from legaldocs._inline import inline_diff
from legaldocs.compare._diff import Diff, Difference, InlineOp
from legaldocs.compare._page import labels_for
from legaldocs.model._blocks import POLICY_BLOCKS, plain_text
from legaldocs.model._citation import Citation, Step
from legaldocs.model._element import (
    child_labels,
    children_of,
    has_parts,
    headings_of,
    is_heading,
    own_texts,
    presentation_of,
    signature,
)
from legaldocs.model._numbers import Numerals, item_label
from legaldocs.model._records import Article, Element, Item, Paragraph, Row, Table

Segments = list[tuple[str, bool]]
"""A line as (text, marked) pieces."""

Side = Literal["old", "new"]

_STATUTE = (Article, Paragraph, Item, Table, Row)
"""The kinds paired by the rules of statutes (article number, 項 and 号 labels); every
other kind (a web policy's sections and blocks, …) is paired through the element protocol."""


def generic(element: object) -> bool:
    """Whether ``element`` is paired through the element protocol (not a statute kind)."""
    return not isinstance(element, _STATUTE)


def shown_texts(element: object) -> tuple[tuple[str, str], ...]:
    """``element``'s own texts as the table shows them: a web policy's heading as its words
    (``**1\\. About**`` is shown ``1. About``, as a reader sees it); any other text as
    written, inline Markdown included (a changed link target must show)."""
    texts = own_texts(element)
    if not isinstance(element, POLICY_BLOCKS):
        return texts
    return tuple(
        (field, plain_text(text) if is_heading(element, field) else text) for field, text in texts
    )


def same_content(a: object, b: object) -> bool:
    """``a`` and ``b`` say and show the same, whatever their keys and numbers."""
    return a == b or (
        type(a) is type(b)
        and signature(a) == signature(b)
        and presentation_of(a) == presentation_of(b)
    )


@attrs.frozen
class Block:
    """One line of the law on both sides (either may be empty), with its indent level."""

    new: tuple[tuple[str, bool], ...]
    old: tuple[tuple[str, bool], ...]
    indent: int = 0


def marked(text: str, ops: Sequence[InlineOp], side: Side) -> Segments:
    """``text`` in pieces, the spans the operations change marked."""
    if not ops:
        return [(text, False)] if text else []
    out: Segments = []
    for op in ops:
        piece = op.old_text if side == "old" else op.new_text
        if piece:
            out.append((piece, op.tag != "equal"))
    return out


class Pairer:
    """Aligns the two versions of one unit, using the diff's changes."""

    def __init__(self, diff: Diff, style: Numerals, bullets: bool) -> None:
        self.style = style
        self.bullets = bullets
        words = labels_for(diff.new.lang)
        self.added = words["table_added"]
        self.removed = words["table_removed"]
        self.omitted = words["table_omitted"]
        self.sep = words["table_sep"]
        self.by_new: dict[str, Difference] = {}
        self.by_old: dict[str, Difference] = {}
        # (path, field) -> the change of that own text (an element may change in several)
        self.fields_new: dict[tuple[str, str], Difference] = {}
        self.fields_old: dict[tuple[str, str], Difference] = {}
        for change in diff.changes:
            if change.new_path is not None:
                self.by_new[change.new_path] = change
                if change.field is not None:
                    self.fields_new[(change.new_path, change.field)] = change
            if change.old_path is not None:
                self.by_old[change.old_path] = change
                if change.field is not None:
                    self.fields_old[(change.old_path, change.field)] = change
        # new path -> old path of the elements the diff paired without reporting them (a
        # list item whose key changed, not its content): the changes below them say so
        self.implied: dict[str, str] = {}
        for change in diff.changes:
            if change.old_path is None or change.new_path is None:
                continue
            old_parts, new_parts = change.old_path.split("/"), change.new_path.split("/")
            if len(old_parts) != len(new_parts):
                continue
            for m in range(1, len(new_parts)):
                self.implied.setdefault("/".join(new_parts[:m]), "/".join(old_parts[:m]))
        self.implied_old = set(self.implied.values())
        self.new_paths = set(self.by_new)
        self.old_paths = set(self.by_old)
        # the changed paths and every path above them
        self.new_touched = {p[:k] for p in self.new_paths for k in _ends(p)}
        self.old_touched = {p[:k] for p in self.old_paths for k in _ends(p)}

    # -- labels ---------------------------------------------------------------------------

    def label(self, element: Element, depth: int) -> str:
        if isinstance(element, Article):
            text = Citation((Step(kind="条", num=element.num),)).format(self.style)
            if element.until is not None:
                until = Citation((Step(kind="条", num=element.until),)).format(self.style)
                text = f"{text}から{until}まで"
            return text
        if isinstance(element, Paragraph):
            if element.anonymous or element.num.parts == (1,):
                return ""
            return element.num.fullwidth() if self.style == "kanji" else element.num.arabic()
        if isinstance(element, Item):
            return element.label or (
                "•" if self.bullets else item_label(element.num, depth, self.style)
            )
        return ""

    def touched(self, path: str, side: Side) -> bool:
        """Whether the element at ``path`` or anything in it changed on ``side``."""
        return path in (self.new_touched if side == "new" else self.old_touched)

    # -- whole provisions -----------------------------------------------------------------

    def whole(
        self,
        element: Element,
        depth: int,
        mark: bool,
        indent: int | None = None,
        label: str = "",
    ) -> list[list[tuple[str, bool]]]:
        """Every line of ``element`` (and what it holds), marked or not, with indents
        (``indent``: the level of its first line, by default its depth; ``label``: the
        marker its parent shows before it, a list's ``1.``)."""
        lines: list[list[tuple[str, bool]]] = []

        def add(text: str, indent: int) -> None:
            lines.append([("\u3000" * indent, False), (text, mark)] if indent else [(text, mark)])

        def visit(node: Element, level: int, indent: int) -> None:
            if isinstance(node, Article):
                if node.caption:
                    add(node.caption, 1)
                if node.deleted:
                    add(self.label(node, 0) + "\u3000削除", 0)
                    return
                for k, p in enumerate(node.paragraphs):
                    head = self.label(node, 0) if k == 0 else self.label(p, 0)
                    add((head + "\u3000" if head else "") + p.text, 0)
                    for c in p.children:
                        visit(c, 1, 1)
            elif isinstance(node, Paragraph):
                head = self.label(node, 0)
                add((head + "\u3000" if head else "") + node.text, indent)
                for c in node.children:
                    visit(c, 1, indent + 1)
            elif isinstance(node, Item):
                add(self.label(node, level) + "\u3000" + node.text, indent)
                for c in node.children:
                    visit(c, level + 1, indent + 1)
            elif isinstance(node, Table):
                for row in node.rows:
                    add("\u3000".join(cell.text for cell in row.cells), indent)
            elif isinstance(node, Row):
                add("\u3000".join(cell.text for cell in node.cells), indent)
            else:  # any other kind (a web policy's section, its text): the element protocol
                lines.extend(self._generic_whole(node, level, indent, "", mark, visit))

        if generic(element):
            start = (0 if depth == 0 else depth) if indent is None else indent
            return self._generic_whole(element, depth, start, label, mark, visit)
        visit(element, depth, 0 if depth == 0 else depth)
        return lines

    def _generic_whole(
        self,
        node: Element,
        level: int,
        indent: int,
        label: str,
        mark: bool,
        visit: Callable[[Element, int, int], None],
    ) -> list[list[tuple[str, bool]]]:
        """The lines of an element of any other kind, through the element protocol: its own
        texts (a line each, broken at its line breaks), then its children."""
        out: list[list[tuple[str, bool]]] = []
        for field, text in shown_texts(node):
            if text:
                out.extend(self._text_lines([(text, mark)], indent, label, mark, field))
                label = ""
        if has_parts(node):
            return out or ([self._labelled([], indent, label, mark)] if label else [])
        kids = children_of(node)
        labels = child_labels(node)
        inner = indent if (headings_of(node) or label) else indent + 1
        for k, child in enumerate(kids):
            mine = labels[k] if labels is not None and k < len(labels) else ""
            if generic(child):
                sub = self._generic_whole(child, level, inner, mine, mark, visit)
            else:  # a statute kind inside (an appendix's paragraphs): its own rules
                sub = self.whole(child, level + 1, mark)
                sub = [[("\u3000" * inner, False), *line] if inner else line for line in sub]
            if label and sub:
                sub[0] = self._prefixed(sub[0], label, mark)
                label = ""
            out.extend(sub)
        if label:
            out.append(self._labelled([], indent, label, mark))
        return out

    def _labelled(self, pieces: Segments, indent: int, label: str, mark: bool) -> Segments:
        pad: Segments = [("\u3000" * indent, False)] if indent else []
        head: Segments = [(label, mark), (self.sep, False)] if label else []
        return [p for p in (*pad, *head, *pieces) if p[0]]

    def _prefixed(self, line: Sequence[tuple[str, bool]], label: str, mark: bool) -> Segments:
        """``line`` with ``label`` written after its indent (a list item's marker before
        the first line of what it holds)."""
        depth, rest = hang(line)
        return self._labelled(rest, depth, label, mark)

    def _text_lines(
        self, pieces: Segments, indent: int, label: str, label_mark: bool, field: str
    ) -> list[Segments]:
        """An own text (as marked pieces) broken at its line breaks, indented, the first line
        after ``label``; the cells of a row (joined by tabs) are shown ``a | b``."""
        lines: list[Segments] = [[]]
        for text, m in pieces:
            if field == "cells":
                text = text.replace("\t", " | ")
            for k, part in enumerate(text.split("\n")):
                if k:
                    lines.append([])
                if part:
                    lines[-1].append((part, m))
        out = []
        for k, line in enumerate(lines):
            out.append(self._labelled(line, indent, label if k == 0 else "", label_mark))
        return out

    # -- pairs ----------------------------------------------------------------------------

    def unit(
        self, old: Element | None, new: Element | None, old_path: str | None, new_path: str | None
    ) -> list[Block]:
        """The blocks of one top-level unit."""
        if new is None and old is not None:
            return self._one_side(old, "old", 0)
        if old is None and new is not None:
            return self._one_side(new, "new", 0)
        assert old is not None
        assert new is not None
        assert old_path is not None
        assert new_path is not None
        return self._pair(old, new, old_path, new_path, 0, 0)

    def _one_side(
        self,
        element: Element,
        side: Side,
        depth: int,
        indent: int | None = None,
        label: str = "",
    ) -> list[Block]:
        lines = self.whole(element, depth, True, indent, label)
        other = self.removed if side == "old" else self.added
        blocks = []
        for k, line in enumerate(lines):
            mine = tuple(line)
            theirs: tuple[tuple[str, bool], ...] = ((other, False),) if k == 0 else ()
            if side == "new":
                blocks.append(Block(new=mine, old=theirs))
            else:
                blocks.append(Block(new=theirs, old=mine))
        return blocks

    def _line(
        self, element: Element, path: str, side: Side, head: str, text: str, field: str
    ) -> tuple[tuple[str, bool], ...]:
        by = self.by_new if side == "new" else self.by_old
        change = by.get(path)
        renumbered = change is not None and "renumbered" in change.kinds
        pieces: Segments = []
        if head:
            pieces.append((head, renumbered))
            pieces.append(("\u3000", False))
        if change is not None and change.ops and change.field == field:
            pieces.extend(marked(text, change.ops, side))
        else:
            pieces.append((text, False))
        return tuple(p for p in pieces if p[0])

    def _pair(
        self,
        old: Element,
        new: Element,
        old_path: str,
        new_path: str,
        depth: int,
        indent: int,
        labels: tuple[str, str] = ("", ""),
    ) -> list[Block]:
        if type(old) is type(new) and generic(new):
            return self._pair_generic(old, new, old_path, new_path, depth, indent, labels)
        blocks: list[Block] = []
        pad = ((("\u3000" * indent), False),) if indent else ()
        if isinstance(old, Article) and isinstance(new, Article):
            if old.caption or new.caption:
                blocks.append(
                    Block(
                        new=(
                            ("\u3000", False),
                            *self._line(new, new_path, "new", "", new.caption or "", "caption"),
                        ),
                        old=(
                            ("\u3000", False),
                            *self._line(old, old_path, "old", "", old.caption or "", "caption"),
                        ),
                    )
                )
            if new.deleted or old.deleted:
                n = self.whole(new, 0, new.deleted and not old.deleted)
                o = self.whole(old, 0, new.deleted and not old.deleted)
                n = [line for line in n if not (new.caption and line[-1][0] == new.caption)]
                o = [line for line in o if not (old.caption and line[-1][0] == old.caption)]
                for k in range(max(len(n), len(o))):
                    blocks.append(
                        Block(
                            new=tuple(n[k]) if k < len(n) else (),
                            old=tuple(o[k]) if k < len(o) else (),
                        )
                    )
                return blocks
            blocks.extend(
                self._children(
                    old.paragraphs, new.paragraphs, old_path, new_path, 0, 0, first_label=(old, new)
                )
            )
            return blocks
        if isinstance(old, Paragraph | Item) and isinstance(new, Paragraph | Item):
            blocks.append(
                Block(
                    new=pad
                    + self._line(new, new_path, "new", self.label(new, depth), new.text, "text"),
                    old=pad
                    + self._line(old, old_path, "old", self.label(old, depth), old.text, "text"),
                )
            )
            blocks.extend(
                self._children(
                    old.children, new.children, old_path, new_path, depth + 1, indent + 1
                )
            )
            return blocks
        # tables, rows, two different kinds: whole, side by side
        n = self.whole(new, depth, True, *((indent, labels[1]) if generic(new) else ()))
        o = self.whole(old, depth, True, *((indent, labels[0]) if generic(old) else ()))
        for k in range(max(len(n), len(o))):
            blocks.append(
                Block(new=tuple(n[k]) if k < len(n) else (), old=tuple(o[k]) if k < len(o) else ())
            )
        return blocks

    def _marks(
        self,
        old_path: str,
        new_path: str,
        field: str,
        old_text: str,
        new_text: str,
        *,
        diff_ops: bool = True,
    ) -> tuple[Segments, Segments]:
        """The two versions of one own text, the changed spans marked: by the diff's inline
        operations (``diff_ops``: the texts are the ones the diff compared), or by an
        inline diff of the two (a heading shown as its words, or holding a new number)."""
        change = self.fields_new.get((new_path, field)) or self.fields_old.get((old_path, field))
        if diff_ops and change is not None and change.ops and change.old_text == old_text:
            ops: Sequence[InlineOp] = change.ops
        elif old_text != new_text:
            ops = inline_diff(old_text, new_text)
        else:
            return [(old_text, False)], [(new_text, False)]
        return marked(old_text, ops, "old"), marked(new_text, ops, "new")

    def _pair_generic(
        self,
        old: Element,
        new: Element,
        old_path: str,
        new_path: str,
        depth: int,
        indent: int,
        labels: tuple[str, str],
    ) -> list[Block]:
        """Two versions of an element of any other kind, through the element protocol: each
        own text line against line, the changed spans marked; then the children paired, the
        unchanged ones collapsed."""
        blocks: list[Block] = []
        old_label, new_label = labels
        relabelled = old_label != new_label
        old_texts = dict(shown_texts(old))
        raw_texts = dict(own_texts(new))
        for field, new_text in shown_texts(new):
            old_text = old_texts.get(field, "")
            if not old_text and not new_text:
                continue
            exact = raw_texts.get(field) == new_text  # not a heading shown as its words
            o_pieces, n_pieces = self._marks(
                old_path, new_path, field, old_text, new_text, diff_ops=exact
            )
            o = self._text_lines(o_pieces, indent, old_label, relabelled, field) if old_text else []
            n = self._text_lines(n_pieces, indent, new_label, relabelled, field) if new_text else []
            old_label = new_label = ""
            blocks.extend(_lined_up(o, n))
        if has_parts(old) or has_parts(new):
            return blocks
        inner = indent if (headings_of(new) or any(labels)) else indent + 1
        kids = self._children(
            children_of(old),
            children_of(new),
            old_path,
            new_path,
            depth,
            inner,
            labels=(child_labels(old), child_labels(new)),
        )
        if (old_label or new_label) and kids:
            first = kids[0]
            kids[0] = Block(
                new=tuple(self._prefixed(first.new, new_label, relabelled))
                if first.new
                else first.new,
                old=tuple(self._prefixed(first.old, old_label, relabelled))
                if first.old
                else first.old,
                indent=first.indent,
            )
        blocks.extend(kids)
        return blocks

    def _children(
        self,
        old_kids: Sequence[Element],
        new_kids: Sequence[Element],
        old_path: str,
        new_path: str,
        depth: int,
        indent: int,
        first_label: tuple[Article, Article] | None = None,
        labels: tuple[Sequence[str] | None, Sequence[str] | None] = (None, None),
    ) -> list[Block]:
        old_index = {f"{old_path}/{getattr(c, 'key', '')}": k for k, c in enumerate(old_kids)}
        matched: dict[int, int] = {}  # new index -> old index
        leftovers: list[int] = []
        for j, child in enumerate(new_kids):
            path = f"{new_path}/{getattr(child, 'key', '')}"
            change = self.by_new.get(path)
            if change is not None:
                if change.old_path is not None and change.old_path in old_index:
                    matched[j] = old_index[change.old_path]
            elif generic(child):
                implied = self.implied.get(path)
                if implied is not None and implied in old_index:
                    matched[j] = old_index[implied]
                else:
                    leftovers.append(j)
            else:
                same = f"{old_path}/{getattr(child, 'key', '')}"
                if same in old_index:
                    matched[j] = old_index[same]
        if leftovers:
            self._match_unchanged(old_kids, new_kids, old_path, leftovers, matched)
        used = set(matched.values())
        # sequence of (old index | None, new index | None)
        order: list[tuple[int | None, int | None]] = []
        next_old = 0
        for j in range(len(new_kids)):
            if j in matched:
                i = matched[j]
                while next_old < i:
                    if next_old not in used:
                        order.append((next_old, None))
                    next_old += 1
                order.append((i, j))
                next_old = max(next_old, i + 1)
            else:
                order.append((None, j))
        for rest in range(next_old, len(old_kids)):
            if rest not in used:
                order.append((rest, None))
        blocks: list[Block] = []
        run: list[tuple[Element, Element, str]] = []

        def flush() -> None:
            if not run:
                return
            blocks.extend(self._collapsed(run, depth, indent, first_label if not blocks else None))
            run.clear()

        def label_of(side: int, index: int | None) -> str:
            given = labels[side]
            if index is None or given is None or index >= len(given):
                return ""
            return given[index]

        for oi, nj in order:
            o = old_kids[oi] if oi is not None else None
            n = new_kids[nj] if nj is not None else None
            op = f"{old_path}/{getattr(o, 'key', '')}" if o is not None else None
            np_ = f"{new_path}/{getattr(n, 'key', '')}" if n is not None else None
            o_label, n_label = label_of(0, oi), label_of(1, nj)
            if (
                o is not None
                and n is not None
                and op is not None
                and np_ is not None
                and not self.touched(np_, "new")
                and not self.touched(op, "old")
                and (o == n or (generic(n) and same_content(o, n) and o_label == n_label))
            ):
                run.append((o, n, n_label))
                continue
            flush()
            if o is None and n is not None:
                if generic(n):
                    sub = self._one_side(n, "new", depth, indent, n_label)
                else:
                    sub = self._one_side(n, "new", depth)
            elif n is None and o is not None:
                if generic(o):
                    sub = self._one_side(o, "old", depth, indent, o_label)
                else:
                    sub = self._one_side(o, "old", depth)
            else:
                assert o is not None
                assert n is not None
                assert op is not None
                assert np_ is not None
                sub = self._pair(o, n, op, np_, depth, indent, (o_label, n_label))
            if first_label is not None and not blocks and sub:
                sub[0] = self._with_article(sub[0], first_label)
            blocks.extend(sub)
        flush()
        return blocks

    def _with_article(self, block: Block, articles: tuple[Article, Article]) -> Block:
        """The article's number before its first paragraph (第三条　…)."""
        old, new = articles
        nh = self.label(new, 0)
        oh = self.label(old, 0)
        renumbered = old.num != new.num
        new_line = ((nh, renumbered), ("\u3000", False), *block.new) if block.new else block.new
        old_line = ((oh, renumbered), ("\u3000", False), *block.old) if block.old else block.old
        return Block(new=new_line, old=old_line, indent=block.indent)

    def _match_unchanged(
        self,
        old_kids: Sequence[Element],
        new_kids: Sequence[Element],
        old_path: str,
        leftovers: list[int],
        matched: dict[int, int],
    ) -> None:
        """Pair the children the diff reports no change for with old children of the same
        content (the diff paired them so): the one with the same key first, else the first
        free one. A web policy's blocks are keyed by position, so after an insertion an
        unchanged section has another key, and the old key names another section."""
        taken = set(matched.values())
        for i, child in enumerate(old_kids):
            path = f"{old_path}/{getattr(child, 'key', '')}"
            if path in self.by_old or path in self.implied_old:
                taken.add(i)  # removed, or paired by the diff with another child
        for j in leftovers:
            child = new_kids[j]
            key = getattr(child, "key", None)
            free = [i for i in range(len(old_kids)) if i not in taken]
            found = next(
                (
                    i
                    for i in free
                    if getattr(old_kids[i], "key", None) == key and same_content(old_kids[i], child)
                ),
                None,
            )
            if found is None:
                found = next((i for i in free if same_content(old_kids[i], child)), None)
            if found is None:
                found = next((i for i in free if getattr(old_kids[i], "key", None) == key), None)
            if found is not None:
                matched[j] = found
                taken.add(found)

    def _collapsed(
        self,
        run: list[tuple[Element, Element, str]],
        depth: int,
        indent: int,
        first: tuple[Article, Article] | None,
    ) -> list[Block]:
        out: list[Block] = []
        if first is not None:
            text = f"{self.label(first[1], 0)}\u3000{self.omitted}"
            out.append(Block(new=((text, False),), old=((text, False),)))
            run = run[1:]
            if not run:
                return out
        label = _joined([given if generic(n) else self.label(n, depth) for _, n, given in run])
        text = ("\u3000" * indent) + (f"{label}{self.sep}{self.omitted}" if label else self.omitted)
        out.append(Block(new=((text, False),), old=((text, False),)))
        return out


def _ends(path: str) -> list[int]:
    """Where each ancestor's path ends in ``path`` (at each ``/``), and the path's end."""
    return [k for k, char in enumerate(path) if char == "/"] + [len(path)]


def _lined_up(old: list[Segments], new: list[Segments]) -> list[Block]:
    """The lines of one text's two versions side by side, equal lines level with each other
    (an address that gains a line pushes the rest down on one side only)."""
    if len(old) == len(new):
        return [Block(new=tuple(n), old=tuple(o)) for o, n in zip(old, new, strict=True)]

    def plain(line: Segments) -> str:
        return "".join(text for text, _ in line)

    matcher = difflib.SequenceMatcher(
        None, [plain(line) for line in old], [plain(line) for line in new], autojunk=False
    )
    out: list[Block] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(
                Block(new=tuple(new[j]), old=tuple(old[i]))
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            out.append(
                Block(
                    new=tuple(new[j1 + k]) if j1 + k < j2 else (),
                    old=tuple(old[i1 + k]) if i1 + k < i2 else (),
                )
            )
    return out


def _joined(labels: list[str]) -> str:
    """一～五 for three or more in a row, ２・３ for two, the label for one."""
    labels = [lab for lab in labels if lab]
    if not labels or len(set(labels)) < len(labels):
        return ""  # bullets (•): no numbers to name them by
    if len(labels) == 1:
        return labels[0]
    if len(labels) == 2:
        return f"{labels[0]}・{labels[1]}"
    return f"{labels[0]}～{labels[-1]}"


def hang(line: Sequence[tuple[str, bool]]) -> tuple[int, Segments]:
    """(indent level, the line without its leading full-width spaces): the writers indent
    wrapped lines by the level plus one character (ぶら下げ字下げ, as tables are set)."""
    pieces = [p for p in line if p[0]]
    depth = 0
    while pieces and not pieces[0][1] and pieces[0][0].startswith("\u3000"):
        text = pieces[0][0]
        stripped = text.lstrip("\u3000")
        depth += len(text) - len(stripped)
        if stripped:
            pieces[0] = (stripped, pieces[0][1])
        else:
            pieces.pop(0)
    return depth, pieces


# ---------------------------------------------------------------------------------------
# 禁則 line breaking


_NO_START = set(
    "、。，．）」』】〕］｝〉》・：；？！ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.)]}:;?!%>"
)
_NO_END = set("（「『【〔［｛〈《([{<")


def _is_word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "._-'/%")


def wrap(
    line: Sequence[tuple[str, bool]], width: int, measure: Callable[[str], int]
) -> list[Segments]:
    """Break ``line`` into lines of at most ``width`` columns (``measure`` of a text), by
    the rules of 禁則処理: no line starts with 、。）」 and the like (the character is hung
    on the line before), no line ends with （「 (it moves to the next line), a Latin word
    or a number is never split (unless it is longer than a line)."""
    chars: list[tuple[str, bool]] = [(c, m) for text, m in line for c in text]
    widths: dict[str, int] = {}
    sizes = [widths.get(c) or widths.setdefault(c, measure(c)) for c, _ in chars]
    out: list[Segments] = []
    start = 0
    n = len(chars)
    while start < n:
        used = 0
        end = start
        while end < n and used + sizes[end] <= width:
            used += sizes[end]
            end += 1
        if end >= n:
            out.append(_segments(chars[start:n]))
            break
        cut = end
        for _ in range(width + 1):  # each rule may move the break; until none does
            before = cut
            # never split a Latin word or a number
            if cut < n and _is_word_char(chars[cut][0]) and _is_word_char(chars[cut - 1][0]):
                k = cut
                while k > start and _is_word_char(chars[k - 1][0]):
                    k -= 1
                if k > start:
                    cut = k
            # a closing mark may not start a line: carry the character before it over
            # with it (追い出し), so that no line is longer than ``width``; when the marks
            # run back to the line's start, the break stays between two of them
            k = cut
            while k < n and k - 1 > start and chars[k][0] in _NO_START:
                k -= 1
            if not (k < n and chars[k][0] in _NO_START):
                cut = k
            # an opening bracket may not end a line
            while cut - 1 > start and chars[cut - 1][0] in _NO_END:
                cut -= 1
            if cut == before:
                break
        if cut <= start:
            cut = max(end, start + 1)
        out.append(_segments(chars[start:cut]))
        start = cut
    return out or [[]]


def _segments(chars: Sequence[tuple[str, bool]]) -> Segments:
    out: Segments = []
    for c, m in chars:
        if out and out[-1][1] == m:
            out[-1] = (out[-1][0] + c, m)
        else:
            out.append((c, m))
    return out


__all__ = [
    "Block",
    "Pairer",
    "Segments",
    "generic",
    "hang",
    "marked",
    "same_content",
    "shown_texts",
    "wrap",
]
