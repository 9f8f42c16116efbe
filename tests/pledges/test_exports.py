"""The consolidated table of title registrations as .xlsx (plain data, no database)."""

import dataclasses
from datetime import UTC, date, datetime
from io import BytesIO

from django.utils import timezone
from openpyxl import load_workbook

from pledges.exports import (
    ConsolidatedTable,
    ItemRow,
    TitleColumn,
    UnitRow,
    registrations_workbook,
)

LABELS = {
    "summary_sheet": "Tổng hợp",
    "items_sheet": "Chi tiết",
    "missing_sheet": "Chưa đăng ký",
    "unit": "Đơn vị",
    "status": "Trạng thái",
    "submitted_at": "Ngày nộp",
    "total": "Tổng cộng",
    "person": "Họ và tên",
    "title": "Danh hiệu",
    "recipient": "Đối tượng",
    "note": "Ghi chú",
    "deadline": "Hạn đăng ký",
    "person_kind": "Cá nhân",
    "collective_kind": "Tập thể",
    "no_missing": "Tất cả đơn vị đã đăng ký",
}

TITLES = [
    TitleColumn("LDTT:person", "Lao động tiên tiến", "person"),
    TitleColumn("CSTDCS:person", "Chiến sĩ thi đua cơ sở", "person"),
    TitleColumn("BK:person", "Bằng khen của Tổng Thanh tra Chính phủ", "person"),
    TitleColumn("TTLDTT:collective", "Tập thể lao động tiên tiến", "collective"),
    TitleColumn("TTLDXS:collective", "Tập thể lao động xuất sắc", "collective"),
]

UNITS = [
    UnitRow(
        "Thanh tra tỉnh Bắc Ninh",
        "Đã nộp",
        # 02:30 UTC is 09:30 in Hanoi.
        datetime(2025, 3, 10, 2, 30, tzinfo=UTC),
        {"LDTT:person": 12, "CSTDCS:person": 3, "BK:person": 1, "TTLDTT:collective": 1},
    ),
    UnitRow(
        "=Thanh tra tỉnh Hà Nam",
        "Đã duyệt",
        datetime(2025, 3, 12, 16, 5),
        {"LDTT:person": 20, "CSTDCS:person": 4, "TTLDXS:collective": 1},
    ),
    UnitRow("Thanh tra tỉnh Hưng Yên", "Bản nháp", None, {"LDTT:person": 5}),
    UnitRow("Thanh tra tỉnh Thái Bình", "", None, {t.key: 0 for t in TITLES}),
]

ITEMS = [
    ItemRow(
        "Thanh tra tỉnh Bắc Ninh",
        "Nguyễn Thị Hằng",
        "Chiến sĩ thi đua cơ sở",
        "person",
        "Sáng kiến cấp cơ sở năm 2024",
    ),
    ItemRow(
        "Thanh tra tỉnh Bắc Ninh",
        "Trần Văn Đức",
        "Bằng khen của Tổng Thanh tra Chính phủ",
        "person",
        "",
    ),
    ItemRow("Thanh tra tỉnh Bắc Ninh", "", "Tập thể lao động tiên tiến", "collective", ""),
    ItemRow(
        "=Thanh tra tỉnh Hà Nam",
        "",
        "Tập thể lao động xuất sắc",
        "collective",
        "+Hồ sơ gửi kèm",
    ),
    ItemRow("=Thanh tra tỉnh Hà Nam", "-Lê Minh Châu", "Lao động tiên tiến", "person", "@TCCB"),
]

TABLE = ConsolidatedTable(
    round_title="Đăng ký thi đua năm 2025 – Cụm Thi đua số 2",
    deadline=date(2025, 3, 31),
    titles=TITLES,
    units=UNITS,
    not_registered=["Thanh tra tỉnh Thái Bình"],
    items=ITEMS,
    labels=LABELS,
)


def _open(table=TABLE, **kwargs):
    return load_workbook(BytesIO(registrations_workbook(table)), **kwargs)


def _row(sheet, row):
    return [cell.value for cell in sheet[row]]


