"""The cluster-year page links that year's campaigns, pledge, registration rounds, ballots,
honour board and, for those who run it, proposals and dossier. The links come from the
later apps through `units.year_links` (units imports none of them), in constant queries."""

import pytest
from django.urls import reverse

from pledges.choices import PledgeStatus
from tests.factories.campaigns import CampaignFactory
from tests.factories.pledges import PledgeFactory, RegistrationRoundFactory
from tests.factories.units import ClusterYearFactory

pytestmark = pytest.mark.django_db


def page_url(cluster_year):
    return reverse("units:cluster_year_detail", args=[cluster_year.cluster_id, cluster_year.year])


@pytest.fixture
def year_work(cluster_year):
    return {
        "campaign": CampaignFactory(cluster_year=cluster_year, title="Phong trào năm 2025"),
        "pledge": PledgeFactory(
            cluster_year=cluster_year, title="Giao ước năm 2025", status=PledgeStatus.SIGNED
        ),
        "draft": PledgeFactory(cluster_year=cluster_year, title="Giao ước đang soạn"),
        "round": RegistrationRoundFactory(cluster_year=cluster_year, title="Đăng ký 2025"),
        # Another cluster's year: nothing of it shows.
        "foreign": CampaignFactory(cluster_year=ClusterYearFactory(), title="Phong trào khác"),
    }


def test_a_member_unit_sees_the_years_work(client, officer, cluster_year, year_work):
    client.force_login(officer)
    html = client.get(page_url(cluster_year)).content.decode()
    for key, name in (
        ("campaign", "campaigns:campaign_detail"),
        ("pledge", "pledges:pledge_detail"),
    ):
        assert reverse(name, args=[year_work[key].pk]) in html
    assert reverse("pledges:round_detail", args=[year_work["round"].pk]) in html
    assert "Phong trào năm 2025" in html and "Giao ước năm 2025" in html
    assert f"{reverse('evaluations:ballot_list')}?cluster_year={cluster_year.pk}" in html
    assert reverse("evaluations:cluster_year_honour_board", args=[cluster_year.pk]) in html
    # A draft pledge is the secretariat's; another cluster's campaign is not this year's.
    assert "Giao ước đang soạn" not in html
    assert "Phong trào khác" not in html
    # The tools of those who run the year are not offered.
    assert reverse("evaluations:cluster_year_dossier", args=[cluster_year.pk]) not in html
    assert reverse("evaluations:cluster_proposals", args=[cluster_year.pk]) not in html


@pytest.mark.parametrize("role", ["secretariat", "admin"])
def test_those_who_run_the_year_get_proposals_and_dossier(
    client, user_of, cluster_year, year_work, role
):
    client.force_login(user_of(role))
    html = client.get(page_url(cluster_year)).content.decode()
    assert reverse("evaluations:cluster_year_dossier", args=[cluster_year.pk]) in html
    assert reverse("evaluations:cluster_proposals", args=[cluster_year.pk]) in html
    assert "Giao ước đang soạn" in html


def test_the_secretariat_of_another_year_gets_no_dossier(client, user_of, year_work):
    other_year = year_work["foreign"].cluster_year
    client.force_login(user_of("secretariat"))
    html = client.get(page_url(other_year)).content.decode()
    assert reverse("evaluations:cluster_year_dossier", args=[other_year.pk]) not in html


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize(("role", "queries"), [("officer", 10), ("secretariat", 10)])
def test_the_page_costs_the_same_queries_at_any_size(
    client, user_of, cluster_year, get_in_queries, size, role, queries
):
    for i in range(size):
        CampaignFactory(cluster_year=cluster_year)
        PledgeFactory(cluster_year=cluster_year, status=PledgeStatus.SIGNED)
        RegistrationRoundFactory(cluster_year=cluster_year, title=f"Đợt {i}")
    client.force_login(user_of(role))
    page = get_in_queries(page_url(cluster_year), queries)
    assert len(page.context["year_links"]) == 3 * size + 2 + (
        4 if role == "secretariat" else 0
    )  # runs: +statistics
