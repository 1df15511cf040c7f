"""An audit of the whole public API against issue 14's rules: one test id per public callable.

Every name in ``legaldocs.__all__`` and in the subpackages' ``__all__`` that can be called
(functions, record classes, the public methods of the public classes) is called with a
working set of arguments, then with each argument in turn replaced by a bad value: ``None``,
an object of no library type, an empty string, a lone surrogate, a 5000-digit number, a huge
integer, a bad ISO date, a 令和 year past any calendar, bytes, NaN, an empty list. The call may
succeed or raise; what it raises must be

- a :class:`~legaldocs.LegaldocsError` (never ``AttributeError``, ``KeyError``, a bare
  ``ValueError`` ...), and also the built-in a Python user would catch: ``TypeError``,
  ``ValueError``, ``LookupError`` or ``OSError`` (:class:`~legaldocs.StoreError` alone has none:
  a store that refuses or cannot be reached);
- a ``TypeError`` when the value is an object of no library type;
- an error with a message that says something (not empty).

The working arguments must work too (where the table below gives them), so that each bad value
is the one thing wrong with a call. Dates are also tried as ISO and 和暦 strings wherever the
working call takes a date: the one rule for dates.
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
import inspect
import math
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

import legaldocs
from legaldocs import (
    Acceptance,
    Amendment,
    Document,
    History,
    LegaldocsError,
    Policy,
    SQLiteStore,
    StoreError,
    diff,
    dumps,
    loads,
    parse_lawtext,
    parse_markdown,
    parse_text,
    render_law_xml,
    to_amendment,
)
from legaldocs._templates import KINDS, template

ROOT = Path(__file__).resolve().parents[1]
CLINIC = ROOT / "examples" / "clinic"
CORPORA = ROOT.parent / "shared" / "corpora"

STATUTES = (
    "326AC0000000023/326AC0000000023_20150801_000000000000000",
    "415CO0000000083/415CO0000000083_20150801_000000000000000",
    "211M10000010045/211M10000010045_20161001_000000000000000",
    "316IO0000000363/316IO0000000363_20150801_000000000000000",
    "501M60000100005/501M60000100005_20190524_000000000000000",
    "418CO0000000359/418CO0000000359_20150801_000000000000000",
    "501CO0000000050/501CO0000000050_20200401_000000000000000",
    "419CO0000000105/419CO0000000105_20150801_000000000000000",
    "429CO0000000219/429CO0000000219_20180314_430CO0000000046",
    "305M10000040009/305M10000040009_20161001_000000000000000",
    "340M50000800016/340M50000800016_20161001_000000000000000",
    "403M50004000019/403M50004000019_20161001_000000000000000",
    "308M10001000051/308M10001000051_20161001_000000000000000",
    "327AC0000000191/327AC0000000191_20190330_431AC0000000012",
    "333M50000080018/333M50000080018_20190701_501M60000080009",
    "337CO0000000324/337CO0000000324_20150801_000000000000000",
)
"""Real laws (e-Gov, 2020) that hold between them an instance of every statute record kind
(appendices, tables, figures, notes, formulas, divisions, a table of contents): the working
values of the records' fields."""

BLOCKS_MD = (
    "# T\n\n## A\n\n```py\nx\n```\n\n<div>x</div>\n\n[a]: http://x\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n> q\n\n- l\n\n---\n"
)
"""Every kind of block of a web policy's sections."""
DAY0 = pendulum.date(2021, 2, 25)
DAY = pendulum.date(2024, 4, 1)
MOMENT = pendulum.datetime(2024, 4, 1, 9, tz="Asia/Tokyo")

MODULES = (
    "legaldocs",
    "legaldocs.model",
    "legaldocs.amend",
    "legaldocs.history",
    "legaldocs.compare",
    "legaldocs.formats",
    "legaldocs.serialize",
    "legaldocs.consent",
    "legaldocs.dates",
)


class Opaque:
    """A value of no type the library knows."""

    def __repr__(self) -> str:
        return "<Opaque>"


OPAQUE = Opaque()

