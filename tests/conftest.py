"""Shared fixtures: paths to the shared corpora and seed pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
SEEDS = SHARED / "seeds"

settings.register_profile("ci", deadline=None, max_examples=60)
settings.register_profile("dev", deadline=None, max_examples=30)
settings.load_profile("ci")


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder beside the checkout (corpora and seed pages)."""
    if not SHARED.is_dir():
        pytest.fail(f"shared data not found at {SHARED}")
    return SHARED
