"""What the statistics count that no other part of the system records."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from evaluations.statistics.choices import Training
from units.models import Person


class EmulationOfficer(models.Model):
    """A person doing emulation and commendation work (form 0605.N/BNV-TĐKT counts them)."""

    person = models.OneToOneField(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="emulation_officer",
    )
    birth_year = models.PositiveSmallIntegerField(_("year of birth"))
    training = models.CharField(_("training level"), max_length=20, choices=Training.choices)
    since_year = models.PositiveSmallIntegerField(
        _("in emulation and commendation work since (year)")
    )
    is_active = models.BooleanField(_("still doing this work"), default=True)

    class Meta:
        verbose_name = _("emulation and commendation officer")
        verbose_name_plural = _("emulation and commendation officers")
        ordering = ["person__full_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(training__in=Training.values), name="emulation_officer_training_valid"
            ),
            models.CheckConstraint(
                condition=Q(since_year__gt=F("birth_year")),
                name="emulation_officer_since_after_birth",
                violation_error_message=_("The work cannot start before the person was born."),
            ),
        ]

    def __str__(self):
        return self.person.full_name
