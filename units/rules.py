"""Object-level permissions for units, people, clusters and accounts.

Views, templates (`{% has_perm %}`) and the admin all ask these names, so each
rule is written once. Predicates read the user's roles through `roles_of`,
which is cached per request, so checking many objects costs no extra queries.
"""

import rules

from units.selectors import roles_of


@rules.predicate
def is_sector_admin(user):
    return roles_of(user).is_admin


@rules.predicate
def is_sector_viewer(user):
    return roles_of(user).is_sector_viewer


@rules.predicate
def is_secretariat(user):
    return bool(roles_of(user).secretariat_cluster_year_ids)


@rules.predicate
def belongs_to_unit(user, unit):
    """The user's own unit, or a unit they hold a role in."""
    return unit is not None and unit.pk in roles_of(user).member_unit_ids


@rules.predicate
def is_officer_of_unit(user, unit):
    return unit is not None and unit.pk in roles_of(user).officer_unit_ids


@rules.predicate
def is_leader_of_unit(user, unit):
    return unit is not None and unit.pk in roles_of(user).leader_unit_ids


@rules.predicate
def is_secretariat_for_unit(user, unit):
    """The user runs a cluster year that this unit is a member of."""
    return unit is not None and unit.pk in roles_of(user).secretariat_unit_ids


@rules.predicate
def unit_is_active(user, unit):
    return unit is not None and unit.is_active


@rules.predicate
def is_secretariat_of_cluster_year(user, cluster_year):
    return (
        cluster_year is not None and cluster_year.pk in roles_of(user).secretariat_cluster_year_ids
    )


@rules.predicate
def cluster_is_active(user, cluster_year):
    return cluster_year is not None and cluster_year.cluster.is_active


def _person_unit(predicate):
    """Lift a unit predicate to a person: it is asked of the person's current unit."""

    @rules.predicate(name=f"person_{predicate.name}")
    def lifted(user, person):
        return person is not None and predicate.test(user, person.unit)

    return lifted


may_view_staff = is_sector_admin | belongs_to_unit | is_secretariat_for_unit
may_manage_staff = (is_sector_admin | is_officer_of_unit | is_leader_of_unit) & unit_is_active

# Units and clusters are shared master data: every signed-in user reads them.
rules.add_perm("units.view_unit", rules.is_authenticated)
rules.add_perm("units.add_unit", is_sector_admin)
rules.add_perm("units.change_unit", is_sector_admin)
rules.add_perm("units.delete_unit", is_sector_admin)
rules.add_perm("units.view_staff", may_view_staff)
rules.add_perm("units.manage_staff", may_manage_staff)

rules.add_perm("units.view_person", is_sector_admin | _person_unit(may_view_staff))
rules.add_perm("units.add_person", is_sector_admin)
rules.add_perm("units.change_person", is_sector_admin | _person_unit(may_manage_staff))
rules.add_perm("units.delete_person", is_sector_admin)

for model in ("employment", "cluster", "clusteryear", "clustermembership"):
    rules.add_perm(f"units.view_{model}", rules.is_authenticated)
    for action in ("add", "change", "delete"):
        rules.add_perm(f"units.{action}_{model}", is_sector_admin)

for model in ("user", "roleassignment"):
    for action in ("view", "add", "change", "delete"):
        rules.add_perm(f"units.{action}_{model}", is_sector_admin)

rules.add_perm("units.run_clusteryear", is_sector_admin | is_secretariat_of_cluster_year)
# Next year of a cluster from this one (same members, chair and vice-chair by rotation):
# the year's secretariat or an administrator; a closed cluster has no next year.
rules.add_perm(
    "units.roll_forward_clusteryear",
    (is_sector_admin | is_secretariat_of_cluster_year) & cluster_is_active,
)
rules.add_perm("units.view_auditentry", is_sector_admin)
rules.add_perm("units.access_admin", is_sector_admin)
