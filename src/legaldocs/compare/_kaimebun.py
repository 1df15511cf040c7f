"""Amendment sentences (改め文): :func:`render_kaimebun`.

An :class:`~legaldocs.amendment.Amendment` is written the way Japanese drafters write an
amending law (the rules, with an example each, are in ``docs/explanation/kaimebun.md``):
each change names its target as the text stands when the change applies, in the document's
numerals (第三条 in a statute, 第3条 in the clinic's pages)::

    第一条の見出し中「目的」の下に「及び定義」を加え、同条第一項中「手続」の下に「及び命令等を定める手続」を加える。
    第三十五条中第三項を第四項とし、同条第二項中「前項」を「前二項」に改め、同項を同条第三項とし、同条第一項の次に次の一項を加える。
    第二条中第二号から第四号までを削り、第五号を第二号とする。
    第五条第二項及び第三項中「当該」を削る。
    第十条から第十二条までの規定中「懲役」を「拘禁刑」に改める。
    第五条に次のただし書を加える。   (followed by the proviso)
    第六条に次の一項を加える。       (followed by the new paragraph)
    第二条を第三条とし、第二章を第三章とし、第一章の次に次の一章を加える。
    目次中「行政指導（第三十二条―第三十六条）」を「行政指導（第三十二条―第三十六条の二）」に改める。

With the ``document`` the amendment applies to (always, from :func:`legaldocs.render_diff`),
the amendment is first rewritten as a drafter would (:func:`drafting_changes`): phrases are
derived again per provision and quoted by whole words (:mod:`._words`), the changes go front
to back, one sentence per article, each provision's renumbering folded into its sentence;
the rewritten amendment is checked to give the same text. Without a document, or with
``drafting=False``, the changes are written in their own order, consecutive changes to one
provision joined into one sentence.

New provisions are written by ``render`` (by default the registered formats: Lawtext for a
statute, the plain-text format for an Arabic-numbered page). :class:`~legaldocs.amendment.Rekey`
and changes of the document's ``style`` or ``lang`` have no legal text and are not written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from legaldocs._inline import fold, inline_diff, is_typographic
from legaldocs.amend import _index as _tree
from legaldocs.amend._apply import apply_changes
from legaldocs.amend._changes import (
    Amendment,
    Change,
    DeleteElement,
    DeletePhrase,
    InsertElement,
    InsertPhrase,
    Rekey,
    Renumber,
    Repeal,
    ReplaceElement,
    ReplacePhrase,
    SetCaption,
    SetDocumentField,
    Shift,
)
from legaldocs.amend._index import member_types
from legaldocs.compare._words import (
    char_class,
    inside_brackets,
    is_boundary,
    is_start,
    word_after,
    word_before,
)
from legaldocs.errors import (
    AmendmentError,
    ArgumentTypeError,
    ArgumentValueError,
    CitationError,
    LegaldocsError,
    NotFoundError,
    require_type,
)
from legaldocs.model._citation import Citation, Step, cite
from legaldocs.model._element import signature, spec, texts_of
from legaldocs.model._keys import article_key, division_key
from legaldocs.model._numbers import Num, Numerals, item_label
from legaldocs.model._records import (
    Article,
    Division,
    Document,
    Item,
    ItemChild,
    Paragraph,
    Style,
    Supplement,
    Table,
)

__all__ = ["render_kaimebun"]

_CONJ = {
    "改める": "改め",
    "加える": "加え",
    "削る": "削り",
    "する": "し",
    "繰り下げる": "繰り下げ",
    "繰り上げる": "繰り上げ",
}
_UNIT = {Article: "条", Paragraph: "項", Item: "号", Table: "表", Supplement: "附則"}


def render_kaimebun(
    amendment: Amendment,
    *,
    numerals: Numerals | None = None,
    document: Document | None = None,
    render: Callable[[Document], str] | None = None,
    typographic: bool = True,
    supplements: bool = True,
    drafting: bool = True,
) -> str:
    """The amendment as amendment sentences (改め文), one sentence per line, each new
    provision's text after its sentence. ``numerals`` defaults to the document's (kanji
    without a document). ``document`` is the text the amendment applies to; it is needed
    when targets are key paths (as :meth:`legaldocs.Diff.to_amendment` makes them).

    ``render`` writes a new provision, given as a document holding it alone; by default the
    registered ``lawtext`` format for kanji numerals (falling back to ``text`` where Lawtext
    cannot hold the provision) and ``text`` otherwise (see :mod:`legaldocs.formats`).

    With a ``document`` and ``drafting`` (the default), the sentences follow the drafting
    conventions (see the module docs). ``typographic=False`` leaves out phrase edits that
    only change typography (width, spaces, ，/、); ``supplements=False`` leaves out the 附則
    of amending laws (those that name a law), which consolidated texts append.

    Raises :class:`~legaldocs.LegaldocsError` when a target cannot be cited (a key path
    without a document) and :class:`~legaldocs.AmendmentError` when a change does not apply
    to ``document``.
    """
    if not isinstance(amendment, Amendment):
        raise ArgumentTypeError(f"render_kaimebun: not an Amendment: {type(amendment).__name__}")
    if document is not None:
        require_type(document, Document, "render_kaimebun: document")
    style = document.style if document is not None else Style(numerals=numerals or "kanji")
    numerals = numerals or style.numerals
    writer = _Writer(numerals, style, render)
    if document is not None and drafting:
        return _draft(amendment, document, writer, typographic, supplements)
    doc = document
    index = None
    for i, change in enumerate(amendment.changes):
        writer.add(change, doc)
        if doc is not None and not isinstance(change, Repeal):
            applied = apply_changes(doc, amendment, (i,), index)
            doc, index = applied.doc, applied.index
    return writer.result()


class _Writer:
    def __init__(
        self, numerals: Numerals, style: Style, renderer: Callable[[Document], str] | None
    ) -> None:
        self.numerals = numerals
        self.style = style
        self.renderer = renderer
        self.lines: list[str] = []
        # the sentence being built: (prefix, group kind, clauses [(object, verb)])
        self.prefix: str | None = None
        self.group: str | None = None
        self.clauses: list[tuple[str, str, str]] = []
        self.article: str | None = None
        # the index of the last document looked into (one per state of the text)
        self.indexed: Document | None = None
        self.index: _tree.Index | None = None
        # insertions at one place being gathered: (where, unit, texts)
        self.pending: tuple[str, str, list[str]] | None = None

    # -- sentences ------------------------------------------------------------------------

    def flush(self) -> None:
        if self.pending is not None:
            where, unit, texts = self.pending
            self.pending = None
            count = "一" if len(texts) == 1 else Num.of(len(texts)).written(self.numerals)
            what = f"次の{count}{unit}" if unit != "附則" else "次の附則"
            self.lines.append(f"{where}{what}を加える。")
            self.lines.extend(t.rstrip("\n") for t in texts if t)
        if not self.clauses:
            return
        # runs of clauses under one prefix; 「…」を「…」に改める clauses in a row share the verb
        runs: list[tuple[str, list[str], str]] = []
        for prefix, obj, verb in self.clauses:
            if (
                self.group == "phrase"
                and runs
                and runs[-1][0] == prefix
                and runs[-1][2] == verb == "改める"
            ):
                runs[-1][1].append(obj)
            else:
                runs.append((prefix, [obj], verb))
        parts: list[str] = []
        article = self.article or ""
        for k, (prefix, objs, verb) in enumerate(runs):
            if k == 0:
                head = prefix
            elif prefix == runs[k - 1][0]:
                head = ""
            elif article and prefix.startswith(article):
                head = "同条" + prefix[len(article) :]  # 第五条第二項中…、同条第三項中…
            else:
                head = prefix
            last = k == len(runs) - 1
            parts.append(head + "、".join(objs) + (verb if last else _CONJ.get(verb, verb) + "、"))
        self.lines.append("".join(parts) + "。")
        self.clauses = []
        self.prefix = self.group = self.article = None

    def clause(
        self, prefix: str, group: str, obj: str, verb: str, article: str | None = None
    ) -> None:
        """Add a clause; clauses of one kind join one sentence while they share their
        prefix or, for phrases, their article (同条第三項中…)."""
        same = (
            bool(self.clauses)
            and group == self.group
            and (
                prefix == self.prefix
                or (group == "phrase" and bool(article) and article == self.article)
            )
        )
        if self.pending is not None or (self.clauses and not same):
            self.flush()
        self.prefix, self.group, self.article = prefix, group, article
        self.clauses.append((prefix, obj, verb))

    def block(self, sentence: str, body: str) -> None:
        self.flush()
        self.lines.append(sentence)
        if body:
            self.lines.append(body.rstrip("\n"))

    def result(self) -> str:
        self.flush()
        return "\n".join(self.lines) + ("\n" if self.lines else "")

    # -- one change -----------------------------------------------------------------------

    def add(self, change: Change, doc: Document | None) -> None:
        if isinstance(change, Rekey):
            return
        if isinstance(change, Repeal):
            self.block(
                "この法律は、廃止する。" if self.numerals == "kanji" else "本書は、廃止する。", ""
            )
            return
        if isinstance(change, SetDocumentField):
            self._field(change)
            return
        if isinstance(change, ReplacePhrase | InsertPhrase | DeletePhrase):
            self._phrase(change, doc)
            return
        if isinstance(change, SetCaption):
            cit = self.cite(change.target, doc)
            old = self._caption_of(change.target, doc)
            if change.caption is None:
                self.clause("", "caption", f"{cit}の見出しを", "削る")
            elif old is None:
                self.clause("", "caption", f"{cit}に見出しとして「{change.caption}」を付", "する")
            else:
                self.clause("", "caption", f"{cit}の見出しを「{change.caption}」に", "改める")
            return
        if isinstance(change, ReplaceElement):
            cit = self.cite(change.target, doc)
            element = change.element
            current = self._element(change.target, doc)
            if current is not None and hasattr(current, "num"):
                element = _tree.evolve(element, num=current.num)
            self.block(f"{cit}を次のように改める。", self.render(element))
            return
        if isinstance(change, DeleteElement):
            cit = self.cite(change.target, doc)
            if change.placeholder:
                self.block(f"{cit}を次のように改める。", self._deleted(change.target, doc, cit))
            else:
                prefix, own = self.split(change.target, doc, cit)
                self.clause(prefix, "structure", f"{own}を", "削る")
            return
        if isinstance(change, Renumber):
            cit = self.cite(change.target, doc)
            prefix, own = self.split(change.target, doc, cit)
            new = self._renumbered(change.target, doc, change.num)
            self.clause(prefix, "structure", f"{own}を{new}と", "する")
            return
        if isinstance(change, Shift):
            self._shift(change, doc)
            return
        if isinstance(change, InsertElement):
            self._insert(change, doc)
            return

    # -- citations ------------------------------------------------------------------------

    def _locate(self, target: str, doc: Document | None) -> tuple[Document, Any] | None:
        if doc is None:
            return None
        if self.indexed is not doc or self.index is None:
            self.indexed, self.index = doc, _tree.Index.build(doc)
        index = self.index
        try:
            loc = _tree.locate(doc, target, index)
        except (NotFoundError, CitationError) as exc:
            raise NotFoundError(f"render_kaimebun: no such element: {target} ({exc})") from None
        return doc, loc

    def _element(self, target: str, doc: Document | None) -> Any:
        found = self._locate(target, doc)
        if found is None:
            return None
        return _tree.node_at(found[0], found[1])

    def citation(self, target: str, doc: Document | None) -> Citation:
        if target in ("", "前文"):
            return Citation((Step(kind="前文"),)) if target else Citation(())
        if doc is None:
            if not _tree.is_citation(target):
                raise ArgumentValueError(
                    f"render_kaimebun: the target {target!r} is a key path: give the document"
                )
            return Citation.parse(target)
        found = self._locate(target, doc)
        assert found is not None
        cit = _citation_at(doc, found[1])
        if cit is None:  # a table or a row: the general (slower) way
            node: Any = _tree.node_at(doc, found[1])
            cit = cite(doc, node)
        return self._short(doc, cit)

    def _short(self, doc: Document, cit: Citation) -> Citation:
        """Drop 第一項 of an article that has a single paragraph (第三条第一項 → 第三条),
        as drafters cite it."""
        steps = list(cit.steps)
        for k, step in enumerate(steps):
            if step.kind == "項" and k > 0 and steps[k - 1].kind == "条":
                try:
                    article = doc.get(Citation(tuple(steps[:k])))
                except (NotFoundError, CitationError):
                    return cit
                if isinstance(article, Article) and len(article.paragraphs) == 1:
                    return Citation((*steps[:k], *steps[k + 1 :]))
        return cit

    def cite(self, target: str, doc: Document | None) -> str:
        cit = self.citation(target, doc)
        if not cit.steps:
            return "本則"
        return cit.format(self.numerals)

    def split(self, target: str, doc: Document | None, cit: str) -> tuple[str, str]:
        """(prefix, own name) for a structural clause: an article is named alone; a
        paragraph or item as 「第三十八条中第七項」."""
        full = self.citation(target, doc)
        steps = full.steps
        if len(steps) >= 2 and steps[-1].kind in ("項", "号", "細分"):
            parent = Citation(steps[:-1]).format(self.numerals) + "中"
            return parent, Citation(steps[-1:]).format(self.numerals) if steps[
                -1
            ].kind != "細分" else cit[len(parent) - 1 :]
        return "", cit

    def _renumbered(self, target: str, doc: Document | None, num: Num) -> str:
        full = self.citation(target, doc)
        if not full.steps:
            return num.written(self.numerals)
        last = full.steps[-1]
        if last.kind == "細分":
            return num.written(self.numerals)
        return Citation((Step(kind=last.kind, num=num, ref=last.ref),)).format(self.numerals)

    def _caption_of(self, target: str, doc: Document | None) -> str | None:
        element = self._element(target, doc)
        return element.caption if isinstance(element, Article) else ""

    # -- the kinds of change --------------------------------------------------------------

    def _phrase(
        self, change: ReplacePhrase | InsertPhrase | DeletePhrase, doc: Document | None
    ) -> None:
        element = self._element(change.target, doc)
        cit = self.cite(change.target, doc)
        prefix = f"{cit}の{element.kind}名中" if isinstance(element, Division) else f"{cit}中"
        article = self._article_of(change.target, doc)
        which = ""
        if change.occurrence is not None:
            which = (
                f"{change.occurrence}番目の"
                if self.numerals == "arabic"
                else (f"{Num.of(change.occurrence).kanji()}番目の")
            )
        if isinstance(change, ReplacePhrase):
            self.clause(
                prefix, "phrase", f"{which}「{change.old}」を「{change.new}」に", "改める", article
            )
        elif isinstance(change, InsertPhrase):
            where = "の下に" if change.position == "after" else "の上に"
            self.clause(
                prefix,
                "phrase",
                f"{which}「{change.anchor}」{where}「{change.phrase}」を",
                "加える",
                article,
            )
        else:
            self.clause(prefix, "phrase", f"{which}「{change.phrase}」を", "削る", article)

    def _article_of(self, target: str, doc: Document | None) -> str | None:
        """The citation of the article holding ``target`` (None outside articles)."""
        steps = self.citation(target, doc).steps
        for k, step in enumerate(steps):
            if step.kind == "条":
                return Citation(steps[: k + 1]).format(self.numerals)
        return None

    def _shift(self, change: Shift, doc: Document | None) -> None:
        first = self.cite(change.first, doc)
        prefix, own_first = self.split(change.first, doc, first)
        element = self._element(change.first, doc)
        unit = _UNIT.get(type(element), "") if element is not None else ""
        if isinstance(element, Division):
            unit = element.kind
        if unit == "号" and isinstance(element, Item) and prefix.count("号"):
            unit = ""
        amount = abs(change.by)
        count = Num.of(amount).written(self.numerals) if amount > 1 else "一"
        if self.numerals == "arabic":
            count = str(amount)
        verb = "繰り下げる" if change.by > 0 else "繰り上げる"
        if change.last is None:
            span = f"{own_first}以下を"
        else:
            last = self.cite(change.last, doc)
            _, own_last = self.split(change.last, doc, last)
            span = f"{own_first}から{own_last}までを" if own_last != own_first else f"{own_first}を"
        self.clause(prefix, "structure", f"{span}{count}{unit}ずつ{verb[:-1]}", verb[-1])

    def _insert(self, change: InsertElement, doc: Document | None) -> None:
        element = change.element
        unit = element.kind if isinstance(element, Division) else _UNIT.get(type(element), "")
        if change.after is not None:
            where = f"{self.cite(change.after, doc)}の次に"
        elif change.before is not None:
            where = f"{self.cite(change.before, doc)}の前に"
        elif change.parent == "前文":
            where = "前文に"
        elif change.parent == "":
            where = "" if isinstance(element, Supplement) else "本則に"
        else:
            assert change.parent is not None
            where = f"{self.cite(change.parent, doc)}に"
        text = self.render(element)
        pending = self.pending
        if pending is not None and pending[0] == where and pending[1] == unit and unit != "附則":
            # insertions after one element come last first (see Diff.to_amendment)
            if change.after is not None:
                pending[2].insert(0, text)
            else:
                pending[2].append(text)
            return
        self.flush()
        self.pending = (where, unit, [text])

    def _deleted(self, target: str, doc: Document | None, cit: str) -> str:
        element = self._element(target, doc)
        if isinstance(element, Article):
            return self.render(
                Article(key=element.key, num=element.num, deleted=True, until=element.until)
            )
        return f"{cit}　削除"

    def _field(self, change: SetDocumentField) -> None:
        if change.field == "title":
            self.block("題名を次のように改める。", str(change.value))
        elif change.field == "toc":
            if change.value is None:
                self.block("目次を削る。", "")
            else:
                doc = Document(title="X", toc=change.value, style=self.style)  # type: ignore[arg-type]
                self.block("目次を次のように改める。", _strip_head(self._render_doc(doc)))
        elif change.field == "law_num":
            if change.value is None:
                self.block("法令番号を削る。", "")
            else:
                self.block(f"法令番号を「{change.value}」に改める。", "")
        elif change.field == "alt_title":
            if change.value is None:
                self.block("英文の題名を削る。", "")
            else:
                self.block(f"英文の題名を「{change.value}」に改める。", "")
        # style and lang: presentation only, no legal text

    # -- new text -------------------------------------------------------------------------

    def _render_doc(self, doc: Document) -> str:
        """The caller's renderer; by default Lawtext for kanji numerals when Lawtext can
        hold the element (numbered items, no revision lines), the plain-text format
        otherwise."""
        if self.renderer is not None:
            return self.renderer(doc)
        from legaldocs import formats

        if self.numerals == "kanji" and doc.style.items == "numbered":
            try:
                return formats.get("lawtext").render(doc)
            except LegaldocsError:
                pass
        return formats.get("text").render(doc)

    def _paragraph_lines(self, paragraph: Paragraph) -> list[str]:
        lines = [f"  {paragraph.caption}"] if paragraph.caption else []
        label = ""
        if not paragraph.anonymous and paragraph.num != Num.of(1):
            written = paragraph.num.written(self.numerals)
            label = paragraph.num.fullwidth() if self.numerals == "kanji" else written
        if not label and not paragraph.anonymous and self.numerals == "kanji":
            label = ""  # the first paragraph: the text after a full-width space, as drafted
            lines.append(f"\u3000{paragraph.text}")
        else:
            lines.append(f"{label}\u3000{paragraph.text}" if label else paragraph.text)
        lines.extend(self._children_lines(paragraph.children, 1))
        return lines

    def _children_lines(self, children: tuple[ItemChild, ...], depth: int) -> list[str]:
        lines: list[str] = []
        for child in children:
            if isinstance(child, Item):
                lines.extend(self._item_lines(child, depth))
            elif isinstance(child, Table):
                lines.extend(
                    "  " * depth + "　".join(cell.text for cell in row.cells) for row in child.rows
                )
        return lines

    def _item_lines(self, item: Item, depth: int) -> list[str]:
        label = item.label or item_label(item.num, depth, self.numerals)
        lines = [f"{'  ' * depth}{label}\u3000{item.text}"]
        lines.extend(self._children_lines(item.children, depth + 1))
        return lines

    def render(self, element: Any) -> str:
        """The text of a new provision, as Lawtext (kanji) or plain text (Arabic)."""
        element = _number_keys(element)
        style = Style(
            numerals=self.numerals, items=self.style.items, article_label=self.style.article_label
        )
        if isinstance(element, Item):
            return "\n".join(self._item_lines(element, 1))
        if isinstance(element, Paragraph):
            return "\n".join(self._paragraph_lines(element))
        # a document holding the provision alone, in the field that holds its kind
        # (the body, the supplements, the appendices, ...)
        fields = [
            name
            for name in spec(Document).children
            if isinstance(element, member_types(Document, name))
        ]
        field = "body" if "body" in fields or not fields else fields[0]
        parts: dict[str, Any] = {field: (element,)}
        document = Document(title="X", style=style, **parts)
        return _strip_head(self._render_doc(document))


def _citation_at(doc: Document, loc: Any) -> Citation | None:
    """The citation of the element at ``loc``, built from the path to it (an article is
    cited without its divisions); None for a table or a row."""
    steps: list[Step] = []
    node: Any = doc
    depth = 0
    for field, index in loc:
        node = getattr(node, field)[index]
        if isinstance(node, Supplement):
            steps.append(Step(kind="附則", ref=node.law_ref))
        elif field == "preamble":
            steps.append(Step(kind="前文"))
            steps.append(Step(kind="項", num=node.num))
        elif isinstance(node, Division):
            steps.append(Step(kind=node.kind, num=node.num))
        elif isinstance(node, Article):
            steps = [s for s in steps if s.kind == "附則"]
            steps.append(Step(kind="条", num=node.num))
        elif isinstance(node, Paragraph):
            steps.append(Step(kind="項", num=node.num))
        elif isinstance(node, Item):
            depth += 1
            steps.append(Step(kind="号" if depth == 1 else "細分", num=node.num))
        else:
            return None
    return Citation(tuple(steps))


def _number_keys(element: Any, prefix: str = "") -> Any:
    """``element`` with the keys of the articles in it made from their numbers, as a
    Lawtext reader would give them (keys are not written; the writers check them)."""
    if isinstance(element, Article):
        key = article_key(element.num)
        return element if key == element.key else _tree.evolve(element, key=key)
    if isinstance(element, Division):
        key = prefix + division_key(element.kind, element.num)
        children = tuple(_number_keys(c, key + ".") for c in element.children)
        return _tree.evolve(element, key=key, children=children)
    if isinstance(element, Supplement):
        body = tuple(_number_keys(c) for c in element.body)
        return _tree.evolve(element, key="s1", body=body)
    return element


def _strip_head(text: str) -> str:
    """A rendered document without its title block (up to the first blank line) and
    without ``:key:`` lines (keys are the library's, not the law's)."""
    lines = [line for line in text.split("\n") if not line.strip().startswith(":key:")]
    for k, line in enumerate(lines):
        if not line.strip():
            return "\n".join(lines[k + 1 :]).strip("\n")
    return text.strip("\n")


# =======================================================================================
# Drafting order: the amendment rewritten the way an amending law is drafted


_Mark = str | None


def drafting_changes(
    amendment: Amendment,
    document: Document,
    *,
    typographic: bool = True,
    supplements: bool = True,
    order: bool = True,
) -> tuple[list[Change], dict[int, str]]:
    """The changes of ``amendment`` rewritten in the order and wording of 改め文: phrases
    re-derived per provision and widened to whole words (see :mod:`._words`), then sorted
    front to back (back to front through a run of provisions numbered up, so that every
    number is free when it is given), each provision's own edits before its renumbering.
    ``typographic=False`` leaves out the phrase edits that only change typography;
    ``supplements=False`` leaves out everything about the 附則 of amending laws (those that
    name a law), which the consolidated text carries but which no amending law writes.
    :class:`Rekey` changes come last. Also returns marks by position (``"proviso"`` for a
    ただし書 added at the end, ``"kobun"`` for a 後段, ``"verbatim"`` for the diff's own
    phrases, kept where the widened ones would not give the new text)."""
    changes = [c for c in amendment.changes if not isinstance(c, Rekey)]
    rekeys = [c for c in amendment.changes if isinstance(c, Rekey)]
    if not supplements:
        changes = [c for c in changes if not _amending_supplement(c, document)]
    rewritten: list[tuple[Change, _Mark]] = []
    doc = document
    index: _tree.Index | None = None
    k = 0
    while k < len(changes):
        change = changes[k]
        if isinstance(change, ReplacePhrase | InsertPhrase | DeletePhrase):
            j = k
            while (
                j < len(changes)
                and isinstance(changes[j], ReplacePhrase | InsertPhrase | DeletePhrase)
                and _target(changes[j]) == change.target
            ):
                j += 1
            before = _node(doc, change.target, index)
            start = doc
            sub = attrs.evolve(amendment, changes=tuple(changes[k:j]))
            applied = apply_changes(doc, sub, range(j - k), index)
            doc, index = applied.doc, applied.index
            after = _node(doc, change.target, index)
            mine: list[tuple[Change, _Mark]] | None = None
            if isinstance(before, Paragraph | Item) and isinstance(after, Paragraph | Item):
                try:
                    mine = _phrases(change.target, before, after.text, typographic)
                except (ValueError, LegaldocsError):
                    mine = None  # nothing to anchor on (an emptied text)
                if (
                    mine is not None
                    and typographic
                    and not _same_result(amendment, start, [c for c, _ in mine], doc)
                ):
                    mine = None  # the widened quotes do not give the text: keep the diff's
            if mine is None:
                mine = [(c, "verbatim") for c in changes[k:j]]
            rewritten.extend(mine)
            k = j
            continue
        if (
            not typographic
            and isinstance(change, ReplaceElement)
            and _layout_only(_node(doc, change.target, index), change.element)
        ):
            k += 1  # how the provision is written (１０ or 10), not what it says
            continue
        rewritten.append((change, None))
        sub = attrs.evolve(amendment, changes=(change,))
        if not isinstance(change, Repeal):
            applied = apply_changes(doc, sub, (0,), index)
            doc, index = applied.doc, applied.index
        k += 1
    positions = list(range(len(rewritten)))
    if order:
        keys = _order_keys(document, [c for c, _ in rewritten])
        positions.sort(key=lambda i: keys[i])
        if not _same_result(amendment, document, [rewritten[i][0] for i in positions], doc):
            positions = list(range(len(rewritten)))
    out = [rewritten[i][0] for i in positions]
    marks: dict[int, str] = {}
    for n, i in enumerate(positions):
        mark = rewritten[i][1]
        if mark is not None:
            marks[n] = mark
    return out + rekeys, marks


def _layout_only(current: Any, new: Any) -> bool:
    """True when ``new`` says what ``current`` says, written otherwise (its presentation
    fields, or text that differs only typographically)."""
    if type(current) is not type(new):
        return False
    if isinstance(current, Paragraph) and current.label != new.label:
        written = fold(current.label or current.num.fullwidth())
        if written != fold(new.label or new.num.fullwidth()):
            return False
        current = _tree.evolve(current, label=new.label)  # １０ and 10 are one number
    if signature(current) == signature(new):
        return True
    return fold("\n".join(texts_of(current))) == fold("\n".join(texts_of(new))) and (
        signature(_tree.evolve(current, **_texts_fields(new))) == signature(new)
    )


def _texts_fields(element: Any) -> dict[str, Any]:
    """The text field of a paragraph or item (to compare the rest)."""
    return {"text": element.text} if isinstance(element, Paragraph | Item) else {}


def _same_result(
    amendment: Amendment, document: Document, changes: list[Change], expected: Document
) -> bool:
    """True when ``changes`` in this order apply to ``document`` and give ``expected``
    (every number free when it is given)."""
    try:
        sequence = attrs.evolve(amendment, changes=tuple(changes))
        result = apply_changes(document, sequence, range(len(changes)), None).doc
    except LegaldocsError:
        return False
    return result == expected


def _target(change: Change) -> str | None:
    return getattr(change, "target", None)


def _node(doc: Document, target: str, index: _tree.Index | None) -> Any:
    index = index or _tree.Index.build(doc)
    return _tree.node_at(doc, _tree.locate(doc, target, index))


def _amending_supplement(change: Change, document: Document) -> bool:
    """True for a change to or of a 附則 that names an amending law."""
    if isinstance(change, InsertElement) and isinstance(change.element, Supplement):
        return change.element.law_ref is not None
    path = _target(change) or (change.first if isinstance(change, Shift) else None)
    if path is None and isinstance(change, InsertElement):
        path = change.parent or change.after or change.before
    if not path:
        return False
    head = path.split("/")[0]
    for supplement in document.supplements:
        if supplement.key == head:
            return supplement.law_ref is not None
    return False


def _phrases(
    target: str, node: Paragraph | Item, new: str, typographic: bool
) -> list[tuple[Change, _Mark]]:
    """Phrase changes taking ``node``'s text to ``new``, each quote widened to whole words
    and until it occurs once where it applies."""
    old = node.text
    if old == new:
        return []
    rest = [t for child in node.children for t in _texts_below(child)]
    if new.startswith(old) and old.endswith("。"):
        tail = new[len(old) :]
        if tail.startswith(("ただし、", "この場合において")):
            mark = "proviso" if tail.startswith("ただし") else "kobun"
            change = _unique_insert(old, tail, rest, target)
            if change is not None:
                return [(change, mark)]
    spans = [
        (op.old_start, op.old_end, op.new_start, op.new_end)
        for op in inline_diff(old, new)
        if op.tag != "equal" and (typographic or not is_typographic(op.old_text, op.new_text))
    ]
    if not spans:
        return []
    out: list[tuple[Change, _Mark]] = []
    # applied left to right: the text before each span is already new
    widener = _Widener(old, new, spans)
    i = 0
    while i < len(widener.spans):  # first every span by itself, merging those that meet
        i = widener.settle(i) + 1
    settled = list(widener.spans)
    while True:
        written = _write_spans(target, old, new, list(settled), rest)
        if isinstance(written, list):
            return out + written
        # span ``written`` could only start inside a word, right after the one before:
        # quote the two as one
        k = written
        settled[k - 1 : k + 1] = [
            (settled[k - 1][0], settled[k][1], settled[k - 1][2], settled[k][3])
        ]


def _write_spans(
    target: str,
    old: str,
    new: str,
    spans: list[tuple[int, int, int, int]],
    rest: list[str],
) -> list[tuple[Change, _Mark]] | int:
    """The phrase changes for settled ``spans``, each grown until it occurs once where it
    applies; or the index of a span that cannot start at a word boundary."""
    out: list[tuple[Change, _Mark]] = []
    widener = _Widener(old, new, spans)
    shift = 0
    current = old
    i = 0
    while i < len(widener.spans):
        span = widener.spans[i]
        grows = 0
        while True:
            q = old[span[0] : span[1]]
            if (
                (q and len(q) >= 2)
                or (
                    q
                    and is_start(old, span[0])
                    and span[1] - span[0] == 1
                    and _word_alone(q)
                    and not _anchor_only(q, new[span[2] : span[3]])
                )
            ) and _count_in(q, current, rest) == 1:
                break
            grown = widener.grow(i, grows)
            grows += 1
            if grown == span:
                break
            span = grown
        os_, oe, ns, ne = span
        if i > 0 and os_ < oe and not is_start(old, os_) and os_ == widener.floor:
            return i
        a, b = old[os_:oe], new[ns:ne]
        occurrence = None
        if a and _count_in(a, current, rest) > 1:
            occurrence = current[: os_ + shift].count(a) + 1
        out.append((_phrase_change(target, a, b, occurrence), None))
        current = current[: os_ + shift] + b + current[oe + shift :]
        shift += len(b) - len(a)
        widener.floor = oe
        i += 1
    return out


class _Widener:
    """The edited spans of one text (old start, old end, new start, new end; the texts
    are equal between them), grown by whole words: a span that reaches the next one
    takes it in, and none grows back into one already written (``floor``)."""

    def __init__(self, old: str, new: str, spans: list[tuple[int, int, int, int]]) -> None:
        self.old, self.new = old, new
        self.spans = spans
        self.floor = 0

    def right(self, i: int, target: int) -> tuple[int, int, int, int]:
        os_, oe, ns, ne = self.spans[i]
        target = min(target, len(self.old))
        while i + 1 < len(self.spans) and self.spans[i + 1][0] < target:
            nxt = self.spans.pop(i + 1)
            oe, ne = nxt[1], nxt[3]
            target = max(target, oe)
        ne += target - oe
        oe = target
        self.spans[i] = (os_, oe, ns, ne)
        return self.spans[i]

    def left(self, i: int, target: int) -> tuple[int, int, int, int]:
        os_, oe, ns, ne = self.spans[i]
        target = max(target, self.floor)
        self.spans[i] = (target, oe, ns - (os_ - target), ne)
        return self.spans[i]

    def settle(self, i: int) -> int:
        """Whole words for span ``i`` before any is written; a span that grows back into
        the one before takes it in. Returns the span's index."""
        while True:
            self.whole_words(i)
            if i > 0 and self.spans[i - 1][1] > self.spans[i][0]:
                before = self.spans.pop(i - 1)
                i -= 1
                os_, oe, _ns, ne = self.spans[i]
                start = min(before[0], os_)
                self.spans[i] = (start, oe, before[2] - (before[0] - start), ne)
                continue
            return i

    def whole_words(self, i: int) -> tuple[int, int, int, int]:
        """Grow span ``i`` until both ends are word boundaries in both texts and its
        brackets are balanced."""
        old, new = self.old, self.new
        for _ in range(len(old) + 1):
            os_, oe, ns, ne = self.spans[i]
            start_ok = (is_boundary if os_ == oe else is_start)(old, os_) and (
                is_boundary if ns == ne else is_start
            )(new, ns)
            if not start_ok and os_ > self.floor and ns > 0:
                self.left(i, os_ - 1)
                if self.floor == 0 and i > 0 and self.spans[i - 1][1] > self.spans[i][0]:
                    return self.spans[i]  # settle() takes the span before in
                continue
            if not (is_boundary(old, oe) and is_boundary(new, ne)) and oe < len(old):
                self.right(i, oe + 1)
                continue
            o_open, o_close = inside_brackets(old[os_:oe])
            n_open, n_close = inside_brackets(new[ns:ne])
            if (o_open or n_open) and oe < len(old):
                self.right(i, word_after(old, oe))
                continue
            if (o_close or n_close) and os_ > self.floor and ns > 0:
                self.left(i, word_before(old, os_))
                if self.floor == 0 and i > 0 and self.spans[i - 1][1] > self.spans[i][0]:
                    return self.spans[i]
                continue
            break
        return self.spans[i]

    def grow(self, i: int, grows: int) -> tuple[int, int, int, int]:
        """One more word of context: before the span on even steps, after it on odd ones
        (or whichever side is left)."""
        os_, oe, ns, _ne = self.spans[i]
        left = os_ > self.floor and ns > 0 and word_before(self.old, os_) >= self.floor
        right = oe < len(self.old)
        if left and (grows % 2 == 0 or not right):
            self.left(i, word_before(self.old, os_))
        elif right:
            self.right(i, word_after(self.old, oe))
        else:
            return self.spans[i]
        return self.whole_words(i)


