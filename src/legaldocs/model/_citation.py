"""Japanese citations (第3条第2項第1号, 第三条の二, 附則第1条) and key paths.

A :class:`Citation` is a value made of :class:`Step` records. It is parsed from and written
as Japanese citation text; :func:`resolve` finds the element it names in a document, and
:func:`walk` lists every element of a document with its citation and key path.

Key paths name elements by identity: the key of an article, division, supplement or
top-level paragraph or table, followed by the keys of the elements below it, joined by
``/`` (``"a3/p2/i1"``, ``"s2/a1/p1"``). The preamble's paragraphs are ``"preamble/<key>"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Literal

import attrs

from legaldocs.errors import ArgumentTypeError, CitationError, NotFoundError
from legaldocs.model import _element, _numerals
from legaldocs.model._appendix import Appendix, Block
from legaldocs.model._blocks import ListItem, Section
from legaldocs.model._element import children_of
from legaldocs.model._numbers import Num, Numerals, item_label, parse_item_label
from legaldocs.model._numerals import KANJI_NUMERALS
from legaldocs.model._records import (
    DIVISION_KINDS,
    Article,
    BodyElement,
    Division,
    Document,
    Element,
    Item,
    ItemChild,
    Paragraph,
    Supplement,
    Table,
)
from legaldocs.model._section_refs import lettered_item_label, resolve_section, section_labels

__all__ = [
    "Citation",
    "Step",
    "StepKind",
    "cite",
    "key_paths",
    "resolve",
    "resolve_relative",
    "walk",
]

StepKind = Literal[
    "附則",
    "前文",
    "編",
    "章",
    "節",
    "款",
    "目",
    "条",
    "項",
    "号",
    "細分",
    "表",
    "行",
    "別表",
    "section",
]
"""The kind of one step of a citation. ``細分`` is a sub-item (イ, （１）, ...); ``別表``
is an appendix of any kind (別表, 別記, 様式, 書式, 別図, 付録), named by ``Step.ref`` as
written (``別表第一``, ``様式第二``); ``section`` a web policy's section, cited by ``ref`` in
the document's language (``Section 3.2``, ``第3条``, ``Contact us``; see
:mod:`legaldocs.model._section_refs`)."""

PREAMBLE = "preamble"
ENACT = "enact"
"""The first step of the key path of an enact statement (制定文): ``enact/e1``."""


@attrs.frozen(kw_only=True)
class Step:
    """One step of a citation: a kind and a number; ``ref`` names a supplement's
    amending law for ``附則`` and the appendix for ``別表`` (``別表第一``)."""

    kind: StepKind
    num: Num | None = None
    ref: str | None = None


def _unit(kind: StepKind, num: Num, numerals: Numerals) -> str:
    write = _numerals.to_kanji if numerals == "kanji" else str
    return f"第{write(num.main)}{kind}" + "".join(f"の{write(b)}" for b in num.branches)


@attrs.frozen
class Citation:
    """A citation: the path of steps from the document down to one element."""

    steps: tuple[Step, ...]

    @classmethod
    def parse(cls, text: str) -> Citation:
        """Read a Japanese citation. Kanji, Arabic and full-width digits are accepted.

        Raises :class:`~legaldocs.CitationError` when the text is not a citation.
        """
        if not isinstance(text, str):
            raise ArgumentTypeError(f"Citation.parse needs a string, got {type(text).__name__}")
        return cls(_parse(text))

    def format(self, numerals: Numerals = "arabic") -> str:
        """Write the citation with kanji (第三条第二項) or Arabic (第3条第2項) numbers."""
        out = []
        depth = 0
        for step in self.steps:
            if step.kind == "section":
                out.append(step.ref or "")
            elif step.kind == "附則":
                out.append("附則" + (f"（{step.ref}）" if step.ref else ""))
            elif step.kind == "別表":
                assert step.ref is not None
                out.append(_appendix_name(step.ref, numerals))
            elif step.kind == "前文":
                out.append("前文")
            elif step.kind == "細分":
                depth += 1
                assert step.num is not None
                out.append(item_label(step.num, depth, numerals))
            else:
                assert step.num is not None
                if step.kind == "号":
                    depth = 1
                out.append(_unit(step.kind, step.num, numerals))
        return "".join(out)

    def __str__(self) -> str:
        return self.format("arabic")

    def child(self, kind: StepKind, num: Num | None = None, ref: str | None = None) -> Citation:
        """This citation extended by one step."""
        return Citation((*self.steps, Step(kind=kind, num=num, ref=ref)))


_NUM = rf"[0-9０-９{KANJI_NUMERALS}]+"
_TOKEN = re.compile(
    rf"""
    (?P<appdx>(?:別記様式|別表|別記|別紙|別図|様式|書式|付録|附録|付表)
        (?:第{_NUM}(?:の{_NUM})*(?:号表|号)?)?)
  | (?P<suppl>附\s*則(?:[（(](?P<ref>[^）)]*)[）)])?)
  | (?P<preamble>前文)
  | 第(?P<num>{_NUM})(?P<unit>[編章節款目条項号表行])(?P<branches>(?:の{_NUM})*)
  | (?P<label>(?:[(（][^)）]+[)）]|[{_numerals.IROHA}])(?:の{_NUM})*)
    """,
    re.VERBOSE,
)


def _parse(text: str) -> tuple[Step, ...]:
    source = "".join(text.split())
    if not source:
        raise CitationError("empty citation")
    steps: list[Step] = []
    pos = 0
    while pos < len(source):
        m = _TOKEN.match(source, pos)
        if m is None:
            raise CitationError(
                f"not a citation: {text!r} (cannot read {source[pos:]!r} at character {pos + 1})"
            )
        pos = m.end()
        if m.group("appdx"):
            if steps and steps[-1].kind != "附則":
                raise CitationError(f"an appendix comes first or after 附則: {text!r}")
            steps.append(Step(kind="別表", ref=m.group("appdx")))
        elif m.group("suppl"):
            if steps:
                raise CitationError(f"附則 must come first in a citation: {text!r}")
            steps.append(Step(kind="附則", ref=m.group("ref") or None))
        elif m.group("preamble"):
            if steps:
                raise CitationError(f"前文 must come first in a citation: {text!r}")
            steps.append(Step(kind="前文"))
        elif m.group("unit"):
            branches = [b for b in m.group("branches").split("の") if b]
            try:
                parts = [_numerals.read_int(m.group("num"))]
                parts.extend(_numerals.read_int(b) for b in branches)
            except ValueError as exc:
                raise CitationError(f"not a citation: {text[:40]!r} ({exc})") from None
            if any(p < 1 for p in parts):
                raise CitationError(f"numbers in a citation start at 1: {text!r}")
            steps.append(Step(kind=_UNITS[m.group("unit")], num=Num(tuple(parts))))
        else:
            if not steps or steps[-1].kind not in ("号", "細分"):
                raise CitationError(f"a sub-item label must follow 号: {text!r}")
            try:
                num, _ = parse_item_label(m.group("label"))
            except ValueError as exc:
                raise CitationError(f"not a citation: {text!r} ({exc})") from None
            steps.append(Step(kind="細分", num=num))
    _check_order(steps, text)
    return tuple(steps)


_UNITS: dict[str, StepKind] = {
    "編": "編",
    "章": "章",
    "節": "節",
    "款": "款",
    "目": "目",
    "条": "条",
    "項": "項",
    "号": "号",
    "表": "表",
    "行": "行",
}
_RANK: dict[str, int] = {"附則": 0, "前文": 0, "別表": 1}
_RANK.update({k: 1 + i for i, k in enumerate(DIVISION_KINDS)})
_RANK.update({"条": 10, "項": 11, "号": 12, "細分": 13, "表": 14, "行": 15})


def _check_order(steps: Sequence[Step], text: str) -> None:
    previous = -1
    for step in steps:
        rank = _RANK[step.kind]
        if rank < previous or (rank == previous and step.kind not in ("細分",)):
            raise CitationError(f"steps out of order in citation {text!r}")
        if step.kind == "行" and (not steps or previous != _RANK["表"]):
            raise CitationError(f"第N行 must follow 第N表 in citation {text!r}")
        previous = rank


# ---------------------------------------------------------------------------------------
# Resolving


_APPENDIX_WORDS = (
    "別記様式",
    "別表",
    "別記",
    "別紙",
    "別図",
    "様式",
    "書式",
    "付録",
    "附録",
    "付表",
)
_RELATIVE = re.compile(r"(前|次|同)(条|項|号)")


def resolve(doc: Document, ref: str | Citation) -> Element:
    """The element of ``doc`` named by a citation or a key path.

    A relative citation (``前項``, ``同条``, …) has no meaning without the place it is read
    from: it raises :class:`~legaldocs.CitationError` (see :func:`resolve_relative`)."""
    if isinstance(ref, Citation):
        return _resolve_citation(doc, ref)
    if not isinstance(ref, str):
        raise ArgumentTypeError(
            f"get needs a citation or a key path (a str or a Citation), got {type(ref).__name__}"
        )
    text = ref.strip()
    if _RELATIVE.match(text):
        raise CitationError(
            f"{text!r} is a relative citation: resolve it from an element with "
            "Document.resolve(text, at=citation)"
        )
    policy = any(isinstance(e, Section) for e in doc.body)
    if text.startswith(("Section", "SECTION", "section", "Sec.", "§")):
        found = resolve_section(doc.body, doc.lang, text)
        if found is None:
            raise NotFoundError(f"no {text!r} in {doc.title!r}")
        return found  # type: ignore[return-value]
    if text.startswith(("第", "附則", "附　則", "前文", *_APPENDIX_WORDS)):
        try:
            return _resolve_citation(doc, Citation.parse(text))
        except (NotFoundError, CitationError):
            # a policy's label that starts so (第1条 [2], 第3条 > Section 1)
            found = resolve_section(doc.body, doc.lang, text) if policy else None
            if found is None:
                raise
            return found  # type: ignore[return-value]
    try:
        return _resolve_key(doc, text)
    except NotFoundError:
        found = resolve_section(doc.body, doc.lang, text) if policy else None
        if found is None:
            raise
        return found  # type: ignore[return-value]


def resolve_relative(doc: Document, text: str, at: Citation | str | None) -> Citation:
    """The absolute citation that a relative one (``前項``, ``次条``, ``同条第三項``,
    ``同項第二号``, ``前号``) means when read in the element cited by ``at``.

    ``同`` keeps the base's step of that kind, ``前`` and ``次`` move to the previous or next
    sibling of that kind (an article among the articles of the same body or supplement, a
    paragraph among the paragraphs of the same article, an item among the items of the same
    paragraph); absolute steps may follow (``同項第二号``). An absolute citation is returned
    as it is. Raises :class:`~legaldocs.CitationError` when there is no base or the text is
    not a citation, :class:`~legaldocs.NotFoundError` when there is no such sibling.
    """
    source = "".join(text.split())
    m = _RELATIVE.match(source)
    if m is None:
        return Citation.parse(source)
    if at is None:
        raise CitationError(f"{text!r} is a relative citation: it needs a base (at=...)")
    base = Citation.parse(at) if isinstance(at, str) else at
    rest = _parse(source[m.end() :]) if m.end() < len(source) else ()
    which, unit = m.group(1), m.group(2)
    kind: StepKind = "条" if unit == "条" else "項" if unit == "項" else "号"
    steps = list(base.steps)
    if kind == "項" and not any(st.kind == "項" for st in steps):
        at_article = next((i for i, st in enumerate(steps) if st.kind == "条"), None)
        if at_article is not None:
            # 第三条第一号: the items of an article stand in its first paragraph
            steps.insert(at_article + 1, Step(kind="項", num=Num.of(1)))
    index = next((i for i in range(len(steps) - 1, -1, -1) if steps[i].kind == kind), None)
    if index is None:
        raise CitationError(f"{text!r}: the base {base} has no {unit} to refer to")
    steps = steps[: index + 1]
    if which != "同":
        siblings = _siblings(doc, Citation(tuple(steps[:index])), kind)
        current = steps[index].num
        position = next((i for i, num in enumerate(siblings) if num == current), None)
        if position is None:
            raise NotFoundError(f"{base}: no such element in {doc.title!r}")
        position += -1 if which == "前" else 1
        if not 0 <= position < len(siblings):
            side = "previous" if which == "前" else "next"
            raise NotFoundError(f"{text!r} from {base}: there is no {side} {unit}")
        steps[index] = Step(kind=kind, num=siblings[position])
    result = Citation((*steps, *rest))
    _check_order(result.steps, text)
    return result


def _siblings(doc: Document, parent: Citation, kind: StepKind) -> list[Num]:
    """The numbers of the elements of ``kind`` under the element ``parent`` cites."""
    if kind == "条":
        supplement = next((st for st in parent.steps if st.kind == "附則"), None)
        if supplement is not None:
            element = _resolve_citation(doc, Citation((supplement,)))
            assert isinstance(element, Supplement)
            body: Sequence[BodyElement | Division | Article] = element.body
        else:
            body = doc.body
        return [a.num for a in _find_articles(body)]
    if kind == "項":
        if not parent.steps:
            return [e.num for e in doc.body if isinstance(e, Paragraph)]
        element = _resolve_citation(doc, parent)
        if isinstance(element, Article):
            return [p.num for p in element.paragraphs]
        if isinstance(element, Supplement):
            return [e.num for e in element.body if isinstance(e, Paragraph)]
        raise CitationError(f"{parent} holds no paragraphs")
    element = _resolve_citation(doc, parent)
    if isinstance(element, Paragraph | Item):
        return [c.num for c in element.children if isinstance(c, Item)]
    if isinstance(element, Article) and element.paragraphs:
        return [c.num for c in element.paragraphs[0].children if isinstance(c, Item)]
    raise CitationError(f"{parent} holds no items")


_APPENDIX_NUM = re.compile(rf"第({_NUM})((?:の{_NUM})*)")


def _appendix_key(text: str) -> str:
    """An appendix name for comparison: up to the first space or bracket, numbers as
    integers, without a leading 附則 (``別表第1`` = ``別表第一　…（第三条関係）``)."""
    head = re.split(r"[ 　\t（(]", text, maxsplit=1)[0]
    for prefix in ("附則", "付則"):
        head = head.removeprefix(prefix)

    def number(m: re.Match[str]) -> str:
        parts = [_numerals.read_int(m.group(1))]
        parts.extend(_numerals.read_int(b) for b in m.group(2).split("の")[1:])
        return "第" + "の".join(str(p) for p in parts)

    return _APPENDIX_NUM.sub(number, head)


def _appendix_name(name: str, numerals: Numerals) -> str:
    def number(m: re.Match[str]) -> str:
        parts = [_numerals.read_int(m.group(1))]
        parts.extend(_numerals.read_int(b) for b in m.group(2).split("の")[1:])
        write = _numerals.to_kanji if numerals == "kanji" else str
        return "第" + "の".join(write(p) for p in parts)

    return _APPENDIX_NUM.sub(number, name)


def _appendices_of(doc: Document, name: str, supplement: Supplement | None) -> list[Appendix]:
    """The appendices of ``doc`` (or of ``supplement``) that ``name`` names: one, or none, or
    several when titles repeat (two 信託表示簿雛形)."""
    wanted = _appendix_key(name)
    pool = supplement.appendices if supplement is not None else doc.appendices
    found: list[Appendix] = []
    for appendix in pool:
        written = appendix.title
        if written is None and appendix.related_article_num is not None:
            written = appendix.related_article_num.strip("（）()")
        if written is not None and _appendix_key(written) == wanted:
            found.append(appendix)
    return found


def _ambiguous(doc: Document, citation: Citation, elements: Sequence[object]) -> Element:
    """The one element ``citation`` names when a step of it matched several ``elements``
    (numbers repeat: two articles 第五十三条, of which one has a 第二項): the element
    :func:`walk` gives that citation, when exactly one has it. Raises
    :class:`~legaldocs.CitationError` listing the key paths of the elements it names (or,
    for a citation walk() does not give, of the step's ``elements``), which
    :meth:`~legaldocs.Document.get` accepts instead."""
    named: list[tuple[str, Element]] = []
    for path, cit, element in _walk(doc):  # a block below shares its holder's citation
        if cit == citation and not (named and path.startswith(named[-1][0] + "/")):
            named.append((path, element))
    if len(named) == 1:
        return named[0][1]
    if not named:
        wanted = {id(e) for e in elements}
        named = [(path, element) for path, _, element in _walk(doc) if id(element) in wanted]
    paths = ", ".join(path for path, _ in named)
    raise CitationError(
        f"{citation} names {len(named)} elements in {doc.title!r} (its numbers repeat): "
        f"cite one by its key path: {paths}"
    )


def _contains(article: Article, num: Num) -> bool:
    if article.num == num:
        return True
    return article.until is not None and article.num <= num <= article.until


def _find_articles(elements: Sequence[BodyElement | Division | Article]) -> Iterator[Article]:
    for element in elements:
        if isinstance(element, Article):
            yield element
        elif isinstance(element, Division):
            yield from _find_articles(element.children)


def _find_divisions(
    elements: Sequence[BodyElement | Division | Article], kind: str, num: Num
) -> Iterator[Division]:
    for element in elements:
        if isinstance(element, Division):
            if element.kind == kind and element.num == num:
                yield element
            else:
                yield from _find_divisions(element.children, kind, num)


def _resolve_citation(doc: Document, citation: Citation) -> Element:
    def missing(detail: str) -> NotFoundError:
        return NotFoundError(f"{citation}: no such element in {doc.title!r} ({detail})")

    current: Element | Document = doc
    container: Sequence[BodyElement | Division | Article] = doc.body
    steps = citation.steps
    if not steps:
        raise CitationError("empty citation")
    for position, step in enumerate(steps):
        kind = step.kind
        num = step.num
        if kind == "section":  # a web policy's section (or lettered list item) by its label
            if step.ref is None:
                raise CitationError("a section step needs its label")
            section = resolve_section(doc.body, doc.lang, step.ref)
            if section is None:
                raise missing(f"no section {step.ref!r}")
            current = section  # type: ignore[assignment]
            container = ()
            continue
        if kind == "別表":
            assert step.ref is not None
            appendices: list[Appendix] = []
            if isinstance(current, Supplement):
                candidates = [current]
                if steps[position - 1].ref is None:
                    candidates = list(doc.supplements)
                for supplement in candidates:
                    appendices = _appendices_of(doc, step.ref, supplement)
                    if appendices:
                        break
            else:
                appendices = _appendices_of(doc, step.ref, None)
            if not appendices:
                raise missing(f"no appendix named {step.ref}")
            if len(appendices) > 1:
                return _ambiguous(doc, citation, appendices)
            current = appendices[0]
            container = ()
            continue
        if kind == "附則":
            supplements = doc.supplements
            if step.ref is not None:
                supplements = tuple(s for s in supplements if s.law_ref == step.ref)
            else:  # 附則 alone is the original 附則 (the one without an amending law)
                supplements = tuple(s for s in supplements if s.law_ref is None) or supplements
            if not supplements:
                detail = f" for {step.ref}" if step.ref else ""
                raise missing(f"no supplementary provisions{detail}")
            if len(supplements) > 1 and (
                step.ref is not None or supplements[1].law_ref is None
            ):  # two with that amending law, or two original 附則
                return _ambiguous(doc, citation, supplements)
            current = supplements[0]
            container = current.body
        elif kind == "前文":
            if not doc.preamble:
                raise missing("the document has no preamble")
            current = doc
            container = doc.preamble
        elif kind in DIVISION_KINDS:
            assert num is not None
            found = list(_find_divisions(container, kind, num))
            if not found:
                raise missing(f"no {_unit(kind, num, 'arabic')}")
            if len(found) > 1:
                return _ambiguous(doc, citation, found)
            current = found[0]
            container = current.children
        elif kind == "条":
            assert num is not None
            articles = [a for a in _find_articles(container) if _contains(a, num)]
            if not articles:
                raise missing(f"no {_unit('条', num, 'arabic')}")
            if len(articles) > 1:
                return _ambiguous(doc, citation, articles)
            current = articles[0]
            container = ()
        elif kind == "項":
            assert num is not None
            paragraphs: Sequence[object]
            if isinstance(current, Article):
                paragraphs = current.paragraphs
            elif isinstance(current, Appendix):
                paragraphs = current.children
            else:
                paragraphs = [e for e in container if isinstance(e, Paragraph)]
            matches = [p for p in paragraphs if isinstance(p, Paragraph) and p.num == num]
            if not matches:
                raise missing(f"no {_unit('項', num, 'arabic')} there")
            if len(matches) > 1:
                return _ambiguous(doc, citation, matches)
            current = matches[0]
            container = ()
        elif kind in ("号", "細分"):
            assert num is not None
            if kind == "号" and isinstance(current, Article):
                if not current.paragraphs:
                    raise missing("the article has no paragraphs")
                current = current.paragraphs[0]
            if kind == "号" and not isinstance(current, Paragraph | Appendix):
                raise missing("号 must be cited within an article or paragraph")
            if kind == "細分" and not isinstance(current, Item):
                raise missing("a sub-item must be cited within an item")
            assert isinstance(current, Paragraph | Item | Appendix)
            items = [c for c in current.children if isinstance(c, Item) and c.num == num]
            if not items:
                raise missing(f"no item {num} there")
            if len(items) > 1:
                return _ambiguous(doc, citation, items)
            current = items[0]
        elif kind == "表":
            assert num is not None
            tables = _tables_of(current, container)
            if not 1 <= num.main <= len(tables):
                raise missing(f"there are {len(tables)} tables there")
            current = tables[num.main - 1]
        elif kind == "行":
            assert num is not None
            if not isinstance(current, Table):
                raise missing("第N行 must follow a table")
            if not 1 <= num.main <= len(current.rows):
                raise missing(f"the table has {len(current.rows)} rows")
            current = current.rows[num.main - 1]
    if isinstance(current, Document):
        raise missing("a citation must name an element")
    return current


def _tables_of(
    current: Element | Document, container: Sequence[BodyElement | Division | Article]
) -> list[Table]:
    if isinstance(current, Paragraph | Item | Appendix):
        return [c for c in current.children if isinstance(c, Table)]
    return [e for e in container if isinstance(e, Table)]


def _resolve_key(doc: Document, path: str) -> Element:
    if not path:
        raise NotFoundError("empty key path")
    for key_path, _, element in _walk(doc):
        if key_path == path:
            return element
    raise NotFoundError(f"no element with key path {path!r} in {doc.title!r}")


# ---------------------------------------------------------------------------------------
# Walking


_NO_CITATION = Citation(())
"""The citation of an element that has none of its own (a paragraph of a web policy)."""


def _walk(doc: Document) -> Iterator[tuple[str, Citation, Element]]:
    root = Citation(())
    if doc.preamble:
        pre = root.child("前文")
        for paragraph in doc.preamble:
            yield from _walk_paragraph(f"{PREAMBLE}/{paragraph.key}", pre, paragraph)
    for statement in doc.enact_statements:
        yield f"{ENACT}/{statement.key}", root, statement
    labels = {id(s): label for s, label in section_labels(doc.body, doc.lang)}
    yield from _walk_body("", root, doc.body, labels)
    for supplement in doc.supplements:
        cit = root.child("附則", ref=supplement.law_ref)
        yield supplement.key, cit, supplement
        yield from _walk_body(supplement.key + "/", cit, supplement.body)
        for appendix in supplement.appendices:
            yield from _walk_appendix(f"{supplement.key}/{appendix.key}", cit, appendix)
    for appendix in doc.appendices:
        yield from _walk_appendix(appendix.key, root, appendix)


def _walk_appendix(
    key_path: str, cit: Citation, appendix: Appendix
) -> Iterator[tuple[str, Citation, Element]]:
    name = appendix.title or (appendix.related_article_num or "").strip("（）()")
    name = re.split(r"[ 　\t（(]", name, maxsplit=1)[0]
    if cit.steps and cit.steps[-1].kind == "附則":
        name = name.removeprefix("附則").removeprefix("付則")
    here = cit.child("別表", ref=name) if name else cit
    yield key_path, here, appendix
    yield from _walk_blocks(key_path, here, appendix.children)


def _walk_blocks(
    key_path: str, cit: Citation, blocks: Sequence[Block]
) -> Iterator[tuple[str, Citation, Element]]:
    """Blocks of an appendix, a note or a cell: items, paragraphs and tables are cited
    below ``cit``; the other blocks share ``cit`` (they have no citation of their own)."""
    tables = 0
    for block in blocks:
        path = f"{key_path}/{block.key}"
        if isinstance(block, Paragraph):
            yield from _walk_paragraph(path, cit, block)
        elif isinstance(block, Item):
            here = cit.child("号", block.num)
            yield path, here, block
            yield from _walk_children(path, here, block.children, "細分")
        elif isinstance(block, Table):
            tables += 1
            yield from _walk_table(path, cit.child("表", Num.of(tables)), block)
        else:
            yield from _walk_other(path, cit, block)


def _walk_other(
    key_path: str, cit: Citation, element: Element
) -> Iterator[tuple[str, Citation, Element]]:
    """An element with no citation of its own, and what it holds, through the element
    protocol."""
    yield key_path, cit, element
    for child in children_of(element):
        if hasattr(child, "key"):
            if isinstance(child, Paragraph | Item | Table):
                yield from _walk_blocks(key_path, cit, (child,))
            else:
                yield from _walk_other(f"{key_path}/{child.key}", cit, child)


def _walk_body(
    prefix: str,
    cit: Citation,
    elements: Sequence[BodyElement | Division | Article],
    labels: dict[int, str] | None = None,
) -> Iterator[tuple[str, Citation, Element]]:
    tables = 0
    for element in elements:
        if isinstance(element, Division):
            here = cit.child(element.kind, element.num)
            yield prefix + element.key, here, element
            yield from _walk_body(prefix, here, element.children)
        elif isinstance(element, Article):
            yield from _walk_article(prefix + element.key, cit, element)
        elif isinstance(element, Paragraph):
            yield from _walk_paragraph(prefix + element.key, cit, element)
        elif isinstance(element, Table):
            tables += 1
            yield from _walk_table(prefix + element.key, cit.child("表", Num.of(tables)), element)
        else:
            yield from _walk_block(prefix + element.key, cit, element, labels or {})


def _walk_block(
    key_path: str,
    cit: Citation,
    element: Element,
    labels: dict[int, str],
    section: tuple[Section, str] | None = None,
) -> Iterator[tuple[str, Citation, Element]]:
    # The blocks of a web policy: a section is cited by its label, a list item that starts
    # with a letter under a numbered section by the section's citation and the letter
    # (Section 1.1(b)); any other block has no citation of its own (cite() names the
    # section that holds it). Every block has its key path.
    label = labels.get(id(element))
    own = _NO_CITATION
    if label is not None:
        own = Citation((Step(kind="section", ref=label),))
        section = (element, label)  # type: ignore[assignment]
    elif section is not None and isinstance(element, ListItem):
        lettered = lettered_item_label(section[1], section[0], element)
        if lettered is not None:
            own = Citation((Step(kind="section", ref=lettered),))
    yield key_path, own, element
    for child in _element.children_of(element):
        if hasattr(child, "key"):
            yield from _walk_block(f"{key_path}/{child.key}", cit, child, labels, section)


def _walk_article(
    key_path: str, cit: Citation, article: Article
) -> Iterator[tuple[str, Citation, Element]]:
    here = Citation(
        (*(s for s in cit.steps if s.kind in ("附則",)), Step(kind="条", num=article.num))
    )
    yield key_path, here, article
    for paragraph in article.paragraphs:
        yield from _walk_paragraph(f"{key_path}/{paragraph.key}", here, paragraph)


def _walk_paragraph(
    key_path: str, cit: Citation, paragraph: Paragraph
) -> Iterator[tuple[str, Citation, Element]]:
    here = cit.child("項", paragraph.num)
    yield key_path, here, paragraph
    yield from _walk_children(key_path, here, paragraph.children, "号")


def _walk_children(
    key_path: str, cit: Citation, children: Sequence[ItemChild], kind: StepKind
) -> Iterator[tuple[str, Citation, Element]]:
    tables = 0
    for child in children:
        path = f"{key_path}/{child.key}"
        if isinstance(child, Item):
            here = cit.child(kind, child.num)
            yield path, here, child
            yield from _walk_children(path, here, child.children, "細分")
        elif isinstance(child, Table):
            tables += 1
            yield from _walk_table(path, cit.child("表", Num.of(tables)), child)
        else:
            yield from _walk_other(path, cit, child)


def _walk_table(
    key_path: str, cit: Citation, table: Table
) -> Iterator[tuple[str, Citation, Element]]:
    yield key_path, cit, table
    for index, row in enumerate(table.rows, start=1):
        row_path = f"{key_path}/{row.key}"
        here = cit.child("行", Num.of(index))
        yield row_path, here, row
        for number, cell in enumerate(row.cells, start=1):
            if cell.blocks:
                yield from _walk_blocks(f"{row_path}/c{number}", here, cell.blocks)
    for remarks in table.remarks:
        yield from _walk_other(f"{key_path}/{remarks.key}", cit, remarks)


def walk(doc: Document) -> Iterator[tuple[Citation, Element]]:
    """Every element of ``doc`` in document order, with its citation.

    Articles are cited without the divisions above them (第3条, not 第一章第3条), as
    Japanese drafting does. A web policy's sections are cited by their labels (``Section
    3.2``, ``Contact us``, unique in the document), and so is a list item that starts with
    a letter under a numbered section (``Section 3(a)``); its other blocks have no citation
    of their own (an empty one; :func:`cite` gives the section that holds them). Every
    citation given finds its element again with :meth:`~legaldocs.Document.get`, or, where
    numbers repeat (two articles 第五十三条), makes it raise
    :class:`~legaldocs.CitationError` listing the key paths of the elements it names.
    """
    for _, cit, element in _walk(doc):
        yield cit, element


def key_paths(doc: Document) -> Iterator[tuple[str, Element]]:
    """Every element of ``doc`` in document order, with its key path."""
    for path, _, element in _walk(doc):
        yield path, element


def _above(doc: Document, path: str) -> Citation:
    """The citation of the nearest element above ``path`` that has one (empty if none)."""
    cited = {p: cit for p, cit, _ in _walk(doc) if cit.steps}
    while "/" in path:
        path = path.rsplit("/", 1)[0]
        if path in cited:
            return cited[path]
    return _NO_CITATION


def cite(doc: Document, element_or_key: Element | str) -> Citation:
    """The citation of an element of ``doc``, given as the element itself or its key path;
    for an element with no citation of its own (a paragraph of a web policy's section),
    the citation of the nearest element above it that has one.

    Raises :class:`~legaldocs.NotFoundError` when the element is not in the document.
    """
    if not isinstance(element_or_key, str) and not attrs.has(type(element_or_key)):
        raise ArgumentTypeError(
            f"cite: not an element or a key path (got {type(element_or_key).__name__})"
        )
    for path, cit, element in _walk(doc):
        if element is element_or_key or path == element_or_key:
            return cit if cit.steps else _above(doc, path)
    if not isinstance(element_or_key, str):
        for path, cit, element in _walk(doc):
            if element == element_or_key:
                return cit if cit.steps else _above(doc, path)
    raise NotFoundError(f"{element_or_key!r} is not an element of {doc.title!r}")
