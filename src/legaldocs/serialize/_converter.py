"""The cattrs converter behind :mod:`legaldocs.serialize._api`, with its hooks.

One converter for the whole library. It is strict on input: strings must be strings, numbers
numbers, lists lists; no unknown keys; fields equal to their default are left out when
unstructuring and restored when structuring.

- ``pendulum.Date``: ``"2024-04-01"``.
- ``pendulum.DateTime``: ISO 8601 with the offset and, for a named time zone, the zone name in
  brackets (RFC 9557): ``"2024-04-01T00:00:00+09:00[Asia/Tokyo]"``; a fixed offset has no
  brackets (``"2024-04-01T00:00:00+09:00"``) and a naive date-time no offset.
- :class:`~legaldocs.Num`: an integer when it has no branch number (``3``), otherwise the Arabic
  form ``"3の2"``. On input an integer ``>= 1`` or the Arabic form (ASCII digits joined by の, no
  leading zero) is accepted, nothing else.
- A union of two or more record (attrs) classes, such as ``Item | Table``, is tagged: each member
  is written as a mapping whose first key ``"type"`` holds the member's tag, by default its class
  name. Any such union works without registration; :func:`register_tag` changes the tag of a
  class (to keep reading old files after a rename, or to tell apart two classes of one name).

Structuring runs in two passes (:func:`structure`): the converter, made with cattrs' fast
mode (no detailed validation), tries first and stops at the first problem; only then a copy of
it with detailed validation runs again, and :func:`problems` turns the errors it collects
(:func:`cattrs.transform_error`) into ``"$.body[3].caption: expected a string, got int"``
lines. Records use cattrs' own structuring functions (:func:`_record_structure_hook`). In the
fast pass a record in a tuple or a union is read in place: a table from each tag to cattrs'
function for its member, made to let unknown keys through, after a check here that the
mapping's keys are the record's fields (and the tag), with no copy of the mapping
(:func:`_fast_union`, :func:`_loose_record_hook`); a tuple of such records does that itself,
without a call per element to a hook (:func:`_inline`). When a member is read by a hook of the
user's, its union falls back on cattrs' tagged-union strategy
(:func:`cattrs.strategies.configure_tagged_union`), which copies each mapping without its tag.
The detailed pass reads every union member in the plain way and every element of a tuple
once, so that reporting costs time linear in the size of the data.

Tuples of records count how deeply they nest, per thread (:data:`MAX_DEPTH`): reading refuses
deeper data where it finds it, instead of a walk over all the data before reading. That holds
for records that nest only through tuples (:func:`depth_is_counted`, true for every record of
the library); for others the caller walks the data first.

:func:`make_converter` makes a new converter with all of this, for a program that adds hooks
of its own without touching the library's :data:`converter`.
"""

from __future__ import annotations

import datetime
import graphlib
import itertools
import re
import threading
import types
import typing
import weakref
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from types import NoneType
from typing import Any, Literal, NoReturn

import attrs
import cattrs
import pendulum
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn
from cattrs.strategies import configure_tagged_union

from legaldocs.dates import parse_moment
from legaldocs.errors import ArgumentTypeError, ArgumentValueError, LegaldocsError
from legaldocs.model._numbers import Num

__all__ = [
    "MAX_DEPTH",
    "TAG_KEY",
    "Converter",
    "Invalid",
    "TooDeep",
    "converter",
    "depth_is_counted",
    "kind",
    "make_converter",
    "problems",
    "register_tag",
    "structure",
    "tag_of",
]

TAG_KEY = "type"
"""The key that names the class of a member of a record union."""

_NoneType = type(None)


