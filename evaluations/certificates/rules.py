"""Who prints certificates, sees the print batches and edits the layouts.

Printing is the issuing office's work: sector administrators print the certificates of a
recorded decision (a draft or revoked decision prints nothing), see its batches and
download their PDF, reprint one certificate (with a reason), and edit the layouts. The
award itself stays public (awards/rules.py); the printed files are not.
"""

import rules

from evaluations.decisions.choices import DecisionStatus
from units.rules import is_sector_admin


@rules.predicate
def decision_is_recorded(user, decision) -> bool:
    return decision is not None and decision.status == DecisionStatus.RECORDED


@rules.predicate
def certificate_decision_is_recorded(user, certificate) -> bool:
    return certificate is not None and decision_is_recorded(user, certificate.award_record.decision)


rules.add_perm("evaluations.view_decision_certificates", is_sector_admin)
rules.add_perm("evaluations.print_decision_certificates", is_sector_admin & decision_is_recorded)
rules.add_perm("evaluations.view_certificatebatch", is_sector_admin)
rules.add_perm(
    "evaluations.reprint_certificate", is_sector_admin & certificate_decision_is_recorded
)
for action in ("view", "add", "change", "delete"):
    rules.add_perm(f"evaluations.{action}_certificatelayout", is_sector_admin)
    rules.add_perm(f"evaluations.{action}_layoutfield", is_sector_admin)
