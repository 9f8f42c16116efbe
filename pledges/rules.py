"""Who may see, sign and change pledges and registrations.

A pledge draft is the secretariat's work; members read the pledge once it is
open. A registration is the unit's own: another unit never reads it, and the
secretariat reads it once submitted.
"""

import rules

from pledges.choices import PledgeStatus, RegistrationStatus
from pledges.workflows import PLEDGE_FLOW
from units.rules import is_sector_admin, is_sector_viewer
from units.selectors import roles_of


def _cluster_year_id(obj):
    if obj is None:
        return None
    if hasattr(obj, "round"):  # a registration
        return obj.round.cluster_year_id
    if hasattr(obj, "pledge"):  # a party, attachment
        return obj.pledge.cluster_year_id
    return obj.cluster_year_id  # a pledge or a round


@rules.predicate
def runs_its_cluster_year(user, obj):
    year = _cluster_year_id(obj)
    return year is not None and year in roles_of(user).secretariat_cluster_year_ids


@rules.predicate
def is_member_of_its_cluster_year(user, obj):
    year = _cluster_year_id(obj)
    return year is not None and year in roles_of(user).member_cluster_year_ids


@rules.predicate
def pledge_is_public(user, pledge):
    pledge = getattr(pledge, "pledge", pledge)
    return pledge is not None and pledge.status != PledgeStatus.DRAFT


@rules.predicate
def pledge_is_draft(user, pledge):
    return pledge is not None and pledge.status == PledgeStatus.DRAFT


@rules.predicate
def pledge_is_open(user, pledge):
    return pledge is not None and pledge.status == PledgeStatus.OPEN


@rules.predicate
def leads_a_signing_unit(user, pledge):
    """The user leads a unit among the pledge's parties (any party; the service checks which)."""
    if pledge is None:
        return False
    leader_units = roles_of(user).leader_unit_ids
    return any(party.unit_id in leader_units for party in pledge.parties.all())


@rules.predicate
def is_its_unit_member(user, registration):
    return registration is not None and registration.unit_id in roles_of(user).member_unit_ids


@rules.predicate
def edits_its_unit(user, registration):
    roles = roles_of(user)
    return registration is not None and registration.unit_id in (
        roles.officer_unit_ids | roles.leader_unit_ids
    )


@rules.predicate
def registration_is_editable(user, registration):
    return registration is not None and registration.status in (
        RegistrationStatus.DRAFT,
        RegistrationStatus.RETURNED,
    )


@rules.predicate
def registration_is_submitted(user, registration):
    return registration is not None and registration.status == RegistrationStatus.SUBMITTED


@rules.predicate
def registration_is_not_draft(user, registration):
    return registration is not None and registration.status != RegistrationStatus.DRAFT


manages_cluster_year = is_sector_admin | runs_its_cluster_year

rules.add_perm(
    "pledges.add_pledge", is_sector_admin | rules.is_authenticated & runs_its_cluster_year
)
rules.add_perm(
    "pledges.view_pledge",
    manages_cluster_year | (pledge_is_public & (is_member_of_its_cluster_year | is_sector_viewer)),
)
rules.add_perm("pledges.change_pledge", manages_cluster_year & pledge_is_draft)
rules.add_perm("pledges.manage_pledge", manages_cluster_year)
rules.add_perm("pledges.redraft_pledge", manages_cluster_year & PLEDGE_FLOW.allows("redraft"))
rules.add_perm("pledges.archive_pledge", manages_cluster_year & PLEDGE_FLOW.allows("archive"))
rules.add_perm("pledges.sign_pledge", pledge_is_open & leads_a_signing_unit)
rules.add_perm("pledges.record_signature", manages_cluster_year & pledge_is_open)
rules.add_perm("pledges.delete_pledge", is_sector_admin & pledge_is_draft)

rules.add_perm("pledges.manage_rounds", manages_cluster_year)
rules.add_perm(
    "pledges.view_registrationround",
    manages_cluster_year | is_member_of_its_cluster_year | is_sector_viewer,
)
rules.add_perm(
    "pledges.view_registration",
    is_its_unit_member | (registration_is_not_draft & (manages_cluster_year | is_sector_viewer)),
)
rules.add_perm("pledges.change_registration", edits_its_unit & registration_is_editable)
rules.add_perm("pledges.review_registration", manages_cluster_year & registration_is_submitted)
rules.add_perm("pledges.reopen_registration", manages_cluster_year)

for model in ("title", "titlemultiplier"):
    rules.add_perm(f"pledges.view_{model}", rules.is_authenticated)
    for action in ("add", "change", "delete"):
        rules.add_perm(f"pledges.{action}_{model}", is_sector_admin)
for model in (
    "commitment",
    "pledgeparty",
    "signature",
    "pledgeattachment",
    "registrationround",
    "registrationitem",
    "registrationevent",
):
    for action in ("view", "add", "change", "delete"):
        if not rules.perm_exists(f"pledges.{action}_{model}"):
            rules.add_perm(f"pledges.{action}_{model}", is_sector_admin)
for action in ("add", "delete"):
    rules.add_perm(f"pledges.{action}_registration", is_sector_admin)
