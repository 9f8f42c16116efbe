"""The new-proposal page: the nominee's unit first, then a person of that unit only.

The person select never lists every person of every unit the user may propose for (at
national scale thousands of options): it holds the current staff of the chosen unit, so
the page costs the same number of queries whatever the size of the cluster.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.proposals.models import AwardProposal
from tests.factories.units import ClusterMembershipFactory, PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db
URL = reverse("evaluations:proposal_create")
CHOOSE_FIRST = "Hãy chọn đơn vị trước: danh sách này sẽ hiện cán bộ của đơn vị đó."
NOT_STAFF = "Cán bộ này không thuộc đơn vị."


@pytest.fixture
def our_people(our_unit):
    return [
        PersonFactory(unit=our_unit, full_name="Nguyễn Thị Hoa"),
        PersonFactory(unit=our_unit, full_name="Trần Văn Bình"),
    ]


@pytest.fixture
def former(our_unit):
    return PersonFactory(unit=our_unit, full_name="Lê Văn Cũ", is_active=False)


@pytest.fixture
def their_person(other_unit):
    return PersonFactory(unit=other_unit, full_name="Phạm Thị Láng Giềng")


@pytest.fixture
def outside_person(outside_unit):
    return PersonFactory(unit=outside_unit, full_name="Đỗ Văn Người Ngoài")


def person_options(html):
    """The (value, label) pairs of the person select."""
    select = re.search(r'<select name="person".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


def selected_unit(html):
    select = re.search(r'<select name="unit".*?</select>', html, re.S).group(0)
    found = re.search(r'<option value="([^"]*)"[^>]*selected', select)
    return found.group(1) if found else None


def form_data(cluster_year, unit, titles, *, person=None, code="GK", **extra):
    recipient = "person" if person else "collective"
    return {
        "cluster_year": cluster_year.pk,
        "unit": unit.pk,
        "person": person.pk if person else "",
        "title": titles[(code, recipient)].pk,
        "year": cluster_year.year,
        "summary": "Hoàn thành xuất sắc nhiệm vụ được giao.",
        "task_rating": "excellent",
        "initiative_scope": "",
        "no_pending_discipline": "on",
        **extra,
    }


# --- What the page lists ---------------------------------------------------------------------


def test_secretariat_sees_no_person_before_choosing_a_unit(
    client, secretariat, our_people, their_person
):
    client.force_login(secretariat)
    html = client.get(URL).content.decode()
    assert person_options(html) == [("", "—")]
    assert CHOOSE_FIRST in html
    assert selected_unit(html) in (None, "")
    for person in [*our_people, their_person]:
        assert person.full_name not in html


def test_choosing_a_unit_lists_its_current_staff_only(
    client, secretariat, our_unit, our_people, former, their_person
):
    client.force_login(secretariat)
    html = client.get(URL, {"unit": our_unit.pk}).content.decode()
    assert person_options(html) == [
        ("", "—"),
        (str(our_people[0].pk), "Nguyễn Thị Hoa"),
        (str(our_people[1].pk), "Trần Văn Bình"),
    ]
    assert selected_unit(html) == str(our_unit.pk)
    assert former.full_name not in html  # no longer on the staff
    assert their_person.full_name not in html
    assert CHOOSE_FIRST not in html


def test_officer_gets_the_own_unit_preselected_with_its_staff(
    client, officer, our_unit, our_people, their_person
):
    client.force_login(officer)
    html = client.get(URL).content.decode()
    assert selected_unit(html) == str(our_unit.pk)
    assert [label for _value, label in person_options(html)] == [
        "—",
        "Nguyễn Thị Hoa",
        "Trần Văn Bình",
    ]
    assert their_person.full_name not in html


def test_stranger_unit_in_the_query_lists_nobody_of_that_unit(
    client, officer, secretariat, other_unit, outside_unit, our_people, their_person, outside_person
):
    # An officer asks for the neighbour's staff: ignored, the own unit stays.
    client.force_login(officer)
    response = client.get(URL, {"unit": other_unit.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert their_person.full_name not in html
    assert [label for _value, label in person_options(html)] == [
        "—",
        "Nguyễn Thị Hoa",
        "Trần Văn Bình",
    ]
    # The secretariat asks for a unit outside its clusters: nobody is listed.
    client.force_login(secretariat)
    html = client.get(URL, {"unit": outside_unit.pk}).content.decode()
    assert person_options(html) == [("", "—")]
    assert outside_person.full_name not in html
    assert CHOOSE_FIRST in html


@pytest.mark.parametrize("value", ["abc", "²", "-1", "99999999999", ""])
def test_unreadable_unit_in_the_query_is_ignored(client, secretariat, our_people, value):
    client.force_login(secretariat)
    response = client.get(URL, {"unit": value})
    assert response.status_code == 200
    assert person_options(response.content.decode()) == [("", "—")]


def test_cluster_year_in_the_query_is_kept(client, secretariat, cluster_year, our_unit):
    client.force_login(secretariat)
    html = client.get(URL, {"cluster_year": cluster_year.pk, "unit": our_unit.pk}).content.decode()
    assert re.search(rf'<option value="{cluster_year.pk}" selected>', html)


def test_page_offers_the_no_script_button_and_the_script_hook(client, secretariat, our_unit):
    client.force_login(secretariat)
    html = client.get(URL, {"unit": our_unit.pk}).content.decode()
    assert re.search(r'<button[^>]*formmethod="get"[^>]*>Hiện danh sách cán bộ của đơn vị<', html)
    unit_select = re.search(r'<select name="unit"[^>]*>', html).group(0)
    assert "data-reload-on-change" in unit_select
    assert f'data-loaded="{our_unit.pk}"' in unit_select
    assert "js/thidua" in html and "<script>" not in html  # no inline script (CSP)


def test_no_script_button_lands_on_a_clean_address(client, secretariat, cluster_year, our_unit):
    """The button sends the whole form by GET: the CSRF token and the text typed must not
    stay in the address; only the unit and the cluster year are kept."""
    client.force_login(secretariat)
    response = client.get(
        URL,
        {
            "csrfmiddlewaretoken": "token",
            "cluster_year": cluster_year.pk,
            "unit": our_unit.pk,
            "person": "",
            "summary": "Nội dung đang soạn",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?cluster_year={cluster_year.pk}&unit={our_unit.pk}"
    response = client.get(URL, {"csrfmiddlewaretoken": "token", "unit": ""})
    assert response["Location"] == URL


# --- Saving ----------------------------------------------------------------------------------


def test_secretariat_proposes_a_person_of_the_chosen_unit(
    client, secretariat, cluster_year, our_unit, our_people, titles
):
    client.force_login(secretariat)
    data = form_data(cluster_year, our_unit, titles, person=our_people[1], code="LDTT")
    response = client.post(URL, data)
    assert response.status_code == 302
    proposal = AwardProposal.objects.get()
    assert (proposal.unit, proposal.person, proposal.nominee_name) == (
        our_unit,
        our_people[1],
        "Trần Văn Bình",
    )


def test_failed_post_keeps_the_input_and_lists_the_posted_units_staff(
    client, secretariat, cluster_year, our_unit, our_people, their_person, titles
):
    client.force_login(secretariat)
    data = form_data(cluster_year, our_unit, titles, person=our_people[0], code="LDTT")
    data["summary"] = "Thành tích đang soạn dở"
    data["year"] = ""  # required: the form refuses
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thành tích đang soạn dở" in html
    assert selected_unit(html) == str(our_unit.pk)
    assert re.search(rf'<option value="{our_people[0].pk}" selected>Nguyễn Thị Hoa<', html)
    assert [label for _value, label in person_options(html)] == [
        "—",
        "Nguyễn Thị Hoa",
        "Trần Văn Bình",
    ]
    assert their_person.full_name not in html
    assert not AwardProposal.objects.exists()


def test_person_of_another_unit_is_refused(
    client, secretariat, cluster_year, our_unit, our_people, their_person, titles
):
    client.force_login(secretariat)
    data = form_data(cluster_year, our_unit, titles, person=their_person, code="LDTT")
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert NOT_STAFF in html
    assert their_person.full_name not in html
    assert not AwardProposal.objects.exists()


def test_former_staff_is_refused(client, officer, cluster_year, our_unit, former, titles):
    client.force_login(officer)
    response = client.post(URL, form_data(cluster_year, our_unit, titles, person=former))
    assert response.status_code == 200
    assert NOT_STAFF in response.content.decode()
    assert not AwardProposal.objects.exists()


def test_unit_the_user_may_not_propose_for_is_refused(
    client, officer, cluster_year, other_unit, their_person, titles
):
    client.force_login(officer)
    data = form_data(cluster_year, other_unit, titles, person=their_person, code="LDTT")
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in html
    assert their_person.full_name not in html
    assert not AwardProposal.objects.exists()


@pytest.mark.parametrize("role", ["viewer", "outsider", "no_role"])
def test_users_who_propose_for_nobody_get_404(client, user_of, no_role_user, role, our_unit):
    client.force_login(no_role_user if role == "no_role" else user_of(role))
    assert client.get(URL, {"unit": our_unit.pk}).status_code == 404


# --- Cost ------------------------------------------------------------------------------------


def _grow(cluster_year, units, people):
    for _ in range(units):
        unit = UnitFactory()
        ClusterMembershipFactory(cluster_year=cluster_year, unit=unit)
        PersonFactory.create_batch(people, unit=unit)


def _queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_query_count_does_not_grow_with_the_cluster(
    client, secretariat, cluster_year, our_unit, django_assert_max_num_queries
):
    """The secretariat's page: the same queries for 2 units of 2 people as for 22 units
    of 30 people, and the person select holds one unit's staff."""
    PersonFactory.create_batch(2, unit=our_unit)
    client.force_login(secretariat)
    client.get(URL)  # warm the session and the caches
    small = {}
    for params in ({}, {"unit": our_unit.pk}):
        with django_assert_max_num_queries(12):
            small[bool(params)] = _queries(client, params)[0]

    _grow(cluster_year, units=20, people=30)
    PersonFactory.create_batch(28, unit=our_unit)
    for params in ({}, {"unit": our_unit.pk}):
        with django_assert_max_num_queries(12):
            count, html = _queries(client, params)
        assert count == small[bool(params)]
        assert len(person_options(html)) == (31 if params else 1)
