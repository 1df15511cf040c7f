"""Tests of legaldocs.serialize._api: exact round trips, strict reading, atomic writing."""

from __future__ import annotations

import datetime
import json
import os
import sys
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import legaldocs
from legaldocs import (
    Article,
    Cell,
    Division,
    Document,
    FormatError,
    Item,
    Num,
    Paragraph,
    ParseError,
    Revision,
    SchemaError,
    Style,
    Supplement,
    Table,
    Toc,
    TocEntry,
    converter,
    dump,
    dumps,
    load,
    loads,
    register_tag,
)
from tests.conftest import CORPORA
from tests.strategies import (
    articles,
    cell_attrs,
    documents,
    items,
    multiline_texts,
    paragraphs,
    revisions,
    tables,
    tocs,
)

FORMATS = ["json", "toml", "yaml"]


def roundtrip(obj: Any, format: str) -> Any:
    return loads(dumps(obj, format), type(obj), format)


def schema_problems(text: str, cls: type, format: str = "json") -> tuple[str, ...]:
    with pytest.raises(SchemaError) as info:
        loads(text, cls, format)
    assert type(info.value) is SchemaError
    return info.value.problems


def with_data(data: dict[str, Any], cls: type = Document) -> tuple[str, ...]:
    return schema_problems(json.dumps(data, ensure_ascii=False), cls)


# --- exact round trips -------------------------------------------------------------------------


@pytest.mark.parametrize("format", FORMATS)
@settings(max_examples=25)
@given(doc=documents(full=True))
def test_document_round_trip(format: str, doc: Document) -> None:
    assert roundtrip(doc, format) == doc


@pytest.mark.parametrize("format", FORMATS)
@settings(max_examples=15)
@given(doc=documents())
def test_plain_document_round_trip(format: str, doc: Document) -> None:
    assert roundtrip(doc, format) == doc


@pytest.mark.parametrize("format", FORMATS)
@settings(max_examples=15)
@given(
    record=st.one_of(
        articles().map(lambda a: a[0]),
        paragraphs().map(lambda p: p[0]),
        items(tables_too=True, labels=True).filter(bool).map(lambda i: i[0]),
        tables(attrs=True),
        tables(attrs=True).map(lambda t: t.rows[0]),
        st.builds(Cell, text=multiline_texts, attrs=cell_attrs),
        revisions.map(lambda r: r[0]),
        tocs,
        tocs.map(lambda t: TocEntry(text="第一章", children=t.entries)),
        st.builds(
            Style,
            numerals=st.sampled_from(["kanji", "arabic"]),
            items=st.sampled_from(["numbered", "bullets"]),
        ),
        articles().map(
            lambda a: Division(key="ch1", kind="編", num=Num.of(1, 2), title="総則", children=a)
        ),
        revisions.map(lambda r: Supplement(key="s1", revisions=r)),
    )
)
def test_every_record_round_trips(format: str, record: Any) -> None:
    back = roundtrip(record, format)
    assert back == record
    assert type(back) is type(record)


@attrs.frozen(kw_only=True)
class Holder:
    """A toy record holding the values that only appear deep inside documents."""

    num: Num
    nums: tuple[Num, ...] = ()
    date: pendulum.Date | None = None
    at: pendulum.DateTime | None = None


nums = st.lists(st.integers(1, 10**6), min_size=1, max_size=4).map(lambda p: Num(tuple(p)))


@pytest.mark.parametrize("format", FORMATS)
@settings(max_examples=30)
@given(num=nums, more=st.lists(nums, max_size=3).map(tuple))
def test_num_round_trip(format: str, num: Num, more: tuple[Num, ...]) -> None:
    holder = Holder(num=num, nums=more)
    assert roundtrip(holder, format) == holder


def test_num_is_compact() -> None:
    assert converter.unstructure(Num.of(3)) == 3
    assert converter.unstructure(Num.of(3, 2)) == "3の2"
    assert converter.structure("27の12の2", Num) == Num.of(27, 12, 2)
    assert converter.structure("3", Num) == Num.of(3)


