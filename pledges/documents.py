"""The emulation pledge (giao ước thi đua) of a cluster as a printable Word document.

The layout follows the Vietnamese administrative conventions of Decree
30/2020/NĐ-CP: A4 page, Times New Roman 13 pt, the national heading opposite the
issuing body, the place and date line, the title in upper case and the signature
blocks of the member units.

The document is always Vietnamese, whatever the interface language, so its fixed
strings are written here directly, without gettext. Nothing here touches the
database: callers pass plain data (``PledgeDocument``) and get the ``.docx`` bytes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
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

# The heading table: issuing body on the left, national heading on the right.
HEADING_LEFT_WIDTH = Mm(58)
HEADING_RIGHT_WIDTH = Mm(107)
# The line under the motto is as long as the motto (about 56 mm in 13 pt bold);
# the one under the issuing body is a third to a half of its name.
MOTTO_RULE_LENGTH = Mm(56)
BODY_RULE_LENGTH = Mm(20)

FIRST_LINE_INDENT = Cm(1)
SIGNATURE_COLUMNS = 3
SIGNATURE_ROOM_PARAGRAPHS = 3

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
CONTENTS_HEADING = "NỘI DUNG GIAO ƯỚC"
TARGET_LABEL = "Chỉ tiêu: "
CLOSING = "Các đơn vị thành viên cam kết thực hiện tốt các nội dung giao ước thi đua trên."
SIGNATURES_HEADING = "ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC"
BLANK = "............"
BLANK_PLACE = "........"
BLANK_DATE = "ngày ... tháng ... năm ..."


@dataclass(frozen=True)
class CommitmentLine:
    content: str  # one emulation content (may contain line breaks)
    target: str = ""  # its measurable target (chỉ tiêu), may be ""


@dataclass(frozen=True)
class SignatureBlock:
    unit_name: str  # as it was at signing, e.g. "Thanh tra tỉnh Hưng Yên"
    position: str = ""  # e.g. "Chánh Thanh tra"; "" if not signed yet
    signatory_name: str = ""  # e.g. "Nguyễn Văn An"; "" if not signed yet
    signed: bool = False


@dataclass(frozen=True)
class PledgeDocument:
    cluster_name: str  # "Cụm Thi đua số 2"
    year: int
    title: str  # "Giao ước thi đua năm 2019"
    theme: str = ""
    preamble: str = ""  # paragraphs separated by line breaks or blank lines
    place_name: str = ""  # "Hà Nam"
    signing_date: date | None = None
    venue: str = ""  # "Thanh tra tỉnh Hà Nam"
    commitments: list[CommitmentLine] = field(default_factory=list)
    signatures: list[SignatureBlock] = field(default_factory=list)


# --------------------------------------------------------------------------- text


# Characters XML 1.0 refuses (python-docx raises on them), except tab and newlines.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_QUOTES = "\"'“”‘’«»"


def _clean(text: str | None) -> str:
    """NFC text without XML-illegal characters, with ``\\n`` line ends, stripped."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_ILLEGAL.sub("", text).strip()


def _lines(text: str | None) -> list[str]:
    """The non-empty lines of a text, each stripped and with inner spaces collapsed."""
    lines = (" ".join(line.split()) for line in _clean(text).split("\n"))
    return [line for line in lines if line]


def _one_line(text: str | None) -> str:
    return " ".join(_lines(text))


def _date_phrase(day: date | None) -> str:
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
    place = _one_line(place_name) or BLANK_PLACE
    return f"{place}, {_date_phrase(day)}"


def _opening_sentence(cluster_name: str, day: date | None, venue: str) -> str:
    """ "Hôm nay, ngày ..., tại ..., các đơn vị thành viên ... cùng ký kết ..." or ""."""
    members = f"các đơn vị thành viên {cluster_name}" if cluster_name else "các đơn vị thành viên"
    rest = f"{members} cùng ký kết giao ước thi đua với các nội dung sau:"
    if day and venue:
        return f"Hôm nay, {_date_phrase(day)}, tại {venue}, {rest}"
    if day:
        return f"Hôm nay, {_date_phrase(day)}, {rest}"
    if venue:
        return f"Tại {venue}, {rest}"
    return ""


