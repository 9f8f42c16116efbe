"""Who may see, draft, record, correct and revoke award decisions.

A decision is the act of the authority that signs it; in the app it is prepared and recorded
by the sector council's secretariat (the personnel department of the Government
Inspectorate), the sector administrators, who also record the council's verdict on a single
proposal (`decide_awardproposal`, evaluations/proposals/rules.py, whose reasons hold here:
the cluster secretariat proposes, so it never records). A draft is theirs alone; a recorded
or revoked decision is a public act that every signed-in user reads, without the amounts
(those stay with the administrators, as the award records' amounts stay with those who may
read a unit's details). The Word documents (draft decision, annex, tờ trình) are working
papers of the administrators.
"""

import rules

from evaluations.decisions.workflows import CORRECTION_FLOW, DECISION_FLOW
from units.rules import is_sector_admin


@rules.predicate
def is_draft(user, decision):
    return decision is not None and decision.is_draft


prepares_decisions = is_sector_admin

rules.add_perm("evaluations.view_awarddecision", prepares_decisions | ~is_draft)
rules.add_perm("evaluations.add_awarddecision", prepares_decisions)
rules.add_perm("evaluations.change_awarddecision", prepares_decisions & is_draft)
rules.add_perm("evaluations.delete_awarddecision", prepares_decisions & is_draft)
rules.add_perm(
    "evaluations.record_awarddecision", prepares_decisions & DECISION_FLOW.allows("record")
)
rules.add_perm(
    "evaluations.correct_awarddecision", prepares_decisions & CORRECTION_FLOW.allows("correct")
)
rules.add_perm(
    "evaluations.revoke_awarddecision", prepares_decisions & DECISION_FLOW.allows("revoke")
)
rules.add_perm("evaluations.view_decision_documents", prepares_decisions)
rules.add_perm("evaluations.view_decision_amounts", prepares_decisions)
# The register (sổ quyết định) of recorded decisions: public acts.
rules.add_perm("evaluations.view_decision_register", rules.is_authenticated)
for model in ("issuingauthority", "decisiontemplate"):
    for action in ("view", "add", "change", "delete"):
        rules.add_perm(f"evaluations.{action}_{model}", is_sector_admin)
