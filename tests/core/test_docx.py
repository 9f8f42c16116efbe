"""The Decree 30 building blocks of Word documents: plain data in, python-docx objects out."""

from datetime import date
from io import BytesIO

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from core.docx import (
    Heading,
    clean,
    date_phrase,
    grid_table,
    heading_block,
    lines,
    new_document,
    one_line,
    signature_room,
    to_bytes,
)


def document_with(heading: Heading):
    document = new_document(title="Tài liệu", author="Cụm Thi đua số 2", keywords="thử")
    heading_block(document, heading)
    return docx.Document(BytesIO(to_bytes(document)))


def mm(*lengths) -> list[int]:
    """Lengths in whole millimetres (Word stores them in twips, a little off an EMU)."""
    return [round(length.mm) for length in lengths]


def issuing_body(document) -> list[tuple[str, bool | None, bool]]:
    """The left heading cell, paragraph by paragraph: (text, bold, drawn as a rule)."""
    cell = document.tables[0].rows[0].cells[0]
    return [
        (
            paragraph.text,
            paragraph.runs[0].bold if paragraph.runs else None,
            paragraph._p.find(".//" + qn("w:pBdr")) is not None,
        )
        for paragraph in cell.paragraphs
    ]


# ------------------------------------------------------------------------------ text


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 1, 1), "ngày 01 tháng 01 năm 2025"),
        (date(2025, 2, 9), "ngày 09 tháng 02 năm 2025"),
        (date(2025, 3, 10), "ngày 10 tháng 3 năm 2025"),
        (date(2025, 12, 31), "ngày 31 tháng 12 năm 2025"),
        (None, "ngày ... tháng ... năm ..."),
    ],
)
def test_date_phrase_pads_days_below_ten_and_months_below_three(day, expected):
    assert date_phrase(day) == expected


def test_clean_drops_xml_illegal_characters_and_keeps_tabs_and_line_breaks():
    assert clean("\x00A\x08\tB\x0b\x0c\x1f\r\nC\rD\ufffe\uffff ") == "A\tB\nC\nD"


def test_clean_composes_vietnamese_letters():
    decomposed = "Thanh tra\u0301"  # "a" + combining acute accent
    assert clean(decomposed) == "Thanh trá"
    assert len(clean(decomposed)) == len("Thanh trá")


def test_lines_and_one_line_collapse_spaces_and_blank_lines():
    text = "  Cụm   Thi đua\n\n\x0b\n số 2 "
    assert lines(text) == ["Cụm Thi đua", "số 2"]
    assert one_line(text) == "Cụm Thi đua số 2"
    assert lines(None) == []


# --------------------------------------------------------------------------- heading


def test_heading_issuer_lines_are_bold_upper_case_above_a_rule():
    document = document_with(Heading(issuer="Cụm Thi đua số 2\nkhu vực phía Bắc"))
    assert issuing_body(document) == [
        ("CỤM THI ĐUA SỐ 2", True, False),
        ("KHU VỰC PHÍA BẮC", True, False),
        ("", None, True),
    ]


def test_heading_without_issuer_has_no_rule():
    assert issuing_body(document_with(Heading(issuer=" \n "))) == [("", None, False)]


def test_heading_parent_above_issuer_and_number_under_the_rule():
    heading = Heading(
        issuer="Thanh tra tỉnh Hà Nam", parent="Cụm Thi đua số 2", number="Số: …/TTr-CTĐ"
    )
    assert issuing_body(document_with(heading)) == [
        ("CỤM THI ĐUA SỐ 2", None, False),
        ("THANH TRA TỈNH HÀ NAM", True, False),
        ("", None, True),
        ("Số: …/TTr-CTĐ", None, False),
    ]


def test_heading_national_heading_opposite_the_issuer():
    right = document_with(Heading(issuer="Cụm")).tables[0].rows[0].cells[1]
    assert [paragraph.text for paragraph in right.paragraphs] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "",
    ]


