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

# Doctests read the clinic's example pages wherever the build is started from.
_EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
doctest_global_setup = f"""
from pathlib import Path
EXAMPLES = Path({str(_EXAMPLES)!r})
"""
