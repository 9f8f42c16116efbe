from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from notifications.models import Notification, Preference


def notifications_of(*, user):
    """The user's own notifications, newest first: nobody reads another's."""
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user)


def unread_count_expression():
    """The signed-in user's unread count as a subquery of the user's own row (the bell):
    read in the same query as the user, whatever the number of notifications."""
    unread = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(unread), 0)


def wants_email(*, user) -> bool:
    preference = Preference.objects.filter(user=user).first()
    return preference is None or preference.email
