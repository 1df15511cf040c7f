"""The reader of the plain-text format (private); see :mod:`legaldocs.formats.text`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, TypeVar, cast

import attrs

from legaldocs.dates import ERAS, parse_date
from legaldocs.errors import ArgumentTypeError, ParseError
from legaldocs.formats._encoding import check_text
from legaldocs.formats._limits import check_citations
from legaldocs.formats.text._syntax import (
    _ARTICLE,
    _ARTICLE_LOOSE,
    _ATTR,
    _ATTRS,
    _DELETED,
    _DIRECTIVE,
    _DIVISION,
    _DIVISION_START,
    _KEY,
    _LABELISH,
    _PREAMBLE_END,
    _REVISION,
    _SUPPLEMENT,
    _SUPPLEMENT_START,
    _TOC,
    BULLET,
    DEFAULT_STYLE,
    _key_of_num,
    _label_num,
    _unescape,
)
from legaldocs.model import _keys as keys
from legaldocs.model._numbers import Num, Numerals, item_label
from legaldocs.model._records import (
    Article,
    BodyElement,
    Cell,
    Division,
    DivisionKind,
    Document,
    Item,
    ItemChild,
    Paragraph,
    Revision,
    Row,
    Style,
    Supplement,
    Table,
    Toc,
    TocEntry,
)


@attrs.frozen
class _Line:
    number: int  # 1-based
    indent: int
    content: str  # after the indentation; "" for a blank line

    @property
    def blank(self) -> bool:
        return self.content == ""

    @property
    def bullet(self) -> bool:
        return self.content.startswith(BULLET)

    @property
    def row(self) -> bool:
        return self.content.startswith("* - ")

    @property
    def keyline(self) -> str | None:
        """The key named by a ``:key:`` line, else ``None``."""
        return self.content[len(_KEY) :] if self.content.startswith(_KEY) else None

    @property
    def cell(self) -> bool:
        return self.content.startswith("- ")


MAX_INDENT = 128
"""The deepest indentation read (64 levels): the parser's work and stack stay bounded."""


def _split(text: str, source: str | None) -> list[_Line]:
    if "\r\n" in text:
        number = text[: text.index("\r\n")].count("\n") + 1
        raise ParseError(
            "CRLF line ending: this format separates lines with \\n only",
            line=number,
            source=source,
        )
    lines = []
    raw_lines = text.split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    for number, raw in enumerate(raw_lines, start=1):
        content = raw.lstrip(" ")
        indent = len(raw) - len(content)
        if content.strip(" ") == "":
            lines.append(_Line(number, 0, ""))
            continue
        if indent > MAX_INDENT:
            raise ParseError(
                f"indented {indent} spaces: nesting deeper than {MAX_INDENT // 2} levels",
                line=number,
                column=indent + 1,
                source=source,
            )
        if content.startswith("\t"):
            raise ParseError(
                "a tab in the indentation", line=number, column=indent + 1, source=source
            )
        if indent % 2:
            raise ParseError(
                f"bad indentation: {indent} spaces (indentation goes by two)",
                line=number,
                column=indent + 1,
                source=source,
            )
        if content.startswith("•") and not content.startswith(BULLET):
            raise ParseError(
                "a bullet (•) must be followed by one space",
                line=number,
                column=indent + 1,
                source=source,
            )
        lines.append(_Line(number, indent, content))
    return lines


_E = TypeVar("_E")


