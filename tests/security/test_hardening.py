"""Security fixes found by the permission matrix and the hardening review."""

import pytest
from django.urls import reverse

from units.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_unknown_pledge_action_is_not_found_not_a_crash(client, open_pledge, secretariat):
    client.force_login(secretariat)
    url = reverse("pledges:pledge_action", kwargs={"pk": open_pledge.pk, "action": "explode"})
    before = AuditEntry.objects.count()
    assert client.post(url).status_code == 404
    assert AuditEntry.objects.count() == before


@pytest.mark.parametrize("method", ["get", "post"])
def test_registration_round_form_refuses_units_before_reading_the_form(client, officer, method):
    client.force_login(officer)
    response = getattr(client, method)(reverse("pledges:round_add"))
    assert response.status_code == 403