BAD: dict[str, object] = {
    "None": None,
    "opaque": OPAQUE,
    "empty": "",
    "surrogate": "\ud800",
    "digits": "9" * 5000,
    "huge": 10**30,
    "negative": -1,
    "bad-iso": "2024-13-01",
    "era": "令和" + "九" * 20 + "年1月1日",
    "bytes": b"\xff\xfe\x00",
    "nan": math.nan,
    "list": [],
}

DATE_FORMS: tuple[object, ...] = (
    datetime.date(2024, 4, 1),
    "2024-04-01",
    "令和6年4月1日",
    "2024年4月1日",
)

STATUTE = """サンプル規程

  （目的）
第一条　この規程は、会員の個人情報の取扱いを定める。
２　この規程は、会員及び事務局に適用する。
  一　会員
  二　事務局

第二条　事務局は、東京都渋谷区に置く。
"""

POLICY_MD = """# Privacy Policy

Last updated: April 1, 2024

## 1. What we collect

We collect your name.

- your email
- your address

## 2. Contact

Write to us.
"""


# ---------------------------------------------------------------------------------------
# The working values


@dataclass
class World:
    """Working values of every kind the API takes."""

    doc: Document
    doc2: Document
    law: Document
    md: Document
    diff: legaldocs.Diff
    amendment: Amendment
    history: History
    acceptance: Acceptance
    samples: dict[type, object]
    tmp: Path


def _modified(doc: Document) -> Document:
    text = legaldocs.render_text(doc).replace("個人情報", "個人データ", 2)
    return parse_text(text)


def _collect(value: object, found: dict[type, object], depth: int = 0) -> None:
    """The first instance of every attrs class reachable from ``value``."""
    if depth > 40:
        return
    if isinstance(value, tuple | list):
        for item in value:
            _collect(item, found, depth + 1)
        return
    if not attrs.has(type(value)):
        return
    found.setdefault(type(value), value)
    for f in attrs.fields(type(value)):
        _collect(getattr(value, f.name), found, depth + 1)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    doc = parse_text((CLINIC / "privacy-policy.txt").read_text(encoding="utf-8"))
    doc2 = _modified(doc)
    law = parse_lawtext(STATUTE)
    md = parse_markdown(POLICY_MD)
    difference = diff(doc, doc2)
    amendment = to_amendment(difference, id="a1", enacted=DAY, effective=DAY)
    history = History.start(doc, enacted=DAY0).amend(amendment)
    acceptance = Acceptance.of(
        history.versions[0],
        document_id="policy",
        pii_principal_id="p-1",
        consent_timestamp=MOMENT,
        collection_method="web",
    )
    samples: dict[type, object] = {}
    templates = [loads(template(kind), Amendment, "toml") for kind in KINDS]
    for value in (doc, law, md, difference, amendment, history, acceptance, templates):
        _collect(value, samples)
    _collect(legaldocs.needs_reacceptance(acceptance, history, DAY), samples)
    _collect(legaldocs.plan_notices(history, at=DAY0.add(days=1)), samples)
    _collect(legaldocs.grade_diff(difference), samples)
    _collect(Policy(rules=(legaldocs.Rule(action="reaccept", citation="第1条"),)), samples)
    _collect(legaldocs.formats.all_formats(), samples)
    _collect(diff(md, parse_markdown(POLICY_MD.replace("name", "full name"))), samples)
    _collect(parse_markdown(BLOCKS_MD, structure="sections"), samples)
    for name in STATUTES:
        path = CORPORA / "egov-2020" / f"{name}.law.txt"
        _collect(parse_lawtext(path.read_text(encoding="utf-8")), samples)
    _collect(history.timeline("第1条"), samples)
    _collect(list(legaldocs.dates.ERAS), samples)
    _collect([legaldocs.history.policy("record"), legaldocs.history.policy("none")], samples)
    store = SQLiteStore(":memory:")
    store.put_history("policy", history)
    store.record(acceptance)
    _collect(store.cohorts("policy"), samples)
    _collect(store.must_reaccept("policy"), samples)
    store.close()
    tmp = tmp_path_factory.mktemp("audit")
    return World(
        doc=doc,
        doc2=doc2,
        law=law,
        md=md,
        diff=difference,
        amendment=amendment,
        history=history,
        acceptance=acceptance,
        samples=samples,
        tmp=tmp,
    )


