"""Smoke test of the benchmark suite: ``python -m benchmarks --quick`` runs and measures
every benchmark (the corpus is present in the test environment, so no row may be skipped).
Whether targets are met is not tested here (benchmarks are not tests)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _suite_names() -> list[str]:
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks._suite import BENCHMARKS
    finally:
        sys.path.remove(str(ROOT))
    return list(BENCHMARKS)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("bench") / "quick.json"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH")) if p
    )
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "operation" in done.stdout  # the table was printed
    data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_every_benchmark_reports_a_number(report: dict[str, object]) -> None:
    rows = report["results"]
    assert isinstance(rows, list)
    seen = {row["benchmark"] for row in rows}
    assert seen == set(_suite_names())
    for row in rows:
        value = row["value"]
        assert isinstance(value, int | float), row
        assert not isinstance(value, bool), row
        assert math.isfinite(value), row
        assert row["ok"] in (True, False, None), row
        assert not row["detail"].startswith(("error: ", "corpus not found")), row
        assert row["name"]
        assert row["target"]
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names)), names


def test_history_loads_and_serialization_only_rows(report: dict[str, object]) -> None:
    rows = {row["name"]: row for row in report["results"]}  # type: ignore[attr-defined]
    history = rows["loads (JSON): corpus history"]
    first_query = rows["loads (JSON) + first query: corpus history"]
    document = rows["loads (JSON): corpus current Document, serialization only"]
    assert "first query" in history["detail"]
    assert first_query["extra"]["replay_seconds"] > 0
    assert first_query["ok"] is None  # no target: it shows the replay is not slower
    for row in (
        history,
        first_query,
        document,
        rows["dumps (JSON): corpus current Document, serialization only"],
    ):
        assert row["extra"]["baseline_seconds"] > 0
        assert row["extra"]["ratio"] == pytest.approx(
            row["value"] / row["extra"]["baseline_seconds"]
        )


def test_machine_info(report: dict[str, object]) -> None:
    machine = report["machine"]
    assert isinstance(machine, dict)
    for key in ("python", "platform", "cpu_count", "date"):
        assert machine[key]
    assert report["config"] == {"quick": True, "repeat": 5, "only": None, "skip": []}


def test_only_filters_and_rejects_unknown_names(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), str(ROOT)) if p)
    out = tmp_path / "only.json"
    command = [sys.executable, "-m", "benchmarks", "--quick", "--json", str(out)]
    done = subprocess.run(
        [*command, "--only", "render_lawtext"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))["results"]
    assert {row["benchmark"] for row in rows} == {"render_lawtext"}
    done = subprocess.run(
        [*command, "--only", "no-such-benchmark"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "no benchmark matches" in done.stderr
    done = subprocess.run(
        [*command, "--only", "lawtext", "--skip", "render", "--skip", "baseline"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))["results"]
    assert {row["benchmark"] for row in rows} == {"parse_lawtext"}
