"""History.from_versions: a history from published versions, each reproduced exactly."""

from __future__ import annotations

import csv

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from legaldocs import Article, Document, History, HistoryError
from legaldocs.formats.lawtext import parse_lawtext

from .conftest import CORPORA
from .strategies import documents
from .test_to_amendment import _mutated


def _corpus(law: str) -> tuple[list[pendulum.Date], list[Document], list[str]]:
    folder = CORPORA / law
    with (folder / "versions.tsv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    assert rows, f"corpus {law} missing"
    dates = [pendulum.Date.fromisoformat(r[1]) for r in rows]
    docs = [parse_lawtext((folder / r[0]).read_text(encoding="utf-8")) for r in rows]
    return dates, docs, [r[2] for r in rows]


def _check(history: History, dates: list[pendulum.Date], docs: list[Document]) -> None:
    for i, (date, doc) in enumerate(zip(dates, docs, strict=True)):
        last_on_date = i + 1 == len(dates) or dates[i + 1] != date
        if last_on_date:
            assert history.as_of(date) == doc, f"version {i + 1} ({date})"


def test_denki_jigyo_ho() -> None:
    dates, docs, ids = _corpus("denki-jigyo-ho")
    history = History.from_versions(list(zip(dates, docs, strict=True)), ids=ids[1:])
    _check(history, dates, docs)
    assert history.current == docs[-1]
    # versions sharing a date make one version of the history, its amendments in order
    assert len(history.versions) == len(set(dates))
    on_2019 = history.version_at("2019-04-01")
    assert on_2019.amendments == ("427AC0000000047", "429AC0000000041")
    # a law in force in stages: its id made unique with the date
    assert history.version_at("2020-07-01").amendments == ("502AC0000000049@2020-07-01",)


def test_gyosei_tetsuzuki_ho() -> None:
    dates, docs, titles = _corpus("gyosei-tetsuzuki-ho")
    history = History.from_versions(
        [(d.isoformat(), doc) for d, doc in zip(dates, docs, strict=True)],
        ids=[f"g{i}" for i in range(2, 11)],
        titles=titles[1:],
    )
    _check(history, dates, docs)
    assert history.as_of("2014-06-13") == docs[-1]
    assert history.as_of("2014-06-12") == docs[7]
    assert (
        history.amendments[4].title == "行政手続法の一部を改正する法律（平成十七年法律第七十三号）"
    )
    assert history.version_at("2014-06-13").amendments == ("g9", "g10")
    assert history.enacted == pendulum.Date(1993, 11, 12)


@given(st.data())
def test_generated_histories(data: st.DataObject) -> None:
    docs = [data.draw(documents(revisions=False))]
    for _ in range(data.draw(st.integers(1, 3))):
        docs.append(data.draw(_mutated(docs[-1])))
    days = sorted(data.draw(st.lists(st.integers(0, 4), min_size=len(docs), max_size=len(docs))))
    dates = [pendulum.Date(2024, 1, 1).add(days=d) for d in days]
    history = History.from_versions(list(zip(dates, docs, strict=True)))
    for i, doc in enumerate(docs):
        if i + 1 == len(docs) or dates[i + 1] != dates[i]:
            assert history.as_of(dates[i]) == doc


def test_bad_input() -> None:
    doc = Document(title="t")
    with pytest.raises(HistoryError, match="at least one"):
        History.from_versions([])
    with pytest.raises(HistoryError, match="before"):
        History.from_versions([("2024-02-01", doc), ("2024-01-01", doc)])
    with pytest.raises(HistoryError, match="one value per amendment"):
        History.from_versions([("2024-01-01", doc), ("2024-02-01", doc)], ids=["a", "b"])
    with pytest.raises(HistoryError, match="not a Document"):
        History.from_versions([("2024-01-01", "text")])  # type: ignore[list-item]
    single = History.from_versions(
        [(pendulum.Date(2024, 1, 1), doc)], enacted=pendulum.Date(2023, 12, 1)
    )
    assert single.as_of("2024-01-01") == doc
    assert single.enacted == pendulum.Date(2023, 12, 1)


def test_clinic_policy_with_its_revision_record() -> None:
    from legaldocs import Revision
    from legaldocs.formats.text import parse_text

    from .conftest import ROOT

    first = parse_text((ROOT / "examples" / "clinic" / "privacy-policy.txt").read_text("utf-8"))
    article = first.body[14]
    assert isinstance(article, Article)
    para = article.paragraphs[0]
    edited = attrs.evolve(
        article,
        paragraphs=(
            attrs.evolve(
                para, text=para.text.replace("お問い合わせご相談", "お問い合わせ、ご相談")
            ),
            *article.paragraphs[1:],
        ),
    )
    record = first.supplements[0]
    revised = attrs.evolve(
        record,
        revisions=(*record.revisions, Revision(date=pendulum.Date(2024, 4, 1), event="改定")),
    )
    second = attrs.evolve(first, body=(*first.body[:14], edited), supplements=(revised,))
    history = History.from_versions(
        [(pendulum.Date(2021, 2, 25), first), (pendulum.Date(2024, 4, 1), second)]
    )
    assert history.as_of("2021-02-25") == first
    assert history.as_of("2024-04-01") == second
    assert history.as_of("2024-03-31") == first


def test_unchanged_and_same_date_versions() -> None:
    doc = Document(title="旧")
    renamed = Document(title="新")
    history = History.from_versions(
        [("2024-01-01", doc), ("2024-02-01", doc), ("2024-02-01", renamed)]
    )
    assert [(v.start.date(), v.amendments) for v in history.versions] == [
        (pendulum.Date(2024, 1, 1), ()),
        (pendulum.Date(2024, 2, 1), ("v2", "v3")),
    ]
    assert history.amendments[0].changes == ()
    assert history.as_of("2024-02-01") == renamed
    assert history.as_of("2024-01-31") == doc
