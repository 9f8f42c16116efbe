"""Every named permission of units/rules.py, asked for every role over every kind of unit.

tests/roles.py says who is who.
"""

import pytest
from rules.permissions import permissions

from tests.factories.units import ClusterYearFactory, PersonFactory
from tests.roles import ROLES, truth_table, truth_tables

pytestmark = pytest.mark.django_db


# Our unit ("ours", "ours+archived"), the other member unit ("other"), the outsider's unit
# ("outside"). The secretariat user works in the other unit and runs our cluster year.
UNIT = {
    # Staff lists are personal data: the unit, the secretariat of its cluster, administrators.
    "units.view_staff": """
        unit           officer leader other_officer outsider secretariat viewer admin
        ours           yes     yes    no            no       yes         no     yes
        ours+archived  yes     yes    no            no       yes         no     yes
        other          no      no     yes           no       yes         no     yes
        outside        no      no     no            yes      no          no     yes
    """,
    # The unit's officers and leaders keep their own staff; an archived unit is read-only.
    "units.manage_staff": """
        unit           officer leader other_officer outsider secretariat viewer admin
        ours           yes     yes    no            no       no          no     yes
        ours+archived  no      no     no            no       no          no     no
        other          no      no     yes           no       no          no     yes
        outside        no      no     no            yes      no          no     yes
    """,
}

# A person of that unit: read and changed as the unit's staff, and always by administrators
# (an administrator may still correct a person of an archived unit).
PERSON = {
    "units.view_person": """
        unit           officer leader other_officer outsider secretariat viewer admin
        ours           yes     yes    no            no       yes         no     yes
        ours+archived  yes     yes    no            no       yes         no     yes
        other          no      no     yes           no       yes         no     yes
        outside        no      no     no            yes      no          no     yes
    """,
    "units.change_person": """
        unit           officer leader other_officer outsider secretariat viewer admin
        ours           yes     yes    no            no       no          no     yes
        ours+archived  no      no     no            no       no          no     yes
        other          no      no     yes           no       no          no     yes
        outside        no      no     no            yes      no          no     yes
    """,
}

RUN_CLUSTER_YEAR = """
    cluster_year  officer leader other_officer outsider secretariat viewer admin
    ours          no      no     no            no       yes         no     yes
    theirs        no      no     no            no       no          no     yes
"""

# Next year from this one: its secretariat or an administrator, while the cluster is active.
ROLL_FORWARD_CLUSTER_YEAR = """
    cluster_year  officer leader other_officer outsider secretariat viewer admin
    ours          no      no     no            no       yes         no     yes
    ours+closed   no      no     no            no       no          no     no
    theirs        no      no     no            no       no          no     yes
"""

# Units and clusters are the sector's shared master data.
EVERYONE = [
    "units.view_unit",
    *(
        f"units.view_{model}"
        for model in ("employment", "cluster", "clusteryear", "clustermembership")
    ),
]
ADMIN_ONLY = [
    "units.add_unit",
    "units.change_unit",
    "units.delete_unit",
    "units.add_person",
    "units.delete_person",
    *(
        f"units.{action}_{model}"
        for model in ("employment", "cluster", "clusteryear", "clustermembership")
        for action in ("add", "change", "delete")
    ),
    *(
        f"units.{action}_{model}"
        for model in ("user", "roleassignment")
        for action in ("view", "add", "change", "delete")
    ),
    "units.view_auditentry",
    "units.access_admin",
]
UNIT_FIXTURES = {"ours": "our_unit", "other": "other_unit", "outside": "outside_unit"}


@pytest.fixture
def unit_of(request):
    def find(name):
        fixture, _, archived = name.partition("+")
        unit = request.getfixturevalue(UNIT_FIXTURES[fixture])
        if archived:
            unit.is_active = False
            unit.save()
        return unit

    return find


def test_every_permission_of_the_app_is_asked_here():
    asked = {
        *UNIT,
        *PERSON,
        "units.run_clusteryear",
        "units.roll_forward_clusteryear",
        *EVERYONE,
        *ADMIN_ONLY,
    }
    assert {name for name in permissions if name.startswith("units.")} == asked


@pytest.mark.parametrize(("perm", "unit", "role", "expected"), truth_tables(UNIT))
def test_unit(user_of, unit_of, perm, unit, role, expected):
    assert user_of(role).has_perm(perm, unit_of(unit)) is expected


@pytest.mark.parametrize(("perm", "unit", "role", "expected"), truth_tables(PERSON))
def test_person_of_the_unit(user_of, unit_of, perm, unit, role, expected):
    person = PersonFactory(unit=unit_of(unit))
    assert user_of(role).has_perm(perm, person) is expected


@pytest.mark.parametrize(("cluster_year_of", "role", "expected"), truth_table(RUN_CLUSTER_YEAR))
def test_run_cluster_year(user_of, cluster_year, cluster_year_of, role, expected):
    year = cluster_year if cluster_year_of == "ours" else ClusterYearFactory()
    assert user_of(role).has_perm("units.run_clusteryear", year) is expected


@pytest.mark.parametrize(
    ("cluster_year_of", "role", "expected"), truth_table(ROLL_FORWARD_CLUSTER_YEAR)
)
def test_roll_forward_cluster_year(user_of, cluster_year, cluster_year_of, role, expected):
    year = ClusterYearFactory() if cluster_year_of == "theirs" else cluster_year
    if cluster_year_of == "ours+closed":
        year.cluster.is_active = False
        year.cluster.save()
    assert user_of(role).has_perm("units.roll_forward_clusteryear", year) is expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", EVERYONE)
def test_everyone_signed_in(user_of, our_unit, perm, role):
    assert user_of(role).has_perm(perm, our_unit) is True


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", ADMIN_ONLY)
def test_admin_only(user_of, perm, role):
    assert user_of(role).has_perm(perm) is (role == "admin")


def test_secretariat_does_not_reach_units_outside_its_cluster(secretariat, outside_unit):
    assert not secretariat.has_perm("units.view_staff", outside_unit)


def test_inactive_user_has_no_permissions(officer, our_unit):
    officer.is_active = False
    officer.save()
    assert not officer.has_perm("units.view_staff", our_unit)


def test_anonymous_has_no_permissions(our_unit):
    from django.contrib.auth.models import AnonymousUser

    assert not AnonymousUser().has_perm("units.view_unit", our_unit)
    assert not AnonymousUser().has_perm("units.view_staff", our_unit)


def test_roles_are_loaded_once_per_user_object(
    officer, our_unit, other_unit, django_assert_num_queries
):
    with django_assert_num_queries(2):  # role assignments, then cluster memberships
        for _ in range(20):
            officer.has_perm("units.view_staff", our_unit)
            officer.has_perm("units.manage_staff", other_unit)
