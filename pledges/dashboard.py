"""What the dashboard shows of pledges and registrations."""

from django.urls import reverse
from django.utils.translation import gettext as _

from pledges.selectors import open_rounds_for, pending_signatures_for
from units.dashboard import (
    ActionItem,
    Deadline,
    register_action_provider,
    register_deadline_provider,
)


@register_action_provider
def pledges_to_sign(user, roles):
    return [
        ActionItem(
            _("Sign “%(pledge)s” for %(unit)s.")
            % {"pledge": party.pledge.title, "unit": party.unit_name},
            reverse("pledges:pledge_sign", args=[party.pledge_id]),
        )
        for party in pending_signatures_for(user=user)[:20]
    ]


@register_deadline_provider
def registration_deadlines(user, roles, today):
    return [
        Deadline(
            due=row["deadline"],
            text=_("Register titles: %(round)s") % {"round": row["title"]},
            url=reverse("pledges:my_registration", args=[row["round_id"]]),
            unit=row["unit__short_name"],
        )
        for row in open_rounds_for(user=user, today=today)
    ]
