"""Diff.to_amendment: apply(old, diff(old, new).to_amendment(...)) == new, exactly."""

from __future__ import annotations

import itertools

import attrs
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from legaldocs import (
    AmendmentError,
    Article,
    Division,
    Document,
    Item,
    Num,
    Paragraph,
    Toc,
    TocEntry,
    apply,
    diff,
)
from legaldocs.amend._changes import (
    Amendment,
    DeleteElement,
    DeletePhrase,
    InsertElement,
    InsertPhrase,
    Rekey,
    Renumber,
    ReplaceElement,
    ReplacePhrase,
    SetCaption,
    SetDocumentField,
    Shift,
)
from legaldocs.compare._diff import to_amendment
from legaldocs.formats.lawtext import parse_lawtext

from .conftest import CORPORA
from .strategies import documents, texts
from .test_diff import _art, _live, _placed, _rebuild

N = Num.of
DAY = pendulum.Date(2024, 4, 1)


def _amend(old: Document, new: Document) -> Amendment:
    return diff(old, new).to_amendment(id="a1", enacted=DAY, effective=DAY, title="改正")


def _roundtrip(old: Document, new: Document) -> Amendment:
    amendment = _amend(old, new)
    assert apply(old, amendment) == new
    return _without_expect(amendment)


def _without_expect(amendment: Amendment) -> Amendment:
    """The amendment without its wrong-base fingerprints (tested in test_reliability.py)."""
    changes = tuple(
        attrs.evolve(c, expect=None) if getattr(c, "expect", None) else c  # type: ignore[misc]
        for c in amendment.changes
    )
    return attrs.evolve(amendment, changes=changes)


# -- laws -------------------------------------------------------------------------------


@given(documents(), documents())
def test_any_two_documents(old: Document, new: Document) -> None:
    _roundtrip(old, new)


@given(documents())
def test_no_change_is_an_empty_amendment(doc: Document) -> None:
    assert _amend(doc, doc).changes == ()


@st.composite
def _mutated(draw: st.DrawFn, doc: Document) -> Document:
    """``doc`` after a few edits of the kinds amendments make."""
    for _ in range(draw(st.integers(1, 4))):
        placed = _placed(doc)
        kind = draw(
            st.sampled_from(
                ["phrase", "insert", "delete", "renumber", "item", "caption", "paragraph", "title"]
            )
        )
        if kind == "phrase" and _live(doc):
            which = draw(st.sampled_from(_live(doc)))
            c, article = placed[which]
            p = draw(st.integers(0, len(article.paragraphs) - 1))
            para = article.paragraphs[p]
            cut = draw(st.integers(0, len(para.text)))
            end = draw(st.integers(cut, len(para.text)))
            text = para.text[:cut] + draw(texts | st.just("")) + para.text[end:]
            paragraphs = list(article.paragraphs)
            paragraphs[p] = attrs.evolve(para, text=text)
            placed[which] = (c, attrs.evolve(article, paragraphs=tuple(paragraphs)))
        elif kind == "insert":
            which = draw(st.integers(0, len(placed) - 1))
            c, before = placed[which]
            num = before.num.branch(draw(st.integers(5, 9)))
            after = placed[which + 1][1].num if which + 1 < len(placed) else None
            if any(a.num == num for _, a in placed) or (after is not None and after <= num):
                continue
            new = _art(1, "（新設）", draw(texts), key=f"a{'_'.join(map(str, num.parts))}")
            placed.insert(which + 1, (c, attrs.evolve(new, num=num)))
        elif kind == "delete" and len(placed) > 1:
            placed.pop(draw(st.integers(0, len(placed) - 1)))
        elif kind == "renumber":
            start = draw(st.integers(0, len(placed) - 1))
            by = draw(st.integers(1, 3))
            rekey = draw(st.booleans())
            out = []
            for i, (c, a) in enumerate(placed):
                if i >= start:
                    num = Num((a.num.main + by, *a.num.branches))
                    key = "a" + "_".join(map(str, num.parts)) if rekey else a.key
                    a = attrs.evolve(a, num=num, key=key)
                out.append((c, a))
            if len({a.key for _, a in out}) != len(out):
                continue
            placed = out
        elif kind == "item" and _live(doc):
            which = draw(st.sampled_from(_live(doc)))
            c, article = placed[which]
            para = article.paragraphs[0]
            nums = [k.num for k in para.children if isinstance(k, Item)]
            num = N(max((n.main for n in nums), default=0) + 1)
            item = Item(key=f"i{num.main}", num=num, text=draw(texts))
            paragraphs = (
                attrs.evolve(para, children=(*para.children, item)),
                *article.paragraphs[1:],
            )
            placed[which] = (c, attrs.evolve(article, paragraphs=paragraphs))
        elif kind == "caption" and _live(doc):
            which = draw(st.sampled_from(_live(doc)))
            c, article = placed[which]
            placed[which] = (c, attrs.evolve(article, caption=draw(st.none() | texts)))
        elif kind == "paragraph" and _live(doc):
            which = draw(st.sampled_from(_live(doc)))
            c, article = placed[which]
            at = draw(st.integers(1, len(article.paragraphs)))
            paragraphs = [
                *article.paragraphs[:at],
                Paragraph(key="new", num=N(at + 1), text=draw(texts)),
                *(
                    attrs.evolve(p, num=N(p.num.main + 1), key=f"p{p.num.main + 1}")
                    for p in article.paragraphs[at:]
                ),
            ]
            if len({p.key for p in paragraphs}) != len(paragraphs):
                continue
            placed[which] = (c, attrs.evolve(article, paragraphs=tuple(paragraphs)))
        elif kind == "title":
            doc = attrs.evolve(
                doc,
                title=draw(texts),
                body=tuple(
                    attrs.evolve(e, title=e.title + draw(texts)) if isinstance(e, Division) else e
                    for e in doc.body
                ),
            )
            continue
        doc = _rebuild(doc, placed)
    return doc


