"""Reminder e-mails to units that have not submitted a phase's results."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from evaluations.results import selectors
from evaluations.results.choices import SubmissionStatus
from evaluations.results.models import Extension, Submission
from units.audit import audit_record
from units.choices import Role
from units.models import RoleAssignment


def units_to_remind(phase) -> list:
    done = set(
        Submission.objects.filter(
            phase=phase, status__in=[SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED]
        ).values_list("unit_id", flat=True)
    )
    return [u for u in selectors.participants(phase) if u.pk not in done]


def send_reminders(*, phase, actor=None, base_url="") -> int:
    """E-mail the officers and leaders of every unit that has not submitted; returns the count."""
    units = units_to_remind(phase)
    recipients = {}
    for assignment in RoleAssignment.objects.filter(
        unit__in=units, role__in=[Role.UNIT_OFFICER, Role.UNIT_LEADER], user__is_active=True
    ).select_related("user", "unit"):
        if assignment.user.email:
            recipients.setdefault(assignment.unit, set()).add(assignment.user.email)
    url = base_url + reverse("evaluations:phase_results", args=[phase.pk])
    # A unit given an extension is reminded of its own deadline.
    extended = {
        e.unit_id: e.until
        for e in Extension.objects.filter(
            phase=phase, unit__in=list(recipients), until__gt=phase.results_deadline
        )
    }

    def due(unit):
        return date_format(extended.get(unit.pk, phase.results_deadline), "SHORT_DATE_FORMAT")

    with translation.override(settings.LANGUAGE_CODE):
        messages = [
            (
                _("Reminder: results of “%(phase)s” are due on %(date)s")
                % {"phase": phase.name, "date": due(unit)},
                _(
                    "%(unit)s has not yet submitted its results for “%(phase)s” (%(campaign)s).\n"
                    "Deadline: %(date)s.\nEnter and submit them here: %(url)s"
                )
                % {
                    "unit": unit.name,
                    "phase": phase.name,
                    "campaign": phase.campaign.title,
                    "date": due(unit),
                    "url": url,
                },
                settings.DEFAULT_FROM_EMAIL,
                sorted(emails),
            )
            for unit, emails in recipients.items()
        ]
    if messages:
        # Sent after the audit record is safely written; a mail server hiccup loses no data.
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
    audit_record(
        actor=actor,
        action="phase.reminders",
        obj=phase,
        changes={"units": [None, len(messages)]},
        note=timezone.now().isoformat(timespec="minutes"),
    )
    return len(messages)
