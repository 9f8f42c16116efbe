"""Who may see and change results, reviews and rankings.

A unit's results are its own until submitted: other units never see them, not even
after the ranking is published (they see the ranking). The secretariat of the
campaign's cluster year (sector administrators for sector-wide campaigns) reviews.
"""

import rules

from evaluations.choices import SubmissionStatus
from units.rules import is_sector_admin
from units.selectors import roles_of


def _campaign(obj):
    if hasattr(obj, "phase"):
        return obj.phase.campaign
    if hasattr(obj, "submission"):
        return obj.submission.phase.campaign
    return obj.campaign  # a phase


@rules.predicate
def runs_the_campaign(user, obj):
    campaign = _campaign(obj) if obj is not None else None
    return (
        campaign is not None
        and campaign.cluster_year_id is not None
        and campaign.cluster_year_id in roles_of(user).secretariat_cluster_year_ids
    )


@rules.predicate
def is_its_unit_member(user, submission):
    submission = getattr(submission, "submission", submission)
    return submission is not None and submission.unit_id in roles_of(user).member_unit_ids


@rules.predicate
def acts_for_its_unit(user, submission):
    roles = roles_of(user)
    return submission is not None and submission.unit_id in (
        roles.officer_unit_ids | roles.leader_unit_ids
    )


@rules.predicate
def leads_its_unit(user, submission):
    return submission is not None and submission.unit_id in roles_of(user).leader_unit_ids


@rules.predicate
def is_editable(user, submission):
    return submission is not None and submission.is_editable


@rules.predicate
def is_submitted(user, submission):
    return submission is not None and submission.status == SubmissionStatus.SUBMITTED


@rules.predicate
def is_past_draft(user, submission):
    submission = getattr(submission, "submission", submission)
    return submission is not None and submission.status != SubmissionStatus.DRAFT


@rules.predicate
def ranking_is_published(user, phase):
    return phase is not None and hasattr(phase, "publication")


@rules.predicate
def is_the_scorer_member(user, assignment):
    return assignment is not None and assignment.scorer_id in roles_of(user).member_unit_ids


@rules.predicate
def acts_for_the_scorer(user, assignment):
    roles = roles_of(user)
    return assignment is not None and assignment.scorer_id in (
        roles.officer_unit_ids | roles.leader_unit_ids
    )


@rules.predicate
def is_open_for_scoring(user, assignment):
    return (
        assignment is not None
        and not assignment.is_finished
        and assignment.submission.status != SubmissionStatus.DRAFT
    )


reviews = is_sector_admin | runs_the_campaign

rules.add_perm("evaluations.view_submission", is_its_unit_member | (is_past_draft & reviews))
rules.add_perm("evaluations.change_submission", acts_for_its_unit & is_editable)
rules.add_perm("evaluations.approve_submission", leads_its_unit & is_editable)
rules.add_perm("evaluations.review_submission", reviews & is_submitted)
rules.add_perm("evaluations.manage_phase", reviews)
rules.add_perm(
    "evaluations.view_ranking",
    reviews | (ranking_is_published & rules.is_authenticated),
)
rules.add_perm("evaluations.view_crossassignment", is_the_scorer_member | reviews)
rules.add_perm("evaluations.cross_score", acts_for_the_scorer & is_open_for_scoring)
# --- Award proposals ---------------------------------------------------------------------


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


def _in_status(*statuses):
    @rules.predicate
    def predicate(user, proposal):
        return proposal is not None and proposal.status in statuses

    return predicate


endorses = is_sector_admin | runs_its_cluster_year
rules.add_perm("evaluations.view_awardproposal", is_proposal_party | endorses | proposes_it)
rules.add_perm("evaluations.change_awardproposal", proposes_it & _in_status("draft", "returned"))
rules.add_perm(
    "evaluations.withdraw_awardproposal",
    proposes_it & _in_status("draft", "submitted", "returned", "endorsed", "forwarded"),
)
rules.add_perm("evaluations.endorse_awardproposal", endorses & _in_status("submitted"))
rules.add_perm("evaluations.return_awardproposal", endorses & _in_status("submitted", "endorsed"))
rules.add_perm("evaluations.forward_awardproposal", endorses & _in_status("endorsed"))
rules.add_perm("evaluations.decide_awardproposal", is_sector_admin & _in_status("forwarded"))

for model in (
    "awardproposal",
    "awardrecord",
    "proposalfile",
    "crossassignment",
    "crossscore",
    "submission",
    "score",
    "evidence",
    "extension",
    "rankingpublication",
    "rankingentry",
):
    for action in ("add", "delete"):
        rules.add_perm(f"evaluations.{action}_{model}", is_sector_admin)


