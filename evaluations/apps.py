from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Evaluations and awards")

    def ready(self):
        # `dashboard` modules register items with the dashboard of `units`; `history` gives
        # the eligibility rules of `pledges` the award records (R10, R19).
        from evaluations import ballot_dashboard, dashboard, history  # noqa: F401