# ---------------------------------------------------------------------------------------
# The public callables


def _public_objects() -> dict[str, object]:
    """Every public name of the package and its subpackages, once (by identity)."""
    found: dict[int, tuple[str, object]] = {}
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        prefix = "" if module_name == "legaldocs" else module_name.removeprefix("legaldocs.") + "."
        for name in module.__all__:
            obj = getattr(module, name)
            found.setdefault(id(obj), (prefix + name, obj))
    return dict(found.values())


def _is_callable(obj: object) -> bool:
    if isinstance(obj, type):
        protocol = getattr(obj, "_is_protocol", False)
        return not issubclass(obj, BaseException) and not protocol
    return inspect.isfunction(obj)


def _methods(cls: type) -> Iterator[tuple[str, str]]:
    """(name, kind) of the public methods ``cls`` defines or inherits from the library."""
    for klass in cls.__mro__:
        if not klass.__module__.startswith("legaldocs"):
            continue
        for name, member in vars(klass).items():
            if name.startswith("_"):
                continue
            if isinstance(member, classmethod | staticmethod):
                yield name, "class"
            elif inspect.isfunction(member):
                yield name, "instance"


def _callables() -> dict[str, tuple[object, str | None, str]]:
    """test id → (class or function, method name or None, method kind)."""
    out: dict[str, tuple[object, str | None, str]] = {}
    for name, obj in sorted(_public_objects().items()):
        if not _is_callable(obj):
            continue
        if not inspect.isabstract(obj):
            out[name] = (obj, None, "call")
        if isinstance(obj, type):
            for method, kind in _methods(obj):
                out.setdefault(f"{name}.{method}", (obj, method, kind))
    return out


CALLABLES = _callables()

SIDE_EFFECTS = frozenset({"formats.register", "history.register", "register_tag"})
"""Registries: the working call would change the process; only bad values are tried (and
must be refused, but for names that are merely odd), each registry restored after."""

PLAUSIBLE_NAMES = frozenset({"digits", "bad-iso", "era"})
"""Bad values a registry may take as a name: odd, but a name."""


@contextlib.contextmanager
def _registries_kept() -> Iterator[None]:
    from legaldocs import formats
    from legaldocs.history import _revisions
    from legaldocs.serialize import _converter

    kept = [(d, dict(d)) for d in (formats._REGISTRY, _revisions._POLICIES, _converter._TAGS)]
    try:
        yield
    finally:
        for registry, before in kept:
            registry.clear()
            registry.update(before)


SKIPPED_METHODS = frozenset({"close"})


# ---------------------------------------------------------------------------------------
# Working arguments


def _by_name(name: str, world: World) -> object:
    """A working value for a parameter called ``name`` (``inspect.Parameter.empty``: none)."""
    table: dict[str, object] = {
        "doc": world.doc,
        "document": world.doc,
        "old": world.doc,
        "new": world.doc2,
        "diff": world.diff,
        "amendment": world.amendment,
        "history": world.history,
        "acceptance": world.acceptance,
        "acceptances": (world.acceptance,),
        "version": world.history.versions[0],
        "text": "第1条",
        "ref": "第1条",
        "key_path": "a1",
        "path": world.tmp / "record.json",
        "label": "第1条",
        "when": DAY,
        "at": DAY,
        "enacted": DAY0,
        "effective": DAY,
        "known_at": DAY,
        "date": DAY,
        "value": DAY,
        "id": "a2",
        "document_id": "policy",
        "subject": "p-1",
        "pii_principal_id": "p-1",
        "consent_timestamp": MOMENT,
        "version_ids": (world.history.versions[0].id,),
        "days": 30,
        "notice_days": 30,
        "numerals": "kanji",
        "name": "text",
        "main": 1,
        "depth": 1,
        "html": "<body><h1>T</h1><p>x</p></body>",
        "data": render_law_xml(world.law),
        "cls": Document,
        "obj": world.doc,
        "key": "k1",
        "pairs": (("a", "b"),),
        "kind": "article",
        "changes": (),
        "element_or_key": "a1",
        "graded": None,
        "versions": ((DAY0, world.doc), (DAY, world.doc2)),
        "target": ":memory:",
        "conninfo": "postgresql://invalid.invalid:1/none?connect_timeout=1",
        "ops": (),
    }
    return table.get(name, inspect.Parameter.empty)


