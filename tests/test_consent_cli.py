"""The consent commands end to end: ``accept``, ``since``, ``notices``, and ``diff`` with
version ids."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from legaldocs import History, load
from legaldocs.consent import SQLiteStore
from tests._consent_scenario import AMENDMENT_TOML

from .conftest import ROOT

EXAMPLES = ROOT / "examples" / "clinic"
SCRIPT = Path(sys.executable).parent / "legaldocs"
START_ID = "2021-02-25T00:00:00+09:00/start"
ADDRESS_ID = "2024-10-01T00:00:00+09:00/pp-2024-1"


TYPO_TOML = """\
schema = 1
type = "Amendment"
id = "pp-2025-typo"
title = "表記の修正"
enacted = "2099-01-01"
effective = "2099-02-01"

[[changes]]
type = "ReplacePhrase"
target = "第5条"
old = "、その他"
new = "，その他"
"""

POLICY_TOML = """\
schema = 1
type = "Policy"
substantive = "notice"

[[rules]]
action = "reaccept"
citation = "第3条"
"""


def run(*args: str | Path, status: int = 0) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert result.returncode == status, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def history(tmp_path: Path) -> Path:
    path = tmp_path / "policy.json"
    run("start", EXAMPLES / "privacy-policy.txt", path, "--effective", "2021-02-25")
    amendment = tmp_path / "2024-10.toml"
    amendment.write_text(AMENDMENT_TOML, encoding="utf-8")
    run("amend", path, amendment)
    return path


def test_help_shows_examples() -> None:
    for command in ("accept", "since", "notices"):
        assert "example" in run(command, "--help").stdout


def test_accept_records_in_the_store(history: Path, tmp_path: Path) -> None:
    db = tmp_path / "consent.sqlite"
    out = run(
        "accept",
        history,
        "--store",
        db,
        "--subject",
        "pt-0001",
        "--at",
        "2024-05-20",
        "--time",
        "2024-05-20T10:00:00",
        "--channel",
        "paper",
        "--record-id",
        "rc-1",
    ).stdout
    assert out.startswith(f"recorded rc-1: pt-0001 accepted policy {START_ID} (sha256:")
    again = run(
        "accept",
        history,
        "--store",
        db,
        "--subject",
        "pt-0001",
        "--version",
        START_ID,
        "--time",
        "2024-05-20T10:00:00",
        "--channel",
        "paper",
        "--record-id",
        "rc-1",
    ).stdout
    assert again.startswith("already recorded rc-1")
    with SQLiteStore(db) as store:
        last = store.last_accepted("policy", "pt-0001")
        assert last is not None
        assert last.collection_method == "paper"
        assert last.version_id == START_ID
        assert store.history("policy") == load(history, History)


def test_accept_refuses_a_name(history: Path, tmp_path: Path) -> None:
    err = run(
        "accept", history, "--store", tmp_path / "c.sqlite", "--subject", "山田 太郎", status=1
    ).stderr
    assert err.startswith("legaldocs accept: error: pii_principal_id must be an opaque id")


def test_since_exits_1_when_something_changed(history: Path) -> None:
    out = run("since", START_ID, history, status=1).stdout
    assert "「〒150-0022」を「〒150-0013」に変更" in out
    assert run("since", ADDRESS_ID, history).stdout.endswith("変更はありません。\n")
    assert run("since", START_ID, history, "--at", "2024-09-30").returncode == 0


def test_since_substantive_ignores_typography(history: Path, tmp_path: Path) -> None:
    typo = tmp_path / "typo.toml"
    typo.write_text(TYPO_TOML, encoding="utf-8")
    run("amend", history, typo)
    at = ("--at", "2099-02-01")
    run("since", ADDRESS_ID, history, *at, status=1)  # a typographic change is a change
    out = run("since", ADDRESS_ID, history, *at, "--substantive").stdout
    assert "表記の修正" not in out
    run("since", START_ID, history, *at, "--substantive", status=1)


def test_since_by_hash_and_formats(history: Path) -> None:
    from legaldocs.consent import content_hash

    first = load(history, History).versions[0]
    prefix = content_hash(first)[:20]
    md = run("since", prefix, history, "--format", "markdown", status=1).stdout
    assert md.startswith("# プライバシーポリシーの変更点")
    page = run("since", START_ID, history, "--format", "html", status=1).stdout
    assert page.startswith('<section class="legaldocs-summary">')


def test_since_errors_exit_2(history: Path) -> None:
    err = run("since", "2020-01-01T00:00:00+09:00/start", history, status=2).stderr
    assert "no version with id" in err
    run("since", "sha256:ffff", history, status=2)


def test_notices(history: Path, tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text(POLICY_TOML, encoding="utf-8")
    db = tmp_path / "c.sqlite"
    run("accept", history, "--store", db, "--subject", "pt-1", "--at", "2024-05-20")
    out = run("notices", history, "--at", "2024-09-15", "--store", db, "--policy", policy).stdout
    lines = out.splitlines()
    assert lines[0].startswith(
        "2024年10月1日  pp-2024-1  substantive, notice  notice by 2024年9月1日"
    )
    assert lines[0].endswith("OVERDUE  お問い合わせ窓口の移転")
    assert lines[1].strip() == f"1 accepted {START_ID}: notice"
    assert lines[2].strip() == "0 must accept again, 1 to be notified"
    assert run("notices", history, "--at", "2025-01-01").stdout == "no amendment pending\n"
    default = run("notices", history, "--at", "2024-08-01", "--notice-days", "14").stdout
    assert "substantive, reaccept  notice by 2024年9月17日" in default


def test_diff_from_a_version_id_to_now(history: Path) -> None:
    out = run("diff", history, "--from", START_ID, "--format", "json").stdout
    data = json.loads(out)
    assert data["changes"]
    same = run("diff", history, "--from", START_ID, "--to", "2024-09-30").stdout
    full = run("diff", history, "--from", "2021-02-25", "--to", ADDRESS_ID).stdout
    assert "〒150-0013" in full
    assert "〒150-0013" not in same
    err = run("diff", history, "--to", "2024-01-01", status=1).stderr
    assert "needs --from" in err
