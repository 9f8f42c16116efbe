from enum import nonmember

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.choices import StatusChoices


class SubmissionStatus(StatusChoices):
    DRAFT = "draft", pgettext_lazy("submission status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("submission status", "Submitted")
    RETURNED = "returned", pgettext_lazy("submission status", "Returned")
    ACCEPTED = "accepted", pgettext_lazy("submission status", "Accepted")
    tones = nonmember({"submitted": "primary", "returned": "warning", "accepted": "success"})


class ExtensionRequestStatus(StatusChoices):
    PENDING = "pending", pgettext_lazy("extension request status", "Waiting for the secretariat")
    GRANTED = "granted", pgettext_lazy("extension request status", "Granted")
    REFUSED = "refused", pgettext_lazy("extension request status", "Refused")
    tones = nonmember({"pending": "warning", "granted": "success", "refused": "danger"})


class EvidenceKind(models.TextChoices):
    EVIDENCE = "evidence", _("Evidence for a criterion")
    REPORT = "report", _("Achievement report (narrative)")


class Band(models.TextChoices):
    """Classification bands of a ranking; thresholds are stored with the rubric."""

    EXCELLENT = "excellent", _("Excellent completion")
    GOOD = "good", _("Good completion")
    COMPLETE = "complete", _("Completion")
