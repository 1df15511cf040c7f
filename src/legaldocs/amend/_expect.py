"""The wrong-base rule: what a change expects to find, and the check :func:`apply` makes.

A change that replaces or deletes text or elements may carry ``expect``, the
:func:`fingerprint` of its target as it stood when the change was made. Before applying such a
change, :func:`apply` computes the fingerprint of the target as it stands now and refuses the
change when the two differ.
"""

from __future__ import annotations

import datetime
import hashlib
from typing import Any

import attrs

from legaldocs.amend import _index as _tree
from legaldocs.amend._changes import EXPECT_PREFIX, Change, SetDocumentField
from legaldocs.amend._index import Index, Lookup
from legaldocs.errors import ArgumentTypeError
from legaldocs.model._element import spec
from legaldocs.model._records import Document

__all__ = ["EXPECTING", "current", "fingerprint"]

EXPECTING: tuple[str, ...] = (
    "ReplacePhrase",
    "InsertPhrase",
    "DeletePhrase",
    "ReplaceElement",
    "SetCaption",
    "DeleteElement",
    "SetDocumentField",
)
"""The change kinds that carry ``expect``."""

_DIGEST_CHARS = 16
_END = object()


def fingerprint(value: object) -> str:
    """A short, stable fingerprint of an element's content (``"sha256:"`` and 16 hex digits).

    It covers what the element says: its kind, its texts, its material data and, recursively,
    its children's; not its identity (key, number) nor its presentation. Two elements with
    the same fingerprint read the same. It is the value a change's ``expect`` holds: take it
    from the text the change was written for, ``fingerprint(doc.get("第5条"))``. A document
    field (a title, a table of contents) has one too.

    The digest is SHA-256 over a canonical encoding, the same on every machine, run and
    Python version. Work and memory grow with the element's size, not its depth.
    """
    digest = hashlib.sha256()
    update = digest.update
    stack: list[Any] = [value]
    while stack:
        node = stack.pop()
        if node is _END:
            update(b")")
        elif node is None:
            update(b"N")
        elif isinstance(node, bool):
            update(b"T" if node else b"F")
        elif isinstance(node, int):
            update(b"i%d;" % node)
        elif isinstance(node, str):
            data = node.encode("utf-8", errors="surrogatepass")
            update(b"s%d:" % len(data))
            update(data)
        elif isinstance(node, (datetime.date, datetime.datetime)):
            update(b"d" + node.isoformat().encode() + b";")
        elif isinstance(node, tuple):
            update(b"(")
            stack.append(_END)
            stack.extend(reversed(node))
        elif attrs.has(type(node)):
            cls = type(node)
            update(b"<" + cls.__name__.encode() + b"(")
            stack.append(_END)
            names = spec(cls).material if spec(cls).material else ()
            stack.extend(getattr(node, name) for name in reversed(names))
        else:
            raise ArgumentTypeError(f"cannot fingerprint a {type(node).__name__}")
    return EXPECT_PREFIX + digest.hexdigest()[:_DIGEST_CHARS]


def current(doc: Document, change: Change, index: Index | Lookup | None) -> str:
    """The fingerprint of what ``change`` acts on in ``doc`` now. Raises NotFoundError or
    CitationError when the target names nothing."""
    if isinstance(change, SetDocumentField):
        return fingerprint(getattr(doc, change.field))
    target: str = change.target  # type: ignore[union-attr]
    return fingerprint(_tree.node_at(doc, _tree.locate(doc, target, index)))
