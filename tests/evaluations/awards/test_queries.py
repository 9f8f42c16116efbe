"""Award histories and honour boards cost exactly the same number of queries at 1 and at
3 awards of each kind: one more query per award (N+1) fails."""

import pytest
from django.urls import reverse

from tests.factories.evaluations import AwardRecordFactory
from tests.factories.units import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def awards(titles, campaign, our_unit, other_unit):
    """`awards(size)`: in our cluster year's campaign, `size` of each: a collective title of
    our unit (one a year), a sector-level title of one of its people (listed by name), a
    base-level title of a person (counted per unit), and a collective title of the other
    unit. Returns one person, who holds `size` awards."""

    def make(size):
        holder = PersonFactory(unit=our_unit, full_name="Vũ Thị Gương Mẫu")
        for i in range(size):
            AwardRecordFactory(
                title=titles[("TTLDXS", "collective")],
                unit=our_unit,
                year=2025 - i,
                campaign=campaign,
            )
            AwardRecordFactory(
                title=titles[("CSTD_NGANH", "person")],
                unit=our_unit,
                person=holder,
                year=2025 - i,
                campaign=campaign,
            )
            AwardRecordFactory(
                title=titles[("CSTDCS", "person")],
                unit=our_unit,
                person=PersonFactory(unit=our_unit),
                year=2025,
                campaign=campaign,
            )
            AwardRecordFactory(
                title=titles[("TTLDXS", "collective")],
                unit=other_unit,
                year=2025 - i,
                campaign=campaign,
            )
        return holder

    return make


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["officer", "other_officer", "admin"])
def test_unit_award_history_exact(client, user_of, our_unit, awards, get_in_queries, role, size):
    """With the amounts (our unit's people, administrators) and without (another unit)."""
    awards(size)
    client.force_login(user_of(role))
    page = get_in_queries(reverse("evaluations:unit_awards", args=[our_unit.pk]), 11)
    assert len(page.context["history"].collective) == size
    assert len(page.context["page_obj"]) == 2 * size


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["officer", "secretariat", "admin"])
def test_person_award_history_exact(client, user_of, awards, get_in_queries, role, size):
    holder = awards(size)
    client.force_login(user_of(role))
    page = get_in_queries(reverse("evaluations:person_awards", args=[holder.pk]), 6)
    assert len(page.context["records"]) == size


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["officer", "viewer", "admin"])
def test_campaign_honour_board_exact(client, user_of, campaign, awards, get_in_queries, role, size):
    awards(size)
    client.force_login(user_of(role))
    page = get_in_queries(reverse("evaluations:campaign_honour_board", args=[campaign.pk]), 8)
    assert sum(group.size for group in page.context["groups"]) == 4 * size


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["officer", "outsider", "admin"])
def test_cluster_year_honour_board_exact(
    client, user_of, cluster_year, awards, get_in_queries, role, size
):
    awards(size)
    client.force_login(user_of(role))
    url = reverse("evaluations:cluster_year_honour_board", args=[cluster_year.pk])
    page = get_in_queries(url, 10)
    assert sum(group.size for group in page.context["groups"]) == 4 * size
