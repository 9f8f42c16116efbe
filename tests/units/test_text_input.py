"""Vietnamese typed decomposed (NFD, as some keyboards and systems send it) is stored
composed (NFC), whichever form it comes through: the site's forms and the admin's."""

import unicodedata

import pytest
from django.urls import reverse

from core.text import clean_text
from tests.factories.units import UnitFactory
from tests.helpers.browser_form import form_fields
from units.models import Person

pytestmark = pytest.mark.django_db


def nfd(text):
    return unicodedata.normalize("NFD", text)


def is_nfc(text):
    return unicodedata.is_normalized("NFC", text)


def test_a_name_typed_decomposed_is_stored_composed(client, officer, our_unit):
    client.force_login(officer)
    url = reverse("units:person_add", args=[our_unit.pk])
    data = form_fields(client.get(url).content.decode())
    assert "full_name" in data and "position" in data
    data |= {
        "full_name": nfd("Nguyễn Văn Đức"),
        "position": nfd("Thanh tra viên"),
        "gender": "male",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    person = Person.objects.get(unit=our_unit)
    assert person.full_name == "Nguyễn Văn Đức"
    assert is_nfc(person.full_name) and is_nfc(person.position)
    # Found by the name as typed precomposed, as everyone else types it.
    assert Person.objects.filter(full_name="Nguyễn Văn Đức").get() == person


def test_an_admin_form_stores_a_decomposed_name_composed(client, admin_user):
    unit = UnitFactory(name="Thanh tra tỉnh Nam Định")
    client.force_login(admin_user)
    url = reverse("admin:units_unit_change", args=[unit.pk])
    data = form_fields(client.get(url).content.decode())
    data["name"] = nfd("Thanh tra tỉnh Hà Nam")
    response = client.post(url, data)
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.name == "Thanh tra tỉnh Hà Nam"


def test_clean_text_is_the_one_boundary_hook():
    assert clean_text(nfd("Hà Nam")) == "Hà Nam"
    assert clean_text("") == ""