@attrs.define
class _Parser:
    lines: list[_Line]
    source: str | None
    style: Style = DEFAULT_STYLE
    numerals_known: bool = False
    pos: int = 0
    element_lines: dict[int, int] = attrs.Factory(dict)
    """The line each article, division, item and bullet paragraph starts on, by id()."""

    def _started(self, element: _E, line: _Line | None) -> _E:
        if line is not None:
            self.element_lines[id(element)] = line.number
        return element

    # -- helpers -------------------------------------------------------------------------

    def error(
        self, message: str, line: _Line | None = None, column: int | None = None
    ) -> ParseError:
        if line is None:
            line = self.peek()
        if line is None:
            last = self.lines[-1].number if self.lines else 0
            return ParseError(
                f"{message} (at the end of the text)", line=last + 1, column=1, source=self.source
            )
        col = column if column is not None else line.indent + 1
        return ParseError(message, line=line.number, column=col, source=self.source)

    def peek(self) -> _Line | None:
        return self.lines[self.pos] if self.pos < len(self.lines) else None

    def next(self) -> _Line:
        line = self.lines[self.pos]
        self.pos += 1
        return line

    def skip_blanks(self) -> int:
        count = 0
        while (line := self.peek()) is not None and line.blank:
            self.pos += 1
            count += 1
        return count

    def blanks_ahead(self) -> tuple[int, _Line | None]:
        """How many blank lines come next, and the first line after them."""
        index = self.pos
        while index < len(self.lines) and self.lines[index].blank:
            index += 1
        following = self.lines[index] if index < len(self.lines) else None
        return index - self.pos, following

    def at(self, indent: int) -> _Line | None:
        """The next line when it is non-blank and at exactly ``indent``; deeper lines are
        an error, shallower ones end the caller's block."""
        line = self.peek()
        if line is None or line.blank or line.indent < indent:
            return None
        if line.indent > indent:
            raise self.error(
                f"unexpected indentation: {line.indent} spaces where {indent} were expected"
                + (" (a bullet that belongs to no article or paragraph?)" if line.bullet else "")
            )
        return line

    def num(self, text: str, line: _Line, what: str) -> Num:
        try:
            return Num.parse(text)
        except ValueError:
            raise self.error(f"unreadable {what} number {text!r}", line) from None

    def note_numerals(self, text: str) -> None:
        if not self.numerals_known:
            numerals: Numerals = (
                "arabic" if text[:1] in "0123456789０１２３４５６７８９" else "kanji"
            )
            self.style = attrs.evolve(self.style, numerals=numerals)
            self.numerals_known = True

    # -- text and children ---------------------------------------------------------------

    def continuation(self, indent: int, first: str) -> str:
        parts = [first]
        while (line := self.at_text(indent)) is not None:
            self.pos += 1
            parts.append(_unescape(line.content))
        return "\n".join(parts)

    def at_text(self, indent: int) -> _Line | None:
        line = self.peek()
        if line is None or line.blank or line.indent != indent or line.bullet or line.row:
            return None
        if line.cell and not line.content.startswith("\\"):
            return None
        if line.keyline is not None:
            return None
        return line

    def take_key(self, indent: int, accept: Callable[[_Line], bool]) -> str | None:
        """Consume a ``:key:`` line at ``indent`` when the line after it is accepted (the
        element it names); ``None`` when there is no key line or it names something else."""
        line = self.peek()
        if line is None or line.blank or line.indent != indent or line.keyline is None:
            return None
        ahead = self.pos + 1
        following = self.lines[ahead] if ahead < len(self.lines) else None
        if following is not None and following.keyline is not None and following.indent == indent:
            # a table's key, then the key of its first row
            ahead += 1
            following = self.lines[ahead] if ahead < len(self.lines) else None
            if following is not None and not following.row:
                following = None
        if following is None or following.blank or following.indent != indent:
            raise self.error("a :key: line must come right before the element it names", line)
        if not accept(following):
            return None
        self.pos += 1
        return line.keyline

    def children(self, indent: int, depth: int = 1) -> tuple[ItemChild, ...]:
        out: list[ItemChild] = []
        items = tables = 0
        previous: Num | None = None
        while True:
            key = self.take_key(indent, lambda following: following.bullet or following.row)
            line = self.at(indent)
            if line is None:
                break
            if line.row or (key is not None and line.keyline is not None):
                tables += 1
                out.append(self.table(indent, _or(key, f"t{tables}")))
            elif line.bullet:
                items += 1
                item = self.item(indent, _or(key, f"i{items}"), previous, depth)
                previous = item.num
                out.append(item)
            else:
                break
        return tuple(out)

    def item(self, indent: int, key: str, previous: Num | None, depth: int) -> Item:
        start = self.peek()
        return self._started(self._item(indent, key, previous, depth), start)

    def _item(self, indent: int, key: str, previous: Num | None, depth: int) -> Item:
        line = self.next()
        content = line.content[len(BULLET) :]
        num = Num.of(1) if previous is None else Num.of(previous.main + 1)
        label = None
        match = _LABELISH.match(content)
        written = _label_num(match.group("label")) if match else None
        if match and written is not None and not content.startswith("\\"):
            num = written
            if match.group("label") != item_label(num, depth, self.style.numerals):
                label = match.group("label")
            content = content[match.end() :]
        text = self.continuation(indent + 2, _unescape(content))
        children = self.children(indent + 2, depth + 1)
        return Item(key=key, num=num, text=text, children=children, label=label)

    def table(self, indent: int, key: str) -> Table:
        rows: list[Row] = []
        while True:
            row_key = self.take_key(indent, lambda following: following.row)
            line = self.at(indent)
            if line is None or not line.row:
                break
            self.pos += 1
            cells = [self.cell(line, line.content[4:], indent + 4)]
            while (cell := self.at_cell(indent + 2)) is not None:
                self.pos += 1
                cells.append(self.cell(cell, cell.content[2:], indent + 4))
            rows.append(Row(key=_or(row_key, f"r{len(rows) + 1}"), cells=tuple(cells)))
        return Table(key=key, rows=tuple(rows))

    def at_cell(self, indent: int) -> _Line | None:
        line = self.peek()
        if line is None or line.blank or line.indent != indent or not line.cell:
            return None
        return line

    def cell(self, line: _Line, content: str, indent: int) -> Cell:
        attributes: tuple[tuple[str, str], ...] = ()
        match = _ATTRS.match(content)
        if match:
            attributes = tuple(_ATTR.findall(match.group(1)))
            content = content[match.end() :]
        return Cell(text=self.continuation(indent, _unescape(content)), attrs=attributes)

    # -- paragraphs and articles ---------------------------------------------------------

    def bullet_paragraph(self, indent: int, key: str, number: int, anonymous: bool) -> Paragraph:
        line = self.next()
        text = self.continuation(indent + 2, _unescape(line.content[len(BULLET) :]))
        paragraph = Paragraph(
            key=key,
            num=Num.of(number),
            text=text,
            children=self.children(indent + 2),
            anonymous=anonymous,
        )
        return self._started(paragraph, line)

    def article(self, indent: int, line: _Line, explicit: str | None) -> Article:
        return self._started(self._article(indent, line, explicit), line)

    def _article(self, indent: int, line: _Line, explicit: str | None) -> Article:
        self.pos += 1
        content = line.content[len(BULLET) :]
        deleted = _DELETED.match(content)
        if deleted and deleted.end() == len(content):
            num = self.num(deleted.group("num") + deleted.group("branch"), line, "article")
            self.note_numerals(deleted.group("num"))
            until = None
            if deleted.group("until"):
                until = self.num(deleted.group("until") + deleted.group("ubranch"), line, "article")
            key = _or(explicit, "a" + _key_of_num(num))
            return Article(key=key, num=num, deleted=True, until=until)
        match = _ARTICLE.match(content)
        if not match:
            raise self.error(
                f"unreadable article heading {content!r}", line, column=line.indent + 3
            )
        num = self.num(match.group("num") + match.group("branch"), line, "article")
        self.note_numerals(match.group("num"))
        caption = content[match.end() :] or None
        if caption is not None and caption.endswith("　削除"):
            rest = caption[: -len("　削除")]
            key = _or(explicit, "a" + _key_of_num(num))
            return Article(key=key, num=num, caption=rest or None, deleted=True)
        key = _or(explicit, "a" + _key_of_num(num))
        blanks = self.skip_blanks()
        first = self.peek()
        if first is None or first.indent <= indent:
            return Article(key=key, num=num, caption=caption)
        body = indent + 2
        if blanks > 2:
            raise self.error("more than two blank lines after an article heading", first)
        if first.keyline is not None and self.pos + 1 < len(self.lines):
            first = self.lines[self.pos + 1]
        if first.bullet and blanks <= 1:
            paragraphs: list[Paragraph] = []
            while True:
                p_key = self.take_key(body, lambda following: True)
                line_ = self.at(body)
                if line_ is None:
                    break
                if not line_.bullet:
                    raise self.error(
                        "a plain line in an article whose paragraphs are bullets", line_
                    )
                n = len(paragraphs) + 1
                paragraphs.append(self.bullet_paragraph(body, _or(p_key, f"p{n}"), n, False))
            blanks, following = self.blanks_ahead()
            if blanks and following is not None and following.indent > indent:
                raise self.error(
                    "a blank line inside an article whose paragraphs are bullets", following
                )
            return Article(
                key=key, num=num, caption=caption, paragraphs=tuple(paragraphs), bulleted=True
            )
        return Article(
            key=key, num=num, caption=caption, paragraphs=self.plain_paragraphs(body, blanks == 2)
        )

    def plain_paragraphs(self, body: int, block: bool) -> tuple[Paragraph, ...]:
        paragraphs: list[Paragraph] = []
        pending: str | None = None
        while True:
            line = self.at(body)
            if line is not None and line.keyline is not None:
                pending = self.take_key(body, lambda following: True)
                continue
            if line is None:
                blanks, following = self.blanks_ahead()
                if blanks and following is not None and following.indent >= body:
                    if blanks > 1 or following.indent > body:
                        raise self.error(
                            "two blank lines inside an article"
                            if blanks > 1
                            else "unexpected indentation after a blank line",
                            following,
                        )
                    self.pos += 1
                    block = True
                    continue
                break
            if line.bullet or line.row:
                raise self.error(
                    "a bullet or table row after a blank line has no paragraph to belong to"
                    if block
                    else "unexpected bullet",
                    line,
                )
            self.pos += 1
            parts = [_unescape(line.content)]
            if block:
                while (more := self.at_text(body)) is not None:
                    self.pos += 1
                    parts.append(_unescape(more.content))
            n = len(paragraphs) + 1
            children = self.children(body)
            paragraphs.append(
                Paragraph(
                    key=_or(pending, f"p{n}"),
                    num=Num.of(n),
                    text="\n".join(parts),
                    children=children,
                )
            )
            block = False
            pending = None
            deeper = self.peek()
            if deeper is not None and not deeper.blank and deeper.indent > body:
                raise self.error(
                    f"unexpected indentation: {deeper.indent} spaces where {body} were expected"
                )
        return tuple(paragraphs)

    def division(self, indent: int, line: _Line, parent: str, explicit: str | None) -> Division:
        return self._started(self._division(indent, line, parent, explicit), line)

    def _division(self, indent: int, line: _Line, parent: str, explicit: str | None) -> Division:
        content = line.content[len(BULLET) :]
        match = _DIVISION.fullmatch(content)
        if not match:
            raise self.error(
                f"unreadable division heading {content!r} (write 第一章　title)",
                line,
                column=line.indent + 3,
            )
        self.pos += 1
        self.note_numerals(match.group("num"))
        num = self.num(match.group("num") + match.group("branch"), line, "division")
        kind = cast(DivisionKind, match.group("kind"))
        # 0.1.0 wrote ``part``/``subsec`` division keys: read them in today's scheme
        key = _or(explicit and keys.upgrade(explicit), keys.division_key(kind, num, parent))
        children: list[Division | Article] = []
        while True:
            child_key = self.take_key(indent + 2, lambda following: True)
            child = self.at(indent + 2)
            if child is None:
                break
            element = self.body_element(indent + 2, child, key, child_key)
            if not isinstance(element, Division | Article):
                raise self.error("a division holds only divisions and articles", child)
            children.append(element)
        return Division(
            key=key, kind=kind, num=num, title=match.group("title") or "", children=tuple(children)
        )

    def body_element(
        self, indent: int, line: _Line, parent: str, key: str | None
    ) -> Division | Article | None:
        """An article or a division at ``line``; ``None`` when the line is a paragraph."""
        content = line.content[len(BULLET) :]
        if content.startswith("\\"):
            return None
        if _ARTICLE_LOOSE.match(content):
            return self.article(indent, line, key)
        if _DIVISION_START.match(content):
            return self.division(indent, line, parent, key)
        if _SUPPLEMENT_START.match(content):
            raise self.error("supplementary provisions (附則) belong at column 2", line)
        return None

    def body(self, indent: int, preamble: list[Paragraph] | None) -> tuple[BodyElement, ...]:
        """The elements at ``indent`` up to a supplement (at the document level) or a
        shallower line. Paragraphs before the first other element go to ``preamble``
        when it is given."""
        body: list[BodyElement] = []
        paragraphs = tables = 0
        while True:
            self.skip_blanks()
            key = self.take_key(
                indent,
                lambda following: (
                    not (
                        indent == 2
                        and following.bullet
                        and _SUPPLEMENT_START.match(following.content[len(BULLET) :])
                    )
                ),
            )
            line = self.at(indent)
            if line is None or (key is None and line.keyline is not None):
                break
            if line.row or line.keyline is not None:
                tables += 1
                body.append(self.table(indent, _or(key, f"t{tables}")))
                preamble = None
                continue
            if line.content == _PREAMBLE_END and preamble is not None:
                self.pos += 1
                preamble = None
                continue
            if not line.bullet:
                raise self.error(
                    f"expected a bullet (•) or a table row (* -), got {line.content!r}"
                )
            content = line.content[len(BULLET) :]
            if indent == 2 and _SUPPLEMENT_START.match(content):
                break
            element = self.body_element(indent, line, "", key)
            if element is not None:
                body.append(element)
                preamble = None
                continue
            if preamble is not None:
                n = len(preamble) + 1
                preamble.append(self.bullet_paragraph(indent, _or(key, f"pre{n}"), n, True))
            else:
                paragraphs += 1
                body.append(
                    self.bullet_paragraph(indent, _or(key, f"p{paragraphs}"), paragraphs, True)
                )
        return tuple(body)

    def supplement(self, line: _Line, key: str) -> Supplement:
        self.pos += 1
        content = line.content[len(BULLET) :]
        match = _SUPPLEMENT.fullmatch(content)
        if not match:
            raise self.error(
                f"unreadable supplementary provisions heading {content!r}",
                line,
                column=line.indent + 3,
            )
        revisions: list[Revision] = []
        while (rev := self.at(4)) is not None and not (
            rev.bullet or rev.row or rev.keyline is not None
        ):
            self.pos += 1
            revisions.append(self.revision(rev))
        body = self.body(4, None)
        return Supplement(
            key=key,
            title=match.group("title"),
            law_ref=match.group("ref"),
            excerpt=bool(match.group("excerpt")),
            body=body,
            revisions=tuple(revisions),
        )

    def revision(self, line: _Line) -> Revision:
        match = _REVISION.fullmatch(line.content)
        if not match:
            raise self.error(
                f"unreadable revision line {line.content!r} (write: 2021年2月25日 制定)", line
            )
        try:
            date = parse_date(match.group("date"))
        except ParseError as error:
            raise self.error(f"revision line: {error.reason}", line) from None
        era = any(match.group("date").startswith(e.name) for e in ERAS)
        return Revision(date=date, event=match.group("event"), era=era)

    def toc_entries(self, indent: int) -> tuple[TocEntry, ...]:
        entries: list[TocEntry] = []
        while (line := self.at(indent)) is not None:
            self.pos += 1
            text = _unescape(line.content)
            entries.append(TocEntry(text=text, children=self.toc_entries(indent + 2)))
        return tuple(entries)

    # -- the document --------------------------------------------------------------------

    def document(self) -> Document:
        lang = "ja"
        law_num = None
        self.skip_blanks()
        while (
            (line := self.peek()) is not None and line.indent == 0 and line.content.startswith(":")
        ):
            match = _DIRECTIVE.fullmatch(line.content)
            if not match:
                raise self.error(f"unreadable directive {line.content!r}", line)
            name, value = match.group("name"), match.group("value")
            if name == "numerals" and value in ("kanji", "arabic"):
                self.style = attrs.evolve(self.style, numerals=cast(Numerals, value))
                self.numerals_known = True
            elif name == "items" and value in ("numbered", "bullets"):
                self.style = attrs.evolve(
                    self.style, items=cast(Literal["numbered", "bullets"], value)
                )
            elif name == "lang":
                lang = value
            elif name == "law-num":
                law_num = value
            else:
                raise self.error(f"unknown directive {line.content!r}", line)
            self.pos += 1
        self.skip_blanks()
        alt_title = None
        line = self.peek()
        if line is not None and line.bullet and line.indent in (0, 2):
            alt_title = _unescape(line.content[len(BULLET) :])
            self.pos += 1
            self.skip_blanks()
        title_lines = []
        while (line := self.peek()) is not None and not line.blank and line.indent == 4:
            title_lines.append(_unescape(line.content))
            self.pos += 1
        if not title_lines:
            raise self.error("expected the title (at column 4)")
        toc = None
        self.skip_blanks()
        line = self.peek()
        if line is not None and line.indent == 2 and line.content.startswith(_TOC):
            self.pos += 1
            toc = Toc(title=line.content[len(_TOC) :], entries=self.toc_entries(4))
        preamble: list[Paragraph] = []
        body = self.body(2, preamble)
        supplements: list[Supplement] = []
        while True:
            self.skip_blanks()
            key = self.take_key(2, lambda following: True)
            line = self.peek()
            if line is None:
                break
            if line.indent == 2 and line.bullet and _SUPPLEMENT_START.match(line.content[2:]):
                supplements.append(self.supplement(line, _or(key, f"s{len(supplements) + 1}")))
                continue
            if line.indent == 2:
                raise self.error(
                    "only supplementary provisions (附則) may follow supplementary provisions"
                )
            raise self.error(
                f"unexpected indentation: {line.indent} spaces"
                + (" (a bullet that belongs to no article or paragraph?)" if line.bullet else "")
            )
        return Document(
            title="\n".join(title_lines),
            alt_title=alt_title,
            law_num=law_num,
            preamble=tuple(preamble),
            toc=toc,
            body=body,
            supplements=tuple(supplements),
            style=self.style,
            lang=lang,
        )


def _or(explicit: str | None, derived: str) -> str:
    return derived if explicit is None else explicit


def parse(text: str, source: str | None) -> Document:
    """Read ``text`` (see :func:`legaldocs.text.parse_text`)."""
    if not isinstance(text, str):
        raise ArgumentTypeError(f"parse_text needs a str, got {type(text).__name__}")
    check_text(text, source)
    if text.startswith("\ufeff"):  # a byte-order mark read as text
        text = text[1:]
    parser = _Parser(_split(text, source), source)
    doc = parser.document()
    check_citations(doc, source, parser.element_lines)
    return doc
