"""Comparing two versions of a document, and writing the differences.

``diff`` aligns structure first, then characters or words; ``render_diff`` writes a diff as a
unified diff, a 新旧対照表, a redline, JSON or 改め文 (``render_kaimebun``).
"""

from legaldocs.compare._diff import (
    ChangeKind,
    Diff,
    Difference,
    ElementType,
    InlineOp,
    apply_ops,
    diff,
    to_amendment,
)
from legaldocs.compare._kaimebun import render_kaimebun
from legaldocs.compare._render import JSON_SCHEMA, DiffFormat, display_width, render_diff

__all__ = [
    "JSON_SCHEMA",
    "ChangeKind",
    "Diff",
    "DiffFormat",
    "Difference",
    "ElementType",
    "InlineOp",
    "apply_ops",
    "diff",
    "display_width",
    "render_diff",
    "render_kaimebun",
    "to_amendment",
]
