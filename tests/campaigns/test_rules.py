"""Every named permission of campaigns/rules.py, asked for every role over every kind of
campaign and rubric.

"ours" is a campaign of our cluster year, "theirs" one of another cluster year (none of our
roles belongs to it), "sector" a sector-wide campaign; tests/roles.py says who is who.
"""

import pytest
from django.utils import timezone
from rules.permissions import permissions

from tests.factories.campaigns import (
    CampaignEventFactory,
    CampaignFactory,
    ContentAreaFactory,
    CriterionFactory,
    EventAttachmentFactory,
    PhaseFactory,
    RubricFactory,
    RubricGroupFactory,
    SectorCampaignFactory,
)
from tests.factories.units import ClusterYearFactory
from tests.roles import ROLES, truth_table, truth_tables

pytestmark = pytest.mark.django_db

PARTS = ("phase", "contentarea", "rubricgroup", "criterion", "campaignevent", "eventattachment")

CAMPAIGN = {
    # A cluster campaign: its members, its secretariat, sector viewers and administrators.
    "campaigns.view_campaign": """
        campaign  officer leader other_officer outsider secretariat viewer admin
        ours      yes     yes    yes           no       yes         yes    yes
        theirs    no      no     no            no       no          yes    yes
        sector    yes     yes    yes           yes      yes         yes    yes
    """,
    "campaigns.change_campaign": """
        campaign  officer leader other_officer outsider secretariat viewer admin
        ours      no      no     no            no       yes         no     yes
        theirs    no      no     no            no       no          no     yes
        sector    no      no     no            no       no          no     yes
    """,
    "campaigns.manage_events": """
        campaign  officer leader other_officer outsider secretariat viewer admin
        ours      no      no     no            no       yes         no     yes
        theirs    no      no     no            no       no          no     yes
        sector    no      no     no            no       no          no     yes
    """,
    "campaigns.add_rubric": """
        campaign  officer leader other_officer outsider secretariat viewer admin
        ours      no      no     no            no       yes         no     yes
        theirs    no      no     no            no       no          no     yes
        sector    no      no     no            no       no          no     yes
    """,
    "campaigns.delete_campaign": """
        campaign  officer leader other_officer outsider secretariat viewer admin
        ours      no      no     no            no       no          no     yes
        theirs    no      no     no            no       no          no     yes
        sector    no      no     no            no       no          no     yes
    """,
}

# The rubric of a campaign ("ours", "theirs", "sector") or of our cluster year without a
# campaign ("year"); "+frozen" once a unit has submitted scores against it.
RUBRIC = {
    "campaigns.view_rubric": """
        rubric         officer leader other_officer outsider secretariat viewer admin
        ours           yes     yes    yes           no       yes         yes    yes
        ours+frozen    yes     yes    yes           no       yes         yes    yes
        theirs         no      no     no            no       no          yes    yes
        sector         yes     yes    yes           yes      yes         yes    yes
        year           yes     yes    yes           no       yes         yes    yes
    """,
    # Edited until frozen; then changed only through a new version.
    "campaigns.change_rubric": """
        rubric         officer leader other_officer outsider secretariat viewer admin
        ours           no      no     no            no       yes         no     yes
        ours+frozen    no      no     no            no       no          no     no
        theirs         no      no     no            no       no          no     yes
        sector         no      no     no            no       no          no     yes
        year           no      no     no            no       yes         no     yes
        year+frozen    no      no     no            no       no          no     no
    """,
    "campaigns.version_rubric": """
        rubric         officer leader other_officer outsider secretariat viewer admin
        ours           no      no     no            no       no          no     no
        ours+frozen    no      no     no            no       yes         no     yes
        theirs+frozen  no      no     no            no       no          no     yes
        sector+frozen  no      no     no            no       no          no     yes
        year+frozen    no      no     no            no       yes         no     yes
    """,
    "campaigns.delete_rubric": """
        rubric         officer leader other_officer outsider secretariat viewer admin
        ours           no      no     no            no       no          no     yes
        ours+frozen    no      no     no            no       no          no     no
        sector         no      no     no            no       no          no     yes
    """,
}

