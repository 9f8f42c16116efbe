"""Invariants the database itself enforces."""

from datetime import date

import pytest
from django.db import IntegrityError

from tests.factories.units import (
    ClusterMembershipFactory,
    ClusterYearFactory,
    PersonFactory,
    RoleAssignmentFactory,
    UnitFactory,
    UserFactory,
)
from units.choices import Role

pytestmark = pytest.mark.django_db


def test_merger_needs_successor_and_date():
    unit = UnitFactory()
    unit.merged_into = UnitFactory()
    unit.is_active = False
    with pytest.raises(IntegrityError):
        unit.save()


def test_merged_unit_must_be_inactive():
    unit = UnitFactory()
    unit.merged_into = UnitFactory()
    unit.merged_on = date(2025, 7, 1)
    with pytest.raises(IntegrityError):
        unit.save()


def test_unit_code_unique():
    UnitFactory(code="TT-X")
    with pytest.raises(IntegrityError):
        UnitFactory(code="TT-X")


def test_staff_code_unique_within_unit_only():
    unit = UnitFactory()
    PersonFactory(unit=unit, staff_code="A1")
    PersonFactory(unit=UnitFactory(), staff_code="A1")  # another unit may reuse it
    PersonFactory(unit=unit, staff_code="")
    PersonFactory(unit=unit, staff_code="")  # empty codes never collide
    with pytest.raises(IntegrityError):
        PersonFactory(unit=unit, staff_code="A1")


def test_chair_and_vice_chair_differ():
    unit = UnitFactory()
    with pytest.raises(IntegrityError):
        ClusterYearFactory(chair_unit=unit, vice_chair_unit=unit)


def test_cluster_year_unique_per_cluster():
    cy = ClusterYearFactory(year=2024)
    with pytest.raises(IntegrityError):
        ClusterYearFactory(cluster=cy.cluster, year=2024)


def test_unit_is_member_once_per_cluster_year():
    membership = ClusterMembershipFactory()
    with pytest.raises(IntegrityError):
        ClusterMembershipFactory(cluster_year=membership.cluster_year, unit=membership.unit)


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        (Role.SECRETARIAT, "unit"),  # secretariat needs a cluster year
        (Role.UNIT_OFFICER, "none"),  # unit roles need a unit
        (Role.UNIT_LEADER, "cluster_year"),
        (Role.SECTOR_ADMIN, "unit"),  # administrators are sector-wide
    ],
)
def test_role_scope_must_match_role(role, scope):
    user = UserFactory()
    kwargs = {"unit": None, "cluster_year": None}
    if scope == "unit":
        kwargs["unit"] = user.unit
    elif scope == "cluster_year":
        kwargs["cluster_year"] = ClusterYearFactory()
    with pytest.raises(IntegrityError):
        RoleAssignmentFactory(user=user, role=role, **kwargs)


def test_same_sector_role_twice_refused():
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=Role.SECTOR_ADMIN, unit=None)
    with pytest.raises(IntegrityError):
        RoleAssignmentFactory(user=user, role=Role.SECTOR_ADMIN, unit=None)
