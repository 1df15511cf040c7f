"""Every example script runs and prints exactly its stored expected output.

Each ``examples/**/*.py`` is run in a subprocess (``sys.executable``, from a temporary
working directory, with this checkout's ``src`` first on ``PYTHONPATH``); its standard
output must equal the file beside it named like the script with ``.stdout`` in place of
``.py`` (``render_clinic_documents.py`` → ``render_clinic_documents.stdout``).

To (re)write the expected outputs after a deliberate change, run the tests with
``LEGALDOCS_UPDATE_EXAMPLES=1`` and review the diff.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(p for p in EXAMPLES.rglob("*.py") if "__pycache__" not in p.parts)


def expected_path(script: Path) -> Path:
    """Where the expected standard output of ``script`` is stored."""
    return script.with_suffix(".stdout")


def test_there_are_examples() -> None:
    assert SCRIPTS, f"no example scripts under {EXAMPLES}"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_example_output(script: Path, tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])])
    env["PYTHONIOENCODING"] = "utf-8"
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    stdout = result.stdout.decode("utf-8")
    stderr = result.stderr.decode("utf-8", errors="replace")
    assert result.returncode == 0, f"{script.name} exited with {result.returncode}:\n{stderr}"
    expected_file = expected_path(script)
    if os.environ.get("LEGALDOCS_UPDATE_EXAMPLES") == "1":
        expected_file.write_text(stdout, encoding="utf-8", newline="")
    if not expected_file.exists():
        pytest.fail(
            f"no expected output {expected_file.relative_to(ROOT)}; "
            "run with LEGALDOCS_UPDATE_EXAMPLES=1 to create it"
        )
    expected = expected_file.read_text(encoding="utf-8")
    if stdout != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                stdout.splitlines(keepends=True),
                fromfile=str(expected_file.relative_to(ROOT)),
                tofile=f"stdout of {script.relative_to(ROOT)}",
            )
        )
        pytest.fail(f"output of {script.name} differs from the stored one:\n{diff}")
