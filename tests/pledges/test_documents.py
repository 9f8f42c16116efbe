"""The pledge as a Word document: plain data in, .docx bytes out, no database."""

import zipfile
from datetime import date
from io import BytesIO

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from core.docx import vietnamese_date_line
from pledges.documents import (
    CommitmentLine,
    PledgeDocument,
    SignatureBlock,
    pledge_docx,
)

MOTTO = "Độc lập - Tự do - Hạnh phúc"

PROVINCES = [
    ("Hưng Yên", "Nguyễn Văn An"),
    ("Hà Nam", "Trần Thị Bình"),
    ("Hải Dương", "Lê Văn Cường"),
    ("Bắc Ninh", "Phạm Minh Đức"),
    ("Thái Bình", "Hoàng Văn Em"),
    ("Vĩnh Phúc", "Vũ Thị Giang"),
    ("Nam Định", "Đặng Quốc Hùng"),
    ("Quảng Ninh", "Bùi Thị Khánh"),
    ("Ninh Bình", "Đỗ Văn Long"),
]

COMMITMENTS = [
    CommitmentLine(
        "Thực hiện tốt công tác thanh tra theo kế hoạch được phê duyệt.",
        "Hoàn thành 100% số cuộc thanh tra theo kế hoạch",
    ),
    CommitmentLine(
        "Tiếp công dân, giải quyết khiếu nại, tố cáo đúng quy định.",
        "Giải quyết trên 85% số vụ việc thuộc thẩm quyền",
    ),
    CommitmentLine("Đẩy mạnh công tác phòng, chống tham nhũng, tiêu cực.", ""),
    CommitmentLine(
        "Theo dõi, đôn đốc thực hiện kết luận thanh tra.\n"
        "Kiên quyết xử lý sau thanh tra đối với các trường hợp chậm thực hiện.",
        "Thu hồi trên 90% số tiền sai phạm phải thu hồi",
    ),
    CommitmentLine("Xây dựng lực lượng thanh tra trong sạch, vững mạnh.", ""),
    CommitmentLine(
        "Thực hiện tốt công tác thi đua, khen thưởng và phong trào thi đua của Cụm.",
        "100% cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên",
    ),
    CommitmentLine("Ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động thanh tra.", ""),
]


def signatures(unsigned_last=False):
    blocks = [
        SignatureBlock(f"Thanh tra tỉnh {province}", "Chánh Thanh tra", name, True)
        for province, name in PROVINCES
    ]
    if unsigned_last:
        blocks[-1] = SignatureBlock("Thanh tra tỉnh Ninh Bình", "", "", False)
    return blocks


def make_pledge(**changes):
    values = {
        "cluster_name": "Cụm Thi đua số 2",
        "year": 2019,
        "title": "Giao ước thi đua năm 2019",
        "theme": "Đoàn kết, kỷ cương, trách nhiệm, hiệu quả",
        "preamble": (
            "Thực hiện Kế hoạch công tác thi đua, khen thưởng năm 2019 của Thanh tra Chính phủ.\n"
            "\n"
            "Nhằm tạo khí thế thi đua sôi nổi, hoàn thành xuất sắc nhiệm vụ được giao."
        ),
        "place_name": "Hà Nam",
        "signing_date": date(2019, 3, 11),
        "venue": "Thanh tra tỉnh Hà Nam",
        "commitments": COMMITMENTS,
        "signatures": signatures(),
    }
    values.update(changes)
    return PledgeDocument(**values)


def open_docx(pledge):
    return docx.Document(BytesIO(pledge_docx(pledge)))


def body_texts(document):
    return [paragraph.text for paragraph in document.paragraphs]


def cell_texts(cell):
    return [paragraph.text for paragraph in cell.paragraphs]