@given(st.data())
def test_mutations_round_trip(data: st.DataObject) -> None:
    old = data.draw(documents())
    new = data.draw(_mutated(old))
    assume(all(not isinstance(e, Division) or e.children for e in new.body))
    _roundtrip(old, new)


def test_edited_phrase_is_a_phrase_change_widened_until_unique() -> None:
    old = Document(
        title="規約",
        body=(_art(1, "（目的）", "甲は乙に対し、甲の定める方法で通知する。"),),
    )
    new = attrs.evolve(
        old,
        body=(_art(1, "（目的）", "甲は乙に対し、丙の定める方法で通知する。"),),
    )
    amendment = _roundtrip(old, new)
    # 「甲」 occurs twice: the phrase is widened to occur once
    assert amendment.changes == (ReplacePhrase(target="a1/p1", old="、甲", new="、丙"),)


def test_inserted_and_deleted_phrases() -> None:
    old = Document(title="t", body=(_art(1, None, "第四十条の規定は、乙及び丙に適用する。"),))  # type: ignore[arg-type]
    new = Document(
        title="t", body=(_art(1, None, "第四十条、第四十二条の二の規定は、乙に適用する。"),)
    )  # type: ignore[arg-type]
    changes = _roundtrip(old, new).changes
    assert changes == (
        InsertPhrase(target="a1/p1", anchor="第四十条", phrase="、第四十二条の二"),
        DeletePhrase(target="a1/p1", phrase="及び丙"),
    )


def test_mostly_rewritten_paragraph_is_replaced() -> None:
    old = Document(title="t", body=(_art(1, "（目的）", "この規約は、会員の権利を定める。"),))
    new = Document(
        title="t", body=(_art(1, "（目的）", "本書面により当事者間の合意事項を明らかにする。"),)
    )
    (change,) = _roundtrip(old, new).changes
    assert isinstance(change, ReplaceElement | ReplacePhrase)
    assert isinstance(change, ReplaceElement)


def test_caption_change() -> None:
    old = Document(title="t", body=(_art(1, "（目的）", "本文である。"),))
    new = Document(title="t", body=(_art(1, "（趣旨）", "本文である。"),))
    assert _roundtrip(old, new).changes == (SetCaption(target="a1", caption="（趣旨）"),)


def test_delete_and_renumber_with_number_keys() -> None:
    arts = [_art(n, None, f"第{n}条の本文。内容{n}。") for n in range(1, 7)]  # type: ignore[arg-type]
    old = Document(title="t", body=tuple(arts))
    kept = [arts[0], arts[1]] + [
        attrs.evolve(a, num=N(a.num.main - 1), key=f"a{a.num.main - 1}") for a in arts[3:]
    ]
    new = Document(title="t", body=tuple(kept))
    changes = _roundtrip(old, new).changes
    assert changes[0] == DeleteElement(target="a3")
    assert changes[1] == Shift(first="a4", by=-1, last="a6")
    assert all(isinstance(c, Rekey) for c in changes[2:])
    assert [c.key for c in changes[2:]] == ["a3", "a4", "a5"]  # type: ignore[union-attr]


