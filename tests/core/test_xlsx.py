"""The .xlsx import base (core/imports.py) on real workbooks: limits, header mapping, the
row report, all or nothing."""

import unicodedata
from io import BytesIO

import pytest
from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook, load_workbook

from core.exceptions import ActionRefused
from core.imports import (
    Columns,
    ImportInvalid,
    Limits,
    RowError,
    RowReport,
    find_sheet,
    import_xlsx,
    open_workbook,
    read_table,
    refusal_to_import_form,
    sheet_rows,
    template_workbook,
)

COLUMNS = Columns(
    (("code", "Mã"), ("name", "Họ và tên"), ("note", "Ghi chú")),
    aliases={"code": ("ma", "code"), "name": ("ho va ten", "name"), "note": ("ghi chu",)},
    required=("name",),
)
LIMITS = Limits(max_bytes=1024 * 1024, max_rows=3)
EMPTY = "no rows"


def workbook_bytes(*sheets) -> bytes:
    """A workbook with one sheet per (title, rows) pair."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx(rows, name="danh sách.xlsx"):
    return SimpleUploadedFile(name, workbook_bytes(("Sheet", rows)))


def read(upload, limits=LIMITS, *, columns=COLUMNS, header_rows=1):
    with open_workbook(upload, limits=limits) as workbook:
        return read_table(
            find_sheet(workbook),
            columns=columns,
            limits=limits,
            empty=EMPTY,
            header_rows=header_rows,
        )


def refused(read_file) -> str:
    """The message of the refusal that read_file() raises, in English."""
    with translation.override("en"), pytest.raises(ActionRefused) as refusal:
        read_file()
    return refusal.value.message


def refusal(upload, limits=LIMITS) -> str:
    return refused(lambda: read(upload, limits))


# --- Limits and file type ----------------------------------------------------------------------


def test_rows_up_to_the_limit_are_read_and_blank_rows_do_not_count():
    rows = [["Mã", "Họ và tên"], ["1", "An"], [], ["2", "Bình"], ["  ", None], ["3", "Chi"]]
    table = read(xlsx(rows))
    assert [(row.number, row.text("name")) for row in table.rows] == [
        (2, "An"),
        (4, "Bình"),
        (6, "Chi"),
    ]


def test_one_row_too_many_is_refused():
    rows = [["Họ và tên"], ["An"], ["Bình"], ["Chi"], ["Dũng"]]
    assert refusal(xlsx(rows)) == "The file has more than 3 rows."


def test_too_large_file_is_refused_before_it_is_opened():
    upload = xlsx([["Họ và tên"], ["An"]])
    limits = Limits(max_bytes=upload.size - 1, max_rows=3)
    assert refusal(upload, limits) == "The file is too large (at most 0 MB)."
    assert read(upload, Limits(max_bytes=upload.size, max_rows=3)).rows[0].text("name") == "An"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ds.csv", workbook_bytes(("Sheet", [["Họ và tên"]])), "Please choose an Excel file"),
        ("ds.xlsx", b"Ho va ten\nAn\n", "Please choose an Excel file"),
        ("ds.xlsx", b"MZ\x90\x00" + b"\x00" * 64, "Please choose an Excel file"),
        ("ds.xlsx", b"PK\x03\x04" + b"\x00" * 64, "could not be read as an Excel workbook"),
    ],
    ids=["xlsx-named-csv", "text-named-xlsx", "exe-named-xlsx", "broken-zip"],
)
def test_what_is_not_an_xlsx_workbook_is_refused(name, content, message):
    assert message in refusal(SimpleUploadedFile(name, content))


def test_cells_past_the_column_limit_are_not_read():
    header = ["Mã", None, None, None, None, "Họ và tên"]
    upload = xlsx([header, ["1", None, None, None, None, "An"]])
    limits = Limits(max_bytes=LIMITS.max_bytes, max_rows=3, max_columns=5)
    assert "missing: Họ và tên" in refusal(upload, limits)
    assert read(upload).rows[0].text("name") == "An"


# --- Header and cells --------------------------------------------------------------------------


def test_headers_are_matched_without_diacritics_case_or_extra_spaces():
    table = read(xlsx([["  HO VA   TEN ", "ma", "Ghi Chú"], ["An", 7.0, "x"]]))
    [row] = table.rows
    assert row.values == {"name": "An", "code": 7.0, "note": "x"}
    assert row.text("code") == "7"
    # Errors can name a column as the file writes it.
    assert table.headers == {"code": "ma", "name": "HO VA   TEN", "note": "Ghi Chú"}


def test_a_column_the_file_lacks_is_not_in_the_row():
    [row] = read(xlsx([["Họ và tên"], ["An"]])).rows
    assert row.values == {"name": "An"}
    assert (row.get("code"), row.text("code")) == (None, "")


def test_cell_text_comes_in_one_unicode_form():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    [row] = read(xlsx([["Họ và tên"], [decomposed]])).rows
    assert row.text("name") == unicodedata.normalize("NFC", "Nguyễn Thị Ánh")


def test_one_column_serves_one_field_only():
    columns = Columns(
        (("first", "A"), ("second", "B")),
        aliases={"first": ("ten",), "second": ("ten", "b")},
        required=("first", "second"),
    )
    message = refused(lambda: read(xlsx([["Tên", "Khác"], ["x", "y"]]), columns=columns))
    assert message == "The first row must name the columns; missing: B."


def test_missing_required_column_is_named():
    assert refusal(xlsx([["Mã", "Tên"], ["1", "An"]])) == (
        "The first row must name the columns; missing: Họ và tên."
    )


def test_header_is_found_below_a_title_within_the_rows_searched():
    rows = [["DANH SÁCH CÁN BỘ"], [], ["Mã", "Họ và tên"], ["1", "An"]]
    table = read(xlsx(rows), header_rows=3)
    assert [(row.number, row.text("name")) for row in table.rows] == [(4, "An")]
    message = refused(lambda: read(xlsx(rows), header_rows=2))
    assert message == "The first row must name the columns; missing: Họ và tên."


def test_closest_row_below_the_first_is_named_when_columns_are_missing():
    columns = Columns(COLUMNS.fields, aliases=COLUMNS.aliases, required=("code", "name"))
    upload = xlsx([["Tiêu đề"], ["Mã", "Tên"], ["1", "An"]])
    message = refused(lambda: read(upload, header_rows=5, columns=columns))
    assert message == "Row 2 must name the columns; missing: Họ và tên."


@pytest.mark.parametrize("rows", [[["Họ và tên"]], [["Họ và tên"], [], [None, None]], []])
def test_a_sheet_without_rows_below_the_header_is_refused_with_the_callers_message(rows):
    assert refusal(xlsx(rows)) == EMPTY


def test_sheet_is_chosen_by_folded_name_else_the_first():
    content = workbook_bytes(
        ("Ghi chép", [["Họ và tên"], ["Sai"]]), ("Danh sách", [["Họ và tên"], ["Đúng"]])
    )
    with open_workbook(SimpleUploadedFile("a.xlsx", content), limits=LIMITS) as workbook:
        assert find_sheet(workbook, {"danh sach"}).title == "Danh sách"
        assert find_sheet(workbook, {"khac"}).title == "Ghi chép"
        chosen = find_sheet(workbook, {"danh sach"})
        [row] = read_table(chosen, columns=COLUMNS, limits=LIMITS, empty=EMPTY).rows
    assert row.text("name") == "Đúng"


def test_sheet_rows_keep_blank_rows_in_place_and_count_filled_ones():
    def rows_of(upload, limits):
        with open_workbook(upload, limits=limits) as workbook:
            return [row[:2] for row in sheet_rows(find_sheet(workbook), limits=limits)]

    upload = xlsx([["a", 1], [], ["b", 2]])
    assert rows_of(upload, LIMITS) == [("a", 1), (None, None), ("b", 2)]
    one_row = Limits(max_bytes=LIMITS.max_bytes, max_rows=1)
    assert refused(lambda: rows_of(upload, one_row)) == "The file has more than 1 rows."


# --- All or nothing ----------------------------------------------------------------------------


def check_names(rows, report):
    """A check of the kind the imports write: a name is required and unique in the file."""
    seen = set()
    for row in rows:
        name = row.text("name")
        if not name:
            report.add(row.number, "name", "Write the name.")
        elif name in seen:
            report.add(row.number, "name", "Twice.")
        seen.add(name)
    return [row.text("name") for row in rows]


def create_groups(names):
    Group.objects.bulk_create(Group(name=name) for name in names)
    return {"created": len(names)}


def import_names(upload, *, write=create_groups, limits=LIMITS):
    return import_xlsx(
        upload, columns=COLUMNS, limits=limits, empty=EMPTY, check=check_names, write=write
    )


@pytest.mark.django_db
def test_a_file_without_errors_is_written_and_summed_up():
    result = import_names(xlsx([["Họ và tên"], ["An"], ["Bình"]]))
    assert result == {"created": 2}
    assert sorted(Group.objects.values_list("name", flat=True)) == ["An", "Bình"]


@pytest.mark.django_db
def test_bad_rows_anywhere_write_nothing_and_are_all_reported_by_number():
    rows = [["Mã", "Họ và tên"], ["1", ""], ["2", "An"], ["3", "Bình"], ["4", "An"]]
    limits = Limits(max_bytes=LIMITS.max_bytes, max_rows=10)
    with translation.override("en"), pytest.raises(ImportInvalid) as invalid:
        import_names(xlsx(rows), limits=limits)
    assert invalid.value.errors == [
        RowError(2, "Họ và tên", "Write the name."),
        RowError(5, "Họ và tên", "Twice."),
    ]
    assert invalid.value.message == (
        "Nothing was saved: 2 problems in the file. Fix them and upload again."
    )
    assert not Group.objects.exists()


@pytest.mark.django_db
def test_a_refused_file_is_not_checked_or_written():
    def write(names):
        raise AssertionError("written")

    with pytest.raises(ActionRefused) as refusal:
        import_names(xlsx([["Họ và tên"], ["An"]], name="ds.xls"), write=write)
    assert not isinstance(refusal.value, ImportInvalid)


@pytest.mark.django_db
def test_a_write_that_fails_half_way_leaves_nothing_behind():
    def write(names):
        Group.objects.create(name=names[0])
        raise ActionRefused("refused at the second row")

    with pytest.raises(ActionRefused):
        import_names(xlsx([["Họ và tên"], ["An"], ["Bình"]]), write=write)
    assert not Group.objects.exists()


def test_report_puts_model_errors_on_their_columns_and_knows_the_bad_rows():
    report = RowReport({"name": "Họ và tên", "email": "Email"})
    error = ValidationError({"name": ["Required."], "email": ["Bad."], "phone": ["Short."]})
    report.add_invalid(7, error, skip={"email"})
    assert report.errors == [RowError(7, "Họ và tên", "Required."), RowError(7, "phone", "Short.")]
    assert (report.has_errors(7), report.has_errors(8)) == (True, False)


def test_template_has_the_labels_examples_and_widths():
    content = template_workbook(
        COLUMNS,
        title="Danh sách cán bộ của đơn vị năm 2025 (mẫu)",
        examples=[["1", "An"]],
        widths=(8, 30),
        bold_header=True,
    )
    sheet = load_workbook(BytesIO(content)).active
    assert sheet.title == "Danh sách cán bộ của đơn vị năm"  # Excel's 31 characters
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["Mã", "Họ và tên", "Ghi chú"],
        ["1", "An", None],
    ]
    assert [cell.font.b for cell in sheet[1]] == [True, True, True]
    assert (sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width) == (8, 30)
    # The labels it writes are read back as the header.
    [row] = read(SimpleUploadedFile("mau.xlsx", content)).rows
    assert row.values == {"code": "1", "name": "An", "note": None}


# --- On the page -------------------------------------------------------------------------------


class UploadForm(forms.Form):
    file = forms.FileField()


def test_a_refused_file_goes_on_the_file_field():
    form = UploadForm(data={}, files={"file": xlsx([])})
    assert form.is_valid()
    context = refusal_to_import_form(form, ActionRefused("Not an Excel file."))
    assert context == {"form": form}
    assert form.errors == {"file": ["Not an Excel file."]}


def test_bad_rows_go_under_a_summary_with_their_report():
    form = UploadForm(data={}, files={"file": xlsx([])})
    assert form.is_valid()
    errors = [RowError(3, "Họ và tên", "Write the name.")]
    with translation.override("en"):
        context = refusal_to_import_form(form, ImportInvalid(errors))
    assert context == {"form": form, "row_errors": errors}
    assert form.non_field_errors() == [
        "Nothing was saved: 1 problems in the file. Fix them and upload again."
    ]
    assert "file" not in form.errors


@pytest.mark.parametrize("header", ["Ngạch / hạng", "ngach/hang", "NGẠCH-HẠNG", " Ngạch  hạng. "])
def test_headers_match_whatever_the_spaces_and_punctuation(header):
    columns = Columns((("rank", "Rank"),), aliases={"rank": ("ngach/hang",)}, required=("rank",))
    table = read(xlsx([[header], ["Thanh tra viên"]]), columns=columns)
    assert [row.text("rank") for row in table.rows] == ["Thanh tra viên"]
