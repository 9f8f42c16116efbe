"""Statuses that carry their own label and badge colour, so that one include draws every badge.

A status enum subclasses `StatusChoices` and names the Bootstrap colour of its values in
`tones` (wrapped in `enum.nonmember`, so that it is not taken for a status):

    class PledgeStatus(StatusChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for signing")
        tones = nonmember({"open": "primary"})

A value without a tone is drawn light with a border. A model with a `status` mixes in
`HasStatus` and names its enum; templates then write
`{% include "includes/status_badge.html" with status=pledge.status_choice %}`.
"""

from django.db import models


class StatusChoices(models.TextChoices):
    @property
    def badge_class(self) -> str:
        tone = getattr(type(self), "tones", {}).get(self.value)
        return f"text-bg-{tone}" if tone else "text-bg-light border"


class HasStatus:
    """A model (or anything with a `status`) whose values come from `status_choices`."""

    status_choices: type[StatusChoices]

    @property
    def status_choice(self) -> StatusChoices:
        return self.status_choices(self.status)