def _word_alone(q: str) -> bool:
    """A one-character quote that is a word by itself: anything but a lone kana (「甲」,
    「、」 are words; 「す」 of 付す is not)."""
    return char_class(q) != "H"


def _anchor_only(q: str, b: str) -> bool:
    """True when a one-character quote would only anchor an addition (「、」の下に…):
    a drafter quotes a word there."""
    return char_class(q) == "P" and (b.startswith(q) or b.endswith(q))


def _count_in(q: str, current: str, rest: list[str]) -> int:
    return current.count(q) + sum(t.count(q) for t in rest)


def _texts_below(node: Any) -> list[str]:
    if isinstance(node, Item):
        return [node.text] + [t for c in node.children for t in _texts_below(c)]
    if isinstance(node, Table):
        return [cell.text for row in node.rows for cell in row.cells]
    return []


def _merge(spans: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    out: list[tuple[int, int, int, int]] = []
    for span in spans:
        if out and span[0] <= out[-1][1]:
            last = out[-1]
            out[-1] = (last[0], max(last[1], span[1]), last[2], max(last[3], span[3]))
        else:
            out.append(span)
    return out


def _grow(
    old: str, new: str, span: tuple[int, int, int, int], grows: int = 0, floor: int = 0
) -> tuple[int, int, int, int]:
    """One more word of context: before the span on even steps, after it on odd ones
    (or whichever side is left); never before ``floor``."""
    os_, oe, ns, ne = span
    left = os_ > floor and ns > 0 and word_before(old, os_) >= floor
    right = oe < len(old) and ne < len(new)
    if left and (grows % 2 == 0 or not right):
        d = os_ - word_before(old, os_)
        return os_ - d, oe, ns - d, ne
    if right:
        d = word_after(old, oe) - oe
        return os_, oe + d, ns, ne + d
    return span


def _unique_insert(old: str, tail: str, rest: list[str], target: str) -> Change | None:
    """An insertion of ``tail`` at the end of ``old`` anchored on a unique end of it."""
    start = len(old)
    while start > 0:
        start = word_before(old, start)
        anchor = old[start:]
        if len(anchor) >= 2 and old.count(anchor) + sum(t.count(anchor) for t in rest) == 1:
            return InsertPhrase(target=target, anchor=anchor, phrase=tail, position="after")
    return None


def _phrase_change(target: str, a: str, b: str, occurrence: int | None) -> Change:
    """「a」を「b」に改める, or the の下に/の上に/削る form when ``b`` only adds to ``a``
    at a word boundary or is empty."""
    if not b:
        return DeletePhrase(target=target, phrase=a, occurrence=occurrence)
    if a and b.startswith(a) and is_boundary(b, len(a)) and len(a) >= 2:
        return InsertPhrase(
            target=target, anchor=a, phrase=b[len(a) :], position="after", occurrence=occurrence
        )
    if a and b.endswith(a) and is_boundary(b, len(b) - len(a)) and len(a) >= 2:
        return InsertPhrase(
            target=target, anchor=a, phrase=b[: -len(a)], position="before", occurrence=occurrence
        )
    return ReplacePhrase(target=target, old=a, new=b, occurrence=occurrence)


# -- the order -------------------------------------------------------------------------


class _Layout:
    """Where each element of the old document is: its container and index, and the
    containers' sort prefixes."""

    def __init__(self, doc: Document) -> None:
        self.where: dict[str, tuple[str, int]] = {}
        self.children: dict[str, str] = {}  # element path -> the container of its children
        self.end: dict[str, int] = {}  # division path -> index after its last descendant
        self.sizes: dict[str, int] = {}
        self.prefix: dict[str, tuple[Any, ...]] = {}
        self.nums: dict[str, Any] = {}
        self.divisions: dict[tuple[str, int], bool] = {}
        self.prefix["preamble"] = (1,)
        self._list("preamble", [(f"preamble/{p.key}", p) for p in doc.preamble])
        self.prefix[""] = (2,)
        self._body("", "", doc.body)
        for s, supplement in enumerate(doc.supplements):
            self.where[supplement.key] = ("#supplements", s)
            self.prefix[supplement.key] = (3, s, 1)
            self._body(supplement.key, supplement.key + "/", supplement.body)
        self.prefix["#supplements"] = (3,)
        self.sizes["#supplements"] = len(doc.supplements)

    def _body(self, container: str, prefix: str, body: Sequence[Any]) -> None:
        flat: list[tuple[str, Any]] = []

        def visit(elements: Sequence[Any]) -> None:
            for element in elements:
                path = prefix + element.key
                flat.append((path, element))
                if isinstance(element, Division):
                    visit(element.children)
                    self.end[path] = len(flat)
                    self.children[path] = container

        visit(body)
        self.children[container or ""] = container
        self._list(container, flat)

    def _list(self, container: str, elements: list[tuple[str, Any]]) -> None:
        self.sizes[container] = len(elements)
        for i, (path, element) in enumerate(elements):
            self.where[path] = (container, i)
            self.divisions[(container, i)] = isinstance(element, Division)
            self.nums[path] = getattr(element, "num", None)
            kids: Sequence[Any] = ()
            if isinstance(element, Article):
                kids = element.paragraphs
            elif isinstance(element, Paragraph | Item):
                kids = element.children
            if kids and not isinstance(element, Division):
                self.children[path] = path
                self._list(path, [(f"{path}/{c.key}", c) for c in kids if not isinstance(c, Table)])

    def element_key(self, path: str, tokens: dict[str, dict[int, int]]) -> tuple[Any, ...] | None:
        found = self.where.get(path)
        if found is None:
            return None
        container, i = found
        if container == "#supplements":
            return (3, i)
        base = self.container_key(container, tokens)
        if base is None:
            return None
        return (*base, tokens.get(container, {}).get(2 * i + 1, 2 * i + 1))

    def container_key(
        self, container: str, tokens: dict[str, dict[int, int]]
    ) -> tuple[Any, ...] | None:
        if container in ("", "preamble") or container in self.prefix:
            return self.prefix[container]
        owner = self.element_key(container, tokens)
        return None if owner is None else (*owner, 1)

    def gap_key(
        self, container: str, gap: int, tokens: dict[str, dict[int, int]]
    ) -> tuple[Any, ...] | None:
        base = self.container_key(container, tokens)
        if base is None:
            return None
        return (*base, tokens.get(container, {}).get(2 * gap, 2 * gap))


def _order_keys(doc: Document, changes: list[Change]) -> list[tuple[Any, ...]]:
    layout = _Layout(doc)
    # elements numbered up (and down, deleted) per container, by index
    up: dict[str, set[int]] = {}
    down: dict[str, set[int]] = {}
    for change in changes:
        if isinstance(change, Renumber):
            found = layout.where.get(change.target)
            old = layout.nums.get(change.target)
            if found is not None and isinstance(old, Num):
                (up if change.num > old else down).setdefault(found[0], set()).add(found[1])
        elif isinstance(change, Shift):
            a, b = layout.where.get(change.first), layout.where.get(change.last or "")
            if a is not None:
                end = b[1] if b is not None else layout.sizes[a[0]] - 1
                (up if change.by > 0 else down).setdefault(a[0], set()).update(range(a[1], end + 1))
    # a deletion beside provisions numbered up is done with them, back to front
    # (第五号を削り、第四号を第五号とし、第三号の次に次の一号を加える)
    for change in changes:
        if isinstance(change, DeleteElement) and not change.placeholder:
            found = layout.where.get(change.target)
            if found is not None and found[0] in up:
                up[found[0]].add(found[1])
    tokens: dict[str, dict[int, int]] = {}
    for container, indices in up.items():
        blocked = down.get(container, set())
        ordered = sorted(indices)
        runs: list[list[int]] = []
        for i in ordered:
            if runs and not any(b in blocked for b in range(runs[-1][-1] + 1, i)):
                runs[-1].append(i)
            else:
                runs.append([i])
        mapping: dict[int, int] = {}
        for run in runs:
            first = run[0]
            while first > 0 and layout.divisions.get((container, first - 1), False):
                first -= 1  # an insertion at the end of the chapter before comes last
            lo, hi = 2 * first, 2 * run[-1] + 1
            for t in range(lo, hi + 1):
                mapping[t] = lo + hi - t
        tokens[container] = mapping
    fields = {"title": 0, "alt_title": 1, "law_num": 2, "toc": 3}
    keys: list[tuple[Any, ...]] = []
    last: tuple[Any, ...] = (0,)
    for change in changes:
        key: tuple[Any, ...] | None = None
        if isinstance(change, SetDocumentField):
            key = (0, fields.get(change.field, 4))
        elif isinstance(change, InsertElement):
            key = _insert_key(change, layout, tokens)
        elif isinstance(change, Shift):
            found = layout.where.get(change.first)
            if found is not None:
                container, i = found
                if change.by < 0 and change.last is not None and change.last in layout.where:
                    i = layout.where[change.last][1]
                base = layout.container_key(container, tokens)
                if base is not None:
                    t = 2 * i + 1
                    key = (*base, tokens.get(container, {}).get(t, t), 2)
        elif isinstance(change, Repeal):
            key = (9,)
        else:
            target = _target(change)
            element = layout.element_key(target, tokens) if target is not None else None
            if element is not None:
                structural = isinstance(change, Renumber | DeleteElement)
                key = (*element, 2 if structural else 0)
        if key is None:
            key = (*last, 0.5)  # not in the old document: where the change before it is
        keys.append(key)
        last = key
    return keys


def _insert_key(
    change: InsertElement, layout: _Layout, tokens: dict[str, dict[int, int]]
) -> tuple[Any, ...] | None:
    if isinstance(change.element, Supplement):
        if change.after is not None and change.after in layout.where:
            return (3, layout.where[change.after][1], 5)
        return (3, layout.sizes["#supplements"], 5)
    if change.after is not None:
        found = layout.where.get(change.after)
        if found is None:
            return None
        container, i = found
        gap = layout.end.get(change.after, i + 1)
        key = layout.gap_key(container, gap, tokens)
    elif change.before is not None:
        found = layout.where.get(change.before)
        if found is None:
            return None
        key = layout.gap_key(found[0], found[1], tokens)
    else:
        parent = change.parent or ""
        if parent in layout.end:
            container = layout.children[parent]
            key = layout.gap_key(container, layout.end[parent], tokens)
        elif parent in layout.children or parent == "":
            container = layout.children.get(parent, parent)
            key = layout.gap_key(container, layout.sizes.get(container, 0), tokens)
        else:
            return None
    return None if key is None else (*key, 0)


# -- the sentences ---------------------------------------------------------------------


@attrs.define
class _Clause:
    """One clause of an amendment sentence, before citations are made relative."""

    unit: str
    kind: str  # phrase caption struct insert replace proviso block
    targets: list[tuple[Step, ...]]
    obj: str = ""
    verb: str = ""
    body: str = ""
    new: tuple[Step, ...] | None = None  # renumber: the new citation
    last: tuple[Step, ...] | None = None  # shift: the last of the run
    joined: str = "and"  # how several targets are joined: and, range
    ordinal: int | None = None  # an article's place in the body (articles in a row)
    head_suffix: str = "中"


class _Drafter:
    """Writes the changes of :func:`drafting_changes` as sentences."""

    def __init__(self, writer: _Writer) -> None:
        self.w = writer
        self.clauses: list[_Clause] = []
        self._ordinals: tuple[Document, dict[Num, int]] | None = None

    def ordinals(self, doc: Document) -> dict[Num, int]:
        """The place of each article of the body (not of a 附則), by number."""
        if self._ordinals is None or self._ordinals[0] is not doc:
            places: dict[Num, int] = {}

            def visit(elements: Sequence[Any]) -> None:
                for element in elements:
                    if isinstance(element, Article):
                        places[element.num] = len(places)
                    elif isinstance(element, Division):
                        visit(element.children)

            visit(doc.body)
            self._ordinals = (doc, places)
        return self._ordinals[1]

    def steps(self, target: str, doc: Document) -> tuple[Step, ...]:
        return self.w.citation(target, doc).steps

    def add(self, change: Change, mark: _Mark, doc: Document, unit: str) -> None:
        w = self.w
        if isinstance(change, Rekey):
            return
        if isinstance(change, Repeal | SetDocumentField):
            if isinstance(change, SetDocumentField) and change.field == "toc":
                sentence = _toc_sentence(doc, change, w)
                if sentence is not None:
                    self.clauses.append(
                        _Clause(unit="#toc", kind="block", targets=[], obj=sentence)
                    )
                    return
            before = len(w.lines)
            w.add(change, doc)
            w.flush()
            text = "\n".join(w.lines[before:])
            del w.lines[before:]
            if text:
                first, _, body = text.partition("\n")
                self.clauses.append(
                    _Clause(unit="#field", kind="block", targets=[], obj=first, body=body)
                )
            return
        if isinstance(change, ReplacePhrase | InsertPhrase | DeletePhrase):
            element = w._element(change.target, doc)
            steps = self.steps(change.target, doc)
            suffix = f"の{element.kind}名中" if isinstance(element, Division) else "中"
            if mark in ("proviso", "kobun") and isinstance(change, InsertPhrase):
                what = "ただし書" if mark == "proviso" else "後段"
                self.clauses.append(
                    _Clause(
                        unit=unit,
                        kind="proviso",
                        targets=[steps],
                        obj=f"に次の{what}を",
                        verb="加える",
                        body="\u3000" + change.phrase,
                    )
                )
                return
            which = ""
            if change.occurrence is not None:
                which = f"{_count(change.occurrence, w.numerals)}番目の"
            ordinal = None
            if len(steps) == 1 and steps[0].kind == "条" and steps[0].num is not None:
                ordinal = self.ordinals(doc).get(steps[0].num)
            if isinstance(change, ReplacePhrase):
                obj, verb = f"{which}「{change.old}」を「{change.new}」に", "改める"
            elif isinstance(change, InsertPhrase):
                where = "の下に" if change.position == "after" else "の上に"
                obj, verb = f"{which}「{change.anchor}」{where}「{change.phrase}」を", "加える"
            else:
                obj, verb = f"{which}「{change.phrase}」を", "削る"
            self.clauses.append(
                _Clause(
                    unit=unit,
                    kind="phrase",
                    targets=[steps],
                    obj=obj,
                    verb=verb,
                    head_suffix=suffix,
                    ordinal=ordinal,
                )
            )
            return
        if isinstance(change, SetCaption):
            steps = self.steps(change.target, doc)
            old = w._caption_of(change.target, doc)
            if change.caption is None:
                obj, verb = "の見出しを", "削る"
            elif old is None:
                obj, verb = f"に見出しとして「{change.caption}」を付", "する"
            else:
                obj, verb = _caption_edit(old, change.caption) or (
                    f"の見出しを「{change.caption}」に",
                    "改める",
                )
            self.clauses.append(
                _Clause(unit=unit, kind="caption", targets=[steps], obj=obj, verb=verb)
            )
            return
        if isinstance(change, ReplaceElement):
            steps = self.steps(change.target, doc)
            element = change.element
            current = w._element(change.target, doc)
            if current is not None and hasattr(current, "num"):
                element = _tree.evolve(element, num=current.num)
            self.clauses.append(
                _Clause(
                    unit=unit,
                    kind="replace",
                    targets=[steps],
                    obj="を次のように",
                    verb="改める",
                    body=w.render(element),
                )
            )
            return
        if isinstance(change, DeleteElement):
            steps = self.steps(change.target, doc)
            if change.placeholder:
                cit = w.cite(change.target, doc)
                self.clauses.append(
                    _Clause(
                        unit=unit,
                        kind="replace",
                        targets=[steps],
                        obj="を次のように",
                        verb="改める",
                        body=w._deleted(change.target, doc, cit),
                    )
                )
            else:
                self.clauses.append(
                    _Clause(unit=unit, kind="struct", targets=[steps], obj="を", verb="削る")
                )
            return
        if isinstance(change, Renumber):
            steps = self.steps(change.target, doc)
            new = (*steps[:-1], attrs.evolve(steps[-1], num=change.num)) if steps else steps
            self.clauses.append(
                _Clause(unit=unit, kind="struct", targets=[steps], obj="を", verb="する", new=new)
            )
            return
        if isinstance(change, Shift):
            opening = self.steps(change.first, doc)
            final = self.steps(change.last, doc) if change.last is not None else None
            element = w._element(change.first, doc)
            unit_word = _UNIT.get(type(element), "")
            if isinstance(element, Division):
                unit_word = element.kind
            amount = abs(change.by)
            count = (
                str(amount)
                if w.numerals == "arabic"
                else (Num.of(amount).written(w.numerals) if amount > 1 else "一")
            )
            verb = "繰り下げる" if change.by > 0 else "繰り上げる"
            self.clauses.append(
                _Clause(
                    unit=unit,
                    kind="struct",
                    targets=[opening],
                    last=final,
                    obj=f"を{count}{unit_word}ずつ",
                    verb=verb,
                )
            )
            return
        if isinstance(change, InsertElement):
            element = change.element
            word = element.kind if isinstance(element, Division) else _UNIT.get(type(element), "")
            if change.after is not None and _is_last(doc, change.after, w):
                full = self.steps(change.after, doc)
                # the parent: 第六条第一項 → 第六条; a lone paragraph is cited as its article
                place, anchor = "に", (full if full and full[-1].kind == "条" else full[:-1])
                if not anchor:
                    place, anchor = "の次に", full
            elif change.after is not None:
                place, anchor = "の次に", self.steps(change.after, doc)
            elif change.before is not None:
                place, anchor = "の前に", self.steps(change.before, doc)
            elif change.parent == "前文":
                place, anchor = "前文に", ()
            elif not change.parent:
                place, anchor = ("" if isinstance(element, Supplement) else "本則に"), ()
            else:
                place, anchor = "に", self.steps(change.parent, doc)
            text = w.render(element)
            previous = self.clauses[-1] if self.clauses else None
            key = f"{place}|{word}"
            if (
                previous is not None
                and previous.kind == "insert"
                and previous.head_suffix == key
                and previous.targets == [anchor]
                and word != "附則"
            ):
                previous.body = (
                    (text + "\n" + previous.body)
                    if change.after is not None
                    else (previous.body + "\n" + text)
                )
                previous.verb = str(int(previous.verb) + 1)
                return
            self.clauses.append(
                _Clause(
                    unit=unit,
                    kind="insert",
                    targets=[anchor],
                    obj=word,
                    verb="1",
                    body=text,
                    head_suffix=key,
                )
            )


def _is_last(doc: Document, target: str, w: _Writer) -> bool:
    """True when ``target`` is a paragraph or item and the last of its siblings (an
    insertion after it is 「第五条に次の一項を加える」)."""
    found = w._locate(target, doc)
    if found is None:
        return False
    loc = found[1]
    node = _tree.node_at(doc, loc)
    if not isinstance(node, Paragraph | Item) or len(loc) < 2:
        return False
    parent = _tree.node_at(doc, loc[:-1])
    field, index = loc[-1]
    return bool(index == len(getattr(parent, field)) - 1)


def _caption_edit(old: str, new: str) -> tuple[str, str] | None:
    """の見出し中「目的」の下に「及び定義」を加え: one whole-word edit inside a caption,
    or None (the caption is then given whole)."""
    spans = [
        (op.old_start, op.old_end, op.new_start, op.new_end)
        for op in inline_diff(old, new)
        if op.tag != "equal"
    ]
    if not spans:
        return None
    widener = _Widener(old, new, spans)
    widener.right(0, spans[-1][1])
    span = widener.whole_words(0)
    grows = 0
    while old.count(old[span[0] : span[1]]) != 1 or span[0] == span[1]:
        grown = widener.grow(0, grows)
        grows += 1
        if grown == span:
            return None
        span = grown
    a, b = old[span[0] : span[1]], new[span[2] : span[3]]
    if a == old:
        return None  # the whole caption: 見出しを「…」に改める
    change = _phrase_change("見出し", a, b, None)
    if isinstance(change, InsertPhrase):
        where = "の下に" if change.position == "after" else "の上に"
        return f"の見出し中「{change.anchor}」{where}「{change.phrase}」を", "加える"
    if isinstance(change, DeletePhrase):
        return f"の見出し中「{a}」を", "削る"
    return f"の見出し中「{a}」を「{b}」に", "改める"


def _count(n: int, numerals: Numerals) -> str:
    return str(n) if numerals == "arabic" else Num.of(n).kanji()


_SAME = {"条": "同条", "項": "同項", "号": "同号"}


def _fmt(steps: Sequence[Step], numerals: Numerals) -> str:
    return Citation(tuple(steps)).format(numerals) if steps else ""


def _rel(steps: tuple[Step, ...], prev: tuple[Step, ...] | None, numerals: Numerals) -> str:
    """``steps`` cited after ``prev``: 同条第三項, 同項第二号, 同号, or in full."""
    if prev:
        best = 0
        for k in range(1, min(len(steps), len(prev)) + 1):
            if steps[k - 1] != prev[k - 1]:
                break
            if steps[k - 1].kind in _SAME:
                best = k
        if best:
            return _SAME[steps[best - 1].kind] + _fmt(steps[best:], numerals)
    if not steps:
        return "本則"
    return _fmt(steps, numerals)


def _siblings(a: tuple[Step, ...], b: tuple[Step, ...]) -> bool:
    return bool(a) and len(a) == len(b) and a[:-1] == b[:-1] and a[-1].kind == b[-1].kind


def _next_num(a: Step, b: Step) -> bool:
    if a.num is None or b.num is None or len(a.num.parts) != 1 or len(b.num.parts) != 1:
        return False
    return b.num.parts[0] == a.num.parts[0] + 1


def _group(clauses: list[_Clause]) -> list[_Clause]:
    """及び and から…まで: deletions of consecutive siblings become one clause
    (第二号から第四号までを削り); the same phrase edit in sibling provisions, each edited
    only so, one clause (第五条第一項及び第二項中); in three or more articles in a row,
    第百十六条から第百十七条の六までの規定中."""
    alone = [
        (k == 0 or clauses[k - 1].targets != c.targets)
        and (k + 1 == len(clauses) or clauses[k + 1].targets != c.targets)
        for k, c in enumerate(clauses)
    ]
    out: list[_Clause] = []
    single: list[bool] = []
    for k, clause in enumerate(clauses):
        last = out[-1] if out else None
        if (
            last is not None
            and clause.kind == last.kind == "struct"
            and clause.verb == last.verb == "削る"
            and clause.new is None
            and last.new is None
            and clause.unit == last.unit
            and _siblings(last.targets[-1], clause.targets[0])
            and _next_num(last.targets[-1][-1], clause.targets[0][-1])
        ):
            last.targets.append(clause.targets[0])
            last.joined = "range"
            continue
        if (
            last is not None
            and single[-1]
            and alone[k]
            and clause.kind == last.kind == "phrase"
            and (clause.obj, clause.verb, clause.head_suffix)
            == (last.obj, last.verb, last.head_suffix)
            and _siblings(last.targets[-1], clause.targets[0])
            and (
                clause.unit == last.unit
                or (
                    len(clause.targets[0]) == 1
                    and clause.ordinal is not None
                    and last.ordinal is not None
                    and clause.ordinal == last.ordinal + len(last.targets)
                )
            )
        ):
            if clause.unit != last.unit and (last.joined == "range" or len(last.targets) == 1):
                last.joined = "range"  # articles in a row
            last.targets.append(clause.targets[0])
            continue
        out.append(clause)
        single.append(alone[k])
    return out


def _names(clause: _Clause, prev: tuple[Step, ...] | None, numerals: Numerals) -> str:
    targets = clause.targets
    first = _rel(targets[0], prev, numerals)
    if len(targets) == 1:
        return first
    own = [_fmt(t[-1:], numerals) for t in targets[1:]]
    if clause.joined == "range" and len(targets) > 2:
        if clause.kind == "phrase":
            return f"{first}から{own[-1]}までの規定"
        return f"{first}から{own[-1]}まで"
    return "、".join([first, *own[:-1]]) + "及び" + own[-1]


def _write(clauses: list[_Clause], numerals: Numerals) -> list[str]:
    lines: list[str] = []
    parts: list[str] = []
    body = ""
    prev: tuple[Step, ...] | None = None
    mid: tuple[Step, ...] | None = None
    last: _Clause | None = None
    pending_verb: str | None = None

    def close() -> None:
        nonlocal parts, body, prev, mid, last, pending_verb
        if parts:
            lines.append("".join(parts) + (pending_verb or "") + "。")
            if body:
                lines.append(body.rstrip("\n"))
        parts, body, prev, mid, last, pending_verb = [], "", None, None, None, None

    def verb_joint() -> None:
        nonlocal pending_verb
        if pending_verb is not None:
            parts.append(_CONJ.get(pending_verb, pending_verb) + "、")
            pending_verb = None

    for clause in _group(clauses):
        if clause.kind == "block":
            close()
            lines.append(clause.obj)
            if clause.body:
                lines.append(clause.body)
            continue
        if last is not None:
            structural = clause.kind in ("struct", "insert") and last.kind == "struct"
            if last.kind in ("insert", "replace", "proviso") or (
                clause.unit != last.unit and not structural
            ):
                close()
        target = clause.targets[0] if clause.targets else ()
        if clause.kind == "phrase":
            if (
                last is not None
                and last.kind == "phrase"
                and len(clause.targets) == 1
                and len(last.targets) == 1
                and target == prev
                and clause.head_suffix == last.head_suffix
            ):
                if pending_verb == clause.verb == "改める":
                    parts.append("、")
                    pending_verb = None
                else:
                    verb_joint()
                parts.append(clause.obj)
            else:
                verb_joint()
                parts.append(_names(clause, prev, numerals) + clause.head_suffix + clause.obj)
            pending_verb = clause.verb
            mid = None
        elif clause.kind == "struct":
            verb_joint()
            name = _rel(target, prev, numerals)
            if mid is not None and len(target) >= 2 and target[:-1] == mid:
                head = _names(clause, mid, numerals)
                head = head[len(_SAME.get(mid[-1].kind, "")) :] if head.startswith("同") else head
                new_prev = target
            elif name.startswith("同") or len(target) < 2 or target[-1].kind == "条":
                head = _names(clause, prev, numerals)
                mid = None
                new_prev = target
            else:
                parent = target[:-1]
                if mid != parent:
                    parts.append(_rel(parent, prev, numerals) + "中")
                    mid = parent
                head = _names(clause, parent, numerals)
                head = (
                    head[len(_SAME.get(parent[-1].kind, "")) :] if head.startswith("同") else head
                )
                new_prev = target
            if clause.last is not None:
                head = f"{head}から{_fmt(clause.last[-1:], numerals)}まで"
            text = head + clause.obj
            if clause.new is not None:
                if mid is not None:
                    text += _fmt(clause.new[-1:], numerals) + "と"
                else:
                    text += _rel(clause.new, target if len(target) > 1 else None, numerals) + "と"
            parts.append(text)
            pending_verb = clause.verb
            prev = new_prev
        elif clause.kind == "insert":
            verb_joint()
            where, _, word = clause.head_suffix.partition("|")
            n = int(clause.verb)
            count = "一" if n == 1 else Num.of(n).written(numerals)
            what = f"次の{count}{word}" if word != "附則" else "次の附則"
            if target and mid is not None and target[:-1] == mid:
                name = _fmt(target[-1:], numerals)  # 第三十八条中第七項を…、第三項の次に
            else:
                name = _rel(target, prev, numerals) if target else ""
            parts.append(f"{name}{where}{what}を")
            pending_verb = "加える"
            body = clause.body
            mid = None
        else:  # caption, replace, proviso
            verb_joint()
            parts.append(_rel(target, prev, numerals) + clause.obj)
            pending_verb = clause.verb
            if clause.kind == "caption":
                parts[-1] = parts[-1]
            if clause.kind in ("replace", "proviso"):
                body = clause.body
            mid = None
        if clause.kind != "struct" and target:
            prev = clause.targets[-1] if clause.kind == "phrase" else target
        last = clause
    close()
    return lines


def _toc_lines(entries: Sequence[Any], depth: int = 0) -> list[str]:
    out: list[str] = []
    for entry in entries:
        out.append(entry.text)
        out.extend(_toc_lines(entry.children, depth + 1))
    return out


def _toc_sentence(doc: Document, change: SetDocumentField, w: _Writer) -> str | None:
    """目次中「…」を「…」に改め、… for a table of contents edited line by line; None when
    a new one is needed (there was none, or it is removed)."""
    import difflib

    if doc.toc is None or change.value is None:
        return None
    old = _toc_lines(doc.toc.entries)
    new = _toc_lines(change.value.entries)  # type: ignore[union-attr]
    if not old or not new:
        return None
    edits: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for x, y in zip(old[i1:i2], new[j1:j2], strict=True):
                edits.append(_toc_edit(x, y, old))
        elif i1 < i2:
            edits.append(_toc_edit("\u3000".join(old[i1:i2]), "\u3000".join(new[j1:j2]), old))
        elif i1 > 0:  # lines added after a line
            edits.append(_toc_edit(old[i1 - 1], "\u3000".join([old[i1 - 1], *new[j1:j2]]), old))
        else:
            edits.append(_toc_edit(old[0], "\u3000".join([*new[j1:j2], old[0]]), old))
    if not edits:
        return None
    return "目次中" + "、".join(edits) + "改める。"


def _toc_edit(a: str, b: str, old_lines: list[str]) -> str:
    """One changed line of a table of contents, quoted by whole words, once in the 目次."""
    whole = "\u3000".join(old_lines)
    spans = [
        (op.old_start, op.old_end, op.new_start, op.new_end)
        for op in inline_diff(a, b)
        if op.tag != "equal"
    ]
    if not spans:
        return f"「{a}」を「{b}」に"
    widener = _Widener(a, b, spans)
    widener.right(0, spans[-1][1])  # one quote for the line
    span = widener.whole_words(0)
    grows = 0
    while whole.count(a[span[0] : span[1]]) != 1 and span != (0, len(a), 0, len(b)):
        grown = widener.grow(0, grows)
        grows += 1
        if grown == span:
            break
        span = grown
    x, y = a[span[0] : span[1]], b[span[2] : span[3]]
    if whole.count(x) != 1:
        x, y = a, b
    if not y:
        return f"「{x}」を削り"  # pragma: no cover - a line is never emptied
    return f"「{x}」を「{y}」に"


def _unit(change: Change) -> str:
    """The provision a change belongs to for sentences: its top-level element."""
    if isinstance(change, SetDocumentField):
        return "#field"
    if isinstance(change, Shift):
        path = change.first
    elif isinstance(change, InsertElement):
        path = change.after or change.before or change.parent or ""
    else:
        path = _target(change) or ""
    parts = path.split("/")
    if (parts[0].startswith("s") and parts[0][1:].isdigit()) or parts[0] == "preamble":
        return "/".join(parts[:2])
    return parts[0]


def _draft(
    amendment: Amendment,
    document: Document,
    writer: _Writer,
    typographic: bool,
    supplements: bool,
) -> str:
    changes, marks = drafting_changes(
        amendment, document, typographic=typographic, supplements=supplements
    )
    try:
        clauses = _replay(amendment, changes, marks, document, writer)
    except AmendmentError:
        # the drafting order does not apply (a number in use): the amendment's own order
        changes, marks = drafting_changes(
            amendment, document, typographic=typographic, supplements=supplements, order=False
        )
        clauses = _replay(amendment, changes, marks, document, writer)
    lines = _write(clauses, writer.numerals)
    return "\n".join(lines) + ("\n" if lines else "")


def _replay(
    amendment: Amendment,
    changes: list[Change],
    marks: dict[int, str],
    document: Document,
    writer: _Writer,
) -> list[_Clause]:
    drafter = _Drafter(writer)
    sequence = attrs.evolve(amendment, changes=tuple(changes))
    doc = document
    index: _tree.Index | None = None
    for i, change in enumerate(changes):
        if isinstance(change, Rekey):
            continue
        drafter.add(change, marks.get(i), doc, _unit(change))
        if not isinstance(change, Repeal):
            applied = apply_changes(doc, sequence, (i,), index)
            doc, index = applied.doc, applied.index
    return drafter.clauses
