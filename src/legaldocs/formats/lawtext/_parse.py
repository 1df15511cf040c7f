"""Reading Lawtext into the records of legaldocs (private; see :mod:`legaldocs.formats.lawtext`).

One pass classifies every line (its indentation depth, its kind and its parts) the way the
reference implementation's line grammar does (yamachig/Lawtext, ``core/src/parser/cst``);
a recursive descent over the classified lines then builds the structure the way its
``std`` rules do: divisions, articles, paragraphs, items, tables, figures, notes, styles,
formats, remarks, supplementary provisions and appendices.

Blank lines carry no structure in Lawtext (the writer derives them), so they are skipped;
the round trip checks that they were where the writer puts them.
"""

from __future__ import annotations

import contextlib
import functools
import re
import string
import typing
from typing import NoReturn, cast

import attrs

from legaldocs.errors import ParseError
from legaldocs.formats._encoding import check_text
from legaldocs.model import (
    AmendProvision,
    AnyAppendix,
    Appdx,
    AppdxFig,
    AppdxFormat,
    AppdxNote,
    AppdxStyle,
    AppdxTable,
    Appendix,
    ArithFormula,
    Article,
    Block,
    BodyElement,
    Cell,
    Division,
    DivisionKind,
    Document,
    EnactStatement,
    Fig,
    FigStruct,
    FormatStruct,
    Item,
    ItemChild,
    ListBlock,
    NewProvisionChild,
    NoteStruct,
    Paragraph,
    Remarks,
    Row,
    Sentence,
    StyleStruct,
    Supplement,
    SupplProvisionAppdx,
    SupplProvisionAppdxStyle,
    SupplProvisionAppdxTable,
    Table,
    Toc,
    TocEntry,
)
from legaldocs.model._keys import DIVISION_PREFIX, article_key, number_key, repeated_key
from legaldocs.model._numbers import Num, item_label, parse_item_label
from legaldocs.model._numerals import KANJI_NUMERALS, read_int
from legaldocs.model._records import DIVISION_KINDS, split_related

__all__ = [
    "APPDX_CONTROLS",
    "APPDX_PATTERNS",
    "ART",
    "DIVISION_INDENT",
    "DIVISION_PREFIX",
    "OTH",
    "PIT",
    "SUPPL_APPDX_CONTROLS",
    "SUPPL_APPDX_PATTERNS",
    "amending",
    "article_label",
    "auto_level",
    "caption_of_line",
    "classify",
    "fullwidth",
    "is_title",
    "item_num",
    "parse",
    "remarks_label",
]

# --------------------------------------------------------------------------------------
# Line kinds (the reference's LineType)

BLANK, TBL, TOC, ARG, PIT, SPR, SPA, APP, ART, OTH = range(10)

_KD = KANJI_NUMERALS
_AD = "0123456789０１２３４５６７８９"
_IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセスン"  # noqa: E501
_CIRCLED = "⓪①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
_PAREN_NUMS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_WS = " 　\t"
_FULLWIDTH_DIGITS = "０１２３４５６７８９"

DIVISION_INDENT: dict[str, int] = {"編": 2, "章": 3, "節": 4, "款": 5, "目": 6}
"""Indentation depth (two spaces a level) of a division heading, by kind."""


_RANK = {kind: i for i, kind in enumerate(DIVISION_KINDS)}

_FRAG = (
    rf"(?:(?:[{_AD}]+|[a-zA-Zａ-ｚＡ-Ｚ])[.．]"
    rf"|[(（](?:[{_AD}]+|[{_IROHA}]|[{_KD}]+|[a-zA-Zａ-ｚＡ-Ｚ]+)[)）]"
    rf"|[{_AD}]+|[{_IROHA}]|[{_KD}]+|[a-zA-Zａ-ｚＡ-Ｚ]+|[{_CIRCLED}]|[{_PAREN_NUMS}])"
)
_CONN = "(?:、|及び|及ビ|及(?!至)|および|並びに|ならびに|又は|または|若しくは|もしくは)"
_PIT_ONE = rf"○?{_FRAG}(?:[のノ]{_FRAG})*"
_PIT_RANGE = rf"{_PIT_ONE}(?:から{_PIT_ONE}まで|(?:・|～|乃至){_PIT_ONE})?"
_PIT_TITLE_PATTERN = rf"{_PIT_RANGE}(?:{_CONN}{_PIT_RANGE})*"
"""The title of a paragraph or item as the reference reads one (``２``, ``一の二``, ``イ``,
``（１）``, ``一から三まで``, ``一及び二``): white space never, the first match the longest."""


@functools.cache
def _pit_title() -> re.Pattern[str]:
    """:data:`_PIT_TITLE_PATTERN`, compiled on first use: compiling it took most of the time
    importing the reader took, and the titles of real text are decided by their shape (see
    :func:`is_title`), so that most processes never compile it."""
    return re.compile(_PIT_TITLE_PATTERN)


_PIT_SPLIT: dict[int, re.Pattern[str]] = {}
_WS_RUN = re.compile(rf"[{_WS}]+")
_LETTERS = (
    string.ascii_letters
    + "".join(map(chr, range(0xFF21, 0xFF3B)))
    + "".join(map(chr, range(0xFF41, 0xFF5B)))
)  # (the character class a-zA-Zａ-ｚＡ-Ｚ)
_TITLE_START = frozenset(_AD + _KD + _IROHA + _CIRCLED + _PAREN_NUMS + _LETTERS + "(（")
"""The characters a title can start with (after ``○``)."""
_IN_PARENS_START = frozenset(_AD + _KD + _IROHA + _LETTERS)
_ONE_CHAR_FRAGMENT = _TITLE_START - {"(", "（"}
_TITLE_ALPHABET = _TITLE_START | set(
    ".．)）○のノ、及びビおよ並にらな又はまたも若しくからで・～乃至"
)
"""Every character a title can hold."""

PitParts: typing.TypeAlias = tuple[str, str | None, str | None]
"""The title of a paragraph or item line, the white space after it and the text after that
(None and None when the title ends the line)."""


def _pit_line(text: str) -> PitParts | None:
    """The groups of ``(title)(?:(white space)(text))?$`` matched on a line, the title as
    :data:`_PIT_TITLE_PATTERN` reads it, without compiling that pattern twice. A title never
    holds white space, so the whole pattern matches exactly when all before the first white
    space (or the whole line) is a title."""
    first = text[:1]
    if first not in _TITLE_START and (first != "○" or text[1:2] not in _TITLE_START):
        return None  # (most lines of text: no title starts so)
    if "\n" in text:
        return _pit_line_of_text(text)
    ws = _WS_RUN.search(text)
    if ws is None:
        return (text, None, None) if is_title(text) else None
    title = text[: ws.start()]
    if not is_title(title):
        return None
    return title, ws.group(), text[ws.end() :]


def _pit_line_of_text(text: str) -> PitParts | None:
    """:func:`_pit_line` of a text that holds line breaks (what is not a line of a file,
    as the writer asks of a caption): by the patterns themselves."""
    m = _pit_title().match(text)
    if m is None:
        return None
    end = m.end()
    if end < len(text) and text[end] not in _WS and text[end:] != "\n":
        return None
    split = _PIT_SPLIT.get(end)
    if split is None:
        split = _PIT_SPLIT[end] = re.compile(rf"(.{{{end}}})(?:([{_WS}]+)(.*))?$")
    m = split.match(text)
    return None if m is None else (m.group(1), m.group(2), m.group(3))


# (the patterns few texts need are compiled on first use: compiling is most of what importing
# the reader costs)


@functools.cache
def _standard_titles() -> tuple[re.Pattern[str], ...]:
    """The standard title of a paragraph (level 0), an item (1) and sub-items (2…)."""
    return (
        re.compile(rf"(?:○?[{_AD}]+|[{_CIRCLED}])$"),
        # (the reference's pattern for a standard item title also means branch numbers, but as
        # written it requires a "]" after them, so that only plain kanji numbers count: 一の二
        # takes :item:)
        re.compile(rf"[{_KD}]+$"),
        re.compile(rf"[{_IROHA}]$"),
        re.compile(rf"[(（](?:[{_KD}]+|[{_AD}]+)[)）]$"),
        re.compile(r"[(（][a-zA-Zａ-ｚＡ-Ｚ]+[)）]$"),
    )


_ART_NUM = rf"[{_KD}ニ{_AD}]+"
_ART_ONE = rf"第{_ART_NUM}[条條](?:[のノ]{_ART_NUM})*"
_ART_RANGE = rf"{_ART_ONE}(?:から{_ART_ONE}まで|(?:・|～|乃至){_ART_ONE})?"
_ART_TITLE_PATTERN = rf"{_ART_RANGE}(?:{_CONN}{_ART_RANGE})*"
"""The title of an article as the reference reads one (``第三条の二``, ``第五条から第七条まで``,
``第十一条及び第十二条``)."""
_ART_ONE_TITLE = re.compile(_ART_ONE)
"""How every article title starts, and all of it unless it names a range or a list: where
this does not match, :data:`_ART_TITLE_PATTERN` cannot; where a character follows its match
that no range or list word starts with (white space, の of 第四条の規定), that is the whole
title."""
_ART_MORE = frozenset("から・～乃至、及およ並ならび又はまたも若しく")
"""The characters the words that join the numbers of an article title start with (and more)."""


@functools.cache
def _art_title() -> re.Pattern[str]:
    """:data:`_ART_TITLE_PATTERN`, compiled on first use (few texts have an article whose title
    is a range or a list)."""
    return re.compile(_ART_TITLE_PATTERN)


