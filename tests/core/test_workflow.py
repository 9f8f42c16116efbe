"""The one transition helper (core/workflow.py) and the tables every state machine declares."""

import pytest
import rules
from django.db import transaction
from django.template.loader import render_to_string

from campaigns.choices import CampaignStatus
from core.exceptions import ActionRefused
from evaluations.ballots.choices import BallotStatus
from evaluations.ballots.workflows import BALLOT_FLOW
from evaluations.decisions.choices import DecisionStatus
from evaluations.decisions.workflows import CORRECTION_FLOW, DECISION_FLOW
from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.models import ProposalEvent
from evaluations.proposals.workflows import PROPOSAL_FLOW
from evaluations.results.choices import SubmissionStatus
from evaluations.results.workflows import SUBMISSION_FLOW
from pledges.choices import PledgeStatus, RegistrationStatus
from pledges.workflows import PLEDGE_FLOW, REGISTRATION_FLOW
from tests.factories.evaluations import AwardProposalFactory
from tests.factories.pledges import PledgeFactory
from units.models import AuditEntry

FLOWS = {
    "pledge": (PLEDGE_FLOW, PledgeStatus),
    "registration": (REGISTRATION_FLOW, RegistrationStatus),
    "submission": (SUBMISSION_FLOW, SubmissionStatus),
    "ballot": (BALLOT_FLOW, BallotStatus),
    "proposal": (PROPOSAL_FLOW, ProposalStatus),
    "decision": (DECISION_FLOW, DecisionStatus),
    "decision_correction": (CORRECTION_FLOW, DecisionStatus),
}


@pytest.mark.parametrize("name", FLOWS)
def test_every_transition_joins_statuses_of_its_model_and_asks_a_permission_that_exists(name):
    flow, statuses = FLOWS[name]
    assert flow.model.status_choices is statuses
    for step in flow.transitions.values():
        assert step.sources <= set(statuses.values), step
        assert step.target in statuses.values, step
        assert step.permission is None or rules.perm_exists(step.permission), step
        if step.stamp:
            flow.model._meta.get_field(step.stamp)
        if step.keeps_comment:
            flow.model._meta.get_field("comment")


@pytest.fixture
def forwarded(cluster_year, our_unit, titles):
    return AwardProposalFactory(
        cluster_year=cluster_year,
        unit=our_unit,
        title=titles[("BK_TTCP", "collective")],
        status=ProposalStatus.FORWARDED,
    )


def _move(flow, obj, name, **options):
    with transaction.atomic():
        return flow.move(flow.lock(obj), name, **options)


def test_move_sets_the_status_keeps_the_comment_and_writes_history_and_audit(forwarded, admin_user):
    revision = forwarded.revision
    _move(PROPOSAL_FLOW, forwarded, "reject", actor=admin_user, comment="Chưa đủ thành tích.")

    forwarded.refresh_from_db()
    assert forwarded.status == ProposalStatus.REJECTED
    assert forwarded.comment == "Chưa đủ thành tích."
    assert forwarded.revision == revision + 1
    event = ProposalEvent.objects.get(proposal=forwarded)
    assert (event.from_status, event.to_status, event.actor, event.comment) == (
        "forwarded",
        "rejected",
        admin_user,
        "Chưa đủ thành tích.",
    )
    entry = AuditEntry.objects.get(action="proposal.status", object_id=str(forwarded.pk))
    assert entry.changes == {"status": ["forwarded", "rejected"]}
    assert entry.unit == forwarded.unit
    assert entry.note == "Chưa đủ thành tích."


def test_move_refuses_a_status_the_transition_does_not_leave_from(cluster_year, admin_user):
    pledge = PledgeFactory(cluster_year=cluster_year)  # a draft: it cannot be archived

    with pytest.raises(ActionRefused) as refused:
        _move(PLEDGE_FLOW, pledge, "archive", actor=admin_user)

    # The status is named by its label, in the user's language.
    assert str(PledgeStatus.DRAFT.label) in refused.value.message
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.DRAFT
    assert not AuditEntry.objects.filter(action="pledge.status").exists()


def test_move_refuses_an_actor_without_the_transitions_permission(forwarded, secretariat):
    with pytest.raises(ActionRefused):
        _move(PROPOSAL_FLOW, forwarded, "approve", actor=secretariat)

    forwarded.refresh_from_db()
    assert forwarded.status == ProposalStatus.FORWARDED
    assert not ProposalEvent.objects.exists()


