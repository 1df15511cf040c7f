"""The ``legaldocs`` command, end to end: the installed script run in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from legaldocs import History, load
from tests._consent_scenario import AMENDMENT_TOML

from .conftest import CORPORA, ROOT

EXAMPLES = ROOT / "examples" / "clinic"
SCRIPT = Path(sys.executable).parent / "legaldocs"


def run(*args: str | Path, ok: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the installed ``legaldocs`` script; check the exit status."""
    assert SCRIPT.exists(), f"the console script is not installed at {SCRIPT}"
    result = subprocess.run(
        [str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    if ok:
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    return result


def fails(*args: str | Path) -> str:
    """Run a command that must fail: exit 1, one line on stderr, no traceback."""
    result = run(*args, ok=False)
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""
    return result.stderr


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A history file of the privacy policy, amended once (2024-10-01)."""
    path = tmp_path / "policy.json"
    run("start", EXAMPLES / "privacy-policy.txt", path, "--effective", "2021-02-25")
    amendment = tmp_path / "2024-10.toml"
    amendment.write_text(AMENDMENT_TOML, encoding="utf-8")
    out = run("amend", path, amendment).stdout
    assert "pp-2024-1" in out
    return path


def test_help_for_every_command_shows_an_example() -> None:
    assert "COMMAND" in run("--help").stdout
    for command in ("show", "diff", "log", "amend", "pending", "convert", "validate", "start"):
        assert "example" in run(command, "--help").stdout


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "legaldocs", "show", EXAMPLES / "tokushoho.txt"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert "株式会社klinik" in result.stdout


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", "    プライバシーポリシー\n"),
        ("markdown", "# PRIVACY POLICY"),
        ("html", '<html lang="ja">'),
        ("json", '"type": "Document"'),
    ],
)
def test_show_a_document(fmt: str, expected: str) -> None:
    out = run("show", EXAMPLES / "privacy-policy.txt", "--format", fmt).stdout
    assert expected in out


def test_show_lawtext_round_trips(tmp_path: Path) -> None:
    source = CORPORA / "gyosei-tetsuzuki-ho" / "01-19931112.law.txt"
    out = run("show", source, "--format", "lawtext").stdout
    assert out == source.read_text(encoding="utf-8")


def test_history_commands(history: Path) -> None:
    before = run("show", history, "--as-of", "2024-05-20").stdout
    after = run("show", history, "--as-of", "令和6年10月1日").stdout
    assert "〒150-0022" in before
    assert "〒150-0013" in after
    assert "2024年10月1日 改定" in after

    log = run("log", history).stdout.splitlines()
    assert len(log) == 2
    assert "お問い合わせ窓口の移転" in log[1]
    timeline = run("log", history, "第15条第2項").stdout.splitlines()
    assert len(timeline) == 2

    table = run("diff", history, "--from", "2024-09-30", "--to", "2024-10-01", "--format", "table")
    assert "改正後" in table.stdout
    assert "【0013】" in table.stdout

    assert "pp-2024-1" in run("pending", history, "--at", "2024-09-15").stdout
    assert run("pending", history, "--at", "2024-10-02").stdout == ""
    assert "2 versions" in run("validate", history).stdout


def test_known_at(history: Path, tmp_path: Path) -> None:
    fix = tmp_path / "fix.json"
    fix.write_text(
        json.dumps(
            {
                "schema": 1,
                "type": "Amendment",
                "id": "fix",
                "title": "遡及的な訂正",
                "enacted": "2024-12-01",
                "effective": "2024-10-01",
                "changes": [
                    {
                        "type": "ReplacePhrase",
                        "target": "第15条第2項",
                        "old": "infoklinik",
                        "new": "info@klinik",
                    }
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    run("amend", history, fix)
    now = run("show", history, "--as-of", "2024-11-01").stdout
    then = run("show", history, "--as-of", "2024-11-01", "--known-at", "2024-11-15").stdout
    assert "info@klinik" in now
    assert "info@klinik" not in then


def test_diff_two_files() -> None:
    folder = CORPORA / "gyosei-tetsuzuki-ho"
    out = run("diff", folder / "05-20030716.law.txt", folder / "06-20050629.law.txt").stdout
    assert out.startswith("--- 行政手続法")
    assert "@@ 第三十八条" in out


def test_convert(tmp_path: Path) -> None:
    md = tmp_path / "policy.md"
    run("convert", EXAMPLES / "privacy-policy.txt", md)
    assert md.read_text(encoding="utf-8").startswith("# PRIVACY POLICY")
    data = tmp_path / "policy.yaml"
    run("convert", md, data)
    assert "valid document" in run("validate", data).stdout


def test_a_failing_amendment_leaves_the_history_alone(history: Path, tmp_path: Path) -> None:
    before = history.read_bytes()
    bad = tmp_path / "bad.toml"
    bad.write_text(AMENDMENT_TOML.replace('id = "pp-2024-1"', 'id = "again"'), encoding="utf-8")
    message = fails("amend", history, bad)
    assert "again" in message
    assert "〒150-0022" in message
    assert history.read_bytes() == before
    assert isinstance(load(history, History), History)


@pytest.mark.parametrize(
    "args",
    [
        ("show", "no-such-file.txt"),
        ("show", "README.md.unknown"),
        ("show", "{examples}/privacy-policy.txt", "--as-of", "2024-01-01"),
        ("log", "{examples}/privacy-policy.txt"),
        ("diff", "{examples}/privacy-policy.txt"),
    ],
)
def test_mistakes_are_one_line(args: tuple[str, ...]) -> None:
    fails(*(a.format(examples=EXAMPLES) for a in args))


def test_bad_date(history: Path) -> None:
    assert "令和0年" in fails("show", history, "--as-of", "令和0年1月1日")


def test_usage_error_is_status_2() -> None:
    result = run("show", ok=False)
    assert result.returncode == 2
