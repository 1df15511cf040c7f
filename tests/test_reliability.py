"""Every input gets a clear error and nothing is lost (issue 14).

Each test here failed on the ``layout`` tag: an exception outside the library's hierarchy, a
silent misread, data lost by the command line, an argument rule applied in one place and not
another, an amendment applied to a text it was not made for.
"""

from __future__ import annotations

import datetime
import gc
import json
import subprocess
import sys
import time
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import legaldocs
from legaldocs import (
    Amendment,
    AmendmentError,
    ArgumentTypeError,
    ArgumentValueError,
    Citation,
    DeleteElement,
    Document,
    FileError,
    FormatError,
    History,
    LegaldocsError,
    Num,
    ParseError,
    ReplaceElement,
    ReplacePhrase,
    SetCaption,
    Shift,
    apply,
    diff,
    dump,
    dumps,
    fingerprint,
    format_date,
    load,
    loads,
    parse_date,
    parse_markdown,
    parse_moment,
    parse_text,
    to_amendment,
)
from legaldocs._templates import KINDS, template
from legaldocs.cli import main
from tests.strategies import documents

ROOT = Path(__file__).resolve().parents[1]
CLINIC = ROOT / "examples" / "clinic"
DAY = pendulum.date(2024, 4, 1)


@pytest.fixture(scope="module")
def policy() -> Document:
    return parse_text((CLINIC / "privacy-policy.txt").read_text(encoding="utf-8"))


def _amendment(*changes: object, id: str = "a") -> Amendment:
    return Amendment(id=id, title="t", enacted=DAY, effective=DAY, changes=tuple(changes))  # type: ignore[arg-type]


# -- exceptions outside the hierarchy ------------------------------------------------------


def test_citation_with_5000_digits_is_a_citation_error() -> None:
    with pytest.raises(legaldocs.CitationError, match="not a citation"):
        Citation.parse("第" + "9" * 5000 + "条")


@pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
def test_loads_of_a_5000_digit_integer_is_a_parse_error(fmt: str) -> None:
    text = {
        "json": '{"schema": ' + "9" * 5000 + "}",
        "toml": "schema = " + "9" * 5000 + "\n",
        "yaml": "schema: " + "9" * 5000 + "\n",
    }[fmt]
    with pytest.raises(ParseError, match="digits"):
        loads(text, Document, fmt)  # type: ignore[arg-type]


def test_parse_date_with_a_huge_era_year_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="too many digits"):
        parse_date("令和" + "九" * 20 + "年1月1日")


def test_yaml_non_hashable_key_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="line 1") as caught:
        loads("? [a, b]\n: 1\n", Document, "yaml")
    assert "key" in str(caught.value)


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
def test_lone_surrogate_is_a_format_error_in_dumps(policy: Document, fmt: str) -> None:
    bad = attrs.evolve(policy, title="プライバシー\ud800ポリシー")
    with pytest.raises(FormatError, match="U\\+D800"):
        dumps(bad, fmt)  # type: ignore[arg-type]


def test_lone_surrogate_is_a_format_error_in_dump_and_nothing_is_written(
    policy: Document, tmp_path: Path
) -> None:
    target = tmp_path / "x.json"
    with pytest.raises(FormatError, match="surrogate"):
        dump(attrs.evolve(policy, title="a\ud800"), target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("reader", "text", "column"),
    [
        ("parse_text", "a\ud800\n\n第1条　x\n", 2),
        ("parse_lawtext", "a\ud800\n\n第一条　x\n", 2),
        ("parse_markdown", "# a\ud800\n\ntext\n", 4),
        ("parse_html", "<h1>a\ud800</h1><p>x</p>", 6),
        ("parse_law_xml", "<Law><LawBody><LawTitle>a\ud800</LawTitle></LawBody></Law>", 26),
    ],
)
def test_every_reader_refuses_a_lone_surrogate_at_its_place(
    reader: str, text: str, column: int
) -> None:
    # parse_markdown accepted it (dumps then failed) and parse_html let UnicodeEncodeError out
    with pytest.raises(ParseError, match="lone surrogate") as caught:
        getattr(legaldocs, reader)(text)
    assert (caught.value.line, caught.value.column) == (1, column)


