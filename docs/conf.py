"""Sphinx configuration for the legaldocs documentation."""

from __future__ import annotations

from pathlib import Path

import legaldocs

project = "legaldocs"
author = "legaldocs developers"
copyright = "2026, legaldocs developers"
version = release = legaldocs.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]
language = "en"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}

html_theme = "furo"
html_title = f"legaldocs {release}"

nitpicky = False
suppress_warnings = ["myst.xref_missing"]

# Doctests run from the project root, as a reader copying them would (they read the
# clinic's example pages as examples/clinic/...).
_ROOT = Path(__file__).resolve().parent.parent
doctest_global_setup = f"""
import os
os.chdir({str(_ROOT)!r})
"""
