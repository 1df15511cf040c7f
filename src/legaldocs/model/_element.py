"""The element protocol: what every kind of element is made of, declared once.

Every record of the model says, through the metadata of its attrs fields, what each field is:

``identity``
    names the element without being its content (``key``, the displayed ``num``);
``children``
    a tuple of child elements, in document order;
``text``
    one of the element's own texts: a sentence, or (declared with :func:`heading`) a
    heading such as a caption or a title;
``presentation``
    how the element is written, not what it says (bullets rather than plain lines);
anything else
    material data of the element (a 削除 flag, a range end, cell attributes).

A container whose children are shown with labels it gives them (a list's markers) declares
a ``child_labels`` property (see :func:`child_labels`).

Everything that walks, indexes, compares or amends documents goes through the functions
below instead of enumerating element types, so that a new kind of element is declared in the
model (with :func:`children`, :func:`text`, :func:`identity`, :func:`presentation`) and the
rest of the library picks it up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from typing import Any, Final, Literal

import attrs

__all__ = [
    "HEADING",
    "ROLE",
    "Role",
    "Spec",
    "child_fields",
    "child_labels",
    "children",
    "children_of",
    "element_type",
    "full_text",
    "has_parts",
    "heading",
    "headings_of",
    "identity",
    "is_heading",
    "material_fields",
    "own_data",
    "own_texts",
    "presentation",
    "presentation_of",
    "record_repr",
    "related",
    "signature",
    "spec",
    "text",
    "texts_of",
]

ROLE: Final = "legaldocs.role"
"""The attrs metadata key under which a field's role is declared."""

HEADING: Final = "legaldocs.heading"
"""The attrs metadata key that marks an own text as a heading (caption, title)."""

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


def heading(**kwargs: Any) -> Any:
    """An attrs field holding the element's heading (a caption or a title): an own text."""
    return attrs.field(metadata={ROLE: "text", HEADING: True}, **kwargs)


def presentation(**kwargs: Any) -> Any:
    """An attrs field that says how the element is written, not what it says."""
    return attrs.field(metadata=_role("presentation"), **kwargs)


@attrs.frozen
class Spec:
    """The declared shape of one element class: its field names by role, in field order."""

    identity: tuple[str, ...]
    children: tuple[str, ...]
    texts: tuple[str, ...]
    headings: tuple[str, ...]
    presentation: tuple[str, ...]
    data: tuple[str, ...]
    keyed: bool
    """Whether elements of this class have a ``key`` (keyless ones, such as table cells,
    are parts of their parent's content rather than elements of their own)."""

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
        headings=tuple(f.name for f in attrs.fields(cls) if f.metadata.get(HEADING)),
        presentation=tuple(roles["presentation"]),
        data=tuple(roles["data"]),
        keyed="key" in roles["identity"],
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


def child_labels(element: object) -> tuple[str, ...] | None:
    """The labels ``element`` shows before its children (a list's markers: ``1.``, ``•``),
    when its class declares them with a ``child_labels`` property; ``None`` otherwise (the
    children carry their own numbers, or none)."""
    if not isinstance(getattr(type(element), "child_labels", None), property):
        return None
    labels: tuple[str, ...] = element.child_labels  # type: ignore[attr-defined]
    return labels


def element_type(element: object) -> str:
    """The name of ``element``'s kind, as diffs and JSON report it (``"article"``)."""
    return type(element).__name__.lower()


def has_parts(element: object) -> bool:
    """Whether ``element``'s children are keyless parts of its own content (the cells of
    a row) rather than elements of their own."""
    kids = children_of(element)
    return bool(kids) and not spec(type(kids[0])).keyed


def own_texts(element: object) -> tuple[tuple[str, str], ...]:
    """``(field, text)`` for each own text of ``element`` (``""`` where unset), in field
    order; an element made of keyless parts (a row of cells) has one text, ``"cells"``,
    its parts' texts joined by tabs."""
    s = spec(type(element))
    out = [(name, getattr(element, name) or "") for name in s.texts]
    if has_parts(element):
        out.append(("cells", "\t".join("\n".join(texts_of(part)) for part in children_of(element))))
    return tuple(out)


def own_data(element: object) -> tuple[Any, ...]:
    """``element``'s material data other than texts and keyed children (flags, attributes
    of its keyless parts)."""
    values = [getattr(element, name) for name in spec(type(element)).data]
    if has_parts(element):
        values.extend(own_data(part) for part in children_of(element))
    return tuple(values)


def presentation_of(element: object) -> tuple[Any, ...]:
    """How ``element`` is written (its presentation fields), apart from what it says."""
    return tuple(getattr(element, name) for name in spec(type(element)).presentation)


def headings_of(element: object) -> tuple[str | None, ...]:
    """``element``'s heading fields (caption, title), set or not, in field order."""
    return tuple(getattr(element, name) for name in spec(type(element)).headings)


def is_heading(element: object, field: str) -> bool:
    """Whether ``field`` of ``element`` is a heading (caption, title)."""
    return field in spec(type(element)).headings


def related(a: object, b: object) -> bool:
    """A cheap sign that two elements with the same key are one element, edited: they
    share a child, or the opening words of their first own text."""
    if type(a) is not type(b):
        return False
    texts_a, texts_b = texts_of(a), texts_of(b)
    if texts_a and texts_b and len(texts_a[-1]) >= 10 and texts_a[-1][:10] == texts_b[-1][:10]:
        return True
    kids = set(children_of(a))
    return any(child in kids for child in children_of(b))


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


_REPRS: dict[type, tuple[tuple[str, Callable[[Any], str], bool], ...]] = {}
_REPRING = threading.local()


def record_repr(self: object) -> str:
    """The ``__repr__`` of the model's records: ``Name(field=value, …)``, exactly what attrs
    generates (the fields it would show, in order; ``...`` for a record already being
    written, on this thread). One function for every record instead of one compiled per
    class, which cost a quarter of the model's import."""
    cls: type[Any] = self.__class__
    shown = _REPRS.get(cls)
    if shown is None:
        shown = _REPRS[cls] = tuple(
            (f.name, repr if f.repr is True else f.repr, f.init)
            for f in attrs.fields(cls)
            if f.repr is not False
        )
    try:
        active: set[int] = _REPRING.active
    except AttributeError:
        active = _REPRING.active = set()
    if id(self) in active:
        return "..."
    active.add(id(self))
    try:
        fields = ", ".join(
            f"{name}={show(getattr(self, name) if init else getattr(self, name, attrs.NOTHING))}"
            for name, show, init in shown
        )
        return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({fields})"
    finally:
        active.remove(id(self))


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