def _zone(name: str) -> Any:
    return pendulum.timezone(name)


zoned = st.builds(
    lambda dt, name, fold: pendulum.DateTime(
        dt.year,
        dt.month,
        dt.day,
        dt.hour,
        dt.minute,
        dt.second,
        dt.microsecond,
        tzinfo=_zone(name),
        fold=fold,
    ),
    st.datetimes(min_value=datetime.datetime(1800, 1, 1)),
    st.sampled_from(["Asia/Tokyo", "UTC", "America/New_York", "Europe/London", "Asia/Kolkata"]),
    st.integers(0, 1),
)
fixed = st.builds(
    lambda dt, minutes: pendulum.instance(dt).replace(tzinfo=pendulum.FixedTimezone(minutes * 60)),
    st.datetimes(min_value=datetime.datetime(1900, 1, 1)),
    st.integers(-12 * 60, 14 * 60),
)
naive = st.datetimes().map(lambda dt: pendulum.instance(dt).naive())


@pytest.mark.parametrize("format", FORMATS)
@settings(max_examples=40)
@given(
    at=st.one_of(zoned, fixed, naive),
    date=st.dates().map(lambda d: pendulum.Date(d.year, d.month, d.day)),
)
def test_pendulum_round_trip(format: str, at: pendulum.DateTime, date: pendulum.Date) -> None:
    holder = Holder(num=Num.of(1), at=at, date=date)
    back = roundtrip(holder, format)
    assert back == holder
    assert type(back.at) is pendulum.DateTime
    assert type(back.date) is pendulum.Date
    assert back.at.utcoffset() == at.utcoffset()
    assert back.at.replace(tzinfo=None) == at.replace(tzinfo=None)
    if at.tzinfo is None:
        assert back.at.tzinfo is None
    else:
        assert back.at.tzinfo is not None
        assert back.at.tzinfo.tzname(None) == at.tzinfo.tzname(None) or (
            getattr(back.at.tzinfo, "name", None) == getattr(at.tzinfo, "name", None)
        )
        assert getattr(back.at.tzinfo, "name", None) == getattr(at.tzinfo, "name", None)


def test_tokyo_keeps_its_zone_name() -> None:
    at = pendulum.datetime(2024, 4, 1, tz="Asia/Tokyo")
    text = dumps(Holder(num=Num.of(1), at=at))
    assert '"at":"2024-04-01T00:00:00+09:00[Asia/Tokyo]"' in text
    back = loads(text, Holder)
    assert back.at is not None
    assert back.at.timezone_name == "Asia/Tokyo"
    assert back.at == at
    offset_only = loads(text.replace("[Asia/Tokyo]", ""), Holder).at
    assert offset_only is not None
    assert offset_only.timezone_name == "+09:00"


def test_ambiguous_time_keeps_its_fold() -> None:
    first = pendulum.DateTime(2024, 11, 3, 1, 30, tzinfo=_zone("America/New_York"), fold=0)
    second = first.replace(fold=1)
    for at in (first, second):
        back = loads(dumps(Holder(num=Num.of(1), at=at)), Holder).at
        assert back is not None
        assert back.utcoffset() == at.utcoffset()