# ------------------------------------------------------------------ date line


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 3, 11), "Hà Nam, ngày 11 tháng 3 năm 2019"),
        (date(2024, 7, 5), "Hà Nam, ngày 05 tháng 7 năm 2024"),
        (date(2025, 1, 1), "Hà Nam, ngày 01 tháng 01 năm 2025"),
        (date(2025, 2, 5), "Hà Nam, ngày 05 tháng 02 năm 2025"),
        (date(2025, 12, 31), "Hà Nam, ngày 31 tháng 12 năm 2025"),
        (date(2025, 10, 9), "Hà Nam, ngày 09 tháng 10 năm 2025"),
    ],
)
def test_date_line_leading_zero_convention(day, expected):
    assert vietnamese_date_line("Hà Nam", day) == expected


def test_date_line_without_date_is_dotted():
    assert vietnamese_date_line("Hà Nam", None) == "Hà Nam, ngày ... tháng ... năm ..."


def test_date_line_without_place_is_dotted():
    assert vietnamese_date_line("", date(2019, 3, 11)) == "........, ngày 11 tháng 3 năm 2019"
    assert vietnamese_date_line("  ", None) == "........, ngày ... tháng ... năm ..."


def test_date_line_strips_the_place():
    assert vietnamese_date_line(" Hà Nam \n", date(2019, 3, 11)) == (
        "Hà Nam, ngày 11 tháng 3 năm 2019"
    )


# ------------------------------------------------------------------- document


def test_file_is_a_docx_zip_and_keeps_diacritics():
    data = pledge_docx(make_pledge())
    assert data[:4] == b"PK\x03\x04"
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert "word/document.xml" in archive.namelist()
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "Độc lập - Tự do - Hạnh phúc" in xml
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in xml
    assert "THANH TRA TỈNH VĨNH PHÚC" in xml


def test_heading_table_has_cluster_and_national_heading():
    document = open_docx(make_pledge())
    heading = document.tables[0]
    assert len(heading.columns) == 2
    left, right = heading.rows[0].cells
    assert cell_texts(left)[0] == "CỤM THI ĐUA SỐ 2"
    assert left.paragraphs[0].runs[0].bold
    assert cell_texts(right)[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", MOTTO]
    assert all(paragraph.runs[0].bold for paragraph in right.paragraphs[:2])
    # Short lines under the cluster name and under the motto.
    assert left.paragraphs[-1]._p.find(".//" + qn("w:pBdr")) is not None
    assert right.paragraphs[-1]._p.find(".//" + qn("w:pBdr")) is not None
    # Borderless.
    borders = heading._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_date_line_title_and_theme():
    document = open_docx(make_pledge())
    paragraphs = document.paragraphs
    texts = body_texts(document)
    date_line = paragraphs[texts.index("Hà Nam, ngày 11 tháng 3 năm 2019")]
    assert date_line.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert all(run.italic for run in date_line.runs)

    title = paragraphs[texts.index("GIAO ƯỚC THI ĐUA NĂM 2019")]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].bold
    assert title.runs[0].font.size.pt == 14
    assert texts.index("GIAO ƯỚC THI ĐUA NĂM 2019") > texts.index(
        "Hà Nam, ngày 11 tháng 3 năm 2019"
    )

    theme = paragraphs[texts.index("Chủ đề: “Đoàn kết, kỷ cương, trách nhiệm, hiệu quả”")]
    assert theme.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert theme.runs[0].italic


def test_opening_sentence_and_preamble():
    texts = body_texts(open_docx(make_pledge()))
    assert (
        "Hôm nay, ngày 11 tháng 3 năm 2019, tại Thanh tra tỉnh Hà Nam, các đơn vị thành viên "
        "Cụm Thi đua số 2 cùng ký kết giao ước thi đua với các nội dung sau:"
    ) in texts
    assert (
        "Thực hiện Kế hoạch công tác thi đua, khen thưởng năm 2019 của Thanh tra Chính phủ."
        in texts
    )
    assert "Nhằm tạo khí thế thi đua sôi nổi, hoàn thành xuất sắc nhiệm vụ được giao." in texts
    # The preamble leads to the sentence, whose colon introduces the contents.
    opening = next(i for i, text in enumerate(texts) if text.startswith("Hôm nay"))
    assert texts[opening - 1].startswith("Nhằm tạo khí thế")
    assert texts[opening + 1] == "NỘI DUNG GIAO ƯỚC"
    assert "" not in texts[texts.index("GIAO ƯỚC THI ĐUA NĂM 2019") :]


