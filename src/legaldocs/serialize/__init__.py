"""Records and histories as JSON, TOML and YAML, through one cattrs converter.

The names are loaded on first use: a program that only needs :mod:`._formats` (the file
types and their decoding, as the command line does to tell a data file from a document)
does not import cattrs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from legaldocs.serialize._api import (
        SCHEMA_VERSION,
        Converter,
        Format,
        converter,
        dump,
        dumps,
        from_data,
        load,
        loads,
        make_converter,
        register_tag,
        to_data,
    )

__all__ = [
    "SCHEMA_VERSION",
    "Converter",
    "Format",
    "converter",
    "dump",
    "dumps",
    "from_data",
    "load",
    "loads",
    "make_converter",
    "register_tag",
    "to_data",
]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'legaldocs.serialize' has no attribute {name!r}")
    value = getattr(importlib.import_module("legaldocs.serialize._api"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
