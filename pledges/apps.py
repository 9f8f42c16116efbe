from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PledgesConfig(AppConfig):
    name = "pledges"
    verbose_name = _("Pledges and registrations")

    def ready(self):
        # Registers pledge and registration items with the dashboard of `units`.
        from pledges import dashboard  # noqa: F401
