"""Reminders to units that have not submitted a phase's results: the "deadline approaching"
notification of each of their officers and leaders (in the app, and by e-mail to those
who keep e-mail on)."""

from django.urls import reverse
from django.utils import timezone

from evaluations.results import selectors
from evaluations.results.choices import SubmissionStatus
from evaluations.results.models import Extension, Submission
from notifications.choices import NotificationKind
from notifications.recipients import unit_people
from notifications.services import notify
from units.audit import audit_record


def units_to_remind(phase) -> list:
    done = set(
        Submission.objects.filter(
            phase=phase, status__in=[SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED]
        ).values_list("unit_id", flat=True)
    )
    return [u for u in selectors.participants(phase) if u.pk not in done]


def send_reminders(*, phase, actor=None, base_url=None) -> int:
    """Remind the officers and leaders of every unit that has not submitted (inside the
    caller's transaction; e-mails leave once it commits); returns the number of units
    reminded (those with someone to tell)."""
    units = units_to_remind(phase)
    url = reverse("evaluations:phase_results", args=[phase.pk])
    # A unit given an extension is reminded of its own deadline.
    extended = {
        e.unit_id: e.until
        for e in Extension.objects.filter(
            phase=phase, unit__in=units, until__gt=phase.results_deadline
        )
    }
    reminded = 0
    for unit in units:
        due = extended.get(unit.pk, phase.results_deadline)
        told = notify(
            kind=NotificationKind.DEADLINE,
            recipients=unit_people([unit.pk]),
            params={
                "unit": unit.name,
                "phase": phase.name,
                "campaign": phase.campaign.title,
                "date": f"{due:%d/%m/%Y}",
            },
            url=url,
            base_url=base_url,
        )
        reminded += bool(told)
    audit_record(
        actor=actor,
        action="phase.reminders",
        obj=phase,
        changes={"units": [None, reminded]},
        note=timezone.now().isoformat(timespec="minutes"),
    )
    return reminded
