"""The roles the tests walk, defined once.

Every role is a fixture of tests/conftest.py; `ROLE_FIXTURES` names it. Tests take the
`user_of` fixture and call `user_of(role)` to get the user of a role (built on first use),
or `role_users` for all of them at once. The permission matrix (tests/security/) walks
the same roles, with "anonymous" in front.

The world of the fixtures: one cluster year of two member units, "our" unit and the
"other" unit, and a unit outside it.
"""

import pytest

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

YES, NO = "yes", "no"


def user_with_role(role, *, unit=None, cluster_year=None, user_unit=None):
    """A user working in `user_unit` (default: `unit`) holding `role` for `unit` or for
    `cluster_year` (neither: sector-wide)."""
    user = UserFactory(unit=user_unit if user_unit is not None else unit)
    RoleAssignmentFactory(user=user, role=role, unit=unit, cluster_year=cluster_year)
    return user


def truth_table(text: str, *, perm: str | None = None) -> list:
    """Cases (`state`, `role`, `expected`) for `pytest.mark.parametrize`, read from a table:

        state        officer leader other_officer outsider secretariat viewer admin
        draft        no      no     no            no       yes         no     yes
        open         no      yes    no            no       no          no     no

    The header names every role of ROLES (in any order) after one word for the first
    column; each row starts with the object's state and gives "yes" or "no" per role.
    With `perm`, each case starts with it: (`perm`, `state`, `role`, `expected`).
    """
    header, *rows = (line.split() for line in text.strip().splitlines())
    roles = header[1:]
    assert sorted(roles) == sorted(ROLES), f"the header must name each of {ROLES}: {roles}"
    cases = []
    for state, *marks in rows:
        assert len(marks) == len(roles), f"{state}: give one mark per role"
        for role, mark in zip(roles, marks, strict=True):
            assert mark in (YES, NO), f"{state}, {role}: {mark!r} is not {YES!r} or {NO!r}"
            values = (state, role, mark == YES)
            name = f"{state}-{role}"
            if perm is not None:
                values, name = (perm, *values), f"{perm}-{name}"
            cases.append(pytest.param(*values, id=name))
    return cases


def truth_tables(tables: dict[str, str]) -> list:
    """The cases of several tables, one per named permission: (`perm`, `state`, `role`,
    `expected`)."""
    return [case for perm, text in tables.items() for case in truth_table(text, perm=perm)]
