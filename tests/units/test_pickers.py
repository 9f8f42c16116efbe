"""The search fields' endpoints (`units:pick_units`, `units:pick_people`): the options
matching what is typed, only among what the purpose lets this user choose."""

import re

import pytest
from django.urls import reverse

from tests.factories.units import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


def options(client, kind, purpose, **params):
    response = client.get(reverse(f"units:pick_{kind}", kwargs={"purpose": purpose}), params)
    assert response.status_code == 200
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', response.content.decode())


@pytest.fixture
def people(our_unit, other_unit, outside_unit):
    return {
        "ours": PersonFactory(unit=our_unit, full_name="Nguyễn Văn An"),
        "theirs": PersonFactory(unit=other_unit, full_name="Nguyễn Văn Anh"),
        "outside": PersonFactory(unit=outside_unit, full_name="Nguyễn Văn Ân"),
        "former": PersonFactory(unit=our_unit, full_name="Nguyễn Văn Ấn", is_active=False),
    }


def test_units_are_found_without_accents(client, outsider_officer):
    unit = UnitFactory(name="Thanh tra tỉnh Nam Định")
    UnitFactory(name="Thanh tra tỉnh Cũ Nam Định", is_active=False)
    client.force_login(outsider_officer)
    found = options(client, "units", "active", field="unit", unit__q="nam dinh")
    assert found == [("", "— chọn —"), (str(unit.pk), unit.name)]
    assert options(client, "units", "active", q="nam dinh")[1] == (str(unit.pk), unit.name)


def test_officer_is_offered_only_the_own_units_current_staff(client, officer, our_unit, people):
    client.force_login(officer)
    found = options(client, "people", "proposal", field="person", person__q="nguyen van")
    assert found == [("", "— chọn —"), (str(people["ours"].pk), f"Nguyễn Văn An – {our_unit.name}")]


def test_secretariat_is_offered_the_cluster_years_staff_narrowed_by_unit(
    client, secretariat, our_unit, other_unit, people
):
    client.force_login(secretariat)
    found = options(client, "people", "proposal", field="person", person__q="nguyen van")
    assert [value for value, _label in found] == [
        "",
        str(people["ours"].pk),
        str(people["theirs"].pk),
    ]
    narrowed = options(
        client, "people", "proposal", field="person", person__q="nguyen van", unit=other_unit.pk
    )
    assert [value for value, _label in narrowed] == ["", str(people["theirs"].pk)]


@pytest.mark.parametrize("role", ["viewer", "outsider"])
def test_who_proposes_for_nobody_is_offered_nobody(client, user_of, role, people):
    client.force_login(user_of(role))
    assert options(client, "people", "proposal", field="person", person__q="nguyen") == [
        ("", "— chọn —")
    ]


def test_many_matches_stop_at_twenty_and_say_so(client, officer, our_unit):
    PersonFactory.create_batch(25, unit=our_unit, full_name="Trần Thị Giống")
    client.force_login(officer)
    found = options(client, "people", "proposal", q="tran thi")
    assert len(found) == 1 + 20 + 1
    assert found[-1] == ("", "… gõ thêm chữ để thấy các kết quả còn lại")


def test_unknown_purpose_is_404_and_anonymous_signs_in(client, officer):
    url = reverse("units:pick_people", kwargs={"purpose": "everyone"})
    assert client.get(url, {"q": "an"}).status_code == 302
    client.force_login(officer)
    assert client.get(url, {"q": "an"}).status_code == 404


def test_query_count_does_not_grow_with_the_matches(client, secretariat, our_unit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    PersonFactory(unit=our_unit, full_name="Lê Văn Một")
    client.force_login(secretariat)
    options(client, "people", "proposal", q="le van")
    with CaptureQueriesContext(connection) as one:
        options(client, "people", "proposal", q="le van")
    PersonFactory.create_batch(30, unit=our_unit, full_name="Lê Văn Nhiều")
    with CaptureQueriesContext(connection) as many:
        options(client, "people", "proposal", q="le van")
    assert len(one) == len(many) <= 5
