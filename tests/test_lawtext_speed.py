"""The Lawtext reader's shortcuts for speed match what the patterns they replace match."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import legaldocs
import legaldocs.formats.lawtext._parse  # (the module, not the function)

P = sys.modules["legaldocs.formats.lawtext._parse"]
WHOLE = re.compile(rf"({P._PIT_TITLE_PATTERN})(?:([{P._WS}]+)(.*))?$")
"""The pattern a paragraph or item line was matched with before."""

PIECES = [
    *"0123456789０１２３４５６７８９.．()（）イロハニノの一二三十百〇aBｚＺ①⑳⑴○、・～ 　\t\n",
    "から",
    "まで",
    "乃至",
    "及び",
    "及ビ",
    "及",
    "至",
    "および",
    "並びに",
    "又は",
    "若しくは",
    "号",
    "x",
    "目",
    "第",
    "ー",
    "ン",
    "ｚ",
    "⑳",
    "))",
]
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "denki-jigyo-ho"


def _same(text: str) -> None:
    ours, theirs = P._pit_line(text), WHOLE.match(text)
    assert ours == (None if theirs is None else theirs.groups()), text


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_a_paragraph_or_item_line_matches_as_with_the_whole_pattern(text: str) -> None:
    _same(text)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not found")
def test_every_corpus_line_matches_as_with_the_whole_pattern() -> None:
    path = max(CORPUS.glob("*.law.txt"), key=lambda p: p.stat().st_size)
    for line in path.read_text(encoding="utf-8").split("\n"):
        _same(line.lstrip(" "))


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(PIECES), max_size=8).map("".join))
def test_a_title_is_one_as_the_pattern_says(text: str) -> None:
    # (is_title decides the common titles by their shape, without the pattern)
    P._TITLES.clear()
    assert P.is_title(text) == (P._pit_title().fullmatch(text) is not None), text


SHAPES = [
    "",
    "２",
    "○２",
    "一",
    "一の二",
    "一ノ二",
    "イ",
    "（１）",
    "(a)",
    "（イ）",
    "ａ",
    "ａ．",
    "1.",
    "⑴",
    "①",
    "一から三まで",
    "一及び二",
    "（目的）",
    "一の目",
    "目",
    "ノ",
    "0ノ",
    "○",
    "（",
    "（１",
    "一・二",
    "一・二・三",
    "一～四",
    "イからハまで",
    "一及び二及び三",
    "一、二",
    "一から",
    "から二まで",
    "二から四まで及び六",
    "ｆの単位は、ＭＨｚとする。",
    "１．",
    "（一般）",
    "○一及び○二",
    "ab.",
    "a.",
    "12．",
    ".",
    "一.",
]
"""Titles and text whose shape decides, or does not."""


@pytest.mark.parametrize(
    "title",
    SHAPES,
)
def test_the_shape_of_a_title_decides_as_the_pattern(title: str) -> None:
    shape = P._title_shape(title)
    whole = P._pit_title().fullmatch(title) is not None
    assert shape is None or shape == whole, title


@settings(max_examples=1000)
@given(
    st.lists(
        st.sampled_from(
            ["の一部を次のように", "改正する。", "改める。", "改正す", "る。", "\n", "あ", "。"]
        ),
        max_size=6,
    ).map("".join)
)
def test_an_amending_sentence_is_one_as_the_pattern_says(text: str) -> None:
    # (amending() looks at the end of the text before it runs the pattern)
    assert P.amending(text) == (P.AMENDING.match(text) is not None), text


class _NoStore(dict[str, object]):
    def __setitem__(self, key: str, value: object) -> None:
        pass


@pytest.mark.parametrize(
    "line",
    [
        "２　本文。",
        "２&#x3000;",
        "２　&#x3000;",
        "２　　本文。",
        "○２　本文。",
        "①　本文。",
        "１０　本文。",
    ],
)
def test_a_standard_paragraph_line_reads_as_without_the_shortcut(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (the second article's paragraph ２ takes the shortcut for titles read before)
    text = "法\n\n第一条　本文。\n２　本文。\n\n第二条　本文。\n" + line + "\n"
    P._STANDARD_PARAGRAPHS.clear()
    try:
        ours = legaldocs.parse_lawtext(text)
    except legaldocs.ParseError as error:
        ours = str(error)
    monkeypatch.setattr(P, "_STANDARD_PARAGRAPHS", _NoStore())
    try:
        theirs = legaldocs.parse_lawtext(text)
    except legaldocs.ParseError as error:
        theirs = str(error)
    assert ours == theirs


def _consumed(items: object, out: set[str]) -> None:
    """Every character the parsed pattern ``items`` can match (lookarounds match none)."""
    for op, av in items:  # type: ignore[attr-defined]
        name = str(op)
        if name == "LITERAL":
            out.add(chr(av))
        elif name == "IN":
            for o, a in av:
                if str(o) == "LITERAL":
                    out.add(chr(a))
                else:
                    assert str(o) == "RANGE", o
                    out.update(map(chr, range(a[0], a[1] + 1)))
        elif name == "SUBPATTERN":
            _consumed(av[-1], out)
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            _consumed(av[2], out)
        elif name == "BRANCH":
            for branch in av[1]:
                _consumed(branch, out)
        else:
            assert name in ("ASSERT", "ASSERT_NOT"), name


def test_the_title_alphabet_holds_every_character_the_pattern_can_match() -> None:
    # (is_title refuses text with any other character without running the pattern)
    import re._parser

    chars: set[str] = set()
    _consumed(re._parser.parse(P._PIT_TITLE_PATTERN), chars)
    assert chars <= P._TITLE_ALPHABET


ARTICLE_PIECES = [
    *"一二十ニ1２条條のノ・～、及至章x 　",
    "から",
    "まで",
    "乃至",
    "及び",
    "または",
    "若しくは",
    "規定",
    "第",
]


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(ARTICLE_PIECES), max_size=10).map(lambda p: "第" + "".join(p)))
def test_an_article_line_reads_as_with_the_whole_pattern(text: str) -> None:
    # (classify tries the whole article title pattern only after a range or list word)
    line = P.classify(0, text)
    if P._ARG_LINE.match(text):
        assert line.kind == P.ARG
        return
    m = P._art_title().match(text)
    if m is not None and (m.end() == len(text) or text[m.end()] in P._WS):
        assert line.kind == P.ART, text
        assert line.m is not None, text
        assert line.m.group(0) == m.group(0), text
    else:
        assert line.kind != P.ART, text


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("第一条本文。", 4),
        ("第一条から第三条まで削除", 11),
        ("第一条及び第二条の規定", 9),
        ("第一条の規定は、", 4),
    ],
)
def test_an_article_title_without_its_space_is_refused_at_its_end(line: str, column: int) -> None:
    with pytest.raises(legaldocs.ParseError) as caught:
        legaldocs.parse_lawtext(f"法\n\n{line}\n")
    assert caught.value.column == column
    assert "full-width space (U+3000) after the article number" in str(caught.value)
