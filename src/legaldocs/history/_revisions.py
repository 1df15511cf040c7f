"""Revision-record policies: how a history keeps a document's own record of its revisions.

Some documents carry their revision record in their text: the clinic's pages end with a 附則
of lines such as ``2021年2月25日 制定`` and ``2024年10月1日 改定``. A history derives those
lines from its amendments through a *policy*, chosen by name (``History.start(...,
revisions="record")``) so that histories serialize:

``"record"`` (the default)
    when the document keeps a record (a 附則 holding :class:`~legaldocs.Revision` lines, or an
    empty 附則 of no law), its start gets ``制定`` on the enactment date unless it has lines
    already, and every amendment adds ``改定`` on the date it takes effect (one line a date),
    written with the era flag the record already uses. A document without such a 附則 (a
    statute, whose 附則 are provisions) is left as it is.
``"none"``
    the text is never touched: a record in the document stays as written.

:func:`register` adds a policy of your own under a new name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import attrs
import pendulum

from legaldocs.errors import ArgumentTypeError, HistoryError, require_type
from legaldocs.model._records import Document, Revision, Supplement

__all__ = ["NoRecord", "RevisionPolicy", "RevisionRecord", "policy", "register"]


class RevisionPolicy(Protocol):
    """What a history asks of a revision-record policy."""

    def start(self, document: Document, enacted: pendulum.Date) -> Document:
        """The start document as the first version shows it."""

    def revise(self, document: Document, effective: pendulum.Date) -> Document:
        """``document`` after an amendment that took effect on ``effective``."""


@attrs.frozen
class RevisionRecord:
    """The 制定/改定 lines of a private policy's 附則 (see the module documentation)."""

    enacted: str = "制定"
    revised: str = "改定"

    def start(self, document: Document, enacted: pendulum.Date) -> Document:
        """Add ``制定`` on ``enacted`` when the document keeps an empty record."""
        require_type(document, Document, "RevisionRecord.start: document")
        i = _holder(document)
        if i is None or document.supplements[i].revisions:
            return document
        return _set(document, i, (Revision(date=enacted, event=self.enacted),))

    def revise(self, document: Document, effective: pendulum.Date) -> Document:
        """Add ``改定`` on ``effective`` (once a date) when the document keeps a record."""
        require_type(document, Document, "RevisionRecord.revise: document")
        i = _holder(document)
        if i is None:
            return document
        revisions = document.supplements[i].revisions
        era = revisions[-1].era if revisions else False
        if revisions and revisions[-1].date == effective and revisions[-1].event == self.revised:
            return document
        return _set(
            document, i, (*revisions, Revision(date=effective, event=self.revised, era=era))
        )


@attrs.frozen
class NoRecord:
    """Leave the text as it is."""

    def start(self, document: Document, enacted: pendulum.Date) -> Document:
        """``document`` unchanged."""
        return document

    def revise(self, document: Document, effective: pendulum.Date) -> Document:
        """``document`` unchanged."""
        return document


_POLICIES: dict[str, RevisionPolicy] = {"record": RevisionRecord(), "none": NoRecord()}


def register(name: str, policy: RevisionPolicy) -> None:
    """Make ``policy`` available to histories as ``revisions=name``."""
    require_type(name, str, "register: name")
    if not name.strip():
        raise HistoryError(f"a revision policy needs a name, not {name!r}")
    if not all(callable(getattr(policy, m, None)) for m in ("start", "revise")):
        raise ArgumentTypeError(
            f"register: policy: not a RevisionPolicy (start and revise methods), "
            f"got {type(policy).__name__}"
        )
    _POLICIES[name] = policy


def policy(name: str) -> RevisionPolicy:
    """The policy registered as ``name``; :class:`~legaldocs.HistoryError` if none is."""
    require_type(name, str, "revisions")
    try:
        return _POLICIES[name]
    except (KeyError, TypeError):
        known = ", ".join(sorted(_POLICIES))
        raise HistoryError(f"unknown revision policy {name!r} (known: {known})") from None


def _holder(doc: Document) -> int | None:
    for i, supplement in enumerate(doc.supplements):
        if supplement.revisions:
            return i
    for i, supplement in enumerate(doc.supplements):
        if not supplement.body and supplement.law_ref is None:
            return i
    return None


def _set(doc: Document, i: int, revisions: tuple[Revision, ...]) -> Document:
    supplements: Sequence[Supplement] = doc.supplements
    new = attrs.evolve(supplements[i], revisions=revisions)
    return attrs.evolve(doc, supplements=(*supplements[:i], new, *supplements[i + 1 :]))
