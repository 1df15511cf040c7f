"""Amendment sentences (改め文): :func:`render_kaimebun`.

An :class:`~legaldocs.amendment.Amendment` is written the way Japanese drafters write an
amending law: each change names its target as the text stands when the change applies, in
the document's numerals (第三条 in a statute, 第3条 in the clinic's pages)::

    第三条中「甲」を「乙」に、「丙」を「丁」に改める。
    第四十二条第一項中「第四十条」の下に「、第四十二条の二」を加える。
    第五条中「、丙」を削る。
    第九条を削り、第十条を第九条とする。
    第三十八条中第七項を第九項とし、第四項から第六項までを二項ずつ繰り下げる。
    第六十一条を次のように改める。     (followed by the new article)
    第十七条の次に次の一条を加える。   (followed by the new article)
    第三条の見出しを「（定義）」に改める。

Consecutive changes to one provision are joined into one sentence (「甲」を「乙」に改め、
「丙」を削る); consecutive deletions and renumberings likewise (…を削り、…を…とし、…).
New provisions are written as Lawtext for a statute (kanji numerals) and in the plain-text
format for an Arabic-numbered page. :class:`~legaldocs.amendment.Rekey` and changes of the
document's ``style`` or ``lang`` have no legal text and are not written.

Targets given as key paths need the ``document`` the amendment applies to: the changes are
replayed on it so that every target is cited as it stands when its change applies (which is
how 改め文 read). Without a document, targets must be citations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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
from legaldocs.errors import CitationError, LegaldocsError, NotFoundError
from legaldocs.model._citation import Citation, Step, cite
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

_CONJ = {"改める": "改め", "加える": "加え", "削る": "削り", "する": "し"}
_UNIT = {Article: "条", Paragraph: "項", Item: "号", Table: "表", Supplement: "附則"}


def render_kaimebun(
    amendment: Amendment,
    *,
    numerals: Numerals | None = None,
    document: Document | None = None,
    render: Callable[[Document], str] | None = None,
) -> str:
    """The amendment as amendment sentences (改め文), one sentence per line, each new
    provision's text after its sentence. ``numerals`` defaults to the document's (kanji
    without a document). ``document`` is the text the amendment applies to; it is needed
    when targets are key paths (as :meth:`legaldocs.Diff.to_amendment` makes them).

    ``render`` writes a new provision, given as a document holding it alone; by default the
    registered ``lawtext`` format for kanji numerals (falling back to ``text`` where Lawtext
    cannot hold the provision) and ``text`` otherwise (see :mod:`legaldocs.formats`).

    Raises :class:`~legaldocs.LegaldocsError` when a target cannot be cited (a key path
    without a document) and :class:`~legaldocs.AmendmentError` when a change does not apply
    to ``document``.
    """
    if not isinstance(amendment, Amendment):
        raise LegaldocsError(f"render_kaimebun: not an Amendment: {type(amendment).__name__}")
    style = document.style if document is not None else Style(numerals=numerals or "kanji")
    numerals = numerals or style.numerals
    writer = _Writer(numerals, style, render)
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
            raise LegaldocsError(f"render_kaimebun: no such element: {target} ({exc})") from None
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
                raise LegaldocsError(
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
        if isinstance(element, Supplement):
            return _strip_head(
                self._render_doc(Document(title="X", supplements=(element,), style=style))
            )
        if isinstance(element, Item):
            return "\n".join(self._item_lines(element, 1))
        if isinstance(element, Paragraph):
            return "\n".join(self._paragraph_lines(element))
        return _strip_head(self._render_doc(Document(title="X", body=(element,), style=style)))


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
