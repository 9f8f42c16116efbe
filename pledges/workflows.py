"""The state machines of pledges and registrations (see core/workflow.py)."""

from django.utils.translation import gettext_lazy

from core.workflow import Workflow, transition
from pledges.choices import PledgeStatus, RegistrationStatus
from units.audit import audit_record

PLEDGE_FLOW = Workflow(
    "pledges.Pledge",
    [
        transition("open", {PledgeStatus.DRAFT}, PledgeStatus.OPEN, "pledges.manage_pledge"),
        transition("redraft", {PledgeStatus.OPEN}, PledgeStatus.DRAFT, "pledges.manage_pledge"),
        # The last signature completes the pledge: the signer's right was checked to sign.
        transition("complete", {PledgeStatus.OPEN}, PledgeStatus.SIGNED),
        transition(
            "archive", {PledgeStatus.SIGNED}, PledgeStatus.ARCHIVED, "pledges.manage_pledge"
        ),
    ],
    refused=gettext_lazy("The pledge is “%(status)s”: this step is not possible now."),
    audit=audit_record,
    audit_action="pledge.status",
    lock_related=["cluster_year"],
)

REGISTRATION_FLOW = Workflow(
    "pledges.Registration",
    [
        transition(
            "submit",
            {RegistrationStatus.DRAFT, RegistrationStatus.RETURNED},
            RegistrationStatus.SUBMITTED,
            "pledges.change_registration",
            stamp="submitted_at",
        ),
        transition(
            "accept",
            {RegistrationStatus.SUBMITTED},
            RegistrationStatus.ACCEPTED,
            "pledges.review_registration",
        ),
        transition(
            "return",
            {RegistrationStatus.SUBMITTED, RegistrationStatus.ACCEPTED},
            RegistrationStatus.RETURNED,
            "pledges.review_registration",
            keeps_comment=True,
            comment_required=gettext_lazy("Say what the unit should change."),
        ),
    ],
    refused=gettext_lazy("The registration is “%(status)s”: this step is not possible now."),
    audit=audit_record,
    audit_action="registration.status",
    audit_unit=True,
    history="pledges.RegistrationEvent",
    lock_related=["round__cluster_year", "unit"],
)
