"""Importing past years' award records from .xlsx: all rows or none, a row-by-row report."""

from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from core.exceptions import ActionRefused
from evaluations.awards.choices import AwardSource
from evaluations.awards.imports import COLUMNS, AwardImportInvalid, award_import, template_workbook
from evaluations.awards.models import AwardRecord
from tests.factories.evaluations import AwardRecordFactory
from tests.factories.units import EmploymentFactory, PersonFactory, UnitFactory
from units.models import AuditEntry

pytestmark = pytest.mark.django_db

HEADER = [
    "Năm",
    "Mã danh hiệu",
    "Đối tượng",
    "Đơn vị",
    "Mã cán bộ",
    "Họ tên",
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan ban hành",
    "Phong trào chuyên đề",
    "Số tiền",
    "Tóm tắt thành tích",
    "Sáng kiến",
]


def xlsx(rows, header=HEADER, name="khen-thưởng.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def row(year, code, kind, unit, staff="", name="", number="1/QĐ", day="20/12/2024", **extra):
    return [
        year,
        code,
        kind,
        unit,
        staff,
        name,
        number,
        day,
        extra.get("body", "Thanh tra Chính phủ"),
        extra.get("thematic", "không"),
        extra.get("amount", ""),
        extra.get("summary", "Hoàn thành xuất sắc nhiệm vụ."),
        extra.get("initiative", ""),
    ]


@pytest.fixture
def people(our_unit):
    return {
        "an": PersonFactory(unit=our_unit, full_name="Nguyễn Văn An", staff_code="CB01"),
        "binh": PersonFactory(unit=our_unit, full_name="Trần Thị Bình", staff_code=""),
    }


def test_import_creates_records_of_people_and_collectives(
    admin_user, titles, base_salaries, our_unit, other_unit, people
):
    our_unit.code, other_unit.code = "TT-AAA", "TT-BBB"
    our_unit.save()
    other_unit.save()
    upload = xlsx(
        [
            row(2024, "CSTDCS", "cá nhân", "TT-AAA", staff="CB01", initiative="Sáng kiến A"),
            row(
                2024, "ldtt", "Cá nhân", "tt-aaa", name="trần thị  bình", day=datetime(2024, 12, 20)
            ),
            row(2023, "TTLDXS", "tập thể", "TT-BBB", day="15/01/2024", amount="2.000.000"),
            row(2024, "BK_TTCP", "", "TT-BBB", thematic="có", number="9/QĐ-TTCP"),
        ]
    )
    result = award_import(actor=admin_user, uploaded=upload)
    assert (result.created, result.units) == (4, 2)
    records = {(r.title.code, r.recipient_name): r for r in AwardRecord.objects.all()}
    an = records[("CSTDCS", "Nguyễn Văn An")]
    assert (an.person, an.unit, an.year, an.initiative) == (
        people["an"],
        our_unit,
        2024,
        "Sáng kiến A",
    )
    assert an.amount == Decimal("2340000")  # blank: 1.0 × base salary on 20/12/2024 (R18)
    assert (an.multiplier, an.amount_to_verify) == (Decimal("1.0"), False)
    assert an.source == AwardSource.IMPORT
    binh = records[("LDTT", "Trần Thị Bình")]
    assert binh.person == people["binh"] and binh.decision_date == date(2024, 12, 20)
    collective = records[("TTLDXS", other_unit.name)]
    # A typed amount is the decision's own: kept, with no multiplier and nothing to verify.
    assert (collective.person, collective.amount) == (None, Decimal("2000000"))
    assert (collective.multiplier, collective.amount_to_verify) == (None, False)
    # No recipient kind and no person: a collective award; "có" marks it thematic (R10).
    thematic = records[("BK_TTCP", other_unit.name)]
    assert thematic.is_thematic and thematic.title.recipient == "collective"
    # Decided on 20/12/2024 under Decree 98/2023, whose certificate figure is to verify.
    assert (thematic.amount, thematic.amount_to_verify) == (Decimal("4680000"), True)
    audits = AuditEntry.objects.filter(action="awardrecord.import")
    assert {(a.unit_id, a.changes["created"][1]) for a in audits} == {
        (our_unit.pk, 2),
        (other_unit.pk, 2),
    }


def test_import_with_bad_rows_saves_nothing_and_lists_every_problem(
    admin_user, titles, our_unit, people
):
    our_unit.code = "TT-AAA"
    our_unit.save()
    PersonFactory(unit=our_unit, full_name="Trần Thị Bình")  # a second one: ambiguous
    AwardRecordFactory(title=titles[("TTLDXS", "collective")], unit=our_unit, year=2023)
    rows = [
        row(2024, "XYZ", "cá nhân", "TT-AAA", staff="CB01"),  # 2: unknown title
        row(2024, "CO_TTCP", "cá nhân", "TT-AAA", staff="CB01"),  # 3: not for people
        row(2024, "LDTT", "cá nhân", "TT-NONE", staff="CB01"),  # 4: unknown unit
        row(2024, "LDTT", "cá nhân", "TT-AAA", staff="CB99"),  # 5: no such staff code
        row(2024, "LDTT", "cá nhân", "TT-AAA", name="Lê Văn Không"),  # 6: nobody by that name
        row(2024, "LDTT", "cá nhân", "TT-AAA", name="Trần Thị Bình"),  # 7: two people
        row(2024, "LDTT", "cá nhân", "TT-AAA", staff="CB01", day="31/02/2024"),  # 8: bad date
        row(2023, "TTLDXS", "tập thể", "TT-AAA", day="10/01/2024"),  # 9: already recorded
        row(2024, "CSTDCS", "cá nhân", "TT-AAA", staff="CB01"),  # 10: fine alone...
        row(2024, "CSTDCS", "cá nhân", "TT-AAA", staff="CB01"),  # 11: ...but twice
        row("năm ngoái", "LDTT", "cá nhân", "TT-AAA", staff="CB01"),  # 12: bad year
        row(2024, "LDTT", "người", "TT-AAA", staff="CB01"),  # 13: bad recipient kind
        row(2024, "TTLDTT", "tập thể", "TT-AAA", amount="hai triệu"),  # 14: bad amount
        row(2024, "TTLDTT", "tập thể", "TT-AAA", number="2/QĐ", thematic="có lẽ"),  # 15
        row(2024, "TTLDXS", "tập thể", "TT-AAA", day="01/01/2099"),  # 16: in the future
        row(2024, "TTLDXS", "tập thể", "TT-AAA", day="01/12/2023"),  # 17: before the year
        row(
            2024, "TTLDXS", "tập thể", "TT-AAA", name="Nguyễn Văn An"
        ),  # 18: person on a unit award
        row(2024, "TTLDXS", "tập thể", "TT-AAA", number=""),  # 19: no decision number
    ]
    with pytest.raises(AwardImportInvalid) as raised:
        award_import(actor=admin_user, uploaded=xlsx(rows))
    labels = {field: str(label) for field, label in COLUMNS}
    assert [(e.row, e.column) for e in raised.value.errors] == [
        (2, labels["title_code"]),
        (3, labels["title_code"]),
        (4, labels["unit_code"]),
        (5, labels["staff_code"]),
        (6, labels["full_name"]),
        (7, labels["full_name"]),
        (8, labels["decision_date"]),
        (9, labels["title_code"]),
        (11, labels["title_code"]),
        (12, labels["year"]),
        (13, labels["recipient"]),
        (14, labels["amount"]),
        (15, labels["thematic"]),
        (16, labels["decision_date"]),
        (17, labels["decision_date"]),
        (18, labels["full_name"]),
        (19, labels["decision_number"]),
    ]
    messages = {e.row: e.message for e in raised.value.errors}
    assert "XYZ" in messages[2] and "TT-NONE" in messages[4] and "CB99" in messages[5]
    assert "10" in messages[11]  # names the first row of the pair
    assert AwardRecord.objects.count() == 1
    assert not AuditEntry.objects.filter(action="awardrecord.import").exists()


def test_import_finds_people_of_a_merged_unit_through_their_employment(admin_user, titles):
    old, successor = UnitFactory(code="TT-CU"), UnitFactory(code="TT-MOI")
    moved = PersonFactory(unit=successor, full_name="Đỗ Văn Cũ", staff_code="X1")
    EmploymentFactory(
        person=moved, unit=old, start_date=date(2015, 1, 1), end_date=date(2025, 6, 30)
    )
    award_import(
        actor=admin_user,
        uploaded=xlsx(
            [row(2019, "CSTDCS", "cá nhân", "TT-CU", name="Đỗ Văn Cũ", day="27/12/2019")]
        ),
    )
    record = AwardRecord.objects.get()
    assert (record.person, record.unit, record.amount) == (moved, old, None)


def test_secretariat_imports_for_members_and_their_predecessors_only(
    secretariat, titles, our_unit, outside_unit
):
    our_unit.code = "TT-AAA"
    our_unit.save()
    UnitFactory(code="TT-TRUOC", merged_into=our_unit, merged_on=date(2025, 7, 1), is_active=False)
    outside_unit.code = "TT-NGOAI"
    outside_unit.save()
    ok = [
        row(2024, "TTLDXS", "tập thể", "TT-AAA"),
        row(2019, "TTLDXS", "tập thể", "TT-TRUOC", day="5/1/2020"),
    ]
    assert award_import(actor=secretariat, uploaded=xlsx(ok)).created == 2
    with pytest.raises(AwardImportInvalid) as raised:
        award_import(actor=secretariat, uploaded=xlsx([row(2024, "TTLDXS", "tập thể", "TT-NGOAI")]))
    assert [(e.row, e.column) for e in raised.value.errors] == [
        (2, str(dict(COLUMNS)["unit_code"]))
    ]
    assert AwardRecord.objects.count() == 2


@pytest.mark.parametrize("role", ["officer", "leader", "viewer", "other_officer"])
def test_others_may_not_import(user_of, titles, our_unit, role):
    our_unit.code = "TT-AAA"
    our_unit.save()
    with pytest.raises(ActionRefused):
        award_import(actor=user_of(role), uploaded=xlsx([row(2024, "TTLDXS", "tập thể", "TT-AAA")]))
    assert not AwardRecord.objects.exists()


def test_import_query_count_does_not_grow_with_rows(admin_user, titles, base_salaries):
    units = [UnitFactory(code=f"TT-Q{i}") for i in range(3)]
    for unit in units:
        for n in range(5):
            PersonFactory(unit=unit, staff_code=f"S{n}", full_name=f"Người Số {n}")

    def rows(count):
        result = []
        for i in range(count):
            # 100 groups of 3 units; within a unit, each group is one title and year.
            unit, group = units[i % 3], i // 3
            year, variant = 2000 + group % 25, group // 25
            day = f"10/01/{year + 1}"
            if i % 2:
                code = ["LDTT", "CSTDCS", "BK_TTCP", "GK"][variant]
                result.append(row(year, code, "cá nhân", unit.code, staff=f"S{i % 5}", day=day))
            else:
                code = ["TTLDXS", "TTLDTT", "BK_TTCP", "CO_TTCP"][variant]
                result.append(row(year, code, "tập thể", unit.code, day=day))
        return result

    def queries(upload):
        with CaptureQueriesContext(connection) as captured:
            award_import(actor=admin_user, uploaded=upload)
        return len(captured)

    queries(xlsx(rows(6)))  # warms the per-user role cache and the content-type cache
    AwardRecord.objects.all().delete()
    small = queries(xlsx(rows(6)))
    AwardRecord.objects.all().delete()
    large = queries(xlsx(rows(300)))
    assert AwardRecord.objects.count() == 300
    assert large == small
    assert large <= 15


def test_import_refuses_files_that_are_not_xlsx(admin_user, titles):
    with pytest.raises(ActionRefused):
        award_import(actor=admin_user, uploaded=SimpleUploadedFile("a.xlsx", b"not a workbook"))
    with pytest.raises(ActionRefused):
        award_import(actor=admin_user, uploaded=xlsx([["x"]], header=["Năm", "Đơn vị"]))
    with pytest.raises(ActionRefused):
        award_import(actor=admin_user, uploaded=xlsx([]))


def test_template_headers_are_recognised(admin_user, titles):
    unit = UnitFactory(code="TT-MAU")
    PersonFactory(unit=unit, staff_code="CB001", full_name="Nguyễn Văn An")
    workbook = load_workbook(BytesIO(template_workbook()))
    sheet = workbook.active
    assert [c.value for c in sheet[1]] == [str(label) for _f, label in COLUMNS]
    for data_row in sheet.iter_rows(min_row=2):
        data_row[3].value = "TT-MAU"
        data_row[2].value = "cá nhân" if data_row[4].value else "tập thể"
        data_row[9].value = "không"
    buffer = BytesIO()
    workbook.save(buffer)
    result = award_import(
        actor=admin_user, uploaded=SimpleUploadedFile("mau.xlsx", buffer.getvalue())
    )
    assert result.created == 2


# --- the page ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("admin", 200),
        ("secretariat", 200),
        ("officer", 403),
        ("leader", 403),
        ("other_officer", 403),
        ("outsider", 403),
        ("viewer", 403),
    ],
)
def test_import_page_permissions(client, user_of, titles, our_unit, role, status):
    our_unit.code = "TT-AAA"
    our_unit.save()
    client.force_login(user_of(role))
    url = reverse("evaluations:award_import")
    assert client.get(url).status_code == status
    response = client.post(url, {"file": xlsx([row(2024, "TTLDXS", "tập thể", "TT-AAA")])})
    assert response.status_code == (302 if status == 200 else 403)
    assert AwardRecord.objects.count() == (1 if status == 200 else 0)


