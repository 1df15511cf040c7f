"""Amendment records and :func:`legaldocs.apply`, change by change, on a clinic-like page."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given

from legaldocs import (
    Amendment,
    AmendmentError,
    Article,
    DeleteElement,
    DeletePhrase,
    Division,
    Document,
    InsertElement,
    InsertPhrase,
    Item,
    Num,
    Paragraph,
    Renumber,
    Repeal,
    ReplaceElement,
    ReplacePhrase,
    SetCaption,
    Shift,
    apply,
)
from legaldocs.amend import _index as _tree
from legaldocs.amend._changes import Change
from legaldocs.model._citation import key_paths, walk
from tests import strategies
from tests._clinic import CONTACT, article, clinic

DAY = pendulum.date(2023, 4, 1)


def amend(*changes: Change, id: str = "A1") -> Amendment:
    return Amendment(id=id, title="改定", enacted=DAY, effective=DAY, changes=changes)


def nums(doc: Document) -> list[str]:
    return [a.num.arabic() for a in doc.articles()]


# --- records ---------------------------------------------------------------------------


def test_records_are_frozen_and_hashable() -> None:
    a = amend(ReplacePhrase(target="第1条", old="個人", new="私人"))
    assert hash(a) == hash(amend(ReplacePhrase(target="第1条", old="個人", new="私人")))
    with pytest.raises(AttributeError):
        a.id = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "build",
    [
        lambda: ReplacePhrase(target="", old="a", new="b"),
        lambda: ReplacePhrase(target="第1条", old="a", new="b", occurrence=0),
        lambda: InsertPhrase(target="第1条", anchor="a", phrase="b", position="under"),  # type: ignore[arg-type]
        lambda: InsertElement(element=article(3, None, "x")),
        lambda: InsertElement(element=article(3, None, "x"), after="第1条", before="第2条"),
        lambda: Shift(first="第1条", by=0),
        lambda: Renumber(target="第1条", num=3),  # type: ignore[arg-type]
        lambda: Amendment(id="", title="t", enacted=DAY, effective=DAY),
        lambda: Amendment(id="x", title="t", enacted=pendulum.datetime(2023, 4, 1), effective=DAY),
        lambda: Amendment(id="x", title="t", enacted=DAY, effective="not a date"),
        lambda: Amendment(id="x", title="t", enacted=DAY, effective=DAY, changes=["x"]),  # type: ignore[arg-type]
        lambda: SetCaption(target="第1条", caption="(x)", effective=pendulum.naive(2023, 1, 1)),
    ],
)
def test_bad_records_are_refused(build: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        build()  # type: ignore[operator]


# --- phrases ---------------------------------------------------------------------------


def test_replace_phrase_in_article_and_shares_the_rest() -> None:
    doc = clinic()
    new = apply(doc, amend(ReplacePhrase(target="第15条第2項", old=CONTACT, new="お客様相談室")))
    assert new.get("第15条第2項").text == "お客様相談室\n受付時間 10:00〜18:00"  # type: ignore[union-attr]
    assert doc.get("第15条第2項").text.startswith(CONTACT)  # type: ignore[union-attr]
    for old_article, new_article in zip(doc.body[:-1], new.body[:-1], strict=True):
        assert old_article is new_article
    assert new.body[-1].paragraphs[0] is doc.body[-1].paragraphs[0]  # type: ignore[union-attr]
    assert new.supplements is doc.supplements
    assert new.preamble is doc.preamble


def test_phrase_occurrences() -> None:
    doc = clinic()
    target = "第2条"  # 個人情報 appears once in the text of 第2条; の appears many times
    with pytest.raises(AmendmentError, match="ambiguous") as info:
        apply(doc, amend(ReplacePhrase(target=target, old="の", new="ノ")))
    assert info.value.amendment == "A1"
    assert info.value.change == 0
    second = apply(doc, amend(ReplacePhrase(target=target, old="の", new="ノ", occurrence=2)))
    text = second.get("第2条第1項").text  # type: ignore[union-attr]
    assert text.count("ノ") == 1
    assert text.index("ノ") > text.index("の")
    every = apply(doc, amend(ReplacePhrase(target=target, old="の", new="ノ", every=True)))
    assert "の" not in every.get("第2条第1項").text  # type: ignore[union-attr]
    with pytest.raises(AmendmentError, match="occurs"):
        apply(doc, amend(ReplacePhrase(target=target, old="個人情報", new="x", occurrence=2)))


def test_phrase_search_covers_items_in_document_order() -> None:
    doc = clinic()
    new = apply(doc, amend(ReplacePhrase(target="第2条", old="住所", new="住所・居所")))
    assert new.get("第2条第1号").text == "氏名"  # type: ignore[union-attr]
    assert new.get("第2条第3号").text == "住所・居所"  # type: ignore[union-attr]
    assert new.get("第2条第1号") is doc.get("第2条第1号")


def test_insert_and_delete_phrase() -> None:
    doc = clinic()
    after = apply(doc, amend(InsertPhrase(target="第1条", anchor="生存する", phrase="日本の")))
    assert "生存する日本の個人" in after.get("第1条第1項").text  # type: ignore[union-attr]
    before = apply(
        doc,
        amend(InsertPhrase(target="第1条", anchor="生存する", phrase="現に", position="before")),
    )
    assert "現に生存する" in before.get("第1条第1項").text  # type: ignore[union-attr]
    gone = apply(doc, amend(DeletePhrase(target="a1/p1", phrase="生存する")))
    assert gone.get("第1条第1項").text == "「個人情報」とは、個人に関する情報を指しております。"  # type: ignore[union-attr]


def test_phrase_not_found_names_everything() -> None:
    with pytest.raises(AmendmentError) as info:
        apply(
            clinic(),
            amend(
                ReplacePhrase(target="第1条", old="個人情報", new="個人データ"),
                DeletePhrase(target="第3条", phrase="存在しない"),
                id="2023-1",
            ),
        )
    err = info.value
    assert (err.amendment, err.change, err.target) == ("2023-1", 1, "第3条")
    assert "phrase not found" in str(err)
    assert "2023-1" in str(err)
    assert "#1" in str(err)


# --- elements --------------------------------------------------------------------------


def test_add_an_item_to_article_2() -> None:
    doc = clinic()
    new = apply(
        doc,
        amend(
            InsertElement(
                element=Item(key="x", num=Num.of(5), text="メールアドレス"), parent="第2条第1項"
            )
        ),
    )
    items = new.get("第2条第1項").children  # type: ignore[union-attr]
    assert [i.text for i in items] == ["氏名", "生年月日", "住所", "電話番号", "メールアドレス"]  # type: ignore[union-attr]
    assert items[-1].key == "i5"
    assert all(a is b for a, b in zip(items[:4], doc.get("第2条第1項").children, strict=True))  # type: ignore[union-attr]


def test_insert_branch_numbered_article() -> None:
    doc = clinic()
    new = apply(
        doc,
        amend(
            InsertElement(
                element=Article(key="ignored", num=Num.of(3, 2), caption="(新設)"), after="第3条"
            )
        ),
    )
    assert nums(new)[:5] == ["1", "2", "3", "3の2", "4"]
    assert new.get("第3条の2").key == "a3_2"  # type: ignore[union-attr]


def test_insert_number_checks() -> None:
    doc = clinic()
    with pytest.raises(AmendmentError, match="already taken"):
        apply(doc, amend(InsertElement(element=article(4, None, "x"), after="第3条")))
    with pytest.raises(AmendmentError, match="out of order"):
        apply(doc, amend(InsertElement(element=article(20, None, "x"), before="第3条")))
    with pytest.raises(AmendmentError, match="cannot go there"):
        apply(doc, amend(InsertElement(element=article(20, None, "x"), parent="第3条")))


def test_inserted_keys_are_fresh_after_renumbering() -> None:
    doc = clinic()
    changes = (
        DeleteElement(target="第3条"),
        Shift(first="第4条", by=-1),  # 第4条→第3条 ... 第15条→第14条 (key a4 is now 第3条)
        InsertElement(element=Article(key="k", num=Num.of(15)), parent=""),
        InsertElement(element=Article(key="k", num=Num.of(3, 2)), after="第3条"),
    )
    new = apply(doc, amend(*changes))
    keys = [a.key for a in new.articles()]
    assert len(set(keys)) == len(keys)
    assert new.get("第15条").key == "a15~2"  # type: ignore[union-attr]
    assert new.get("第3条").key == "a4"
    assert new.get("第3条の2").key == "a3_2"
    assert nums(new) == ["1", "2", "3", "3の2", *[str(n) for n in range(4, 16)]]


def test_replace_element_keeps_key_and_number() -> None:
    doc = clinic()
    replacement = article(99, "(新しい目的)", "全部改正後の本文。")
    new = apply(doc, amend(ReplaceElement(target="第5条", element=replacement)))
    fifth = new.get("第5条")
    assert isinstance(fifth, Article)
    assert (fifth.key, fifth.num, fifth.caption) == ("a5", Num.of(5), "(新しい目的)")
    with pytest.raises(AmendmentError, match="cannot replace"):
        apply(
            doc,
            amend(
                ReplaceElement(target="第5条", element=Paragraph(key="p", num=Num.of(1), text="x"))
            ),
        )


def test_set_caption() -> None:
    new = apply(clinic(), amend(SetCaption(target="第11条", caption="(正確性の確保)")))
    assert new.get("第11条").caption == "(正確性の確保)"  # type: ignore[union-attr]
    none = apply(clinic(), amend(SetCaption(target="第11条")))
    assert none.get("第11条").caption is None  # type: ignore[union-attr]
    with pytest.raises(AmendmentError, match="caption"):
        apply(clinic(), amend(SetCaption(target="第11条第1項", caption="(x)")))


def test_delete_and_renumber_the_rest() -> None:
    # 第九条を削り、第十条を第九条とし、…第十五条を第十四条とする。
    doc = clinic()
    changes: list[Change] = [DeleteElement(target="第9条")]
    changes += [Renumber(target=f"第{n}条", num=Num.of(n - 1)) for n in range(10, 16)]
    new = apply(doc, amend(*changes))
    assert nums(new) == [str(n) for n in range(1, 15)]
    assert new.get("第9条").key == "a10"
    assert new.get("第14条").key == "a15"
    assert new.get("第14条").paragraphs == doc.get("第15条").paragraphs  # type: ignore[union-attr]
    shifted = apply(doc, amend(DeleteElement(target="第9条"), Shift(first="第10条", by=-1)))
    assert shifted == new


def test_delete_leaving_placeholder() -> None:
    doc = clinic()
    new = apply(doc, amend(DeleteElement(target="第9条", placeholder=True)))
    ninth = new.get("第9条")
    assert isinstance(ninth, Article)
    assert ninth.deleted
    assert ninth.paragraphs == ()
    assert nums(new) == nums(doc)
    item = apply(doc, amend(DeleteElement(target="第2条第3号", placeholder=True)))
    assert item.get("第2条第3号").text == "削除"  # type: ignore[union-attr]
    removed = apply(doc, amend(DeleteElement(target="第2条第3号")))
    assert [i.num.main for i in removed.get("第2条第1項").children] == [1, 2, 4]  # type: ignore[union-attr]


def test_renumber_checks() -> None:
    doc = clinic()
    with pytest.raises(AmendmentError, match="already taken"):
        apply(doc, amend(Renumber(target="第10条", num=Num.of(9))))
    with pytest.raises(AmendmentError, match="out of order"):
        apply(doc, amend(Renumber(target="第10条", num=Num.of(20))))


def test_shift_paragraphs_down_to_make_room() -> None:
    # 第十五条中第二項を第三項とし、第一項の次に次の一項を加える。
    doc = clinic()
    new = apply(
        doc,
        amend(
            Shift(first="第15条第2項", by=1),
            InsertElement(
                element=Paragraph(key="x", num=Num.of(2), text="電話でも受け付けます。"),
                after="第15条第1項",
            ),
        ),
    )
    texts = [p.text for p in new.get("第15条").paragraphs]  # type: ignore[union-attr]
    assert texts[1] == "電話でも受け付けます。"
    assert texts[2].startswith(CONTACT)
    assert [p.key for p in new.get("第15条").paragraphs] == ["p1", "p2~2", "p2"]  # type: ignore[union-attr]
    with pytest.raises(AmendmentError, match=r"taken|order"):
        apply(doc, amend(Shift(first="第3条", last="第4条", by=1)))


def test_targets_see_earlier_changes_of_the_same_amendment() -> None:
    new = apply(
        clinic(),
        amend(
            Renumber(target="第15条", num=Num.of(16)),
            ReplacePhrase(target="第16条第2項", old=CONTACT, new="窓口"),
        ),
    )
    assert new.get("a15/p2").text.startswith("窓口")  # type: ignore[union-attr]


def test_no_such_element() -> None:
    with pytest.raises(AmendmentError, match="no such element") as info:
        apply(clinic(), amend(ReplacePhrase(target="第30条", old="a", new="b")))
    assert info.value.target == "第30条"
    with pytest.raises(AmendmentError, match="no such element"):
        apply(clinic(), amend(DeleteElement(target="a99/p1")))


def test_divisions_and_preamble_and_supplement_targets() -> None:
    doc = clinic()
    chaptered = Document(
        title="法",
        body=(
            Division(key="ch1", kind="章", num=Num.of(1), title="総則", children=doc.body[:5]),
            Division(key="ch2", kind="章", num=Num.of(2), title="雑則", children=doc.body[5:]),
        ),
    )
    new = apply(
        chaptered,
        amend(
            ReplacePhrase(target="第7条第1項", old="本文", new="規定"),
            ReplacePhrase(target="第1章", old="総則", new="通則"),
            InsertElement(element=Article(key="k", num=Num.of(5, 2)), parent="ch1"),
        ),
    )
    assert new.body[0].title == "通則"  # type: ignore[union-attr]
    assert new.get("第5条の2") is new.body[0].children[-1]  # type: ignore[union-attr]
    assert new.body[1].children[1].paragraphs[0].text == "第7条の規定です。"  # type: ignore[union-attr]
    pre = apply(
        doc, amend(ReplacePhrase(target="preamble/pre1", old="…", new="次のとおり定める。"))
    )
    assert pre.preamble[0].text == "当グループは、次のとおり定める。"


def test_all_or_nothing_and_repeal() -> None:
    doc = clinic()
    snapshot = doc
    with pytest.raises(AmendmentError):
        apply(doc, amend(DeleteElement(target="第3条"), DeleteElement(target="第3条")))
    assert doc == snapshot
    with pytest.raises(AmendmentError, match="repeal"):
        apply(doc, amend(Repeal()))


@given(strategies.documents())
def test_targets_resolve_like_citations_and_key_paths(doc: Document) -> None:
    """The indexed look-up of apply finds what Document.get finds, for every element."""
    index = _tree.Index.build(doc)
    for path, element in key_paths(doc):
        assert _tree.node_at(doc, _tree.locate(doc, path, index)) is element
    for cit, element in walk(doc):
        text = cit.format(doc.style.numerals)
        try:
            expected = doc.get(text)
        except LookupError:
            continue  # a citation that does not name one element (cited by Document too)
        if isinstance(element, Article | Paragraph | Item):
            assert _tree.node_at(doc, _tree.locate(doc, text, index)) is expected


def test_lookups_after_renumber_and_rekey_in_one_amendment() -> None:
    """Later changes of one amendment find elements by their new number and new key, and
    not by the old ones (the article index is updated, not left stale)."""
    from legaldocs import Rekey

    doc = clinic()
    moved = apply(
        doc,
        Amendment(
            id="r",
            title="",
            enacted=pendulum.date(2024, 1, 1),
            effective=pendulum.date(2024, 1, 1),
            changes=(
                Renumber(target="第15条", num=Num.of(16)),
                ReplacePhrase(target="第16条第1項", old="お問い合わせ", new="ご相談"),
                Rekey(target="a15", key="contact"),
                ReplacePhrase(target="contact/p1", old="窓口", new="受付"),
            ),
        ),
    )
    article = moved.get("第16条")
    assert article.key == "contact"  # type: ignore[union-attr]
    assert moved.get("contact/p1").text == "ご相談は、以下の受付にご連絡ください。"  # type: ignore[union-attr]
    first = Renumber(target="第16条", num=Num.of(17))
    for stale, change in (("第16条", first), ("contact", Rekey(target="contact", key="c2"))):
        with pytest.raises(AmendmentError, match="no such element"):
            apply(
                moved,
                Amendment(
                    id="s",
                    title="",
                    enacted=pendulum.date(2024, 1, 1),
                    effective=pendulum.date(2024, 1, 1),
                    changes=(change, ReplacePhrase(target=stale, old="x", new="y")),
                ),
            )
