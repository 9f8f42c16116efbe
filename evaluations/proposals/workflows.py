"""The state machine of an award proposal (see core/workflow.py).

draft -> submitted (unit) -> endorsed (cluster) -> forwarded (to the council) -> approved /
rejected; returned for correction from submitted or endorsed; withdrawn until decided.
"""

from django.utils.translation import gettext_lazy

from core.workflow import Workflow, transition
from evaluations.proposals.choices import ProposalStatus
from units.audit import audit_record, audit_records

DRAFT, SUBMITTED, RETURNED = ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, ProposalStatus.RETURNED
ENDORSED, FORWARDED = ProposalStatus.ENDORSED, ProposalStatus.FORWARDED

PROPOSAL_FLOW = Workflow(
    "evaluations.AwardProposal",
    [
        transition("submit", {DRAFT, RETURNED}, SUBMITTED, "evaluations.change_awardproposal"),
        transition("endorse", {SUBMITTED}, ENDORSED, "evaluations.endorse_awardproposal"),
        transition(
            "return",
            {SUBMITTED, ENDORSED},
            RETURNED,
            "evaluations.return_awardproposal",
            keeps_comment=True,
            comment_required=gettext_lazy("Say what the unit should correct."),
        ),
        transition("forward", {ENDORSED}, FORWARDED, "evaluations.forward_awardproposal"),
        transition(
            "approve", {FORWARDED}, ProposalStatus.APPROVED, "evaluations.decide_awardproposal"
        ),
        transition(
            "reject",
            {FORWARDED},
            ProposalStatus.REJECTED,
            "evaluations.decide_awardproposal",
            keeps_comment=True,
            comment_required=gettext_lazy("Give the reason for the rejection."),
        ),
        transition(
            "withdraw",
            {DRAFT, SUBMITTED, RETURNED, ENDORSED, FORWARDED},
            ProposalStatus.WITHDRAWN,
            "evaluations.withdraw_awardproposal",
        ),
    ],
    refused=gettext_lazy("The proposal is “%(status)s”: this step is not possible now."),
    audit=audit_record,
    audit_many=audit_records,
    audit_action="proposal.status",
    audit_unit=True,
    history="evaluations.ProposalEvent",
    # A status change makes a form opened before it stale (optimistic locking).
    bumps_revision=True,
    lock_related=["title", "cluster_year", "unit", "person", "ranking_entry"],
)