def test_get_with_none_is_an_argument_type_error(policy: Document) -> None:
    with pytest.raises(ArgumentTypeError, match="NoneType") as caught:
        policy.get(None)  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)


def test_apply_to_a_string_is_an_argument_type_error(policy: Document) -> None:
    with pytest.raises(ArgumentTypeError, match="Document"):
        apply("x", _amendment(SetCaption(target="第1条", caption="(x)")))  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="Amendment"):
        apply(policy, "x")  # type: ignore[arg-type]


def test_format_date_takes_an_iso_string() -> None:
    assert format_date("2021-01-01") == "2021年1月1日"
    assert format_date("令和3年2月25日", era=True) == "令和3年2月25日"
    with pytest.raises(ArgumentTypeError):
        format_date(20210101)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: Amendment(id="", title="", enacted=DAY, effective=DAY), ArgumentValueError),
        (lambda: ReplacePhrase(target="第1条", old="", new="x"), ArgumentValueError),
        (lambda: Shift(first="第1条", by=0), ArgumentValueError),
        (lambda: Shift(first="第1条", by="2"), ArgumentTypeError),
        (lambda: Num.of(0), ArgumentValueError),
        (lambda: Num("3"), ArgumentTypeError),
        (lambda: ReplacePhrase(target=3, old="a", new="b"), ArgumentTypeError),
        (lambda: Amendment(id="a", title=None, enacted=DAY, effective=DAY), ArgumentTypeError),
        (lambda: Amendment(id="a", title="", enacted=3.5, effective=DAY), ArgumentTypeError),
        (
            lambda: Amendment(id="a", title="", enacted="2024-04-01T09:00+09:00", effective=DAY),
            ArgumentValueError,
        ),
        (lambda: DeleteElement(target="第1条", placeholder="yes"), ArgumentTypeError),
        (lambda: ReplaceElement(target="第1条", element="x"), ArgumentTypeError),
        (lambda: DeleteElement(target="第1条", expect="abc"), ArgumentValueError),
    ],
    ids=[
        "empty-id",
        "empty-old",
        "shift-0",
        "shift-str",
        "num-0",
        "num-str",
        "target-int",
        "title-none",
        "enacted-float",
        "enacted-moment",
        "placeholder-str",
        "element-str",
        "expect-not-a-fingerprint",
    ],
)
def test_record_validators_raise_library_errors(build: object, error: type) -> None:
    with pytest.raises(error) as caught:
        build()  # type: ignore[operator]
    assert isinstance(caught.value, LegaldocsError)
    assert isinstance(caught.value, TypeError if error is ArgumentTypeError else ValueError)


def test_to_amendment_takes_date_strings(policy: Document) -> None:
    changed = apply(policy, _amendment(SetCaption(target="第1条", caption="(定義)")))
    amendment = to_amendment(
        diff(policy, changed), id="x", enacted="2024-01-01", effective="令和6年4月1日"
    )
    assert amendment.enacted == pendulum.date(2024, 1, 1)
    assert amendment.effective == pendulum.date(2024, 4, 1)


# -- one rule for arguments ----------------------------------------------------------------

_SAME_DAY = [
    datetime.date(2024, 4, 1),
    pendulum.date(2024, 4, 1),
    "2024-04-01",
    " 2024-04-01 ",
    "2024年4月1日",
    "令和6年4月1日",
    "令和六年四月一日",
    "２０２４年４月１日",
]


@pytest.mark.parametrize("when", _SAME_DAY, ids=[repr(w) for w in _SAME_DAY])
def test_every_date_argument_takes_every_form(policy: Document, when: object) -> None:
    amendment = Amendment(
        id="a",
        title="t",
        enacted=when,
        effective=when,  # type: ignore[arg-type]
        changes=(SetCaption(target="第1条", caption="(定義)", effective=when),),  # type: ignore[arg-type]
    )
    assert amendment.enacted == DAY
    assert amendment.effective == DAY
    history = History.start(policy, enacted=when, effective=when)  # type: ignore[arg-type]
    assert history.effective == DAY
    history = History.start(policy, enacted="2021-01-01").amend(amendment)
    assert history.as_of(when).get("第1条").caption == "(定義)"  # type: ignore[arg-type, union-attr]
    assert history.as_of("2024-03-31").get("第1条").caption == "(個人情報)"  # type: ignore[union-attr]
    assert history.pending(when) == ()  # type: ignore[arg-type]
    assert format_date(when) == "2024年4月1日"  # type: ignore[arg-type]


