"""Blocks of a document as web sites publish it: headed sections and Markdown's block kinds.

A privacy policy or a terms page is rarely built of articles (条) and divisions (章): it has
headed sections at any depth, numbered or not, and inside them running text, lists, tables,
block quotes and raw HTML. These records hold such documents beside the statute records of
:mod:`legaldocs.model._records`; the body of a :class:`~legaldocs.Document` may mix both.

What a block *says* is held in its texts and data fields (``heading``, ``text``, ``items``,
...); how it was *written* is held in presentation fields (``gap``, ``raw``, ``head``,
``prefixes``, ...), which the Markdown writer uses to give back the source byte for byte and
ignores, falling back to a plain layout, when they no longer fit what the block says.
Presentation fields never take part in diffs (see :mod:`legaldocs.model._element`).

Texts keep their inline Markdown exactly as written: ``**bold**``, ``[a link](url)``,
``code`` spans, hard line breaks (a trailing backslash or two spaces) and HTML entities stay
in the text, so nothing is escaped away and a renderer decides how to show them.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Literal, TypeAlias

import attrs

from legaldocs.model import _element as _e
from legaldocs.model._keys import position_key
from legaldocs.model._lazy import pattern
from legaldocs.model._numerals import KANJI_NUMERALS

if TYPE_CHECKING:
    import pendulum
else:
    from legaldocs.model._lazy import pendulum  # imported when a date is first touched

__all__ = [
    "KEY_PREFIX",
    "POLICY_BLOCKS",
    "Align",
    "BlockList",
    "CodeBlock",
    "Dateline",
    "HtmlBlock",
    "LinkDefinitions",
    "ListItem",
    "Markup",
    "PipeTable",
    "PolicyBlock",
    "Quote",
    "Section",
    "TableCell",
    "TableRow",
    "TextBlock",
    "ThematicBreak",
    "assign_keys",
    "caption_of",
    "heading_number",
    "plain_text",
    "read_dateline",
]

Align = Literal["left", "center", "right"] | None
"""The alignment of a table column (``None``: not stated)."""

_Lines = tuple[str, ...] | None


def _gap() -> object:
    return _e.presentation(default=None)


@attrs.frozen(kw_only=True, cache_hash=True)
class TextBlock:
    """A paragraph of running text; ``text`` keeps its inline Markdown as written, lines
    separated by ``"\\n"`` (continuation lines keep their own leading spaces).

    ``indent`` is the indentation written before the first line (up to three spaces);
    ``gap`` the blank lines written before the block (``None``: the usual one).
    """

    __repr__ = _e.record_repr

    key: str = _e.identity()
    text: str = _e.text()
    indent: str = _e.presentation(default="")
    gap: _Lines = _e.presentation(default=None)


@attrs.frozen(kw_only=True, cache_hash=True)
class Dateline:
    """A one-line paragraph that dates the document: ``Last updated: March 1, 2024``,
    ``Effective date: 30 April 2025``, ``発効日 2024 年 4 月 3 日``, ``2020年9月9日``.

    ``text`` is the line as written (inline Markdown kept) and is what is written back;
    ``date`` is the date it states and ``label`` the words before the date, without
    Markdown (``"Last updated"``, ``"発効日"``, or ``""`` for a bare date).
    """

    __repr__ = _e.record_repr

    key: str = _e.identity()
    text: str = _e.text()
    date: pendulum.Date
    label: str = ""
    indent: str = _e.presentation(default="")
    gap: _Lines = _e.presentation(default=None)


@attrs.frozen(kw_only=True, cache_hash=True)
class HtmlBlock:
    """A raw HTML block, kept verbatim (it may be plain text such as
    ``<Data Protection Officer>``, or a comment)."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    html: str = _e.text()
    gap: _Lines = _e.presentation(default=None)


@attrs.frozen(kw_only=True, cache_hash=True)
class CodeBlock:
    """A code block: ``fenced`` (with ``info`` after the opening fence) or indented.

    ``code`` is the content without its fence or indentation, lines separated by ``"\\n"``
    (a final line break is not part of it). ``raw`` keeps the lines as written.
    """

    __repr__ = _e.record_repr

    key: str = _e.identity()
    code: str = _e.text()
    info: str = ""
    fenced: bool = True
    raw: _Lines = _e.presentation(default=None)
    gap: _Lines = _e.presentation(default=None)