def test_dates_and_date_times_are_not_confused() -> None:
    found = with_data(
        {
            "schema": 1,
            "type": "Holder",
            "num": 1,
            "date": "2024-04-01T00:00:00+09:00[Asia/Tokyo]",
            "at": "2024-04-01",
        },
        Holder,
    )
    assert found == (
        "$.date: expected a date (YYYY-MM-DD), got a date-time "
        "'2024-04-01T00:00:00+09:00[Asia/Tokyo]'",
        "$.at: expected a date-time, got a date '2024-04-01'",
    )
    with pytest.raises(SchemaError, match="date-time"):
        dumps(Revision(date=pendulum.datetime(2024, 4, 1)))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-02-30", "not a valid date"),
        ("2024/04/01", "expected a date"),
        ("２０２４-０４-０１", "expected a date"),
        ("20240401", "expected a date"),
        (20240401, "got int"),
    ],
)
def test_bad_dates(value: object, message: str) -> None:
    (problem,) = with_data({"schema": 1, "type": "Revision", "date": value}, Revision)
    assert problem.startswith("$.date: ")
    assert message in problem


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-04-01T00:00:00+09:00[Nowhere/City]", "unknown time zone"),
        ("2024-04-01T00:00:00+08:00[Asia/Tokyo]", "is not that of Asia/Tokyo"),
        ("2024-04-01T00:00:00[Asia/Tokyo]", "expected a date-time"),
        ("2024-04-01T25:00:00+09:00", "not a valid date-time"),
        ("2024-04-01 00:00:00+09:00", "expected a date-time"),
    ],
)
def test_bad_date_times(value: str, message: str) -> None:
    (problem,) = with_data({"schema": 1, "type": "Holder", "num": 1, "at": value}, Holder)
    assert problem.startswith("$.at: ")
    assert message in problem


@pytest.mark.parametrize(
    "value", [0, -1, True, 1.0, "三", "３", "03", "3の", "3の0", "3-2", "", [3, 2], None]
)
def test_bad_nums_are_rejected(value: object) -> None:
    (problem,) = with_data({"schema": 1, "type": "Holder", "num": value}, Holder)
    assert problem.startswith("$.num: ")


@pytest.mark.parametrize("format", FORMATS)
@settings(max_examples=30)
@given(text=st.text(st.characters(exclude_categories=["Cs"]), max_size=40))
def test_any_text_round_trips(format: str, text: str) -> None:
    cell = Cell(text=text, attrs=(("BorderTop", text),))
    assert roundtrip(cell, format) == cell


def test_real_statute_text_round_trips() -> None:
    """Every line of a real statute, as paragraphs, in every format."""
    path = sorted((CORPORA / "gyosei-tetsuzuki-ho").glob("*.law.txt"))[0]
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    doc = Document(
        title=lines[0],
        body=tuple(
            Paragraph(key=f"p{i}", num=Num.of(i), text=line)
            for i, line in enumerate(lines[1:], start=1)
        ),
    )
    for format in FORMATS:
        assert loads(dumps(doc, format), Document, format) == doc


# --- layout -------------------------------------------------------------------------------------


def test_defaults_are_left_out_and_restored() -> None:
    doc = Document(title="利用規約")
    assert dumps(doc) == '{"schema":1,"type":"Document","title":"利用規約"}'
    assert loads('{"schema":1,"type":"Document","title":"利用規約"}', Document) == doc
    assert dumps(Style()) == '{"schema":1,"type":"Style"}'
    assert "schema = 1" in dumps(doc, "toml")


def test_union_members_are_tagged() -> None:
    doc = Document(
        title="t",
        body=(
            Article(
                key="a1", num=Num.of(1), paragraphs=(Paragraph(key="p1", num=Num.of(1), text="x"),)
            ),
            Table.from_pairs("t1", [("販売業者", "当グループ")]),
        ),
    )
    data = json.loads(dumps(doc))
    assert [e["type"] for e in data["body"]] == ["Article", "Table"]
    assert next(iter(data["body"][0])) == "type"
    assert "type" not in data["body"][0]["paragraphs"][0]


def test_json_keeps_non_ascii_and_is_deterministic() -> None:
    doc = Document(
        title="プライバシーポリシー",
        preamble=(Paragraph(key="p", num=Num.of(1), text="①\u3000（）"),),
    )
    text = dumps(doc)
    assert "プライバシーポリシー" in text
    assert "①\u3000（）" in text
    assert text == dumps(Document(**attrs.asdict(doc, recurse=False)))
    indented = dumps(doc, indent=2)
    assert indented.startswith('{\n  "schema": 1,')
    assert loads(indented, Document) == doc