def test_opening_sentence_adapts_to_missing_date_or_venue():
    texts = body_texts(open_docx(make_pledge(venue="")))
    assert (
        "Hôm nay, ngày 11 tháng 3 năm 2019, các đơn vị thành viên Cụm Thi đua số 2 "
        "cùng ký kết giao ước thi đua với các nội dung sau:"
    ) in texts
    texts = body_texts(open_docx(make_pledge(signing_date=None)))
    assert (
        "Tại Thanh tra tỉnh Hà Nam, các đơn vị thành viên Cụm Thi đua số 2 "
        "cùng ký kết giao ước thi đua với các nội dung sau:"
    ) in texts
    assert "Hà Nam, ngày ... tháng ... năm ..." in texts
    texts = body_texts(open_docx(make_pledge(signing_date=None, venue="", theme="")))
    assert not [text for text in texts if "cùng ký kết" in text]
    assert not [text for text in texts if text.startswith("Chủ đề")]


def test_commitments_are_numbered_in_order_with_their_targets():
    document = open_docx(make_pledge())
    paragraphs = document.paragraphs
    texts = body_texts(document)
    start = texts.index("NỘI DUNG GIAO ƯỚC")
    assert paragraphs[start].runs[0].bold
    expected = [
        "1. Thực hiện tốt công tác thanh tra theo kế hoạch được phê duyệt.",
        "Chỉ tiêu: Hoàn thành 100% số cuộc thanh tra theo kế hoạch",
        "2. Tiếp công dân, giải quyết khiếu nại, tố cáo đúng quy định.",
        "Chỉ tiêu: Giải quyết trên 85% số vụ việc thuộc thẩm quyền",
        "3. Đẩy mạnh công tác phòng, chống tham nhũng, tiêu cực.",
        "4. Theo dõi, đôn đốc thực hiện kết luận thanh tra.",
        "Kiên quyết xử lý sau thanh tra đối với các trường hợp chậm thực hiện.",
        "Chỉ tiêu: Thu hồi trên 90% số tiền sai phạm phải thu hồi",
        "5. Xây dựng lực lượng thanh tra trong sạch, vững mạnh.",
        "6. Thực hiện tốt công tác thi đua, khen thưởng và phong trào thi đua của Cụm.",
        "Chỉ tiêu: 100% cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên",
        "7. Ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động thanh tra.",
        "Các đơn vị thành viên cam kết thực hiện tốt các nội dung giao ước thi đua trên.",
        "ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC",
    ]
    assert texts[start + 1 : start + 1 + len(expected)] == expected
    for offset, text in enumerate(expected[:-2], start=start + 1):
        paragraph = paragraphs[offset]
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        if text.startswith("Chỉ tiêu: "):
            assert all(run.italic for run in paragraph.runs)
            assert paragraph.paragraph_format.left_indent > 0
        else:
            assert not any(run.italic for run in paragraph.runs)
    # Written numbers, not Word numbering.
    assert document.element.body.find(".//" + qn("w:numPr")) is None


