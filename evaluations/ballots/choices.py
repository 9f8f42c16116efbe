from enum import nonmember

from django.utils.translation import pgettext_lazy

from core.choices import StatusChoices


class BallotStatus(StatusChoices):
    DRAFT = "draft", pgettext_lazy("ballot status", "Draft")
    OPEN = "open", pgettext_lazy("ballot status", "Open for voting")
    CLOSED = "closed", pgettext_lazy("ballot status", "Closed (tallied)")
    PUBLISHED = "published", pgettext_lazy("ballot status", "Result published")
    tones = nonmember({"open": "primary", "closed": "warning", "published": "success"})