def test_cell_attrs_shape() -> None:
    cell = Cell(text="a", attrs=(("BorderTop", "none"),))
    assert json.loads(dumps(cell))["attrs"] == [["BorderTop", "none"]]
    found = with_data({"schema": 1, "type": "Cell", "text": "a", "attrs": [["x"], "y"]}, Cell)
    assert found == (
        "$.attrs[0]: expected a list of 2, got 1 elements",
        "$.attrs[1]: expected a list, got str",
    )


# --- strict reading -----------------------------------------------------------------------------


def test_every_problem_is_listed_with_its_path() -> None:
    data = json.loads(
        dumps(
            Document(
                title="t",
                body=(
                    Article(key="a1", num=Num.of(1)),
                    Article(
                        key="a2",
                        num=Num.of(2),
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
                supplements=(
                    Supplement(key="s1", revisions=(Revision(date=pendulum.date(2021, 2, 25)),)),
                ),
            )
        )
    )
    del data["title"]
    data["lang"] = 5
    data["body"][0]["caption"] = 3
    data["body"][0]["extra"] = True
    data["body"][1]["paragraphs"][0]["children"][0]["num"] = "一"
    data["body"][1]["paragraphs"][0]["children"].append({"type": "Foo"})
    data["body"][1]["paragraphs"][0]["children"].append({"key": "x"})
    data["body"].append("article")
    data["supplements"][0]["revisions"][0]["era"] = "yes"
    data["style"] = {"numerals": "roman"}
    found = with_data(data)
    assert sorted(found) == sorted(
        [
            "$.title: required key missing",
            "$.lang: expected a string, got int",
            "$.body[0].caption: expected a string, got int",
            "$.body[0]: unknown key 'extra'",
            "$.body[1].paragraphs[0].children[0].num: "
            "expected a number such as 3 or \"3の2\", got '一'",
            "$.body[1].paragraphs[0].children[1].type: unknown type 'Foo', "
            "expected one of Item | Table | FigStruct | StyleStruct | ListBlock | AmendProvision",
            "$.body[1].paragraphs[0].children[2]: missing 'type' "
            "(one of Item | Table | FigStruct | StyleStruct | ListBlock | AmendProvision)",
            "$.body[2]: expected a mapping with a 'type' (Division | Article | Paragraph | Table | "
            "Section | TextBlock | Dateline | BlockList | Quote | HtmlBlock | CodeBlock | "
            "ThematicBreak | PipeTable | LinkDefinitions), "
            "got str",
            "$.supplements[0].revisions[0].era: expected true or false, got str",
            "$.style.numerals: expected one of 'kanji', 'arabic', got 'roman'",
        ]
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"type": "Document", "title": "t"}, ["$.schema: missing (expected 1)"]),
        (
            {"schema": 2, "type": "Document", "title": "t"},
            ["$.schema: unsupported schema version 2 (this version of legaldocs reads 1)"],
        ),
        (
            {"schema": "1", "type": "Document", "title": "t"},
            ["$.schema: unsupported schema version '1' (this version of legaldocs reads 1)"],
        ),
        (
            {"schema": True, "type": "Document", "title": "t"},
            ["$.schema: unsupported schema version True (this version of legaldocs reads 1)"],
        ),
        ({"schema": 1, "title": "t"}, ["$.type: missing (expected 'Document')"]),
        (
            {"schema": 1, "type": "Article", "title": "t"},
            ["$.type: expected 'Document', got 'Article'"],
        ),
        ({"schema": 1, "type": "Document", "title": "t", "x": 1}, ["$: unknown key 'x'"]),
        (
            {},
            ["$.schema: missing (expected 1)", "$.type: missing (expected 'Document')"],
        ),
    ],
)
def test_envelope(data: dict[str, Any], expected: list[str]) -> None:
    assert list(with_data(data)) == expected


@pytest.mark.parametrize("text", ["[]", "3", "null", '"Document"'])
def test_top_level_must_be_a_mapping(text: str) -> None:
    (problem,) = schema_problems(text, Document)
    assert problem.startswith("$: expected a mapping")


