"""Every named permission of evaluations/statistics/rules.py, asked for every role.

A unit's figures: its members, the secretariat of its cluster year (who also works in the
other unit), the sector-wide roles. A cluster year's: its secretariat and the sector-wide
roles. The sector's: administrators and viewers.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from rules.permissions import permissions

from tests.roles import ROLES, truth_table

pytestmark = pytest.mark.django_db

VIEW_UNIT_STATISTICS = """
    unit     officer leader other_officer outsider secretariat viewer admin
    ours     yes     yes    no            no       yes         yes    yes
    other    no      no     yes           no       yes         yes    yes
    outside  no      no     no            yes      no          yes    yes
"""
UNIT_FIXTURES = {"ours": "our_unit", "other": "other_unit", "outside": "outside_unit"}

VIEW_CLUSTER_STATISTICS = """
    cluster_year  officer leader other_officer outsider secretariat viewer admin
    ours          no      no     no            no       yes         yes    yes
    foreign       no      no     no            no       no          yes    yes
"""

VIEW_SECTOR_STATISTICS = """
    sector  officer leader other_officer outsider secretariat viewer admin
    all     no      no     no            no       no          yes    yes
"""

ADMIN_ONLY = [f"evaluations.{a}_emulationofficer" for a in ("view", "add", "change", "delete")]


def test_every_statistics_permission_is_asked_here():
    asked = {
        "evaluations.view_statistics",
        "evaluations.view_unit_statistics",
        "evaluations.view_cluster_statistics",
        "evaluations.view_sector_statistics",
        *ADMIN_ONLY,
    }
    assert {n for n in permissions if "statistics" in n or "emulationofficer" in n} == asked


@pytest.mark.parametrize(("unit", "role", "expected"), truth_table(VIEW_UNIT_STATISTICS))
def test_view_unit_statistics(user_of, request, unit, role, expected):
    unit = request.getfixturevalue(UNIT_FIXTURES[unit])
    assert user_of(role).has_perm("evaluations.view_unit_statistics", unit) is expected


@pytest.mark.parametrize(("which", "role", "expected"), truth_table(VIEW_CLUSTER_STATISTICS))
def test_view_cluster_statistics(user_of, cluster_year, which, role, expected):
    from tests.factories.units import ClusterYearFactory

    target = cluster_year if which == "ours" else ClusterYearFactory()
    assert user_of(role).has_perm("evaluations.view_cluster_statistics", target) is expected


@pytest.mark.parametrize(("scope", "role", "expected"), truth_table(VIEW_SECTOR_STATISTICS))
def test_view_sector_statistics(user_of, scope, role, expected):
    assert user_of(role).has_perm("evaluations.view_sector_statistics") is expected


@pytest.mark.parametrize("role", ROLES)
def test_every_signed_in_user_opens_the_statistics_page(user_of, role):
    assert user_of(role).has_perm("evaluations.view_statistics") is True
    assert AnonymousUser().has_perm("evaluations.view_statistics") is False


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", ADMIN_ONLY)
def test_officers_of_the_work_are_kept_by_administrators(user_of, perm, role):
    assert user_of(role).has_perm(perm) is (role == "admin")


def test_a_unit_scoped_viewer_reads_only_its_unit(our_unit, other_unit):
    from tests.roles import user_with_role
    from units.choices import Role

    viewer = user_with_role(Role.VIEWER, unit=our_unit)
    assert viewer.has_perm("evaluations.view_unit_statistics", our_unit)
    assert not viewer.has_perm("evaluations.view_unit_statistics", other_unit)
    assert not viewer.has_perm("evaluations.view_sector_statistics")
