"""Campaign permissions over every role: own cluster, another cluster, the sector."""

import pytest

from tests.factories.campaigns import CampaignEventFactory, EventAttachmentFactory
from tests.roles import ROLES

pytestmark = pytest.mark.django_db

# role -> (view our cluster's campaign, manage it)
OUR_CAMPAIGN = {
    "admin": (True, True),
    "officer": (True, False),
    "leader": (True, False),
    "other_officer": (True, False),  # the other unit is a member of the same cluster year
    "outsider": (False, False),
    "secretariat": (True, True),
    "viewer": (True, False),  # a sector-wide viewer
}


@pytest.mark.parametrize("role", ROLES)
def test_cluster_campaign_permissions(role_users, campaign, role):
    user = role_users[role]
    view, manage = OUR_CAMPAIGN[role]
    assert user.has_perm("campaigns.view_campaign", campaign) is view
    assert user.has_perm("campaigns.change_campaign", campaign) is manage
    assert user.has_perm("campaigns.manage_events", campaign) is manage


@pytest.mark.parametrize("role", ROLES)
def test_sector_campaign_read_by_all_managed_by_admin(role_users, sector_campaign, role):
    user = role_users[role]
    assert user.has_perm("campaigns.view_campaign", sector_campaign)
    assert user.has_perm("campaigns.change_campaign", sector_campaign) is (role == "admin")


@pytest.mark.parametrize("role", ROLES)
def test_another_clusters_campaign_hidden(role_users, other_cluster_campaign, role):
    expected = role in ("admin", "viewer")
    assert role_users[role].has_perm("campaigns.view_campaign", other_cluster_campaign) is expected


def test_add_campaign_only_admin_and_secretariat(role_users):
    allowed = {r for r in ROLES if role_users[r].has_perm("campaigns.add_campaign")}
    assert allowed == {"admin", "secretariat"}


def test_rubric_edit_until_frozen_then_new_version(role_users, rubric):
    from django.utils import timezone

    secretariat, officer = role_users["secretariat"], role_users["officer"]
    assert secretariat.has_perm("campaigns.change_rubric", rubric)
    assert not secretariat.has_perm("campaigns.version_rubric", rubric)
    assert not officer.has_perm("campaigns.change_rubric", rubric)
    rubric.frozen_at = timezone.now()
    assert not secretariat.has_perm("campaigns.change_rubric", rubric)
    assert secretariat.has_perm("campaigns.version_rubric", rubric)
    assert not officer.has_perm("campaigns.version_rubric", rubric)


def test_attachment_follows_its_campaign(role_users, campaign):
    attachment = EventAttachmentFactory(event=CampaignEventFactory(campaign=campaign))
    assert role_users["officer"].has_perm("campaigns.view_eventattachment", attachment)
    assert not role_users["outsider"].has_perm("campaigns.view_eventattachment", attachment)
