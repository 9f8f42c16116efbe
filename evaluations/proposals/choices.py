from enum import nonmember

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.choices import StatusChoices


class ProposalStatus(StatusChoices):
    DRAFT = "draft", pgettext_lazy("proposal status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("proposal status", "Submitted")
    RETURNED = "returned", pgettext_lazy("proposal status", "Returned")
    ENDORSED = "endorsed", pgettext_lazy("proposal status", "Endorsed by the cluster")
    FORWARDED = "forwarded", pgettext_lazy("proposal status", "Forwarded to the council")
    APPROVED = "approved", pgettext_lazy("proposal status", "Approved")
    REJECTED = "rejected", pgettext_lazy("proposal status", "Rejected")
    WITHDRAWN = "withdrawn", pgettext_lazy("proposal status", "Withdrawn")
    tones = nonmember(
        {
            "submitted": "primary",
            "returned": "warning",
            "endorsed": "success",
            "forwarded": "primary",
            "approved": "success",
            "rejected": "danger",
            "withdrawn": "secondary",
        }
    )


class TaskRating(models.TextChoices):
    """The yearly task rating (xếp loại mức độ hoàn thành nhiệm vụ)."""

    EXCELLENT = "excellent", _("Excellent completion of tasks")
    GOOD = "good", _("Good completion of tasks")
    COMPLETE = "complete", _("Completion of tasks")
    NOT_COMPLETE = "not_complete", _("Tasks not completed")


class InitiativeScope(models.TextChoices):
    """How far an initiative (sáng kiến) or scientific work is recognised as effective."""

    NONE = "", _("None")
    UNIT = "unit", _("Recognised in the unit")
    SECTOR = "sector", _("Recognised across the sector")
    NATIONAL = "national", _("Recognised nationally")
