"""The state machine of a unit's results for a phase (see core/workflow.py)."""

from django.utils.translation import gettext_lazy

from core.workflow import Workflow, transition
from evaluations.results.choices import ExtensionRequestStatus, SubmissionStatus
from units.audit import audit_record

SUBMISSION_FLOW = Workflow(
    "evaluations.Submission",
    [
        transition(
            "submit",
            {SubmissionStatus.DRAFT, SubmissionStatus.RETURNED},
            SubmissionStatus.SUBMITTED,
            "evaluations.change_submission",
        ),
        transition(
            "accept",
            {SubmissionStatus.SUBMITTED},
            SubmissionStatus.ACCEPTED,
            "evaluations.review_submission",
        ),
        transition(
            "return",
            {SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED},
            SubmissionStatus.RETURNED,
            "evaluations.manage_phase",
            keeps_comment=True,
            comment_required=gettext_lazy("Say what the unit should correct."),
        ),
    ],
    refused=gettext_lazy("The results are “%(status)s”: this step is not possible now."),
    audit=audit_record,
    audit_action="submission.status",
    audit_unit=True,
    history="evaluations.SubmissionEvent",
    lock_related=["phase__campaign__cluster_year", "unit", "rubric"],
)

EXTENSION_REQUEST_FLOW = Workflow(
    "evaluations.ExtensionRequest",
    [
        transition(
            "grant",
            {ExtensionRequestStatus.PENDING},
            ExtensionRequestStatus.GRANTED,
            "evaluations.decide_extensionrequest",
            stamp="decided_at",
            keeps_comment=True,
        ),
        transition(
            "refuse",
            {ExtensionRequestStatus.PENDING},
            ExtensionRequestStatus.REFUSED,
            "evaluations.decide_extensionrequest",
            stamp="decided_at",
            keeps_comment=True,
            comment_required=gettext_lazy("Say why the extension is refused."),
        ),
    ],
    refused=gettext_lazy("The request is “%(status)s”: it was already answered."),
    audit=audit_record,
    audit_action="extension_request.status",
    audit_unit=True,
    lock_related=["phase__campaign__cluster_year", "unit"],
)