@pytest.mark.parametrize(
    ("place_name", "day", "expected"),
    [
        ("Hà Nam", date(2019, 3, 11), "Hà Nam, ngày 11 tháng 3 năm 2019"),
        ("Hà Nam", None, "Hà Nam, ngày ... tháng ... năm ..."),
        (" ", date(2019, 3, 11), "........, ngày 11 tháng 3 năm 2019"),
        ("", None, "........, ngày ... tháng ... năm ..."),
    ],
)
def test_heading_place_and_date_line_is_dotted_where_missing(place_name, day, expected):
    document = document_with(Heading(issuer="Cụm", place_name=place_name, day=day))
    date_line = document.paragraphs[0]
    assert date_line.text == expected
    assert date_line.runs[0].italic


def test_heading_tolerates_xml_illegal_characters():
    document = document_with(Heading(issuer="Cụm\x01 Thi đua\x0b", place_name="Hà\x1f Nam"))
    assert issuing_body(document)[0][0] == "CỤM THI ĐUA"
    assert document.paragraphs[0].text.startswith("Hà Nam, ")


# ---------------------------------------------------------------------------- document


def test_new_document_is_portrait_a4_with_binding_margin():
    section = new_document(title="T", author="A", keywords="K").sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert mm(section.page_width, section.page_height) == [210, 297]
    assert mm(section.left_margin, section.right_margin) == [30, 15]


def test_new_document_landscape_turns_the_page_with_even_side_margins():
    document = new_document(title="T", author="A", keywords="K", landscape=True)
    section = docx.Document(BytesIO(to_bytes(document))).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert mm(section.page_width, section.page_height) == [297, 210]
    assert mm(section.left_margin, section.right_margin) == [20, 20]
    assert mm(section.top_margin, section.bottom_margin) == [20, 20]


def test_new_document_properties_name_the_issuing_body():
    document = new_document(
        title="Biên bản", author=" Cụm Thi đua\nsố 2 ", keywords="biên bản bình xét"
    )
    properties = docx.Document(BytesIO(to_bytes(document))).core_properties
    assert properties.title == "Biên bản"
    assert properties.author == "Cụm Thi đua số 2"
    assert properties.subject == "Cụm Thi đua số 2"
    assert properties.keywords == "biên bản bình xét"
    assert properties.language == "vi-VN"


def test_grid_table_has_a_bold_header_row_of_the_given_widths():
    document = new_document(title="T", author="A", keywords="K")
    table = grid_table(document, ["STT", "Tên"], [Mm(12), Mm(60)])
    header = table.rows[0].cells
    assert [cell.text for cell in header] == ["STT", "Tên"]
    assert all(cell.paragraphs[0].runs[0].bold for cell in header)
    assert mm(*(cell.width for cell in header)) == [12, 60]
    assert table.style.name == "Table Grid"


def test_signature_room_adds_three_empty_paragraphs():
    document = new_document(title="T", author="A", keywords="K")
    cell = grid_table(document, ["Chủ trì"], [Mm(60)]).rows[0].cells[0]
    signature_room(cell)
    room = cell.paragraphs[1:]
    assert [paragraph.text for paragraph in room] == ["", "", ""]
    assert all(paragraph.paragraph_format.line_spacing == 1.5 for paragraph in room)


def test_content_widths_fit_short_tables_and_share_the_room_of_long_ones():
    from core.docx import CHAR_WIDTH, TEXT_WIDTH, content_widths

    short = content_widths(["STT", "Tên"], [["1", "Thanh tra tỉnh Hà Nam"]], TEXT_WIDTH)
    assert sum(short) < TEXT_WIDTH and short[1] > short[0]
    long_text = "thành tích xuất sắc " * 40
    wide = content_widths(["STT", "Tên", "Tóm tắt"], [["1", "Nguyễn Văn A", long_text]], TEXT_WIDTH)
    assert sum(wide) <= TEXT_WIDTH and sum(wide) > TEXT_WIDTH * 0.99
    assert wide[1] >= len("Nguyễn") * CHAR_WIDTH  # no word is ever broken
    assert wide[2] == max(wide)


def test_repeat_header_row_marks_only_the_first_row():
    from docx import Document
    from docx.oxml.ns import qn

    from core.docx import repeat_header_row

    table = Document().add_table(rows=3, cols=2)
    repeat_header_row(table)
    marked = [
        row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in table.rows
    ]
    assert marked == [True, False, False]
