"""Policy files in the encodings sites and editors write: UTF-8 with or without a byte-order
mark, UTF-16, Shift_JIS/CP932; undecodable bytes are a ParseError with the byte offset."""

from __future__ import annotations

from pathlib import Path

import pytest

from legaldocs import ParseError, parse_markdown, render_markdown
from legaldocs._files import read
from legaldocs.formats._encoding import decode, detect_encoding

from .conftest import CORPORA

JA = sorted((CORPORA / "policies").glob("mozilla-ja-*/*.md"))[:6]
TEXT = (
    "\ufeff# プライバシーポリシー\r\n\r\n最終更新　2025 年 6 月 10 日\r\n\r\n"
    "## 第1条\r\n\r\n本文。\r\n"
)


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")],
)
def test_a_bom_names_the_encoding_and_stays(encoding: str, detected: str) -> None:
    data = TEXT.encode(encoding)
    assert detect_encoding(data) == detected
    doc = parse_markdown(data)
    assert doc.markup is not None
    assert doc.markup.bom
    assert render_markdown(doc).encode(encoding) == data


@pytest.mark.parametrize("path", JA, ids=[f"{p.parent.name}/{p.name}" for p in JA])
def test_shift_jis_is_detected(path: Path) -> None:
    # The page without the few characters Shift_JIS has no code for (emoji, some dashes).
    text = "".join(c for c in path.read_text(encoding="utf-8").removeprefix("\ufeff") if _sjis(c))
    data = text.encode("cp932")
    assert detect_encoding(data) == "cp932"
    doc = parse_markdown(data)
    assert doc == parse_markdown(text)
    assert render_markdown(doc).encode("cp932") == data
    assert parse_markdown(data, encoding="shift_jis") == doc


def _sjis(char: str) -> bool:
    try:
        char.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True


def test_utf16_without_a_bom_is_detected() -> None:
    data = TEXT.removeprefix("\ufeff").encode("utf-16-le")
    assert detect_encoding(data) == "utf-16-le"
    assert render_markdown(parse_markdown(data)).encode("utf-16-le") == data


def test_undecodable_bytes_name_the_file_and_offset(tmp_path: Path) -> None:
    data = b"# Policy\n\nText " + b"\xff\xfe\xfa more\n"
    with pytest.raises(ParseError, match="byte offset 15") as info:
        parse_markdown(data, source="policy.md")
    assert (info.value.line, info.value.column) == (3, 6)
    assert "policy.md" in str(info.value)
    with pytest.raises(ParseError, match="byte offset 15"):
        decode(data, encoding="utf-8")
    path = tmp_path / "policy.md"
    path.write_bytes(data)
    with pytest.raises(ParseError, match=str(path)):
        read(path)


def test_a_named_encoding_wins_and_an_unknown_one_is_refused() -> None:
    data = "# 方針\n".encode("cp932")
    assert parse_markdown(data, encoding="cp932").title == "方針"
    with pytest.raises(ParseError, match="cannot be decoded as utf-8"):
        parse_markdown(data, encoding="utf-8")
    with pytest.raises(ParseError, match="unknown encoding"):
        parse_markdown(data, encoding="no-such-codec")


def test_files_are_read_in_their_encoding(tmp_path: Path) -> None:
    path = tmp_path / "policy.md"
    path.write_bytes(TEXT.encode("utf-16-le"))
    doc = read(path)
    assert render_markdown(doc) == TEXT  # type: ignore[arg-type]