def _article_title(text: str) -> re.Match[str] | None:
    """The match of :data:`_ART_TITLE_PATTERN` at the start of ``text``, with the whole
    pattern only when the title goes on past its first number."""
    m = _ART_ONE_TITLE.match(text)
    if m is not None and m.end() < len(text) and text[m.end()] in _ART_MORE:
        m = _art_title().match(text)  # (a range or a list: 第五条から第七条まで)
        assert m is not None  # (it starts as the shorter one does)
    return m


_ART_PARTS = re.compile(rf"({_ART_NUM})[条條]((?:[のノ]{_ART_NUM})*)")
_ARG_LINE = re.compile(
    rf"(:keep-indents:)?(第(?:[{_KD}]+|[{_AD}]+)([編章節款目])(?:[のノ](?:[{_KD}]+|[{_AD}]+))*)"
    rf"(?:([{_WS}]+)(.*))?$"
)
_SPR_LINE = re.compile(
    r"((?::keep-indents: ?)?(?::suppl-provision:)?)"
    r"([附付][ 　\t]*則|(?<=:)[^(（\n]+?)"
    r"(?:([ 　\t]*[（(])([^)）\n]+)([)）]))?([ 　\t]*抄)?$"
)
_ATTR = re.compile(r'\[([^ 　\t\]=]+)="([^ 　\t\]"]+)"\]')
_ATTRS_ONLY = re.compile(r'(?:\[[^ 　\t\]=]+="[^ 　\t\]"]+"\][ 　\t]*)+$')
_CONTROL = re.compile(r":([^:\n]+):")
_TBL = re.compile(r"(?:(\*)[ 　\t]*(?=[-*]))?([-*])([ 　\t]*)(.*)$")
_TOC_LABEL = re.compile(r"目[ 　\t]*次$")
_FIG = re.compile(r'<Fig src="([^"]*)"/>$')
AMENDING = re.compile(r".*?の一部を次のように(?:改正す|改め)る。$")
"""A paragraph whose text ends so introduces its amending provisions without a control tag."""
_AMENDING_ENDS = tuple(
    end + nl
    for end in ("の一部を次のように改正する。", "の一部を次のように改める。")
    for nl in ("", "\n")
)


def amending(text: str) -> bool:
    """Whether :data:`AMENDING` matches ``text``, without scanning the text when its end
    tells that it cannot (as for most)."""
    return text.endswith(_AMENDING_ENDS) and AMENDING.match(text) is not None


@functools.cache
def remarks_label() -> re.Pattern[str]:
    """The label that makes a line remarks without a control tag (``備考``, ``注``)."""
    return re.compile(r"(?:備\s*考|注)\s*$")


APPDX_PATTERNS: tuple[tuple[type[Appendix], re.Pattern[str]], ...] = (
    (AppdxFig, re.compile(r"[別付附]?図")),
    (AppdxStyle, re.compile(r"(?![付附]則)[^(（ 　\t\r\n]*様式")),
    (AppdxFormat, re.compile(r"(?![付附]則)[^(（ 　\t\r\n]*書式")),
    (AppdxTable, re.compile(r"[別付附]表")),
    (AppdxNote, re.compile(r"別[記紙]")),
    (Appdx, re.compile(r"[付附]録")),
)
"""How the reference recognises the kind of an appendix from its title (``# 別表第一``)."""

SUPPL_APPDX_PATTERNS: tuple[tuple[type[Appendix], re.Pattern[str]], ...] = (
    (SupplProvisionAppdx, re.compile(r"[付附]則[付附]録")),
    (SupplProvisionAppdxTable, re.compile(r"[付附]則[別付附]表")),
    (SupplProvisionAppdxStyle, re.compile(r"[付附]則[^(（ 　\t\r\n]*様式")),
)
"""The same for appendices of supplementary provisions (``# 附則別表第一``)."""

APPDX_CONTROLS: dict[type[Appendix], str] = {
    AppdxFig: ":appdx-fig:",
    AppdxStyle: ":appdx-style:",
    AppdxFormat: ":appdx-format:",
    AppdxTable: ":appdx-table:",
    AppdxNote: ":appdx-note:",
    Appdx: ":appdx:",
}
"""The control tag of each kind of appendix."""

SUPPL_APPDX_CONTROLS: dict[type[Appendix], str] = {
    SupplProvisionAppdx: ":suppl-provision-appdx:",
    SupplProvisionAppdxTable: ":suppl-provision-appdx-table:",
    SupplProvisionAppdxStyle: ":suppl-provision-appdx-style:",
}
"""The control tag of each kind of appendix of supplementary provisions."""

_APPDX_BY_CONTROL = {v[1:-1]: k for k, v in APPDX_CONTROLS.items()}
_SUPPL_APPDX_BY_CONTROL = {v[1:-1]: k for k, v in SUPPL_APPDX_CONTROLS.items()}
_PIT_CONTROLS = {"paragraph": 0, "item": 1} | {f"subitem{n}": n + 1 for n in range(1, 11)}
_ANONYM_CONTROLS = {"anonym-paragraph": 0, "anonym-item": 1} | {
    f"anonym-subitem{n}": n + 1 for n in range(1, 11)
}
_STRUCT_CONTROLS: dict[str, type[NoteStruct] | type[StyleStruct] | type[FormatStruct]] = {
    "note-struct": NoteStruct,
    "style-struct": StyleStruct,
    "format-struct": FormatStruct,
}


class _Line:
    """One classified line."""

    __slots__ = (
        "blank_before",
        "body",
        "control",
        "depth",
        "kind",
        "m",
        "no",
        "open_end",
        "pit",
        "rest",
    )

    def __init__(self, no: int, depth: int, kind: int, rest: str) -> None:
        self.no = no
        self.depth = depth
        self.kind = kind
        self.rest = rest
        self.control = ""  # the first control tag's name ('' when none; '#' for auto)
        self.body = rest  # the rest after the control tag
        self.m: re.Match[str] | None = None
        self.pit: PitParts | None = None  # a paragraph or item line's parts (see _pit_line)
        self.blank_before = False
        self.open_end = False  # the line as written ends with white space


# --------------------------------------------------------------------------------------
# Character references: the reference writer escapes the white space that ends the text of
# a line (and that begins or ends a table cell or a list entry) as ``&#x3000;``, ``&#x20;``
# or ``&#x9;`` (its ``sentencesArrayToString``), because white space there would read back
# as part of the line's layout; its reader decodes ``&#x…;`` and ``&#…;`` in text.


