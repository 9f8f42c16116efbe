"""The proposal list and the cluster's batch page cost exactly the same number of queries at
1 and at 3 proposals of each kind: one more query per proposal (N+1) fails. (Upper bounds at
25 and 30 proposals: test_views.py.)"""

import pytest
from django.urls import reverse

from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.models import AwardProposal
from tests.helpers.proposals import YEAR, propose, record, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(officer, cluster_year, our_unit, titles):
    """`submitted(size)`: `size` submitted proposals of each kind for our unit's people: one
    that passes (CSTĐCS with LĐTT the same year) and one that is blocked (without)."""

    def make(size):
        people = staff(our_unit, 2 * size)
        for person in people[:size]:
            record(titles, "LDTT", YEAR, person=person)
        for person in people:
            propose(officer, cluster_year, our_unit, titles, "CSTDCS", person=person)
        AwardProposal.objects.update(status=ProposalStatus.SUBMITTED)

    return make


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize(
    ("role", "queries"), [("officer", 7), ("leader", 7), ("secretariat", 7), ("admin", 6)]
)
def test_proposal_list_exact(client, user_of, submitted, get_in_queries, role, queries, size):
    submitted(size)
    client.force_login(user_of(role))
    page = get_in_queries(reverse("evaluations:proposal_list"), queries)
    assert len(page.context["proposals"]) == 2 * size


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["secretariat", "admin"])
def test_cluster_proposals_exact(
    client, user_of, cluster_year, submitted, get_in_queries, role, size
):
    submitted(size)
    client.force_login(user_of(role))
    url = reverse("evaluations:cluster_proposals", args=[cluster_year.pk])
    page = get_in_queries(url, 9)
    assert (page.context["passing"], page.context["failing"]) == (size, size)
