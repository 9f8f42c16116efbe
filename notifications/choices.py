from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    """The events a user is told about; each has its sentence in `SENTENCES`."""

    DEADLINE = "deadline", _("A deadline approaching")
    RESULT_RETURNED = "result_returned", _("Results returned for correction")
    EXTENSION_GRANTED = "extension_granted", _("An extension granted")
    EXTENSION_REFUSED = "extension_refused", _("An extension refused")
    PLEDGE_OPEN = "pledge_open", _("A pledge open for signing")
    BALLOT_OPEN = "ballot_open", _("A ballot opened")
    PROPOSAL_RETURNED = "proposal_returned", _("An award proposal returned")
    PROPOSAL_APPROVED = "proposal_approved", _("An award proposal approved")
    DECISION_RECORDED = "decision_recorded", _("An award decision recorded")


# What the notification says, in the reader's language (placeholders from its `params`;
# `params["note"]`, a comment or a reason, is shown beneath it).
SENTENCES = {
    NotificationKind.DEADLINE: _("Reminder: results of “%(phase)s” are due on %(date)s"),
    NotificationKind.RESULT_RETURNED: _(
        "The results of %(unit)s for “%(phase)s” were returned for correction"
    ),
    NotificationKind.EXTENSION_GRANTED: _(
        "%(unit)s has until %(date)s to submit the results of “%(phase)s”"
    ),
    NotificationKind.EXTENSION_REFUSED: _(
        "The request of %(unit)s for more time in “%(phase)s” was refused"
    ),
    NotificationKind.PLEDGE_OPEN: _("The pledge “%(pledge)s” is open for signing"),
    NotificationKind.BALLOT_OPEN: _("The ballot “%(ballot)s” is open: cast your vote"),
    NotificationKind.PROPOSAL_RETURNED: _(
        "The award proposal %(proposal)s was returned for correction"
    ),
    NotificationKind.PROPOSAL_APPROVED: _(
        "The award proposal %(proposal)s was approved (decision %(number)s)"
    ),
    NotificationKind.DECISION_RECORDED: _("Decision %(number)s was recorded: %(subject)s"),
}
