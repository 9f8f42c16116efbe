"""Scoring rubrics to and from .xlsx: a faithful round trip and a row-by-row report."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from openpyxl import Workbook, load_workbook

from campaigns import rubric_xlsx
from campaigns.choices import CriterionKind
from campaigns.rubric_xlsx import (
    CriterionData,
    GroupData,
    RowError,
    RubricImportInvalid,
    read_rubric_workbook,
    rubric_to_workbook,
)
from core.exceptions import ActionRefused
from tests.factories.campaigns import CriterionFactory, RubricFactory, RubricGroupFactory

pytestmark = pytest.mark.django_db

EN_HEADER = [
    "Group code",
    "Group title",
    "Criterion code",
    "Criterion",
    "Guidance",
    "Maximum points",
    "Kind",
    "Evidence required",
]
VI_FOLDED_HEADER = [
    "Ma nhom",
    "Ten nhom",
    "Ma tieu chi",
    "Noi dung tieu chi",
    "Huong dan",
    "Diem toi da",
    "Loai",
    "Bat buoc minh chung",
]


def xlsx(rows, header=EN_HEADER, name="bảng tiêu chí.xlsx", settings_rows=None):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tiêu chí"
    if header is not None:
        sheet.append(header)
    for row in rows:
        sheet.append(row)
    if settings_rows is not None:
        settings_sheet = workbook.create_sheet("Bảng tiêu chí")
        for row in settings_rows:
            settings_sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def upload(content: bytes, name="rubric.xlsx"):
    return SimpleUploadedFile(name, content)


def make_rubric():
    rubric = RubricFactory(
        title="Bảng chấm điểm thi đua Cụm số 2 năm 2025",
        bonus_cap=Decimal("7.5"),
        tie_break_groups="A, B",
    )
    # Orders in the database are sparse; the file keeps their sequence.
    group_a = RubricGroupFactory(rubric=rubric, code="A", title="Công tác thanh tra", order=3)
    group_b = RubricGroupFactory(
        rubric=rubric, code="B", title="Tiếp công dân, giải quyết khiếu nại, tố cáo", order=7
    )
    RubricGroupFactory(rubric=rubric, code="C", title="Nhóm chưa có tiêu chí", order=9)
    CriterionFactory(
        group=group_a,
        code="A.2",
        title="Ban hành kết luận thanh tra đúng hạn",
        guidance="",
        max_points=Decimal("10"),
        kind=CriterionKind.PENALTY,
        evidence_required=False,
        order=20,
    )
    CriterionFactory(
        group=group_a,
        code="A.1",
        title="Hoàn thành kế hoạch thanh tra năm",
        guidance="Nộp báo cáo trước ngày 15/12.\nKèm theo danh mục cuộc thanh tra đã kết thúc.",
        max_points=Decimal("2.5"),
        kind=CriterionKind.NORMAL,
        evidence_required=True,
        order=10,
    )
    CriterionFactory(
        group=group_b,
        code="B.1",
        title="Sáng kiến cải cách hành chính được công nhận",
        guidance="=Điểm cộng tối đa 3 điểm",
        max_points=Decimal("3.25"),
        kind=CriterionKind.BONUS,
        evidence_required=True,
        order=1,
    )
    return rubric


@pytest.mark.parametrize("language", ["vi", "en"])
def test_export_then_import_round_trips_every_field(language):
    rubric = make_rubric()
    with translation.override(language):
        content = rubric_to_workbook(rubric)
        data = read_rubric_workbook(upload(content))

    assert data.groups == [
        GroupData(code="A", title="Công tác thanh tra", order=0),
        GroupData(code="B", title="Tiếp công dân, giải quyết khiếu nại, tố cáo", order=1),
        GroupData(code="C", title="Nhóm chưa có tiêu chí", order=2),
    ]
    assert data.criteria == [
        CriterionData(
            group_code="A",
            code="A.1",
            title="Hoàn thành kế hoạch thanh tra năm",
            guidance="Nộp báo cáo trước ngày 15/12.\nKèm theo danh mục cuộc thanh tra đã kết thúc.",
            max_points=Decimal("2.5"),
            kind="normal",
            evidence_required=True,
            order=0,
        ),
        CriterionData(
            group_code="A",
            code="A.2",
            title="Ban hành kết luận thanh tra đúng hạn",
            guidance="",
            max_points=Decimal("10"),
            kind="penalty",
            evidence_required=False,
            order=1,
        ),
        CriterionData(
            group_code="B",
            code="B.1",
            title="Sáng kiến cải cách hành chính được công nhận",
            guidance="=Điểm cộng tối đa 3 điểm",
            max_points=Decimal("3.25"),
            kind="bonus",
            evidence_required=True,
            order=2,
        ),
    ]
    assert data.title == "Bảng chấm điểm thi đua Cụm số 2 năm 2025"
    assert data.bonus_cap == Decimal("7.5")
    assert data.tie_break_groups == "A, B"


def test_export_layout_in_english():
    rubric = make_rubric()
    with translation.override("en"):
        workbook = load_workbook(BytesIO(rubric_to_workbook(rubric)))

    assert workbook.sheetnames == ["Criteria", "Rubric"]
    sheet = workbook["Criteria"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == EN_HEADER
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["D"].width > sheet.column_dimensions["A"].width
    assert [row[2] for row in rows[1:]] == ["A.1", "A.2", "B.1", None]
    assert rows[1][5:] == (2.5, "Normal", "Yes")
    assert rows[2][5:] == (10, "Penalty (deduction)", "No")
    assert rows[3][5:] == (3.25, "Bonus points", "Yes")
    # The empty group keeps a row of its own.
    assert rows[4][:2] == ("C", "Nhóm chưa có tiêu chí")
    assert sheet.cell(2, 6).data_type == "n"
    # A text that looks like a formula stays text.
    assert sheet.cell(4, 5).data_type == "s"
    assert list(workbook["Rubric"].iter_rows(values_only=True)) == [
        ("Title", "Bảng chấm điểm thi đua Cụm số 2 năm 2025"),
        ("Version", 1),
        ("Cap on bonus points", 7.5),
        ("Tie-break order of groups", "A, B"),
    ]


def rubric_with(count):
    groups = [RubricGroupFactory(rubric=RubricFactory(tie_break_groups=""))]
    rubric = groups[0].rubric
    groups += [RubricGroupFactory(rubric=rubric) for _ in range(2)]
    for index in range(count):
        CriterionFactory(group=groups[index % len(groups)])
    return rubric


def test_export_costs_constant_queries(django_assert_max_num_queries):
    small, large = rubric_with(3), rubric_with(40)
    with CaptureQueriesContext(connection) as small_queries:
        rubric_to_workbook(small)
    with django_assert_max_num_queries(len(small_queries)):
        content = rubric_to_workbook(large)
    assert len(small_queries) <= 2
    assert len(read_rubric_workbook(upload(content)).criteria) == 40


@pytest.mark.parametrize("language", ["vi", "en"])
def test_import_hand_made_sheet_with_folded_vietnamese_headers(language):
    uploaded = xlsx(
        [
            ["A", "Công tác thanh tra"],
            ["A", "", "1.1", "Hoàn thành kế hoạch thanh tra", "Theo kế hoạch năm", "2,5", "", "x"],
            [],
            ["A", None, "1.2", "Thanh tra đột xuất", None, 10.0, "Bình thường", "Không"],
            [
                "B",
                "Điểm thưởng, điểm trừ",
                "2.1",
                "Được tặng Cờ thi đua",
                "",
                3,
                "Diem thuong",
                "Co",
            ],
            ["B", "", "2.2", "Để xảy ra khiếu nại vượt cấp", "", "1.5", "diem tru", ""],
            ["C", "Nhóm bổ sung"],
        ],
        header=VI_FOLDED_HEADER,
    )
    with translation.override(language):
        data = read_rubric_workbook(uploaded)

    assert data.groups == [
        GroupData("A", "Công tác thanh tra", 0),
        GroupData("B", "Điểm thưởng, điểm trừ", 1),
        GroupData("C", "Nhóm bổ sung", 2),
    ]
    assert [
        (c.group_code, c.code, c.max_points, c.kind, c.evidence_required, c.order)
        for c in data.criteria
    ] == [
        ("A", "1.1", Decimal("2.5"), "normal", True, 0),
        ("A", "1.2", Decimal("10"), "normal", False, 1),
        ("B", "2.1", Decimal("3"), "bonus", True, 2),
        ("B", "2.2", Decimal("1.5"), "penalty", False, 3),
    ]
    assert data.criteria[0].guidance == "Theo kế hoạch năm"
    # Without a second sheet the rubric's own settings are left alone.
    assert (data.title, data.bonus_cap, data.tie_break_groups) == (None, None, None)


def test_import_reads_headers_with_diacritics_below_a_title_row():
    header = ["Mã nhóm", "Tên nhóm", "Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Loại", "Minh chứng"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM 2025"])
    sheet.append([])
    sheet.append(header)
    sheet.append(["I", "Công tác chuyên môn", "I.1", "Hoàn thành chỉ tiêu", 5, "Thưởng", "có"])
    sheet.append(["I", "", "I.2", "Chậm báo cáo", 2, "Trừ", "0"])
    sheet.append(["I", "", "I.3", "Chấp hành kỷ luật", 2, "thuong", ""])
    buffer = BytesIO()
    workbook.save(buffer)

    data = read_rubric_workbook(upload(buffer.getvalue()))

    # With diacritics "Thưởng" is a bonus; folded "thuong" reads as "Thường" (normal).
    assert [(c.code, c.kind, c.evidence_required) for c in data.criteria] == [
        ("I.1", "bonus", True),
        ("I.2", "penalty", False),
        ("I.3", "normal", False),
    ]


def test_import_accepts_raw_kind_values_and_english_labels():
    data = read_rubric_workbook(
        xlsx(
            [
                ["A", "Nhóm A", "1", "Một", "", 1, "penalty", "true"],
                ["A", "", "2", "Hai", "", 1, "Bonus points", "Yes"],
                ["A", "", "3", "Ba", "", 1, "NORMAL", "FALSE"],
                ["A", "", "4", "Bốn", "", 1, "Penalty (deduction)", 1],
            ]
        )
    )
    assert [(c.kind, c.evidence_required) for c in data.criteria] == [
        ("penalty", True),
        ("bonus", True),
        ("normal", False),
        ("penalty", True),
    ]


def test_bad_rows_are_all_reported_in_order():
    uploaded = xlsx(
        [
            ["A", "Công tác thanh tra", "A1", "Kế hoạch thanh tra", "", 5, "", ""],  # 2: fine
            ["A", "", "", "Không có mã", "", 5, "", ""],  # 3
            ["A", "", "A3", "Điểm sai", "", "năm điểm", "kỳ lạ", ""],  # 4
            ["A", "", "A1", "Trùng mã", "", 1, "", ""],  # 5
            ["", "", "A5", "Không có nhóm", "", 1, "", ""],  # 6
            ["A", "", "A6", "Điểm bằng không", "", 0, "", "có lẽ"],  # 7
            ["Z"],  # 8: a group without a title anywhere
            ["A", "", "A8", "", "", "2.555", "", ""],  # 9
            ["A", "", "A9", "Quá nhiều điểm", "", "1000,5", "", ""],  # 10
            [],  # 11: blank, skipped
            ["B", "Nhóm B", "A10", "Đúng", "", "1000", "", ""],  # 12: fine
        ]
    )
    with pytest.raises(RubricImportInvalid) as caught:
        read_rubric_workbook(uploaded)

    assert [(e.row, e.column) for e in caught.value.errors] == [
        (3, "Criterion code"),
        (4, "Maximum points"),
        (4, "Kind"),
        (5, "Criterion code"),
        (6, "Group code"),
        (7, "Maximum points"),
        (7, "Evidence required"),
        (8, "Group title"),
        (9, "Criterion"),
        (9, "Maximum points"),
        (10, "Maximum points"),
    ]
    assert all(isinstance(e, RowError) and e.message for e in caught.value.errors)


def test_errors_name_the_columns_as_the_file_does():
    uploaded = xlsx([["A", "Nhóm A", "", "Tiêu chí", "", "2,5", "", ""]], header=VI_FOLDED_HEADER)
    with pytest.raises(RubricImportInvalid) as caught:
        read_rubric_workbook(uploaded)
    assert [(e.row, e.column) for e in caught.value.errors] == [(2, "Ma tieu chi")]


def test_duplicate_code_names_the_earlier_row():
    uploaded = xlsx(
        [
            ["A", "Nhóm A", "A.1", "Lần đầu", "", 1, "", ""],
            ["A", "", "A.2", "Khác", "", 1, "", ""],
            ["A", "", "A.1", "Lần hai", "", 1, "", ""],
        ]
    )
    with translation.override("en"), pytest.raises(RubricImportInvalid) as caught:
        read_rubric_workbook(uploaded)
    [error] = caught.value.errors
    assert (error.row, error.column) == (4, "Criterion code")
    assert "row 2" in error.message


def test_rubric_sheet_values_are_checked():
    uploaded = xlsx(
        [["A", "Nhóm A", "A.1", "Một", "", 1, "", ""]],
        settings_rows=[
            ["Tieu de", "Bảng mới"],
            ["Diem thuong toi da", "-1"],
            ["Tie-break groups", "A, X"],
        ],
    )
    with pytest.raises(RubricImportInvalid) as caught:
        read_rubric_workbook(uploaded)
    assert [(e.row, e.column) for e in caught.value.errors] == [
        (2, "Bảng tiêu chí: Diem thuong toi da"),
        (3, "Bảng tiêu chí: Tie-break groups"),
    ]


def test_rubric_sheet_with_decimal_comma():
    data = read_rubric_workbook(
        xlsx(
            [["A", "Nhóm A", "A.1", "Một", "", 1, "", ""]],
            settings_rows=[["Trần điểm thưởng", "2,5"], ["Tie-break groups", "A"]],
        )
    )
    assert (data.title, data.bonus_cap, data.tie_break_groups) == (None, Decimal("2.5"), "A")


@pytest.mark.parametrize(
    "uploaded",
    [
        pytest.param(lambda: xlsx([["A", "Nhóm A", "A.1", "Một", "", 1]], name="x.csv"), id="csv"),
        pytest.param(lambda: upload(b"Ma nhom;Ma tieu chi\nA;A.1\n"), id="text-named-xlsx"),
        pytest.param(lambda: upload(b"PK\x03\x04 not really a zip"), id="broken-zip"),
    ],
)
def test_wrong_file_type_is_refused(uploaded):
    with pytest.raises(ActionRefused):
        read_rubric_workbook(uploaded())


def test_too_large_file_is_refused(monkeypatch):
    monkeypatch.setattr(rubric_xlsx, "MAX_BYTES", 100)
    with pytest.raises(ActionRefused):
        read_rubric_workbook(xlsx([["A", "Nhóm A", "A.1", "Một", "", 1]]))


def test_missing_required_column_is_named():
    header = ["Group code", "Group title", "Criterion code", "Criterion", "Guidance"]
    with translation.override("en"), pytest.raises(ActionRefused) as caught:
        read_rubric_workbook(xlsx([["A", "Nhóm A", "A.1", "Một", ""]], header=header))
    assert "Maximum points" in caught.value.message
    assert "Criterion code" not in caught.value.message


def test_sheet_without_criteria_or_groups_is_refused():
    with pytest.raises(ActionRefused):
        read_rubric_workbook(xlsx([[], [None, None]]))
    with pytest.raises(ActionRefused):
        read_rubric_workbook(xlsx([], header=None))