def _receiver(cls: type, world: World) -> object | None:
    if cls is History:
        return world.history
    if cls is Document:
        return world.doc
    if cls is legaldocs.Diff:
        return world.diff
    if cls is legaldocs.Table:
        return legaldocs.Table.from_pairs("t1", (("a", "b"),))
    if issubclass(cls, legaldocs.ConsentStore):
        store = SQLiteStore(":memory:")
        store.put_history("policy", world.history)
        store.record(world.acceptance)
        return store
    return world.samples.get(cls)


@dataclass
class Call:
    """A callable and its working arguments by parameter name."""

    fn: Callable[..., object]
    params: list[inspect.Parameter]
    args: dict[str, object]
    complete: bool  # every required parameter has a working value

    def __call__(self, changed: dict[str, object]) -> object:
        positional: list[object] = []
        keywords: dict[str, object] = {}
        values = {**self.args, **changed}
        for p in self.params:
            if p.name not in values:
                continue
            value = values[p.name]
            if p.kind is inspect.Parameter.VAR_POSITIONAL:
                positional.extend(value if isinstance(value, tuple) else (value,))
            elif p.kind is inspect.Parameter.VAR_KEYWORD:
                continue
            elif p.kind is inspect.Parameter.POSITIONAL_ONLY or (
                p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
                and any(q.kind is inspect.Parameter.VAR_POSITIONAL for q in self.params)
            ):
                positional.append(value)
            else:
                keywords[p.name] = value
        return self.fn(*positional, **keywords)


def _working_call(test_id: str, world: World) -> Call | None:
    obj, method, kind = CALLABLES[test_id]
    if method is None:
        assert callable(obj)
        fn: Callable[..., object] = obj
        if isinstance(obj, type) and attrs.has(obj):
            sample = world.samples.get(obj)
            fields = [f for f in attrs.fields(obj) if f.init]
            params = [
                inspect.Parameter(f.alias or f.name, inspect.Parameter.KEYWORD_ONLY) for f in fields
            ]
            if sample is not None:
                args = {f.alias or f.name: getattr(sample, f.name) for f in fields}
                return Call(fn, params, args, complete=True)
            args = {}
            for f in fields:
                guess = _by_name(f.alias or f.name, world)
                if guess is not inspect.Parameter.empty:
                    args[f.alias or f.name] = guess
            required = [f for f in fields if f.default is attrs.NOTHING]
            complete = all((f.alias or f.name) in args for f in required)
            return Call(fn, params, args, complete=complete)
    else:
        assert isinstance(obj, type)
        if method in SKIPPED_METHODS:
            return None
        if kind == "instance":
            receiver = _receiver(obj, world)
            if receiver is None:
                return None
            fn = getattr(receiver, method)
        else:
            fn = getattr(obj, method)
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return None
    args = {}
    for p in params:
        if p.kind is inspect.Parameter.VAR_KEYWORD:
            continue
        guess = _by_name(p.name, world)
        if guess is not inspect.Parameter.empty:
            args[p.name] = guess
        elif p.default is not inspect.Parameter.empty:
            args[p.name] = p.default
    override = _OVERRIDES.get(test_id)
    if override is None and isinstance(obj, type) and issubclass(obj, legaldocs.ConsentStore):
        override = _OVERRIDES.get(f"ConsentStore.{method}")
    if override is not None:
        args.update(override(world))
    required = [
        p
        for p in params
        if p.default is inspect.Parameter.empty
        and p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    ]
    return Call(fn, params, args, complete=all(p.name in args for p in required))


