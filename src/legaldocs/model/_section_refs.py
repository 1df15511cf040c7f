"""Citations of a web policy's sections, in the document's language.

An English policy cites its numbered sections the way its readers do: ``Section 3``,
``Section 3.2`` (a sub-section numbered ``3.2``, or ``2`` under section 3), ``Section 3(a)``
(a sub-section ``a.`` under section 3, or the list item that starts ``(a)``), ``§ 3``; a
section without a number is cited by its heading path, ``"Contact us"`` or
``"Your rights > Access"``. A Japanese policy whose headings are numbered 第N条 cites them so
(``第3条``), and other numbered headings by their number (``3``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from legaldocs.model._blocks import (
    BlockList,
    Section,
    TextBlock,
    caption_of,
    plain_text,
)
from legaldocs.model._element import children_of

__all__ = ["resolve_section", "section_labels"]

_ENGLISH = re.compile(
    r"(?:Section|SECTION|section|Sec\.|§)\s*"
    r"(?P<num>[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)(?P<subs>(?:\([0-9A-Za-z]+\))*)\s*$"
)
_JA_HEADING = re.compile(
    r"(第[0-9０-９〇一二三四五六七八九十百千]+(?:の[0-9０-９〇一二三四五六七八九十百千]+)*[条章節項款])"
)
_SUB = re.compile(r"\(([0-9A-Za-z]+)\)")


def _sections(blocks: Sequence[object]) -> Iterator[Section]:
    for block in blocks:
        if isinstance(block, Section):
            yield block


def _label(section: Section, parent: str | None, parent_num: str | None, lang: str) -> str:
    num = section.num
    if lang == "ja":
        match = _JA_HEADING.match(plain_text(section.heading))
        if match:
            return match.group(1)
    if num is None:
        caption = caption_of(section.heading, None)
        return f"{parent} > {caption}" if parent else caption
    if parent is None or parent_num is None:
        return f"Section {num}"
    if num.startswith(parent_num + "."):
        return f"Section {num}"
    if num.isdigit():
        return f"{parent}.{num}"
    return f"{parent}({num})"


def section_labels(
    blocks: Sequence[object], lang: str, parent: str | None = None, num: str | None = None
) -> Iterator[tuple[Section, str]]:
    """Every section under ``blocks`` (in document order, sub-sections too) with its label."""
    for section in _sections(blocks):
        label = _label(section, parent, num, lang)
        yield section, label
        yield from section_labels(
            section.children, lang, label, section.num if section.num is not None else num
        )


def resolve_section(blocks: Sequence[object], lang: str, text: str) -> object | None:
    """The section (or list item) of a policy named by ``text``, or ``None``."""
    wanted = text.strip()
    match = _ENGLISH.match(wanted)
    subs: list[str] = []
    if match:
        wanted = f"Section {match.group('num')}"
        subs = _SUB.findall(match.group("subs"))
    labels = list(section_labels(blocks, lang))
    found: object | None = None
    for section, label in labels:
        if label == wanted or (not match and label.casefold() == wanted.casefold()):
            found = section
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
