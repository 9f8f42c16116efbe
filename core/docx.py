"""Building blocks of Vietnamese administrative documents in Word (Decree 30/2020/NĐ-CP).

A4 page, Times New Roman 13 pt, page numbers from the second page, the issuing body
opposite the national heading, the place and date line, the title in upper case, body
paragraphs, borderless layout tables and signature room. The pledge, the minutes of the
selection meeting and the award dossier are written with these pieces.

The documents are always Vietnamese, whatever the interface language, so their fixed
strings are written directly, without gettext.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT_NAME = "Times New Roman"
BODY_SIZE = Pt(13)
TITLE_SIZE = Pt(14)
NATIONAL_NAME_SIZE = Pt(12)
LANGUAGE = "vi-VN"

PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN_TOP = Mm(20)
MARGIN_BOTTOM = Mm(20)
MARGIN_LEFT = Mm(30)
MARGIN_RIGHT = Mm(15)
TEXT_WIDTH = Mm(210 - 30 - 15)
# Landscape pages hold wide lists: the same side margin left and right.
LANDSCAPE_SIDE_MARGIN = Mm(20)
LANDSCAPE_TEXT_WIDTH = Mm(297 - 20 - 20)

# The heading table: issuing body on the left, national heading on the right.
HEADING_LEFT_WIDTH = Mm(58)
HEADING_RIGHT_WIDTH = Mm(107)
# The line under the motto is as long as the motto (about 56 mm in 13 pt bold);
# the one under the issuing body is a third to a half of its name.
MOTTO_RULE_LENGTH = Mm(56)
BODY_RULE_LENGTH = Mm(20)

FIRST_LINE_INDENT = Cm(1)
SIGNATURE_ROOM_PARAGRAPHS = 3
SIGNATURE_ROOM_SPACING = Pt(6)

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
BLANK = "............"
BLANK_PLACE = "........"
BLANK_DATE = "ngày ... tháng ... năm ..."


# --------------------------------------------------------------------------- text


# Characters XML 1.0 refuses (python-docx raises on them), except tab and newlines.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str | None) -> str:
    """NFC text without XML-illegal characters, with ``\\n`` line ends, stripped."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_ILLEGAL.sub("", text).strip()


def lines(text: str | None) -> list[str]:
    """The non-empty lines of a text, each stripped and with inner spaces collapsed."""
    stripped = (" ".join(line.split()) for line in clean(text).split("\n"))
    return [line for line in stripped if line]


def one_line(text: str | None) -> str:
    return " ".join(lines(text))


def date_phrase(day: date | None) -> str:
    """ "ngày 05 tháng 02 năm 2025": days 1-9 and months 1-2 take a leading zero."""
    if day is None:
        return BLANK_DATE
    day_text = f"{day.day:02d}" if day.day < 10 else str(day.day)
    month_text = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day_text} tháng {month_text} năm {day.year}"


def vietnamese_date_line(place_name: str, day: date | None) -> str:
    """The place and date line: "Hà Nam, ngày 11 tháng 3 năm 2019".

    A missing place is left as dots to fill in by hand ("........, ngày ..."),
    and so is a missing date ("Hà Nam, ngày ... tháng ... năm ...").
    """
    place = one_line(place_name) or BLANK_PLACE
    return f"{place}, {date_phrase(day)}"


# ---------------------------------------------------------------------- low level