_OVERRIDES: dict[str, Callable[[World], dict[str, object]]] = {
    "apply": lambda w: {"doc": w.doc, "amendment": w.amendment},
    "apply_ops": lambda w: {"old": "", "ops": ()},
    "render_lawtext": lambda w: {"doc": w.law},
    "render_law_xml": lambda w: {"doc": w.law},
    "formats.DocumentFormat.parse": lambda w: {"text": legaldocs.render_text(w.doc)},
    "formats.DocumentFormat.render": lambda w: {"document": w.doc},
    "content_hash": lambda w: {"document": w.doc},
    "dump": lambda w: {"obj": w.doc, "path": w.tmp / "dumped.json"},
    "load": lambda w: {"path": _dumped(w), "cls": Document},
    "loads": lambda w: {"text": dumps(w.doc), "cls": Document},
    "from_data": lambda w: {"data": legaldocs.to_data(w.doc), "cls": Document},
    "fingerprint": lambda w: {"value": w.doc.body[0]},
    "format_date": lambda w: {"date": DAY},
    "html_id": lambda w: {"key_path": "a1/p1"},
    "parse_date": lambda w: {"text": "令和6年4月1日"},
    "parse_html": lambda w: {"html": "<body><h1>T</h1><p>x</p></body>"},
    "parse_lawtext": lambda w: {"text": STATUTE},
    "parse_markdown": lambda w: {"text": POLICY_MD},
    "parse_text": lambda w: {"text": legaldocs.render_text(w.doc)},
    "parse_law_xml": lambda w: {"data": render_law_xml(w.law)},
    "render_kaimebun": lambda w: {"amendment": w.amendment, "document": w.doc},
    "needs_reacceptance": lambda w: {"at": DAY},
    "summary_since": lambda w: {"at": DAY},
    "plan_notices": lambda w: {"at": DAY0.add(days=1)},
    "open_store": lambda w: {"target": ":memory:"},
    "SQLiteStore": lambda w: {"path": ":memory:"},
    "model.item_label": lambda w: {"num": legaldocs.Num.of(1), "depth": 1},
    "model.parse_item_label": lambda w: {"label": "（１）"},
    "compare.display_width": lambda w: {"text": "第1条"},
    "formats.for_path": lambda w: {"path": "x.md"},
    "formats.get": lambda w: {"name": "markdown"},
    "history.policy": lambda w: {"name": "none"},
    "Citation.parse": lambda w: {"text": "第1条第2項"},
    "Citation.child": lambda w: {"kind": "paragraph", "num": legaldocs.Num.of(1)},
    "Num.parse": lambda w: {"text": "十二の二"},
    "Num.of": lambda w: {"main": 12, "branches": (2,)},
    "Num.branch": lambda w: {"more": (2,)},
    "Num.written": lambda w: {"numerals": "kanji"},
    "Table.from_pairs": lambda w: {"key": "t1", "pairs": (("a", "b"),)},
    "Table.value_of": lambda w: {"label": "a"},
    "Document.cite": lambda w: {"element_or_key": w.doc.body[0]},
    "Document.resolve": lambda w: {"ref": "第1条", "at": None},
    "History.start": lambda w: {"document": w.doc, "enacted": DAY0, "effective": None},
    "History.from_versions": lambda w: {"versions": ((DAY0, w.doc), (DAY, w.doc2))},
    "History.diff": lambda w: {"old": DAY0, "new": DAY},
    "History.changes_since": lambda w: {"version": w.history.versions[0], "at": DAY},
    "History.amend": lambda w: {"amendment": _second_amendment(w)},
    "History.timeline": lambda w: {"ref": "第1条"},
    "Acceptance.of": lambda w: {"version": w.history.versions[0]},
    "ConsentStore.append": lambda w: {"document_id": "policy", "amendment": _second_amendment(w)},
    "ConsentStore.put_history": lambda w: {"document_id": "policy", "history": w.history},
    "ConsentStore.must_reaccept": lambda w: {"at": DAY, "amendment": None, "policy": None},
    "ConsentStore.plan_notices": lambda w: {"at": DAY0.add(days=1), "policy": None},
    "ConsentStore.set_notice_days": lambda w: {"document_id": "policy", "days": 30},
    "ConsentStore.count": lambda w: {"document_id": "policy"},
    "Diff.of_kind": lambda w: {"kinds": ("modified",)},
    "consent.grade_versions": lambda w: {
        "old": w.history.versions[0],
        "new": w.history.versions[-1],
    },
    "consent.render_summary": lambda w: {
        "old": w.history.versions[0],
        "new": w.history.versions[-1],
        "only": None,
    },
    "Diff.find": lambda w: {"path": "a1"},
    "Diff.to_amendment": lambda w: {"id": "a2", "enacted": DAY, "effective": DAY},
    "Diff.changed_citations": lambda w: {"numerals": None},
    "Policy.assess": lambda w: {
        "changes": legaldocs.grade_diff(w.diff),
        "old": w.doc,
        "new": w.doc2,
    },
    "Rule.matches": lambda w: {
        "graded": legaldocs.grade_diff(w.diff)[0],
        "old": w.doc,
        "new": w.doc2,
    },
}


