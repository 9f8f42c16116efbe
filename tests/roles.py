"""The roles the tests walk, defined once.

Every role is a fixture of tests/conftest.py; `ROLE_FIXTURES` names it. Tests take the
`user_of` fixture and call `user_of(role)` to get the user of a role (built on first use),
or `role_users` for all of them at once. The permission matrix (tests/security/) walks
the same roles, with "anonymous" in front.

The world of the fixtures: one cluster year of two member units, "our" unit and the
"other" unit, and a unit outside it.
"""

from tests.factories.units import RoleAssignmentFactory, UserFactory

# role -> its fixture, in the order of the permission matrix's columns.
ROLE_FIXTURES = {
    "officer": "officer",  # officer of our unit
    "leader": "leader",  # leader of our unit
    "other_officer": "other_officer",  # officer of the other unit of our cluster year
    "outsider": "outsider_officer",  # officer of a unit outside our cluster
    "secretariat": "secretariat",  # runs our cluster year; a staff member of the other unit
    "viewer": "viewer",  # sector-wide viewer
    "admin": "admin_user",  # sector administrator
}
ROLES = tuple(ROLE_FIXTURES)


def user_with_role(role, *, unit=None, cluster_year=None, user_unit=None):
    """A user working in `user_unit` (default: `unit`) holding `role` for `unit` or for
    `cluster_year` (neither: sector-wide)."""
    user = UserFactory(unit=user_unit if user_unit is not None else unit)
    RoleAssignmentFactory(user=user, role=role, unit=unit, cluster_year=cluster_year)
    return user
