from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Modules that register with earlier apps when loaded: dashboard items with `units` (shown
# in this order), the award records with the eligibility rules of `pledges` (R10, R19).
REGISTERING_MODULES = (
    "evaluations.ballots.dashboard",
    "evaluations.results.dashboard",
    "evaluations.proposals.dashboard",
    "evaluations.awards.history",
    # The top bar's search and the search fields: proposals, award decisions, nominees.
    "evaluations.proposals.finder",
    "evaluations.awards.lookup",
    "evaluations.ballots.pickers",
    # The cluster-year page's links to the year's campaigns, pledges, ballots, proposals.
    "evaluations.cluster_year_links",
    # The sector overview on the dashboard of administrators and sector viewers.
    "evaluations.overview",
)


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Evaluations and awards")

    def ready(self):
        for module in REGISTERING_MODULES:
            import_module(module)