# Each part of our campaign is read with the campaign (asked as "campaigns.view_<part>").
# The groups and criteria of a rubric of our cluster year without a campaign ("year_...")
# find no owner: only the sector's readers get them (reported; nothing but the Django admin
# asks these permissions today).
VIEW_PART = """
    part                  officer leader other_officer outsider secretariat viewer admin
    phase                 yes     yes    yes           no       yes         yes    yes
    contentarea           yes     yes    yes           no       yes         yes    yes
    rubricgroup           yes     yes    yes           no       yes         yes    yes
    criterion             yes     yes    yes           no       yes         yes    yes
    campaignevent         yes     yes    yes           no       yes         yes    yes
    eventattachment       yes     yes    yes           no       yes         yes    yes
    year_rubricgroup      no      no     no            no       no          yes    yes
    year_criterion        no      no     no            no       no          yes    yes
"""

# The parts are changed in the pages through the campaign's and the rubric's permissions;
# their own add/change/delete are the Django admin's.
ADMIN_ONLY = [
    f"campaigns.{action}_{part}" for part in PARTS for action in ("add", "change", "delete")
]


def campaign_of(kind, cluster_year):
    return {
        "ours": lambda: CampaignFactory(cluster_year=cluster_year),
        "theirs": lambda: CampaignFactory(cluster_year=ClusterYearFactory()),
        "sector": SectorCampaignFactory,
    }[kind]()


@pytest.fixture
def rubric_of(cluster_year):
    def build(name):
        owner, _, frozen = name.partition("+")
        if owner == "year":
            rubric = RubricFactory(campaign=None, cluster_year=cluster_year)
        else:
            rubric = RubricFactory(campaign=campaign_of(owner, cluster_year))
        if frozen:
            rubric.frozen_at = timezone.now()
            rubric.save()
        return rubric

    return build


@pytest.fixture
def part_of(cluster_year):
    def build(name):
        if name.startswith("year_"):
            group = RubricGroupFactory(
                rubric=RubricFactory(campaign=None, cluster_year=cluster_year)
            )
            return group if name == "year_rubricgroup" else CriterionFactory(group=group)
        campaign = campaign_of("ours", cluster_year)
        group = RubricGroupFactory(rubric=RubricFactory(campaign=campaign))
        event = CampaignEventFactory(campaign=campaign)
        return {
            "phase": lambda: PhaseFactory(campaign=campaign),
            "contentarea": lambda: ContentAreaFactory(campaign=campaign),
            "rubricgroup": lambda: group,
            "criterion": lambda: CriterionFactory(group=group),
            "campaignevent": lambda: event,
            "eventattachment": lambda: EventAttachmentFactory.build(event=event),
        }[name]()

    return build


def test_every_permission_of_the_app_is_asked_here():
    asked = {*CAMPAIGN, *RUBRIC, "campaigns.add_campaign", *ADMIN_ONLY}
    asked |= {f"campaigns.view_{part}" for part in PARTS}
    assert {name for name in permissions if name.startswith("campaigns.")} == asked


@pytest.mark.parametrize(("perm", "campaign", "role", "expected"), truth_tables(CAMPAIGN))
def test_campaign(user_of, cluster_year, perm, campaign, role, expected):
    assert user_of(role).has_perm(perm, campaign_of(campaign, cluster_year)) is expected


@pytest.mark.parametrize(("perm", "rubric", "role", "expected"), truth_tables(RUBRIC))
def test_rubric(user_of, rubric_of, perm, rubric, role, expected):
    assert user_of(role).has_perm(perm, rubric_of(rubric)) is expected


@pytest.mark.parametrize(("part", "role", "expected"), truth_table(VIEW_PART))
def test_part_of_our_campaign(user_of, part_of, part, role, expected):
    perm = f"campaigns.view_{part.removeprefix('year_')}"
    assert user_of(role).has_perm(perm, part_of(part)) is expected


@pytest.mark.parametrize("role", ROLES)
def test_add_campaign(user_of, role):
    assert user_of(role).has_perm("campaigns.add_campaign") is (role in ("admin", "secretariat"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", ADMIN_ONLY)
def test_admin_only(user_of, perm, role):
    assert user_of(role).has_perm(perm) is (role == "admin")
