"""Hypothesis strategies for the records of legaldocs, shared by every test module.

``documents()`` draws whole documents whose keys are unique where the model requires it and
whose numbers ascend, the way a real document is built. ``texts`` draws Japanese-like text
with the characters that trouble formats (full-width space, brackets, bullets, ``<``, ``&``).
"""

from __future__ import annotations

import datetime

import pendulum
from hypothesis import strategies as st

from legaldocs import (
    Article,
    Cell,
    Division,
    Document,
    Item,
    Num,
    Paragraph,
    Revision,
    Row,
    Style,
    Supplement,
    Table,
    Toc,
    TocEntry,
)

_ALPHABET = st.sampled_from(
    list("あいうえおかきくけこ当グループ個人情報取扱規約条項号第一二三十")
    + list("abcXYZ019０１２　 、。「」（）()・<>&\"'*#-_|:•")
)

texts = st.text(_ALPHABET, min_size=1, max_size=24).map(str.strip).filter(bool)
"""One line of text: no line breaks, no surrounding white space, never empty."""

multiline_texts = st.lists(texts, min_size=1, max_size=3).map("\n".join)
"""Text of one or more lines."""

captions = st.builds(
    lambda t: f"（{t}）",
    st.text(_ALPHABET.filter(lambda c: c not in "（）()"), min_size=1, max_size=10)
    .map(str.strip)
    .filter(bool),
)


def _nums(count: int, branches: bool) -> st.SearchStrategy[list[Num]]:
    """``count`` ascending numbers, some with branch numbers when ``branches``."""

    @st.composite
    def build(draw: st.DrawFn) -> list[Num]:
        nums: list[Num] = []
        main = 0
        for _ in range(count):
            if branches and nums and draw(st.booleans()) and draw(st.booleans()):
                last = nums[-1]
                nums.append(Num((last.main, (last.parts[1] + 1) if len(last.parts) > 1 else 2)))
            else:
                main += draw(st.integers(1, 2))
                nums.append(Num.of(main))
        return nums

    return build()


cell_attrs = st.lists(
    st.tuples(st.sampled_from(["BorderTop", "BorderBottom", "rowspan", "Align"]), texts),
    max_size=2,
).map(tuple)
"""Presentation attributes of a cell, as (name, value) pairs."""


@st.composite
def tables(draw: st.DrawFn, key: str = "t1", attrs: bool = False) -> Table:
    """A label/value table of one to four rows; ``attrs`` draws cell attributes too."""
    count = draw(st.integers(1, 4))
    rows = tuple(
        Row(
            key=f"r{i}",
            cells=(
                Cell(text=draw(texts), attrs=draw(cell_attrs) if attrs else ()),
                Cell(text=draw(multiline_texts), attrs=draw(cell_attrs) if attrs else ()),
            ),
        )
        for i in range(1, count + 1)
    )
    return Table(key=key, rows=rows)


@st.composite
def toc_entries(draw: st.DrawFn, depth: int = 1) -> tuple[TocEntry, ...]:
    """Zero to three lines of a table of contents, nested up to three levels."""
    return tuple(
        TocEntry(text=draw(texts), children=draw(toc_entries(depth + 1)) if depth < 3 else ())
        for _ in range(draw(st.integers(0, 3)))
    )


tocs = st.builds(Toc, title=st.sampled_from(["目次", "目　次"]), entries=toc_entries())
"""A table of contents."""


@st.composite
def items(
    draw: st.DrawFn,
    depth: int = 1,
    max_depth: int = 3,
    tables_too: bool = False,
    labels: bool = False,
) -> tuple[Item, ...]:
    """Zero to three sibling items, nested up to ``max_depth`` levels; ``tables_too`` puts
    tables among the children, ``labels`` gives some items a non-standard label."""
    count = draw(st.integers(0, 3))
    out = []
    for i, num in enumerate(draw(_nums(count, branches=False)), start=1):
        children = (
            draw(items(depth + 1, max_depth, tables_too, labels)) if depth < max_depth else ()
        )
        if tables_too and draw(st.integers(0, 4)) == 0:
            children = (*children, draw(tables(key=f"t{i}", attrs=True)))
        label = draw(st.sampled_from(["一から三まで", "(a)"])) if labels and i == 1 else None
        out.append(Item(key=f"i{i}", num=num, text=draw(texts), children=children, label=label))
    return tuple(out)


@st.composite
def paragraphs(
    draw: st.DrawFn, min_size: int = 1, max_size: int = 3, multiline: bool = True
) -> tuple[Paragraph, ...]:
    """Paragraphs numbered 1, 2, ..., the first one possibly with multi-line text
    (never when ``multiline`` is false)."""
    count = draw(st.integers(min_size, max_size))
    return tuple(
        Paragraph(
            key=f"p{n}",
            num=Num.of(n),
            text=draw(multiline_texts if n == 1 and multiline else texts),
            children=draw(items()),
        )
        for n in range(1, count + 1)
    )


