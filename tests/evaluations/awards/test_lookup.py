"""The sector's award register and lookup (evaluations/awards/lookup.py): by name without
accents, decision number, title, year, unit (with its predecessors) and cluster; paged,
printable, exported as .xlsx; amounts only where the unit's award details may be seen."""

import re
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories.evaluations import AwardRecordFactory
from tests.factories.units import PersonFactory, UnitFactory
from tests.helpers.browser_form import form_data

pytestmark = pytest.mark.django_db
URL = reverse("evaluations:award_lookup")
XLSX_URL = reverse("evaluations:award_lookup_xlsx")


@pytest.fixture
def records(titles, cluster_year, our_unit, other_unit, outside_unit):
    an = PersonFactory(unit=our_unit, full_name="Nguyễn Văn An")
    return {
        "an": AwardRecordFactory(
            title=titles[("CSTDCS", "person")],
            unit=our_unit,
            person=an,
            year=cluster_year.year,
            decision_number="123/QĐ-TTCP",
            amount=Decimal("1800000"),
        ),
        "collective": AwardRecordFactory(
            title=titles[("TTLDXS", "collective")],
            unit=other_unit,
            year=cluster_year.year,
            decision_number="45/QĐ-TTr",
            amount=Decimal("2340000"),
        ),
        "outside": AwardRecordFactory(
            title=titles[("CSTDCS", "person")],
            unit=outside_unit,
            person=PersonFactory(unit=outside_unit, full_name="Nguyễn Văn Anh"),
            year=cluster_year.year - 1,
            decision_number="7/QĐ-UBND",
        ),
    }


def rows(html) -> list[str]:
    """The recipients of the result table, in order."""
    body = re.search(r'<div class="table-responsive award-lookup">.*?</table>', html, re.S)
    if body is None:
        return []
    cells = re.findall(r"<tr>\s*<td[^>]*>\d+</td>\s*<td[^>]*>([^<]*)", body.group(0))
    return [cell.strip() for cell in cells]


def look_up(client, **typed):
    """The lookup's form as the browser sends it (GET), with what the user typed."""
    page = client.get(URL).content.decode()
    data = form_data(page)
    data.update({name: str(value) for name, value in typed.items()})
    response = client.get(URL, data)
    assert response.status_code == 200
    return response.content.decode()


def test_name_typed_without_accents_finds_the_person(client, outsider_officer, records):
    client.force_login(outsider_officer)  # award decisions are public acts
    html = look_up(client, name="nguyen van an")
    # Every word typed begins a word of the name: "an" finds "An" and "Anh", newest first.
    assert rows(html) == ["Nguyễn Văn An", "Nguyễn Văn Anh"]
    assert "123/QĐ-TTCP" in html
    assert rows(look_up(client, name="NGUYEN VAN ANH")) == ["Nguyễn Văn Anh"]


def test_each_criterion_narrows_the_register(
    client, admin_user, records, titles, cluster_year, our_unit
):
    client.force_login(admin_user)
    # The number begins with what is typed, accents and punctuation aside.
    assert rows(look_up(client, decision="45/qd")) == [records["collective"].recipient_name]
    assert rows(look_up(client, decision="45 QĐ TTR")) == [records["collective"].recipient_name]
    assert rows(look_up(client, decision="4/qd")) == []
    assert rows(look_up(client, year=cluster_year.year - 1)) == ["Nguyễn Văn Anh"]
    assert rows(look_up(client, title=titles[("TTLDXS", "collective")].pk)) == [
        records["collective"].recipient_name
    ]
    assert sorted(rows(look_up(client, cluster=cluster_year.cluster_id))) == sorted(
        ["Nguyễn Văn An", records["collective"].recipient_name]
    )
    assert rows(look_up(client, unit__q=our_unit.name)) == ["Nguyễn Văn An"]
    assert rows(look_up(client, name="nguyen", decision="7/qd")) == ["Nguyễn Văn Anh"]