def test_signature_table_has_one_cell_per_unit():
    document = open_docx(make_pledge())
    texts = body_texts(document)
    heading = document.paragraphs[texts.index("ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC")]
    assert heading.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert heading.runs[0].bold

    table = document.tables[1]
    assert len(table.rows) == 3
    assert len(table.columns) == 3
    cells = [cell for row in table.rows for cell in row.cells]
    assert len(cells) == 9
    for cell, (province, name) in zip(cells, PROVINCES, strict=True):
        lines = cell_texts(cell)
        assert lines[0] == f"THANH TRA TỈNH {province}".upper()
        assert lines[1] == "CHÁNH THANH TRA"
        assert lines[2:5] == ["", "", ""]  # room for the signature and the seal
        assert lines[5] == name
        assert cell.paragraphs[0].runs[0].bold
        assert cell.paragraphs[5].runs[0].bold
        assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in cell.paragraphs)
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_unsigned_block_shows_dots():
    table = open_docx(make_pledge(signatures=signatures(unsigned_last=True))).tables[1]
    lines = cell_texts(table.cell(2, 2))
    assert lines[0] == "THANH TRA TỈNH NINH BÌNH"
    assert lines[1] == "............"
    assert lines[-1] == "............"


@pytest.mark.parametrize(("count", "rows", "columns"), [(1, 1, 1), (2, 1, 2), (4, 2, 3)])
def test_fewer_signatures_use_fewer_cells(count, rows, columns):
    pledge = make_pledge(signatures=signatures()[:count])
    table = open_docx(pledge).tables[1]
    assert (len(table.rows), len(table.columns)) == (rows, columns)
    filled = [cell for row in table.rows for cell in row.cells if cell.text.strip()]
    assert len(filled) == count


def test_no_signatures_no_signature_section():
    document = open_docx(make_pledge(signatures=[]))
    assert len(document.tables) == 1
    assert "ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC" not in body_texts(document)


def test_page_is_a4_with_administrative_margins():
    section = open_docx(make_pledge()).sections[0]
    for value, expected in [
        (section.page_width, 210),
        (section.page_height, 297),
        (section.top_margin, 20),
        (section.bottom_margin, 20),
        (section.left_margin, 30),
        (section.right_margin, 15),
    ]:
        assert value.mm == pytest.approx(expected, abs=0.1)


def test_normal_style_is_times_new_roman_13_in_vietnamese():
    document = open_docx(make_pledge())
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 13
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(qn(f"w:{script}")) == "Times New Roman"
    assert not [name for name in fonts.attrib if name.endswith("Theme")]
    assert normal.element.rPr.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    assert normal.paragraph_format.line_spacing == pytest.approx(1.15)
    assert normal.paragraph_format.space_after.pt == 6


def test_core_properties():
    properties = open_docx(make_pledge()).core_properties
    assert properties.title == "Giao ước thi đua năm 2019"
    assert properties.language == "vi-VN"


def test_page_numbers_from_the_second_page():
    section = open_docx(make_pledge()).sections[0]
    assert section.different_first_page_header_footer
    instructions = section.header._element.findall(".//" + qn("w:instrText"))
    assert [instruction.text.strip() for instruction in instructions] == ["PAGE"]
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not section.first_page_header._element.findall(".//" + qn("w:instrText"))


def test_messy_input_is_tolerated():
    pledge = make_pledge(
        cluster_name="",
        title="",
        theme="“Đoàn kết”",
        preamble="",
        place_name="",
        signing_date=None,
        venue="",
        commitments=[
            CommitmentLine("Nội dung\x0b có ký tự lạ\r\n\r\nvà dòng trống", "  "),
            CommitmentLine("", ""),
        ],
        signatures=[SignatureBlock("Thanh tra\u0301 tỉnh Hà Nam", "", "", False)],
    )
    document = open_docx(pledge)
    texts = body_texts(document)
    assert "GIAO ƯỚC THI ĐUA NĂM 2019" in texts
    assert "Chủ đề: “Đoàn kết”" in texts
    assert "........, ngày ... tháng ... năm ..." in texts
    assert "1. Nội dung có ký tự lạ" in texts
    assert "và dòng trống" in texts
    assert not [text for text in texts if text.startswith(("2. ", "Chỉ tiêu"))]
    assert document.tables[1].cell(0, 0).paragraphs[0].text == "THANH TRÁ TỈNH HÀ NAM"
