"""The people form 0605 counts are kept in the admin by sector administrators; the database
refuses an officer whose work starts before their birth."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from evaluations.statistics.models import EmulationOfficer
from tests.factories.units import PersonFactory

pytestmark = pytest.mark.django_db


def test_sector_admin_keeps_the_officers(client, admin_user, our_unit):
    person = PersonFactory(unit=our_unit, full_name="Trần Thị Thu")
    officer = EmulationOfficer.objects.create(
        person=person, birth_year=1985, training="university", since_year=2010
    )
    client.force_login(admin_user)
    changelist = client.get(reverse("admin:evaluations_emulationofficer_changelist"))
    assert changelist.status_code == 200
    assert "Trần Thị Thu" in changelist.content.decode()
    change = reverse("admin:evaluations_emulationofficer_change", args=[officer.pk])
    assert client.get(change).status_code == 200


@pytest.mark.parametrize("role", ["officer", "secretariat", "viewer"])
def test_other_roles_do_not_reach_the_officers(client, user_of, role):
    client.force_login(user_of(role))
    url = reverse("admin:evaluations_emulationofficer_changelist")
    assert client.get(url, follow=True).status_code == 403


def test_the_work_cannot_start_before_birth(our_unit):
    with pytest.raises(IntegrityError):
        EmulationOfficer.objects.create(
            person=PersonFactory(unit=our_unit),
            birth_year=1990,
            training="college",
            since_year=1980,
        )