def test_sheet_names():
    assert _open().sheetnames == ["Tổng hợp", "Chi tiết", "Chưa đăng ký"]


def test_sheet_names_lose_characters_excel_refuses():
    labels = {**LABELS, "summary_sheet": "Tổng hợp: 2025/2026", "items_sheet": "x" * 40}
    workbook = _open(dataclasses.replace(TABLE, labels=labels))
    assert workbook.sheetnames == ["Tổng hợp 2025 2026", "x" * 31, "Chưa đăng ký"]


def test_summary_round_title_and_deadline():
    sheet = _open()["Tổng hợp"]
    assert sheet["A1"].value == "Đăng ký thi đua năm 2025 – Cụm Thi đua số 2"
    assert sheet["A1"].font.b is True
    assert sheet["A2"].value == "Hạn đăng ký: 31/03/2025"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A1:J1" in merged
    # The export date at the right end of the deadline's row, as a document's date line.
    assert timezone.localdate().strftime("%d/%m/%Y") in sheet["J2"].value


def test_summary_headers():
    sheet = _open()["Tổng hợp"]
    assert _row(sheet, 3) == [
        "#",
        "Đơn vị",
        "Trạng thái",
        "Ngày nộp",
        "Lao động tiên tiến",
        "Chiến sĩ thi đua cơ sở",
        "Bằng khen của Tổng Thanh tra Chính phủ",
        "Tập thể lao động tiên tiến",
        "Tập thể lao động xuất sắc",
        "Tổng cộng",
    ]
    # The recipient kind of each title sits in a second header row below its name.
    assert _row(sheet, 4) == [
        None,
        None,
        None,
        None,
        "Cá nhân",
        "Cá nhân",
        "Cá nhân",
        "Tập thể",
        "Tập thể",
        None,
    ]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert merged == {"A1:J1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "J3:J4"}
    for coordinate in [f"{column}3" for column in "ABCDEFGHIJ"] + ["E4", "F4", "G4", "H4", "I4"]:
        assert sheet[coordinate].font.b is True
        assert sheet[coordinate].alignment.wrap_text is True


def test_summary_unit_counts():
    sheet = _open()["Tổng hợp"]
    rows = [_row(sheet, row) for row in (5, 6, 7, 8)]
    assert [row[:3] + row[4:] for row in rows] == [
        [1, "Thanh tra tỉnh Bắc Ninh", "Đã nộp", 12, 3, 1, 1, 0, 17],
        [2, "=Thanh tra tỉnh Hà Nam", "Đã duyệt", 20, 4, 0, 0, 1, 25],
        [3, "Thanh tra tỉnh Hưng Yên", "Bản nháp", 5, 0, 0, 0, 0, 5],
        [4, "Thanh tra tỉnh Thái Bình", None, 0, 0, 0, 0, 0, 0],
    ]
    for row in (5, 6, 7, 8):
        for column in "EFGHIJ":
            assert sheet[f"{column}{row}"].data_type == "n"


def test_summary_totals_row_holds_plain_numbers():
    for workbook in (_open(), _open(data_only=True)):
        sheet = workbook["Tổng hợp"]
        assert _row(sheet, 9) == [None, "Tổng cộng", None, None, 37, 7, 1, 1, 1, 47]
        assert sheet.max_row == 9
        for column in "EFGHIJ":
            assert sheet[f"{column}9"].data_type == "n"
            assert sheet[f"{column}9"].font.b is True
        assert sheet["B9"].font.b is True


def test_summary_no_formulas_anywhere():
    workbook = _open()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate


def test_submitted_at_is_a_local_date_time_cell():
    sheet = _open()["Tổng hợp"]
    aware, naive, draft, missing = sheet["D5"], sheet["D6"], sheet["D7"], sheet["D8"]
    assert aware.value == datetime(2025, 3, 10, 9, 30)
    assert aware.is_date is True
    assert aware.number_format == "dd/mm/yyyy hh:mm"
    assert naive.value == datetime(2025, 3, 12, 16, 5)
    assert naive.is_date is True
    assert naive.number_format == "dd/mm/yyyy hh:mm"
    assert draft.value is None
    assert missing.value is None


def test_frozen_panes():
    workbook = _open()
    assert workbook["Tổng hợp"].freeze_panes == "C5"
    assert workbook["Chi tiết"].freeze_panes == "A2"
    assert workbook["Chưa đăng ký"].freeze_panes == "A2"


def test_column_widths():
    sheet = _open()["Tổng hợp"]
    assert sheet.column_dimensions["A"].width == 5
    # The longest unit name ("Thanh tra tỉnh Thái Bình", 24 characters) + 2.
    assert sheet.column_dimensions["B"].width == 26
    assert sheet.column_dimensions["D"].width == 18
    for column in "EFGHI":
        assert sheet.column_dimensions[column].width == 14
    assert sheet.column_dimensions["J"].width == len("Tổng cộng") + 2  # sized to its header


def test_items_sheet():
    sheet = _open()["Chi tiết"]
    assert _row(sheet, 1) == ["Đơn vị", "Họ và tên", "Danh hiệu", "Đối tượng", "Ghi chú"]
    assert all(cell.font.b for cell in sheet[1])
    assert [_row(sheet, row) for row in range(2, sheet.max_row + 1)] == [
        [
            "Thanh tra tỉnh Bắc Ninh",
            "Nguyễn Thị Hằng",
            "Chiến sĩ thi đua cơ sở",
            "Cá nhân",
            "Sáng kiến cấp cơ sở năm 2024",
        ],
        [
            "Thanh tra tỉnh Bắc Ninh",
            "Trần Văn Đức",
            "Bằng khen của Tổng Thanh tra Chính phủ",
            "Cá nhân",
            None,
        ],
        ["Thanh tra tỉnh Bắc Ninh", None, "Tập thể lao động tiên tiến", "Tập thể", None],
        ["=Thanh tra tỉnh Hà Nam", None, "Tập thể lao động xuất sắc", "Tập thể", "+Hồ sơ gửi kèm"],
        ["=Thanh tra tỉnh Hà Nam", "-Lê Minh Châu", "Lao động tiên tiến", "Cá nhân", "@TCCB"],
    ]


def test_missing_sheet():
    sheet = _open()["Chưa đăng ký"]
    assert [_row(sheet, row) for row in range(1, sheet.max_row + 1)] == [
        ["Đơn vị"],
        ["Thanh tra tỉnh Thái Bình"],
    ]
    assert sheet["A1"].font.b is True


def test_missing_sheet_when_every_unit_registered():
    table = dataclasses.replace(TABLE, units=UNITS[:3], not_registered=[])
    sheet = _open(table)["Chưa đăng ký"]
    assert [_row(sheet, row) for row in range(1, sheet.max_row + 1)] == [
        ["Đơn vị"],
        ["Tất cả đơn vị đã đăng ký"],
    ]


def test_text_that_looks_like_a_formula_stays_text():
    for workbook in (_open(), _open(data_only=True)):
        summary, items = workbook["Tổng hợp"], workbook["Chi tiết"]
        assert summary["B6"].value == "=Thanh tra tỉnh Hà Nam"
        assert summary["B6"].data_type == "s"
        for coordinate, value in (
            ("A5", "=Thanh tra tỉnh Hà Nam"),
            ("E5", "+Hồ sơ gửi kèm"),
            ("B6", "-Lê Minh Châu"),
            ("E6", "@TCCB"),
        ):
            assert items[coordinate].value == value
            assert items[coordinate].data_type == "s"


def test_empty_round():
    table = dataclasses.replace(TABLE, titles=[], units=[], not_registered=[], items=[])
    workbook = _open(table)
    summary = workbook["Tổng hợp"]
    assert _row(summary, 3) == ["#", "Đơn vị", "Trạng thái", "Ngày nộp", "Tổng cộng"]
    assert _row(summary, 5) == [None, "Tổng cộng", None, None, 0]
    assert summary.max_row == 5
    assert {str(r) for r in summary.merged_cells.ranges} >= {"A1:E1"}
    assert workbook["Chi tiết"].max_row == 1
