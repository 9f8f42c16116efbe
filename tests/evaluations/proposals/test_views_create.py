"""The new-proposal page: the nominee's unit and person are search fields (units.pickers).

Neither field ever lists every unit or person the user may propose for (at national scale
thousands of options): each holds the chosen option and what the name typed finds, so the
page costs the same number of queries whatever the size of the cluster. Forms are posted
as the browser sends them (tests/helpers/browser_form.py), with the fields a user fills.
"""

import re

import pytest
from django.urls import reverse

from evaluations.proposals.models import AwardProposal
from tests.factories.units import ClusterMembershipFactory, PersonFactory, UnitFactory
from tests.helpers.browser_form import form_data

pytestmark = pytest.mark.django_db
URL = reverse("evaluations:proposal_create")
NOT_STAFF = "Cán bộ này không thuộc đơn vị."
AMBIGUOUS = "Có nhiều kết quả khớp với “{}”: hãy chọn một trong danh sách."
NONE_FOUND = "Không có kết quả nào khớp với “{}”. Hãy gõ tên khác."


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


def options(html, name):
    """The (value, label) pairs of a select."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


def selected(html, name):
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    found = re.search(r'<option value="([^"]*)"[^>]*selected', select)
    return found.group(1) if found else None


def filled(html, titles, *, code="GK", recipient="collective", **typed):
    """The page's form as the browser sends it, with what a user types and chooses."""
    data = form_data(html)
    data.update(
        {
            "title": str(titles[(code, recipient)].pk),
            "summary": "Hoàn thành xuất sắc nhiệm vụ được giao.",
            "task_rating": "excellent",
            "no_pending_discipline": "on",
            **typed,
        }
    )
    return data


def page(client):
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


# --- What the page lists ---------------------------------------------------------------------


def test_page_lists_no_person_and_no_unit_before_a_search(
    client, secretariat, our_people, their_person
):
    client.force_login(secretariat)
    html = page(client)
    assert options(html, "person") == [("", "— chọn —")]
    assert options(html, "unit") == [("", "— chọn —")]
    for person in [*our_people, their_person]:
        assert person.full_name not in html
    assert 'name="unit__q"' in html and 'name="person__q"' in html
    assert reverse("units:pick_people", kwargs={"purpose": "proposal"}) in html


def test_officer_gets_the_own_unit_preselected(client, officer, our_unit, our_people):
    client.force_login(officer)
    html = page(client)
    assert options(html, "unit") == [("", "— chọn —"), (str(our_unit.pk), our_unit.name)]
    assert selected(html, "unit") == str(our_unit.pk)
    assert options(html, "person") == [("", "— chọn —")]


# --- Saving ----------------------------------------------------------------------------------


def test_person_typed_without_accents_is_found_and_brings_the_unit(
    client, secretariat, cluster_year, our_unit, our_people, titles
):
    """Without the script: the name typed is posted; the one match is taken, with its unit."""
    client.force_login(secretariat)
    data = filled(page(client), titles, code="LDTT", recipient="person", person__q="tran van binh")
    response = client.post(URL, data)
    assert response.status_code == 302
    proposal = AwardProposal.objects.get()
    assert (proposal.unit, proposal.person, proposal.nominee_name) == (
        our_unit,
        our_people[1],
        "Trần Văn Bình",
    )


def test_several_matches_come_back_to_choose_and_then_save(
    client, secretariat, cluster_year, our_unit, our_people, their_person, titles
):
    client.force_login(secretariat)
    data = filled(page(client), titles, code="LDTT", recipient="person", person__q="thi")
    data["summary"] = "Thành tích đang soạn dở"
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert AMBIGUOUS.format("thi") in html
    assert "Thành tích đang soạn dở" in html  # everything typed is kept
    labels = [label for _value, label in options(html, "person")]
    assert labels == [
        "— chọn —",
        f"Nguyễn Thị Hoa – {our_unit.name}",
        f"Phạm Thị Láng Giềng – {their_person.unit.name}",
    ]
    assert not AwardProposal.objects.exists()

    again = form_data(html)
    again["person"] = str(our_people[0].pk)  # the user picks one of the list
    response = client.post(URL, again)
    assert response.status_code == 302
    proposal = AwardProposal.objects.get()
    assert (proposal.person, proposal.unit, proposal.summary) == (
        our_people[0],
        our_unit,
        "Thành tích đang soạn dở",
    )