# ---------------------------------------------------------------------------------------
# Secret ballots (bỏ phiếu kín, bình xét). The secretariat of the ballot's cluster year and
# sector administrators manage it; eligible voters vote while it is open; member units see
# it once open and its result once published; sector viewers see published results.
# ---------------------------------------------------------------------------------------

from evaluations.ballot_choices import BallotStatus  # noqa: E402
from units.rules import is_secretariat_of_cluster_year  # noqa: E402


@rules.predicate
def runs_the_ballot(user, ballot):
    return (
        ballot is not None and ballot.cluster_year_id in roles_of(user).secretariat_cluster_year_ids
    )


@rules.predicate
def is_member_of_the_ballot(user, ballot):
    return ballot is not None and ballot.cluster_year_id in roles_of(user).member_cluster_year_ids


@rules.predicate
def is_eligible_voter(user, ballot):
    from evaluations.ballot_selectors import voter_for

    return voter_for(user=user, ballot=ballot) is not None


@rules.predicate
def ballot_is_draft(user, ballot):
    return ballot is not None and ballot.status == BallotStatus.DRAFT


@rules.predicate
def ballot_is_open(user, ballot):
    return ballot is not None and ballot.status == BallotStatus.OPEN


@rules.predicate
def ballot_is_closed(user, ballot):
    return ballot is not None and ballot.status == BallotStatus.CLOSED


@rules.predicate
def ballot_is_published(user, ballot):
    return ballot is not None and ballot.status == BallotStatus.PUBLISHED


@rules.predicate
def ballot_is_past_draft(user, ballot):
    return ballot is not None and ballot.status != BallotStatus.DRAFT


@rules.predicate
def is_sector_viewer_user(user):
    return roles_of(user).is_sector_viewer


manages_ballot = is_sector_admin | runs_the_ballot
rules.add_perm("evaluations.create_ballot", is_sector_admin | is_secretariat_of_cluster_year)
rules.add_perm(
    "evaluations.view_ballot",
    manages_ballot
    | (ballot_is_past_draft & (is_member_of_the_ballot | is_eligible_voter))
    | (ballot_is_published & is_sector_viewer_user),
)
rules.add_perm("evaluations.manage_ballot", manages_ballot)
rules.add_perm("evaluations.change_ballot", manages_ballot & ballot_is_draft)
rules.add_perm("evaluations.open_ballot", manages_ballot & ballot_is_draft)
rules.add_perm("evaluations.close_ballot", manages_ballot & ballot_is_open)
rules.add_perm("evaluations.enter_paper_ballot", manages_ballot & ballot_is_open)
rules.add_perm("evaluations.publish_ballot", manages_ballot & ballot_is_closed)
rules.add_perm("evaluations.vote_ballot", ballot_is_open & is_eligible_voter)
rules.add_perm(
    "evaluations.view_ballot_result",
    (manages_ballot & (ballot_is_closed | ballot_is_published))
    | (ballot_is_published & (is_member_of_the_ballot | is_eligible_voter | is_sector_viewer_user)),
)

# --- Awards: history, import, honour board, dossier ------------------------------------------
#
# Award decisions are public acts: every signed-in user reads a unit's award history (its
# collective awards and the names of its awarded people, with title, year, decision number,
# date and issuing body) and the honour boards. The reward amount and how a record came in
# (import, proposal) are for the unit's own members, the secretariat of a cluster year the
# unit belongs to, and sector administrators; on a successor's page, those who may read the
# successor's details read its predecessors' too (R19: it inherits their history).
# A person's award history (all their years, across units) goes with their staff record:
# the same people who may read that record (`units.view_person`).
# Past records are imported by sector administrators (any unit) and by the cluster
# secretariat (member units of the years it runs, and their predecessors). The dossier of a
# cluster year is prepared by its secretariat and by sector administrators.

from units.rules import (  # noqa: E402
    belongs_to_unit,
    is_secretariat,
    is_secretariat_for_unit,
    is_secretariat_of_cluster_year,
)

may_view_award_details = is_sector_admin | belongs_to_unit | is_secretariat_for_unit

rules.add_perm("evaluations.view_unit_awards", rules.is_authenticated)
rules.add_perm("evaluations.view_award_details", may_view_award_details)
rules.add_perm("evaluations.view_honour_board", rules.is_authenticated)
rules.add_perm("evaluations.import_awards", is_sector_admin | is_secretariat)
rules.add_perm("evaluations.prepare_dossier", is_sector_admin | is_secretariat_of_cluster_year)
for action in ("view", "add", "change", "delete"):
    rules.add_perm(f"evaluations.{action}_basesalary", is_sector_admin)