def test_moments_take_iso_and_datetimes() -> None:
    tokyo = pendulum.datetime(2024, 4, 1, 9, tz="Asia/Tokyo")
    assert parse_moment("2024-04-01T09:00:00+09:00") == tokyo
    assert parse_moment("2024-04-01T09:00", tz="Asia/Tokyo") == tokyo
    assert parse_moment(datetime.datetime(2024, 4, 1, 0, tzinfo=datetime.UTC)) == tokyo
    with pytest.raises(ArgumentValueError, match="offset"):
        parse_moment("2024-04-01T09:00")
    with pytest.raises(ArgumentValueError, match="naive"):
        Amendment(id="a", title="", enacted=DAY, effective=datetime.datetime(2024, 4, 1))
    for bad in (None, 20240401, 3.5, b"2024-04-01", ["2024-04-01"]):
        with pytest.raises(ArgumentTypeError):
            parse_moment(bad)
    for text in ("yesterday", "2024-13-01", "令和0年1月1日", ""):
        with pytest.raises(ParseError):
            parse_moment(text)


def test_serialized_dates_are_read_by_the_same_reader() -> None:
    text = (
        '{"schema": 1, "type": "Amendment", "id": "a", "title": "",'
        ' "enacted": "令和6年3月1日", "effective": "2024-04-01"}'
    )
    amendment = loads(text, Amendment)
    assert amendment.enacted == pendulum.date(2024, 3, 1)
    assert loads(dumps(amendment), Amendment) == amendment


# -- files ---------------------------------------------------------------------------------


def test_load_of_a_missing_file_keeps_the_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="no such file") as caught:
        load(tmp_path / "missing.json", Document)
    assert isinstance(caught.value.__cause__, FileNotFoundError)
    assert isinstance(caught.value, OSError)


def test_load_of_a_directory_keeps_the_os_error(tmp_path: Path) -> None:
    (tmp_path / "d.json").mkdir()
    with pytest.raises(FileError, match="directory") as caught:
        load(tmp_path / "d.json", Document)
    assert isinstance(caught.value.__cause__, IsADirectoryError)


def test_dump_onto_a_directory_keeps_the_os_error(policy: Document, tmp_path: Path) -> None:
    (tmp_path / "d.json").mkdir()
    with pytest.raises(FileError, match="cannot write") as caught:
        dump(policy, tmp_path / "d.json")
    assert isinstance(caught.value.__cause__, OSError)
    with pytest.raises(FileError, match="cannot write"):
        dump(policy, tmp_path / "no" / "such" / "dir.json")


# -- silent misreads -----------------------------------------------------------------------


def _duplicated(line: int) -> str:
    lines = (CLINIC / "privacy-policy.txt").read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[: line + 1] + lines[line:])


def test_duplicated_article_line_is_refused_with_its_line() -> None:
    with pytest.raises(ParseError, match="第9条 is written twice") as caught:
        parse_text(_duplicated(73))
    assert caught.value.line == 75
    assert caught.value.column == 1


def test_every_duplicated_line_is_refused_or_every_citation_resolves() -> None:
    source = (CLINIC / "privacy-policy.txt").read_text(encoding="utf-8")
    for i in range(source.count("\n")):
        try:
            doc = parse_text(_duplicated(i))
        except ParseError:
            continue
        for citation, element in doc.walk():
            assert doc.get(citation) is element, (i, str(citation))


def test_a_byte_order_mark_is_skipped_by_parse_text() -> None:
    text = (CLINIC / "privacy-policy.txt").read_text(encoding="utf-8")
    assert parse_text("\ufeff" + text) == parse_text(text)


# -- bounded work --------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [9, 500, 4000])
def test_deep_markdown_lists_are_refused_quickly(depth: int) -> None:
    text = "# 規約\n\n第1条\n\n" + "".join("  " * i + "- x\n" for i in range(depth))
    started = time.perf_counter()
    with pytest.raises(ParseError, match="nested"):
        parse_markdown(text)
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("text", ["- " * 5000 + "x", ">" * 5000 + "x", "> - " * 3000 + "x"])
def test_markers_on_one_line_count_as_nesting(text: str) -> None:
    with pytest.raises(ParseError, match="nested"):
        parse_markdown("# 規約\n\n" + text + "\n")


