"""Who may read which statistics.

A unit's figures: its own members (officers, leaders), the secretariat of a cluster year it
belongs to, and the sector-wide roles. A cluster's: its secretariat and the sector-wide
roles. The whole sector's: sector administrators and viewers. The people counted by form
0605 are kept by sector administrators.
"""

import rules

from units.rules import (
    belongs_to_unit,
    is_secretariat_for_unit,
    is_secretariat_of_cluster_year,
    is_sector_admin,
    is_sector_viewer,
)

sector_wide = is_sector_admin | is_sector_viewer

rules.add_perm("evaluations.view_statistics", rules.is_authenticated)
rules.add_perm(
    "evaluations.view_unit_statistics", sector_wide | belongs_to_unit | is_secretariat_for_unit
)
rules.add_perm("evaluations.view_cluster_statistics", sector_wide | is_secretariat_of_cluster_year)
rules.add_perm("evaluations.view_sector_statistics", sector_wide)
for action in ("view", "add", "change", "delete"):
    rules.add_perm(f"evaluations.{action}_emulationofficer", is_sector_admin)
