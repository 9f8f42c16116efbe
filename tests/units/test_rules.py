"""The permission rules, asked directly for every role and object."""

import pytest

from tests.factories.units import PersonFactory
from tests.roles import ROLES

pytestmark = pytest.mark.django_db


# role -> (view_staff, manage_staff) for our unit
EXPECTED = {
    "admin": (True, True),
    "officer": (True, True),
    "leader": (True, True),
    "other_officer": (False, False),
    "outsider": (False, False),
    "secretariat": (True, False),
    "viewer": (False, False),
}


@pytest.mark.parametrize("role", ROLES)
def test_staff_permissions_on_our_unit(role_users, our_unit, role):
    user = role_users[role]
    assert user.has_perm("units.view_staff", our_unit) is EXPECTED[role][0]
    assert user.has_perm("units.manage_staff", our_unit) is EXPECTED[role][1]


@pytest.mark.parametrize("role", ROLES)
def test_person_permissions_follow_the_unit(role_users, our_unit, role):
    person = PersonFactory(unit=our_unit)
    user = role_users[role]
    assert user.has_perm("units.view_person", person) is EXPECTED[role][0]
    assert user.has_perm("units.change_person", person) is EXPECTED[role][1]


@pytest.mark.parametrize("role", ROLES)
def test_only_sector_admin_changes_master_data(role_users, our_unit, cluster_year, role):
    user = role_users[role]
    is_admin = role == "admin"
    assert user.has_perm("units.change_unit", our_unit) is is_admin
    assert user.has_perm("units.change_clusteryear", cluster_year) is is_admin
    assert user.has_perm("units.access_admin") is is_admin
    assert user.has_perm("units.view_auditentry") is is_admin
    assert user.has_perm("units.view_unit", our_unit) is True


@pytest.mark.parametrize("role", ROLES)
def test_run_cluster_year(role_users, cluster_year, role):
    expected = role in ("admin", "secretariat")
    assert role_users[role].has_perm("units.run_clusteryear", cluster_year) is expected


def test_secretariat_does_not_reach_units_outside_its_cluster(secretariat, outside_unit):
    assert not secretariat.has_perm("units.view_staff", outside_unit)


def test_archived_unit_cannot_be_managed_even_by_its_officer(officer, our_unit):
    our_unit.is_active = False
    our_unit.save()
    officer.refresh_from_db()
    assert officer.has_perm("units.view_staff", our_unit)
    assert not officer.has_perm("units.manage_staff", our_unit)


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
