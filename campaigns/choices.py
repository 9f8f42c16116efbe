from enum import nonmember

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.choices import StatusChoices


class CampaignKind(models.TextChoices):
    REGULAR = "regular", _("Regular (annual)")
    THEMATIC = "thematic", _("Thematic / special occasion")


class CampaignScope(models.TextChoices):
    SECTOR = "sector", _("Whole sector")
    CLUSTER_YEAR = "cluster_year", _("One cluster year")


class CampaignStatus(StatusChoices):
    """Derived from the dates, never stored."""

    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    CLOSED = "closed", pgettext_lazy("campaign status", "Closed")
    tones = nonmember({"planned": "info", "running": "success", "closed": "secondary"})


class ReviewKind(models.TextChoices):
    PRELIMINARY = "preliminary", _("Preliminary review (sơ kết)")
    FINAL = "final", _("Final review (tổng kết)")


class CriterionKind(models.TextChoices):
    NORMAL = "normal", pgettext_lazy("criterion kind", "Normal")
    BONUS = "bonus", _("Bonus points")
    PENALTY = "penalty", _("Penalty (deduction)")


class EventKind(models.TextChoices):
    PLEDGE_SIGNING = "pledge_signing", _("Pledge-signing ceremony")
    PRELIMINARY_REVIEW = "preliminary_review", _("Preliminary review meeting")
    FINAL_REVIEW = "final_review", _("Final review meeting")
    EXEMPLARY_CONFERENCE = "exemplary_conference", _("Exemplary-model conference")
    CONGRESS = "congress", _("Patriotic emulation congress")
    CULTURE_SPORTS = "culture_sports", _("Cultural and sports exchange")
    PRESS = "press", _("Press and communication")
    OTHER = "other", pgettext_lazy("event kind", "Other")


class FinalScoreRule(models.TextChoices):
    """Which score of a criterion counts in the totals and the ranking."""

    REVIEWED_ELSE_SELF = "reviewed", _("Reviewed score when present, otherwise the self score")
    REVIEWED_ELSE_CROSS = (
        "reviewed_cross",
        _(
            "Reviewed score when present, otherwise the average of the cross-scorers, otherwise "
            "the self score"
        ),
    )
    CROSS_AVERAGE = (
        "cross",
        _(
            "Average of the cross-scorers when present, otherwise the reviewed score, otherwise "
            "the self score"
        ),
    )
