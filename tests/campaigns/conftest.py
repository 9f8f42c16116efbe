import pytest

from tests.factories.campaigns import CampaignFactory, SectorCampaignFactory
from tests.factories.units import ClusterYearFactory


@pytest.fixture
def other_cluster_campaign(db):
    """A campaign of a cluster year none of our users belongs to."""
    return CampaignFactory(cluster_year=ClusterYearFactory())


@pytest.fixture
def sector_campaign(db):
    return SectorCampaignFactory()
