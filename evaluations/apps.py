from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Evaluations and awards")

    def ready(self):
        # Registers results items with the dashboard of `units`.
        from evaluations import ballot_dashboard, dashboard  # noqa: F401
