"""Who records the council's decision on a forwarded proposal: the matrix row
`DECIDE_PROPOSAL` of tests/security/matrix.py, walked over every role (the world of the
permission matrix holds draft proposals only)."""

from urllib.parse import urlparse

import pytest
from django.urls import reverse

from evaluations.proposals.choices import ProposalStatus
from tests.factories.evaluations import AwardProposalFactory
from tests.security.matrix import DECIDE_PROPOSAL
from tests.security.world import ROLES

pytestmark = pytest.mark.django_db

DECISION = {
    "action": "approve",
    "decision_number": "15/QĐ-TTCP",
    "decision_date": "15/01/2026",
    "issuing_authority": "Tổng Thanh tra Chính phủ",
}


def outcome_of(response):
    if response.status_code == 302:
        return "login" if urlparse(response["Location"]).path == reverse("login") else "302"
    return str(response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_councils_secretariat_records_the_decision(
    client, user_of, role, cluster_year, our_unit, titles
):
    proposal = AwardProposalFactory(
        cluster_year=cluster_year,
        unit=our_unit,
        title=titles[("BK_TTCP", "collective")],
        status=ProposalStatus.FORWARDED,
    )
    if role != "anonymous":
        client.force_login(user_of(role))
    url = reverse("evaluations:proposal", args=[proposal.pk])
    assert DECIDE_PROPOSAL.data["action"] == DECISION["action"]
    assert outcome_of(client.get(url)) == DECIDE_PROPOSAL.outcomes("get", "own")[role]
    response = client.post(url, DECISION)
    assert outcome_of(response) == DECIDE_PROPOSAL.outcomes("post", "own")[role]
    proposal.refresh_from_db()
    decided = role == "admin"
    assert (proposal.status == ProposalStatus.APPROVED) is decided
    if decided:
        assert proposal.decision_number == "15/QĐ-TTCP"


def test_the_secretariat_is_refused_on_the_clusters_own_proposal(
    client, secretariat, cluster_year, our_unit, titles
):
    proposal = AwardProposalFactory(
        cluster_year=cluster_year,
        unit=our_unit,
        by_secretariat=True,
        title=titles[("BK_TTCP", "collective")],
        status=ProposalStatus.FORWARDED,
    )
    client.force_login(secretariat)
    url = reverse("evaluations:proposal", args=[proposal.pk])
    page = client.get(url)
    assert page.status_code == 200 and not page.context["can"]["approve"]
    assert client.post(url, DECISION).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.FORWARDED
