"""Who may see, run and vote in secret ballots (bỏ phiếu kín, bình xét).

The secretariat of the ballot's cluster year and sector administrators manage it; eligible
voters vote while it is open; member units see it once open and its result once published;
sector viewers see published results.
"""

import rules

from evaluations.ballots.choices import BallotStatus
from evaluations.ballots.selectors import voter_for
from evaluations.ballots.workflows import BALLOT_FLOW
from units.rules import is_secretariat_of_cluster_year, is_sector_admin
from units.selectors import roles_of


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
rules.add_perm("evaluations.open_ballot", manages_ballot & BALLOT_FLOW.allows("open"))
rules.add_perm("evaluations.close_ballot", manages_ballot & BALLOT_FLOW.allows("close"))
rules.add_perm("evaluations.enter_paper_ballot", manages_ballot & ballot_is_open)
rules.add_perm("evaluations.publish_ballot", manages_ballot & BALLOT_FLOW.allows("publish"))
rules.add_perm("evaluations.vote_ballot", ballot_is_open & is_eligible_voter)
rules.add_perm(
    "evaluations.view_ballot_result",
    (manages_ballot & (ballot_is_closed | ballot_is_published))
    | (ballot_is_published & (is_member_of_the_ballot | is_eligible_voter | is_sector_viewer_user)),
)
