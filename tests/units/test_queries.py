"""Every page costs a bounded number of queries, whatever the number of units and people;
list pages and the dashboard cost exactly the same number at 1 and at 3 items."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.ballots.choices import BallotStatus
from evaluations.proposals.choices import ProposalStatus
from evaluations.results.choices import SubmissionStatus
from pledges.choices import PledgeStatus
from tests.factories.campaigns import CampaignFactory, PhaseFactory, SectorCampaignFactory
from tests.factories.evaluations import (
    AwardProposalFactory,
    BallotFactory,
    BallotVoterFactory,
    CrossAssignmentFactory,
    SubmissionFactory,
)
from tests.factories.pledges import PledgeFactory, PledgePartyFactory, RegistrationRoundFactory
from tests.factories.units import (
    AuditEntryFactory,
    ClusterMembershipFactory,
    ClusterYearFactory,
    PersonFactory,
    RoleAssignmentFactory,
    UnitFactory,
)
from units.choices import Role

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


# Exact counts at 1 and 3 items: one more query per item (N+1) fails. --------------------


@pytest.mark.parametrize("size", [1, 3])
def test_unit_list_exact(client, officer, get_in_queries, size):
    """Archived units, each merged into a successor the list names."""
    for _ in range(size):
        UnitFactory(
            name="Thanh tra tỉnh Mới",
            is_active=False,
            merged_into=UnitFactory(),
            merged_on=date(2025, 1, 1),
        )
    client.force_login(officer)
    page = get_in_queries(reverse("units:unit_list") + "?q=Mới", 7)
    assert len(page.context["units"]) == size


@pytest.mark.parametrize("size", [1, 3])
def test_staff_list_exact(client, officer, our_unit, get_in_queries, size):
    PersonFactory.create_batch(size, unit=our_unit)
    client.force_login(officer)
    page = get_in_queries(reverse("units:unit_detail", args=[our_unit.pk]), 9)
    assert len(page.context["staff_page"]) == size


@pytest.mark.parametrize("size", [1, 3])
def test_cluster_list_exact(client, officer, get_in_queries, size):
    for _ in range(size):
        ClusterYearFactory()
    client.force_login(officer)
    page = get_in_queries(reverse("units:cluster_list"), 6)
    assert len(page.context["clusters"]) == size + 1  # and our cluster


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize(("role", "queries"), [("officer", 7), ("admin", 6)])
def test_audit_log_exact(client, user_of, our_unit, get_in_queries, role, queries, size):
    user = user_of(role)
    for _ in range(size):
        AuditEntryFactory(unit=our_unit, actor=user_of("officer"))
    client.force_login(user)
    page = get_in_queries(reverse("units:audit_log"), queries)
    assert len(page.context["entries"]) == size


def season(size, *, our_unit, other_unit, secretariat, titles):
    """`size` more cluster years of our unit and the other unit, run by the secretariat,
    each with something on every role's dashboard: a results deadline (and a sector-wide
    one), a pledge to sign, a registration round, a ballot to vote in and one to publish,
    results to review and to cross-score, proposals waiting on each side."""
    today = timezone.localdate()
    for i in range(size):
        year = ClusterYearFactory()
        for unit in (our_unit, other_unit):
            ClusterMembershipFactory(cluster_year=year, unit=unit)
        RoleAssignmentFactory(user=secretariat, role=Role.SECRETARIAT, unit=None, cluster_year=year)
        due = today + timedelta(days=10 + i)
        phase = PhaseFactory(
            campaign=CampaignFactory(cluster_year=year, end_date=due),
            start_date=today,
            end_date=due,
            results_deadline=due,
        )
        PhaseFactory(
            campaign=SectorCampaignFactory(end_date=due),
            start_date=today,
            end_date=due,
            results_deadline=due,
        )
        pledge = PledgeFactory(cluster_year=year, status=PledgeStatus.OPEN)
        RegistrationRoundFactory(cluster_year=year, deadline=due)
        for status in (BallotStatus.OPEN, BallotStatus.CLOSED):
            ballot = BallotFactory(cluster_year=year, status=status, eligible_count=2)
            for unit in (our_unit, other_unit):
                BallotVoterFactory(ballot=ballot, unit=unit)
        for unit in (our_unit, other_unit):
            PledgePartyFactory(pledge=pledge, unit=unit)
            submission = SubmissionFactory(
                phase=phase, unit=unit, status=SubmissionStatus.SUBMITTED
            )
            CrossAssignmentFactory(
                submission=submission, scorer=other_unit if unit == our_unit else our_unit
            )
        waiting = {
            ProposalStatus.SUBMITTED: "GK",
            ProposalStatus.RETURNED: "BK_TTCP",
            ProposalStatus.FORWARDED: "CO_TTCP",
        }
        for status, code in waiting.items():
            AwardProposalFactory(
                cluster_year=year,
                year=2020 + i,
                unit=our_unit,
                title=titles[(code, "collective")],
                status=status,
            )


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize(
    ("role", "queries"),
    [
        ("officer", 11),
        ("leader", 12),
        ("other_officer", 11),
        ("outsider", 11),
        ("secretariat", 12),
        # Who watches the whole sector: one more for the sector overview (evaluations/overview.py).
        ("viewer", 10),
        ("admin", 12),
    ],
)
def test_dashboard_exact(
    client, user_of, our_unit, other_unit, titles, get_in_queries, role, queries, size
):
    season(
        size,
        our_unit=our_unit,
        other_unit=other_unit,
        secretariat=user_of("secretariat"),
        titles=titles,
    )
    client.force_login(user_of(role))
    page = get_in_queries(reverse("dashboard"), queries)
    shown = (
        page.context["my_cluster_years"] + page.context["action_items"] + page.context["upcoming"]
    )
    assert len(shown) >= size  # the season is on the page
