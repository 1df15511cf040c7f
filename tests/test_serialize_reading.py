"""Tests of how legaldocs.serialize reads: the depth limit counted while reading, the detailed
pass in linear time, union members read in place, users' hooks still used."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import attrs
import pytest

import legaldocs
from legaldocs import Article, Document, Item, Num, Paragraph, SchemaError, dumps, loads
from legaldocs.serialize import _converter
from legaldocs.serialize._formats import encode


def _deep_items(depth: int, *, num: int = 1, text: object = "x") -> dict[str, Any]:
    """A document whose first paragraph holds items nested ``depth`` deep; the innermost item
    has ``num`` and ``text``."""
    item: dict[str, Any] = {"type": "Item", "key": "i1", "num": num, "text": text}
    for _ in range(depth):
        item = {"type": "Item", "key": "i1", "num": 1, "text": "x", "children": [item]}
    para = {"key": "p1", "num": 1, "text": "t", "children": [item]}
    article = {"type": "Article", "key": "a1", "num": 1, "paragraphs": [para]}
    return {"schema": 1, "type": "Document", "title": "T", "body": [article]}


def _depth(data: Any) -> int:
    if isinstance(data, dict):
        return 1 + max(map(_depth, data.values()), default=0)
    if isinstance(data, list):
        return 1 + max(map(_depth, data), default=0)
    return 0


# --- the depth limit --------------------------------------------------------------------------


def test_every_record_of_the_library_counts_its_depth_while_read() -> None:
    """No record of the library nests through anything but tuples (an optional record field
    that can hold its own kind, a list, a mapping, Any): reading counts tuples and needs no
    walk of the data beforehand."""
    records = [
        value
        for name in legaldocs.__all__
        if isinstance(value := getattr(legaldocs, name), type) and attrs.has(value)
    ]
    assert len(records) > 40
    assert [r.__name__ for r in records if not _converter.depth_is_counted(r)] == []


@attrs.frozen(kw_only=True)
class _Node:
    """A user's record that nests through an optional field, not a tuple."""

    name: str
    next: _Node | None = None


@attrs.frozen(kw_only=True)
class _Bag:
    """A user's record with a field read as it is."""

    data: dict[str, Any] = attrs.field(factory=dict)


def test_records_that_nest_otherwise_are_walked_before_reading() -> None:
    assert not _converter.depth_is_counted(_Node)
    assert not _converter.depth_is_counted(_Bag)
    node: dict[str, Any] = {"name": "x"}
    for _ in range(300):
        node = {"name": "x", "next": node}
    with pytest.raises(SchemaError) as info:
        legaldocs.from_data({"schema": 1, "type": "_Node", **node}, _Node)
    assert info.value.problems == ("$: nested more than 200 levels deep",)
    shallow: dict[str, Any] = {"name": "x"}
    for _ in range(50):
        shallow = {"name": "x", "next": shallow}
    assert legaldocs.from_data({"schema": 1, "type": "_Node", **shallow}, _Node).name == "x"


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_deep_records_are_refused_with_one_message_in_every_format(fmt: str) -> None:
    text = dumps(loads(json.dumps(_deep_items(5)), Document), fmt)  # type: ignore[arg-type]
    assert loads(text, Document, fmt) == loads(json.dumps(_deep_items(5)), Document)  # type: ignore[arg-type]
    deep = _deep_items(150)
    deep_text = json.dumps(deep) if fmt == "json" else encode(deep, fmt)
    with pytest.raises(SchemaError) as info:
        loads(deep_text, Document, fmt)  # type: ignore[arg-type]
    assert info.value.problems == ("$: nested more than 200 levels deep",)


def test_what_is_written_within_the_limit_is_read() -> None:
    """Reading refuses records nested more than 100 tuples deep, which is more than 200
    levels of data (each tuple a list and each record in it a mapping): what ``to_data``
    writes (at most 200 levels) is read back."""
    assert _depth(_deep_items(96)) <= 200 < _depth(_deep_items(97))
    for depth in range(90, 97):
        doc = loads(json.dumps(_deep_items(depth)), Document)
        assert loads(dumps(doc), Document) == doc
    with pytest.raises(SchemaError, match="nested more than 200"):
        dumps(loads(json.dumps(_deep_items(97)), Document))  # read (100 tuples), not written
    with pytest.raises(SchemaError, match="nested more than 200"):
        loads(json.dumps(_deep_items(98)), Document)  # 101 tuples


def test_a_deep_part_behind_an_earlier_problem_is_reported_with_its_path() -> None:
    """The fast pass stops at the alternative title (read before the body); the detailed
    pass finds the depth too, where it is."""
    data = _deep_items(150)
    data["alt_title"] = 1
    with pytest.raises(SchemaError) as info:
        loads(json.dumps(data), Document)
    first, second = info.value.problems
    assert first == "$.alt_title: expected a string, got int"
    assert second.startswith("$.body[0].paragraphs[0].children[0].children[0]")
    assert second.endswith(": nested more than 200 levels deep")


