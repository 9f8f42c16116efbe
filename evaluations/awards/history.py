"""Hands the award records to the eligibility rules of `pledges` (which may not import us).

Imported once from `EvaluationsConfig.ready()`.
"""

from evaluations.awards.selectors import person_history
from pledges.eligibility import register_history_provider

register_history_provider(person_history)
