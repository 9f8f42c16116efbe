"""The ballot list costs exactly the same number of queries at 1 and at 3 ballots of each
state: one more query per ballot (N+1) fails. (Upper bounds at 40 voters: test_views.py.)"""

import pytest
from django.urls import reverse

from evaluations.ballots.choices import BallotStatus
from tests.factories.evaluations import BallotFactory, BallotVoterFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["officer", "leader", "secretariat", "viewer", "admin"])
def test_ballot_list_exact(
    client, user_of, cluster_year, our_unit, other_unit, get_in_queries, role, size
):
    """`size` open and `size` published ballots of our cluster year, both member units
    voting; sector viewers see the published ones only."""
    for _ in range(size):
        for status in (BallotStatus.OPEN, BallotStatus.PUBLISHED):
            ballot = BallotFactory(cluster_year=cluster_year, status=status, eligible_count=2)
            for unit in (our_unit, other_unit):
                BallotVoterFactory(ballot=ballot, unit=unit)
    client.force_login(user_of(role))
    page = get_in_queries(reverse("evaluations:ballot_list"), 6)
    assert len(page.context["ballots"]) == (size if role == "viewer" else 2 * size)