def test_a_unit_takes_in_its_predecessors_awards(client, viewer, titles):
    successor = UnitFactory(name="Thanh tra tỉnh Mới Hợp Nhất")
    merged = UnitFactory(
        name="Thanh tra tỉnh Đã Sáp Nhập",
        is_active=False,
        merged_into=successor,
        merged_on=date(2025, 7, 1),
    )
    AwardRecordFactory(title=titles[("TTLDXS", "collective")], unit=merged, year=2019)
    client.force_login(viewer)
    html = look_up(client, unit__q="moi hop nhat")
    assert rows(html) == ["Thanh tra tỉnh Đã Sáp Nhập"]


def test_amounts_only_to_those_who_see_the_units_details(
    client, officer, other_officer, secretariat, viewer, admin_user, records
):
    """Our unit's officer sees our amount, not the other unit's; the secretariat and the
    administrator see both; a sector viewer none."""
    expected = {
        officer: ({"1.800.000"}, {"2.340.000"}),
        other_officer: ({"2.340.000"}, {"1.800.000"}),
        secretariat: ({"1.800.000", "2.340.000"}, set()),
        admin_user: ({"1.800.000", "2.340.000"}, set()),
        viewer: (set(), {"1.800.000", "2.340.000"}),
    }
    for user, (shown, hidden) in expected.items():
        client.force_login(user)
        html = look_up(client, year=records["an"].year)
        for amount in shown:
            assert amount in html, (user, amount)
        for amount in hidden:
            assert amount not in html, (user, amount)


def test_no_criterion_lists_nothing(client, officer, records):
    client.force_login(officer)
    html = look_up(client)
    assert rows(html) == []
    assert "Hãy nhập ít nhất một điều kiện" in html


def test_the_page_prints_and_exports(client, officer, records):
    client.force_login(officer)
    html = look_up(client, decision="123/qd")
    assert "data-print" in html
    assert f'href="{XLSX_URL}?' in html


def test_xlsx_holds_the_lookup_with_the_amounts_the_user_may_see(
    client, officer, records, cluster_year
):
    client.force_login(officer)
    response = client.get(XLSX_URL, {"year": cluster_year.year})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet["A1"].value == "Tra cứu khen thưởng: kết quả"
    assert [c.value for c in sheet[3]][:2] == ["STT", "Năm"]
    table = {row[2]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert table["Nguyễn Văn An"][6] == "123/QĐ-TTCP"
    assert table["Nguyễn Văn An"][9] == 1800000  # our unit: the officer sees it
    assert table[records["collective"].recipient_name][9] is None  # the other unit's: not
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.freeze_panes == "D4"


def test_xlsx_without_a_criterion_goes_back_to_the_lookup(client, officer):
    client.force_login(officer)
    response = client.get(XLSX_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(URL)


def test_anonymous_is_sent_to_sign_in(client):
    for url in (URL, XLSX_URL):
        response = client.get(url, {"name": "an"})
        assert response.status_code == 302
        assert reverse("login") in response["Location"]


def _many(titles, unit, size):
    for i in range(size):
        AwardRecordFactory(
            title=titles[("CSTDCS", "person")],
            unit=unit,
            person=PersonFactory(unit=unit, full_name=f"Nguyễn Văn Nhiều {i}"),
            year=2000 + i,
        )


def _cost(client, params):
    with CaptureQueriesContext(connection) as page:
        response = client.get(URL, params)
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as export:
        assert client.get(XLSX_URL, params).status_code == 200
    return len(page), len(export), response.content.decode()


def test_query_count_is_the_same_for_one_and_many_awards(client, secretariat, titles, our_unit):
    params = {"name": "nguyen van nhieu", "unit": our_unit.pk}
    client.force_login(secretariat)
    _many(titles, our_unit, 1)
    client.get(URL, params)  # warm the session
    one_page, one_export, html = _cost(client, params)
    assert len(rows(html)) == 1
    _many(titles, our_unit, 60)
    many_page, many_export, html = _cost(client, params)
    assert (many_page, many_export) == (one_page, one_export)
    assert many_page <= 14
    assert len(rows(html)) == 50  # a page
    assert "Trang 1/2" in html
