"""Writes of notifications: `notify` (called by the services that change the state an event
is about, inside their transaction), marking as read, and the e-mail switch."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.exceptions import ActionRefused
from notifications.choices import NotificationKind
from notifications.models import Notification, Preference
from notifications.recipients import secretariat_of_years, unit_people
from units.audit import audit_record


def notify(
    *,
    kind: NotificationKind,
    recipients,
    params: dict,
    url: str = "",
    actor=None,
    base_url: str | None = None,
) -> list[Notification]:
    """Tell each of `recipients` (users or a queryset of users; the inactive ones and the
    `actor` are left out) of an event: one unread notification each, written in the
    caller's transaction, and an e-mail to those who keep e-mail on, sent once it commits.

    `params` are the values of the kind's sentence (strings: dates already dd/mm/yyyy) and
    an optional `note` (a comment, a reason); `url` the page to open (a path)."""
    params = {key: str(value) for key, value in params.items() if value not in (None, "")}
    users = get_user_model().objects.filter(is_active=True)
    if isinstance(recipients, QuerySet):
        users = users.filter(pk__in=recipients.values("pk"))
    else:
        users = users.filter(pk__in={user.pk for user in recipients})
    if actor is not None and actor.is_authenticated:
        users = users.exclude(pk=actor.pk)
    users = list(
        users.annotate(
            email_off=Exists(Preference.objects.filter(user=OuterRef("pk"), email=False))
        ).order_by("pk")
    )
    notifications = Notification.objects.bulk_create(
        Notification(recipient=user, kind=kind, params=params, url=url) for user in users
    )
    readers = [user for user in users if user.email and not user.email_off]
    if readers:
        messages = _emails(notifications[0], readers, base_url)
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
    return notifications


def notify_decision_recorded(
    *, number: str, subject: str, unit_ids, url: str, actor, cluster_year_ids=()
) -> list[Notification]:
    """An award decision recorded (evaluations/decisions calls it in its recording service,
    after its audit record): the officers and leaders of the units it names (the awardees'
    units and the proposing units) and the secretariats of the cluster years whose
    proposals it decides."""
    units = unit_people(list(unit_ids))
    years = secretariat_of_years(list(cluster_year_ids))
    return notify(
        kind=NotificationKind.DECISION_RECORDED,
        recipients=get_user_model().objects.filter(
            Q(pk__in=units.values("pk")) | Q(pk__in=years.values("pk"))
        ),
        params={"number": number, "subject": subject},
        url=url,
        actor=actor,
    )


def _emails(notification, readers, base_url) -> list[tuple]:
    """One e-mail per reader (nobody sees another's address), in the site's language."""
    base = settings.SITE_URL if base_url is None else base_url
    with translation.override(settings.LANGUAGE_CODE):
        subject = notification.sentence
        lines = [subject]
        if notification.note:
            lines.append(notification.note)
        if notification.url:
            lines.append(_("Open it here: %(url)s") % {"url": base + notification.url})
        lines += [
            "",
            _(
                "You receive this e-mail because it concerns you in thidua. "
                "Switch these e-mails off on your account page: %(url)s"
            )
            % {"url": base + reverse("units:account")},
        ]
        body = "\n".join(lines)
    return [(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]) for user in readers]


def notification_mark_read(*, notification, actor) -> Notification:
    """Only the recipient reads it (the view finds it among the actor's own: 404 otherwise).

    Reading is the reader's own state, like a session: it writes no audit record."""
    if notification.recipient_id != actor.pk:
        raise ActionRefused(_("You do not have permission to do this."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def notifications_mark_all_read(*, actor) -> int:
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def email_preference_set(*, actor, email: bool) -> Preference:
    """Switch the actor's notification e-mails on or off."""
    preference, _created = Preference.objects.select_for_update().get_or_create(user=actor)
    if preference.email != email:
        audit_record(
            actor=actor,
            action="notification.email",
            obj=actor,
            changes={"email": [preference.email, email]},
        )
        preference.email = email
        preference.save(update_fields=["email"])
    return preference
