"""Importing a staff list from .xlsx: all rows or none, with a row-by-row report."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tests.factories.units import PersonFactory
from units.models import AuditEntry, Employment, Person
from units.staff_import import STAFF_COLUMNS, staff_import

pytestmark = pytest.mark.django_db

HEADER = ["Mã cán bộ", "Họ và tên", "Giới tính", "Chức vụ", "Ngạch/hạng", "Email", "Điện thoại"]


def xlsx(rows, header=HEADER, name="danh-sách cán bộ.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_import_creates_people_with_history(officer, our_unit):
    result = staff_import(
        unit=our_unit,
        actor=officer,
        uploaded=xlsx(
            [
                ["CB1", "Nguyễn Văn An", "Nam", "Thanh tra viên", "Thanh tra viên chính", "", ""],
                ["", "Trần Thị Bình", "Nữ", "Chuyên viên", "", "binh@example.org", "0912345678"],
            ]
        ),
    )
    assert (result.created, result.updated) == (2, 0)
    assert set(Person.objects.filter(unit=our_unit).values_list("full_name", "gender")) == {
        ("Nguyễn Văn An", "male"),
        ("Trần Thị Bình", "female"),
    }
    assert Employment.objects.filter(unit=our_unit, end_date__isnull=True).count() == 2
    assert AuditEntry.objects.get(action="person.import").changes["created"] == [None, 2]


def test_import_updates_people_by_staff_code(officer, our_unit):
    person = PersonFactory(unit=our_unit, staff_code="CB7", position="Chuyên viên")
    result = staff_import(
        unit=our_unit,
        actor=officer,
        uploaded=xlsx([["CB7", person.full_name, "nữ", "Phó Trưởng phòng", "", "", ""]]),
    )
    assert (result.created, result.updated) == (0, 1)
    person.refresh_from_db()
    assert person.position == "Phó Trưởng phòng"
    assert person.gender == "female"


def test_import_accepts_headers_without_diacritics(officer, our_unit):
    header = ["Ma can bo", "Ho va ten", "Gioi tinh"]
    staff_import(unit=our_unit, actor=officer, uploaded=xlsx([["", "Lê Văn Cường", "Nam"]], header))
    assert Person.objects.filter(unit=our_unit, full_name="Lê Văn Cường").exists()


def post_import(client, user, unit, upload):
    client.force_login(user)
    return client.post(reverse("units:staff_import", args=[unit.pk]), {"file": upload})


def test_import_with_bad_rows_saves_nothing_and_lists_rows(client, officer, our_unit):
    response = post_import(
        client,
        officer,
        our_unit,
        xlsx(
            [
                ["CB1", "Nguyễn Văn An", "Nam", "", "", "", ""],
                ["CB2", "", "Nữ", "", "", "", ""],  # row 3: no name
                ["CB3", "Phạm Văn Dũng", "không rõ", "", "", "", ""],  # row 4: bad gender
                ["CB1", "Đỗ Thị Em", "Nữ", "", "", "khong-phai-email", ""],  # row 5: two errors
            ]
        ),
    )
    assert response.status_code == 200
    errors = [(e.row, e.column) for e in response.context["row_errors"]]
    assert errors == [(3, "Họ và tên"), (4, "Giới tính"), (5, "Mã cán bộ"), (5, "Email")]
    html = response.content.decode()
    assert "Chưa lưu dữ liệu nào" in html
    assert not Person.objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("danh-sach.xlsx", b"this is not a spreadsheet"),
        ("danh-sach.csv", b"Ho va ten,Gioi tinh\nA,Nam\n"),
        ("virus.xlsx", b"MZ\x90\x00" + b"\x00" * 100),
        ("hong.xlsx", b"PK\x03\x04" + b"\x00" * 100),  # zip magic, broken archive
    ],
)
def test_import_refuses_files_that_are_not_xlsx(client, officer, our_unit, name, content):
    response = post_import(client, officer, our_unit, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Person.objects.exists()


def test_import_refuses_sheet_without_name_column(client, officer, our_unit):
    response = post_import(client, officer, our_unit, xlsx([["x", "y"]], header=["A", "B"]))
    assert "Họ và tên" in response.context["form"].errors["file"][0]


def test_import_refuses_empty_sheet(client, officer, our_unit):
    response = post_import(client, officer, our_unit, xlsx([]))
    assert response.context["form"].errors["file"]


def test_import_success_redirects_with_counts(client, officer, our_unit):
    response = post_import(
        client, officer, our_unit, xlsx([["", "Hoàng Thị Lan", "Nữ", "", "", "", ""]])
    )
    assert response.status_code == 302
    page = client.get(response.url)
    assert "Hoàng Thị Lan" in page.content.decode()


def test_import_into_another_unit_is_refused(client, officer, other_unit):
    response = post_import(
        client, officer, other_unit, xlsx([["", "Hoàng Thị Lan", "Nữ", "", "", "", ""]])
    )
    assert response.status_code == 403
    assert not Person.objects.exists()


def test_import_cost_does_not_grow_per_row(officer, our_unit, django_assert_max_num_queries):
    rows = [["", f"Cán bộ {i}", "Nam", "", "", "", ""] for i in range(300)]
    with django_assert_max_num_queries(15):
        staff_import(unit=our_unit, actor=officer, uploaded=xlsx(rows))
    assert Person.objects.filter(unit=our_unit).count() == 300


def test_every_column_of_the_downloaded_template_lands_on_the_person(client, officer, our_unit):
    """The template as downloaded, one row filled in every column, uploaded through the page:
    nothing typed is lost (its "Ngạch / hạng" header once was)."""
    client.force_login(officer)
    workbook = load_workbook(BytesIO(client.get(reverse("units:staff_import_template")).content))
    sheet = workbook.active
    headers = [cell.value for cell in sheet[1]]
    assert "Ngạch / hạng" in headers
    sheet.delete_rows(2, sheet.max_row)
    typed = {
        "staff_code": "CB42",
        "full_name": "Phạm Thị Hoa",
        "gender": "Nữ",
        "position": "Phó Chánh Thanh tra",
        "rank": "Thanh tra viên chính",
        "email": "hoa@example.org",
        "phone": "0912345678",
    }
    assert len(headers) == len(typed)
    sheet.append([typed[field] for field, _label in STAFF_COLUMNS.fields])
    buffer = BytesIO()
    workbook.save(buffer)
    response = post_import(
        client, officer, our_unit, SimpleUploadedFile("mau.xlsx", buffer.getvalue())
    )
    assert response.status_code == 302
    person = Person.objects.get(unit=our_unit)
    saved = {field: getattr(person, field) for field in typed}
    assert saved == {**typed, "gender": "female"}
