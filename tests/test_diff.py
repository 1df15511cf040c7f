"""legaldocs.diff: structural alignment, inline operations, typographic changes."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from legaldocs import (
    Article,
    Citation,
    Diff,
    Division,
    Document,
    Item,
    LegaldocsError,
    Num,
    Paragraph,
    Step,
    Style,
    Supplement,
    Table,
    apply_ops,
    diff,
)
from legaldocs._inline import fold, inline_diff, is_typographic

from .strategies import documents, texts

N = Num.of
CLINIC = Style(numerals="arabic", items="bullets")

Placed = list[tuple[int, Article]]


def _placed(doc: Document) -> Placed:
    """Articles of the body with the index of their container (-1 = body itself)."""
    out: Placed = []
    for index, element in enumerate(doc.body):
        if isinstance(element, Article):
            out.append((-1, element))
        elif isinstance(element, Division):
            out.extend((index, a) for a in element.children if isinstance(a, Article))
    return out


def _rebuild(doc: Document, placed: Placed) -> Document:
    body: list[object] = []
    for index, element in enumerate(doc.body):
        if isinstance(element, Division):
            kids = tuple(a for c, a in placed if c == index)
            body.append(attrs.evolve(element, children=kids))
    if not body:
        body = [a for _, a in placed]
    return attrs.evolve(doc, body=tuple(body))  # type: ignore[arg-type]


def _with_articles(doc: Document, edit: Callable[[Placed], Placed]) -> Document:
    return _rebuild(doc, edit(_placed(doc)))


def _live(doc: Document) -> list[int]:
    return [i for i, (_, a) in enumerate(_placed(doc)) if a.paragraphs]


def _art(num: int, caption: str, *texts: str, key: str | None = None) -> Article:
    return Article(
        key=key or f"a{num}",
        num=N(num),
        caption=caption,
        paragraphs=tuple(
            Paragraph(key=f"p{i}", num=N(i), text=t) for i, t in enumerate(texts, start=1)
        ),
    )


# -- inline operations ------------------------------------------------------------------


@given(st.text(max_size=40), st.text(max_size=40))
def test_inline_ops_rebuild_the_new_text(old: str, new: str) -> None:
    ops = inline_diff(old, new)
    assert apply_ops(old, ops) == new
    assert "".join(op.old_text for op in ops) == old
    for op in ops:
        assert old[op.old_start : op.old_end] == op.old_text
        assert new[op.new_start : op.new_end] == op.new_text


@given(texts, texts)
def test_inline_ops_rebuild_japanese_text(old: str, new: str) -> None:
    assert apply_ops(old, inline_diff(old, new)) == new


@given(st.text("あい。\nうx", max_size=30), st.text("あい。\nうx", max_size=30))
def test_inline_ops_on_long_texts_go_sentence_by_sentence(old: str, new: str) -> None:
    from legaldocs import _inline

    saved = _inline._MAX_CELLS
    _inline._MAX_CELLS = 4  # force the sentence-first path on these short texts
    try:
        assert apply_ops(old, inline_diff(old, new)) == new
    finally:
        _inline._MAX_CELLS = saved


def test_long_paragraph_diff_stays_local() -> None:
    sentences = [f"第{n}文の内容はこのとおりである。" for n in range(2000)]
    old = "".join(sentences)
    sentences[1500] = "差し替えた文である。"
    new = "".join(sentences)
    changed = [op for op in inline_diff(old, new) if op.tag != "equal"]
    assert len(changed) == 1
    assert "差し替えた" in changed[0].new_text


def test_numbers_are_replaced_as_whole_units() -> None:
    ops = [op for op in inline_diff("第十二条に定める", "第十三条に定める") if op.tag != "equal"]
    assert [(op.old_text, op.new_text) for op in ops] == [("第十二条", "第十三条")]
    ops = [op for op in inline_diff("料金は1200円", "料金は1300円") if op.tag != "equal"]
    assert [(op.old_text, op.new_text) for op in ops] == [("1200", "1300")]


def test_latin_text_is_compared_word_by_word() -> None:
    ops = inline_diff("We use cookies here", "We use beacons here")
    changed = [(op.old_text, op.new_text) for op in ops if op.tag != "equal"]
    assert changed == [("cookies", "beacons")]


def test_japanese_text_is_compared_character_by_character() -> None:
    ops = inline_diff("個人情報を適切に管理する", "個人情報を適正に管理する")
    assert [(op.tag, op.old_text, op.new_text) for op in ops] == [
        ("equal", "個人情報を適", "個人情報を適"),
        ("replace", "切", "正"),
        ("equal", "に管理する", "に管理する"),
    ]


def test_apply_ops_refuses_ops_for_another_text() -> None:
    ops = inline_diff("甲は乙", "甲と乙")
    with pytest.raises(ValueError, match="does not fit"):
        apply_ops("丙は乙", ops)


def test_typographic_fold() -> None:
    assert is_typographic("（個人情報）", "(個人情報)")
    assert is_typographic("甲，乙", "甲、乙")
    assert is_typographic("ＡＢＣ１２", "ABC12")
    assert is_typographic("第11条 (正確性)", "第11条(正確性)")
    assert not is_typographic("甲", "乙")
    assert not is_typographic("甲", "甲")
    assert fold("（１）") == "(1)"


# -- whole documents --------------------------------------------------------------------


@given(documents())
def test_diff_of_a_document_with_itself_is_empty(doc: Document) -> None:
    assert not diff(doc, doc)
    assert not diff(doc, copy.deepcopy(doc))
    assert diff(doc, doc).changes == ()


@given(documents(), documents())
def test_any_two_documents(old: Document, new: Document) -> None:
    result = diff(old, new)
    olds = [c.old_path for c in result if c.old_path is not None and c.element_type != "document"]
    news = [c.new_path for c in result if c.new_path is not None and c.element_type != "document"]
    assert len(olds) == len(set(olds))
    assert len(news) == len(set(news))
    for change in result:
        assert change.kinds
        if change.ops:
            assert apply_ops(change.old_text or "", change.ops) == (change.new_text or "")
        if "added" in change.kinds:
            assert change.new is not None
            assert change.new_parent is not None
            assert change.position is not None
        if "removed" in change.kinds:
            assert change.old is not None
    assert bool(result) == (old != new)


@given(documents(), st.data())
def test_changed_phrase_is_one_modification(doc: Document, data: st.DataObject) -> None:
    live = _live(doc)
    assume(live)
    which = data.draw(st.sampled_from(live))
    placed = _placed(doc)
    container, article = placed[which]
    p_index = data.draw(st.integers(0, len(article.paragraphs) - 1))
    paragraph = article.paragraphs[p_index]
    phrase = data.draw(texts)
    new_text = paragraph.text[: len(paragraph.text) // 2] + "改" + phrase
    assume(new_text != paragraph.text)
    paragraphs = list(article.paragraphs)
    paragraphs[p_index] = attrs.evolve(paragraph, text=new_text)
    placed[which] = (container, attrs.evolve(article, paragraphs=tuple(paragraphs)))
    new = _rebuild(doc, placed)
    result = diff(doc, new)
    assert len(result) == 1
    change = result.changes[0]
    assert change.kinds == ("modified",)
    assert change.old_path == change.new_path == f"{article.key}/{paragraph.key}"
    assert change.new_citation == Citation(
        (Step(kind="条", num=article.num), Step(kind="項", num=paragraph.num))
    )
    assert change.old is paragraph
    assert apply_ops(paragraph.text, change.ops) == new_text
    assert change.old_text == paragraph.text


@given(documents(), st.data())
def test_inserted_branch_article_is_one_addition(doc: Document, data: st.DataObject) -> None:
    placed = _placed(doc)
    which = data.draw(st.integers(0, len(placed) - 1))
    container, before = placed[which]
    inserted = _art(1, "（新設）", "新たに設ける条文である。本条は挿入された。", key="inserted")
    inserted = attrs.evolve(inserted, num=before.num.branch(9))
    placed.insert(which + 1, (container, inserted))
    result = diff(doc, _rebuild(doc, placed))
    assert [c.kinds for c in result] == [("added",)]
    change = result.changes[0]
    assert change.new is inserted
    assert change.after == before.key
    assert change.anchor == before.key
    assert change.old_parent == change.new_parent
    assert change.new_citation == Citation((Step(kind="条", num=inserted.num),))


@given(documents(), st.data())
def test_deleted_article_is_one_removal(doc: Document, data: st.DataObject) -> None:
    placed = _placed(doc)
    assume(len(placed) > 1)
    which = data.draw(st.integers(0, len(placed) - 1))
    _, gone = placed.pop(which)
    new = _rebuild(doc, placed)
    assume(new.body and all(not isinstance(e, Division) or e.children for e in new.body))
    result = diff(doc, new)
    assert [(c.kinds, c.old_path) for c in result] == [(("removed",), gone.key)]
    assert result.changes[0].old is gone
    assert result.changes[0].new_parent == result.changes[0].old_parent


@given(documents(), st.data())
def test_renumbered_run_is_reported_as_renumbered(doc: Document, data: st.DataObject) -> None:
    placed = _placed(doc)
    start = data.draw(st.integers(0, len(placed) - 1))
    shifted = [
        (c, attrs.evolve(a, num=Num((a.num.main + 1, *a.num.branches))) if i >= start else a)
        for i, (c, a) in enumerate(placed)
    ]
    result = diff(doc, _rebuild(doc, shifted))
    expected = {a.key for _, a in placed[start:]}
    assert {c.new_path for c in result} == expected
    assert all(c.kinds == ("renumbered",) for c in result)
    for change in result:
        assert change.old_citation != change.new_citation


@given(documents(divisions=False), st.data())
def test_renumbering_with_number_derived_keys(doc: Document, data: st.DataObject) -> None:
    """Two independently parsed versions: keys follow numbers (a3 is 第3条), so a renumbered
    article changes key too. Content decides, not keys."""
    arts = list(doc.articles())
    assume(all(a.paragraphs for a in arts))
    assume(len({(a.caption, a.paragraphs) for a in arts}) == len(arts))
    arts = [attrs.evolve(a, key=f"a{a.num}") for a in arts]
    doc = attrs.evolve(doc, body=tuple(arts))
    start = data.draw(st.integers(0, len(arts) - 1))
    shifted = []
    for i, a in enumerate(arts):
        if i >= start:
            num = Num((a.num.main + 1, *a.num.branches))
            a = attrs.evolve(a, num=num, key=f"a{num}")
        shifted.append(a)
    result = diff(doc, attrs.evolve(doc, body=tuple(shifted)))
    assert all(c.kinds == ("renumbered",) for c in result), [c.kinds for c in result]
    assert len(result) == len(arts) - start


@given(documents(), st.data())
def test_nested_item_is_one_addition(doc: Document, data: st.DataObject) -> None:
    live = _live(doc)
    assume(live)
    placed = _placed(doc)
    which = data.draw(st.sampled_from(live))
    container, article = placed[which]
    paragraph = article.paragraphs[0]
    item = Item(key="nested", num=N(99), text="新たに加える細目")
    kids = paragraph.children
    target = next((k for k in kids if isinstance(k, Item)), None)
    if target is not None:
        nested = attrs.evolve(target, children=(*target.children, item))
        kids = tuple(nested if k is target else k for k in kids)
        path = f"{article.key}/{paragraph.key}/{target.key}/nested"
    else:
        kids = (*kids, item)
        path = f"{article.key}/{paragraph.key}/nested"
    paragraphs = (attrs.evolve(paragraph, children=kids), *article.paragraphs[1:])
    placed[which] = (container, attrs.evolve(article, paragraphs=paragraphs))
    result = diff(doc, _rebuild(doc, placed))
    assert [(c.kinds, c.new_path) for c in result] == [(("added",), path)]
    assert result.changes[0].new_parent == path.rsplit("/", 1)[0]
    assert result.changes[0].old_parent == path.rsplit("/", 1)[0]


_WIDE = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}


@given(documents(), st.data())
def test_typographic_edits_are_flagged(doc: Document, data: st.DataObject) -> None:
    live = _live(doc)
    assume(live)
    placed = _placed(doc)
    which = data.draw(st.sampled_from(live))
    container, article = placed[which]
    paragraph = article.paragraphs[0]
    text = paragraph.text.translate(_WIDE).replace("、", "，") + "　"
    paragraphs = (attrs.evolve(paragraph, text=text), *article.paragraphs[1:])
    placed[which] = (container, attrs.evolve(article, paragraphs=paragraphs))
    result = diff(doc, _rebuild(doc, placed))
    assert len(result) == 1
    assert result.changes[0].typographic
    assert not result.without_typographic()
    assert not diff(doc, _rebuild(doc, placed), typographic=False)


# -- hand-written cases -----------------------------------------------------------------


def _policy(*articles: Article, revisions: tuple[object, ...] = ()) -> Document:
    return Document(title="プライバシーポリシー", body=articles, style=CLINIC)


OLD = _policy(
    _art(1, "(目的)", "当グループ等は個人情報を適切に取り扱います。"),
    _art(2, "(定義)", "この規約において、第12条に定める。", "前項の規定は適用しない。"),
    _art(3, "(利用目的)", "利用目的は次のとおりです。"),
    _art(4, "(第三者提供)", "第三者に提供しません。"),
    _art(5, "(開示)", "開示の請求に応じます。"),
)


def test_moved_article_is_moved() -> None:
    arts = list(OLD.body)
    arts[1], arts[3] = arts[3], arts[1]
    result = diff(OLD, attrs.evolve(OLD, body=tuple(arts)))
    assert {c.new_path for c in result if "moved" in c.kinds}
    assert all("added" not in c.kinds and "removed" not in c.kinds for c in result)


def test_article_moved_to_another_chapter() -> None:
    a1, a2, a3, a4, a5 = OLD.body
    ch1 = Division(key="ch1", kind="章", num=N(1), title="総則", children=(a1, a2, a3))
    ch2 = Division(key="ch2", kind="章", num=N(2), title="雑則", children=(a4, a5))
    old = attrs.evolve(OLD, body=(ch1, ch2))
    new = attrs.evolve(
        OLD, body=(attrs.evolve(ch1, children=(a1, a2)), attrs.evolve(ch2, children=(a3, a4, a5)))
    )
    result = diff(old, new)
    assert [(c.kinds, c.old_parent, c.new_parent) for c in result] == [(("moved",), "ch1", "ch2")]


def test_deleted_to_placeholder() -> None:
    arts = list(OLD.body)
    arts[2] = Article(key="a3", num=N(3), deleted=True)
    result = diff(OLD, attrs.evolve(OLD, body=tuple(arts)))
    assert [(c.kinds, c.new_path) for c in result] == [(("deleted",), "a3")]


def test_caption_change_and_text_change() -> None:
    arts = list(OLD.body)
    arts[1] = _art(2, "(定義等)", "この規約において、第13条に定める。", "前項の規定は適用しない。")
    result = diff(OLD, attrs.evolve(OLD, body=tuple(arts)))
    assert [(c.kinds, c.new_path) for c in result] == [
        (("caption",), "a2"),
        (("modified",), "a2/p1"),
    ]
    assert [(o.old_text, o.new_text) for o in result.changes[1].ops if o.tag != "equal"] == [
        ("第12条", "第13条")
    ]
    assert result.changed_citations() == ("第2条", "第2条第1項")


def test_supplement_revision_added() -> None:
    import pendulum

    from legaldocs import Revision

    first = Revision(date=pendulum.date(2021, 2, 25), event="制定")
    old = attrs.evolve(OLD, supplements=(Supplement(key="s1", revisions=(first,)),))
    second = Revision(date=pendulum.date(2024, 4, 1), event="改定")
    new = attrs.evolve(OLD, supplements=(Supplement(key="s1", revisions=(first, second)),))
    result = diff(old, new)
    assert [(c.element_type, c.field) for c in result] == [("supplement", "revisions")]
    change = result.changes[0]
    assert apply_ops(change.old_text or "", change.ops) == change.new_text


def test_table_rows() -> None:
    old = Document(
        title="特定商取引法に基づく表記",
        body=(Table.from_pairs("t1", [("販売業者", "医療法人A"), ("所在地", "東京都")]),),
    )
    new = Document(
        title="特定商取引法に基づく表記",
        body=(
            Table.from_pairs(
                "t1", [("販売業者", "医療法人B"), ("所在地", "東京都"), ("電話", "03")]
            ),
        ),
    )
    result = diff(old, new)
    assert [(c.kinds, c.new_path, str(c.new_citation)) for c in result] == [
        (("modified",), "t1/r1", "第1表第1行"),
        (("added",), "t1/r3", "第1表第3行"),
    ]


def test_document_title_change() -> None:
    result = diff(OLD, attrs.evolve(OLD, title="個人情報保護方針"))
    assert [(c.element_type, c.field) for c in result] == [("document", "title")]


def test_bad_input_is_a_library_error() -> None:
    with pytest.raises(LegaldocsError, match="by must be"):
        diff(OLD, OLD, by="nonsense")  # type: ignore[arg-type]
    with pytest.raises(LegaldocsError, match="new must be a Document"):
        diff(OLD, OLD.body)  # type: ignore[arg-type]


def test_diff_is_immutable() -> None:
    result = diff(OLD, attrs.evolve(OLD, title="x"))
    assert isinstance(result, Diff)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.changes = ()  # type: ignore[misc]
    assert isinstance(result.changes, tuple)


def test_inserted_article_leaves_later_ones_alone_without_shared_keys() -> None:
    """Two documents with keys derived from numbers: an article inserted as 第3条 shifts the
    rest, which are reported as renumbered, not modified."""
    new_arts = [OLD.body[0], OLD.body[1], _art(3, "(新設)", "新しい規定を設ける。")]
    for a in OLD.body[2:]:
        assert isinstance(a, Article)
        new_arts.append(attrs.evolve(a, num=N(a.num.main + 1), key=f"a{a.num.main + 1}"))
    result = diff(OLD, attrs.evolve(OLD, body=tuple(new_arts)))
    assert [(c.kinds, c.old_path, c.new_path) for c in result] == [
        (("added",), None, "a3"),
        (("renumbered",), "a3", "a4"),
        (("renumbered",), "a4", "a5"),
        (("renumbered",), "a5", "a6"),
    ]


def test_rewritten_article_with_the_same_key() -> None:
    arts = list(OLD.body)
    arts[2] = _art(3, "(全く新しい見出し)", "まったく別の内容に書き換えた条文である。")
    new = attrs.evolve(OLD, body=tuple(arts))
    for by in ("auto", "key"):
        result = diff(OLD, new, by=by)  # type: ignore[arg-type]
        assert [(c.kinds, c.new_path) for c in result] == [
            (("caption",), "a3"),
            (("modified",), "a3/p1"),
        ]
    assert result.find("a3/p1") is result.changes[1]
    assert result.find("a9") is None


def test_by_content_ignores_keys() -> None:
    rekeyed = attrs.evolve(
        OLD, body=tuple(attrs.evolve(a, key=f"x{i}") for i, a in enumerate(OLD.body))
    )
    assert not diff(OLD, rekeyed, by="content")
    assert not diff(OLD, rekeyed)


def test_short_equal_runs_between_changes_are_absorbed() -> None:
    """A rewritten address is one replacement, not five fragments around 丁目 and 恵比寿."""
    from legaldocs._inline import inline_diff

    old = "東京都渋谷区恵比寿南三丁目1-1 いちご恵比寿グリーングラス 7F"
    new = "東京都渋谷区恵比寿一丁目2-3 恵比寿ビル 5F"
    ops = inline_diff(old, new)
    assert [op.tag for op in ops] == ["equal", "replace", "equal"]
    assert ops[1].old_text == "南三丁目1-1 いちご恵比寿グリーングラス 7"
    assert ops[1].new_text == "一丁目2-3 恵比寿ビル 5"
    assert apply_ops(old, ops) == new
    # Separate edits with real context between them stay separate.
    two = inline_diff("当グループ等は、個人情報を", "当グループは、個人データを")
    assert [op.tag for op in two] == ["equal", "delete", "equal", "replace", "equal"]


def _rekeyed(element: Any) -> Any:
    """``element`` with new keys for it and the divisions and articles inside it."""
    if isinstance(element, Division):
        children = tuple(_rekeyed(c) for c in element.children)
        return attrs.evolve(element, key=element.key + "r", children=children)
    return attrs.evolve(element, key=element.key + "r")


def _edit_top_level(doc: Document, data: st.DataObject) -> Document:
    """``doc`` with some of its top-level elements changed, removed, moved or an article
    moved between two of them; the others are the same objects."""
    body = list(doc.body)
    for _ in range(data.draw(st.integers(1, 3))):
        if not body:
            break
        i = data.draw(st.integers(0, len(body) - 1))
        op = data.draw(st.sampled_from(["change", "remove", "move", "transfer", "rekey"]))
        element = body[i]
        if op == "remove":
            del body[i]
        elif op == "move":
            body.insert(data.draw(st.integers(0, len(body) - 1)), body.pop(i))
        elif op == "transfer" and isinstance(element, Division) and element.children:
            j = data.draw(st.integers(0, len(body) - 1))
            other = body[j]
            if j != i and isinstance(other, Division):
                moving = element.children[-1]
                body[i] = attrs.evolve(element, children=element.children[:-1])
                body[j] = attrs.evolve(other, children=(moving, *other.children))
        elif op == "rekey":  # new keys: "auto" may then match by content
            body[i] = _rekeyed(element)
        elif isinstance(element, Division):
            body[i] = attrs.evolve(
                element, title=element.title + "改", children=element.children[::-1]
            )
        elif isinstance(element, Article):
            body[i] = attrs.evolve(element, caption="（改）")
    return attrs.evolve(doc, body=tuple(body))


@given(documents(full=True), st.data())
def test_shared_ends_of_a_body_do_not_change_the_diff(doc: Document, data: st.DataObject) -> None:
    """Leaving out the top-level elements two bodies share at their ends (for speed) gives
    the diff of the whole bodies, whichever way elements are matched."""
    from legaldocs.compare import _diff

    new = _edit_top_level(doc, data)
    for by in ("auto", "key", "content"):
        fast = diff(doc, new, by=by)  # type: ignore[arg-type]
        _diff._SHARE_ENDS = False
        try:
            whole = diff(doc, new, by=by)  # type: ignore[arg-type]
        finally:
            _diff._SHARE_ENDS = True
        assert fast.changes == whole.changes
