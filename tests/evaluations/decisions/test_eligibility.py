"""A revoked award leaves the eligibility history (issue 17): Chiến sĩ thi đua cơ sở needs
Lao động tiên tiến in the same year (R1); an LĐTT given by a decision that is then revoked no
longer counts, neither as an award record nor as the approved proposal behind it."""

import pytest

from evaluations.decisions import services
from evaluations.proposals.choices import ProposalStatus, TaskRating
from tests.evaluations.decisions.conftest import record
from tests.factories.evaluations import AwardProposalFactory
from tests.factories.units import PersonFactory
from tests.helpers.proposals import rules_of

pytestmark = pytest.mark.django_db


def test_revocation_removes_the_award_from_eligibility(
    admin_user, authority, cluster_year, our_unit, titles
):
    person = PersonFactory(unit=our_unit)
    ldtt = AwardProposalFactory(
        cluster_year=cluster_year,
        unit=our_unit,
        person=person,
        title=titles[("LDTT", "person")],
        status=ProposalStatus.FORWARDED,
    )
    decision = services.decision_draft(actor=admin_user, authority=authority, proposals=[ldtt])
    record(decision, admin_user)
    cstdcs = AwardProposalFactory(
        cluster_year=cluster_year,
        unit=our_unit,
        person=person,
        title=titles[("CSTDCS", "person")],
        task_rating=TaskRating.EXCELLENT,
        status=ProposalStatus.SUBMITTED,
    )
    assert "R1" not in rules_of(cstdcs)

    services.decision_revoke(decision=decision, actor=admin_user, reason="Thu hồi khen thưởng")

    assert "R1" in rules_of(cstdcs)
