"""The decision pages cost the same number of queries with 1 line and with 5 (an extra query
per line fails)."""

import pytest
from django.urls import reverse

from evaluations.decisions import services
from evaluations.proposals.choices import ProposalStatus
from tests.evaluations.decisions.conftest import record
from tests.factories.evaluations import AwardProposalFactory
from tests.factories.units import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision_of(admin_user, authority, cluster_year, our_unit, titles):
    """`decision_of(size, recorded=True)`: a decision of `size` people's lines."""

    numbers = iter(range(1, 100))

    def make(size, recorded=True):
        proposals = [
            AwardProposalFactory(
                cluster_year=cluster_year,
                unit=our_unit,
                person=PersonFactory(unit=our_unit),
                title=titles[("BK_TTCP", "person")],
                status=ProposalStatus.FORWARDED,
            )
            for _ in range(size)
        ]
        decision = services.decision_draft(
            actor=admin_user, authority=authority, proposals=proposals, cluster_year=cluster_year
        )
        return record(decision, admin_user, number=str(next(numbers))) if recorded else decision

    return make


@pytest.mark.parametrize("size", [1, 5])
@pytest.mark.parametrize(("role", "queries"), [("admin", 7), ("viewer", 7)])
def test_decision_detail(client, user_of, decision_of, get_in_queries, size, role, queries):
    decision = decision_of(size)
    client.force_login(user_of(role))
    page = get_in_queries(reverse("evaluations:decision", args=[decision.pk]), queries)
    assert len(page.context["lines"]) == size


@pytest.mark.parametrize("size", [1, 5])
def test_decision_list_and_register(client, admin_user, decision_of, get_in_queries, size):
    decisions = [decision_of(1) for _ in range(size)]
    client.force_login(admin_user)
    page = get_in_queries(reverse("evaluations:decision_list"), 8)
    assert len(page.context["decisions"]) == size
    authority = decisions[0].authority
    get_in_queries(reverse("evaluations:decision_register", args=[authority.pk, 2025]), 6)


@pytest.mark.parametrize("size", [1, 5])
def test_draft_page(client, admin_user, cluster_year, our_unit, titles, get_in_queries, size):
    for _ in range(size):
        AwardProposalFactory(
            cluster_year=cluster_year,
            unit=our_unit,
            person=PersonFactory(unit=our_unit),
            title=titles[("BK_TTCP", "person")],
            status=ProposalStatus.FORWARDED,
        )
    client.force_login(admin_user)
    url = reverse("evaluations:decision_draft", args=[cluster_year.pk])
    page = get_in_queries(url, 8)
    assert len(page.context["form"].fields["proposals"].choices) == size


@pytest.mark.parametrize("size", [1, 5])
def test_record_page(client, admin_user, decision_of, get_in_queries, size):
    decision = decision_of(size, recorded=False)
    client.force_login(admin_user)
    get_in_queries(reverse("evaluations:decision_record", args=[decision.pk]), 5)
