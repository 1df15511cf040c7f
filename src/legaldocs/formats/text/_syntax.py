"""The syntax of the plain-text format shared by its reader and writer (private):
markers, patterns, escaping, derived keys. See :mod:`legaldocs.formats.text`."""

from __future__ import annotations

import re

from legaldocs.model._keys import number_key
from legaldocs.model._numbers import Num, parse_item_label
from legaldocs.model._numerals import KANJI_NUMERALS
from legaldocs.model._records import Style

DEFAULT_STYLE = Style(numerals="arabic", items="bullets")
"""The style of a text without directives: Arabic numbers, bulleted items."""

BULLET = "• "
_N = rf"[0-9０-９{KANJI_NUMERALS}]+"
_ARTICLE_LOOSE = re.compile(r"第[^条\s]{1,12}?条")
_ARTICLE = re.compile(rf"第(?P<num>{_N})条(?P<branch>(?:の{_N})*)")
_DELETED = re.compile(
    rf"第(?P<num>{_N})条(?P<branch>(?:の{_N})*)"
    rf"(?:から第(?P<until>{_N})条(?P<ubranch>(?:の{_N})*)まで)?　削除"
)
_DIVISION_START = re.compile(rf"第{_N}[編章節款目]")
_DIVISION = re.compile(
    rf"第(?P<num>{_N})(?P<kind>[編章節款目])(?P<branch>(?:の{_N})*)(?:　(?P<title>.*))?"
)
_SUPPLEMENT_START = re.compile(r"附\s?則")
_SUPPLEMENT = re.compile(r"(?P<title>附則|附　則)(?:（(?P<ref>[^（）]*)）)?(?P<excerpt>　抄)?")
_LABELISH = re.compile(r"(?P<label>[^\s　]+?)　")
_ATTRS = re.compile(r'((?:\[[A-Za-z][A-Za-z0-9_-]*="[^"\]]*"\])+)')
_ATTR = re.compile(r'\[([A-Za-z][A-Za-z0-9_-]*)="([^"\]]*)"\]')
_ATTR_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_REVISION = re.compile(r"(?P<date>[^ ]+?日) (?P<event>.*)")
_DIRECTIVE = re.compile(r":(?P<name>[a-z-]+): (?P<value>.*)")
_PREAMBLE_END = "---"
_TOC = ":toc: "
_KEY = ":key: "


# ----------------------------------------------------------------------------------------
# escaping


def _label_num(label: str) -> Num | None:
    """The number an item label names: ``三`` → 3, ``（２）`` → 2, and for a range as
    written in excerpts, ``一から三まで`` → 1. ``None`` when it is not a label."""
    head = label.split("から", 1)[0] if "から" in label and label.endswith("まで") else label
    try:
        return parse_item_label(head)[0]
    except ValueError:
        return None


def _is_label(text: str) -> bool:
    return _label_num(text) is not None


def _needs_escape(line: str) -> bool:
    if line == "" or line[0] in " \t\\•*-[:":
        return True
    if (
        _ARTICLE_LOOSE.match(line)
        or _DIVISION_START.match(line)
        or _SUPPLEMENT_START.match(line)
        or line == _PREAMBLE_END
    ):
        return True
    match = _LABELISH.match(line)
    return bool(match and _is_label(match.group("label")))


def _escape(line: str) -> str:
    return "\\" + line if _needs_escape(line) else line


def _unescape(content: str) -> str:
    return content[1:] if content.startswith("\\") else content


def _key_of_num(num: Num) -> str:
    return number_key("", num)