# Child order of w:pPr (ECMA-376 CT_PPr), to insert elements python-docx has no API for.
_PPR_ORDER = [
    qn(f"w:{tag}")
    for tag in [
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
]


def _set_ppr_child(ppr, element) -> None:
    """Put ``element`` into ``ppr`` at its schema position, replacing one of its kind."""
    for old in ppr.findall(element.tag):
        ppr.remove(old)
    position = _PPR_ORDER.index(element.tag)
    for index, child in enumerate(ppr):
        if child.tag in _PPR_ORDER and _PPR_ORDER.index(child.tag) > position:
            ppr.insert(index, element)
            return
    ppr.append(element)


def _element(tag: str, **attributes: str):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _twips(length: int) -> str:
    """An EMU length in twentieths of a point, as table widths are written."""
    return str(length * 1440 // 914400)


def _set_fonts(rpr) -> None:
    """Times New Roman for every script, replacing any theme font of ``rpr``."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.get_or_add_rFonts()
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), FONT_NAME)


def _set_language(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = _element("w:lang")
        rpr.append(lang)
    for name in list(lang.attrib):
        del lang.attrib[name]
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = _element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{edge}", val="nil"))
    # tblBorders goes after tblW/jc/tblCellSpacing/tblInd and before tblLayout etc.
    anchor = None
    for tag in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"):
        anchor = tbl_pr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tbl_pr.append(borders)


def _page_number_field(paragraph) -> None:
    """A PAGE field: begin, instruction, separate, cached result, end."""

    def field_run(*children):
        run = paragraph.add_run()
        for child in children:
            run._r.append(child)
        return run

    field_run(_element("w:fldChar", fldCharType="begin"))
    instruction = _element("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    field_run(instruction)
    field_run(_element("w:fldChar", fldCharType="separate"))
    paragraph.add_run("2")
    field_run(_element("w:fldChar", fldCharType="end"))


# -------------------------------------------------------------------- the document


def _set_page(section, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:
        section.page_width, section.page_height = PAGE_HEIGHT, PAGE_WIDTH
    else:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin = MARGIN_TOP
    section.bottom_margin = MARGIN_BOTTOM
    section.left_margin = LANDSCAPE_SIDE_MARGIN if landscape else MARGIN_LEFT
    section.right_margin = LANDSCAPE_SIDE_MARGIN if landscape else MARGIN_RIGHT


def _set_styles(document) -> None:
    # Defaults first (the template uses theme fonts there), then the Normal style.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(default_rpr)
    _set_language(default_rpr)

    normal = document.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = BODY_SIZE
    normal_rpr = normal.element.get_or_add_rPr()
    _set_fonts(normal_rpr)
    _set_language(normal_rpr)
    normal_format = normal.paragraph_format
    normal_format.space_before = Pt(0)
    normal_format.space_after = Pt(6)
    normal_format.line_spacing = 1.15
    normal_format.widow_control = True


def _add_page_numbers(section) -> None:
    """Decree 30: page numbers centred in the top margin, not shown on the first page."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    number = header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number.paragraph_format.space_after = Pt(0)
    _page_number_field(number)


def _set_properties(document, *, title: str, author: str, keywords: str) -> None:
    properties = document.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    author = one_line(author)
    properties.title = title
    properties.subject = author
    properties.author = author
    properties.last_modified_by = author
    properties.language = LANGUAGE
    properties.keywords = keywords
    properties.comments = ""
    properties.created = now
    properties.modified = now
    properties.revision = 1


def new_document(*, title: str, author: str, keywords: str, landscape: bool = False):
    """An empty Word document with the Decree 30 page, font, page numbers and properties.

    ``author`` is the issuing body (e.g. the cluster); ``landscape`` turns the A4 page for
    wide lists.
    """
    document = Document()
    section = document.sections[0]
    _set_page(section, landscape=landscape)
    _set_styles(document)
    _add_page_numbers(section)
    _set_properties(document, title=title, author=author, keywords=keywords)
    return document


def to_bytes(document) -> bytes:
    """The ``.docx`` file of ``document``."""
    output = BytesIO()
    document.save(output)
    return output.getvalue()


# --------------------------------------------------------------------------- pieces


def rule(paragraph, length: int, width: int) -> None:
    """Turn an empty paragraph into a short line of ``length``, centred in ``width``."""
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(6)
    side = max(0, (width - length) // 2)
    fmt.left_indent = side
    fmt.right_indent = side
    # The line is the paragraph's top border.
    ppr = paragraph._p.get_or_add_pPr()
    borders = _element("w:pBdr")
    borders.append(_element("w:top", val="single", sz="6", space="1", color="auto"))
    _set_ppr_child(ppr, borders)
    # A small paragraph mark, so the line does not push the next line down.
    mark = _element("w:rPr")
    mark.append(_element("w:sz", val="8"))
    mark.append(_element("w:szCs", val="8"))
    _set_ppr_child(ppr, mark)


def fixed_table(document, rows: int, widths: list[int], cell_margin: int):
    """A borderless, fixed-layout table whose columns have the given widths (for layout)."""
    table = document.add_table(rows=rows, cols=len(widths))
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = _element("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:w"), _twips(sum(widths)))
    width.set(qn("w:type"), "dxa")
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = column_width
        for cell in column.cells:
            cell.width = column_width
    _no_borders(table)
    margins = _element("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(_element(f"w:{side}", w=_twips(cell_margin), type="dxa"))
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)
    return table


def grid_table(document, headers: list[str], widths: list[int]):
    """A centred table with cell borders (for data) and a bold header row; add rows to it."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, text, width in zip(table.rows[0].cells, headers, widths, strict=True):
        cell.width = width
        cell_paragraph(cell, text, bold=True, first=True)
    return table


# Sizing tables to their content: the average advance of a 13 pt Times New Roman
# character (a little more for bold headers), and the cell's side margins.
CHAR_WIDTH = Mm(2.3)
CELL_PADDING = Mm(2.6)


def _longest_word(text: str) -> int:
    return max((len(word) for word in clean(text).split()), default=0)


def _longest_line(text: str) -> int:
    return max((len(line) for line in clean(text).split("\n")), default=0)


def content_widths(headers: list[str], rows: list[list[str]], total: int) -> list[int]:
    """Column widths sized to the content, within ``total`` (the text width).

    Each column would like its longest line, header included, on one line; when that
    is wider than ``total``, every column keeps at least its longest word and the room
    left is shared in proportion to what each column still wants.
    """
    columns = list(zip(headers, *rows, strict=True)) if rows else [(h,) for h in headers]
    least, wanted = [], []
    for header, *values in columns:
        shortest = max([_longest_word(header), *(_longest_word(v) for v in values)])
        longest = max([_longest_line(header), *(_longest_line(v) for v in values)])
        least.append(shortest * CHAR_WIDTH + CELL_PADDING)
        wanted.append(longest * CHAR_WIDTH + CELL_PADDING)
    if sum(wanted) <= total:
        return [int(w) for w in wanted]
    if sum(least) >= total:
        return [int(w * total / sum(least)) for w in least]
    room = total - sum(least)
    extra = [w - m for w, m in zip(wanted, least, strict=True)]
    return [int(m + room * e / sum(extra)) for m, e in zip(least, extra, strict=True)]


# Children of w:tblPr that come after w:tblW (ECMA-376 CT_TblPr), in order.
_TBLPR_AFTER_WIDTH = [
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
]


def size_columns(table, widths: list[int]) -> None:
    """Give ``table`` these column widths: its grid, every cell and the table's width."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), _twips(width))
    for row in table.rows:
        # Merged cells span several grid columns: give each cell the width of its span.
        position = 0
        for tc in row._tr.tc_lst:
            span = tc.grid_span
            width = sum(widths[position : position + span])
            tc.width = width
            position += span
    tbl_pr = table._tbl.tblPr
    table_width = tbl_pr.find(qn("w:tblW"))
    if table_width is None:
        table_width = _element("w:tblW")
        later = [tbl_pr.find(qn(f"w:{tag}")) for tag in _TBLPR_AFTER_WIDTH]
        later = [element for element in later if element is not None]
        if later:
            later[0].addprevious(table_width)
        else:
            tbl_pr.append(table_width)
    table_width.set(qn("w:w"), _twips(sum(widths)))
    table_width.set(qn("w:type"), "dxa")


def repeat_header_row(table, rows: int = 1) -> None:
    """The first ``rows`` rows of ``table`` repeat at the top of every printed page."""
    for row in table.rows[:rows]:
        tr_pr = row._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:tblHeader")) is None:
            tr_pr.append(_element("w:tblHeader"))


def keep_rows_whole(table) -> None:
    """Forbid page breaks inside each row of ``table``."""
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:cantSplit")) is None:
            tr_pr.insert(0, _element("w:cantSplit"))


def styled_run(paragraph, text: str, *, bold=False, italic=False, size=None):
    """Add ``text`` to ``paragraph``; what is not bold or italic inherits from its style."""
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if size is not None:
        run.font.size = size
    return run


def cell_paragraph(cell, text: str = "", *, bold=False, italic=False, size=None, first=False):
    """A centred, single-spaced paragraph in ``cell``: its first one, or a new one."""
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    if text:
        styled_run(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def signature_room(cell, *, space_after: int = SIGNATURE_ROOM_SPACING) -> None:
    """Empty lines under a signatory's title, about 27 mm for the signature and the seal."""
    for _ in range(SIGNATURE_ROOM_PARAGRAPHS):
        room = cell_paragraph(cell).paragraph_format
        room.line_spacing = 1.5
        room.space_after = space_after


def body_paragraph(
    document, text: str, *, italic=False, bold=False, indent=None, keep_with_next=False
):
    """A justified body paragraph with the first line indented."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = FIRST_LINE_INDENT
    if indent is not None:
        fmt.left_indent = indent
    fmt.keep_with_next = keep_with_next or None
    styled_run(paragraph, text, bold=bold, italic=italic)
    return paragraph


def title_block(document, title: str, subtitle: str = "") -> None:
    """The title in bold upper case, centred, and an optional italic line under it."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(18)
    fmt.space_after = Pt(6) if subtitle else Pt(12)
    fmt.keep_with_next = True
    styled_run(paragraph, title.upper(), bold=True, size=TITLE_SIZE)
    if subtitle:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(12)
        styled_run(paragraph, subtitle, italic=True)


# ------------------------------------------------------------------------- heading


@dataclass(frozen=True)
class Heading:
    """What a document's heading says, besides the fixed national heading.

    ``issuer``: the issuing body, one line or several (bold, upper case); ``parent``: the
    body it belongs to, above it (plain upper case); ``number``: the document's number line
    under the rule ("Số: …/TTr-CTĐ"); a missing place or date is left as dots.
    """

    issuer: str
    parent: str = ""
    number: str = ""
    place_name: str = ""
    day: date | None = None


def _issuing_body(cell, heading: Heading) -> None:
    parent, number = one_line(heading.parent), one_line(heading.number)
    texts = [(parent.upper(), False)] if parent else []  # (text, bold)
    texts += [(line.upper(), True) for line in lines(heading.issuer)]
    # The cell's first paragraph is there anyway; without a body it stays empty, unruled.
    for index, (text, bold) in enumerate(texts or [("", False)]):
        cell_paragraph(cell, text, bold=bold, first=index == 0)
    if texts:
        rule(cell.add_paragraph(), BODY_RULE_LENGTH, HEADING_LEFT_WIDTH)
    if number:
        cell_paragraph(cell, number)


def _national_heading(cell) -> None:
    cell_paragraph(cell, NATIONAL_NAME, bold=True, size=NATIONAL_NAME_SIZE, first=True)
    cell_paragraph(cell, MOTTO, bold=True, size=BODY_SIZE)
    rule(cell.add_paragraph(), MOTTO_RULE_LENGTH, HEADING_RIGHT_WIDTH)


def heading_block(document, heading: Heading) -> None:
    """The issuing body opposite the national heading, then the place and date line."""
    table = fixed_table(document, 1, [HEADING_LEFT_WIDTH, HEADING_RIGHT_WIDTH], cell_margin=0)
    left, right = table.rows[0].cells
    _issuing_body(left, heading)
    _national_heading(right)
    keep_rows_whole(table)

    date_line = document.add_paragraph()
    date_line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    date_line.paragraph_format.space_before = Pt(6)
    date_line.add_run(vietnamese_date_line(heading.place_name, heading.day)).italic = True
