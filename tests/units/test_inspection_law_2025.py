"""The 2025 Law on Inspection (in force 01/7/2025): from the cluster year 2026 on, a
cluster takes only the Government Inspectorate's units, provincial and special
inspectorates; ministry (and department, district) inspectorates no longer exist.
2025 and earlier keep the members they had."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.units import (
    ClusterFactory,
    ClusterMembershipFactory,
    ClusterYearFactory,
    UnitFactory,
)
from tests.helpers.browser_form import form_fields
from units.choices import UnitKind
from units.models import AuditEntry, ClusterMembership, ClusterYear, member_refusal

pytestmark = pytest.mark.django_db


@pytest.fixture
def ministry():
    return UnitFactory(name="Thanh tra Bộ Tài chính", kind=UnitKind.MINISTRY_INSPECTORATE)


@pytest.fixture
def ttcp():
    return UnitFactory(name="Thanh tra Chính phủ", kind=UnitKind.GOVERNMENT_INSPECTORATE)


@pytest.mark.parametrize("year", [2019, 2024, 2025])
def test_years_up_to_2025_keep_their_ministry_inspectorates(ministry, year):
    assert member_refusal(ministry, year) == ""


@pytest.mark.parametrize("year", [2026, 2027])
def test_from_2026_a_ministry_inspectorate_is_refused_with_the_reason(ministry, year):
    with translation.override("vi"):
        message = member_refusal(ministry, year)
    assert "Thanh tra Bộ Tài chính" in message
    assert "Luật Thanh tra" in message
    assert "01/07/2025" in message


@pytest.mark.parametrize(
    "kind",
    [
        UnitKind.GOVERNMENT_INSPECTORATE,
        UnitKind.PROVINCIAL_INSPECTORATE,
        UnitKind.SPECIAL_INSPECTORATE,
    ],
)
def test_from_2026_the_two_levels_and_special_inspectorates_remain(kind):
    assert member_refusal(UnitFactory(kind=kind), 2026) == ""


def test_a_department_of_the_government_inspectorate_remains_another_does_not(ttcp):
    province = UnitFactory()
    assert member_refusal(UnitFactory(kind=UnitKind.DEPARTMENT, parent=ttcp), 2026) == ""
    assert member_refusal(UnitFactory(kind=UnitKind.DEPARTMENT, parent=province), 2026) != ""
    assert member_refusal(UnitFactory(kind=UnitKind.OTHER), 2026) != ""


def _add_page_data(client, cluster, year, unit):
    page = client.get(reverse("admin:units_clusteryear_add"))
    assert page.status_code == 200
    data = form_fields(page.content.decode())
    data.update(
        {
            "cluster": cluster.pk,
            "year": year,
            "memberships-TOTAL_FORMS": "1",
            "memberships-0-unit": unit.pk,
        }
    )
    return data


@pytest.mark.parametrize(("year", "accepted"), [(2025, True), (2026, False)])
def test_the_admin_membership_rows_follow_the_date(client, admin_user, ministry, year, accepted):
    cluster = ClusterFactory()
    client.force_login(admin_user)
    data = _add_page_data(client, cluster, year, ministry)
    response = client.post(reverse("admin:units_clusteryear_add"), data)
    created = ClusterYear.objects.filter(cluster=cluster, year=year).exists()
    assert created is accepted
    if accepted:
        assert response.status_code == 302
        assert ClusterMembership.objects.filter(unit=ministry, cluster_year__year=year).exists()
    else:
        assert response.status_code == 200
        assert "Luật Thanh tra" in response.content.decode()
        assert not AuditEntry.objects.filter(action__startswith="clusteryear.").exists()


def test_the_admin_refuses_adding_a_ministry_to_an_existing_2026_year(client, admin_user, ministry):
    year = ClusterYearFactory(year=2026)
    kept = ClusterMembershipFactory(cluster_year=year)
    client.force_login(admin_user)
    url = reverse("admin:units_clusteryear_change", args=[year.pk])
    data = form_fields(client.get(url).content.decode())
    data.update({"memberships-TOTAL_FORMS": "2", "memberships-1-unit": ministry.pk})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Luật Thanh tra" in response.content.decode()
    assert list(year.memberships.values_list("unit", flat=True)) == [kept.unit_id]


def test_a_2025_year_with_a_ministry_member_still_saves_in_the_admin(client, admin_user, ministry):
    year = ClusterYearFactory(year=2025)
    ClusterMembershipFactory(cluster_year=year, unit=ministry)
    client.force_login(admin_user)
    url = reverse("admin:units_clusteryear_change", args=[year.pk])
    data = form_fields(client.get(url).content.decode())
    data["theme"] = "Chủ đề mới"
    response = client.post(url, data)
    assert response.status_code == 302
    year.refresh_from_db()
    assert year.theme == "Chủ đề mới"


@pytest.mark.parametrize(("year", "accepted"), [(2025, True), (2026, False)])
def test_the_membership_admin_follows_the_date_too(client, admin_user, ministry, year, accepted):
    cluster_year = ClusterYearFactory(year=year)
    client.force_login(admin_user)
    url = reverse("admin:units_clustermembership_add")
    data = form_fields(client.get(url).content.decode())
    data.update({"cluster_year": cluster_year.pk, "unit": ministry.pk})
    response = client.post(url, data)
    assert (response.status_code == 302) is accepted
    assert cluster_year.memberships.filter(unit=ministry).exists() is accepted
    if not accepted:
        assert "Luật Thanh tra" in response.content.decode()