@st.composite
def articles(
    draw: st.DrawFn,
    count: int | None = None,
    multiline: bool = True,
    bulleted: bool = False,
) -> tuple[Article, ...]:
    """Ascending articles, some with branch numbers, some deleted (削除); paragraph text
    has line breaks only when ``multiline``. ``bulleted`` lets some articles list their
    paragraphs as bullets (``Article.bulleted``, which only formats that keep presentation
    carry)."""
    if count is None:
        count = draw(st.integers(1, 5))
    out = []
    for num in draw(_nums(count, branches=True)):
        key = "a" + "_".join(str(p) for p in num.parts)
        if draw(st.integers(0, 9)) == 0:
            out.append(Article(key=key, num=num, deleted=True))
        else:
            out.append(
                Article(
                    key=key,
                    num=num,
                    caption=draw(st.none() | captions),
                    paragraphs=draw(paragraphs(multiline=multiline)),
                    bulleted=draw(st.booleans()) if bulleted else False,
                )
            )
    return tuple(out)


revision_lists = st.lists(
    st.builds(
        Revision,
        date=st.dates(min_value=datetime.date(1990, 1, 1)).map(
            lambda d: pendulum.date(d.year, d.month, d.day)
        ),
        event=st.sampled_from(["制定", "改定"]),
        era=st.booleans(),
    ),
    min_size=1,
    max_size=3,
).map(tuple)

revisions = revision_lists
"""One to three revision lines (制定/改定)."""


@st.composite
def documents(
    draw: st.DrawFn,
    divisions: bool | None = None,
    style: Style | None = None,
    bulleted: bool = False,
    with_table: bool = False,
    *,
    multiline: bool = True,
    alt_title: bool = True,
    revisions: bool = True,
    full: bool = False,
) -> Document:
    """A whole document: title, optional English title and preamble, articles (optionally
    inside chapters), and a 附則 with revision lines.

    ``bulleted`` is passed to :func:`articles`; ``with_table`` may end the body with a
    label/value table. For formats that cannot hold everything: ``multiline=False`` keeps
    line breaks out of paragraph text, ``alt_title=False`` never draws an English title, and
    ``revisions=False`` gives the 附則 a body of articles instead of revision lines.
    ``full`` also draws what only statutes have: a law number, a table of contents, a deleted
    range of articles, a division range, a table in the body and a statute's 附則 whose
    paragraph holds items with labels and tables."""
    if style is None:
        style = Style(
            numerals=draw(st.sampled_from(["kanji", "arabic"])),
            items=draw(st.sampled_from(["numbered", "bullets"])),
        )
    if divisions is None:
        divisions = draw(st.booleans())
    arts = draw(articles(count=draw(st.integers(1, 6)), multiline=multiline, bulleted=bulleted))
    body: tuple[Division | Article | Table, ...]
    if divisions and len(arts) >= 2:
        cut = draw(st.integers(1, len(arts) - 1))
        body = (
            Division(key="ch1", kind="章", num=Num.of(1), title=draw(texts), children=arts[:cut]),
            Division(key="ch2", kind="章", num=Num.of(2), title=draw(texts), children=arts[cut:]),
        )
    else:
        body = arts
    if with_table and draw(st.booleans()):
        body = (*body, draw(tables("t1")))
    preamble = tuple(
        Paragraph(key=f"pre{i}", num=Num.of(i), text=draw(texts), anonymous=True)
        for i in range(1, draw(st.integers(0, 2)) + 1)
    )
    supplements: tuple[Supplement, ...] = ()
    if draw(st.booleans()):
        if revisions:
            supplements = (Supplement(key="s1", revisions=draw(revision_lists)),)
        else:
            supplements = (
                Supplement(
                    key="s1",
                    law_ref=draw(st.none() | texts.filter(lambda t: "）" not in t)),
                    excerpt=draw(st.booleans()),
                    body=draw(articles(count=draw(st.integers(1, 3)), multiline=multiline)),
                ),
            )
    extra: dict[str, object] = {}
    if full:
        last = Num.of(max(a.num.main for a in arts) + 1)
        gone = Article(key=f"a{last.main}", num=last, deleted=True, until=Num.of(last.main + 3))
        body = (
            *body,
            gone,
            Division(key="ch9", kind="節", num=Num.of(9), title=draw(texts), until=Num.of(11)),
            draw(tables(key="t1", attrs=True)),
        )
        statute = Supplement(
            key="s2",
            title="附　則",
            law_ref=draw(st.none() | st.just("平成一七年六月二九日法律第七三号")),
            excerpt=draw(st.booleans()),
            body=(
                Paragraph(
                    key="p1",
                    num=Num.of(1),
                    text=draw(texts),
                    anonymous=True,
                    children=draw(items(tables_too=True, labels=True)),
                ),
            ),
        )
        supplements = (*supplements, statute)
        extra = {"law_num": draw(st.none() | st.just("平成五年法律第八十八号")), "toc": draw(tocs)}
    return Document(
        **extra,  # type: ignore[arg-type]
        title=draw(texts),
        alt_title=None
        if not alt_title
        else draw(
            st.none() | st.text("ABCDEFGHIJ ", min_size=1, max_size=12).map(str.strip).filter(bool)
        ),
        preamble=preamble,
        body=body,
        supplements=supplements,
        style=style,
    )