def _dumped(world: World) -> Path:
    path = world.tmp / "loaded.json"
    if not path.exists():
        legaldocs.dump(world.doc, path)
    return path


def _second_amendment(world: World) -> Amendment:
    later = diff(world.doc2, _modified(world.doc2))
    return to_amendment(later, id="a2", enacted=DAY, effective=DAY.add(days=30))


# ---------------------------------------------------------------------------------------
# The rule


def _problem(exc: BaseException, bad: object, *, any_type: bool = False) -> str | None:
    """What is wrong with ``exc`` raised for ``bad`` (``None``: nothing). ``any_type``: the
    parameter takes any object or one of a few strings (a ``Literal``), so a value of no
    library type may be refused as a bad value (``ValueError``) rather than a bad type."""
    if not isinstance(exc, LegaldocsError):
        return f"{type(exc).__name__} (not a LegaldocsError): {str(exc)[:120]}"
    builtins = (TypeError, ValueError, LookupError, OSError)
    if not isinstance(exc, builtins) and not isinstance(exc, StoreError):
        return f"{type(exc).__name__} subclasses no built-in error"
    if bad is OPAQUE and not any_type and not isinstance(exc, TypeError | StoreError):
        return f"{type(exc).__name__} for a value of no library type (expected a TypeError)"
    if not str(exc).strip():
        return f"{type(exc).__name__} with an empty message"
    return None


def _try(call: Call, changed: dict[str, object]) -> tuple[str, BaseException | None]:
    try:
        call(changed)
    except RecursionError as exc:  # pragma: no cover - a finding
        return "raised", exc
    except Exception as exc:
        if (
            isinstance(exc, TypeError)
            and not isinstance(exc, LegaldocsError)
            and ("argument" in str(exc) and ("missing" in str(exc) or "unexpected" in str(exc)))
        ):
            return "signature", exc  # Python's own check of the call, not the library's
        return "raised", exc
    return "returned", None


KNOWN: dict[str, str] = {}
"""Test ids with a known finding reported to the owner of the code (none)."""


def _any_type(fn: Callable[..., object], name: str) -> bool:
    """Whether parameter ``name`` of ``fn`` takes any object, or a Literal choice."""
    try:
        hints = typing.get_type_hints(fn)
    except Exception:
        hints = {}
    hint = hints.get(name)
    if hint is None:
        annotation = getattr(inspect.signature(fn).parameters.get(name), "annotation", "")
        text = str(annotation)
        return text in ("object", "Any", "") or "Literal" in text
    if hint is object or hint is Any:
        return True
    if typing.get_origin(hint) is typing.Literal:
        return True
    options = typing.get_args(hint)
    return bool(options) and all(
        typing.get_origin(o) is typing.Literal or o is type(None) for o in options
    )


