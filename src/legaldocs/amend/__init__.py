"""Amendments: change records in the vocabulary of Japanese drafting, and applying them.

``to_amendment`` plans the amendment that turns one document into another.
"""

from legaldocs.amend._apply import apply
from legaldocs.amend._changes import (
    Amendment,
    AppendixPlaces,
    Change,
    DeleteElement,
    DeletePhrase,
    DocumentField,
    InsertElement,
    InsertPhrase,
    LawAttributes,
    Moment,
    Rekey,
    Renumber,
    Repeal,
    ReplaceableElement,
    ReplaceElement,
    ReplacePhrase,
    SetCaption,
    SetDocumentField,
    Shift,
)

__all__ = [
    "Amendment",
    "AppendixPlaces",
    "Change",
    "DeleteElement",
    "DeletePhrase",
    "DocumentField",
    "InsertElement",
    "InsertPhrase",
    "LawAttributes",
    "Moment",
    "Rekey",
    "Renumber",
    "Repeal",
    "ReplaceElement",
    "ReplacePhrase",
    "ReplaceableElement",
    "SetCaption",
    "SetDocumentField",
    "Shift",
    "apply",
]
