"""Something under the bell for every demo user.

The seeded events have already told their people (the pledge opened for signing, the ballot
opened, proposals returned and approved, extensions granted); whoever is still without an
unread notification is reminded of the cluster's latest results deadline (a unit's people)
or told of the council's decision (the secretariat, the viewer, the administrator)."""

from django.db.models import Q
from django.urls import reverse

from campaigns.models import Phase
from notifications.choices import NotificationKind
from notifications.models import Notification
from notifications.services import notify
from units.models import User

DEMO_USERS = (
    Q(username__in=["admin", "giamsat", "thuky.cum2"])
    | Q(username__startswith="canbo.")
    | Q(username__startswith="lanhdao.")
)


def seed_notifications():
    phase = (
        Phase.objects.filter(campaign__cluster_year__cluster__code="CUM2")
        .select_related("campaign")
        .order_by("-results_deadline")
        .first()
    )
    unread = Notification.objects.filter(read_at__isnull=True).values("recipient")
    waiting = User.objects.filter(DEMO_USERS).exclude(pk__in=unread)
    for user in waiting.select_related("unit").order_by("username"):
        if user.username.startswith(("canbo.", "lanhdao.")) and phase is not None:
            notify(
                kind=NotificationKind.DEADLINE,
                recipients=[user],
                params={
                    "unit": user.unit.name,
                    "phase": phase.name,
                    "campaign": phase.campaign.title,
                    "date": f"{phase.results_deadline:%d/%m/%Y}",
                },
                url=reverse("evaluations:phase_results", args=[phase.pk]),
                base_url="",
            )
        else:
            notify(
                kind=NotificationKind.DECISION_RECORDED,
                recipients=[user],
                params={
                    "number": "25/QĐ-TTCP",
                    "subject": "Tặng Giấy khen cho Thanh tra tỉnh Quảng Ninh",
                },
                url=reverse("evaluations:proposal_list"),
                base_url="",
            )
