"""What the dashboard shows of campaigns: the results deadlines that concern the user."""

from django.urls import reverse
from django.utils.translation import gettext as _

from campaigns.selectors import phase_deadlines_for
from units.dashboard import Deadline, register_deadline_provider


@register_deadline_provider
def phase_results_deadlines(user, roles, today):
    return [
        Deadline(
            due=phase.results_deadline,
            text=_("Results of “%(phase)s” – %(campaign)s")
            % {"phase": phase.name, "campaign": phase.campaign.title},
            url=reverse("campaigns:campaign_detail", args=[phase.campaign_id]),
        )
        for phase in phase_deadlines_for(user=user, today=today)[:50]
    ]
