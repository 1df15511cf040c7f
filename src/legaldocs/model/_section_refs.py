"""Citations of a web policy's sections, in the document's language.

An English policy cites its numbered sections the way its readers do: ``Section 3``,
``Section 3.2`` (a sub-section numbered ``3.2``, or ``2`` under section 3), ``Section 3(a)``
(a sub-section ``a.`` under section 3, or the list item that starts ``(a)``), ``§ 3``; a
section without a number is cited by its heading path, ``"Contact us"`` or
``"Your rights > Access"``. A Japanese policy whose headings are numbered 第N条 cites them so
(``第3条``), and other numbered headings as English ones (``Section 3``).

Every section has one label, and no two sections share one (compared without regard to
case): when two would (two "Contact us" sections, two "Section 18" in two agreements on one
page), each is named by its parent's label first (``Agreement for the EEA > Section 18``),
and when that is not enough by its place among them (``Contact us [2]``). The label as it
would have been is then ambiguous, and :func:`resolve_section` refuses it with the labels to
use instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

import attrs

from legaldocs.errors import CitationError
from legaldocs.model._blocks import (
    BlockList,
    ListItem,
    Section,
    TextBlock,
    caption_of,
    plain_text,
)
from legaldocs.model._element import children_of
from legaldocs.model._numerals import KANJI_NUMERALS

__all__ = ["lettered_item_label", "resolve_section", "section_labels"]

_ENGLISH = re.compile(
    r"(?:Section|SECTION|section|Sec\.|§)\s*"
    r"(?P<num>[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)(?P<subs>(?:\([0-9A-Za-z]+\))*)\s*$"
)
_JA_HEADING = re.compile(
    rf"(第[0-9０-９{KANJI_NUMERALS}]+(?:の[0-9０-９{KANJI_NUMERALS}]+)*[条章節項款])"
)
_SUB = re.compile(r"\(([0-9A-Za-z]+)\)")
_ATTRIBUTES = re.compile(r"\s*\{:[^{}]*\}\s*$")  # kramdown's {: #id .class } after a heading
_LETTER = re.compile(r"[(（]?([0-9A-Za-z]{1,3})[.)）]\s")


def _sections(blocks: Sequence[object]) -> Iterator[Section]:
    for block in blocks:
        if isinstance(block, Section):
            yield block


def _headed(blocks: Sequence[object]) -> Iterator[Section]:
    """The sections among ``blocks`` and inside their lists and quotes (a heading written
    in a list item), not those inside other sections."""
    for block in blocks:
        if isinstance(block, Section):
            yield block
        elif attrs.has(type(block)):
            yield from _headed(children_of(block))


def _caption(section: Section) -> str:
    caption = _ATTRIBUTES.sub("", caption_of(section.heading, None))
    return caption or "(untitled)"


def _label(section: Section, parent: str | None, parent_num: str | None, lang: str) -> str:
    num = section.num
    if lang == "ja":
        match = _JA_HEADING.match(plain_text(section.heading))
        if match:
            return match.group(1)
    if num is None:
        caption = _caption(section)
        return f"{parent} > {caption}" if parent else caption
    if parent is None or parent_num is None:
        return f"Section {num}"
    if num.startswith(parent_num + ".") or "." in num:
        return f"Section {num}"
    if num.isdigit():
        return f"{parent}.{num}"
    return f"{parent}({num})"


@attrs.frozen
class _Entry:
    section: Section
    label: str
    base: str
    """The label before it was told apart from another section's."""


def _entries(blocks: Sequence[object], lang: str) -> list[_Entry]:
    """Every section under ``blocks`` in document order with its unique label."""
    # id(section) -> (named after its parent, its place among the sections so named)
    fixes: dict[int, tuple[bool, int]] = {}
    entries: list[_Entry] = []
    for _ in range(64):  # each round tells apart the clashing sections of one more level
        entries = []
        parents: dict[int, Section | None] = {}
        _visit(blocks, lang, None, None, None, fixes, entries, parents)
        counts = Counter(e.label.casefold() for e in entries)
        clashing = {id(e.section) for e in entries if counts[e.label.casefold()] > 1}
        if not clashing:
            return entries
        labels = {id(e.section): e.label for e in entries}
        places: Counter[str] = Counter()
        for entry in entries:
            key = id(entry.section)
            parent = parents[key]
            if key not in clashing or (parent is not None and id(parent) in clashing):
                continue  # the parent is told apart first, and its sections with it
            qualified = fixes.get(key, (False, 0))[0]
            parent_label = labels[id(parent)] if parent is not None else None
            if not qualified and parent_label and not entry.label.startswith(parent_label):
                fixes[key] = (True, 0)
            else:
                places[entry.label.casefold()] += 1
                fixes[key] = (qualified, places[entry.label.casefold()])
    return entries  # pragma: no cover - headings that clash sixty-four levels deep


