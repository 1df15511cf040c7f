"""The look-ups behind ``apply``: bisection for cited articles, an index that follows the
changes instead of being rebuilt."""

from __future__ import annotations

import pendulum
import pytest

from legaldocs import (
    Amendment,
    Article,
    DeleteElement,
    Division,
    Document,
    InsertElement,
    Num,
    Paragraph,
    Rekey,
    Renumber,
    ReplacePhrase,
    Shift,
    apply,
)
from legaldocs.amend import _index
from legaldocs.amend._apply import apply_changes
from legaldocs.amend._index import Index, Lookup, locate

DAY = pendulum.date(2001, 1, 1)


def _article(
    n: int, *, key: str | None = None, until: int | None = None, branch: int | None = None
) -> Article:
    return Article(
        key=key or f"a{n}",
        num=Num.of(n) if branch is None else Num.of(n, branch),
        until=None if until is None else Num.of(until),
        paragraphs=(Paragraph(key="p1", num=Num.of(1), text=f"第{n}条の甲。"),),
    )


def _statute(chapters: int = 4, per: int = 5) -> Document:
    body = tuple(
        Division(
            key=f"ch{c}",
            kind="章",
            num=Num.of(c),
            title=f"第{c}章",
            children=tuple(_article((c - 1) * per + i) for i in range(1, per + 1)),
        )
        for c in range(1, chapters + 1)
    )
    return Document(title="法", body=body)


def _amend(*changes: object) -> Amendment:
    return Amendment(id="x", title="", enacted=DAY, effective=DAY, changes=tuple(changes))  # type: ignore[arg-type]


def test_a_cited_article_is_found_without_an_index(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _statute()

    def refuse(cls: type, doc: Document) -> Index:
        raise AssertionError("the index was built")

    monkeypatch.setattr(Index, "build", classmethod(refuse))
    new = apply(doc, _amend(ReplacePhrase(target="第17条第1項", old="甲", new="乙")))
    assert new.body[3].children[1].paragraphs[0].text == "第17条の乙。"
    assert new.body[0] is doc.body[0]  # untouched chapters are shared


@pytest.mark.parametrize(
    ("nums", "wanted", "found"),
    [
        ((1, 2, 5, 3, 4), 3, True),  # out of order: the bisection misses, the index finds it
        ((1, 2, 5, 3, 4), 5, True),
        ((1, 2, 3), 7, False),
        ((1, 4, 9), 2, False),
    ],
    ids=["disorder-3", "disorder-5", "beyond", "between"],
)
def test_bisection_falls_back_to_the_index(nums: tuple[int, ...], wanted: int, found: bool) -> None:
    doc = Document(title="法", body=tuple(_article(n) for n in nums))
    loc = _index.article_at(doc, _index.BODY_SCOPE, Num.of(wanted))
    if found:
        assert loc is not None
        assert _index.node_at(doc, loc).num == Num.of(wanted)  # type: ignore[union-attr]
    else:
        assert loc is None


def test_a_range_is_found_by_its_first_number_only() -> None:
    doc = Document(title="法", body=(_article(1), _article(2, until=4), _article(5)))
    assert _index.article_at(doc, _index.BODY_SCOPE, Num.of(2)) == (("body", 1),)
    assert _index.article_at(doc, _index.BODY_SCOPE, Num.of(5)) == (("body", 2),)
    assert _index.article_at(doc, _index.BODY_SCOPE, Num.of(3)) is None


CHANGES = [
    InsertElement(element=_article(3, key="new", branch=2), after="a3"),
    DeleteElement(target="a7"),
    InsertElement(element=_article(11, branch=2), before="a12"),
    Renumber(target="a14", num=Num.of(13, 2)),
    Shift(first="a16", by=10),
    Rekey(target="a2", key="b2"),
    DeleteElement(target="ch3"),
    InsertElement(element=Division(key="chx", kind="章", num=Num.of(9), title="第九章"), parent=""),
]


@pytest.mark.parametrize("count", range(1, len(CHANGES) + 1))
def test_the_index_that_follows_the_changes_is_the_index_of_the_result(count: int) -> None:
    """Each change keeps, updates or drops the index; what is kept must be exact."""
    doc = _statute()
    changes = tuple(CHANGES[:count])
    applied = apply_changes(doc, _amend(*changes), range(count), Index.build(doc))
    assert applied.index is not None
    assert applied.index == Index.build(applied.doc)


def test_key_paths_after_insertions_and_deletions() -> None:
    doc = _statute()
    amendment = _amend(
        InsertElement(element=_article(1, key="x1", branch=2), after="a1"),
        DeleteElement(target="a3"),
        ReplacePhrase(target="a5/p1", old="甲", new="丙"),
        ReplacePhrase(target="a1_2/p1", old="甲", new="丁"),
        DeleteElement(target="ch2"),
        ReplacePhrase(target="a20/p1", old="甲", new="戊"),
    )
    new = apply(doc, amendment)
    assert new.get("a5/p1").text == "第5条の丙。"  # type: ignore[union-attr]
    assert new.get("a1_2/p1").text == "第1条の丁。"  # type: ignore[union-attr]
    assert new.get("a20/p1").text == "第20条の戊。"  # type: ignore[union-attr]
    ix = Lookup(new)
    assert locate(new, "a20", ix) == Index.build(new).keys["a20"]
