"""Start-up cost: what a command imports, and the shortcuts the model takes at import.

``legaldocs convert`` of one document loads the two formats and the records only: no
pendulum (and its date parsers), cattrs, history, amendments or citation resolver. The model
gets there by importing pendulum when a date is first touched (its records' ``pendulum.Date``
annotations still resolve to pendulum's class) and by sharing one ``__repr__`` between its
records instead of compiling one per class; both must be invisible from outside.
"""

from __future__ import annotations

import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import legaldocs.model
from legaldocs import parse_lawtext, parse_markdown, parse_text
from legaldocs.errors import ParseError
from legaldocs.formats._encoding import decode, detect_encoding
from legaldocs.model import _blocks, _element, _records
from legaldocs.model._blocks import Dateline, read_dateline
from legaldocs.model._records import Cell, Revision

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"

HEAVY = (
    "json",
    "hashlib",
    "pendulum",
    "dateutil",
    "cattrs",
    "legaldocs.dates",
    "legaldocs.history",
    "legaldocs.amend",
    "legaldocs.serialize._api",
    "legaldocs.model._citation",
)
"""Modules that converting one document from one text format to another has no use for."""

LAW = (
    "テスト法\n（令和六年法律第一号）\n\n第一条　この法律は、テストを目的とする。\n\n"
    "      附　則\n\nこの法律は、公布の日から施行する。\n"
)


def _loaded_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return [line for line in out.stdout.splitlines() if line.startswith("[")]


def test_convert_loads_only_the_formats_and_the_records(tmp_path: Path) -> None:
    source, target = tmp_path / "in.law.txt", tmp_path / "out.law.txt"
    source.write_text(LAW, encoding="utf-8")
    code = (
        "import io\nfrom legaldocs.cli import main\n"
        f"assert main(['convert', {str(source)!r}, {str(target)!r}], out=io.StringIO()) == 0"
    )
    assert _loaded_after(code) == ["[]"]
    assert target.read_text(encoding="utf-8") == LAW


def test_the_program_exits_with_the_commands_status(tmp_path: Path) -> None:
    source, target = tmp_path / "in.law.txt", tmp_path / "out.law.txt"
    source.write_text(LAW, encoding="utf-8")
    command = [sys.executable, "-m", "legaldocs", "convert", str(source), str(target)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert (done.returncode, done.stderr) == (0, "")
    assert target.read_text(encoding="utf-8") == LAW
    again = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert again.returncode == 1
    assert again.stderr.startswith("legaldocs convert: error: ")
    assert again.stderr.count("\n") == 1


@pytest.mark.parametrize(("command", "collector"), [("convert", False), ("check", True)])
def test_the_program_runs_one_shot_commands_without_the_collector(
    tmp_path: Path, command: str, collector: bool
) -> None:
    source, target = tmp_path / "in.law.txt", tmp_path / "out.law.txt"
    source.write_text(LAW, encoding="utf-8")
    argv = ["legaldocs", command, str(source), *([str(target)] if command == "convert" else [])]
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('collector', gc.isenabled()))\n"
        f"sys.argv = {argv!r}\n"
        "from legaldocs.cli import program\nprogram()"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"collector {collector}"


def test_the_probe_sees_a_heavy_import() -> None:
    assert _loaded_after("import legaldocs.model\nlegaldocs.model.Citation") == [
        "['legaldocs.model._citation']"
    ]


def test_the_model_imports_pendulum_when_a_date_is_touched() -> None:
    code = (
        "import typing\nimport legaldocs.model\n"
        "print(sorted(m for m in sys.modules if m.startswith('pendulum')))\n"
        "from legaldocs.model._records import Revision\n"
        "hint = typing.get_type_hints(Revision)['date']\n"
        "import pendulum\n"
        "assert hint is pendulum.Date"
    )
    assert _loaded_after(code) == ["[]", "['dateutil', 'pendulum']"]


@pytest.mark.parametrize("cls", [Revision, Dateline])
def test_date_fields_resolve_to_pendulum(cls: type) -> None:
    assert typing.get_type_hints(cls)["date"] is pendulum.Date
    assert attrs.resolve_types(cls) is cls


def test_a_dateline_reads_a_pendulum_date() -> None:
    found = read_dateline("Last updated: March 1, 2024")
    assert found is not None
    assert type(found[0]) is pendulum.Date
    assert found[0] == pendulum.Date(2024, 3, 1)
    japanese = read_dateline("発効日 2024 年 4 月 3 日")
    assert japanese is not None
    assert type(japanese[0]) is pendulum.Date


