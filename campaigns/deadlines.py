"""What the dashboard shows of campaigns: the results deadlines that concern the user."""

from django.urls import reverse
from django.utils.translation import gettext as _

from campaigns.selectors import phase_deadlines_for
from units.dashboard import Deadline, register_deadline_provider

# Later apps say which phases the user's units have already done, as a filter on the phase
# query (so the list stays one query): check(user) -> a Q / Exists condition, or None.
_done_checks = []


def register_phase_done_check(check):
    _done_checks.append(check)
    return check


@register_deadline_provider
def phase_results_deadlines(user, roles, today):
    phases = phase_deadlines_for(user=user, today=today)
    for check in _done_checks:
        condition = check(user)
        if condition is not None:
            phases = phases.exclude(condition)
    return [
        Deadline(
            due=phase.results_deadline,
            text=_("Results of “%(phase)s” – %(campaign)s")
            % {"phase": phase.name, "campaign": phase.campaign.title},
            url=reverse("evaluations:phase_results", args=[phase.pk]),
        )
        for phase in phases[:50]
    ]