@pytest.mark.parametrize("test_id", sorted(CALLABLES))
def test_public_callable_raises_only_library_errors(
    test_id: str, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(world.tmp)  # open_store, dump: files land here
    call = _working_call(test_id, world)
    if call is None:
        pytest.skip("no instance to call the method on")
    problems: list[str] = []
    if call.complete and test_id not in SIDE_EFFECTS and test_id != "PostgresStore":
        outcome, exc = _try(call, {})
        if outcome != "returned":
            problems.append(f"the working call fails: {type(exc).__name__}: {exc}")
    names = [
        p.name
        for p in call.params
        if p.kind is not inspect.Parameter.VAR_KEYWORD and p.name not in ("self", "cls")
    ]
    target = call.fn if not isinstance(call.fn, type) or not attrs.has(call.fn) else None
    for name in names:
        any_type = target is None or _any_type(target, name)
        if target is None:  # a record: its field's annotation
            field = next(f for f in attrs.fields(call.fn) if (f.alias or f.name) == name)  # type: ignore[arg-type]
            any_type = _field_any_type(call.fn, field.name)  # type: ignore[arg-type]
        for label, bad in BAD.items():
            with _registries_kept():
                outcome, exc = _try(call, {name: bad})
            if outcome == "raised":
                assert exc is not None
                problem = _problem(exc, bad, any_type=any_type)
                if problem:
                    problems.append(f"{name}={label}: {problem}")
            elif outcome == "returned" and test_id in SIDE_EFFECTS and label not in PLAUSIBLE_NAMES:
                problems.append(f"{name}={label}: a registry accepted it")
    if test_id in KNOWN and problems:
        pytest.xfail(KNOWN[test_id])
    assert problems == [], "\n".join(problems[:12])


def _field_any_type(cls: type, name: str) -> bool:
    try:
        hints = typing.get_type_hints(cls)
    except Exception:
        return True
    hint = hints.get(name, Any)
    if hint is object or hint is Any or typing.get_origin(hint) is typing.Literal:
        return True
    options = typing.get_args(hint)
    return bool(options) and all(
        typing.get_origin(o) is typing.Literal or o is type(None) for o in options
    )


def _date_parameters(call: Call) -> list[str]:
    dated = ("when", "at", "enacted", "effective", "known_at", "date", "consent_timestamp")
    return [p.name for p in call.params if p.name in dated and p.name in call.args]


DATED = [
    "History.start",
    "History.as_of",
    "History.pending",
    "History.version_at",
    "History.diff",
    "History.changes_since",
    "Amendment",
    "to_amendment",
    "Diff.to_amendment",
    "format_date",
    "needs_reacceptance",
    "summary_since",
    "plan_notices",
    "ConsentStore.must_reaccept",
    "ConsentStore.plan_notices",
    "dates.era_of",
    "parse_day",
    "parse_moment",
]


@pytest.mark.parametrize("test_id", DATED)
def test_every_date_parameter_takes_every_form(test_id: str, world: World) -> None:
    call = _working_call(test_id, world)
    assert call is not None
    if test_id in ("History.diff",):
        names = ["old", "new"]
    elif test_id in ("parse_day", "parse_moment"):
        names = ["value"]
    else:
        names = _date_parameters(call)
    assert names, f"{test_id} has no date parameter"
    for name in names:
        for form in DATE_FORMS:
            outcome, exc = _try(call, {name: form})
            assert outcome == "returned", f"{name}={form!r}: {type(exc).__name__}: {exc}"


def test_the_audit_sees_every_public_callable() -> None:
    """A new public function or record is audited without anyone adding it here."""
    assert {"apply", "History.as_of", "Document.get", "Citation.parse", "Amendment"} <= set(
        CALLABLES
    )
    assert len(CALLABLES) > 150


def test_the_rule_can_fail() -> None:
    assert _problem(AttributeError("x"), None) is not None
    assert _problem(legaldocs.ParseError("x"), OPAQUE) is not None
    assert _problem(legaldocs.ArgumentTypeError("x"), OPAQUE) is None
    assert _problem(legaldocs.LegaldocsError("x"), None) is not None


PARSERS: dict[str, Callable[[str], object]] = {
    "parse_text": parse_text,
    "parse_lawtext": parse_lawtext,
    "parse_markdown": parse_markdown,
    "parse_html": legaldocs.parse_html,
    "parse_law_xml": legaldocs.parse_law_xml,
    "loads-json": lambda text: loads(text, Document, "json"),
    "loads-toml": lambda text: loads(text, Document, "toml"),
}
"""Every reader of a whole text. (YAML is left out: PyYAML reports a bad value, such as a
month 13 in a date, without its position.)"""

BAD_TEXTS = ("", "\n\n", "\ud800", "9" * 5000, "x\n\n第", "<", "{", "a = 1\nb", "令和九九年")


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_a_parse_error_names_its_line(parser: str) -> None:
    unplaced: list[str] = []
    for text in BAD_TEXTS:
        try:
            PARSERS[parser](text)
        except legaldocs.ParseError as error:
            if error.line is None or f"line {error.line}" not in str(error):
                unplaced.append(f"{text[:20]!r}: {error}")
        except LegaldocsError:
            pass
    assert unplaced == []