def test_schema_error_is_one_plain_error() -> None:
    with pytest.raises(SchemaError) as info:
        loads('{"schema":1,"type":"Document","title":1,"lang":2}', Document)
    assert not isinstance(info.value, BaseExceptionGroup)
    assert info.value.__cause__ is None
    assert "2 schema problems" in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("format", "text", "line", "column"),
    [
        ("json", '{"schema": 1,\n "type": }', 2, 10),
        ("toml", 'schema = 1\ntype = "Document\n', 2, 17),
        ("yaml", "schema: 1\ntype: [Document\n", 3, 1),
        ("yaml", "schema: 1\nschema: 1\n", 2, 1),
    ],
)
def test_syntax_errors(format: str, text: str, line: int, column: int) -> None:
    with pytest.raises(ParseError) as info:
        loads(text, Document, format)
    assert (info.value.line, info.value.column) == (line, column)
    assert f"line {line}" in str(info.value)


def test_deep_nesting_is_a_library_error() -> None:
    with pytest.raises(ParseError, match="nested too deeply"):
        loads("[" * 100_000 + "]" * 100_000, Document)


def test_yaml_native_dates_are_read_but_strings_are_written() -> None:
    doc = loads("schema: 1\ntype: Revision\ndate: 2021-02-25\n", Revision, "yaml")
    assert doc == Revision(date=pendulum.date(2021, 2, 25))
    assert "date: '2021-02-25'" in dumps(doc, "yaml")


# --- files --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["doc.json", "doc.toml", "doc.yaml", "doc.yml", "DOC.JSON"])
def test_dump_and_load_by_extension(tmp_path: Path, name: str) -> None:
    doc = Document(
        title="特定商取引法に基づく表記", body=(Table.from_pairs("t1", [("販売業者", "x")]),)
    )
    path = tmp_path / name
    dump(doc, path)
    assert load(path, Document) == doc
    assert load(str(path), Document) == doc
    assert path.read_text(encoding="utf-8").endswith("\n")
    assert os.listdir(tmp_path) == [name]


def test_unknown_extension_and_format(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r"\.txt"):
        dump(Document(title="t"), tmp_path / "doc.txt")
    with pytest.raises(FormatError, match="'xml'"):
        dumps(Document(title="t"), "xml")  # type: ignore[arg-type]
    with pytest.raises(FormatError, match="extension"):
        load(tmp_path / "doc", Document)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("format", "module", "extra"), [("toml", "tomli_w", "toml"), ("yaml", "yaml", "yaml")]
)
def test_missing_extra(
    monkeypatch: pytest.MonkeyPatch, format: str, module: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(FormatError, match=rf"legaldocs\[{extra}\]"):
        dumps(Document(title="t"), format)  # type: ignore[arg-type]


def test_errors_name_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": 1', encoding="utf-8")
    with pytest.raises(ParseError) as parse:
        load(broken, Document)
    assert parse.value.source == str(broken)
    assert str(broken) in str(parse.value)
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("schema: 1\ntype: Document\ntitle: 3\n", encoding="utf-8")
    with pytest.raises(SchemaError) as schema:
        load(wrong, Document)
    assert schema.value.source == str(wrong)
    assert schema.value.problems == ("$.title: expected a string, got int",)
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'schema = 1\ntitle = "\xff"\n')
    with pytest.raises(ParseError) as decode:
        load(latin, Document)
    assert (decode.value.line, decode.value.column) == (2, 10)


@pytest.fixture
def original(tmp_path: Path) -> Path:
    path = tmp_path / "policy.json"
    dump(Document(title="旧"), path)
    path.chmod(0o640)
    return path


def _assert_untouched(path: Path) -> None:
    assert load(path, Document) == Document(title="旧")
    assert os.listdir(path.parent) == [path.name]


def test_dump_replaces_atomically_and_keeps_the_mode(original: Path) -> None:
    dump(Document(title="新"), original)
    assert load(original, Document) == Document(title="新")
    assert original.stat().st_mode & 0o777 == 0o640
    assert os.listdir(original.parent) == [original.name]


