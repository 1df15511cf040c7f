"""Decoding the bytes of a document file: UTF-8 with or without a byte-order mark, UTF-16,
Shift_JIS (as CP932, its Windows superset that Japanese sites actually write).

A byte-order mark is kept in the text (``"\\ufeff"`` first), so that a reader that keeps it
(the Markdown reader does) writes the file back as it was. Bytes that cannot be decoded give
a :class:`~legaldocs.ParseError` naming the file, the byte offset and its line and column,
never a :class:`UnicodeDecodeError`. Text given as ``str`` is checked by
:func:`check_text`: a lone surrogate is not a character, and no format can write it.
"""

from __future__ import annotations

import codecs

from legaldocs.errors import ParseError

__all__ = ["check_text", "decode", "detect_encoding"]

_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def detect_encoding(data: bytes) -> str:
    """The encoding of ``data``: ``"utf-8"``, ``"utf-16-le"``, ``"utf-16-be"`` or ``"cp932"``.

    A byte-order mark decides; without one, text that is valid UTF-8 is UTF-8, text with
    NUL bytes in every other position is UTF-16, and otherwise valid CP932 (Shift_JIS) is
    CP932. Anything else is taken as UTF-8 (and fails to decode where it is not).
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    for bom, name in _UTF16_BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    sample = data[:4096]
    if len(sample) >= 2:
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        half = len(sample) // 2
        if odd > half * 0.3 and even < half * 0.05:
            return "utf-16-le"
        if even > half * 0.3 and odd < half * 0.05:
            return "utf-16-be"
    try:
        data.decode("cp932")
    except UnicodeDecodeError:
        return "utf-8"
    return "cp932"


def decode(data: bytes, *, encoding: str | None = None, source: str | None = None) -> str:
    """``data`` as text, in ``encoding`` when given (any Python codec name: ``"utf-8"``,
    ``"shift_jis"``, ``"cp932"``, ``"utf-16"``, ...) and else as :func:`detect_encoding`
    finds. A byte-order mark stays in the text.

    Raises :class:`~legaldocs.ParseError` (``source``, byte offset, line and column) for bytes
    the encoding cannot decode, and for an encoding Python does not know.
    """
    if encoding is None and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:  # what detection finds first, decoded once rather than checked and decoded
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    name = encoding or detect_encoding(data)
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise ParseError(f"unknown encoding {name!r}", source=source) from None
    if info.name == "utf-16" and not encoding:
        name = "utf-16-le"
    if info.name == "utf-8-sig":
        name = "utf-8"  # keep the byte-order mark in the text
    if info.name == "utf-16":
        for bom, fixed in _UTF16_BOMS:
            if data.startswith(bom):
                name = fixed  # keep the byte-order mark in the text
    try:
        return data.decode(name)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        start = data.rfind(b"\n", 0, error.start) + 1
        prefix = data[start : error.start].decode(name, errors="replace")
        bad = data[error.start : error.end].hex(" ")
        raise ParseError(
            f"byte offset {error.start}: bytes {bad} cannot be decoded as {name}"
            + ("" if encoding else " (detected; name the encoding with encoding=...)"),
            line=line,
            column=len(prefix) + 1,
            source=source,
        ) from None


def check_text(text: str, source: str | None = None) -> None:
    """Refuse ``text`` that is not Unicode text: a lone surrogate (``"\\ud800"``, which only
    Python code or ``errors="surrogateescape"`` can make) raises
    :class:`~legaldocs.ParseError` at its line and column, so that no reader accepts what no
    writer, file or data format can hold.
    """
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        line = text.count("\n", 0, error.start) + 1
        column = error.start - text.rfind("\n", 0, error.start)
        raise ParseError(
            f"U+{ord(text[error.start]):04X} is a lone surrogate, not a character of Unicode",
            line=line,
            column=column,
            source=source,
        ) from None