@attrs.frozen(kw_only=True, cache_hash=True)
class ThematicBreak:
    """A thematic break (``---``, ``* * *``), ``marker`` as written."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    marker: str = _e.presentation(default="---")
    gap: _Lines = _e.presentation(default=None)


@attrs.frozen(kw_only=True, cache_hash=True)
class LinkDefinitions:
    """Link reference definitions (``[id]: https://example.com "Title"``), verbatim: they
    give targets to links written ``[text][id]`` elsewhere in the document."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    text: str = _e.text()
    gap: _Lines = _e.presentation(default=None)


@attrs.frozen(kw_only=True, cache_hash=True)
class TableCell:
    """A cell of a :class:`PipeTable`; ``text`` keeps its inline Markdown."""

    __repr__ = _e.record_repr

    text: str = _e.text()


@attrs.frozen(kw_only=True, cache_hash=True)
class TableRow:
    """A row of a :class:`PipeTable` (the first row is the header)."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    cells: tuple[TableCell, ...] = _e.children()


@attrs.frozen(kw_only=True, cache_hash=True)
class PipeTable:
    """A GFM pipe table: ``rows[0]`` is the header row; ``align`` one entry per column.
    ``raw`` keeps the lines as written (padding, outer pipes)."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    rows: tuple[TableRow, ...] = _e.children()
    align: tuple[Align, ...] = ()
    raw: _Lines = _e.presentation(default=None)
    gap: _Lines = _e.presentation(default=None)


@attrs.frozen(kw_only=True, cache_hash=True)
class ListItem:
    """An item of a :class:`BlockList`, holding blocks of any kind (sections too).

    ``head`` is the item's first-line prefix as written (indentation, marker and the spaces
    after it: ``"*   "``, ``"1. "``); ``prefixes`` the prefix written before each later line
    of the item (``None``: the item's indentation on text lines, nothing on blank ones);
    ``tail`` the blank lines that end the item.
    """

    __repr__ = _e.record_repr

    key: str = _e.identity()
    children: tuple[PolicyBlock, ...] = _e.children()
    head: str | None = _e.presentation(default=None)
    prefixes: _Lines = _e.presentation(default=None)
    tail: _Lines = _e.presentation(default=None)


@attrs.frozen(kw_only=True, cache_hash=True)
class BlockList:
    """A list, ordered (from ``start``) or bulleted, of any depth.

    ``marker`` is the bullet (``-``, ``*``, ``+``) or the delimiter after the numbers
    (``.``, ``)``); ``tight`` says its items are not separated by blank lines (Markdown
    shows a loose list's items as paragraphs).
    """

    __repr__ = _e.record_repr

    key: str = _e.identity()
    items: tuple[ListItem, ...] = _e.children()
    ordered: bool = False
    start: int = 1
    marker: str = "-"
    tight: bool = True
    gap: _Lines = _e.presentation(default=None)

    @property
    def child_labels(self) -> tuple[str, ...]:
        """The marker a reader sees before each item: ``1.``, ``2.``, … from ``start`` with
        the list's delimiter for an ordered list, ``•`` for a bulleted one (see
        :func:`legaldocs.model._element.child_labels`)."""
        if self.ordered:
            return tuple(f"{self.start + k}{self.marker}" for k in range(len(self.items)))
        return ("•",) * len(self.items)


@attrs.frozen(kw_only=True, cache_hash=True)
class Quote:
    """A block quote holding blocks of any kind. ``prefixes`` are the ``>`` prefixes as
    written, one per line (``None``: ``"> "``, or ``">"`` on a blank line); ``tail`` the
    blank quoted lines that end it."""

    __repr__ = _e.record_repr

    key: str = _e.identity()
    children: tuple[PolicyBlock, ...] = _e.children()
    prefixes: _Lines = _e.presentation(default=None)
    tail: _Lines = _e.presentation(default=None)
    gap: _Lines = _e.presentation(default=None)


@attrs.frozen(kw_only=True, cache_hash=True)
class Section:
    """A headed section of a web policy, at any depth, numbered or not.

    ``heading`` is the heading's text as written, inline Markdown included
    (``"[](#1-about)**1. About this Policy**"``); ``level`` its heading level (1-6);
    ``num`` the number read from the heading when it has one (``"3"``, ``"3.2"``, ``"A"``,
    ``"IV"``), ``None`` for "Contact us". ``children`` are the blocks under the heading up
    to the next heading of the same or a higher level, sub-sections included.
    ``raw`` keeps the heading lines as written (``Title\\n=====``, closing ``#``).
    """

    __repr__ = _e.record_repr

    key: str = _e.identity()
    heading: str = _e.heading()
    level: int = 2
    num: str | None = _e.identity(default=None)
    children: tuple[PolicyBlock, ...] = _e.children()
    raw: _Lines = _e.presentation(default=None)
    gap: _Lines = _e.presentation(default=None)

    @property
    def caption(self) -> str:
        """The heading's words without its number and Markdown (``"About this Policy"``)."""
        return caption_of(self.heading, self.num)


PolicyBlock: TypeAlias = (
    Section
    | TextBlock
    | Dateline
    | BlockList
    | Quote
    | HtmlBlock
    | CodeBlock
    | ThematicBreak
    | PipeTable
    | LinkDefinitions
)
"""Any block of a web policy: what a section, a list item or a quote may contain."""

POLICY_BLOCKS: tuple[type, ...] = (
    Section,
    TextBlock,
    Dateline,
    BlockList,
    Quote,
    HtmlBlock,
    CodeBlock,
    ThematicBreak,
    PipeTable,
    LinkDefinitions,
)
"""The classes of :data:`PolicyBlock`, for ``isinstance``."""

# Key prefixes of the blocks (keys are prefix + position among siblings of the kind, as in
# model/_keys.py): sections h1, h2, ...; list items i1, ...; table rows r1, ...
KEY_PREFIX: dict[type, str] = {  # the key prefix of each kind of block
    Section: "h",
    TextBlock: "p",
    Dateline: "d",
    BlockList: "l",
    Quote: "q",
    HtmlBlock: "x",
    CodeBlock: "c",
    ThematicBreak: "hr",
    PipeTable: "t",
    LinkDefinitions: "ref",
}


def assign_keys(blocks: list[PolicyBlock]) -> list[PolicyBlock]:
    """``blocks`` keyed by the key scheme: a prefix by kind and the position among the
    siblings of that kind (``h1``, ``h2`` for sections, ``p1`` for paragraphs, ``l1`` lists,
    ``i1`` their items, ``q1`` quotes, ``x1`` raw HTML, ``c1`` code, ``hr1`` breaks, ``t1``
    tables, ``d1`` datelines, ``ref1`` link definitions)."""
    counts: Counter[str] = Counter()
    out: list[PolicyBlock] = []
    for block in blocks:
        prefix = KEY_PREFIX[type(block)]
        counts[prefix] += 1
        key = position_key(prefix, counts[prefix])
        if isinstance(block, BlockList):
            block = attrs.evolve(
                block,
                key=key,
                items=tuple(
                    attrs.evolve(item, key=position_key("i", n))
                    for n, item in enumerate(block.items, 1)
                ),
            )
        else:
            block = attrs.evolve(block, key=key)
        out.append(block)
    return out


@attrs.frozen(kw_only=True, cache_hash=True)
class Markup:
    """How a document's file was written, beyond its blocks: a byte-order mark, the line
    ends (``newline``, and ``line_ends``: ``(line index, end)`` for lines ending otherwise),
    whether the last line ends with a line break, the title heading as written
    (``title_raw``, ``title_gap``; ``title_level``) and the blank lines at the end
    (``tail``). The Markdown reader fills it so that the writer can give the file back."""

    __repr__ = _e.record_repr

    bom: bool = False
    newline: str = "\n"
    line_ends: tuple[tuple[int, str], ...] = ()
    final_newline: bool = True
    title_level: int = 1
    title_raw: _Lines = None
    title_gap: _Lines = None
    tail: _Lines = None


# ---------------------------------------------------------------------------------------
# Numbers, captions and dates read from inline Markdown

_LINK = pattern(r"!?\[([^\]]*)\]\([^)]*\)")
_REF_LINK = pattern(r"!?\[([^\]]*)\]\[[^\]]*\]")
_TAG = pattern(r"</?[A-Za-z][^>]*>")
_ESCAPE = pattern(r"\\([!-/:-@\[-`{-~])")
_EMPHASIS = pattern(r"(\*{1,3}|_{1,3}|~~|`+)")
_SPACES = pattern(r"[ \t\n]+")


def plain_text(text: str) -> str:
    """Inline Markdown as plain words: links become their text, emphasis marks, code
    backticks, tags and backslash escapes go, runs of white space become one space."""
    text = _LINK().sub(r"\1", text)
    text = _REF_LINK().sub(r"\1", text)
    text = _TAG().sub("", text)
    text = text.replace("\\\\", "\x00")
    text = _EMPHASIS().sub("", text)
    text = _ESCAPE().sub(r"\1", text).replace("\x00", "\\")
    text = text.replace("&nbsp;", " ").replace("&amp;", "&")
    return _SPACES().sub(" ", text).strip()


_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_NUMBER = pattern(
    r"(?P<word>(?:Section|SECTION|Article|ARTICLE|Part|PART|Chapter|CHAPTER|Clause)\s+)?"
    rf"(?P<num>\d+(?:\.\d+)*|[A-Za-z]|{_ROMAN})"
    r"(?P<mark>\.(?=\s|$)|\)|:|\s*[-–—](?=\s))?(?:\s+|$)"
)
_JA_NUMBER = pattern(
    rf"第(?P<num>[0-9０-９{KANJI_NUMERALS}]+(?:の[0-9０-９{KANJI_NUMERALS}]+)*)"
    r"(?:条|章|節|項|款)[ \t\u3000]*"
)
_PAREN_NUMBER = pattern(r"[(（](?P<num>[0-9０-９]+|[A-Za-z]|[ivx]+)[)）][ \t\u3000]*")


def _number_match(words: str) -> re.Match[str] | None:
    for regex in (_JA_NUMBER(), _PAREN_NUMBER()):
        match = regex.match(words)
        if match:
            return match
    match = _NUMBER().match(words)
    if match is None or not match.group("num"):
        return None
    token = match.group("num")
    if not token[0].isdigit() and not (match.group("mark") or match.group("word")):
        return None  # a bare letter is a word ("I agree"), not a number
    if len(token) == 4 and token.isdigit() and not match.group("mark"):
        return None  # a year ("2024 update")
    return match


def heading_number(heading: str) -> str | None:
    """The number a heading starts with, as written: ``"3"`` for ``3. Caption``,
    ``"3.2"``, ``"a"`` for ``a. Caption``, ``"IV"``, ``"12"`` for ``Section 12``, ``"3"``
    for ``第3条``; ``None`` for "Contact us" or "2024 update" (a year is no number)."""
    match = _number_match(plain_text(heading))
    return None if match is None else match.group("num")


def caption_of(heading: str, num: str | None) -> str:
    """The heading's words without the number it starts with."""
    words = plain_text(heading)
    if num is None:
        return words
    match = _number_match(words)
    return words[match.end() :] if match else words


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_EN_DATE = pattern(
    rf"(?P<md>(?P<m1>{_MONTHS})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}}))"
    rf"|(?P<dm>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTHS}),?\s+(?P<y2>\d{{4}}))"
    r"|(?P<iso>(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))",
    re.I,
)
_JA_DATE = pattern(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_LABEL = pattern(
    r"(?:last\s+(?:updated|modified|revised)|updated|effective(?:\s+date)?(?:\s+as\s+of)?"
    r"|effective\s+from|date\s+of\s+last\s+revision|version\s+date|revised|dated"
    r"|最終更新日?|更新日|発効日|施行日|制定日|改定日|最終改定日?)",
    re.I,
)


def read_dateline(text: str) -> tuple[pendulum.Date, str] | None:
    """``(date, label)`` when ``text`` is a one-line statement of the document's date
    (``Last updated: March 1, 2024``, ``Effective date: 30 April 2025``, ``発効日 2024 年 4
    月 3 日``, a bare ``2020年9月9日``), else ``None``."""
    if "\n" in text or len(text) > 120:
        return None
    words = plain_text(text)
    match = _JA_DATE().search(words) or _EN_DATE().search(words)
    if match is None:
        return None
    before = words[: match.start()].strip(" \t\u3000:：-–—,")
    after = words[match.end() :].strip(" \t\u3000.。")
    if before and not _LABEL().fullmatch(before):
        return None
    if after and not (after.startswith(("(", "（", ".")) and len(after) < 40):
        return None
    try:
        if match.re is _JA_DATE():
            date = pendulum.Date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        elif match.group("md"):
            date = _en(match.group("y1"), match.group("m1"), match.group("d1"))
        elif match.group("dm"):
            date = _en(match.group("y2"), match.group("m2"), match.group("d2"))
        else:
            date = pendulum.Date(
                int(match.group("y3")), int(match.group("m3")), int(match.group("d3"))
            )
    except ValueError:
        return None
    return date, before


def _en(year: str, month: str, day: str) -> pendulum.Date:
    index = _MONTHS.split("|").index(month.lower()) + 1
    return pendulum.Date(int(year), index, int(day))
