from datetime import date

import pytest

from tests.factories.campaigns import (
    CampaignFactory,
    CriterionFactory,
    PhaseFactory,
    RubricFactory,
    RubricGroupFactory,
    SectorCampaignFactory,
)
from tests.factories.units import ClusterYearFactory


@pytest.fixture
def campaign(cluster_year):
    """Our cluster year's campaign with two phases."""
    campaign = CampaignFactory(cluster_year=cluster_year)
    PhaseFactory(campaign=campaign)
    PhaseFactory(
        campaign=campaign,
        name="Đợt 2",
        start_date=date(2025, 7, 1),
        end_date=date(2025, 12, 31),
        review_kind="final",
        results_deadline=date(2025, 12, 5),
    )
    return campaign


@pytest.fixture
def other_cluster_campaign(db):
    """A campaign of a cluster year none of our users belongs to."""
    return CampaignFactory(cluster_year=ClusterYearFactory())


@pytest.fixture
def sector_campaign(db):
    return SectorCampaignFactory()


@pytest.fixture
def rubric(campaign):
    rubric = RubricFactory(campaign=campaign, tie_break_groups="A")
    group_a = RubricGroupFactory(rubric=rubric, code="A", title="Công tác thanh tra", order=0)
    group_b = RubricGroupFactory(rubric=rubric, code="B", title="Điểm thưởng", order=1)
    CriterionFactory(group=group_a, code="A1", max_points=10, order=0)
    CriterionFactory(group=group_a, code="A2", max_points=5, order=1, evidence_required=True)
    CriterionFactory(group=group_b, code="B1", max_points=3, kind="bonus", order=0)
    return rubric