def test_unserializable_object_leaves_the_file(original: Path) -> None:
    with pytest.raises(SchemaError):
        dump(Revision(date=pendulum.datetime(2024, 1, 1)), original.with_suffix(".json"))
    with pytest.raises(SchemaError):
        dump(Document(title="t", body=(Cell(text="x"),)), original)  # type: ignore[arg-type]
    _assert_untouched(original)


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failure_mid_write_leaves_the_file(
    monkeypatch: pytest.MonkeyPatch, original: Path, failing: str
) -> None:
    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(OSError, match="disk full"):
        dump(Document(title="新"), original)
    monkeypatch.undo()
    _assert_untouched(original)


def test_interrupted_write_leaves_the_file(monkeypatch: pytest.MonkeyPatch, original: Path) -> None:
    real_fdopen = os.fdopen

    class Exploding:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Exploding:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def fileno(self) -> int:
            return int(self.handle.fileno())

        def write(self, data: bytes) -> None:
            self.handle.write(data[:3])
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Exploding(real_fdopen(fd, mode)))
    with pytest.raises(KeyboardInterrupt):
        dump(Document(title="新"), original)
    monkeypatch.undo()
    _assert_untouched(original)


# --- extending the converter with new records -----------------------------------------------------


@attrs.frozen(kw_only=True)
class Insert:
    """A toy change: insert ``text`` after ``anchor``."""

    target: str
    anchor: str
    text: str


@attrs.frozen(kw_only=True)
class Delete:
    """A toy change: delete ``text``."""

    target: str
    text: str
    whole: bool = False


@attrs.frozen(kw_only=True)
class Renumber:
    """A toy change with a number."""

    target: str
    to: Num


ToyChange = Insert | Delete | Renumber


@attrs.frozen(kw_only=True)
class ToyAmendment:
    """A toy amendment: a date, a tuple of changes of several classes, an optional note."""

    id: str
    effective: pendulum.Date
    changes: tuple[ToyChange, ...] = ()
    first: ToyChange | None = None


@attrs.frozen(kw_only=True)
class ToyHistory:
    """A toy history: a document and its amendments."""

    base: Document
    amendments: tuple[ToyAmendment, ...] = ()


@pytest.mark.parametrize("format", FORMATS)
def test_new_record_unions_need_no_registration(format: str) -> None:
    amendment = ToyAmendment(
        id="r3-1",
        effective=pendulum.date(2021, 4, 1),
        changes=(
            Insert(target="a3/p1", anchor="甲", text="乙"),
            Delete(target="a4", text="、丙", whole=True),
            Renumber(target="a5", to=Num.of(4, 2)),
        ),
        first=Delete(target="a1", text="x"),
    )
    history = ToyHistory(
        base=Document(title="t"),
        amendments=(amendment, ToyAmendment(id="b", effective=pendulum.date(2022, 1, 1))),
    )
    assert roundtrip(history, format) == history
    data = legaldocs.to_data(amendment)
    assert [c["type"] for c in data["changes"]] == ["Insert", "Delete", "Renumber"]
    assert legaldocs.from_data(data, ToyAmendment) == amendment


def test_new_record_errors_have_paths() -> None:
    data = {
        "schema": 1,
        "type": "ToyAmendment",
        "id": "x",
        "effective": "2021-04-01",
        "changes": [{"type": "Delete", "target": "a1"}, {"type": "Move", "target": "a2"}],
    }
    assert with_data(data, ToyAmendment) == (
        "$.changes[0].text: required key missing",
        "$.changes[1].type: unknown type 'Move', expected one of Insert | Delete | Renumber",
    )


@attrs.frozen(kw_only=True)
class Old:
    """A toy record whose tag is registered."""

    x: int


@attrs.frozen(kw_only=True)
class Other:
    """Another toy record."""

    y: int = 0


@attrs.frozen(kw_only=True)
class Box:
    """Holds an Old or an Other."""

    content: Old | Other


