"""Amendments: immutable records of what an amending instrument changes, and when.

An :class:`Amendment` carries an ordered tuple of changes, one record per kind of change in
the vocabulary of Japanese drafting (改め文). This module holds the records and their
validation only; :func:`legaldocs.apply` applies them and :class:`legaldocs.History` orders
them in time.

Targets
    Every ``target`` (and ``after``, ``before``, ``parent``, ``first``, ``last``) is a string:
    a citation (``"第3条第2項"``, ``"第三条の二"``, ``"附則第1条"``, ``"前文第1項"``) or a key
    path (``"a3/p2"``, ``"s1/a1"``, ``"preamble/pre1"``). A string that starts with 第, 附則 or
    前文 is a citation, anything else a key path. A citation is read against the text *as it
    stands when the change applies*, that is after the earlier changes of the same amendment
    (so ``第九条を削り、第十条を第九条とし`` is ``DeleteElement("第9条")`` then
    ``Renumber("第10条", Num.of(9))``). A key path names an element by identity, whatever
    its number.

Moments
    ``effective`` is a :class:`pendulum.Date` (in force from 00:00 on that date in the
    history's time zone) or an aware :class:`pendulum.DateTime` (taken as given). A change may
    carry its own ``effective`` (staged commencement); otherwise it takes the amendment's.
    ``enacted`` and ``effective`` accept every form :func:`legaldocs.parse_moment` reads
    (``"2024-04-01"``, ``"令和6年4月1日"``, a ``datetime.date``) and are stored as pendulum
    values.

The wrong-base rule
    A change that replaces or deletes text or elements (:class:`ReplacePhrase`,
    :class:`InsertPhrase`, :class:`DeletePhrase`, :class:`ReplaceElement`,
    :class:`SetCaption`, :class:`DeleteElement`, :class:`SetDocumentField`) may say what it
    expects to find: ``expect`` is the :func:`legaldocs.fingerprint` of the target (of the
    document field for :class:`SetDocumentField`) as it stands when the change applies.
    :func:`legaldocs.apply` refuses the change with :class:`~legaldocs.AmendmentError` when
    the target is anything else, so an amendment made from one text never silently rewrites
    another. :func:`legaldocs.to_amendment` always fills it in. A hand-written change may
    leave it out (``None``): then only the citation and, for phrase changes, the phrase
    itself are checked, and a 第5条 that was rewritten in the meantime is replaced or deleted
    whatever it now says.

Errors
    A field of the wrong type raises :class:`~legaldocs.ArgumentTypeError`, an unusable value
    (an empty string, ``Shift(by=0)``) :class:`~legaldocs.ArgumentValueError`.
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import attrs
import pendulum

from legaldocs.dates import parse_day, parse_moment
from legaldocs.errors import ArgumentTypeError, ArgumentValueError
from legaldocs.model._blocks import Markup
from legaldocs.model._numbers import Num
from legaldocs.model._records import (
    AnyAppendix,
    Element,
    Style,
    Toc,
)

__all__ = [
    "Amendment",
    "AppendixPlaces",
    "Change",
    "DeleteElement",
    "DeletePhrase",
    "DocumentField",
    "InsertElement",
    "InsertPhrase",
    "LawAttributes",
    "Moment",
    "Rekey",
    "Renumber",
    "Repeal",
    "ReplaceElement",
    "ReplacePhrase",
    "ReplaceableElement",
    "SetCaption",
    "SetDocumentField",
    "Shift",
]

Moment: TypeAlias = pendulum.Date | pendulum.DateTime
"""When something takes effect: a date (00:00 in the history's zone) or an aware DateTime."""


def _where(instance: Any, attribute: Any) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _text(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{_where(instance, attribute)} must be a string, got {type(value).__name__}"
        )
    if not value:
        raise ArgumentValueError(f"{_where(instance, attribute)} must not be empty")


def _string(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{_where(instance, attribute)} must be a string, got {type(value).__name__}"
        )


def _optional_string(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        _string(instance, attribute, value)


def _position(instance: Any, attribute: Any, value: Any) -> None:
    if value not in ("after", "before"):
        raise ArgumentValueError(
            f"{_where(instance, attribute)} must be 'after' or 'before', got {value!r}"
        )


def _element(instance: Any, attribute: Any, value: Any) -> None:
    # any element record of the model (articles, divisions, policy sections, blocks, ...)
    if not attrs.has(type(value)) or type(value).__name__ == "Document":
        raise ArgumentTypeError(
            f"{_where(instance, attribute)} must be an element record (an Article, a "
            f"Paragraph, ...), got {type(value).__name__}"
        )


def _optional_text(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _occurrence(instance: Any, attribute: Any, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise ArgumentTypeError(
            f"{_where(instance, attribute)} must be an integer, got {type(value).__name__}"
        )
    if value < 1:
        raise ArgumentValueError(f"{_where(instance, attribute)} counts from 1, got {value!r}")


def _flag(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, bool):
        raise ArgumentTypeError(
            f"{_where(instance, attribute)} must be True or False, got {type(value).__name__}"
        )


def _moment(value: object) -> Moment:
    """The amendment's ``effective``: anything :func:`~legaldocs.parse_moment` reads."""
    return parse_moment(value, what="effective")


def _optional_moment(value: object) -> Moment | None:
    """A change's own ``effective``: None (the amendment's) or a moment."""
    return None if value is None else parse_moment(value, what="effective")


def _day(value: object) -> pendulum.Date:
    """``enacted``: a day, in any form :func:`~legaldocs.parse_day` reads."""
    return parse_day(value, "enacted")


def _num(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, Num):
        raise ArgumentTypeError(
            f"{_where(instance, attribute)} must be a Num (such as Num.of(3) or Num.of(3, 2)),"
            f" got {type(value).__name__}"
        )


def _expect(instance: Any, attribute: Any, value: Any) -> None:
    if value is None:
        return
    _text(instance, attribute, value)
    if not value.startswith(EXPECT_PREFIX):
        raise ArgumentValueError(
            f"{_where(instance, attribute)} must be a fingerprint such as "
            f"'{EXPECT_PREFIX}0123456789abcdef' (see legaldocs.fingerprint), got {value[:40]!r}"
        )


EXPECT_PREFIX = "sha256:"
"""How an ``expect`` fingerprint starts (see :func:`legaldocs.fingerprint`)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class ReplacePhrase:
    """「old」を「new」に改める: replace a phrase in the text of ``target``.

    ``occurrence`` picks the n-th occurrence (from 1); ``every`` replaces them all. With
    neither, the phrase must occur exactly once (else the change is ambiguous).
    """

    target: str = attrs.field(validator=_text)
    old: str = attrs.field(validator=_text)
    new: str = attrs.field(validator=_text)
    occurrence: int | None = attrs.field(default=None, validator=_occurrence)
    every: bool = attrs.field(default=False, validator=_flag)
    expect: str | None = attrs.field(default=None, validator=_expect)
    effective: Moment | None = attrs.field(default=None, converter=_optional_moment)


@attrs.frozen(kw_only=True, cache_hash=True)
class InsertPhrase:
    """「anchor」の下に「phrase」を加える (``position="after"``) or the phrase before the
    anchor (``position="before"``), in the text of ``target``."""

    target: str = attrs.field(validator=_text)
    anchor: str = attrs.field(validator=_text)
    phrase: str = attrs.field(validator=_text)
    position: Literal["after", "before"] = attrs.field(default="after", validator=_position)
    occurrence: int | None = attrs.field(default=None, validator=_occurrence)
    every: bool = attrs.field(default=False, validator=_flag)
    expect: str | None = attrs.field(default=None, validator=_expect)
    effective: Moment | None = attrs.field(default=None, converter=_optional_moment)


@attrs.frozen(kw_only=True, cache_hash=True)
class DeletePhrase:
    """「phrase」を削る: delete a phrase from the text of ``target``."""

    target: str = attrs.field(validator=_text)
    phrase: str = attrs.field(validator=_text)
    occurrence: int | None = attrs.field(default=None, validator=_occurrence)
    every: bool = attrs.field(default=False, validator=_flag)
    expect: str | None = attrs.field(default=None, validator=_expect)
    effective: Moment | None = attrs.field(default=None, converter=_optional_moment)


ReplaceableElement: TypeAlias = Element | AnyAppendix
"""What ReplaceElement and InsertElement carry: any element of the model (the kinds of
appendix named one by one, so that a saved change says which kind it carries)."""


@attrs.frozen(kw_only=True, cache_hash=True)
class ReplaceElement:
    """第N条を次のように改める: replace the whole element ``target`` by ``element``.

    The replacement keeps the identity and the number of the element it replaces: its ``key``
    and ``num`` are taken from the target, whatever ``element`` says. It must be of the same
    kind as the target.
    """

    target: str = attrs.field(validator=_text)
    element: ReplaceableElement = attrs.field(validator=_element)
    expect: str | None = attrs.field(default=None, validator=_expect)
    effective: Moment | None = attrs.field(default=None, converter=_optional_moment)


@attrs.frozen(kw_only=True, cache_hash=True)
class SetCaption:
    """Change (or with ``None`` remove) the caption (見出し) of an article, as written with
    its brackets: ``"（目的）"``."""

    target: str = attrs.field(validator=_text)
    caption: str | None = attrs.field(default=None, validator=_optional_text)
    expect: str | None = attrs.field(default=None, validator=_expect)
    effective: Moment | None = attrs.field(default=None, converter=_optional_moment)


@attrs.frozen(kw_only=True, cache_hash=True)
class InsertElement:
    """第N条の次に次の一条を加える: insert ``element`` with the number it carries.

    Exactly one of ``after``, ``before`` or ``parent`` places it: after or before a sibling,
    or at the end of ``parent`` (an article, paragraph, item, division, supplement or
    ``"前文"``; ``""`` is the document itself: its body, or its supplements for a
    :class:`~legaldocs.model.Supplement`). The number must be free and fall between its
    neighbours' (give a branch number such as ``Num.of(3, 2)`` between 第3条 and 第4条).

    The inserted element gets a fresh key made from its kind and number (``a3_2``, ``p2``,
    ``i4``; with a ``~2`` suffix when that key is already used), never a key that exists in
    the document: the key in ``element`` is not used. Keys below it are kept.
    """

    element: ReplaceableElement = attrs.field(validator=_element)
    after: str | None = attrs.field(default=None, validator=_optional_text)
    before: str | None = attrs.field(default=None, validator=_optional_text)
    parent: str | None = attrs.field(default=None, validator=_optional_string)
    effective: Moment | None = attrs.field(default=None, converter=_optional_moment)

    def __attrs_post_init__(self) -> None:
        if sum(x is not None for x in (self.after, self.before, self.parent)) != 1:
            raise ArgumentValueError("InsertElement needs exactly one of after, before or parent")


@attrs.frozen(kw_only=True, cache_hash=True)
class DeleteElement:
    """第N条を削る: remove ``target``; with ``placeholder`` leave it as 削除, keeping its
    number (an article becomes ``deleted``; a paragraph or item keeps its number with the
    text ``削除`` and no children)."""

    target: str = attrs.field(validator=_text)
    placeholder: bool = attrs.field(default=False, validator=_flag)
    expect: str | None = attrs.field(default=None, validator=_expect)
    effective: Moment | None = attrs.field(default=None, converter=_optional_moment)


@attrs.frozen(kw_only=True, cache_hash=True)
class Renumber:
    """第十条を第九条とする: give ``target`` the number ``num``. The number must be free
    among its siblings and keep them in order."""

    target: str = attrs.field(validator=_text)
    num: Num = attrs.field(validator=_num)
    effective: Moment | None = attrs.field(default=None, converter=_optional_moment)


@attrs.frozen(kw_only=True, cache_hash=True)
class Shift:
    """第四項から第六項までを二項ずつ繰り下げる: add ``by`` (negative: 繰り上げ) to the main
    number of each sibling from ``first`` to ``last`` (to the last sibling when ``last`` is
    ``None``). Branch numbers are kept (3の2 becomes 4の2)."""

    first: str = attrs.field(validator=_text)
    by: int
    last: str | None = attrs.field(default=None, validator=_optional_text)
    effective: Moment | None = attrs.field(default=None, converter=_optional_moment)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.by, int) or isinstance(self.by, bool):
            raise ArgumentTypeError(f"Shift.by must be an integer, got {type(self.by).__name__}")
        if self.by == 0:
            raise ArgumentValueError("Shift.by must not be 0 (a shift moves by 1 or more)")


@attrs.frozen(kw_only=True, cache_hash=True)
class Repeal:
    """Repeal the whole document (廃止): it is no longer in force from this moment."""

    effective: Moment | None = attrs.field(default=None, converter=_optional_moment)


def _key(instance: Any, attribute: Any, value: Any) -> None:
    _text(instance, attribute, value)
    if "/" in value:
        raise ArgumentValueError(f"a key cannot contain '/', got {value!r}")


@attrs.frozen(kw_only=True, cache_hash=True)
class Rekey:
    """Give the element ``target`` the key ``key``: bookkeeping of identity, with no legal
    effect (改め文 write nothing for it).

    Keys are the library's names for elements; a document read from a published text gets
    keys derived from numbers (第四十六条 is ``a46``), so when an amendment renumbers 第三十八条
    to 第四十六条 and inserts a new 第三十八条, the published new text calls them ``a46`` and
    ``a38``. :meth:`legaldocs.Diff.to_amendment` ends with these records so that applying its
    amendment gives the new document exactly, keys included. The key must be unused where
    keys must be unique (across the body or a supplement for top-level elements, among
    siblings otherwise).
    """

    target: str = attrs.field(validator=_text)
    key: str = attrs.field(validator=_key)
    effective: Moment | None = attrs.field(default=None, converter=_optional_moment)


DocumentField: TypeAlias = Literal[
    "title",
    "alt_title",
    "law_num",
    "toc",
    "style",
    "lang",
    "markup",
    "law_attrs",
    "appendix_places",
]
"""The document-level fields :class:`SetDocumentField` can set."""


def _pairs(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, tuple) or not all(
        isinstance(p, tuple) and len(p) == 2 and all(isinstance(x, str) and x for x in p)
        for p in value
    ):
        raise ArgumentTypeError(
            f"{_where(instance, attribute)} must be a tuple of (name, value) pairs of non-empty "
            f"strings, got {value!r}"
        )


def _places(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, tuple) or not all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in value
    ):
        raise ArgumentTypeError(
            f"{_where(instance, attribute)} must be a tuple of counts (integers >= 0), "
            f"got {value!r}"
        )


@attrs.frozen(kw_only=True, cache_hash=True)
class LawAttributes:
    """The value :class:`SetDocumentField` gives the document's ``law_attrs``: the attributes
    of a law written before its title (``[LawType="Misc"]``; XML ``Law`` attributes), as
    ``(name, value)`` pairs. Metadata of the published text, not words of the law: the
    改め文 write nothing for it."""

    pairs: tuple[tuple[str, str], ...] = attrs.field(default=(), validator=_pairs)


@attrs.frozen(kw_only=True, cache_hash=True)
class AppendixPlaces:
    """The value :class:`SetDocumentField` gives the document's ``appendix_places``: where
    each appendix is written among the supplementary provisions (how many come before it).
    Presentation only: the 改め文 write nothing for it."""

    places: tuple[int, ...] = attrs.field(default=(), validator=_places)


_DOCUMENT_FIELDS: dict[str, tuple[type, ...]] = {
    "title": (str,),
    "alt_title": (str, type(None)),
    "law_num": (str, type(None)),
    "toc": (Toc, type(None)),
    "style": (Style,),
    "lang": (str,),
    "markup": (Markup, type(None)),
    "law_attrs": (LawAttributes,),
    "appendix_places": (AppendixPlaces,),
}

_WRAPPERS: dict[str, Any] = {
    "law_attrs": lambda value: LawAttributes(pairs=value),
    "appendix_places": lambda value: AppendixPlaces(places=value),
}


def _field_value(value: Any, self_: Any) -> Any:
    """A document field's own value (a tuple for ``law_attrs`` and ``appendix_places``)
    taken as the record that carries it."""
    wrap = _WRAPPERS.get(self_.field) if isinstance(self_.field, str) else None
    if wrap is not None and isinstance(value, tuple):
        return wrap(value)
    return value


def document_value(change: SetDocumentField) -> Any:
    """The value ``change`` gives the document's field, as the document holds it."""
    value = change.value
    if isinstance(value, LawAttributes):
        return value.pairs
    if isinstance(value, AppendixPlaces):
        return value.places
    return value


@attrs.frozen(kw_only=True, cache_hash=True)
class SetDocumentField:
    """Set a field of the document itself: its ``title`` (題名を次のように改める), ``alt_title``,
    ``law_num``, table of contents ``toc`` (目次を次のように改める; ``None`` removes it),
    ``style``, ``lang``, ``markup``, ``law_attrs`` or ``appendix_places``. ``value`` must have
    the field's type; for ``law_attrs`` and ``appendix_places`` it is a
    :class:`LawAttributes` or :class:`AppendixPlaces` (the field's tuple is taken as one)."""

    field: DocumentField
    value: str | Toc | Style | Markup | LawAttributes | AppendixPlaces | None = attrs.field(
        converter=attrs.Converter(_field_value, takes_self=True)  # type: ignore[misc]
    )
    expect: str | None = attrs.field(default=None, validator=_expect)
    effective: Moment | None = attrs.field(default=None, converter=_optional_moment)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.field, str):
            raise ArgumentTypeError(
                f"field must be one of {', '.join(_DOCUMENT_FIELDS)}, not {self.field!r}"
            )
        allowed = _DOCUMENT_FIELDS.get(self.field)
        if allowed is None:
            raise ArgumentValueError(
                f"field must be one of {', '.join(_DOCUMENT_FIELDS)}, not {self.field!r}"
            )
        if not isinstance(self.value, allowed):
            known = tuple({t for types in _DOCUMENT_FIELDS.values() for t in types})
            error = ArgumentValueError if isinstance(self.value, known) else ArgumentTypeError
            raise error(f"{self.field} cannot be set to {self.value!r}")


def _grade(value: object) -> None:
    if value is not None and value not in ("typographic", "editorial", "substantive"):
        raise ArgumentValueError(
            f"grade must be typographic, editorial, substantive or None, not {value!r}"
        )


Change: TypeAlias = (
    ReplacePhrase
    | InsertPhrase
    | DeletePhrase
    | ReplaceElement
    | SetCaption
    | InsertElement
    | DeleteElement
    | Renumber
    | Shift
    | Repeal
    | Rekey
    | SetDocumentField
)
"""Any one change of an amendment."""

_CHANGE_TYPES = (
    ReplacePhrase,
    InsertPhrase,
    DeletePhrase,
    ReplaceElement,
    SetCaption,
    InsertElement,
    DeleteElement,
    Renumber,
    Shift,
    Repeal,
    Rekey,
    SetDocumentField,
)


def _changes(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, tuple):
        raise ArgumentTypeError(f"changes must be a tuple, got {type(value).__name__}")
    for index, change in enumerate(value):
        if not isinstance(change, _CHANGE_TYPES):
            raise ArgumentTypeError(f"changes[{index}] is not a change: {change!r}")


@attrs.frozen(kw_only=True, cache_hash=True)
class Amendment:
    """One amending instrument: its ``id`` (unique within a history), ``title``, the date it
    was adopted or promulgated (``enacted``), the moment it takes effect (``effective``), an
    optional ``note`` and its ordered ``changes``.

    ``grade`` is the author's own judgement of how much the amendment matters to those who
    accepted the text before it (``"typographic"``, ``"editorial"`` or ``"substantive"``);
    when set, it replaces the automatic grading of its changes (see
    :mod:`legaldocs.consent`)."""

    id: str = attrs.field(validator=_text)
    title: str = attrs.field(validator=_string)
    enacted: pendulum.Date = attrs.field(converter=_day)
    effective: Moment = attrs.field(converter=_moment)
    changes: tuple[Change, ...] = attrs.field(default=(), validator=_changes)
    note: str | None = attrs.field(default=None, validator=_optional_string)
    grade: Literal["typographic", "editorial", "substantive"] | None = attrs.field(
        default=None,
        validator=lambda _, __, value: _grade(value),
    )