def test_the_depth_is_counted_per_thread() -> None:
    """A thread reading deep records does not use up the depth of another."""
    mine = legaldocs.make_converter()
    inside, release = threading.Event(), threading.Event()

    def num(value: Any, _: Any) -> Num:
        if value == 7:  # the innermost item of the first thread's document: wait there
            inside.set()
            assert release.wait(10)
        return Num.of(value)

    mine.register_structure_hook(Num, num)
    results: list[object] = []
    thread = threading.Thread(
        target=lambda: results.append(
            loads(json.dumps(_deep_items(90, num=7)), Document, converter=mine)
        )
    )
    thread.start()
    try:
        assert inside.wait(10)
        doc = loads(json.dumps(_deep_items(90)), Document, converter=mine)
        assert isinstance(doc, Document)
    finally:
        release.set()
        thread.join()
    assert isinstance(results[0], Document)


# --- errors: the detailed pass ------------------------------------------------------------------


def test_a_problem_deep_inside_is_reported_in_linear_time() -> None:
    """The detailed pass tried every element again below a failed one: 2**depth tries
    (10 levels took 1.6 s; 90 never ended)."""
    started = time.perf_counter()
    with pytest.raises(SchemaError) as info:
        loads(json.dumps(_deep_items(90, text=5)), Document)
    assert time.perf_counter() - started < 2.0
    (problem,) = info.value.problems
    assert problem == (
        "$.body[0].paragraphs[0]" + ".children[0]" * 91 + ".text: expected a string, got int"
    )


# --- union members read in place -------------------------------------------------------------


def test_the_keys_allowed_are_those_cattrs_allows() -> None:
    """A member of a union (or of a tuple) is read by cattrs' function that lets unknown keys
    through, after a check of its keys here: the same keys as cattrs' own check."""
    conv = legaldocs.make_converter()
    loads(dumps(Document(title="t")), Document, converter=conv)
    records = [
        value
        for name in legaldocs.__all__
        if isinstance(value := getattr(legaldocs, name), type) and attrs.has(value)
    ]
    read = [cls for cls in records if conv.record_hooks.get(conv.get_structure_hook(cls))]
    assert len(read) > 40  # Num, for one, has a hook of its own
    for cls in read:
        strict = conv.get_structure_hook(cls)
        assert _converter._keys_of(cls, conv) == strict.__globals__["__c_a"], cls


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (lambda d: d["body"][0], "$.body[0]"),
        (lambda d: d["body"][0]["paragraphs"][0], "$.body[0].paragraphs[0]"),
        (
            lambda d: d["body"][0]["paragraphs"][0]["children"][0],
            "$.body[0].paragraphs[0].children[0]",
        ),
    ],
)
def test_unknown_keys_are_refused_in_and_out_of_unions(where: Any, path: str) -> None:
    data = _deep_items(1)
    where(data)["extra"] = 1
    with pytest.raises(SchemaError) as info:
        loads(json.dumps(data), Document)
    assert info.value.problems == (f"{path}: unknown key 'extra'",)


def test_a_users_hook_for_a_record_is_used_in_unions_and_tuples() -> None:
    mine = legaldocs.make_converter()
    default = mine.get_structure_hook(Paragraph)
    seen: list[str] = []

    def paragraph(value: Any, cls: Any) -> Paragraph:
        seen.append(value["key"])
        return default(value, cls)  # type: ignore[no-any-return]

    mine.register_structure_hook(Paragraph, paragraph)
    doc = Document(
        title="t",
        body=(
            Paragraph(key="p0", num=Num.of(1), text="前文"),
            Article(
                key="a1",
                num=Num.of(1),
                paragraphs=(
                    Paragraph(
                        key="p1",
                        num=Num.of(1),
                        text="x",
                        children=(Item(key="i1", num=Num.of(1), text="y"),),
                    ),
                ),
            ),
        ),
    )
    assert loads(dumps(doc), Document, converter=mine) == doc
    assert sorted(seen) == ["p0", "p1"]
    assert loads(dumps(doc), Document) == doc


@attrs.frozen(kw_only=True)
class _Optional:
    """A record whose fields all have defaults."""

    a: str = ""


@attrs.frozen(kw_only=True)
class _Holder:
    """A tuple of such records."""

    items: tuple[_Optional, ...] = ()


@pytest.mark.parametrize("value", [[], ["a"], "a", 1, None])
def test_a_record_in_a_tuple_must_be_a_mapping(value: object) -> None:
    """Even a record with no required field: an empty list is not one."""
    data = {"schema": 1, "type": "_Holder", "items": [{"a": "x"}, value]}
    with pytest.raises(SchemaError) as info:
        legaldocs.from_data(data, _Holder)
    assert info.value.problems == (f"$.items[1]: expected a mapping, got {_converter.kind(value)}",)
    assert legaldocs.from_data({**data, "items": [{"a": "x"}, {}]}, _Holder) == _Holder(
        items=(_Optional(a="x"), _Optional())
    )
