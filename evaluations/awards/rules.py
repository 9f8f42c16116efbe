"""Who may read award histories and honour boards, and import past awards.

Award decisions are public acts: every signed-in user reads a unit's award history (its
collective awards and the names of its awarded people, with title, year, decision number,
date and issuing body) and the honour boards. The reward amount and how a record came in
(import, proposal) are for the unit's own members, the secretariat of a cluster year the
unit belongs to, and sector administrators; on a successor's page, those who may read the
successor's details read its predecessors' too (R19: it inherits their history).
A person's award history (all their years, across units) goes with their staff record:
the same people who may read that record (`units.view_person`).
Past records are imported by sector administrators (any unit) and by the cluster
secretariat (member units of the years it runs, and their predecessors).
"""

import rules

from units.rules import belongs_to_unit, is_secretariat, is_secretariat_for_unit, is_sector_admin

may_view_award_details = is_sector_admin | belongs_to_unit | is_secretariat_for_unit

rules.add_perm("evaluations.view_unit_awards", rules.is_authenticated)
rules.add_perm("evaluations.view_award_details", may_view_award_details)
rules.add_perm("evaluations.view_honour_board", rules.is_authenticated)
# The award register's lookup (lookup.py): public acts; amounts by view_award_details.
rules.add_perm("evaluations.lookup_awards", rules.is_authenticated)
rules.add_perm("evaluations.import_awards", is_sector_admin | is_secretariat)
for action in ("view", "add", "change", "delete"):
    rules.add_perm(f"evaluations.{action}_basesalary", is_sector_admin)
for action in ("add", "delete"):
    rules.add_perm(f"evaluations.{action}_awardrecord", is_sector_admin)