def test_inserted_branch_article() -> None:
    arts = [_art(n, None, f"本文{n}。") for n in range(1, 4)]  # type: ignore[arg-type]
    old = Document(title="t", body=tuple(arts))
    extra = attrs.evolve(_art(1, "（新設）", "新しい条。"), num=N(2, 2), key="a2_2")
    new = Document(title="t", body=(arts[0], arts[1], extra, arts[2]))
    (change,) = _roundtrip(old, new).changes
    assert isinstance(change, InsertElement)
    assert change.after == "a2"
    assert change.element == extra


def test_document_fields_and_toc() -> None:
    old = Document(
        title="旧", law_num="令和元年法律第一号", toc=Toc(entries=(TocEntry(text="第一章"),))
    )
    new = attrs.evolve(
        old, title="新", law_num=None, toc=Toc(entries=(TocEntry(text="第一章　総則"),))
    )
    changes = _roundtrip(old, new).changes
    assert changes == (
        SetDocumentField(field="title", value="新"),
        SetDocumentField(field="law_num", value=None),
        SetDocumentField(field="toc", value=new.toc),
    )


def test_function_form() -> None:
    old = Document(title="旧")
    new = Document(title="新")
    amendment = to_amendment(diff(old, new), id="x", enacted=DAY, effective=DAY, title="題名")
    assert (amendment.id, amendment.title, amendment.effective) == ("x", "題名", DAY)
    assert apply(old, amendment) == new


# -- the new change records -------------------------------------------------------------


def test_rekey_refuses_a_used_key() -> None:
    doc = Document(title="t", body=(_art(1, None, "一。"), _art(2, None, "二。")))  # type: ignore[arg-type]
    bad = Amendment(
        id="x", title="", enacted=DAY, effective=DAY, changes=(Rekey(target="a1", key="a2"),)
    )
    with pytest.raises(AmendmentError, match="key already used"):
        apply(doc, bad)
    good = attrs.evolve(bad, changes=(Rekey(target="a1/p1", key="q"),))
    assert apply(doc, good).get("a1/q").text == "一。"  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="cannot contain"):
        Rekey(target="a1", key="a/b")


def test_set_document_field_checks_its_value() -> None:
    with pytest.raises(ValueError, match="cannot be set"):
        SetDocumentField(field="title", value=None)
    with pytest.raises(ValueError, match="must be one of"):
        SetDocumentField(field="nope", value="x")  # type: ignore[arg-type]
    doc = Document(title="t")
    change = SetDocumentField(field="toc", value=Toc(entries=(TocEntry(text="x"),)))
    amendment = Amendment(id="x", title="", enacted=DAY, effective=DAY, changes=(change,))
    assert apply(doc, amendment).toc == change.value


# -- the corpora ------------------------------------------------------------------------


def _versions(law: str) -> list[Document]:
    files = sorted((CORPORA / law).glob("*.law.txt"))
    assert files, f"corpus {law} missing"
    return [parse_lawtext(f.read_text(encoding="utf-8")) for f in files]


@pytest.mark.parametrize("law", ["gyosei-tetsuzuki-ho", "denki-jigyo-ho"])
def test_every_consecutive_pair_of_the_corpora(law: str) -> None:
    docs = _versions(law)
    for old, new in itertools.pairwise(docs):
        amendment = _amend(old, new)
        assert apply(old, amendment) == new


def test_gyosei_2005_amendment_renumbers_and_inserts_chapter_six() -> None:
    docs = _versions("gyosei-tetsuzuki-ho")
    changes = _roundtrip(docs[4], docs[5]).changes
    assert Renumber(target="a38", num=N(46)) in changes
    assert Renumber(target="ch6", num=N(7)) in changes
    assert ReplacePhrase(target="a1/p1", old="第三十八条", new="第四十六条") in changes
    inserted = [c for c in changes if isinstance(c, InsertElement)]
    chapter = [c for c in inserted if isinstance(c.element, Division)]
    assert len(chapter) == 1
    assert chapter[0].after == "ch5"
    assert [a.num for a in chapter[0].element.children] == [N(n) for n in range(38, 46)]  # type: ignore[union-attr]
    # a phrase edit, not a rewrite of the whole article
    assert not any(
        isinstance(c, ReplaceElement) and isinstance(c.element, Article) for c in changes
    )
    assert isinstance(next(c for c in changes if isinstance(c, Renumber)), Renumber)
    assert any(isinstance(c, InsertElement) and isinstance(c.element, Paragraph) for c in changes)