def _visit(
    blocks: Sequence[object],
    lang: str,
    parent: Section | None,
    parent_label: str | None,
    parent_num: str | None,
    fixes: dict[int, tuple[bool, int]],
    out: list[_Entry],
    parents: dict[int, Section | None],
) -> None:
    for section in _headed(blocks):
        base = _label(section, parent_label, parent_num, lang)
        qualified, place = fixes.get(id(section), (False, 0))
        label = f"{parent_label} > {base}" if qualified and parent_label else base
        if place:
            label = f"{label} [{place}]"
        out.append(_Entry(section, label, base))
        parents[id(section)] = parent
        num = section.num if section.num is not None else parent_num
        _visit(section.children, lang, section, label, num, fixes, out, parents)


_RECENT: dict[tuple[int, str], tuple[Sequence[object], list[_Entry]]] = {}
"""The labels of the last few bodies labelled (held, so that their ids stay theirs)."""


def _labelled(blocks: Sequence[object], lang: str) -> list[_Entry]:
    """:func:`_entries`, remembered for the last few bodies (a walk resolves many citations
    of one document)."""
    key = (id(blocks), lang)
    found = _RECENT.get(key)
    if found is not None and found[0] is blocks:
        return found[1]
    entries = _entries(blocks, lang)
    if len(_RECENT) >= 8:
        _RECENT.pop(next(iter(_RECENT)), None)
    _RECENT[key] = (blocks, entries)
    return entries


def section_labels(
    blocks: Sequence[object], lang: str, parent: str | None = None, num: str | None = None
) -> Iterator[tuple[Section, str]]:
    """Every section under ``blocks`` (in document order, sub-sections too) with its label,
    unique in the document."""
    for entry in _labelled(blocks, lang):
        yield entry.section, entry.label


def lettered_item_label(section_label: str, section: Section, item: ListItem) -> str | None:
    """The citation of a list item that starts with a letter or number (``(b)``, ``b.``)
    under an English numbered section, ``Section 1.1(b)``, when that citation finds this
    item; else ``None``."""
    if not _ENGLISH.match(section_label):
        return None
    first = item.children[0] if item.children else None
    if not isinstance(first, TextBlock):
        return None
    match = _LETTER.match(plain_text(first.text) + " ")
    if match is None:
        return None
    sub = match.group(1)
    if _sub_element(section, sub) is not item:
        return None
    return f"{section_label}({sub})"


def resolve_section(blocks: Sequence[object], lang: str, text: str) -> object | None:
    """The section (or list item) of a policy named by ``text``, or ``None``.

    Raises :class:`~legaldocs.CitationError` when ``text`` names more than one section
    (two sections with the same heading), with the labels that tell them apart."""
    entries = _labelled(blocks, lang)
    for wanted in (text.strip(), " ".join(text.split())):
        for entry in entries:
            if entry.label == wanted:
                return entry.section
    match = _ENGLISH.match(wanted)
    subs: list[str] = []
    if match:
        wanted = f"Section {match.group('num')}"
        subs = _SUB.findall(match.group("subs"))
    folded = wanted.casefold()
    found: object | None = None
    for attempt in ("label", "base"):
        named = [e for e in entries if getattr(e, attempt).casefold() == folded]
        if len(named) > 1:
            raise CitationError(
                f"{text!r} is ambiguous: {len(named)} sections are so named; cite one of "
                + ", ".join(repr(e.label + "".join(f"({s})" for s in subs)) for e in named)
            )
        if named:
            found = named[0].section
            break
    if found is None and match and "." in match.group("num"):
        # "Section 3.2": sub-section 2 of section 3
        head, _, rest = match.group("num").rpartition(".")
        parent = resolve_section(blocks, lang, f"Section {head}")
        if isinstance(parent, Section):
            found = next((s for s in _sections(parent.children) if s.num == rest), None)
    for sub in subs:
        if found is None:
            return None
        found = _sub_element(found, sub)
    return found


def _sub_element(element: object, sub: str) -> object | None:
    """Under ``element``: the sub-section numbered ``sub`` or the list item that starts
    with ``(sub)`` or ``sub.``."""
    stack = list(reversed(children_of(element)))
    while stack:
        child = stack.pop()
        if isinstance(child, Section) and child.num == sub:
            return child
        if isinstance(child, BlockList):
            for item in child.items:
                first = item.children[0] if item.children else None
                if isinstance(first, TextBlock):
                    words = plain_text(first.text)
                    if words.startswith((f"({sub})", f"{sub}.", f"{sub})")):
                        return item
            for item in reversed(child.items):
                stack.extend(reversed(item.children))
        elif not isinstance(child, Section):
            stack.extend(reversed(children_of(child)))
    return None
