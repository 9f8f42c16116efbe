"""Who may see and change campaigns, rubrics and events.

A sector campaign is read by everyone signed in; a cluster campaign by its cluster
year's members, its secretariat, sector viewers and administrators. Sector
administrators manage every campaign; a secretariat manages its own cluster year's.
"""

import rules

from campaigns.choices import CampaignScope
from campaigns.models import Campaign, Criterion, EventAttachment, Rubric, RubricGroup
from units.rules import is_secretariat, is_sector_admin, is_sector_viewer
from units.selectors import roles_of


def owner_campaign(obj):
    """The campaign an object belongs to, or None (a rubric of a cluster year)."""
    if isinstance(obj, Campaign):
        return obj
    if isinstance(obj, EventAttachment):
        return obj.event.campaign
    if isinstance(obj, RubricGroup | Criterion):
        return obj.rubric.campaign
    return getattr(obj, "campaign", None)


def owner_cluster_year_id(obj):
    """The cluster year that owns the object; None for sector-wide campaigns."""
    if isinstance(obj, Rubric) and obj.campaign_id is None:
        return obj.cluster_year_id
    campaign = owner_campaign(obj)
    return campaign.cluster_year_id if campaign is not None else None


@rules.predicate
def is_sector_wide(user, obj):
    campaign = owner_campaign(obj) if obj is not None else None
    return campaign is not None and campaign.scope == CampaignScope.SECTOR


@rules.predicate
def is_member_of_its_cluster_year(user, obj):
    year = owner_cluster_year_id(obj) if obj is not None else None
    return year is not None and year in roles_of(user).member_cluster_year_ids


@rules.predicate
def runs_its_cluster_year(user, obj):
    year = owner_cluster_year_id(obj) if obj is not None else None
    return year is not None and year in roles_of(user).secretariat_cluster_year_ids


@rules.predicate
def rubric_is_frozen(user, rubric):
    return rubric is not None and rubric.is_frozen


may_view = rules.is_authenticated & (
    is_sector_admin
    | is_sector_viewer
    | is_sector_wide
    | is_member_of_its_cluster_year
    | runs_its_cluster_year
)
may_manage = is_sector_admin | runs_its_cluster_year

rules.add_perm("campaigns.add_campaign", is_sector_admin | is_secretariat)
for model in (
    "campaign",
    "phase",
    "contentarea",
    "rubric",
    "rubricgroup",
    "criterion",
    "campaignevent",
    "eventattachment",
):
    rules.add_perm(f"campaigns.view_{model}", may_view)
rules.add_perm("campaigns.change_campaign", may_manage)
rules.add_perm("campaigns.delete_campaign", is_sector_admin)
rules.add_perm("campaigns.manage_events", may_manage)
rules.add_perm("campaigns.add_rubric", may_manage)
rules.add_perm("campaigns.change_rubric", may_manage & ~rubric_is_frozen)
rules.add_perm("campaigns.version_rubric", may_manage & rubric_is_frozen)
rules.add_perm("campaigns.delete_rubric", is_sector_admin & ~rubric_is_frozen)
for model in (
    "phase",
    "contentarea",
    "rubricgroup",
    "criterion",
    "campaignevent",
    "eventattachment",
):
    for action in ("add", "change", "delete"):
        rules.add_perm(f"campaigns.{action}_{model}", is_sector_admin)
