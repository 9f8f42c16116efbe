"""The Django admin for sector administrators: every page opens; saves go through services."""

from datetime import date

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories.units import (
    AuditEntryFactory,
    ClusterMembershipFactory,
    EmploymentFactory,
    PersonFactory,
    RoleAssignmentFactory,
    UnitFactory,
)
from units.models import AuditEntry, Employment, Unit

pytestmark = pytest.mark.django_db


def _models():
    return [m for m in admin.site._registry if m._meta.app_label == "units"]


@pytest.mark.parametrize("model", _models(), ids=lambda m: m._meta.model_name)
def test_admin_pages_open_for_sector_admin(client, admin_user, model):
    membership = ClusterMembershipFactory()
    person = PersonFactory(unit=membership.unit)
    EmploymentFactory(person=person)
    RoleAssignmentFactory(user=admin_user, role="viewer", unit=None)
    client.force_login(admin_user)
    AuditEntryFactory(actor=admin_user, object_id=str(person.pk), unit=person.unit)
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    assert client.get(reverse(f"{prefix}_changelist")).status_code == 200
    assert client.get(reverse(f"{prefix}_changelist"), {"q": "Thanh"}).status_code == 200
    obj = model.objects.first()
    response = client.get(reverse(f"{prefix}_change", args=[obj.pk]))
    assert response.status_code == 200


def test_admin_refuses_other_roles(client, officer):
    client.force_login(officer)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.status_code == 403


def test_admin_sends_anonymous_to_the_one_sign_in_page(client):
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert response.status_code == 200


def test_merging_in_admin_archives_and_moves_staff(client, admin_user):
    old, successor = UnitFactory(), UnitFactory()
    person = PersonFactory(unit=old)
    EmploymentFactory(person=person, start_date=date(2020, 1, 1))
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:units_unit_change", args=[old.pk]),
        {
            "code": old.code,
            "name": old.name,
            "short_name": old.short_name,
            "kind": old.kind,
            "province": old.province,
            "note": "",
            "is_active": "on",
            "merged_into": successor.pk,
            "merged_on": "01/07/2025",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    old = Unit.objects.get(pk=old.pk)
    person.refresh_from_db()
    assert old.merged_into == successor and not old.is_active
    assert person.unit == successor
    assert Employment.objects.filter(person=person, unit=old, end_date=date(2025, 7, 1)).exists()
    assert AuditEntry.objects.filter(action="unit.merge").exists()