def test_deep_indentation_in_the_text_format_is_refused() -> None:
    text = (CLINIC / "privacy-policy.txt").read_text(encoding="utf-8")
    deep = "".join("  " * i + "  • x\n" for i in range(2, 5000))
    with pytest.raises(ParseError, match="deeper than"):
        parse_text(text + deep)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_deeply_nested_data_is_a_parse_error(fmt: str) -> None:
    text = "[" * 100_000 + "]" * 100_000
    with pytest.raises((ParseError, legaldocs.SchemaError)):
        loads(text, Document, fmt)  # type: ignore[arg-type]


def _deep_items(depth: int) -> str:
    item: dict[str, object] = {"type": "Item", "key": "i1", "num": 1, "text": "x"}
    for _ in range(depth):
        item = {"type": "Item", "key": "i1", "num": 1, "text": "x", "children": [item]}
    para = {"key": "p1", "num": 1, "text": "t", "children": [item]}
    article = {"type": "Article", "key": "a1", "num": 1, "paragraphs": [para]}
    return json.dumps({"schema": 1, "type": "Document", "title": "T", "body": [article]})


@pytest.mark.parametrize("depth", [120, 350, 450])
def test_deeply_nested_records_are_refused_quickly(depth: int) -> None:
    """Items nested 350 deep made loads hang (exponential retries at the recursion limit)."""
    started = time.perf_counter()
    with pytest.raises(legaldocs.SchemaError, match="nested more than 200"):
        loads(_deep_items(depth), Document)
    assert time.perf_counter() - started < 2.0


def test_records_nested_within_the_limit_round_trip() -> None:
    doc = loads(_deep_items(90), Document)
    assert loads(dumps(doc), Document) == doc


def _time(fn: object, *args: object) -> float:
    """The best of five runs, with the garbage collector off (its passes grow with the heap
    and would blur the measure)."""
    best = float("inf")
    for _ in range(5):
        gc.collect()
        gc.disable()
        try:
            started = time.perf_counter()
            fn(*args)  # type: ignore[operator]
            best = min(best, time.perf_counter() - started)
        finally:
            gc.enable()
    return best


def _clinic_text(copies: int) -> str:
    """The privacy policy with its articles repeated (renumbered), ``copies`` times."""
    doc = parse_text((CLINIC / "privacy-policy.txt").read_text(encoding="utf-8"))
    body = []
    for copy in range(copies):
        for article in doc.body:
            n = article.num.main + copy * 100  # type: ignore[union-attr]
            body.append(attrs.evolve(article, num=Num.of(n), key=f"a{n}"))
    return legaldocs.render_text(attrs.evolve(doc, body=tuple(body)))


@pytest.mark.parametrize("parse", [parse_text, legaldocs.parse_markdown], ids=["text", "markdown"])
def test_parsers_are_linear_in_practice(parse: object) -> None:
    """Doubling the input at most roughly doubles the time (a generous bound of 3.5×, the
    best of three tries on a shared machine). The benchmark row is in docs/performance.md."""
    small, large = _clinic_text(24), _clinic_text(48)
    if parse is legaldocs.parse_markdown:
        small = legaldocs.render_markdown(parse_text(small))
        large = legaldocs.render_markdown(parse_text(large))
    ratios = []
    for _ in range(3):
        ratios.append(_time(parse, large) / _time(parse, small))
        if ratios[-1] < 3.5:
            return
    pytest.fail(f"doubling the input multiplied the time by {min(ratios):.1f}")


# -- the wrong-base rule -------------------------------------------------------------------


def _b_and_c(policy: Document) -> tuple[Document, Document]:
    b = apply(
        policy,
        _amendment(ReplacePhrase(target="第15条", old="〒150-0022", new="〒150-0013"), id="b"),
    )
    c = apply(
        policy,
        _amendment(
            ReplacePhrase(target="第15条", old="お問い合わせ", new="ご連絡", every=True), id="c"
        ),
    )
    return b, c