@functools.cache
def _refs() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A character reference; a run of them that ends a text; one that starts it."""
    return (
        re.compile(r"&#(x[0-9a-fA-F]+|[0-9]+);"),
        re.compile(r"(?:&#(?:x[0-9a-fA-F]+|[0-9]+);)+$"),
        re.compile(r"(?:&#(?:x[0-9a-fA-F]+|[0-9]+);)+"),
    )


def _decode_refs(run: str) -> str | None:
    """The white space a run of character references stands for, or None when one of
    them stands for something else (which the reference writer never escapes)."""
    out = []
    for m in _refs()[0].finditer(run):
        value = m.group(1)
        code = int(value[1:], 16) if value[0] == "x" else int(value)
        if code > 0x10FFFF or chr(code) not in _WS:
            return None
        out.append(chr(code))
    return "".join(out)


def escape_edges(text: str, *, start: bool = False) -> str:
    """``text`` with the white space at its end (and at its start when ``start``) written as
    character references, as the reference writer does; the inverse of the reader's
    decoding. Text is returned as is when it has none (the common case)."""
    if text and text[-1] in _WS:
        body = text.rstrip(_WS)
        text = body + "".join(f"&#x{ord(c):x};" for c in text[len(body) :])
    if start and text and text[0] in _WS:
        body = text.lstrip(_WS)
        text = "".join(f"&#x{ord(c):x};" for c in text[: len(text) - len(body)]) + body
    return text


def has_char_ref(text: str) -> bool:
    """Whether ``text`` holds something the reader would decode as a character reference
    (``&#x3000;``): such text cannot be written as it is."""
    return "&#" in text and _refs()[0].search(text) is not None


def _decode_line(no: int, raw: str, source: str | None) -> str:
    """A line (not a table or list line) with the references that end it decoded.

    Raises ParseError for a reference anywhere else or for anything but white space."""
    char_ref, refs_end, _ = _refs()
    m = refs_end.search(raw)
    start = m.start() if m is not None else len(raw)
    decoded = _decode_refs(m.group(0)) if m is not None else ""
    stray = char_ref.search(raw, 0, start)
    if decoded is None or stray is not None:
        column = (stray.start() if stray is not None else start) + 1
        raise ParseError(
            "a character reference (&#x…;) stands only for white space at the end of a line "
            "or at either end of a table cell: this one cannot be kept",
            line=no + 1,
            column=column,
            source=source,
        )
    return raw[:start] + decoded


def _cell_text(r: _Reader, line: _Line, text: str, column: int) -> str:
    """The text of a table cell, a cell line or a list entry, with the references at its
    edges decoded (``column``: where ``text`` starts on the line, for errors)."""
    if line.open_end and text:
        r.fail(line, "white space at the end of a cell is written &#x3000; (&#x20;)", column)
    if "&#" not in text:
        return text
    char_ref, refs_end, refs_start = _refs()
    head = refs_start.match(text)
    lead = head.end() if head is not None else 0
    tail = refs_end.search(text, lead)
    end = tail.start() if tail is not None else len(text)
    stray = char_ref.search(text, lead, end)
    before = _decode_refs(text[:lead])
    after = _decode_refs(text[end:])
    if stray is not None or before is None or after is None:
        where = stray.start() if stray is not None else (0 if before is None else end)
        r.fail(
            line,
            "a character reference (&#x…;) stands only for white space at either end of "
            "a table cell or a line: this one cannot be kept",
            column + where,
        )
    return before + text[lead:end] + after


def _text(r: _Reader, line: _Line, text: str) -> str:
    """Text that runs to the end of its line, checked: white space the line ends with as
    written is layout (the reference writer escapes it in text), so text cannot end so."""
    if line.open_end and text:
        r.fail(
            line,
            "white space at the end of a line's text is written &#x3000; (&#x20;): "
            "as written it cannot be kept",
            len(line.rest) + line.depth * 2,
        )
    return text


def classify(no: int, line: str) -> _Line:
    """Classify one line (without its line break)."""
    if line[:1] == " ":
        i = len(line) - len(line.lstrip(" "))
        i -= i & 1
        rest = line[i:]
        depth = i >> 1
    else:
        depth = 0
        rest = line
    if not rest:
        return _Line(no, depth, BLANK, rest)
    first = rest[0]
    if first in "*-":
        m = _TBL.match(rest)
        if m:
            out = _Line(no, depth, TBL, rest)
            out.m = m
            return out
    if first == ":":
        cm = _CONTROL.match(rest)
        if cm:
            name = cm.group(1)
            out = _Line(no, depth, OTH, rest)
            out.control = name
            out.body = rest[cm.end() :]
            if name == "toc":
                out.kind = TOC
            elif name in _PIT_CONTROLS or name in _ANONYM_CONTROLS:
                out.kind = PIT
            elif name in _APPDX_BY_CONTROL:
                out.kind = APP
            elif name in _SUPPL_APPDX_BY_CONTROL:
                out.kind = SPA
            elif name in ("keep-indents", "suppl-provision"):
                # (a division heading quoted by an amending provision keeps its indents)
                m = _ARG_LINE.match(rest) if name == "keep-indents" else None
                if m:
                    out.kind = ARG
                    out.m = m
                else:
                    m = _SPR_LINE.match(rest)
                    if m:
                        out.kind = SPR
                        out.m = m
            return out
    if first == "#" and rest.startswith("# "):
        body = rest[2:]
        out = _Line(no, depth, OTH, rest)
        out.control = "#"
        out.body = body
        for _cls, ptn in SUPPL_APPDX_PATTERNS:
            if ptn.match(body):
                out.kind = SPA
                out.m = None
                return out
        for _cls, ptn in APPDX_PATTERNS:
            if ptn.match(body):
                out.kind = APP
                return out
        if _pit_line(body) is not None:
            out.kind = PIT
            return out
        return out
    if depth == 0 and first == "目" and _TOC_LABEL.match(rest):
        return _Line(no, depth, TOC, rest)
    if first == "第":
        m = _ARG_LINE.match(rest)
        if m:
            out = _Line(no, depth, ARG, rest)
            out.m = m
            return out
    else:
        pit = _pit_line(rest)
        if pit is not None:
            out = _Line(no, depth, PIT, rest)
            out.pit = pit
            return out
        if first in "附付":
            m = _SPR_LINE.match(rest)
            if m:
                out = _Line(no, depth, SPR, rest)
                out.m = m
                return out
        return _Line(no, depth, OTH, rest)
    m = _article_title(rest)
    if m:
        end = m.end()
        if end == len(rest) or rest[end] in _WS:
            out = _Line(no, depth, ART, rest)
            out.m = m
            return out
    return _Line(no, depth, OTH, rest)


# --------------------------------------------------------------------------------------
# Numbers


_TITLES: dict[str, bool] = {}


def is_title(title: str) -> bool:
    """Whether ``title`` reads as a paragraph or item title without a control tag."""
    found = _TITLES.get(title)
    if found is None:
        found = _title_shape(title)
        if found is None:
            found = _pit_title().fullmatch(title) is not None
        if len(_TITLES) < 100_000 and len(title) <= 40:
            _TITLES[title] = found
    return found


def _title_shape(title: str) -> bool | None:
    """Whether ``title`` is a title where its shape alone tells, without the pattern: the
    common titles are (``２``, ``一``, ``イ``, ``（１）``, ``一の二``, ``一から三まで``,
    ``一及び二``), text that no title can start or spell is not (``（目的）``); None for the
    rest."""
    q = title[1:] if title[:1] == "○" else title
    if not q or q[0] not in _TITLE_START:
        return False
    if q[0] in "(（" and (len(q) < 2 or q[1] not in _IN_PARENS_START):
        return False
    if not _TITLE_ALPHABET.issuperset(q):
        return False
    if _one_shape(q):
        return True
    if q.endswith("まで") and "から" in q:
        head, _, tail = title[:-2].partition("から")
        return True if _one_shape(head) and _one_shape(tail) else None
    for joint in ("及び", "・", "～", "、", "乃至", "又は", "若しくは", "並びに"):
        if joint in q:
            # (each part a title: ONE joint ONE is a range, or a list of them)
            parts = title.split(joint)
            if len(parts) == 2 or joint not in ("・", "～", "乃至"):
                return True if all(map(_one_shape, parts)) else None
            return None
    return None


def _one_shape(text: str) -> bool:
    """Whether ``text`` is one number of a title as the shape tells (``○``, fragments of one
    kind of digits joined by の); False also where only the pattern could tell."""
    q = text[1:] if text[:1] == "○" else text
    if not q:
        return False
    for part in q.replace("ノ", "の").split("の") if len(q) > 1 else (q,):
        if not part or not (
            (len(part) == 1 and part in _ONE_CHAR_FRAGMENT)
            or not part.strip(_AD)
            or not part.strip(_KD)
            or not part.strip(_LETTERS)
            or (
                len(part) > 1
                and part[-1] in ".．"
                and (not part[:-1].strip(_AD) or (len(part) == 2 and part[0] in _LETTERS))
            )
            or (
                len(part) > 2
                and part[0] in "(（"
                and part[-1] in ")）"
                and (
                    not part[1:-1].strip(_AD)
                    or not part[1:-1].strip(_KD)
                    or not part[1:-1].strip(_LETTERS)
                    or (len(part) == 3 and part[1] in _IROHA)
                )
            )
        ):
            return False
    return True


def _read_num(text: str) -> int:
    return read_int(text.replace("ニ", "二"))


_ARTICLE_LABELS: dict[tuple[tuple[int, ...], tuple[int, ...] | None], str] = {}


def article_label(num: Num, until: Num | None) -> str:
    """The standard title of an article (``第三条の二``, ``第五条から第七条まで``)."""
    # (the caches of numbers are keyed by their parts: tuples hash and compare in C)
    key = (num.parts, None if until is None else until.parts)
    head = _ARTICLE_LABELS.get(key)
    if head is None:
        head = "第" + _kanji_num(num, "条")
        if until is not None:
            head += "から第" + _kanji_num(until, "条") + "まで"
        if len(_ARTICLE_LABELS) < 100_000:
            _ARTICLE_LABELS[key] = head
    return head


def _kanji_num(num: Num, unit: str) -> str:
    parts = num.kanji().split("の")
    return parts[0] + unit + "".join("の" + p for p in parts[1:])


_ARTICLE_HEADS: dict[str, tuple[Num, Num | None, str | None, str]] = {}


def _article_head(title: str) -> tuple[Num, Num | None, str | None, str]:
    """The number of an article title as written, the end of its range, its label (None
    for the standard title) and its key."""
    found = _ARTICLE_HEADS.get(title)
    if found is None:
        num, until = _read_article_num(title)
        label = None if title == article_label(num, until) else title
        found = _ARTICLE_HEADS[title] = (num, until, label, article_key(num))
        if len(_ARTICLE_HEADS) > 100_000:
            _ARTICLE_HEADS.clear()
    return found


def _read_article_num(title: str) -> tuple[Num, Num | None]:
    nums = []
    for m in _ART_PARTS.finditer(title):
        parts = [_read_num(m.group(1))]
        parts.extend(_read_num(p) for p in re.split("[のノ]", m.group(2))[1:])
        nums.append(Num(tuple(parts)))
    return nums[0], (nums[-1] if len(nums) > 1 else None)


_LABEL_START = re.compile(r"^(.+?)(?:から|及び|・|、)")


_ITEM_NUMS: dict[tuple[str, int], tuple[Num, str | None]] = {}


def item_num(label: str, depth: int, position: int) -> tuple[Num, str | None]:
    """The number of an item and its label when the label is not the standard one."""
    found = _ITEM_NUMS.get((label, depth))
    if found is not None:
        return found
    try:
        try:
            num, _ = parse_item_label(label)
        except ValueError:
            num, _ = parse_item_label(label.replace("ノ", "の"))
    except ValueError:
        m = _LABEL_START.match(label)
        num = _of(position)
        if m:
            with contextlib.suppress(ValueError):
                num, _ = parse_item_label(m.group(1))
        return num, None if item_label(num, depth, "kanji") == label else label
    found = (num, None if item_label(num, depth, "kanji") == label else label)
    if len(_ITEM_NUMS) < 100_000:
        _ITEM_NUMS[(label, depth)] = found
    return found


_SMALL = [Num.of(max(n, 1)) for n in range(256)]  # (index 0 unused)
_FULLWIDTH: dict[tuple[int, ...], str] = {}


def fullwidth(num: Num) -> str:
    """``num`` in full-width digits (``１０``), cached."""
    text = _FULLWIDTH.get(num.parts)
    if text is None:
        text = num.fullwidth()
        if len(_FULLWIDTH) < 100_000:
            _FULLWIDTH[num.parts] = text
    return text


def _of(n: int) -> Num:
    return _SMALL[n] if 0 < n < 256 else Num.of(n)


def _paragraph_num(label: str, position: int) -> Num:
    if len(label) == 1 and label in _FULLWIDTH_DIGITS and label != "０":
        return _SMALL[_FULLWIDTH_DIGITS.index(label)]
    text = label.lstrip("○")
    if text and text[0] in _CIRCLED:
        return _of(_CIRCLED.index(text[0]) or position)
    try:
        return Num.of(_read_num(text))
    except ValueError:
        return _of(position)


def _attrs(text: str) -> tuple[tuple[tuple[str, str], ...], str]:
    """Leading ``[Name="value"]`` attributes (and the white space after each) of a text."""
    out: list[tuple[str, str]] = []
    pos = 0
    while True:
        m = _ATTR.match(text, pos)
        if not m:
            break
        out.append((m.group(1), m.group(2)))
        pos = m.end()
        while pos < len(text) and text[pos] in _WS:
            pos += 1
    return tuple(out), text[pos:]


# --------------------------------------------------------------------------------------
# The reader


class _Reader:
    __slots__ = ("blank_before", "i", "lines", "n", "source")

    def __init__(self, lines: list[_Line], source: str | None) -> None:
        self.lines = lines
        self.n = len(lines)
        self.source = source
        self.i = 0

    def fail(self, line: _Line | None, message: str, column: int | None = None) -> NoReturn:
        if line is None:  # at the end: the line after the last one read
            after = self.lines[-1].no + 2 if self.lines else 1
            raise ParseError(
                f"{message} (at the end of the text)", line=after, column=1, source=self.source
            )
        if column is None:
            column = line.depth * 2 + 1
        raise ParseError(message, line=line.no + 1, column=column, source=self.source)

    def peek(self) -> _Line | None:
        return self.lines[self.i] if self.i < self.n else None


def parse(text: str, source: str | None) -> Document:
    """Parse a whole Lawtext text (see :func:`legaldocs.formats.lawtext.parse_lawtext`)."""
    check_text(text, source)
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        raise ParseError(
            "carriage return found: Lawtext lines end with LF only (convert CRLF first)",
            line=line,
            source=source,
        )
    if not text:
        raise ParseError(
            "empty text: expected the title of the law", line=1, column=1, source=source
        )
    if not text.endswith("\n"):
        raise ParseError(
            "expected a line break at the end of the text",
            line=text.count("\n") + 1,
            source=source,
        )
    lines: list[_Line] = []
    blank = False
    for no, raw in enumerate(text[:-1].split("\n")):
        if not raw:
            blank = True
            continue
        c = classify(no, raw)
        if "&#" in raw and c.kind != TBL:
            c = classify(no, _decode_line(no, raw, source))
        elif raw and raw[-1] in _WS:
            c.open_end = True
        if c.kind == BLANK:
            if raw:
                raise ParseError(
                    "a line of white space only cannot be kept",
                    line=no + 1,
                    column=1,
                    source=source,
                )
            blank = True
            continue
        if c.rest[0] in " 　\t":
            raise ParseError(
                "indentation other than pairs of ASCII spaces cannot be kept",
                line=no + 1,
                column=len(raw) - len(raw.lstrip(" 　\t")) + 1,
                source=source,
            )
        c.blank_before = blank
        blank = False
        lines.append(c)
    r = _Reader(lines, source)
    return _document(r)


def _document(r: _Reader) -> Document:
    law_attrs: list[tuple[str, str]] = []
    while (
        (line := r.peek()) is not None and line.kind == OTH and line.depth == 0 and not line.control
    ):
        if not _ATTRS_ONLY.match(line.rest):
            break
        pairs, _ = _attrs(line.rest)
        law_attrs.extend(pairs)
        r.i += 1
    line = r.peek()
    if line is None:
        r.fail(None, "expected the title of the law")
    if line.depth != 0 or line.control:
        r.fail(line, "expected the title of the law")
    title = line.rest
    r.i += 1
    law_num = None
    line = r.peek()
    if (
        line is not None
        and line.kind == OTH
        and line.depth == 0
        and not line.control
        and line.rest.startswith("（")
        and line.rest.endswith("）")
        and split_related(line.rest) == ("", line.rest)
    ):
        law_num = line.rest[1:-1]
        r.i += 1
    line = r.peek()
    if line is not None and not line.blank_before:
        r.fail(line, "expected a blank line after the title and law number")
    enact: list[EnactStatement] = []
    while (line := r.peek()) is not None and line.control == "enact-statement":
        enact.append(EnactStatement(key=f"e{len(enact) + 1}", text=_text(r, line, line.body)))
        r.i += 1
    toc = None
    line = r.peek()
    if line is not None and line.kind == TOC:
        toc = _toc(r)
    preamble: tuple[Paragraph, ...] = ()
    line = r.peek()
    if line is not None and line.control == "preamble":
        preamble = _preamble(r)
    body = _body(r, in_supplement=False)
    supplements: list[Supplement] = []
    appendices: list[AnyAppendix] = []
    places: list[int] = []
    while (line := r.peek()) is not None:
        if line.kind == SPR:
            supplement = _supplement(r, len(supplements) + 1)
            if not supplement.body and not supplement.appendices:  # none in 14,506 laws
                r.fail(line, "a 附則 with nothing under it (its heading written twice?)")
            supplements.append(supplement)
        elif line.kind == APP:
            appendices.append(_appendix(r, f"appdx{len(appendices) + 1}"))
            places.append(len(supplements))
        else:
            r.fail(line, "expected supplementary provisions (附則) or an appendix (別表 …)")
    return Document(
        title=title,
        law_num=law_num,
        law_attrs=tuple(law_attrs),
        enact_statements=tuple(enact),
        preamble=preamble,
        toc=toc,
        body=body,
        supplements=tuple(supplements),
        appendices=tuple(appendices),
        appendix_places=() if all(p == len(supplements) for p in places) else tuple(places),
    )


def _toc(r: _Reader) -> Toc:
    head = r.lines[r.i]
    title = head.body if head.control else head.rest
    r.i += 1
    root: list[TocEntry] = []
    stack: list[tuple[str, list[TocEntry]]] = []
    pending: list[list[TocEntry]] = [root]

    def close(depth: int) -> None:
        while len(stack) > depth:
            entry_text, children = stack.pop()
            pending.pop()
            pending[-1].append(TocEntry(text=entry_text, children=tuple(children)))

    while (line := r.peek()) is not None and line.depth >= 1 and not line.blank_before:
        depth = line.depth
        if depth > len(stack) + 1:
            r.fail(line, "table-of-contents entry indented too deep")
        close(depth - 1)
        children: list[TocEntry] = []
        stack.append((line.rest, children))
        pending.append(children)
        r.i += 1
    close(0)
    return Toc(title=title, entries=tuple(root))


def _preamble(r: _Reader) -> tuple[Paragraph, ...]:
    r.i += 1
    out: list[Paragraph] = []
    while (line := r.peek()) is not None and line.depth == 1 and line.kind in (OTH, PIT):
        if (line.kind == OTH and line.control) or (out and line.blank_before):
            break
        position = len(out) + 1
        if line.kind == PIT:
            out.append(_loose_paragraph(r, f"pre{position}", position, None))
        else:
            r.i += 1
            out.append(
                Paragraph(
                    key=f"pre{position}",
                    num=_of(position),
                    text=_text(r, line, line.rest),
                    anonymous=True,
                    children=_children(r, 2),
                )
            )
    if not out:
        r.fail(r.peek(), "expected preamble paragraphs indented by two spaces after :preamble:")
    return tuple(out)


class _Open:
    __slots__ = ("children", "key", "kind", "label", "num", "title")

    def __init__(
        self, key: str, kind: DivisionKind, num: Num, title: str, label: str | None
    ) -> None:
        self.key = key
        self.kind = kind
        self.num = num
        self.title = title
        self.label = label
        self.children: list[Division | Article] = []

    def close(self) -> Division:
        return Division(
            key=self.key,
            kind=self.kind,
            num=self.num,
            title=self.title,
            children=tuple(self.children),
            label=self.label,
        )


def caption_of_line(text: str) -> bool:
    """Whether ``text``, alone on a line indented once, reads back as a caption."""
    line = classify(0, "  " + text)
    return _caption_of(line) == text


def _caption_of(line: _Line, base: int = 0) -> str | None:
    """The caption a line holds if it is one (``  （目的）`` or ``  :caption:…``), indented
    once more than the article at ``base``."""
    if line.depth != base + 1:
        return None
    if line.control == "caption":
        return line.body
    if line.kind == OTH and not line.control:
        text = line.rest
        if (
            text.startswith(("（", "("))
            and text.endswith(("）", ")"))
            and (text.count("（") + text.count("(") == 1 or split_related(text)[0] == "")
        ):
            return text
    if line.kind == PIT and not line.control and line.rest[-1] == "）":
        # (（ＶＯＲ）: a caption that reads as a bare sub-item title; it is a caption only
        # where one can stand, right above an article or a paragraph)
        assert line.pit is not None
        text = line.rest
        if line.pit[1] is None and _letter_caption().match(text):
            return text
    return None


@functools.cache
def _letter_caption() -> re.Pattern[str]:
    return re.compile(r"（[ａ-ｚＡ-Ｚ]{2,}）$")


def _body(r: _Reader, *, in_supplement: bool) -> tuple[BodyElement, ...]:
    top: list[BodyElement] = []
    stack: list[_Open] = []
    used: set[str] = set()
    seen: dict[str, int] = {}
    count = 0

    def close_to(rank: int) -> None:
        while stack and _RANK[stack[-1].kind] >= rank:
            done = stack.pop().close()
            if stack:
                stack[-1].children.append(done)
            else:
                top.append(done)

    lines = r.lines
    while r.i < r.n:
        line = lines[r.i]
        kind = line.kind
        if kind in (SPR, APP, SPA):
            break
        caption = _caption_of(line)
        if caption is not None:
            nxt = lines[r.i + 1] if r.i + 1 < r.n else None
            if nxt is None or nxt.depth != 0 or nxt.kind not in (ART, PIT):
                r.fail(line, "caption not followed by an article or a paragraph")
            r.i += 1
            line = nxt
            kind = line.kind
        if kind == ARG:
            assert line.m is not None
            dkind: DivisionKind = line.m.group(3)  # type: ignore[assignment]
            if caption is not None:
                r.fail(line, "a division heading cannot follow a caption")
            if line.depth != DIVISION_INDENT[dkind] or line.m.group(1):
                r.fail(
                    line, f"a {dkind} heading is indented by {DIVISION_INDENT[dkind] * 2} spaces"
                )
            written = line.m.group(2)
            num, label = _division_num(written, dkind)
            close_to(_RANK[dkind])
            prefix = stack[-1].key + "." if stack else ""
            key = prefix + number_key(DIVISION_PREFIX[dkind], num)
            if key in used:
                r.fail(line, f"division {key!r} appears twice")
            used.add(key)
            title = line.m.group(5) or ""
            if line.m.group(4) not in (None, "　") or (line.m.group(4) and not title):
                r.fail(line, "expected one full-width space and a title after the division number")
            stack.append(_Open(key, dkind, num, title, label))
            r.i += 1
            continue
        if line.depth != 0:
            r.fail(line, "unexpected indentation: expected an article, a paragraph or a heading")
        if kind == ART:
            article = _article(r, caption)
            if article.key in seen:  # (two articles with one number, as written)
                article = attrs.evolve(article, key=repeated_key(article.key, seen))
            else:
                seen[article.key] = 1
            used.add(article.key)
            (stack[-1].children if stack else top).append(article)
            continue
        if kind == OTH and not line.control:
            # (in 附則 a lone paragraph may open with an article's name: 第四条の規定は…)
            if not in_supplement and (head := _article_title(line.rest)):
                r.fail(
                    line,
                    "expected a full-width space (U+3000) after the article number",
                    head.end() + 1,
                )
            if any(isinstance(e, Paragraph) for e in top) or _more_body(r):
                r.fail(
                    line,
                    "expected an article, a numbered paragraph or a heading (a line of text "
                    "stands alone only as the single paragraph of a body)",
                )
        if kind == PIT or (kind == OTH and not line.control):
            if stack:
                r.fail(line, "a paragraph outside an article cannot stand inside a division")
            count += 1
            tight = bool(top) and caption is None and not line.blank_before
            paragraph = _loose_paragraph(r, None, count, caption)
            if tight:
                paragraph = attrs.evolve(paragraph, tight=True)
            if paragraph.key in used:
                # an unnumbered paragraph took the key of a numbered one, or two paragraphs
                # have one number as written (329M50000002040, 附則 of 2014): keys stay unique
                paragraph = attrs.evolve(paragraph, key=f"{paragraph.key}x{count}")
            used.add(paragraph.key)
            top.append(paragraph)
            continue
        r.fail(line, f"unexpected line here: {line.rest[:20]!r}")
    close_to(0)
    return tuple(top)


def _more_body(r: _Reader) -> bool:
    """Whether the body holds another paragraph outside articles after the current line
    (numbered lines right after an article are its own paragraphs: a supplement may hold
    one plain paragraph and articles, as 326M50000800067 of 1996 does)."""
    lines = r.lines
    k = r.i + 1
    in_article = False
    while k < r.n and lines[k].kind not in (SPR, APP, SPA):
        line = lines[k]
        if line.depth == 0:
            if line.kind == ART:
                in_article = True
            elif line.kind == PIT and in_article:
                pass
            elif line.kind in (PIT, OTH) and not line.control:
                return True
            else:
                in_article = False
        k += 1
    return False


def _division_num(written: str, kind: str) -> tuple[Num, str | None]:
    body = written[1:]
    head, _, tail = body.partition(kind)
    parts = [_read_num(head)]
    parts.extend(_read_num(p) for p in re.split("[のノ]", tail)[1:])
    num = Num(tuple(parts))
    standard = "第" + _kanji_num(num, kind)
    return num, (None if standard == written else written)


def _article(r: _Reader, caption: str | None, base: int = 0) -> Article:
    """An article whose line is indented ``base`` times (more than none when an amending
    provision quotes it)."""
    line = r.lines[r.i]
    assert line.m is not None
    title = line.m.group(0)
    try:
        num, until, label, key = _article_head(title)
    except ValueError as error:  # 第一二十七条: not a numeral
        r.fail(line, f"cannot read the number of the article title {title!r}: {error}")
    rest = line.rest[len(title) :]
    space = ""
    if rest:
        stripped = rest.lstrip(_WS)
        space = rest[: len(rest) - len(stripped)]
        if space.strip("　"):
            r.fail(
                line,
                "expected one full-width space (U+3000) after the article number",
                len(title) + 1,
            )
        # (more full-width spaces begin the text: the reference writes title, U+3000, text)
        rest = space[1:] + stripped
        if line.open_end and rest:
            _text(r, line, rest)
        space = space[:1]
    r.i += 1
    if until is not None and until <= num:
        r.fail(line, "the end of an article range must come after its start")
    if rest == "削除" and not _has_children(r, base + 1) and not _next_paragraph(r, base):
        return Article(key=key, num=num, caption=caption, deleted=True, until=until, label=label)
    if until is not None and label is None:
        r.fail(line, "an article range (第…条から第…条まで) must be 削除")
    paragraphs: list[Paragraph] = []
    if space or _has_children(r, base + 1) or not _next_paragraph(r, base):
        paragraphs.append(
            Paragraph(
                key="p1",
                num=_SMALL[1],
                text=rest,
                children=_children(r, base + 1, 1, rest, in_article=True, base=base),
            )
        )
    else:
        # 第一条 alone on its line: the first paragraph carries its own number (１).
        paragraphs.append(_article_paragraph(r, 1, first=True, base=base))
    keys = {paragraphs[0].key}
    while True:
        # a caption between two paragraphs of an article is the next paragraph's own
        # (XML ParagraphCaption): an article cannot be followed by a loose paragraph
        nxt = r.peek()
        paragraph_caption = None
        if (
            nxt is not None
            and nxt.depth == base + 1
            and r.i + 1 < r.n
            and r.lines[r.i + 1].depth == base
            and r.lines[r.i + 1].kind == PIT
        ):
            paragraph_caption = _caption_of(nxt, base)
        if paragraph_caption is not None:
            r.i += 1
        elif not _next_paragraph(r, base) or _after_blank(r, base):
            break
        paragraph = _article_paragraph(r, len(paragraphs) + 1, first=False, base=base)
        if paragraph_caption is not None:
            paragraph = attrs.evolve(paragraph, caption=paragraph_caption)
        if paragraph.key in keys:
            paragraph = attrs.evolve(paragraph, key=f"{paragraph.key}x{len(paragraphs) + 1}")
        keys.add(paragraph.key)
        paragraphs.append(paragraph)
    suppl_note = None
    nxt = r.peek()
    if nxt is not None and nxt.depth == base and nxt.control == "suppl-note":
        suppl_note = _text(r, nxt, nxt.body)
        r.i += 1
    return Article(
        key=key,
        num=num,
        caption=caption,
        paragraphs=tuple(paragraphs),
        until=until,
        label=label,
        suppl_note=suppl_note,
    )


def _after_blank(r: _Reader, base: int) -> bool:
    """Whether the paragraph line at hand stands after a blank line that follows a line of
    text of the article (its title line, a paragraph or an item): the writer leaves none
    there, so it is a paragraph outside the article (335M50000400011 has paragraphs ２ and
    ３ after 附則第五条, as its XML does)."""
    line = r.lines[r.i]
    if not line.blank_before:
        return False
    before = r.lines[r.i - 1]
    return before.kind in (ART, PIT) and before.depth <= base + 1


def _next_paragraph(r: _Reader, base: int = 0) -> bool:
    line = r.peek()
    return line is not None and line.depth == base and line.kind == PIT


def _has_children(r: _Reader, depth: int) -> bool:
    line = r.peek()
    return (
        line is not None
        and line.depth >= depth
        and line.kind not in (ARG, SPR)
        and not (line.depth == depth and _caption_of(line, depth - 1) is not None)
    )


def _pit_parts(r: _Reader, line: _Line) -> tuple[int | None, str, str, bool]:
    """The tag level (0 paragraph, 1 item, 2… sub-items; None: by context), title, text
    and whether the line carried a control tag.

    A line that ends with a full-width space as written ends with the space between a
    title and an empty sentence (the writer escapes white space that ends text): after an
    explicit tag (``:item:二　書類の名称　``) all before it is the title, as in the XML
    (``<ItemTitle>二　書類の名称</ItemTitle>``)."""
    if not line.open_end:
        pit = line.pit
        if pit is not None and pit[1] == "　":  # (the common case: 第…　text, ２　text)
            return None, pit[0], pit[2] or "", False
        return _pit_parts_of(r, line)
    level, title, text, control = _pit_parts_of(r, line)
    if text:
        body = line.body
        if line.control in _PIT_CONTROLS and body.endswith("　") and body[-2:-1] not in ("", *_WS):
            return level, body[:-1], "", True
        _text(r, line, text)
    return level, title, text, control


def _pit_parts_of(r: _Reader, line: _Line) -> tuple[int | None, str, str, bool]:
    if line.control:
        name = line.control
        if name in _ANONYM_CONTROLS:
            return _ANONYM_CONTROLS[name], "", line.body, True
        body = line.body
        if name == "#":
            pit = _pit_line(body)
            if pit is None:
                r.fail(line, "expected a paragraph or item title after the control tag")
            return None, pit[0], _after_space(r, line, body[len(pit[0]) :]), True
        level = _PIT_CONTROLS[name]
        ws = _WS_RUN.search(body)
        title = body if ws is None else body[: ws.start()]
        if not is_title(title):
            # an explicit control tag takes any title up to white space
            end = 0
            while end < len(body) and body[end] not in _WS:
                end += 1
            if end == 0:
                # a title of full-width spaces (XML <ItemTitle>　</ItemTitle>, as in
                # 324M50004000016): all of them but the one before the text
                spaces = len(body) - len(body.lstrip("　"))
                if spaces < 2:
                    r.fail(line, "expected a title after the control tag (or :anonym-…: for none)")
                return level, body[: spaces - 1], body[spaces:], True
            return level, body[:end], _after_space(r, line, body[end:]), True
        return level, title, _after_space(r, line, body[len(title) :]), True
    assert line.pit is not None
    title, space, text = line.pit
    if space is None:
        return None, title, "", False
    if space != "　":
        if space.strip("　"):
            r.fail(line, "expected one full-width space (U+3000) after the number", len(title) + 1)
        # (more full-width spaces begin the text: the reference writes title, U+3000, text)
        text = space[1:] + (text or "")
    return None, title, text or "", False


def _tagged(line: _Line, control: bool, title: str, level: int, default: int | None) -> bool:
    """Whether an item carries an explicit ``:item:`` tag its title would not need."""
    if not control or line.control == "#" or line.control in _ANONYM_CONTROLS:
        return False
    return (level == default and is_title(title)) or auto_level(title) == level


def _after_space(r: _Reader, line: _Line, rest: str) -> str:
    if not rest:
        return ""
    if rest[0] != "　" or (len(rest) > 1 and rest[1] in " \t"):
        r.fail(line, "expected one full-width space (U+3000) after the number")
    return rest[1:]


_STANDARD_PARAGRAPHS: dict[str, tuple[Num, str]] = {}
"""The number and key of a paragraph title that is the standard one (``２``), read once."""


def _article_paragraph(r: _Reader, position: int, *, first: bool, base: int = 0) -> Paragraph:
    line = r.lines[r.i]
    pit = line.pit
    if pit is not None and not first and pit[1] == "　" and pit[2] and not line.open_end:
        # (the common line, ２　text, as the general path below reads it)
        found = _STANDARD_PARAGRAPHS.get(pit[0])
        if found is not None:
            r.i += 1
            text = pit[2]
            return Paragraph(
                key=found[1],
                num=found[0],
                text=text,
                children=_children(r, base + 1, 1, text, in_article=True, base=base),
            )
    level, title, text, control = _pit_parts(r, line)
    if level not in (None, 0):
        r.fail(line, "expected a paragraph of the article")
    r.i += 1
    if control and line.control == "anonym-paragraph":
        attrs, text = _attrs(text)
        if attrs != (("MissingNum", "true"),):
            r.fail(line, 'an unnumbered paragraph of an article is written [MissingNum="true"]')
        num = _of(position)
        label: str | None = ""
    elif _long_title(line, title, text):
        # (:paragraph:２　本文。　: the whole is the number as written, XML ParagraphNum)
        num = _paragraph_num(title.partition("　")[0], position)
        label = title
    elif control and (line.control != "paragraph" or first or not is_title(title)):
        r.fail(line, "unexpected control tag on a paragraph of an article")
    else:
        num = _paragraph_num(title, position)
        label = None if (not first and title == fullwidth(num)) else title
    key = f"p{position}" if label == "" else number_key("p", num)
    if label is None and not control and len(_STANDARD_PARAGRAPHS) < 100_000:
        _STANDARD_PARAGRAPHS[title] = (num, key)
    return Paragraph(
        key=key,
        num=num,
        text=text,
        children=_children(r, base + 1, 1, text, in_article=True, base=base),
        label=label,
        tagged=line.control == "paragraph" and is_title(title),
        spaced=not text and line.rest.endswith("　"),
    )


def _long_title(line: _Line, title: str, text: str) -> bool:
    """Whether ``title`` holds more than a number: an explicit tag, then all up to the
    full-width space that ends the line (see :func:`_pit_parts`)."""
    return line.control == "paragraph" and line.open_end and not text and "　" in title


def _loose_paragraph(r: _Reader, key: str | None, position: int, caption: str | None) -> Paragraph:
    line = r.lines[r.i]
    depth = line.depth
    r.i += 1
    if line.kind == OTH:
        return Paragraph(
            key=key or f"p{position}",
            num=_of(position),
            text=_text(r, line, line.rest),
            children=_children(r, depth + 1, 1, line.rest),
            anonymous=True,
            caption=caption,
            plain=True,
        )
    level, title, text, control = _pit_parts(r, line)
    if level not in (None, 0):
        r.fail(line, "expected a paragraph")
    if control and line.control == "anonym-paragraph":
        return Paragraph(
            key=key or f"p{position}",
            num=_of(position),
            text=text,
            children=_children(r, depth + 1, 1, text),
            anonymous=True,
            caption=caption,
        )
    if _long_title(line, title, text):
        num = _paragraph_num(title.partition("　")[0], position)
    elif control and line.control not in ("#", "paragraph"):
        r.fail(line, "unexpected control tag on a paragraph")
    elif line.control == "paragraph" and is_title(title):
        r.fail(line, "a numbered paragraph outside an article is written without :paragraph:")
    else:
        # (:paragraph:第一　…: a number as written that is not a paragraph's, 120IO0000000002)
        num = _paragraph_num(title, position)
    label = None if title == fullwidth(num) else title
    return Paragraph(
        key=key or number_key("p", num),
        num=num,
        text=text,
        children=_children(r, depth + 1, 1, text),
        caption=caption,
        label=label,
        spaced=not text and line.rest.endswith("　"),
    )


def _children(
    r: _Reader,
    depth: int,
    item_depth: int = 1,
    text: str = "",
    *,
    in_article: bool = False,
    base: int = 0,
) -> tuple[ItemChild, ...]:
    """Items, tables, figures, styles and lists below a paragraph or an item.

    In an article, a line in brackets after an amending sentence (改正規定) and before the
    article's next paragraph is the amending provision's own text, not a caption: only
    paragraphs outside articles have captions."""
    lines = r.lines
    if r.i >= r.n or lines[r.i].depth < depth or lines[r.i].kind in (ARG, SPR):
        return ()  # (most paragraphs and items hold nothing)
    out: list[ItemChild] = []
    counts = _Counts()
    while r.i < r.n:
        line = lines[r.i]
        if line.depth < depth or line.kind in (ARG, SPR):
            break
        # (a caption that reads as a sub-item title is one only right above an article)
        if (
            depth == base + 1
            # (a paragraph or item line is a caption only as （ＶＯＲ）, see _caption_of)
            and (line.kind != PIT or (not line.control and line.rest[-1] == "）"))
            and _caption_of(line, base) is not None
            and (line.kind != PIT or _caption_follows(r, base))
        ):
            if _caption_follows(r, base) and not (
                (in_article or not line.blank_before)
                and amending(text)
                and r.lines[r.i + 1].kind == PIT
            ):
                break
            if not amending(text):
                r.fail(line, "caption not followed by an article or a paragraph")
        if line.depth > depth:
            r.fail(line, f"unexpected indentation: expected {depth * 2} spaces here")
        kind = line.kind
        if kind == PIT:
            level, title, text, control = _pit_parts(r, line)
            if control and line.control != "#" and level != item_depth:
                r.fail(line, "this control tag does not fit here")
            r.i += 1
            label: str | None
            if level is not None and control and line.control in _ANONYM_CONTROLS:
                num, label = _of(counts.item + 1), ""
            else:
                num, label = item_num(title, item_depth, counts.item + 1)
            counts.item += 1
            out.append(
                Item(
                    key=f"i{counts.item}",
                    num=num,
                    text=text,
                    label=label,
                    children=_children(r, depth + 1, item_depth + 1),
                    tagged=control and _tagged(line, control, title, item_depth, item_depth),
                    spaced=not text and line.rest.endswith("　"),
                )
            )
            continue
        block = _struct(r, depth, counts)
        if (
            block is None
            and item_depth == 1
            and (
                line.control == "amend-provision"
                or (line.kind == OTH and not line.control and amending(text))
            )
        ):
            counts.amend += 1
            r.i += 1
            return_block: ItemChild = AmendProvision(
                key=f"ap{counts.amend}",
                text=_text(r, line, line.body if line.control else line.rest),
                children=_new_provisions(r, depth + 1),
            )
            out.append(return_block)
            continue
        if block is None:
            r.fail(line, "expected an item, a table or a figure here")
        out.append(block)  # type: ignore[arg-type]
    if not (counts.table or counts.fig):
        return tuple(out)
    return _settle(out, adjacency=True)


def _caption_follows(r: _Reader, base: int = 0) -> bool:
    nxt = r.lines[r.i + 1] if r.i + 1 < r.n else None
    return nxt is not None and nxt.depth == base and nxt.kind in (ART, PIT)


class _Counts:
    __slots__ = (
        "amend",
        "appendix",
        "fig",
        "figure",
        "formula",
        "item",
        "list",
        "note",
        "paragraph",
        "remarks",
        "sentence",
        "table",
    )

    def __init__(self) -> None:
        self.amend = self.appendix = 0
        self.item = self.paragraph = self.table = self.fig = self.figure = self.note = 0
        self.remarks = self.sentence = self.list = self.formula = 0


def _struct(r: _Reader, depth: int, counts: _Counts, *, note: bool = False) -> Block | None:
    """A table, figure, note, style, format, list or remarks block at ``depth``, or None."""
    line = r.lines[r.i]
    control = line.control
    if line.kind == TBL:
        assert line.m is not None
        if line.m.group(1):
            counts.table += 1
            table = _table(r, depth, f"t{counts.table}", None, control=False)
            return attrs.evolve(table, bare=True) if note else table
        counts.list += 1
        return _list(r, depth, f"li{counts.list}")
    if control == "table-struct":
        counts.table += 1
        r.i += 1
        return _table_struct(r, depth, f"t{counts.table}", line.body)
    if control == "fig-struct":
        counts.fig += 1
        r.i += 1
        fig = None
        # (remarks may come before the figure: 106DF0000000065, 326M50000800074)
        before = _remarks_run(r, depth + 1)
        nxt = r.peek()
        if nxt is not None and nxt.depth == depth + 1 and nxt.kind == OTH and not nxt.control:
            fm = _FIG.match(nxt.rest)
            if fm:
                fig = Fig(key="g1", src=fm.group(1))
                r.i += 1
        after = _remarks_run(r, depth + 1, len(before)) if fig is not None else ()
        return FigStruct(
            key=f"f{counts.fig}",
            title=line.body,
            fig=fig,
            remarks=before + after,
            remarks_before=len(before) if fig is not None else 0,
        )
    if line.kind == OTH and not control:
        fm = _FIG.match(line.rest)
        if fm:
            r.i += 1
            if note:
                counts.figure += 1
                return Fig(key=f"g{counts.figure}", src=fm.group(1))
            counts.fig += 1
            return FigStruct(key=f"f{counts.fig}", fig=Fig(key="g1", src=fm.group(1)))
    if control in _STRUCT_CONTROLS:
        counts.note += 1
        r.i += 1
        content = _blocks(r, depth + 1, note=True)
        trailing: list[Remarks] = []
        while content and isinstance(content[-1], Remarks):
            trailing.insert(0, content[-1])
            content = content[:-1]
        note_struct: Block = _STRUCT_CONTROLS[control](
            key=f"n{counts.note}",
            title=line.body or None,
            content=content,
            remarks=tuple(trailing),
        )
        return note_struct
    if _is_remarks(line):
        counts.remarks += 1
        return _remarks(r, f"rm{counts.remarks}")
    if control == "arith-formula":
        counts.formula += 1
        r.i += 1
        return ArithFormula(key=f"af{counts.formula}", children=_blocks(r, depth + 1, note=True))
    return None


def _is_remarks(line: _Line) -> bool:
    if line.control == "remarks":
        return True
    if line.kind != OTH or line.control:
        return False
    _, rest = _attrs(line.rest)
    return bool(remarks_label().match(rest))


def _remarks(r: _Reader, key: str) -> Remarks:
    line = r.lines[r.i]
    r.i += 1
    text = line.body if line.control else line.rest
    attrs, label = _attrs(text)
    line_break = False
    for name, value in attrs:
        if name == "LineBreak" and value == "true":
            line_break = True
        else:
            r.fail(line, f"unexpected attribute {name} on remarks")
    children: list[Item | Sentence] = []
    depth = line.depth + 1
    items = 0
    while (
        (nxt := r.peek()) is not None
        and nxt.depth >= depth
        and nxt.kind not in (ARG, SPR, APP, SPA)
    ):
        if nxt.depth > depth:
            r.fail(nxt, "unexpected indentation in remarks")
        if nxt.kind == PIT:
            _, title, ptext, control = _pit_parts(r, nxt)
            r.i += 1
            items += 1
            ilabel: str | None
            if control and nxt.control in _ANONYM_CONTROLS:
                num, ilabel = Num.of(items), ""
            else:
                num, ilabel = item_num(title, 1, items)
            children.append(
                Item(
                    key=f"i{items}",
                    num=num,
                    text=ptext,
                    label=ilabel,
                    children=_children(r, depth + 1, 2),
                    tagged=control and _tagged(nxt, control, title, 1, 1),
                    spaced=not ptext and nxt.rest.endswith("　"),
                )
            )
        else:
            children.append(_sentence(r, nxt, f"l{len(children) - items + 1}"))
    return Remarks(key=key, label=label or None, line_break=line_break, children=tuple(children))


def _remarks_run(r: _Reader, depth: int, start: int = 0) -> tuple[Remarks, ...]:
    out: list[Remarks] = []
    while (line := r.peek()) is not None and line.depth == depth and _is_remarks(line):
        out.append(_remarks(r, f"rm{start + len(out) + 1}"))
    return tuple(out)


def _sentence(r: _Reader, line: _Line, key: str) -> Sentence:
    r.i += 1
    if line.kind == TBL:
        assert line.m is not None
        if line.m.group(1) or line.m.group(2) != "-" or line.m.group(3) != " ":
            r.fail(line, "expected '- text'")
        attrs, text = _attrs(line.m.group(4))
        text = _cell_text(r, line, text, line.depth * 2 + len(line.rest) - len(text) + 1)
        return Sentence(key=key, text=text, attrs=attrs)
    text = line.rest
    if line.control in ("ignore-title", "keep-leading-spaces"):
        text = line.body
        if text.startswith(":keep-leading-spaces:"):
            text = text[len(":keep-leading-spaces:") :]
    elif line.control and line.kind != OTH:
        r.fail(line, "unexpected line in a block of sentences")
    return Sentence(key=key, text=_text(r, line, text))


def _list(r: _Reader, depth: int, key: str) -> ListBlock:
    line = r.lines[r.i]
    assert line.m is not None
    r.i += 1
    children: list[ListBlock] = []
    while (nxt := r.peek()) is not None and nxt.depth == depth + 1 and nxt.kind == TBL:
        assert nxt.m is not None
        if nxt.m.group(1):
            break
        children.append(_list(r, depth + 1, f"li{len(children) + 1}"))
    text = line.m.group(4)
    text = _cell_text(r, line, text, line.depth * 2 + len(line.rest) - len(text) + 1)
    return ListBlock(key=key, text=text, children=tuple(children))


def _table_struct(r: _Reader, depth: int, key: str, title: str | None) -> Table:
    first = _remarks_run(r, depth + 1)
    line = r.peek()
    if line is None or line.depth != depth + 1 or line.kind != TBL:
        r.fail(line, "expected a table after :table-struct:")
    table = _table(r, depth + 1, key, title, control=True, remarks_from=len(first))
    if first:
        table = attrs.evolve(table, remarks=first + table.remarks, remarks_before=len(first))
    return table


def _table(
    r: _Reader, depth: int, key: str, title: str | None, *, control: bool, remarks_from: int = 0
) -> Table:
    """A table at ``depth``; with ``control`` the remarks after it, keyed after the
    ``remarks_from`` remarks written before it (``rm2`` after one above the rows)."""
    rows: list[Row] = []
    cells: list[Cell] = []
    lines = r.lines
    while r.i < r.n:
        line = lines[r.i]
        if line.kind != TBL:
            break
        m = line.m
        assert m is not None
        if m.group(1) and line.depth == depth:
            if cells:
                rows.append(Row(key=f"r{len(rows) + 1}", cells=tuple(cells)))
                cells = []
        elif cells and not m.group(1) and line.depth == depth + 1:
            pass
        else:
            break
        header = m.group(2) == "*"
        if m.group(3) != " ":
            r.fail(line, "expected one space after the cell mark")
        r.i += 1
        attrs, text = _attrs(m.group(4))
        if text == "|":
            start = r.i
            blocks = _blocks(r, depth + 2, note=False, cell=True)
            dashed = all(r.lines[k].kind == TBL for k in range(start, r.i))
            texts = [b.text for b in blocks if isinstance(b, Sentence) and not b.attrs]
            if blocks and dashed and len(texts) == len(blocks):
                cells.append(Cell(text="\n".join(texts), attrs=attrs, header=header))
            else:
                if not blocks:
                    r.fail(line, "expected the lines of a multi-line cell after '|'")
                cells.append(Cell(text="", attrs=attrs, blocks=blocks, header=header))
        else:
            text = _cell_text(r, line, text, line.depth * 2 + len(line.rest) - len(text) + 1)
            cells.append(Cell(text=text, attrs=attrs, header=header))
    if cells:
        rows.append(Row(key=f"r{len(rows) + 1}", cells=tuple(cells)))
    remarks = _remarks_run(r, depth, remarks_from) if control else ()
    return Table(key=key, rows=tuple(rows), title=title, remarks=remarks)


_B = typing.TypeVar("_B", Block, ItemChild)


def _settle(blocks: list[_B], *, adjacency: bool) -> tuple[_B, ...]:
    """Empty titles of tables and figures, kept (``""``) only where they alone explain an
    explicit ``:table-struct:`` or ``:fig-struct:`` tag (XML: an empty ``TableStructTitle``
    or ``FigStructTitle``); elsewhere the tag says nothing and the title is None."""
    if not any(isinstance(block, (Table, FigStruct)) and block.title == "" for block in blocks):
        return tuple(blocks)
    out = list(blocks)
    for index, block in enumerate(out):
        if isinstance(block, Table) and block.title == "":
            needed = adjacency and not block.remarks
            if needed and (
                (index > 0 and isinstance(blocks[index - 1], Table))
                or (index + 1 < len(blocks) and isinstance(blocks[index + 1], Table))
            ):
                needed = False
            if not needed:
                out[index] = attrs.evolve(block, title=None)
        elif (
            isinstance(block, FigStruct)
            and block.title == ""
            and (block.remarks or block.fig is None)
        ):
            out[index] = attrs.evolve(block, title=None)
    return tuple(out)


def _new_provisions(r: _Reader, depth: int) -> tuple[NewProvisionChild, ...]:
    """What an amending provision quotes, at ``depth`` (XML ``NewProvision``): blocks as in
    :func:`_blocks`, and whole articles (their captions indented once more), divisions
    (``:keep-indents:第七節　…``, their articles at the same depth), appendices
    (``# 様式第五号の五``) and nested amending provisions (``:amend-provision:…``), as the
    reference's ``amendProvisionToLines`` writes them."""
    out: list[NewProvisionChild] = []
    counts = _Counts()
    lines = r.lines
    used: set[str] = set()
    while r.i < r.n:
        line = lines[r.i]
        if (
            line.depth < depth
            or line.kind == SPR
            or (line.depth == 0 and line.kind in (APP, SPA))
            or (line.kind == ARG and line.m is not None and not line.m.group(1))
        ):
            break
        caption = None
        if line.depth == depth + 1 and _caption_follows(r, depth):
            nxt = lines[r.i + 1]
            caption = _caption_of(line, depth)
            if caption is not None and nxt.kind == ART:
                r.i += 1
                line = nxt
        if line.depth > depth:
            r.fail(line, f"unexpected indentation: expected {depth * 2} spaces here")
        element: NewProvisionChild
        if line.kind == ART:
            element = _article(r, caption, depth)
        elif line.kind == ARG:
            element = _quoted_division(r, depth, None)
        elif line.kind in (APP, SPA):
            counts.appendix += 1
            element = _appendix(r, f"appdx{counts.appendix}", suppl=line.kind == SPA, base=depth)
        elif line.control == "amend-provision":
            counts.amend += 1
            r.i += 1
            element = AmendProvision(
                key=f"ap{counts.amend}",
                text=_text(r, line, line.body),
                children=_new_provisions(r, depth + 1),
            )
        else:
            before = r.i
            blocks = _blocks(r, depth, note=False, counts=counts, stop=True)
            if r.i == before:  # pragma: no cover - _blocks reads at least one line here
                r.fail(line, "unexpected line in an amending provision")
            out.extend(blocks)
            continue
        if isinstance(element, Article | Division):
            if element.key in used:
                r.fail(line, f"{type(element).__name__.lower()} {element.key!r} is quoted twice")
            used.add(element.key)
        out.append(element)
    return tuple(out)


def _quoted_division(r: _Reader, depth: int, parent: str | None) -> Division:
    """A division quoted by an amending provision: its heading (``:keep-indents:``) and
    the articles and smaller divisions after it, all at ``depth``."""
    line = r.lines[r.i]
    assert line.m is not None
    if not line.m.group(1):
        r.fail(line, "a division quoted in an amending provision is written :keep-indents:")
    dkind: DivisionKind = line.m.group(3)  # type: ignore[assignment]
    num, label = _division_num(line.m.group(2), dkind)
    key = (parent + "." if parent else "") + number_key(DIVISION_PREFIX[dkind], num)
    title = line.m.group(5) or ""
    if line.m.group(4) not in (None, "　") or (line.m.group(4) and not title):
        r.fail(line, "expected one full-width space and a title after the division number")
    r.i += 1
    children: list[Division | Article] = []
    used: set[str] = set()
    while (nxt := r.peek()) is not None:
        caption = None
        if nxt.depth == depth + 1 and _caption_follows(r, depth):
            caption = _caption_of(nxt, depth)
            if caption is None or r.lines[r.i + 1].kind != ART:
                break
            r.i += 1
            nxt = r.lines[r.i]
        if nxt.depth != depth:
            break
        child: Division | Article
        if nxt.kind == ART:
            child = _article(r, caption, depth)
        elif (
            nxt.kind == ARG
            and nxt.m is not None
            and _RANK[cast("DivisionKind", nxt.m.group(3))] > _RANK[dkind]
        ):
            child = _quoted_division(r, depth, key)
        else:
            break
        if child.key in used:
            r.fail(nxt, f"{type(child).__name__.lower()} {child.key!r} appears twice")
        used.add(child.key)
        children.append(child)
    return Division(
        key=key, kind=dkind, num=num, title=title, children=tuple(children), label=label
    )


def _blocks(
    r: _Reader,
    depth: int,
    *,
    note: bool,
    cell: bool = False,
    counts: _Counts | None = None,
    stop: bool = False,
) -> tuple[Block, ...]:
    """The blocks at ``depth`` (the content of a note, a style, a cell, an appendix).

    With ``stop``, stops before what only an amending provision may quote (articles, a
    nested amending provision, a caption), sharing ``counts`` with it."""
    out: list[Block] = []
    if counts is None:
        counts = _Counts()
    lines = r.lines
    while r.i < r.n:
        line = lines[r.i]
        if line.depth < depth or line.kind in (ARG, SPR, APP, SPA):
            break
        if stop and (
            line.kind == ART
            or line.control == "amend-provision"
            or (line.depth == depth + 1 and _caption_follows(r, depth))
        ):
            break
        if line.depth > depth:
            r.fail(line, f"unexpected indentation: expected {depth * 2} spaces here")
        if line.kind == PIT:
            out.append(_block_paragraph_item(r, depth, counts))
            continue
        if line.kind == TBL and cell:
            assert line.m is not None
            if not line.m.group(1):
                counts.sentence += 1
                out.append(_sentence(r, line, f"l{counts.sentence}"))
                continue
        block = _struct(r, depth, counts, note=note)
        if block is not None:
            out.append(block)
            continue
        if line.kind == ART or line.kind == TOC:
            r.fail(line, "an article cannot stand here")
        counts.sentence += 1
        out.append(_sentence(r, line, f"l{counts.sentence}"))
    if not (counts.table or counts.fig):
        return tuple(out)
    return _settle(out, adjacency=not note and not cell)


def _block_paragraph_item(r: _Reader, depth: int, counts: _Counts) -> Paragraph | Item:
    line = r.lines[r.i]
    level, title, text, control = _pit_parts(r, line)
    if level is None:
        if line.control == "#":
            level = auto_level(title)
        if level is None:
            r.fail(line, "a paragraph or item here needs a control tag (:item:, # …)")
    r.i += 1
    anonymous = line.control in _ANONYM_CONTROLS
    if level == 0:
        counts.paragraph += 1
        if anonymous:
            num, label = Num.of(counts.paragraph), None
        else:
            num = _paragraph_num(title, counts.paragraph)
            label = title
        return Paragraph(
            key=f"p{counts.paragraph}",
            num=num,
            text=text,
            label=label,
            anonymous=anonymous,
            children=_children(r, depth + 1, 1, text),
            spaced=not anonymous and not text and line.rest.endswith("　"),
        )
    counts.item += 1
    ilabel: str | None
    if anonymous:
        num, ilabel = Num.of(counts.item), ""
    else:
        num, ilabel = item_num(title, level, counts.item)
    return Item(
        key=f"i{counts.item}",
        num=num,
        text=text,
        label=ilabel,
        children=_children(r, depth + 1, level + 1),
        tagged=control and _tagged(line, control, title, level, None),
        spaced=not text and line.rest.endswith("　"),
        level=level if level > 1 else 0,
    )


def auto_level(title: str) -> int | None:
    """The level a title implies (0 paragraph, 1 item, 2… sub-items), or None."""
    for level, ptn in enumerate(_standard_titles()):
        if ptn.match(title):
            return level
    return None


def _supplement(r: _Reader, index: int) -> Supplement:
    line = r.lines[r.i]
    m = line.m
    assert m is not None
    if line.depth != 3 or "keep-indents" in m.group(1):
        r.fail(line, "a 附則 heading is indented by six spaces")
    title = m.group(2)
    law_ref = m.group(4)
    spacing = ""
    if law_ref is not None:
        spacing = m.group(3)[:-1]
        if spacing not in ("", "　") or m.group(3)[-1] != "（" or m.group(5) != "）":
            r.fail(line, "the amending law's number is written （…） after a full-width space")
    extract = m.group(6)
    if extract not in (None, "　抄"):
        r.fail(line, "抄 follows one full-width space")
    r.i += 1
    body = _body(r, in_supplement=True)
    appendices: list[AnyAppendix] = []
    while (nxt := r.peek()) is not None and nxt.kind == SPA:
        appendices.append(_appendix(r, f"sappdx{len(appendices) + 1}", suppl=True))
    return Supplement(
        key=f"s{index}",
        title=title,
        law_ref=law_ref,
        ref_spacing=spacing,
        excerpt=extract is not None,
        body=body,
        appendices=tuple(appendices),
    )


def _appendix(r: _Reader, key: str, *, suppl: bool = False, base: int = 0) -> AnyAppendix:
    line = r.lines[r.i]
    if line.depth != base:
        r.fail(line, "an appendix heading is not indented")
    cls: type[Appendix] | None
    if line.control == "#":
        patterns = SUPPL_APPDX_PATTERNS if suppl else APPDX_PATTERNS
        cls = next((c for c, p in patterns if p.match(line.body)), None)
    else:
        table = _SUPPL_APPDX_BY_CONTROL if suppl else _APPDX_BY_CONTROL
        cls = table.get(line.control)
    if cls is None:
        r.fail(line, "expected an appendix heading")
    title, related = split_related(line.body)
    r.i += 1
    children = _blocks(r, base + 1, note=False)
    made = cls(key=key, title=title or None, related_article_num=related, children=children)
    return cast("AnyAppendix", made)
