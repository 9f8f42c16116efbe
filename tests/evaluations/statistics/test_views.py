"""The statistics pages and workbooks: what each shows, to whom, at what cost in queries."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.evaluations.statistics.conftest import YEAR

pytestmark = pytest.mark.django_db


def sector_url(slug, *, xlsx=False, year=YEAR):
    name = "evaluations:statistics_sector_xlsx" if xlsx else "evaluations:statistics_sector"
    return reverse(name, args=[year, slug])


def unit_url(unit, slug, *, xlsx=False):
    name = "evaluations:statistics_unit_xlsx" if xlsx else "evaluations:statistics_unit"
    return reverse(name, args=[YEAR, unit.pk, slug])


def cluster_url(cluster_year, slug, *, xlsx=False):
    name = "evaluations:statistics_cluster_xlsx" if xlsx else "evaluations:statistics_cluster"
    return reverse(name, args=[cluster_year.pk, slug])


def cell_text(html, key):
    marker = f'data-cell="{key}">'
    start = html.index(marker) + len(marker)
    return html[start : html.index("</td>", start)]


def test_the_sector_page_shows_the_form_with_its_figures(client, admin_user, statistics_world):
    client.force_login(admin_user)
    response = client.get(sector_url("0603"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Biểu số: 0603.N/BNV-TĐKT" in html
    assert "Năm 2019 (từ ngày 01/12/2018 đến ngày 30/11/2019)" in html
    assert cell_text(html, "01-1") == "7"  # row 01, column 1 (total)
    assert cell_text(html, "01-2") == "4"  # Bằng khen
    assert cell_text(html, "03-1") == ""  # enterprises: filled in by hand
    assert "Thông tư 18/2025/TT-BNV" in html  # what could not be verified is said
    assert "Chưa kiểm chứng" in html


def test_the_cluster_page_counts_its_members(client, cluster_year, statistics_world, user_of):
    client.force_login(user_of("secretariat"))
    html = client.get(cluster_url(cluster_year, "0603")).content.decode()
    assert cell_text(html, "01-1") == "6"
    assert cluster_year.cluster.name in html


def test_the_unit_page_counts_the_unit(client, our_unit, statistics_world, user_of):
    client.force_login(user_of("officer"))
    html = client.get(unit_url(our_unit, "0603")).content.decode()
    assert cell_text(html, "01-1") == "5"


def test_the_workbook_keeps_the_forms_layout(client, admin_user, statistics_world):
    client.force_login(admin_user)
    response = client.get(sector_url("0602", xlsx=True))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bieu-0602-2019-sector.xlsx"'
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet["A1"].value == "Biểu số: 0602.N/BNV-TĐKT"
    assert sheet["A4"].value == "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC"
    assert sheet["A5"].value == "Năm 2019 (từ ngày 01/12/2018 đến ngày 30/11/2019)"
    # Header: A, B, C, then the form's columns; the group over its Tập thể / Cá nhân pair.
    assert [sheet.cell(7, c).value for c in (1, 2, 3, 4)] == [
        None,
        "Mã số",
        "Đơn vị tính",
        "Tổng số",
    ]
    assert sheet["K7"].value == "Bằng khen của Thủ tướng Chính phủ"
    assert (sheet["K8"].value, sheet["L8"].value) == ("Tập thể", "Cá nhân")
    assert "K7:L7" in {str(r) for r in sheet.merged_cells.ranges}
    assert [sheet.cell(9, c).value for c in range(1, 6)] == ["A", "B", "C", "1", "2"]
    rows = {sheet.cell(r, 2).value: r for r in range(10, sheet.max_row + 1)}
    total = rows["1"]
    assert sheet.cell(total, 1).value == "Tổng số"
    assert sheet.cell(total, 4).value == 3
    assert (sheet.cell(total, 11).value, sheet.cell(total, 12).value) == (0, 1)
    assert sheet.cell(total, 5).value is None  # orders and medals: by hand
    assert sheet.cell(rows["9"], 3).value == "Người"
    assert sheet.print_title_rows == "$7:$9"
    assert sheet.page_setup.orientation == "landscape"


@pytest.mark.parametrize("slug", ["0601", "0604", "0605"])
def test_every_form_downloads(client, admin_user, statistics_world, slug):
    client.force_login(admin_user)
    sheet = load_workbook(BytesIO(client.get(sector_url(slug, xlsx=True)).content)).active
    assert sheet["A1"].value == f"Biểu số: {slug}.N/BNV-TĐKT"


def test_an_unknown_form_or_year_is_404(client, admin_user):
    client.force_login(admin_user)
    assert client.get(sector_url("0699")).status_code == 404
    assert client.get(sector_url("0601", year=1999)).status_code == 404


@pytest.mark.parametrize("role", ["officer", "leader", "other_officer", "outsider", "secretariat"])
def test_the_sector_is_for_the_sector_wide_roles(client, user_of, role):
    client.force_login(user_of(role))
    assert client.get(sector_url("0601")).status_code == 403


def test_a_stranger_gets_403_for_a_unit_and_404_for_no_unit(client, user_of, our_unit):
    client.force_login(user_of("outsider"))
    assert client.get(unit_url(our_unit, "0603")).status_code == 403
    assert (
        client.get(reverse("evaluations:statistics_unit", args=[YEAR, 0, "0603"])).status_code
        == 404
    )


def test_the_index_lists_what_each_role_may_open(client, user_of, cluster_year, our_unit):
    cluster_year.year = YEAR
    cluster_year.save(update_fields=["year"])
    client.force_login(user_of("officer"))
    html = client.get(reverse("evaluations:statistics"), {"year": YEAR}).content.decode()
    assert unit_url(our_unit, "0601") in html
    assert cluster_url(cluster_year, "0601") not in html
    assert sector_url("0601") not in html
    client.force_login(user_of("secretariat"))
    html = client.get(reverse("evaluations:statistics"), {"year": YEAR}).content.decode()
    assert cluster_url(cluster_year, "0601") in html
    client.force_login(user_of("admin"))
    html = client.get(reverse("evaluations:statistics"), {"year": YEAR}).content.decode()
    assert sector_url("0601") in html
    assert cluster_url(cluster_year, "0601") in html


# ---------------------------------------------------------------- queries


def test_a_form_page_costs_the_same_queries_with_one_or_many_awards(
    client, admin_user, titles, our_unit, django_assert_num_queries
):
    from datetime import date

    from tests.factories.evaluations import AwardRecordFactory
    from tests.factories.units import UnitFactory

    client.force_login(admin_user)
    client.get(sector_url("0603"))  # the session and roles warmed
    AwardRecordFactory(title=titles["BK_TTCP", "collective"], unit=our_unit,
                       decision_date=date(2019, 5, 1), year=2019)  # fmt: skip
    # session, user, roles (two), the one count
    with django_assert_num_queries(5) as one:
        client.get(sector_url("0603"))
    for _ in range(5):
        AwardRecordFactory(title=titles["BK_TTCP", "collective"], unit=UnitFactory(),
                           decision_date=date(2019, 5, 1), year=2019)  # fmt: skip
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(sector_url("0603"))
    assert cell_text(response.content.decode(), "01-1") == "6"


@pytest.mark.parametrize("many", [False, True])
def test_the_index_costs_a_constant_number_of_queries(
    client, user_of, django_assert_max_num_queries, many
):
    from tests.factories.units import ClusterYearFactory

    for _ in range(6 if many else 1):
        ClusterYearFactory(year=YEAR)
    client.force_login(user_of("admin"))
    # session, user, roles (two), the cluster years, the units
    with django_assert_max_num_queries(6):
        client.get(reverse("evaluations:statistics"), {"year": YEAR})


@pytest.mark.parametrize("scope", ["unit", "cluster"])
def test_unit_and_cluster_pages_cost_few_queries(
    client, user_of, our_unit, cluster_year, statistics_world, django_assert_max_num_queries, scope
):
    client.force_login(user_of("admin"))
    url = unit_url(our_unit, "0603") if scope == "unit" else cluster_url(cluster_year, "0603")
    # session, user, roles (two), the unit or cluster year, the one count
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200
