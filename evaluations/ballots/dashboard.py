"""Dashboard items of secret ballots: a ballot waiting for the user's vote; for the
secretariat, a closed ballot waiting for publication."""

from django.urls import reverse
from django.utils.translation import gettext as _

from evaluations.ballots.choices import BallotStatus
from evaluations.ballots.models import Ballot
from evaluations.ballots.selectors import ballots_to_vote
from units.dashboard import ActionItem, register_action_provider


@register_action_provider
def ballots_waiting_for_my_vote(user, roles):
    if not (roles.leader_unit_ids or user.is_authenticated):
        return []
    return [
        ActionItem(
            _("Vote in the secret ballot “%(ballot)s” (for %(voter)s).")
            % {"ballot": voter.ballot.title, "voter": voter.name},
            reverse("evaluations:ballot_vote", args=[voter.ballot_id]),
            level="danger",
        )
        for voter in ballots_to_vote(user=user)
    ]


@register_action_provider
def ballots_to_publish(user, roles):
    if not roles.secretariat_cluster_year_ids:
        return []
    closed = Ballot.objects.filter(
        status=BallotStatus.CLOSED, cluster_year_id__in=roles.secretariat_cluster_year_ids
    ).only("pk", "title")
    return [
        ActionItem(
            _("The ballot “%(ballot)s” is tallied: publish its result.") % {"ballot": b.title},
            reverse("evaluations:ballot_detail", args=[b.pk]),
            level="info",
        )
        for b in closed
    ]
