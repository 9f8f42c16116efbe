"""The results list pages cost exactly the same number of queries at 1 and at 3 units:
one more query per unit (N+1) fails. (Upper bounds at 100 units: test_views.py.)"""

import pytest
from django.urls import reverse

from evaluations.results import services
from tests.factories.evaluations import RankingPublicationFactory
from tests.factories.units import ClusterMembershipFactory
from tests.helpers.results import submit_ready
from tests.roles import user_with_role
from units.choices import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(phase, cluster_year, secretariat):
    """`accepted(size)`: `size` more member units, each with results submitted (with their
    evidence) and accepted."""

    def make(size):
        for _ in range(size):
            unit = ClusterMembershipFactory(cluster_year=cluster_year).unit
            officer = user_with_role(Role.UNIT_OFFICER, unit=unit)
            submission = services.submission_start(phase=phase, unit=unit, actor=officer)
            submit_ready(submission, officer)
            services.submission_accept(submission=submission, actor=secretariat)

    return make


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["secretariat", "admin"])
def test_progress_board_exact(client, user_of, phase, accepted, get_in_queries, role, size):
    accepted(size)
    client.force_login(user_of(role))
    # 9: the extension requests waiting for an answer are read with the board; 10: the
    # results counted by state for the chart.
    page = get_in_queries(reverse("evaluations:phase_results", args=[phase.pk]), 10)
    assert len([row for row in page.context["rows"] if row["submission"]]) == size


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["secretariat", "admin"])
def test_live_ranking_exact(client, user_of, phase, accepted, get_in_queries, role, size):
    """Before publication, those who manage the phase see the ranking as it stands."""
    accepted(size)
    client.force_login(user_of(role))
    # 8: the rubric's groups named in the chart, with the bands' thresholds.
    page = get_in_queries(reverse("evaluations:ranking", args=[phase.pk]), 8)
    assert len(page.context["live"]) == size


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["officer", "secretariat", "viewer", "admin"])
def test_published_ranking_exact(
    client, user_of, phase, accepted, secretariat, get_in_queries, role, size
):
    accepted(size)
    services.ranking_publish(phase=phase, actor=secretariat)
    client.force_login(user_of(role))
    # 9: the rubric's groups named in the chart, with the bands' thresholds.
    page = get_in_queries(reverse("evaluations:ranking", args=[phase.pk]), 9)
    assert len(page.context["entries"]) == size


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["officer", "secretariat", "admin"])
def test_campaign_ranking_exact(
    client, user_of, campaign, phase, accepted, secretariat, get_in_queries, role, size
):
    """Every phase published (the second, without results, as an empty publication): members
    see the campaign's ranking."""
    accepted(size)
    services.ranking_publish(phase=phase, actor=secretariat)
    RankingPublicationFactory(phase=campaign.phases.exclude(pk=phase.pk).get())
    client.force_login(user_of(role))
    page = get_in_queries(reverse("evaluations:campaign_ranking", args=[campaign.pk]), 9)
    assert len(page.context["ranked"]) == size
