from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # The bell's unread count read with the user's row; the e-mail switch on the
        # account page (seams of `units`, which imports nothing of this app).
        from notifications import registrations  # noqa: F401
