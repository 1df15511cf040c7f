"""`legaldocs import-versions DIR HISTORY`: a recorded-versions folder becomes a history."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from legaldocs import History, load, parse_markdown
from legaldocs.cli import main

from .conftest import CORPORA

SERIES = sorted(p.parent for p in (CORPORA / "policies").glob("*/versions.tsv"))


@pytest.mark.parametrize("folder", SERIES, ids=[p.name for p in SERIES])
def test_every_policy_series(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "history.json"
    assert main(["import-versions", str(folder), str(target)]) == 0
    history = load(target, History)
    rows = (folder / "versions.tsv").read_text(encoding="utf-8").splitlines()[1:]
    last: dict[str, str] = {}
    for row in rows:
        name, day = row.split("\t")[:2]
        last[day] = name  # versions of one date: the history gives the last of them
    for day, name in last.items():
        want = parse_markdown((folder / name).read_bytes())
        assert history.as_of(pendulum.Date.fromisoformat(day)) == want, name


def test_an_existing_history_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "history.json"
    target.write_text("{}", encoding="utf-8")
    assert main(["import-versions", str(SERIES[0]), str(target)]) == 1
    assert target.read_text(encoding="utf-8") == "{}"
    assert "--force" in capsys.readouterr().err


def test_a_folder_without_a_listing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-versions", str(tmp_path), str(tmp_path / "h.json")]) == 1
    assert "versions.tsv: no such file" in capsys.readouterr().err
