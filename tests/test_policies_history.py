"""History.from_versions on every recorded series of real web policies: each version comes
back exactly, as a document and as the Markdown file it was read from."""

from __future__ import annotations

import csv
from pathlib import Path

import pendulum
import pytest

from legaldocs import Document, History, dumps, loads, parse_markdown, render_markdown

from .conftest import CORPORA

SERIES = sorted(p for p in (CORPORA / "policies").iterdir() if p.is_dir())


def _versions(folder: Path) -> list[tuple[pendulum.Date, str]]:
    with (folder / "versions.tsv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    assert rows
    return [
        (pendulum.Date.fromisoformat(r[1]), (folder / r[0]).read_bytes().decode("utf-8"))
        for r in rows
    ]


def test_every_series_is_there() -> None:
    assert len(SERIES) == 14


@pytest.mark.parametrize("folder", SERIES, ids=[p.name for p in SERIES])
def test_from_versions_reproduces_every_version(folder: Path) -> None:
    versions = _versions(folder)
    docs = [parse_markdown(text) for _, text in versions]
    history = History.from_versions(
        [(date, doc) for (date, _), doc in zip(versions, docs, strict=True)]
    )
    last_of_day = {date: n for n, (date, _) in enumerate(versions)}
    for date, n in last_of_day.items():
        current = history.as_of(date)
        assert current == docs[n]
        assert render_markdown(current) == versions[n][1]


def test_a_policy_history_serializes() -> None:
    folder = CORPORA / "policies" / "mozilla-ja-mozilla-privacy-policy"
    versions = _versions(folder)
    history = History.from_versions([(d, parse_markdown(t)) for d, t in versions])
    again = loads(dumps(history), History)
    assert again == history
    latest = again.as_of(versions[-1][0])
    assert isinstance(latest, Document)
    assert render_markdown(latest) == versions[-1][1]
