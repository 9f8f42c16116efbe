"""Django's admin discovers this module; each sub-package registers its own models."""

from evaluations.awards import admin as awards_admin
from evaluations.certificates import admin as certificates_admin
from evaluations.results import admin as results_admin
from evaluations.statistics import admin as statistics_admin

__all__ = ["awards_admin", "certificates_admin", "results_admin", "statistics_admin"]
