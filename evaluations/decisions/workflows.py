"""The state machine of an award decision (see core/workflow.py).

draft -> recorded (numbered, dated, signed: its lines' proposals are approved and the award
records written) -> revoked (thu hồi, with its reason). A correction (đính chính) keeps the
decision recorded: it is a step of its own table, so that its history row and audit sentence
say "corrected".
"""

from django.utils.translation import gettext_lazy

from core.workflow import Workflow, transition
from evaluations.decisions.choices import DecisionStatus
from units.audit import audit_record

DRAFT, RECORDED, REVOKED = DecisionStatus.DRAFT, DecisionStatus.RECORDED, DecisionStatus.REVOKED

REFUSED = gettext_lazy("The decision is “%(status)s”: this step is not possible now.")

DECISION_FLOW = Workflow(
    "evaluations.AwardDecision",
    [
        transition("record", {DRAFT}, RECORDED, "evaluations.record_awarddecision"),
        transition(
            "revoke",
            {RECORDED},
            REVOKED,
            "evaluations.revoke_awarddecision",
            comment_required=gettext_lazy("Give the reason for the revocation."),
        ),
    ],
    refused=REFUSED,
    audit=audit_record,
    audit_action="decision.status",
    history="evaluations.DecisionEvent",
    lock_related=["authority"],
)

# The correction (đính chính) of a recorded decision: its status stays, its history says why.
CORRECTION_FLOW = Workflow(
    "evaluations.AwardDecision",
    [
        transition(
            "correct",
            {RECORDED},
            RECORDED,
            "evaluations.correct_awarddecision",
            comment_required=gettext_lazy("Say what the correction is and why."),
        ),
    ],
    refused=REFUSED,
    audit=audit_record,
    audit_action="decision.correction",
    history="evaluations.DecisionEvent",
    lock_related=["authority"],
)
