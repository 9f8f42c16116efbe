from datetime import date

import pytest

from evaluations.awards import base_salaries
from evaluations.awards.models import BaseSalary
from evaluations.decisions import services
from evaluations.proposals.choices import ProposalStatus
from tests.factories.evaluations import AwardProposalFactory, IssuingAuthorityFactory
from tests.factories.units import PersonFactory

DECISION_DATE = date(2025, 12, 20)


@pytest.fixture(autouse=True)
def _salaries(db):
    """The base salaries (a data migration; a flushed test database may lack them)."""
    base_salaries.load(BaseSalary)


@pytest.fixture
def authority(db):
    return IssuingAuthorityFactory()


@pytest.fixture
def forwarded(cluster_year, our_unit, other_unit, titles):
    """Two forwarded proposals of our cluster year: our unit's Bằng khen (collective) and a
    person of the other unit's Bằng khen."""
    person = PersonFactory(unit=other_unit, full_name="Trần Thị Lan")
    return [
        AwardProposalFactory(
            cluster_year=cluster_year,
            unit=our_unit,
            title=titles[("BK_TTCP", "collective")],
            status=ProposalStatus.FORWARDED,
        ),
        AwardProposalFactory(
            cluster_year=cluster_year,
            unit=other_unit,
            person=person,
            title=titles[("BK_TTCP", "person")],
            status=ProposalStatus.FORWARDED,
        ),
    ]


@pytest.fixture
def draft(admin_user, authority, forwarded, cluster_year):
    return services.decision_draft(
        actor=admin_user,
        authority=authority,
        proposals=forwarded,
        subject="Về việc tặng Bằng khen của Tổng Thanh tra Chính phủ",
        legal_bases="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        cluster_year=cluster_year,
    )


def record(decision, actor, number="123", day=DECISION_DATE):
    return services.decision_record(
        decision=decision,
        actor=actor,
        number=number,
        date=day,
        signer_name="Nguyễn Văn Ký",
        signer_position="Phó Tổng Thanh tra",
        sign_form="KT.",
    )


@pytest.fixture
def recorded(draft, admin_user):
    return record(draft, admin_user)