def test_failed_post_keeps_the_chosen_unit_and_person(
    client, secretariat, cluster_year, our_unit, our_people, titles
):
    client.force_login(secretariat)
    data = filled(page(client), titles, code="LDTT", recipient="person", person__q="hoa")
    data["year"] = ""  # required: the form refuses
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert selected(html, "person") == str(our_people[0].pk)
    again = form_data(html)
    again["year"] = str(cluster_year.year)
    assert client.post(URL, again).status_code == 302
    assert AwardProposal.objects.get().person == our_people[0]


def test_person_of_another_unit_than_the_chosen_one_is_refused(
    client, secretariat, cluster_year, our_unit, our_people, their_person, titles
):
    client.force_login(secretariat)
    data = filled(
        page(client),
        titles,
        code="LDTT",
        recipient="person",
        unit__q=our_unit.name,
        person__q=their_person.full_name,
    )
    response = client.post(URL, data)
    assert response.status_code == 200
    assert NOT_STAFF in response.content.decode()
    assert not AwardProposal.objects.exists()


def test_former_staff_is_not_found(client, officer, cluster_year, our_unit, former, titles):
    client.force_login(officer)
    data = filled(page(client), titles, code="LDTT", recipient="person", person__q="le van cu")
    response = client.post(URL, data)
    assert response.status_code == 200
    assert NONE_FOUND.format("le van cu") in response.content.decode()
    assert not AwardProposal.objects.exists()


def test_unit_or_person_the_user_may_not_propose_for_is_refused(
    client, officer, cluster_year, other_unit, their_person, titles
):
    """Typed, or forced into the select by hand: neither is accepted, nothing leaks."""
    client.force_login(officer)
    html = page(client)
    typed = filled(html, titles, code="LDTT", recipient="person", person__q="pham thi lang")
    response = client.post(URL, typed)
    assert NONE_FOUND.format("pham thi lang") in response.content.decode()
    forced = filled(html, titles, unit=str(other_unit.pk), person=str(their_person.pk))
    response = client.post(URL, forced)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in text
    assert their_person.full_name not in text
    assert not AwardProposal.objects.exists()


@pytest.mark.parametrize("role", ["viewer", "outsider", "no_role"])
def test_users_who_propose_for_nobody_get_404(client, user_of, no_role_user, role, our_unit):
    client.force_login(no_role_user if role == "no_role" else user_of(role))
    assert client.get(URL).status_code == 404


# --- Cost ------------------------------------------------------------------------------------


def _grow(cluster_year, units, people):
    for _ in range(units):
        unit = UnitFactory()
        ClusterMembershipFactory(cluster_year=cluster_year, unit=unit)
        PersonFactory.create_batch(people, unit=unit, full_name="Nguyễn Văn Giống")


def test_query_count_does_not_grow_with_the_cluster(
    client, secretariat, cluster_year, our_unit, titles, django_assert_num_queries
):
    """The page, and a post that comes back with the people found, cost the same for 2
    units of 2 people as for 22 units of 30; at most 20 people are listed."""
    PersonFactory.create_batch(2, unit=our_unit, full_name="Nguyễn Văn Giống")
    client.force_login(secretariat)
    html = page(client)  # warm the session and the caches
    data = filled(html, titles, code="LDTT", recipient="person", person__q="nguyen van giong")

    def cost():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as got:
            client.get(URL)
        with CaptureQueriesContext(connection) as posted:
            response = client.post(URL, data)
        return len(got), len(posted), response.content.decode()

    small_get, small_post, small_html = cost()
    assert len(options(small_html, "person")) == 3
    _grow(cluster_year, units=20, people=30)
    big_get, big_post, big_html = cost()
    assert (big_get, big_post) == (small_get, small_post)
    assert small_get <= 12
    assert len(options(big_html, "person")) == 1 + 20 + 1  # "—", twenty, "type more letters"
