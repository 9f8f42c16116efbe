"""Who may see, change and move award proposals, and prepare the cluster's dossier.

The proposer's side (the proposing unit's officers and leaders, or the secretariat for the
cluster's own proposals) drafts and withdraws; a draft is seen only by that side and the
members of the nominee's unit, until it is submitted; the secretariat of the cluster year endorses,
returns and forwards; the sector council's secretariat records the council's decision.

Who records the decision (approve with its number, or reject with its reason): the sector
council (Hội đồng Thi đua - Khen thưởng ngành Thanh tra) decides through its standing body,
the personnel department of the Government Inspectorate, whose staff are the app's sector
administrators. The cluster secretariat never records it, not even for the cluster's own
proposals: it is the cluster head's unit, which proposes, endorses and signs the cluster's
submission (DOMAIN.md, "Dossier": cluster head signs -> personnel department appraisal ->
council -> the Inspector General's decision). No title is decided at cluster level, so no
cluster-level case exists; recording its own verdict would let the proposer approve itself.
"""

import rules

from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.workflows import PROPOSAL_FLOW
from units.rules import is_secretariat_of_cluster_year, is_sector_admin
from units.selectors import roles_of


@rules.predicate
def proposes_it(user, proposal):
    """The proposer's side: the proposing unit's officers and leaders, or, for the cluster's
    own proposals, its secretariat."""
    if proposal is None:
        return False
    roles = roles_of(user)
    if proposal.by_secretariat:
        return proposal.cluster_year_id in roles.secretariat_cluster_year_ids
    return proposal.proposing_unit_id in (roles.officer_unit_ids | roles.leader_unit_ids)


@rules.predicate
def is_proposal_party(user, proposal):
    """Members of the proposing unit and of the nominee's unit."""
    if proposal is None:
        return False
    return bool({proposal.unit_id, proposal.proposing_unit_id} & roles_of(user).member_unit_ids)


@rules.predicate
def runs_its_cluster_year(user, proposal):
    return (
        proposal is not None
        and proposal.cluster_year_id in roles_of(user).secretariat_cluster_year_ids
    )


@rules.predicate
def is_editable(user, proposal):
    return proposal is not None and proposal.is_editable


@rules.predicate
def is_past_draft(user, proposal):
    """Submitted at least once: a draft is its unit's own, as draft results and registrations
    are (the secretariat and the administrators see it once submitted)."""
    return proposal is not None and proposal.status != ProposalStatus.DRAFT


endorses = is_sector_admin | runs_its_cluster_year
rules.add_perm(
    "evaluations.view_awardproposal",
    is_proposal_party | proposes_it | (is_past_draft & endorses),
)
rules.add_perm("evaluations.change_awardproposal", proposes_it & is_editable)
rules.add_perm(
    "evaluations.withdraw_awardproposal",
    proposes_it & PROPOSAL_FLOW.allows("withdraw"),
)
rules.add_perm("evaluations.endorse_awardproposal", endorses & PROPOSAL_FLOW.allows("endorse"))
rules.add_perm("evaluations.return_awardproposal", endorses & PROPOSAL_FLOW.allows("return"))
rules.add_perm("evaluations.forward_awardproposal", endorses & PROPOSAL_FLOW.allows("forward"))
# The council's secretariat (the personnel department of the Government Inspectorate) is the
# sector administrators' role; see the module's docstring for why not the cluster secretariat.
records_council_decision = is_sector_admin
rules.add_perm(
    "evaluations.decide_awardproposal",
    records_council_decision & PROPOSAL_FLOW.allows("approve"),
)
rules.add_perm("evaluations.prepare_dossier", is_sector_admin | is_secretariat_of_cluster_year)

for model in ("awardproposal", "proposalfile"):
    for action in ("add", "delete"):
        rules.add_perm(f"evaluations.{action}_{model}", is_sector_admin)


# A nominee list (one title for many people of one unit) is submitted by its proposer's
# side: the unit's officers and leaders, or the secretariat for a list the cluster drew up.
@rules.predicate
def proposes_the_list(user, nominee_list):
    if nominee_list is None:
        return False
    roles = roles_of(user)
    if nominee_list.by_secretariat:
        return nominee_list.cluster_year_id in roles.secretariat_cluster_year_ids
    return nominee_list.unit_id in (roles.officer_unit_ids | roles.leader_unit_ids)


rules.add_perm("evaluations.submit_nomineelist", proposes_the_list)
