"""Who may see and change results, reviews and rankings.

A unit's results are its own until submitted: other units never see them, not even
after the ranking is published (they see the ranking). The secretariat of the
campaign's cluster year (sector administrators for sector-wide campaigns) reviews.
"""

import rules

from evaluations.results.choices import SubmissionStatus
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


@rules.predicate
def is_pending(user, request):
    return request is not None and request.is_pending


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
# Asked of an extension request, the unit's (a new one when the unit asks).
rules.add_perm("evaluations.request_extension", acts_for_its_unit)
rules.add_perm("evaluations.decide_extensionrequest", reviews & is_pending)

for model in (
    "crossassignment",
    "crossscore",
    "submission",
    "score",
    "evidence",
    "extension",
    "extensionrequest",
    "rankingpublication",
    "rankingentry",
):
    for action in ("add", "delete"):
        rules.add_perm(f"evaluations.{action}_{model}", is_sector_admin)