class Invalid(ValueError):
    """A value that does not fit its type. ``suffix`` extends the path (``".type"``)."""

    def __init__(self, message: str, suffix: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.suffix = suffix


def kind(value: object) -> str:
    """A short name of a value's type for messages (``"int"``, ``"list"``, ``"null"``)."""
    if value is None:
        return "null"
    return type(value).__name__


_TAGS: dict[type, str] = {}


def tag_of(cls: type) -> str:
    """The tag written in ``"type"`` for records of class ``cls`` (its name unless registered)."""
    return _TAGS.get(cls, cls.__name__)


def register_tag(cls: type, tag: str) -> None:
    """Write records of class ``cls`` with ``"type": tag`` (instead of the class name).

    Call it before serializing anything that contains ``cls``: hooks are built on first use.
    """
    if not isinstance(cls, type) or not attrs.has(cls):
        raise ArgumentTypeError(f"register_tag: {cls!r} is not an attrs record class")
    if not isinstance(tag, str):
        raise ArgumentTypeError(f"register_tag: a tag must be a string, got {tag!r}")
    if not tag.isprintable() or not tag.strip() or any(c.isspace() for c in tag):
        raise ArgumentValueError(f"register_tag: a tag is printable, without spaces: {tag!r}")
    try:
        tag.encode("utf-8")
    except UnicodeEncodeError:
        raise ArgumentValueError(
            f"register_tag: a tag cannot hold a lone surrogate: {tag!r}"
        ) from None
    _TAGS[cls] = tag


# --- primitives: strict, no coercion ------------------------------------------------------


def _structure_str(value: Any, _: Any) -> str:
    if value.__class__ is str:
        return value
    raise Invalid(f"expected a string, got {kind(value)}")


def _structure_bool(value: Any, _: Any) -> bool:
    if value.__class__ is bool:
        return value
    raise Invalid(f"expected true or false, got {kind(value)}")


_HUGE = 10**100
"""Integers in records have at most 100 digits (the JSON reader leaves longer ones to here)."""


def _structure_int(value: Any, _: Any) -> int:
    if value.__class__ is int and -_HUGE < value < _HUGE:
        return value
    if value.__class__ is int:
        raise Invalid("an integer of more than 100 digits")
    raise Invalid(f"expected an integer, got {kind(value)}")


def _structure_optional_str(value: Any, _: Any) -> str | None:
    if value is None or value.__class__ is str:
        return value
    raise Invalid(f"expected a string, got {kind(value)}")


def _is_optional_str(tp: Any) -> bool:
    """``str | None`` (one hook instead of cattrs' optional around the string's)."""
    origin = typing.get_origin(tp)
    if origin is not typing.Union and origin is not types.UnionType:
        return False
    args = typing.get_args(tp)
    return len(args) == 2 and str in args and _NoneType in args


def _is_literal(tp: Any) -> bool:
    return typing.get_origin(tp) is Literal


def _literal_hook(tp: Any) -> Callable[[Any, Any], Any]:
    allowed = typing.get_args(tp)
    shown = ", ".join(repr(a) for a in allowed)

    def structure(value: Any, _: Any) -> Any:
        for candidate in allowed:
            if value.__class__ is candidate.__class__ and value == candidate:
                return candidate
        raise Invalid(f"expected one of {shown}, got {value!r}")

    return structure


# --- tuples: from lists only, every bad element reported -----------------------------------


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_fixed_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and bool(args) and Ellipsis not in args


MAX_DEPTH = 200
"""How deeply serialized data may nest (mappings and lists); a real statute's history needs
about 40 levels. Reading counts the lists it structures as tuples (each one a level, and the
mapping of a record in it another): deeper data is refused when its records nest more than
``MAX_DEPTH // 2`` tuples deep, before anything deeper is read, so reading stays linear in the
size of the data and never runs into Python's recursion limit."""

_MAX_TUPLES = MAX_DEPTH // 2


class TooDeep(Invalid):
    """Data nested more than :data:`MAX_DEPTH` levels deep."""

    def __init__(self) -> None:
        super().__init__(f"nested more than {MAX_DEPTH} levels deep")


class _Count:
    __slots__ = ("depth",)

    def __init__(self) -> None:
        self.depth = 0


class _Nesting(threading.local):
    """How many tuples deep this thread is structuring (``count.depth``)."""

    def __init__(self) -> None:
        self.count = _Count()  # one look-up per tuple in the thread's own attributes


_nesting = _Nesting()


def _each(
    value: Sequence[Any], hooks: Iterable[tuple[Callable[[Any, Any], Any], Any]], tp: Any
) -> tuple[Any, ...]:
    """Every element of ``value`` through its hook, once (detailed validation): every bad
    element is reported, with its index."""
    out: list[Any] = []
    errors: list[Exception] = []
    for index, (element, (hook, element_type)) in enumerate(zip(value, hooks, strict=False)):
        try:
            out.append(hook(element, element_type))
        except Exception as error:
            error.__notes__ = [
                *getattr(error, "__notes__", []),
                IterableValidationNote(f"Structuring {tp} @ index {index}", index, element_type),
            ]
            errors.append(error)
    if errors:
        raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
    return tuple(out)


_LEAVES: frozenset[Any] = frozenset(
    {str, int, bool, float, NoneType, Num, pendulum.Date, pendulum.DateTime}
)


def _is_leaf(tp: Any) -> bool:
    """A type whose values hold no records: read without going deeper than its own value."""
    if tp in _LEAVES or _is_literal(tp) or _is_optional_str(tp) or _moment_union(tp):
        return True
    return _is_fixed_tuple(tp) and all(_is_leaf(t) for t in typing.get_args(tp))


def _homogeneous_tuple_hook(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    element_type = typing.get_args(tp)[0]
    hook: Callable[[Any, Any], Any] | None = None
    detailed = conv.detailed_validation
    nesting = _nesting

    if _is_leaf(element_type):  # nothing nests below: no count

        def structure_leaves(value: Any, _: Any) -> tuple[Any, ...]:
            nonlocal hook
            if hook is None:
                hook = conv.get_structure_hook(element_type)
            if value.__class__ is not list and value.__class__ is not tuple:
                raise Invalid(f"expected a list, got {kind(value)}")
            if not detailed:
                return tuple([hook(e, element_type) for e in value])
            return _each(value, itertools.repeat((hook, element_type)), tp)

        return structure_leaves

    record: tuple[Callable[[Any, Any], Any], Any, frozenset[str]] | None = None
    table: _UnionTable | None = None

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        nonlocal hook, record, table
        if hook is None:  # looked up on first use: records may contain themselves
            hook = conv.get_structure_hook(element_type)
            if not detailed:
                record, table = _inline(hook, element_type, conv)
        if value.__class__ is not list and value.__class__ is not tuple:
            raise Invalid(f"expected a list, got {kind(value)}")
        count = nesting.count
        depth = count.depth
        if depth >= _MAX_TUPLES:
            raise TooDeep
        count.depth = depth + 1
        try:
            if detailed:
                return _each(value, itertools.repeat((hook, element_type)), tp)
            # the element's hook, inline (cattrs' function that lets unknown keys through
            # after a check of the keys here: see _loose_record_hook and _fast_union)
            if record is not None:
                fn, cls, allowed = record
                out: list[Any] = []
                add = out.append
                for e in value:  # a loop costs less than a comprehension for a few elements
                    if e.__class__ is not dict or not allowed.issuperset(e):
                        _unknown_keys(e, cls, allowed)
                    add(fn(e, cls))
                return tuple(out)
            if table is not None:
                out = []
                add = out.append
                for e in value:
                    fn, cls, keys = table[e[TAG_KEY]]
                    if not keys.issuperset(e):  # type: ignore[union-attr]
                        _unknown_keys(e, cls, keys)
                    add(fn(e, cls))
                return tuple(out)
            return tuple([hook(e, element_type) for e in value])
        finally:
            count.depth = depth

    return structure


def _inline(
    hook: Callable[[Any, Any], Any], element_type: Any, conv: cattrs.Converter
) -> tuple[tuple[Callable[[Any, Any], Any], Any, frozenset[str]] | None, _UnionTable | None]:
    """What a tuple of ``element_type`` can read its elements with instead of calling
    ``hook``: cattrs' function for a record read by the library's own hook, with the keys
    it may have; or the table of a tagged union of such records. Neither when a hook of the
    user's is involved."""
    if isinstance(element_type, type) and attrs.has(element_type):
        loose = _loose_record_hook(element_type, conv)
        return (None if loose is None else (loose[0], element_type, loose[1])), None
    unions: dict[Any, tuple[_UnionTable, Callable[[], None]]] = getattr(conv, "union_tables", {})
    found = unions.get(hook)
    if found is None:
        return None, None
    table, set_up = found
    if not table:
        set_up()
    if any(keys is None for _, _, keys in table.values()):
        return None, None
    return None, table


def _unknown_keys(value: dict[str, Any], cls: type, allowed: frozenset[str] | None) -> NoReturn:
    raise ForbiddenExtraKeysError("", cls, set(value.keys()) - (allowed or set()))


_COUNTED: dict[type, bool] = {}


def depth_is_counted(cls: type) -> bool:
    """Whether reading a ``cls`` counts how deeply its data nests as it goes (see
    :data:`MAX_DEPTH`): every way a record of ``cls`` can hold a record of its own kind
    again, at any depth, goes through a tuple (the library's hooks count tuples of records),
    and no field has a type whose values could nest without a record (a list, a mapping,
    ``Any``). When it does not, the caller checks the depth of the data before reading it."""
    found = _COUNTED.get(cls)
    if found is None:
        found = _COUNTED[cls] = _counted(cls)
    return found


def _counted(root: type) -> bool:
    # every record reachable from root, with the records each one holds without a tuple of
    # records in between; then no cycle among the latter
    direct: dict[type, set[type]] = {}
    todo = [root]

    def walk(tp: Any, out: set[type] | None) -> bool:  # out is None below a counted tuple
        if _is_leaf(tp):
            return True
        if isinstance(tp, type) and attrs.has(tp):
            if out is not None:
                out.add(tp)
            todo.append(tp)
            return True
        args = typing.get_args(tp)
        origin = typing.get_origin(tp)
        if origin is typing.Union or origin is types.UnionType or _is_fixed_tuple(tp):
            return all(walk(arg, out) for arg in args)
        if _is_homogeneous_tuple(tp):
            return walk(args[0], None)
        return False  # a list, a mapping, Any, ...: values that may nest by themselves

    while todo:
        cls = todo.pop()
        if cls in direct:
            continue
        held = direct[cls] = set()
        try:
            fields = attrs.fields(attrs.resolve_types(cls))
        except Exception:  # an annotation that does not resolve: nothing to rely on
            return False
        if not all(walk(field.type, held) for field in fields if field.init):
            return False
    return _acyclic(direct)


def _acyclic(graph: dict[type, set[type]]) -> bool:
    """Whether ``graph`` (each node to the nodes it points to) has no cycle."""
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError:
        return False
    return True


def _fixed_tuple_hook(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    element_types = typing.get_args(tp)
    hooks: list[tuple[Callable[[Any, Any], Any], Any]] = []
    detailed = conv.detailed_validation

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if value.__class__ is not list and value.__class__ is not tuple:
            raise Invalid(f"expected a list, got {kind(value)}")
        if len(value) != len(element_types):
            raise Invalid(f"expected a list of {len(element_types)}, got {len(value)} elements")
        if not hooks:  # looked up on first use, as for the tuples above
            hooks.extend((conv.get_structure_hook(t), t) for t in element_types)
        if not detailed:
            return tuple([h(e, t) for e, (h, t) in zip(value, hooks, strict=True)])
        return _each(value, hooks, tp)

    return structure


def _unstructure_tuple_hook(tp: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    args = typing.get_args(tp)
    element_types = [args[0]] if args[-1] is Ellipsis else list(args)
    if all(t is str or t is int or t is bool for t in element_types):
        return list
    if len(element_types) == 1:
        element_type = element_types[0]
        hook: Callable[[Any], Any] | None = None

        def unstructure(value: Any) -> list[Any]:
            nonlocal hook
            if hook is None:
                hook = conv.get_unstructure_hook(element_type)
            return [hook(e) for e in value]

        return unstructure

    def unstructure_fixed(value: Any) -> list[Any]:
        return [conv.unstructure(e, t) for e, t in zip(value, element_types, strict=False)]

    return unstructure_fixed


def _is_tuple(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple and bool(typing.get_args(tp))


# --- Num ------------------------------------------------------------------------------------

_NUM = re.compile(r"[1-9][0-9]*(?:の[1-9][0-9]*)*")


def _unstructure_num(num: Num) -> int | str:
    parts = num.parts
    if len(parts) == 1:
        return parts[0]
    return "の".join(map(str, parts))


_NUM_CACHE: dict[int | str, Num] = {}


def _structure_num(value: Any, _: Any) -> Num:
    cls = value.__class__
    if cls is int or cls is str:
        num = _NUM_CACHE.get(value)
        if num is not None:
            return num
    if cls is int:
        if value < 1 or value >= _HUGE:
            raise Invalid(f"a number must be 1 or more, of at most 100 digits, got {value}")
        num = Num((value,))
    elif cls is str and _NUM.fullmatch(value):
        num = Num(tuple(map(int, value.split("の"))))
    else:
        raise Invalid(f'expected a number such as 3 or "3の2", got {value!r}')
    if len(_NUM_CACHE) < 4096:
        _NUM_CACHE[value] = num
    return num


# --- pendulum -------------------------------------------------------------------------------

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DATETIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{6}))?"
    r"(?:([+-])([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{6}))?)?(?:\[([^\[\]]+)\])?)?"
)


def _unstructure_date(value: datetime.date) -> str:
    if isinstance(value, datetime.datetime):
        raise Invalid(f"expected a date, got a date-time {value.isoformat()}")
    return value.isoformat()


def _structure_date(value: Any, _: Any) -> pendulum.Date:
    if value.__class__ is str:
        match = _DATE.fullmatch(value)
        if match:
            try:
                return pendulum.Date(*map(int, match.groups()))
            except ValueError as error:
                raise Invalid(f"not a valid date {value!r}: {error}") from None
        if _DATETIME.fullmatch(value):
            raise Invalid(f"expected a date (YYYY-MM-DD), got a date-time {value!r}")
        try:  # a hand-written file may say 2024年4月1日 or 令和6年4月1日: the one date reader
            moment = parse_moment(value, what="date")
        except LegaldocsError:
            raise Invalid(f"expected a date (YYYY-MM-DD or 令和6年4月1日), got {value!r}") from None
        if isinstance(moment, datetime.datetime):  # pragma: no cover - caught above
            raise Invalid(f"expected a date (YYYY-MM-DD), got a date-time {value!r}")
        return moment
    if value.__class__ is datetime.date or value.__class__ is pendulum.Date:
        # TOML and YAML have a native date type.
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, datetime.datetime):
        raise Invalid(f"expected a date (YYYY-MM-DD), got a date-time {value.isoformat()!r}")
    raise Invalid(f"expected a date (YYYY-MM-DD), got {kind(value)}")


def _format_offset(offset: datetime.timedelta) -> str:
    sign = "-" if offset < datetime.timedelta(0) else "+"
    offset = abs(offset)
    hours, rest = divmod(offset, datetime.timedelta(hours=1))
    minutes, rest = divmod(rest, datetime.timedelta(minutes=1))
    text = f"{sign}{hours:02d}:{minutes:02d}"
    if rest:
        text += f":{rest.seconds:02d}"
        if rest.microseconds:
            text += f".{rest.microseconds:06d}"
    return text


def _unstructure_datetime(value: datetime.datetime) -> str:
    if not isinstance(value, datetime.datetime):
        raise Invalid(f"expected a date-time, got a date {value.isoformat()}")
    text = f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:"
    text += f"{value.minute:02d}:{value.second:02d}"
    if value.microsecond:
        text += f".{value.microsecond:06d}"
    tz = value.tzinfo
    if tz is None:
        return text
    offset = value.utcoffset()
    if offset is None:
        raise Invalid(f"time zone {tz!r} gives no offset for {value!r}")
    text += _format_offset(offset)
    if isinstance(tz, pendulum.FixedTimezone | datetime.timezone):
        return text
    name = getattr(tz, "key", None) or getattr(tz, "name", None)
    if not isinstance(name, str):
        raise Invalid(f"cannot name the time zone {tz!r}")
    return f"{text}[{name}]"


def _structure_datetime(value: Any, _: Any) -> pendulum.DateTime:
    if value.__class__ is not str:
        raise Invalid(f"expected a date-time string, got {kind(value)}")
    match = _DATETIME.fullmatch(value)
    if match is None:
        if _DATE.fullmatch(value):
            raise Invalid(f"expected a date-time, got a date {value!r}")
        example = "2024-04-01T00:00:00+09:00[Asia/Tokyo]"
        raise Invalid(f"expected a date-time such as {example}, got {value!r}")
    year, month, day, hour, minute, second, micro, sign, oh, om, os_, ous, name = match.groups()
    y, mo, d, h, mi, s = (int(x) for x in (year, month, day, hour, minute, second))
    microsecond = int(micro) if micro else 0
    try:
        if sign is None:
            if name is not None:
                raise Invalid(f"a time zone name needs an offset: {value!r}")
            return pendulum.DateTime(y, mo, d, h, mi, s, microsecond)
        offset = datetime.timedelta(
            hours=int(oh),
            minutes=int(om),
            seconds=int(os_ or 0),
            microseconds=int(ous or 0),
        )
        if sign == "-":
            offset = -offset
        if name is None:
            tz: datetime.tzinfo = pendulum.FixedTimezone(int(offset.total_seconds()))
            if tz.utcoffset(None) != offset:
                raise Invalid(f"unsupported offset in {value!r}")
            return pendulum.DateTime(y, mo, d, h, mi, s, microsecond, tzinfo=tz)
        try:
            tz = pendulum.timezone(name)
        except Exception:
            raise Invalid(f"unknown time zone {name!r} in {value!r}") from None
        for fold in (0, 1):
            result = pendulum.DateTime(y, mo, d, h, mi, s, microsecond, tzinfo=tz, fold=fold)
            if result.utcoffset() == offset:
                return result
        raise Invalid(f"offset {_format_offset(offset)} is not that of {name} in {value!r}")
    except ValueError as error:
        if isinstance(error, Invalid):
            raise
        raise Invalid(f"not a valid date-time {value!r}: {error}") from None


def _moment_union(tp: Any) -> bool:
    """``Date | DateTime`` (a moment), possibly optional."""
    args = (
        set(typing.get_args(tp))
        if typing.get_origin(tp) in (typing.Union, types.UnionType)
        else set()
    )
    return (
        {pendulum.Date, pendulum.DateTime} <= args <= {pendulum.Date, pendulum.DateTime, NoneType}
    )


def _moment_unstructure_hook(tp: Any) -> Callable[[Any], Any]:
    def unstructure(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            return _unstructure_datetime(value)
        return _unstructure_date(value)

    return unstructure


def _moment_structure_hook(tp: Any) -> Callable[[Any, Any], Any]:
    optional = NoneType in typing.get_args(tp)

    def structure(value: Any, _: Any) -> Any:
        if value is None and optional:
            return None
        if isinstance(value, datetime.datetime) or (isinstance(value, str) and "T" in value):
            return _structure_datetime(value, None)
        return _structure_date(value, None)

    return structure


# --- tagged unions of records ------------------------------------------------------------------


def _union_members(tp: Any) -> tuple[list[type], bool, bool] | None:
    """The record classes of a union of records, whether None is allowed and whether a plain
    string is (``str | Toc | None``). A union of one record with None alone is not ours."""
    origin = typing.get_origin(tp)
    if origin is not typing.Union and origin is not types.UnionType:
        return None
    args = typing.get_args(tp)
    members = [a for a in args if a is not _NoneType and a is not str]
    text = str in args
    if len(members) < (1 if text else 2):
        return None
    if not all(isinstance(m, type) and attrs.has(m) for m in members):
        return None
    return members, _NoneType in args, text


def _check_members(members: list[type], shown: str) -> dict[str, type]:
    by_tag: dict[str, type] = {}
    for member in members:
        tag = tag_of(member)
        if tag in by_tag:
            raise TypeError(f"{by_tag[tag]!r} and {member!r} share the tag {tag!r} in {shown}")
        if any(a.name == TAG_KEY for a in attrs.fields(member)):
            raise TypeError(f"{member!r} has a field named {TAG_KEY!r}: it cannot be tagged")
        by_tag[tag] = member
    return by_tag


def _union_unstructure_hook(tp: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    found = _union_members(tp)
    assert found is not None
    members, optional, text = found
    shown = " | ".join(tag_of(m) for m in members)
    table: dict[type, tuple[str, Callable[[Any], Any]]] = {}

    def unstructure(value: Any) -> Any:
        entry = table.get(value.__class__)
        if entry is None:
            if value is None and optional:
                return None
            if value.__class__ is str and text:
                return value
            if value.__class__ not in members:
                raise Invalid(f"cannot write a {kind(value)} where {shown} is expected")
            if not table:
                _check_members(members, shown)
            entry = (tag_of(value.__class__), conv.get_unstructure_hook(value.__class__))
            table[value.__class__] = entry
        tag, hook = entry
        return {TAG_KEY: tag, **hook(value)}  # the tag first, then the fields

    return unstructure


def _union_structure_hook(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    found = _union_members(tp)
    assert found is not None
    members, optional, text = found
    shown = " | ".join(tag_of(m) for m in members)
    by_tag = _check_members(members, shown)
    if not conv.detailed_validation:
        return _fast_union(members, optional, text, conv)

    def structure(value: Any, _: Any) -> Any:
        if value.__class__ is not dict:
            if value is None and optional:
                return None
            if value.__class__ is str and text:
                return value
            raise Invalid(f"expected a mapping with a {TAG_KEY!r} ({shown}), got {kind(value)}")
        tag = value.get(TAG_KEY, _MISSING)
        if tag is _MISSING:
            raise Invalid(f"missing {TAG_KEY!r} (one of {shown})")
        cls = by_tag.get(tag) if tag.__class__ is str else None
        if cls is None:
            raise Invalid(f"unknown type {tag!r}, expected one of {shown}", "." + TAG_KEY)
        body = value.copy()
        del body[TAG_KEY]
        return conv.get_structure_hook(cls)(body, cls)

    return structure


_UnionTable = dict[Any, tuple[Callable[[Any, Any], Any], Any, frozenset[str] | None]]


def _fast_union(
    members: list[type], optional: bool, text: bool, conv: cattrs.Converter
) -> Callable[[Any, Any], Any]:
    """A union of records read by its tag, in fast mode: a table from each tag to cattrs'
    structuring function of its member, set up on first use. A member read by the library's
    own hook gets the mapping as it is, tag included: its function is cattrs' own, made to let
    unknown keys through, and the keys are checked here first against the member's fields and
    the tag (no copy of the mapping). When a member has a hook of the user's, the union is
    read by cattrs' tagged-union strategy (:func:`_strategy_hook`) instead, which copies the
    mapping without its tag for every member. None and text pass when the union allows them.
    Any wrong value fails somehow; the detailed pass (:func:`_union_structure_hook`) says how."""
    table: _UnionTable = {}

    def set_up() -> None:
        entries = {}
        for cls in members:
            loose = _loose_record_hook(cls, conv)
            if loose is None:
                break
            entries[tag_of(cls)] = (loose[0], cls, loose[1] | {TAG_KEY})
        else:
            table.update(entries)
            return
        if len(members) > 1:
            records: Any = typing.Union[tuple(members)]  # noqa: UP007
            strategy = _strategy_hook(records, conv)
            table.update({tag_of(cls): (strategy, records, None) for cls in members})
            return
        cls = members[0]
        inner, tag = conv.get_structure_hook(cls), tag_of(cls)

        def one(value: dict[str, Any], _: Any) -> Any:
            body = value.copy()
            if body.pop(TAG_KEY) != tag:
                raise KeyError(TAG_KEY)
            return inner(body, cls)

        table[tag] = (one, cls, None)

    def structure(value: Any, _: Any) -> Any:
        if value.__class__ is dict:
            entry = table.get(value[TAG_KEY])
            if entry is None:
                if table:
                    raise Invalid(f"unknown type {value[TAG_KEY]!r}")
                set_up()
                return structure(value, _)
            hook, cls, allowed = entry
            if allowed is None or allowed.issuperset(value):
                return hook(value, cls)
            raise ForbiddenExtraKeysError("", cls, set(value.keys()) - allowed)
        if value is None and optional:
            return None
        if value.__class__ is str and text:
            return value
        raise Invalid(f"expected a mapping, got {kind(value)}")

    unions: dict[Any, tuple[_UnionTable, Callable[[], None]]] | None = getattr(
        conv, "union_tables", None
    )
    if unions is not None and not (optional or text):
        unions[structure] = (table, set_up)
    return structure


def _loose_record_hook(
    cls: type, conv: cattrs.Converter
) -> tuple[Callable[[Any, Any], Any], frozenset[str]] | None:
    """For a record read by the library's own hook (:func:`_record_structure_hook`): cattrs'
    structuring function for it that lets unknown keys through, and the keys it may have (its
    fields). None when the record is read by a hook of the user's."""
    ours: Mapping[Callable[[Any, Any], Any], type] = getattr(conv, "record_hooks", {})
    if ours.get(conv.get_structure_hook(cls)) is not cls:
        return None
    loose: dict[type, tuple[Callable[[Any, Any], Any], frozenset[str]]] = getattr(
        conv, "loose_record_hooks", {}
    )
    found = loose.get(cls)
    if found is None:
        if any(a.type in conv.type_overrides for a in attrs.fields(cls)):
            return None  # cattrs' own function passes them on: not repeated here
        fn: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=False, _cattrs_detailed_validation=False
        )
        found = loose[cls] = (fn, _keys_of(cls, conv))
    return found


def _keys_of(cls: type, conv: cattrs.Converter) -> frozenset[str]:
    """The keys cattrs' structuring function reads for a record: its fields set by
    ``__init__``, by name (or by alias, when the converter uses aliases)."""
    return frozenset((a.alias if conv.use_alias else a.name) for a in attrs.fields(cls) if a.init)


class Converter(cattrs.Converter):
    """The library's kind of cattrs converter (made by :func:`make_converter`): a
    ``cattrs.Converter`` that also remembers the unions it set up with cattrs' tagged-union
    strategy and the structuring functions it made for records and unions of records."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tagged_unions: dict[Any, Callable[[Any, Any], Any]] = {}
        self.record_hooks: weakref.WeakKeyDictionary[Callable[[Any, Any], Any], type]
        self.record_hooks = weakref.WeakKeyDictionary()
        """The structuring functions the library's hook made, and their records (see
        :func:`_loose_record_hook`)."""
        self.loose_record_hooks: dict[type, tuple[Callable[[Any, Any], Any], frozenset[str]]]
        self.loose_record_hooks = {}
        """For records read by the library's hook, cattrs' structuring function that lets
        unknown keys through, and the keys to allow (see :func:`_loose_record_hook`)."""
        self.union_tables: dict[Any, tuple[_UnionTable, Callable[[], None]]] = {}
        """The table of each tagged union's hook, by hook, for tuples of union members to
        read them without a call to that hook (see :func:`_fast_union`)."""


def _strategy_hook(records: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """cattrs' tagged-union hook for a union of records, configured once per converter (a
    registration empties the converter's hook cache: doing it on every look-up would make
    every hook again)."""
    done: dict[Any, Callable[[Any, Any], Any]] = getattr(conv, "tagged_unions", {})
    hook = done.get(records)
    if hook is None:
        configure_tagged_union(records, conv, tag_generator=tag_of, tag_name=TAG_KEY)
        # the strategy writes the tag last; this library writes it first
        conv.register_unstructure_hook(records, _union_unstructure_hook(records, conv))
        # the strategy's hook, as it registered it (asking the converter for it would come
        # back to this factory, which handles every union of records)
        hook = done[records] = conv._union_struct_registry[records]
    return hook


_MISSING = object()


def make_converter() -> Converter:
    """A new converter that reads and writes the library's records as :func:`to_data` and
    :func:`from_data` do: strict primitives, numbers, dates and moments, tuples from lists,
    tagged unions of records, no unknown keys, defaults left out. It runs in cattrs' fast
    mode; :func:`structure` re-runs a failed structuring on a copy with detailed validation
    to report every problem. Add hooks to it like to any cattrs converter."""
    conv = Converter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=False)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook_factory(_is_literal, _literal_hook)
    conv.register_structure_hook_func(_is_optional_str, _structure_optional_str)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _homogeneous_tuple_hook)
    conv.register_structure_hook_factory(_is_fixed_tuple, _fixed_tuple_hook)
    conv.register_unstructure_hook_factory(_is_tuple, _unstructure_tuple_hook)
    conv.register_unstructure_hook(Num, _unstructure_num)
    conv.register_structure_hook(Num, _structure_num)
    conv.register_unstructure_hook(pendulum.DateTime, _unstructure_datetime)
    conv.register_structure_hook(pendulum.DateTime, _structure_datetime)
    conv.register_unstructure_hook(pendulum.Date, _unstructure_date)
    conv.register_structure_hook(pendulum.Date, _structure_date)
    conv.register_unstructure_hook_factory(_moment_union, _moment_unstructure_hook)
    conv.register_structure_hook_factory(_moment_union, _moment_structure_hook)
    conv.register_unstructure_hook_factory(_is_record_union, _union_unstructure_hook)
    conv.register_structure_hook_factory(_is_record_union, _union_structure_hook)
    conv.register_structure_hook_factory(_is_record, _record_structure_hook)
    return conv


def _is_record_union(tp: Any) -> bool:
    return _union_members(tp) is not None


def _is_record(tp: Any) -> bool:
    return isinstance(tp, type) and attrs.has(tp)


def _record_structure_hook(cls: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """cattrs' own structuring function for an attrs record; with detailed validation,
    behind a check that the value is a mapping (so that a list where a record belongs reads
    as such)."""
    inner = conv.gen_structure_attrs_fromdict(cls)
    if not conv.detailed_validation:
        ours: MutableMapping[Callable[[Any, Any], Any], type] | None = getattr(
            conv, "record_hooks", None
        )
        if ours is not None:
            ours[inner] = cls
        return inner  # a wrong value fails somehow; the detailed pass says how

    def structure(value: Any, tp: Any) -> Any:
        if value.__class__ is not dict:
            raise Invalid(f"expected a mapping, got {kind(value)}")
        return inner(value, tp)

    return structure


converter = make_converter()
"""The library's converter (fast mode; see :func:`structure`). Extend it with
``register_*_hook`` like any cattrs converter, or make your own with :func:`make_converter`."""


def structure(data: Any, cls: Any, conv: cattrs.Converter | None = None) -> Any:
    """``conv.structure(data, cls)`` (default: :data:`converter`) in two passes: the fast
    converter, which stops at the first problem, then, only if it failed, a copy of it with
    detailed validation, which raises every problem."""
    conv = converter if conv is None else conv
    try:
        return conv.structure(data, cls)
    except (RecursionError, TooDeep):
        raise
    except Exception:
        pass
    return conv.copy(detailed_validation=True).structure(data, cls)


# --- error messages ------------------------------------------------------------------------------


def _message(error: BaseException) -> str:
    if isinstance(error, Invalid):
        return error.message
    if isinstance(error, ForbiddenExtraKeysError):
        keys = ", ".join(sorted(map(repr, error.extra_fields)))
        return f"unknown key{'s' if len(error.extra_fields) > 1 else ''} {keys}"
    if isinstance(error, KeyError):
        return "required key missing"
    if isinstance(error, AttributeError | TypeError) and "items" in str(error):
        return "expected a mapping"
    return f"{type(error).__name__}: {error}"


_SEP = "\x00"


def _format(error: BaseException, _: Any) -> str:
    suffix = error.suffix if isinstance(error, Invalid) else ""
    return f"{suffix}{_SEP}{_message(error)}"


def problems(error: BaseException, path: str = "$") -> list[str]:
    """Every problem carried by a structuring error, as ``"<path>: <message>"`` lines (the
    paths and the walk are :func:`cattrs.transform_error`'s)."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        lines = cattrs.transform_error(error, path=path, format_exception=_format)
    elif isinstance(error, ExceptionGroup):
        return [line for sub in error.exceptions for line in problems(sub, path)]
    else:
        lines = [f"{_format(error, None)} @ {path}"]
    out = []
    for line in lines:
        text, _, where = line.rpartition(" @ ")
        suffix, _, message = text.partition(_SEP)
        out.append(f"{where}{suffix}: {message}")
    return out
