"""The plain-text format: the layout of the clinic's web pages, readable and writable.

:func:`parse_text` reads it into a :class:`~legaldocs.Document`; :func:`render_text` writes a
document back. ``parse_text(render_text(doc)) == doc`` for every document the format can
carry; :func:`render_text` raises :class:`~legaldocs.FormatError` for the rest.

The layout, by example (indentation is ASCII spaces, two per level)::

    :numerals: kanji                   directives, only when not the defaults (see below)
      • PRIVACY POLICY                 English title (optional; column 0 or 2 when read)

        プライバシーポリシー             title (one or more lines at column 4)

      • 当グループ等は、…を定めます。   preamble paragraph (a top-level bullet)
      • 第1条(個人情報)                 article heading: 第N条 + caption as written

        「個人情報」とは、…              plain lines: one paragraph each
        • 氏名                         bullets after a plain line: its items
          • …                          deeper bullets: sub-items
      • 第3条(…)

        • 当グループ等は、…              an article whose body starts with a bullet lists
          • 本サイトの提供・運営のため    its paragraphs as bullets (``Article.bulleted``);
          http://…                     items are one level deeper; a plain line two
                                       columns right of a bullet continues its text
      • 第15条(お問い合わせ先)

        個人情報の…ご連絡ください。

        株式会社klinik「…」             after a blank line inside a body, the lines up to
        〒150-0022                      the next blank line are ONE paragraph (a block)
      • 附則                            supplementary provisions
        2021年2月25日 制定               revision lines: date, one space, event

Rules in full:

- Directives come first, at column 0: ``:numerals: kanji`` (articles and items written
  第三条, 一; default Arabic), ``:items: numbered`` (items carry their labels; default
  bullets), ``:lang: en``, ``:law-num: 平成五年法律第八十八号``. Without ``:numerals:``
  the numerals are those of the first article or division heading.
- A heading 第N条 is followed by its caption exactly as written, brackets and any space
  included: ``第11条 (正確性の確保)`` stores the caption ``" (正確性の確保)"`` (leading
  space kept, so the page reads back unchanged; a linter may point at it). No caption:
  ``第1条``. A deleted article: ``第10条　削除`` or ``第5条から第9条まで　削除``.
- Divisions: ``• 第一章　総則`` with their articles two columns deeper. Supplements:
  ``• 附則``, ``• 附　則（平成一七年六月二九日法律第七三号）　抄``; their revision lines,
  paragraphs, articles and tables are at column 4.
- Items are bullets. An item whose number is not the next one (or every item under
  ``:items: numbered``) is written with its label and a full-width space: ``• 三　…``,
  ``• イ　…``. A label that is not the standard one for its number and depth is kept in
  ``Item.label`` (``• 一から三まで　…`` in an excerpt, ``• (1)　…`` at the first level).
- Tables (a label/value page, a 読替え table inside a paragraph)::

      * - 販売業者                       ``* -`` starts a row and its first cell
        - 株式会社klinik                 ``-`` two columns deeper: the next cell
      * - 所在地
        - 〒150-0022                     a cell's further lines are four columns
          東京都渋谷区…                  right of the ``*``

  Cell attributes are written before the text: ``- [BorderTop="none"]text``.
- Escape: a text line that would read as structure (it starts with a space, a tab,
  ``\\``, ``•``, ``*``, ``-``, ``[``, ``:``, a heading such as 第1条 or 附則, or an item label and a
  full-width space) or is empty is written with a leading ``\\``, which the parser drops.
- A table of contents follows the title: ``:toc: 目次`` at column 2, its lines at column 4,
  nested lines two columns deeper each.
- Top-level paragraphs before the first article are the preamble; a line ``---`` at column
  2 ends the preamble when the body itself starts with paragraphs.
- Keys are derived from positions: articles ``a3``, ``a3_2``; paragraphs ``p1``…;
  preamble paragraphs ``pre1``…; items ``i1``…; tables ``t1``…; rows ``r1``…;
  divisions ``ch1``, ``ch2.sec1`` (編 ``part``, 章 ``ch``, 節 ``sec``, 款 ``subsec``,
  目 ``div``); supplements ``s1``…. A key that differs (an article renumbered from 第6条
  to 第5条 keeps ``a6``) is written on a line ``:key: a6`` just before the element, at its
  indentation (for a table whose first row has its own key: the table's key line, then
  the row's). Paragraph numbers must be 1, 2, … in order (anonymous outside articles);
  a division range cannot be written, nor a caption or title with a line break
  (:class:`~legaldocs.FormatError`).
- Lines are separated by ``\\n`` only (CRLF input is refused); every other character,
  trailing spaces included, belongs to the text.
- Revision lines are written ``2021年2月25日 制定`` or, when ``Revision.era``, ``令和3年2月25日
  制定``; any form :func:`~legaldocs.parse_date` reads is accepted (full-width or kanji digits),
  but such a line is written back with ASCII digits.
"""

from __future__ import annotations

from legaldocs.errors import require_type
from legaldocs.formats.text._parse import parse
from legaldocs.formats.text._render import render
from legaldocs.formats.text._syntax import DEFAULT_STYLE
from legaldocs.model._records import Document

__all__ = ["DEFAULT_STYLE", "parse_text", "render_text"]


def render_text(doc: Document) -> str:
    """Write ``doc`` in the plain-text format (see the module documentation).

    Raises :class:`~legaldocs.FormatError` naming the element when the document holds
    something the format cannot carry (keys other than the derived ones, a caption with a
    line break, ...).
    """

    require_type(doc, Document, "render_text: doc")
    return render(doc)


def parse_text(text: str, *, source: str | None = None) -> Document:
    """Read a document written in the plain-text format (see the module documentation).

    ``source`` names the input in error messages. Raises :class:`~legaldocs.ParseError`
    with the line and column of the first problem: bad indentation, a bullet that belongs to
    nothing, an unreadable article or 附則 heading, a revision line with an impossible date.
    """
    return parse(text, source)
