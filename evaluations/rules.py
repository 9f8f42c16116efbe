"""django-rules discovers this module; each sub-package keeps its own rules."""

from evaluations.awards import rules as awards_rules
from evaluations.ballots import rules as ballots_rules
from evaluations.certificates import rules as certificates_rules
from evaluations.proposals import rules as proposals_rules
from evaluations.results import rules as results_rules
from evaluations.statistics import rules as statistics_rules

__all__ = [
    "awards_rules",
    "ballots_rules",
    "certificates_rules",
    "proposals_rules",
    "results_rules",
    "statistics_rules",
]
