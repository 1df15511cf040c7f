"""Revision-record policies: the 制定/改定 lines a history derives, as a pluggable part."""

from __future__ import annotations

import attrs
import pendulum
import pytest

from legaldocs import (
    Amendment,
    Document,
    History,
    HistoryError,
    ReplacePhrase,
    Revision,
    dumps,
    loads,
)
from legaldocs.history import NoRecord, RevisionRecord, register

from ._clinic import CONTACT, clinic

START = pendulum.Date(2021, 2, 25)


def _amendment(day: pendulum.Date) -> Amendment:
    return Amendment(
        id=f"a-{day}",
        title="窓口",
        enacted=day,
        effective=day,
        changes=(ReplacePhrase(target="第15条第2項", old=CONTACT, new="当社窓口"),),
    )


def _record(doc: Document) -> tuple[Revision, ...]:
    return doc.supplements[0].revisions


def test_the_default_policy_adds_kaitei_lines() -> None:
    history = History.start(clinic(), enacted=START).amend(_amendment(pendulum.Date(2024, 10, 1)))
    assert [(str(r.date), r.event) for r in _record(history.current)] == [
        ("2021-02-25", "制定"),
        ("2024-10-01", "改定"),
    ]


def test_none_leaves_the_text_alone() -> None:
    history = History.start(clinic(), enacted=START, revisions="none")
    history = history.amend(_amendment(pendulum.Date(2024, 10, 1)))
    assert _record(history.current) == _record(clinic())
    assert _record(history.as_of("2024-10-01")) == (Revision(date=START, event="制定"),)


def test_a_policy_of_ones_own() -> None:
    register("english", RevisionRecord(enacted="Adopted", revised="Revised"))
    bare = clinic()
    bare = attrs.evolve(bare, supplements=(attrs.evolve(bare.supplements[0], revisions=()),))
    history = History.start(bare, enacted=START, revisions="english")
    history = history.amend(_amendment(pendulum.Date(2024, 10, 1)))
    assert [r.event for r in _record(history.current)] == ["Adopted", "Revised"]
    again = loads(dumps(history), History)
    assert again.revisions == "english"
    assert again.current == history.current


def test_an_unknown_policy_is_refused() -> None:
    with pytest.raises(HistoryError, match="unknown revision policy 'nope'"):
        History.start(clinic(), enacted=START, revisions="nope")
    with pytest.raises(HistoryError):
        register("", NoRecord())


def test_the_default_is_not_written() -> None:
    history = History.start(clinic(), enacted=START)
    assert '"revisions":"record"' not in dumps(history)
    assert loads(dumps(history), History).revisions == "record"
