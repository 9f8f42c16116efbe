"""Every named permission of evaluations/awards/rules.py, asked for every role.

Award records have no workflow: what varies is whose unit it is. "ours" is our unit, "other"
the other member unit of our cluster year, "outside" the outsider's unit (in no cluster of
ours); tests/roles.py says who is who.
"""

import pytest
from rules.permissions import permissions

from tests.roles import ROLES, truth_table

pytestmark = pytest.mark.django_db

# The amounts and the source of a unit's records: its members, the secretariat of a cluster
# year it belongs to (the secretariat user also works in the other unit), administrators.
VIEW_AWARD_DETAILS = """
    unit     officer leader other_officer outsider secretariat viewer admin
    ours     yes     yes    no            no       yes         no     yes
    other    no      no     yes           no       yes         no     yes
    outside  no      no     no            yes      no          no     yes
"""

UNIT_FIXTURES = {"ours": "our_unit", "other": "other_unit", "outside": "outside_unit"}

# Award decisions are public acts: every signed-in user reads them, and looks them up in the
# sector's register (the amounts there follow view_award_details, record by record).
EVERYONE = [
    "evaluations.view_unit_awards",
    "evaluations.view_honour_board",
    "evaluations.lookup_awards",
]
# Past records come in from the sector administrator (any unit) and the secretariat (the
# service checks which units).
ADMIN_AND_SECRETARIAT = ["evaluations.import_awards"]
ADMIN_ONLY = [
    "evaluations.view_basesalary",
    "evaluations.add_basesalary",
    "evaluations.change_basesalary",
    "evaluations.delete_basesalary",
    "evaluations.add_awardrecord",
    "evaluations.delete_awardrecord",
]


def test_every_awards_permission_is_asked_here():
    def is_awards(name):
        return name.startswith("evaluations.") and (
            "basesalary" in name
            or "honour_board" in name
            or name.endswith(("_awardrecord", "_awards", "_award_details"))
        )

    asked = {"evaluations.view_award_details", *EVERYONE, *ADMIN_AND_SECRETARIAT, *ADMIN_ONLY}
    assert {name for name in permissions if is_awards(name)} == asked


@pytest.mark.parametrize(("unit", "role", "expected"), truth_table(VIEW_AWARD_DETAILS))
def test_view_award_details(user_of, request, unit, role, expected):
    unit = request.getfixturevalue(UNIT_FIXTURES[unit])
    assert user_of(role).has_perm("evaluations.view_award_details", unit) is expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", EVERYONE)
def test_everyone_signed_in(user_of, our_unit, perm, role):
    assert user_of(role).has_perm(perm, our_unit) is True


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", ADMIN_AND_SECRETARIAT)
def test_administrators_and_secretariats(user_of, perm, role):
    assert user_of(role).has_perm(perm) is (role in ("admin", "secretariat"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", ADMIN_ONLY)
def test_admin_only(user_of, perm, role):
    assert user_of(role).has_perm(perm) is (role == "admin")


def test_anonymous_reads_nothing(our_unit):
    from django.contrib.auth.models import AnonymousUser

    for perm in ("evaluations.view_unit_awards", "evaluations.view_honour_board"):
        assert not AnonymousUser().has_perm(perm, our_unit)
