"""Histories: a document and its amendments, answering point-in-time questions."""

from legaldocs.history._history import ElementState, History, Version, When
from legaldocs.history._revisions import (
    NoRecord,
    RevisionPolicy,
    RevisionRecord,
    policy,
    register,
)

__all__ = [
    "ElementState",
    "History",
    "NoRecord",
    "RevisionPolicy",
    "RevisionRecord",
    "Version",
    "When",
    "policy",
    "register",
]
