"""What the dashboard shows of campaigns: the results deadlines that concern the user."""

from django.urls import reverse
from django.utils.translation import gettext as _

from campaigns.selectors import phase_deadlines_for
from units.dashboard import Deadline, register_deadline_provider

# Later apps say which phases the user's units have already done:
# check(user, phase_ids) -> set of phase ids to leave off the list.
_done_checks = []


def register_phase_done_check(check):
    _done_checks.append(check)
    return check


@register_deadline_provider
def phase_results_deadlines(user, roles, today):
    phases = list(phase_deadlines_for(user=user, today=today)[:50])
    done = set()
    for check in _done_checks:
        done |= check(user, [p.pk for p in phases])
    return [
        Deadline(
            due=phase.results_deadline,
            text=_("Results of “%(phase)s” – %(campaign)s")
            % {"phase": phase.name, "campaign": phase.campaign.title},
            url=reverse("evaluations:phase_results", args=[phase.pk]),
        )
        for phase in phases
        if phase.pk not in done
    ]