def test_import_page_needs_sign_in(client):
    response = client.get(reverse("evaluations:award_import"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    response = client.get(reverse("evaluations:award_import_template"))
    assert response.status_code == 302


def test_import_page_shows_the_rows_to_fix(client, admin_user, titles):
    client.force_login(admin_user)
    response = client.post(
        reverse("evaluations:award_import"),
        {"file": xlsx([row(2024, "TTLDXS", "tập thể", "TT-KHONG-CO")])},
    )
    assert response.status_code == 200
    assert [e.row for e in response.context["row_errors"]] == [2]
    assert "TT-KHONG-CO" in response.content.decode()
    assert not AwardRecord.objects.exists()


def test_import_page_puts_a_bad_file_on_the_form(client, admin_user, titles):
    client.force_login(admin_user)
    response = client.post(
        reverse("evaluations:award_import"), {"file": SimpleUploadedFile("a.csv", b"a,b")}
    )
    assert response.status_code == 200 and response.context["form"].errors["file"]


def test_template_download(client, officer):
    client.force_login(officer)
    response = client.get(reverse("evaluations:award_import_template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert load_workbook(BytesIO(response.content)).active.max_row == 3


@pytest.mark.parametrize("role", ["admin", "secretariat"])
def test_import_page_bounded(client, user_of, titles, role, django_assert_max_num_queries):
    client.force_login(user_of(role))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("evaluations:award_import")).status_code == 200


def test_every_column_of_the_downloaded_template_lands_on_the_record(client, admin_user, titles):
    """The template as downloaded, one row filled in every column, uploaded through the page:
    every value typed is on the saved record."""
    unit = UnitFactory(code="TT-MAU")
    person = PersonFactory(unit=unit, staff_code="CB001", full_name="Nguyễn Văn An")
    client.force_login(admin_user)
    response = client.get(reverse("evaluations:award_import_template"))
    workbook = load_workbook(BytesIO(response.content))
    sheet = workbook.active
    sheet.delete_rows(2, sheet.max_row)
    typed = {
        "year": 2024,
        "title_code": "CSTDCS",
        "recipient": "cá nhân",
        "unit_code": "TT-MAU",
        "staff_code": "CB001",
        "full_name": "Nguyễn Văn An",
        "decision_number": "125/QĐ-TTr",
        "decision_date": "20/12/2024",
        "issuing_authority": "Thanh tra tỉnh Hưng Yên",
        "thematic": "có",
        "amount": "3.000.000",
        "summary": "Hoàn thành xuất sắc nhiệm vụ năm 2024.",
        "initiative": "Sáng kiến số hóa hồ sơ",
    }
    assert sheet.max_column == len(typed)
    sheet.append([typed[field] for field, _label in COLUMNS])
    buffer = BytesIO()
    workbook.save(buffer)
    response = client.post(
        reverse("evaluations:award_import"),
        {"file": SimpleUploadedFile("mau.xlsx", buffer.getvalue())},
    )
    assert response.status_code == 302
    record = AwardRecord.objects.get()
    assert (record.year, record.title.code, record.title.recipient) == (2024, "CSTDCS", "person")
    assert (record.unit, record.person, record.recipient_name) == (unit, person, "Nguyễn Văn An")
    assert (record.decision_number, record.decision_date) == ("125/QĐ-TTr", date(2024, 12, 20))
    assert record.issuing_authority == "Thanh tra tỉnh Hưng Yên"
    assert record.is_thematic is True
    assert record.amount == Decimal("3000000")
    assert record.summary == "Hoàn thành xuất sắc nhiệm vụ năm 2024."
    assert record.initiative == "Sáng kiến số hóa hồ sơ"