def test_an_amendment_made_from_one_text_is_refused_on_another(policy: Document) -> None:
    rewritten = attrs.evolve(
        policy.get("第6条"),
        caption="(第三者提供)",
        paragraphs=(attrs.evolve(policy.get("第6条").paragraphs[0], text="全く別の規定。"),),  # type: ignore[union-attr]
    )
    b = apply(policy, _amendment(ReplaceElement(target="第6条", element=rewritten)))
    amendment = to_amendment(diff(policy, b), id="pp-1", enacted=DAY, effective=DAY)
    assert apply(policy, amendment) == b
    c = apply(
        policy,
        _amendment(ReplacePhrase(target="第6条第1項", old="当グループ等", new="当院", every=True)),
    )
    with pytest.raises(AmendmentError, match="not the text this change was made for") as caught:
        apply(c, amendment)
    assert caught.value.amendment == "pp-1"
    assert caught.value.change is not None
    assert caught.value.target is not None


def test_without_expect_a_hand_written_change_applies_anyway(policy: Document) -> None:
    """What leaving ``expect`` out risks: the change overwrites whatever the target says."""
    c = apply(policy, _amendment(SetCaption(target="第7条", caption="(アクセス解析)")))
    assert (
        apply(c, _amendment(SetCaption(target="第7条", caption="(x)"))).get("第7条").caption
        == "(x)"
    )  # type: ignore[union-attr]
    guarded = SetCaption(target="第7条", caption="(x)", expect=fingerprint(policy.get("第7条")))
    assert apply(policy, _amendment(guarded)).get("第7条").caption == "(x)"  # type: ignore[union-attr]
    with pytest.raises(AmendmentError, match="expected sha256:"):
        apply(c, _amendment(guarded))


def test_document_fields_and_deletions_carry_expect(policy: Document) -> None:
    new = attrs.evolve(policy, title="個人情報保護方針", body=policy.body[:-1])
    amendment = to_amendment(diff(policy, new), id="x", enacted=DAY, effective=DAY)
    kinds = {type(c).__name__: c for c in amendment.changes}
    assert kinds["SetDocumentField"].expect == fingerprint(policy.title)  # type: ignore[union-attr]
    assert kinds["DeleteElement"].expect == fingerprint(policy.body[-1])  # type: ignore[union-attr]
    with pytest.raises(AmendmentError):
        apply(attrs.evolve(policy, title="別の題名"), amendment)


def test_fingerprint_ignores_keys_but_not_content(policy: Document) -> None:
    article = policy.get("第3条")
    assert fingerprint(attrs.evolve(article, key="other")) == fingerprint(article)  # type: ignore[misc]
    assert fingerprint(attrs.evolve(article, caption="(x)")) != fingerprint(article)  # type: ignore[misc]
    assert fingerprint(article).startswith("sha256:")
    assert len(fingerprint(article)) == 23


def test_files_from_0_1_0_without_expect_still_load() -> None:
    text = (
        '{"schema":1,"type":"Amendment","id":"pp-2024-1","title":"移転",'
        '"enacted":"2024-09-01","effective":"2024-10-01","changes":['
        '{"type":"ReplacePhrase","target":"第15条第2項","old":"a","new":"b"},'
        '{"type":"DeleteElement","target":"第9条"}]}'
    )
    amendment = loads(text, Amendment)
    assert all(getattr(c, "expect", None) is None for c in amendment.changes)
    assert json.loads(dumps(amendment)) == json.loads(text)


def _touch(doc: Document, citation: str) -> Document:
    """``doc`` with one text of the element at ``citation`` changed (a mark appended)."""
    element = doc.get(citation)
    for name in legaldocs.model._element.spec(type(element)).texts:
        if getattr(element, name):
            changed = attrs.evolve(element, **{name: getattr(element, name) + "☃"})  # type: ignore[misc]
            break
    else:
        return doc
    extra = Amendment(
        id="touch",
        title="",
        enacted=DAY,
        effective=DAY,
        changes=(ReplaceElement(target=citation, element=changed),),
    )
    try:
        return apply(doc, extra)
    except AmendmentError:
        return doc


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(a=documents(), b=documents(), data=st.data())
def test_wrong_base_amendments_are_refused(a: Document, b: Document, data: st.DataObject) -> None:
    """An amendment from diff(a, b) applied to a c whose targeted element differs from a's
    is refused."""
    try:
        amendment = to_amendment(diff(a, b), id="x", enacted=DAY, effective=DAY)
    except LegaldocsError:
        assume(False)
        raise
    guarded = [c for c in amendment.changes if getattr(c, "expect", None)]
    assume(guarded)
    change = data.draw(st.sampled_from(guarded))
    target = getattr(change, "target", None)
    assume(target is not None)
    # the first change acting on that target sees it as it is in a
    first = next(c for c in amendment.changes if getattr(c, "target", None) == target)
    assume(first is change)
    try:
        element = a.get(target)
    except LegaldocsError:
        assume(False)
        raise
    c = _touch(a, target)
    assume(c.get(target) != element)
    with pytest.raises(AmendmentError):
        apply(c, amendment)


