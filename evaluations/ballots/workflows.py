"""The state machine of a secret ballot (see core/workflow.py)."""

from django.utils.translation import gettext_lazy

from core.workflow import Workflow, transition
from evaluations.ballots.choices import BallotStatus
from units.audit import audit_record

BALLOT_FLOW = Workflow(
    "evaluations.Ballot",
    [
        transition(
            "open",
            {BallotStatus.DRAFT},
            BallotStatus.OPEN,
            "evaluations.open_ballot",
            stamp="opened_at",
        ),
        transition(
            "close",
            {BallotStatus.OPEN},
            BallotStatus.CLOSED,
            "evaluations.close_ballot",
            stamp="closed_at",
        ),
        transition(
            "publish",
            {BallotStatus.CLOSED},
            BallotStatus.PUBLISHED,
            "evaluations.publish_ballot",
            stamp="published_at",
        ),
    ],
    refused=gettext_lazy("The ballot is “%(status)s”: this step is not possible now."),
    audit=audit_record,
    audit_action="ballot.status",
    lock_related=["cluster_year__cluster", "campaign", "phase"],
)
