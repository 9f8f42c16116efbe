from datetime import date

import pytest

from core.exceptions import ActionRefused
from tests.factories.units import EmploymentFactory, PersonFactory, UnitFactory, UserFactory
from units import services
from units.choices import Role
from units.models import AuditEntry, Employment, Person, RoleAssignment

pytestmark = pytest.mark.django_db


def test_person_create_opens_employment_and_audits(officer, our_unit):
    person = services.person_create(
        unit=our_unit, actor=officer, data={"full_name": "Ngô Thị Hằng", "gender": "female"}
    )
    assert person.unit == our_unit
    job = Employment.objects.get(person=person)
    assert job.unit == our_unit and job.end_date is None
    assert AuditEntry.objects.filter(action="person.create", object_id=str(person.pk)).exists()


def test_person_create_refused_for_another_unit(officer, other_unit):
    with pytest.raises(ActionRefused):
        services.person_create(
            unit=other_unit, actor=officer, data={"full_name": "X", "gender": "male"}
        )
    assert not Person.objects.filter(unit=other_unit).exists()
    assert not AuditEntry.objects.exists()


def test_person_update_records_before_and_after(officer, our_unit):
    person = PersonFactory(unit=our_unit, position="Chuyên viên")
    EmploymentFactory(person=person, position="Chuyên viên")
    services.person_update(person=person, actor=officer, data={"position": "Thanh tra viên"})
    entry = AuditEntry.objects.get(action="person.update")
    assert entry.changes == {"position": ["Chuyên viên", "Thanh tra viên"]}
    assert Employment.objects.get(person=person).position == "Thanh tra viên"


def test_person_update_without_change_writes_nothing(officer, our_unit):
    person = PersonFactory(unit=our_unit)
    services.person_update(person=person, actor=officer, data={"full_name": person.full_name})
    assert not AuditEntry.objects.exists()


def test_person_transfer_keeps_history(admin_user, our_unit, other_unit):
    person = PersonFactory(unit=our_unit)
    EmploymentFactory(person=person, start_date=date(2020, 1, 1))
    services.person_transfer(
        person=person, to_unit=other_unit, on=date(2025, 3, 1), actor=admin_user
    )
    person.refresh_from_db()
    assert person.unit == other_unit
    jobs = list(Employment.objects.filter(person=person).order_by("start_date"))
    assert [(j.unit, j.start_date, j.end_date) for j in jobs] == [
        (our_unit, date(2020, 1, 1), date(2025, 3, 1)),
        (other_unit, date(2025, 3, 1), None),
    ]


def test_person_transfer_needs_admin(officer, our_unit, other_unit):
    person = PersonFactory(unit=our_unit)
    with pytest.raises(ActionRefused):
        services.person_transfer(
            person=person, to_unit=other_unit, on=date(2025, 1, 1), actor=officer
        )
    person.refresh_from_db()
    assert person.unit == our_unit


def test_unit_merge_archives_and_moves_active_staff(admin_user):
    old, successor = UnitFactory(), UnitFactory()
    active = PersonFactory(unit=old)
    EmploymentFactory(person=active, start_date=date(2019, 1, 1))
    retired = PersonFactory(unit=old, is_active=False)
    services.unit_merge(unit=old, into=successor, on=date(2025, 7, 1), actor=admin_user)
    old.refresh_from_db()
    active.refresh_from_db()
    retired.refresh_from_db()
    assert old.is_archived and old.merged_into == successor and old.merged_on == date(2025, 7, 1)
    assert active.unit == successor
    assert retired.unit == old  # history of people who left stays with the old unit
    assert Employment.objects.filter(person=active, unit=old, end_date=date(2025, 7, 1)).exists()
    assert list(successor.predecessors.all()) == [old]


def test_unit_merge_twice_refused(admin_user):
    old = UnitFactory()
    services.unit_merge(unit=old, into=UnitFactory(), on=date(2025, 7, 1), actor=admin_user)
    with pytest.raises(ActionRefused):
        services.unit_merge(unit=old, into=UnitFactory(), on=date(2025, 8, 1), actor=admin_user)


def test_unit_merge_into_archived_unit_refused(admin_user):
    archived = UnitFactory(is_active=False)
    with pytest.raises(ActionRefused):
        services.unit_merge(
            unit=UnitFactory(), into=archived, on=date(2025, 7, 1), actor=admin_user
        )


def test_role_grant_duplicate_refused_with_message(admin_user, our_unit):
    user = UserFactory(unit=our_unit)
    services.role_grant(user=user, role=Role.UNIT_OFFICER, unit=our_unit, actor=admin_user)
    with pytest.raises(ActionRefused):
        services.role_grant(user=user, role=Role.UNIT_OFFICER, unit=our_unit, actor=admin_user)
    assert RoleAssignment.objects.filter(user=user).count() == 1


def test_role_grant_admin_gives_admin_site_access_and_revoke_removes_it(admin_user):
    user = UserFactory()
    assignment = services.role_grant(user=user, role=Role.SECTOR_ADMIN, actor=admin_user)
    user.refresh_from_db()
    assert user.has_perm("units.access_admin")
    services.role_revoke(assignment=assignment, actor=admin_user)
    user.refresh_from_db()
    assert not user.has_perm("units.access_admin")
    assert AuditEntry.objects.filter(action__in=["role.grant", "role.revoke"]).count() == 2


def test_role_grant_refused_for_non_admin(officer, our_unit):
    with pytest.raises(ActionRefused):
        services.role_grant(user=officer, role=Role.UNIT_LEADER, unit=our_unit, actor=officer)
