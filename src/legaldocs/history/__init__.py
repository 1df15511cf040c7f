"""Histories: a document and its amendments, answering point-in-time questions."""

from legaldocs.history._history import ElementState, History, Version, When

__all__ = ["ElementState", "History", "Version", "When"]