def test_the_lazy_names_of_the_model_resolve() -> None:
    from legaldocs.model._citation import Citation, Step, StepKind

    assert legaldocs.model.Citation is Citation
    assert legaldocs.model.Step is Step
    assert legaldocs.model.StepKind is StepKind
    assert set(legaldocs.model.__all__) <= set(dir(legaldocs.model))
    with pytest.raises(AttributeError):
        legaldocs.model.no_such_name  # noqa: B018


# ---------------------------------------------------------------------------------------
# The shared __repr__


def _record_classes() -> list[type]:
    return [
        cls
        for module in (_records, _blocks)
        for cls in vars(module).values()
        if isinstance(cls, type) and attrs.has(cls) and cls.__module__ == module.__name__
    ]


def _collect(value: Any, found: dict[type, list[object]]) -> None:
    if isinstance(value, tuple | list):
        for item in value:
            _collect(item, found)
        return
    if not attrs.has(type(value)):
        return
    found.setdefault(type(value), []).append(value)
    for f in attrs.fields(type(value)):
        _collect(getattr(value, f.name), found)


def _attrs_repr(value: Any) -> str:
    """What attrs itself writes for ``value``: a twin class with attrs' generated repr."""
    fields = attrs.fields(type(value))
    twin = attrs.make_class(
        type(value).__qualname__, {f.name: attrs.field(repr=f.repr) for f in fields}
    )
    return repr(twin(*(getattr(value, f.name) for f in fields)))


BLOCKS = (
    "# T\n\nLast updated: March 1, 2024\n\n## A\n\n```py\nx\n```\n\n<div>x</div>\n\n"
    "[a]: http://x\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> q\n\n- l\n\n---\n\n*x*\n"
)
STATUTES = (
    "333M50000080018/333M50000080018_20190701_501M60000080009",
    "211M10000010045/211M10000010045_20161001_000000000000000",
    "340M50000800016/340M50000800016_20161001_000000000000000",
    "403M50004000019/403M50004000019_20161001_000000000000000",
    "308M10001000051/308M10001000051_20161001_000000000000000",
    "327AC0000000191/327AC0000000191_20190330_431AC0000000012",
    "337CO0000000324/337CO0000000324_20150801_000000000000000",
)
"""e-Gov laws that hold between them most kinds of statute record."""


def test_every_record_shares_the_repr() -> None:
    records = _record_classes()
    assert len(records) >= 49
    for cls in records:
        assert cls.__dict__["__repr__"] is _element.record_repr, cls
        record: Any = object.__new__(cls)
        for i, f in enumerate(attrs.fields(cls)):
            object.__setattr__(record, f.name, (f"v{i}", i))
        assert repr(record) == _attrs_repr(record)


def test_the_shared_repr_is_attrs_repr() -> None:
    found: dict[type, list[object]] = {}
    clinic = ROOT / "examples" / "clinic" / "privacy-policy.txt"
    _collect(parse_text(clinic.read_text(encoding="utf-8")), found)
    _collect(parse_markdown(BLOCKS, structure="sections"), found)
    for name in STATUTES:
        path = CORPORA / "egov-2020" / f"{name}.law.txt"
        _collect(parse_lawtext(path.read_text(encoding="utf-8")), found)
    compared = 0
    for cls, values in found.items():
        if cls.__dict__.get("__repr__") is not _element.record_repr:
            continue
        for value in values[:20]:
            assert repr(value) == _attrs_repr(value)
            compared += 1
    assert compared > 100
    assert len(found.keys() & set(_record_classes())) >= 40


def test_the_shared_repr_stops_at_a_cycle() -> None:
    inner: list[object] = []
    cell = Cell(text=inner)  # type: ignore[arg-type]
    inner.append(cell)
    twin_inner: list[object] = []
    twin = attrs.make_class("Cell", ["text", "attrs", "header", "blocks"])(
        twin_inner, (), False, ()
    )
    twin_inner.append(twin)
    assert repr(cell) == repr(twin) == "Cell(text=[...], attrs=(), header=False, blocks=())"


# ---------------------------------------------------------------------------------------
# Decoding a file once


_TEXTS = st.text(max_size=40)
_BYTES = st.one_of(
    st.binary(max_size=40),
    st.tuples(
        st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp932"]),
        _TEXTS,
    ).map(lambda pair: pair[1].encode(pair[0], errors="ignore")),
    st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]), st.binary()).map(
        b"".join
    ),
)


@given(_BYTES)
def test_detected_utf8_is_decoded_once_as_before(data: bytes) -> None:
    """Without an encoding, decoding is what decoding in the detected encoding gives."""
    try:
        expected: str | None = decode(data, encoding=detect_encoding(data))
    except ParseError:
        expected = None
    try:
        got: str | None = decode(data)
    except ParseError:
        got = None
    assert got == expected