def test_a_transition_stamps_the_time_of_the_move(open_ballot, secretariat):
    assert open_ballot.closed_at is None

    _move(BALLOT_FLOW, open_ballot, "close", actor=secretariat)

    open_ballot.refresh_from_db()
    assert open_ballot.status == BallotStatus.CLOSED
    assert open_ballot.closed_at is not None
    assert AuditEntry.objects.filter(action="ballot.status", object_id=str(open_ballot.pk)).exists()


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (ProposalStatus.DRAFT, False),
        (ProposalStatus.SUBMITTED, True),
        (ProposalStatus.ENDORSED, True),
        (ProposalStatus.FORWARDED, False),
        (ProposalStatus.RETURNED, False),
    ],
)
def test_allows_reads_the_statuses_a_transition_leaves_from(forwarded, status, allowed):
    forwarded.status = status
    assert PROPOSAL_FLOW.allows("return").test(None, forwarded) is allowed
    assert PROPOSAL_FLOW.allows("return").test(None, None) is False


STATUS_ENUMS = [
    PledgeStatus,
    RegistrationStatus,
    SubmissionStatus,
    BallotStatus,
    ProposalStatus,
    CampaignStatus,
]


@pytest.mark.parametrize("statuses", STATUS_ENUMS, ids=lambda e: e.__name__)
def test_one_badge_include_draws_every_status_with_its_label_and_colour(statuses):
    for status in statuses:
        html = render_to_string("includes/status_badge.html", {"status": status})
        assert str(status.label) in html
        assert status.badge_class in html
    # The colours are the enum's own, never read from status strings in templates.
    assert set(statuses.tones) <= set(statuses.values)


def test_a_transition_that_needs_a_comment_refuses_an_empty_one(forwarded, admin_user):
    with pytest.raises(ActionRefused) as refused:
        _move(PROPOSAL_FLOW, forwarded, "reject", actor=admin_user, comment="  \n ")

    assert refused.value.message == str(PROPOSAL_FLOW["reject"].comment_required)
    forwarded.refresh_from_db()
    assert forwarded.status == ProposalStatus.FORWARDED
    assert not ProposalEvent.objects.exists()


def test_move_many_writes_what_move_writes_for_each_object(
    cluster_year, our_unit, titles, admin_user
):
    proposals = [
        AwardProposalFactory(
            cluster_year=cluster_year,
            unit=our_unit,
            title=titles[(code, "collective")],
            status=ProposalStatus.FORWARDED,
        )
        for code in ("BK_TTCP", "CO_TTCP")
    ]
    revisions = [p.revision for p in proposals]
    with transaction.atomic():
        locked = [PROPOSAL_FLOW.lock(p) for p in proposals]
        PROPOSAL_FLOW.move_many(locked, "reject", actor=admin_user, comment="Không đủ tiêu chuẩn.")
    for proposal, revision in zip(proposals, revisions, strict=True):
        proposal.refresh_from_db()
        assert proposal.status == ProposalStatus.REJECTED
        assert proposal.comment == "Không đủ tiêu chuẩn."
        assert proposal.revision == revision + 1
        event = ProposalEvent.objects.get(proposal=proposal)
        assert (event.from_status, event.to_status) == ("forwarded", "rejected")
        entry = AuditEntry.objects.get(action="proposal.status", object_id=str(proposal.pk))
        assert entry.changes == {"status": ["forwarded", "rejected"]}
        assert entry.unit == our_unit


def test_move_many_refuses_all_when_one_cannot_move(cluster_year, our_unit, titles, admin_user):
    ready, early = (
        AwardProposalFactory(
            cluster_year=cluster_year,
            unit=our_unit,
            title=titles[(code, "collective")],
            status=status,
        )
        for code, status in (
            ("BK_TTCP", ProposalStatus.FORWARDED),
            ("CO_TTCP", ProposalStatus.SUBMITTED),
        )
    )
    with pytest.raises(ActionRefused), transaction.atomic():
        PROPOSAL_FLOW.move_many(
            [PROPOSAL_FLOW.lock(ready), PROPOSAL_FLOW.lock(early)],
            "reject",
            actor=admin_user,
            comment="x",
        )
    ready.refresh_from_db()
    assert ready.status == ProposalStatus.FORWARDED
    assert not ProposalEvent.objects.exists()
