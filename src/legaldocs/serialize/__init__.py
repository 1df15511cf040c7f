"""Records and histories as JSON, TOML and YAML, through one cattrs converter."""

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
