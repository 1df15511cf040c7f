"""Shared fixtures: paths to the shared corpora and seed pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
SEEDS = SHARED / "seeds"

# CI runs the same examples every time (derandomize), so a run is reproducible; a developer's
# run draws new examples each time and keeps finding what CI would not.
settings.register_profile("ci", deadline=None, max_examples=60, derandomize=True)
settings.register_profile("dev", deadline=None, max_examples=60)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder beside the checkout (corpora and seed pages)."""
    if not SHARED.is_dir():
        pytest.fail(f"shared data not found at {SHARED}")
    return SHARED
