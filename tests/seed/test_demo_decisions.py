"""The demo's award decisions: three issuing authorities, and Decision 112/QĐ-TTCP recorded
for the 2019 ballot's winners, reachable from their proposals, the 2019 cluster year's page
and its honour board."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from evaluations.ballots.models import BallotCandidate
from evaluations.decisions.choices import AuthorityLevel, DecisionStatus
from evaluations.decisions.models import AwardDecision, IssuingAuthority
from seed.demo.ballots import BALLOT_2019
from units.models import ClusterYear, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("seed_demo", verbosity=0)


def test_the_demo_has_the_three_kinds_of_authority(demo):
    levels = set(IssuingAuthority.objects.values_list("level", flat=True))
    assert levels == {AuthorityLevel.SECTOR, AuthorityLevel.UNIT, AuthorityLevel.PROVINCE}
    assert IssuingAuthority.objects.get(symbol="QĐ-TTCP").place == "Hà Nội"


def test_the_2019_winners_have_a_recorded_decision_linked_everywhere(demo, client):
    decision = AwardDecision.objects.get(number="112")
    assert decision.status == DecisionStatus.RECORDED
    assert decision.full_number == "112/QĐ-TTCP"
    winners = set(
        BallotCandidate.objects.filter(
            question__ballot__title=BALLOT_2019, elected=True
        ).values_list("unit_id", "question__title_id")
    )
    lines = set(decision.lines.values_list("unit_id", "title_id"))
    assert lines == winners and len(lines) >= 2
    assert decision.award_records.count() == len(lines)
    assert not decision.award_records.filter(amount__isnull=True).exists()

    client.force_login(User.objects.get(username="admin"))
    link = reverse("evaluations:decision", args=[decision.pk])
    proposal = decision.lines.first().proposal
    assert link in client.get(reverse("evaluations:proposal", args=[proposal.pk])).content.decode()
    year = ClusterYear.objects.get(cluster__code="CUM2", year=2019)
    page = client.get(reverse("units:cluster_year_detail", args=[year.cluster_id, 2019]))
    assert link in page.content.decode()
    board = client.get(reverse("evaluations:cluster_year_honour_board", args=[year.pk]))
    assert link in board.content.decode()


def test_the_demo_decisions_are_idempotent(demo):
    call_command("seed_demo", verbosity=0)
    assert AwardDecision.objects.filter(number="112").count() == 1
