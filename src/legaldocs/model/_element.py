"""The element protocol: what every kind of element is made of, declared once.

Every record of the model says, through the metadata of its attrs fields, what each field is:

``identity``
    names the element without being its content (``key``, the displayed ``num``);
``children``
    a tuple of child elements, in document order;
``text``
    one of the element's own texts (a caption, a title, a sentence);
``presentation``
    how the element is written, not what it says (bullets rather than plain lines);
anything else
    material data of the element (a 削除 flag, a range end, cell attributes).

Everything that walks, indexes, compares or amends documents goes through the functions
below instead of enumerating element types, so that a new kind of element is declared in the
model (with :func:`children`, :func:`text`, :func:`identity`, :func:`presentation`) and the
rest of the library picks it up.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any, Final, Literal

import attrs

__all__ = [
    "ROLE",
    "Role",
    "Spec",
    "child_fields",
    "children",
    "children_of",
    "full_text",
    "identity",
    "material_fields",
    "presentation",
    "signature",
    "spec",
    "text",
    "texts_of",
]

ROLE: Final = "legaldocs.role"
"""The attrs metadata key under which a field's role is declared."""

Role = Literal["identity", "children", "text", "presentation", "data"]
"""What a field of an element is (see the module documentation)."""


def _role(role: Role) -> dict[str, Role]:
    return {ROLE: role}


def identity(**kwargs: Any) -> Any:
    """An attrs field that names the element (key, number): ignored when comparing content."""
    return attrs.field(metadata=_role("identity"), **kwargs)


def children(**kwargs: Any) -> Any:
    """An attrs field holding a tuple of child elements (default: empty)."""
    kwargs.setdefault("default", ())
    return attrs.field(metadata=_role("children"), **kwargs)


def text(**kwargs: Any) -> Any:
    """An attrs field holding one of the element's own texts (``str`` or ``None``)."""
    return attrs.field(metadata=_role("text"), **kwargs)


def presentation(**kwargs: Any) -> Any:
    """An attrs field that says how the element is written, not what it says."""
    return attrs.field(metadata=_role("presentation"), **kwargs)


@attrs.frozen
class Spec:
    """The declared shape of one element class: its field names by role, in field order."""

    identity: tuple[str, ...]
    children: tuple[str, ...]
    texts: tuple[str, ...]
    presentation: tuple[str, ...]
    data: tuple[str, ...]

    @property
    def material(self) -> tuple[str, ...]:
        """The fields whose change is a change of content: texts, data and children."""
        return self.texts + self.data + self.children


_SPECS: dict[type, Spec] = {}


def spec(cls: type) -> Spec:
    """The :class:`Spec` of an attrs element class (cached per class)."""
    found = _SPECS.get(cls)
    if found is None:
        found = _SPECS[cls] = _build(cls)
    return found


def _build(cls: type) -> Spec:
    roles: dict[str, list[str]] = {
        "identity": [],
        "children": [],
        "text": [],
        "presentation": [],
        "data": [],
    }
    for field in attrs.fields(cls):
        roles[field.metadata.get(ROLE, "data")].append(field.name)
    return Spec(
        identity=tuple(roles["identity"]),
        children=tuple(roles["children"]),
        texts=tuple(roles["text"]),
        presentation=tuple(roles["presentation"]),
        data=tuple(roles["data"]),
    )


def child_fields(element: object) -> tuple[str, ...]:
    """The names of the fields that hold ``element``'s children."""
    return spec(type(element)).children


def children_of(element: object) -> tuple[Any, ...]:
    """Every child of ``element``, in document order (all child fields, concatenated)."""
    names = spec(type(element)).children
    if len(names) == 1:
        result: tuple[Any, ...] = getattr(element, names[0])
        return result
    return tuple(child for name in names for child in getattr(element, name))


def texts_of(element: object) -> tuple[str, ...]:
    """The element's own texts that are set, in field order."""
    return tuple(value for name in spec(type(element)).texts if (value := getattr(element, name)))


def material_fields(element: object) -> tuple[str, ...]:
    """The names of the fields whose change is a change of ``element``'s content."""
    return spec(type(element)).material


def signature(element: object) -> Hashable:
    """``element``'s content apart from its identity and presentation: equal signatures mean
    the same content, whatever the key, number or layout."""
    names = spec(type(element)).material
    return (type(element).__name__, *(getattr(element, name) for name in names))


def _texts_deep(element: object) -> Iterator[str]:
    stack: list[object] = [element]
    while stack:
        node = stack.pop()
        if not attrs.has(type(node)):
            continue
        yield from texts_of(node)
        stack.extend(reversed(children_of(node)))


def full_text(element: object) -> str:
    """Everything written in ``element`` and below it, one text a line (for similarity)."""
    return "\n".join(_texts_deep(element))