# -- the command line ----------------------------------------------------------------------


def _cli(*argv: str) -> tuple[int, str, str]:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(argv), out=out)
    return code, out.getvalue(), err.getvalue()


def test_start_refuses_to_overwrite_a_history(tmp_path: Path) -> None:
    history = tmp_path / "policy.json"
    source = str(CLINIC / "privacy-policy.txt")
    assert _cli("start", source, str(history), "--effective", "2021-02-25")[0] == 0
    amendment = tmp_path / "a.toml"
    amendment.write_text(template("set-caption").replace("第7条", "第1条"), encoding="utf-8")
    assert _cli("amend", str(history), str(amendment))[0] == 0
    before = history.read_bytes()
    code, _, err = _cli("start", source, str(history), "--effective", "2021-02-25")
    assert code == 1
    assert "--force" in err
    assert err.count("\n") == 1
    assert history.read_bytes() == before
    code, _, _ = _cli("start", source, str(history), "--effective", "2021-02-25", "--force")
    assert code == 0
    assert len(load(history, History).amendments) == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


_STATUTE = """サンプル規程

  （目的）
第一条　この規程は、会員の個人情報の取扱いを定める。
２　この規程は、会員及び事務局に適用する。

第二条　事務局は、東京都渋谷区に置く。
"""


@pytest.mark.parametrize("encoding", ["shift_jis", "cp932", "utf-16", "euc-jp"])
def test_encoding_option_reads_other_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "rule.law.txt"
    path.write_bytes(_STATUTE.encode(encoding))
    code, out, err = _cli("validate", str(path))  # detected, or one line naming the place
    assert code == 0 or (code == 1 and "line" in err and err.count("\n") == 1), err
    code, out, err = _cli("validate", str(path), "--encoding", encoding)
    assert code == 0, err
    assert "valid document" in out
    code, _, err = _cli("validate", str(path), "--encoding", "nope")
    assert code == 1
    assert "unknown encoding" in err


def test_a_byte_order_mark_is_accepted_by_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "policy.txt"
    path.write_bytes(b"\xef\xbb\xbf" + (CLINIC / "privacy-policy.txt").read_bytes())
    code, _out, err = _cli("validate", str(path))
    assert code == 0, err


@pytest.mark.parametrize("kind", KINDS)
def test_amend_template_prints_a_loadable_commented_file(kind: str) -> None:
    code, out, _ = _cli("amend", "--template", kind)
    assert code == 0
    assert out.startswith("#")
    amendment = loads(out, Amendment, "toml")
    assert type(amendment.changes[0]).__name__.lower() == kind.replace("-", "")


def test_the_cli_matrix_has_no_traceback(tmp_path: Path) -> None:
    from tests.fuzz.cli_matrix import run_matrix

    result = run_matrix(tmp_path, every=6)  # the whole matrix: python -m tests.fuzz.cli_matrix
    assert result["runs"] >= 263
    assert result["tracebacks"] == []
    assert result["not one line"] == []


def test_errors_are_one_line_in_a_real_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": ' + "9" * 5000 + "}", encoding="utf-8")
    for argv in (["show", str(bad)], ["show", str(tmp_path)], ["bogus"]):
        run = subprocess.run(
            [sys.executable, "-m", "legaldocs", *argv], capture_output=True, text=True, check=False
        )
        assert run.returncode in (1, 2), argv
        assert run.stderr.count("\n") == 1, run.stderr
        assert "Traceback" not in run.stderr


# -- found by the fuzz campaign ------------------------------------------------------------


