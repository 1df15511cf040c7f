"""The 新旧対照表 as a Word document (private): :func:`docx_table`.

Written with python-docx (the optional extra ``docx``). The layout is the one legal
departments paste into their papers: A4 landscape, a title line, a two-column table with a
heading row (改正後 | 改正前 by default), one table row per line of the law so that the two
sides stay level, a rule between articles only, changed spans underlined (傍線), and a
note that explains the underline.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from legaldocs.compare._shinkyu import Block, hang
from legaldocs.errors import FormatError

__all__ = ["docx_table"]


def docx_table(
    title: str,
    heads: tuple[str, str],
    units: Sequence[Sequence[Block]],
    order: tuple[str, str],
    note: str,
) -> bytes:
    """The table as the bytes of a .docx file."""
    try:
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt
    except ImportError:  # pragma: no cover - the extra is installed in the tests
        raise FormatError("Word output needs python-docx: pip install 'legaldocs[docx]'") from None

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    style.font.name = "MS Mincho"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "ＭＳ 明朝")

    document.add_paragraph(title)
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    header = table.rows[0].cells
    for cell, text in zip(header, heads, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = 1  # centred
        paragraph.add_run(text).bold = True
    _repeat_header(table.rows[0], OxmlElement, qn)

    for unit in units:
        for k, block in enumerate(unit):
            row = table.add_row()
            for cell, side in zip(row.cells, order, strict=True):
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                depth, pieces = hang(getattr(block, side))
                # wrapped lines hang one character in (ぶら下げ字下げ)
                paragraph.paragraph_format.left_indent = Pt(10.5 * (depth + 1))
                paragraph.paragraph_format.first_line_indent = Pt(-10.5)
                for text, marked in pieces:
                    run = paragraph.add_run(text)
                    if marked:
                        run.underline = True
                # a rule above the first line of an article only
                _borders(cell, top=k == 0, bottom=k == len(unit) - 1, el=OxmlElement, qn=qn)
    document.add_paragraph(note)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _repeat_header(row: object, el: object, qn: object) -> None:
    """Repeat the heading row on every page."""
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = el("w:tblHeader")  # type: ignore[operator]
    header.set(qn("w:val"), "true")  # type: ignore[operator]
    tr_pr.append(header)


def _borders(cell: object, *, top: bool, bottom: bool, el: object, qn: object) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    borders = el("w:tcBorders")  # type: ignore[operator]
    for edge, shown in (("top", top), ("bottom", bottom), ("left", True), ("right", True)):
        border = el(f"w:{edge}")  # type: ignore[operator]
        border.set(qn("w:val"), "single" if shown else "nil")  # type: ignore[operator]
        if shown:
            border.set(qn("w:sz"), "4")  # type: ignore[operator]
            border.set(qn("w:color"), "000000")  # type: ignore[operator]
        borders.append(border)
    tc_pr.append(borders)
