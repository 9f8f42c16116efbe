"""Every page costs a bounded number of queries, whatever the number of units and people."""

import pytest
from django.urls import reverse

from tests.factories.units import (
    ClusterMembershipFactory,
    ClusterYearFactory,
    PersonFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


def grow(cluster_year, our_unit, size):
    """Add `size` member units, people in our unit, and other cluster years."""
    for i in range(size):
        ClusterMembershipFactory(cluster_year=cluster_year)
        PersonFactory(unit=our_unit)
        ClusterYearFactory(cluster=cluster_year.cluster, year=2030 + i)
        UnitFactory(is_active=False)


def pages(our_unit, cluster_year, person):
    return [
        reverse("dashboard"),
        reverse("units:account"),
        reverse("units:unit_list"),
        reverse("units:unit_list") + "?kind=provincial&status=active&q=Thanh",
        reverse("units:unit_detail", args=[our_unit.pk]),
        reverse("units:cluster_list"),
        reverse("units:cluster_detail", args=[cluster_year.cluster_id]),
        reverse("units:cluster_year_detail", args=[cluster_year.cluster_id, cluster_year.year]),
        reverse("units:person_add", args=[our_unit.pk]),
        reverse("units:person_edit", args=[person.pk]),
        reverse("units:staff_import", args=[our_unit.pk]),
    ]


@pytest.mark.parametrize("size", [1, 30])
@pytest.mark.parametrize("role", ["officer", "secretariat", "admin"])
def test_pages_cost_bounded_queries(
    client, user_of, cluster_year, our_unit, size, role, django_assert_max_num_queries
):
    grow(cluster_year, our_unit, size)
    person = PersonFactory(unit=our_unit)
    client.force_login(user_of(role))
    for url in pages(our_unit, cluster_year, person):
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(url)
        assert response.status_code in (200, 403), url