def test_two_tables_in_a_row_render_and_parse_back_as_two() -> None:
    text = "  • T\n\n    題名\n\n  * - a\n    - b\n\n  * - c\n    - d\n"
    doc = parse_text(text)
    assert len(doc.body) == 2
    assert parse_text(legaldocs.render_text(doc)) == doc


# -- found by the whole CLI matrix on the merged main (2026-11-28) -------------------------


def test_a_store_that_is_not_a_sqlite_file_is_a_store_error(tmp_path: Path) -> None:
    from legaldocs import SQLiteStore, StoreError

    not_a_database = tmp_path / "policy.txt"
    not_a_database.write_bytes((CLINIC / "privacy-policy.txt").read_bytes())
    with pytest.raises(StoreError, match=r"policy\.txt: cannot open the SQLite store"):
        SQLiteStore(not_a_database)
    history = tmp_path / "h.json"
    assert (
        _cli(
            "start", str(CLINIC / "privacy-policy.txt"), str(history), "--effective", "2021-02-25"
        )[0]
        == 0
    )
    for argv in (
        ["accept", str(history), "--store", str(not_a_database), "--subject", "p-1"],
        ["notices", str(history), "--store", str(not_a_database)],
    ):
        code, _, err = _cli(*argv)
        assert code == 1, err
        assert "cannot open the SQLite store" in err, err
        assert err.count("\n") == 1, err


@pytest.mark.parametrize("ref", ["", "  "])
def test_timeline_of_an_empty_reference_is_an_argument_value_error(
    policy: Document, ref: str
) -> None:
    history = History.start(policy, enacted=DAY)
    with pytest.raises(ArgumentValueError, match="empty"):
        history.timeline(ref)
    with pytest.raises(ArgumentTypeError):
        history.timeline(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("command", ["since", "notices"])
def test_a_policy_file_is_read_like_every_other_file(tmp_path: Path, command: str) -> None:
    history = tmp_path / "h.json"
    assert (
        _cli(
            "start", str(CLINIC / "privacy-policy.txt"), str(history), "--effective", "2021-02-25"
        )[0]
        == 0
    )
    policy_file = tmp_path / "policy.toml"
    policy_file.write_bytes(b"\xff\xfe\x80 = 1\n")
    argv = [command, "2021-02-25", str(history)] if command == "since" else [command, str(history)]
    status = 2 if command == "since" else 1  # since: 1 means "changed"
    code, _, err = _cli(*argv, "--policy", str(policy_file))
    assert code == status, err
    assert "policy.toml" in err, err
    assert err.count("\n") == 1, err
    code, _, err = _cli(*argv, "--policy", str(tmp_path / "missing.toml"))
    assert code == status, err
    assert "cannot read: no such file" in err, err


@pytest.mark.parametrize("jobs", ["0", "-1", "x"])
def test_check_jobs_must_be_a_positive_number(tmp_path: Path, jobs: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        _cli("check", "--jobs", jobs, str(CLINIC))
    assert exit_.value.code == 2


# -- found by the 30-minute fuzz run on the merged main (seed 15, 2026-11-28) ---------------

_LAW = """無尽業法ノ規定ニ依ル登記ニ関スル件
（昭和十六年勅令第三百六十三号）

○１　登記ハ二週間以内ニ之ヲ為スコトヲ要ス

      附　則

本令ハ公布ノ日ヨリ之ヲ施行ス

      附　則　（平成一五年三月二八日政令第一一七号）

この政令は、平成十五年四月一日から施行する。
"""


@pytest.mark.parametrize(
    "heading", ["      附　則", "      附　則　（平成一五年三月二八日政令第一一七号）"]
)
def test_a_lawtext_supplement_heading_written_twice_is_refused(heading: str) -> None:
    """A duplicated 附則 line made an empty 附則 that took the citation of the real one (no
    law among 14,506 has a 附則 with nothing under it)."""
    legaldocs.parse_lawtext(_LAW)
    doubled = _LAW.replace(heading + "\n", heading + "\n" + heading + "\n", 1)
    with pytest.raises(ParseError, match="附則 with nothing under it") as caught:
        legaldocs.parse_lawtext(doubled)
    assert caught.value.line == _LAW.split("\n").index(heading) + 1
