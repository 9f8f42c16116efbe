from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")

    def ready(self):
        # Registers the campaign deadlines with the dashboard of `units`.
        from campaigns import deadlines  # noqa: F401
