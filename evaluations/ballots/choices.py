from django.db import models
from django.utils.translation import pgettext_lazy


class BallotStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("ballot status", "Draft")
    OPEN = "open", pgettext_lazy("ballot status", "Open for voting")
    CLOSED = "closed", pgettext_lazy("ballot status", "Closed (tallied)")
    PUBLISHED = "published", pgettext_lazy("ballot status", "Result published")