def _theme_line(theme: str) -> str:
    theme = theme.strip(_QUOTES + " ")
    return f"Chủ đề: “{theme}”" if theme else ""


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


def _rule(paragraph, length, cell_width) -> None:
    """Turn an empty paragraph into a short centred line drawn on its top edge."""
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(6)
    side = max(0, (cell_width - length) // 2)
    fmt.left_indent = side
    fmt.right_indent = side
    ppr = paragraph._p.get_or_add_pPr()
    borders = _element("w:pBdr")
    borders.append(_element("w:top", val="single", sz="6", space="1", color="auto"))
    _set_ppr_child(ppr, borders)
    # A small paragraph mark, so the line does not push the date line down.
    mark = _element("w:rPr")
    mark.append(_element("w:sz", val="8"))
    mark.append(_element("w:szCs", val="8"))
    _set_ppr_child(ppr, mark)


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


def _fixed_table(document, rows: int, widths: list[int], cell_margin: int):
    """A borderless, fixed-layout table whose columns have the given widths."""
    table = document.add_table(rows=rows, cols=len(widths))
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = _element("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:w"), str(sum(widths) * 1440 // 914400))
    width.set(qn("w:type"), "dxa")
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = column_width
        for cell in column.cells:
            cell.width = column_width
    _no_borders(table)
    margins = _element("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(_element(f"w:{side}", w=str(cell_margin * 1440 // 914400), type="dxa"))
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)
    return table


def _keep_rows_whole(table) -> None:
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:cantSplit")) is None:
            tr_pr.insert(0, _element("w:cantSplit"))


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


# -------------------------------------------------------------------------- parts


def _setup(document, pledge: PledgeDocument, title: str) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = PAGE_WIDTH
    section.page_height = PAGE_HEIGHT
    section.top_margin = MARGIN_TOP
    section.bottom_margin = MARGIN_BOTTOM
    section.left_margin = MARGIN_LEFT
    section.right_margin = MARGIN_RIGHT

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

    # Decree 30: page numbers centred in the top margin, not shown on the first page.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    number = header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number.paragraph_format.space_after = Pt(0)
    _page_number_field(number)

    properties = document.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    properties.title = title
    properties.subject = _one_line(pledge.cluster_name)
    properties.author = _one_line(pledge.cluster_name)
    properties.last_modified_by = _one_line(pledge.cluster_name)
    properties.language = LANGUAGE
    properties.keywords = "giao ước thi đua"
    properties.comments = ""
    properties.created = now
    properties.modified = now
    properties.revision = 1


def _cell_paragraph(cell, text: str = "", *, bold=False, italic=False, size=None, first=False):
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size is not None:
            run.font.size = size
    return paragraph


def _heading(document, pledge: PledgeDocument) -> None:
    table = _fixed_table(document, 1, [HEADING_LEFT_WIDTH, HEADING_RIGHT_WIDTH], cell_margin=0)
    left, right = table.rows[0].cells

    cluster = _lines(pledge.cluster_name)
    for index, line in enumerate(cluster or [""]):
        _cell_paragraph(left, line.upper(), bold=True, first=index == 0)
    if cluster:
        _rule(left.add_paragraph(), BODY_RULE_LENGTH, HEADING_LEFT_WIDTH)

    _cell_paragraph(right, NATIONAL_NAME, bold=True, size=NATIONAL_NAME_SIZE, first=True)
    _cell_paragraph(right, MOTTO, bold=True, size=BODY_SIZE)
    _rule(right.add_paragraph(), MOTTO_RULE_LENGTH, HEADING_RIGHT_WIDTH)
    _keep_rows_whole(table)

    date_line = document.add_paragraph()
    date_line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    date_line.paragraph_format.space_before = Pt(6)
    date_line.add_run(vietnamese_date_line(pledge.place_name, pledge.signing_date)).italic = True


def _title(document, title: str, theme: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(18)
    fmt.space_after = Pt(6) if theme else Pt(12)
    fmt.keep_with_next = True
    run = paragraph.add_run(title.upper())
    run.bold = True
    run.font.size = TITLE_SIZE
    if theme:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(12)
        paragraph.add_run(theme).italic = True


def _body(document, text: str, *, italic=False, bold=False, indent=None, keep_with_next=False):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = FIRST_LINE_INDENT
    if indent is not None:
        fmt.left_indent = indent
    fmt.keep_with_next = keep_with_next or None
    run = paragraph.add_run(text)
    run.italic = italic or None
    run.bold = bold or None
    return paragraph


def _commitments(document, commitments: list[CommitmentLine]) -> None:
    heading = _body(document, CONTENTS_HEADING, bold=True, keep_with_next=True)
    heading.alignment = WD_ALIGN_PARAGRAPH.LEFT
    heading.paragraph_format.space_before = Pt(6)
    number = 0
    for commitment in commitments:
        lines = _lines(commitment.content)
        targets = _lines(commitment.target)
        if not lines and not targets:
            continue
        number += 1
        lines = lines or [""]
        lines[0] = f"{number}. {lines[0]}".rstrip()
        for index, line in enumerate(lines):
            # Keep the number with the rest of its content and with its target.
            last = index == len(lines) - 1
            _body(document, line, keep_with_next=not last or bool(targets))
        if targets:
            targets[0] = TARGET_LABEL + targets[0]
            for line in targets:
                _body(document, line, italic=True, indent=FIRST_LINE_INDENT)


def _signatures(document, signatures: list[SignatureBlock]) -> None:
    if not signatures:
        return
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_before = Pt(12)
    heading.paragraph_format.space_after = Pt(12)
    heading.paragraph_format.keep_with_next = True
    heading.add_run(SIGNATURES_HEADING).bold = True

    columns = min(SIGNATURE_COLUMNS, len(signatures))
    rows = -(-len(signatures) // columns)
    width = TEXT_WIDTH // columns
    table = _fixed_table(document, rows, [width] * columns, cell_margin=Mm(1))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, block in enumerate(signatures):
        cell = table.cell(index // columns, index % columns)
        unit = _lines(block.unit_name) or [BLANK]
        for line_index, line in enumerate(unit):
            _cell_paragraph(cell, line.upper(), bold=True, first=line_index == 0)
        for line in _lines(block.position) or [BLANK]:
            _cell_paragraph(cell, line.upper(), bold=True)
        for _ in range(SIGNATURE_ROOM_PARAGRAPHS):  # about 27 mm for signature and seal
            room = _cell_paragraph(cell).paragraph_format
            room.line_spacing = 1.5
            room.space_after = Pt(6)
        name = _cell_paragraph(cell, _one_line(block.signatory_name) or BLANK, bold=True)
        name.paragraph_format.space_after = Pt(18)
    _keep_rows_whole(table)


def pledge_docx(document: PledgeDocument) -> bytes:
    """The pledge as ``.docx`` bytes, laid out for printing and signing."""
    title = _one_line(document.title) or f"Giao ước thi đua năm {document.year}"
    cluster_name = _one_line(document.cluster_name)
    word = Document()
    _setup(word, document, title)
    _heading(word, document)
    _title(word, title, _theme_line(_one_line(document.theme)))
    for paragraph in _lines(document.preamble):
        _body(word, paragraph)
    opening = _opening_sentence(cluster_name, document.signing_date, _one_line(document.venue))
    if opening:
        _body(word, opening)
    _commitments(word, list(document.commitments))
    _body(word, CLOSING)
    _signatures(word, list(document.signatures))

    output = BytesIO()
    word.save(output)
    return output.getvalue()
