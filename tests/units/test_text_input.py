"""Vietnamese typed decomposed (NFD, as some keyboards and systems send it) is stored
composed (NFC), whichever form it comes through: the site's forms and the admin's."""

import unicodedata
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from core.text import clean_text
from tests.factories.units import UnitFactory
from units.models import Person

pytestmark = pytest.mark.django_db


def nfd(text):
    return unicodedata.normalize("NFD", text)


def is_nfc(text):
    return unicodedata.is_normalized("NFC", text)


class _FormFields(HTMLParser):
    """The fields a browser would send from the page's form: inputs (checked boxes only),
    selects (their selected option, else the first), textareas."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._first = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "file"}:
            if attrs.get("type") != "checkbox":
                self.data[name] = attrs.get("value", "")
            elif "checked" in attrs:
                self.data[name] = attrs.get("value") or "on"  # what a browser sends
        elif tag == "select" and name:
            self._select, self._first = name, True
        elif tag == "option" and self._select:
            if self._first or "selected" in attrs:
                self.data[self._select] = attrs.get("value", "")
            self._first = False
        elif tag == "textarea" and name:
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def form_fields(html):
    parser = _FormFields()
    parser.feed(html)
    return parser.data


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