def test_register_tag() -> None:
    register_tag(Old, "Legacy")
    box = Box(content=Old(x=1))
    text = dumps(box)
    assert '"content":{"type":"Legacy","x":1}' in text
    assert loads(text, Box) == box
    assert dumps(Old(x=1)) == '{"schema":1,"type":"Legacy","x":1}'
    with pytest.raises(TypeError):
        register_tag(int, "int")


@attrs.frozen
class Other2:
    """A toy record given the tag of another class."""

    y: int


@attrs.frozen
class Clash:
    """Holds a union whose members share a tag."""

    content: Other | Other2


def test_tag_clash_is_reported() -> None:
    register_tag(Other2, "Other")
    with pytest.raises(TypeError, match="share the tag 'Other'"):
        loads('{"schema":1,"type":"Clash","content":{"type":"Other","y":1}}', Clash)


def test_public_names() -> None:
    for name in ("dumps", "loads", "dump", "load", "converter", "register_tag", "SCHEMA_VERSION"):
        assert name in legaldocs.__all__
    assert legaldocs.converter is legaldocs.serialize.converter


@pytest.mark.parametrize(
    "value",
    ["新しい題名", None, Toc(entries=(TocEntry(text="第一章　総則"),)), Style(numerals="arabic")],
)
def test_a_union_of_text_and_records(value: object) -> None:
    """``SetDocumentField.value`` is ``str | Toc | Style | None``: strings stay strings,
    records are tagged."""
    from legaldocs import SetDocumentField

    field = {str: "title", Toc: "toc", Style: "style", type(None): "toc"}[type(value)]
    change = SetDocumentField(field=field, value=value)  # type: ignore[arg-type]
    for fmt in ("json", "yaml"):
        assert loads(dumps(change, fmt), SetDocumentField, fmt) == change


# --- the converter on cattrs' own tools ---------------------------------------------------

GOLDEN = Path(__file__).parent / "golden" / "serialize"
_GOLDEN_FILES = sorted(GOLDEN.iterdir())


@pytest.mark.parametrize("path", _GOLDEN_FILES, ids=[p.name for p in _GOLDEN_FILES])
def test_files_written_before_the_converter_change_still_load(path: Path) -> None:
    """Files written by the converter as it was before it moved onto cattrs' strategies."""
    cls: type[Any] = {"amendment": legaldocs.Amendment, "clinic-history": legaldocs.History}.get(
        path.name.split(".")[0], Document
    )
    loaded = load(path, cls)
    fmt = {".json": "json", ".yaml": "yaml", ".toml": "toml"}[path.suffix]
    indent = 1 if fmt == "json" else None
    assert dumps(loaded, fmt, indent=indent) + ("\n" if fmt == "json" else "") == path.read_text(
        "utf-8"
    )


def test_the_converter_generates_no_code_of_its_own() -> None:
    import inspect

    from legaldocs.serialize import _converter

    source = inspect.getsource(_converter)
    assert "exec(" not in source
    assert "configure_tagged_union" in source
    assert "transform_error" in source


def test_make_converter_gives_an_independent_converter_to_extend() -> None:
    mine = legaldocs.make_converter()
    mine.register_unstructure_hook(Num, lambda num: f"#{num.arabic()}")
    mine.register_structure_hook(Num, lambda value, _: Num.parse(value.removeprefix("#")))
    doc = Document(title="t", body=(Article(key="a1", num=Num.of(1), paragraphs=()),))
    text = dumps(doc, converter=mine)
    assert '"num":"#1"' in text
    assert loads(text, Document, converter=mine) == doc
    assert '"num":1' in dumps(doc)  # the library's converter is unchanged
    assert legaldocs.converter is not mine
    with pytest.raises(SchemaError) as info:
        loads(text, Document)
    assert "$.body[0].num" in str(info.value)


def test_a_users_converter_reports_every_problem_too() -> None:
    mine = legaldocs.make_converter()
    data = '{"schema":1,"type":"Document","title":1,"lang":2}'
    with pytest.raises(SchemaError) as info:
        loads(data, Document, converter=mine)
    assert info.value.problems == (
        "$.title: expected a string, got int",
        "$.lang: expected a string, got int",
    )
