"""Adding a candidate to a draft ballot: a member unit, or a person of a member unit's
staff, each chosen with a search field (units.pickers, purpose "ballot").

Neither field ever lists every unit or person of the cluster year (at national scale
thousands of options): each holds the chosen option and what the name typed finds, so the
page costs the same number of queries whatever the size of the cluster. The form is posted
as the browser sends it (tests/helpers/browser_form.py), with what a user types.
"""

import re

import pytest
from django.urls import reverse

from evaluations.ballots import services as ballots
from evaluations.ballots.services import QuestionData
from tests.factories.units import ClusterMembershipFactory, PersonFactory, UnitFactory
from tests.helpers.browser_form import form_with

pytestmark = pytest.mark.django_db
NOT_STAFF = "Cán bộ này không thuộc đơn vị."
INVALID = "Hãy chọn một lựa chọn hợp lệ"
NONE_FOUND = "Không có kết quả nào khớp với “{}”. Hãy gõ tên khác."
AMBIGUOUS = "Có nhiều kết quả khớp với “{}”: hãy chọn một trong danh sách."


@pytest.fixture
def people(our_unit, other_unit, outside_unit):
    return {
        "ours": PersonFactory(unit=our_unit, full_name="Nguyễn Thị Hoa"),
        "former": PersonFactory(unit=our_unit, full_name="Lê Văn Cũ", is_active=False),
        "theirs": PersonFactory(unit=other_unit, full_name="Phạm Văn Láng Giềng"),
        "outside": PersonFactory(unit=outside_unit, full_name="Đỗ Văn Người Ngoài"),
    }


@pytest.fixture
def third_member(cluster_year):
    """A member unit that is not a candidate yet (the draft ballot has the other two)."""
    unit = UnitFactory(name="Thanh tra tỉnh Thái Bình")
    ClusterMembershipFactory(cluster_year=cluster_year, unit=unit)
    return unit


def url(ballot):
    return reverse("evaluations:ballot_detail", args=[ballot.pk])


def pick(kind, **params):
    return reverse(f"units:pick_{kind}", kwargs={"purpose": "ballot"}), params


def options(html, name):
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


def page(client, ballot):
    response = client.get(url(ballot))
    assert response.status_code == 200
    return response.content.decode()


def typed(html, **fields):
    """The candidate form as the browser sends it, with what the user typed or chose."""
    data = form_with(html, "person__q").data()
    data.update(fields)
    return data


# --- What the page lists ---------------------------------------------------------------------


def test_page_lists_no_person_and_no_unit_before_a_search(
    client, secretariat, draft_ballot, people
):
    client.force_login(secretariat)
    html = page(client, draft_ballot)
    assert options(html, "person") == [("", "— chọn —")]
    assert options(html, "unit") == [("", "— chọn —")]
    for person in people.values():
        assert person.full_name not in html
    assert 'name="unit__q"' in html and 'name="person__q"' in html
    source = reverse("units:pick_people", kwargs={"purpose": "ballot"})
    assert f"{source}?ballot={draft_ballot.pk}&amp;field=person" in html
    assert "data-reload-on-change" not in html and 'formmethod="get"' not in html


# --- Saving ----------------------------------------------------------------------------------


def test_person_typed_without_accents_is_added_with_the_unit(
    client, secretariat, draft_ballot, our_unit, people
):
    question = draft_ballot.questions.get()
    client.force_login(secretariat)
    response = client.post(
        url(draft_ballot), typed(page(client, draft_ballot), person__q="nguyen thi hoa")
    )
    assert response.status_code == 302
    candidate = question.candidates.get(person=people["ours"])
    assert candidate.name == f"Nguyễn Thị Hoa ({our_unit.display_name})"
    assert candidate.unit is None


def test_unit_alone_is_the_candidate(client, secretariat, draft_ballot, third_member):
    question = draft_ballot.questions.get()
    client.force_login(secretariat)
    response = client.post(
        url(draft_ballot), typed(page(client, draft_ballot), unit__q="thai binh")
    )
    assert response.status_code == 302
    assert question.candidates.get(unit=third_member).name == third_member.name


def test_several_matches_come_back_to_choose_and_then_save(
    client, secretariat, draft_ballot, our_unit, people
):
    second = PersonFactory(unit=our_unit, full_name="Nguyễn Thị Hà")
    question = draft_ballot.questions.get()
    client.force_login(secretariat)
    data = typed(page(client, draft_ballot), person__q="nguyen thi", note="ghi chú đã gõ")
    response = client.post(url(draft_ballot), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert AMBIGUOUS.format("nguyen thi") in html
    assert "ghi chú đã gõ" in html  # what was typed is kept
    assert sorted(value for value, _label in options(html, "person")) == sorted(
        ["", str(second.pk), str(people["ours"].pk)]
    )
    again = typed(html, person=str(second.pk))  # the user picks one of the list
    assert client.post(url(draft_ballot), again).status_code == 302
    assert question.candidates.get(person=second).note == "ghi chú đã gõ"


@pytest.mark.parametrize("who", ["former", "outside"])
def test_person_the_ballot_may_not_take_is_not_found(
    client, secretariat, draft_ballot, people, who
):
    question = draft_ballot.questions.get()
    client.force_login(secretariat)
    query = people[who].full_name
    response = client.post(url(draft_ballot), typed(page(client, draft_ballot), person__q=query))
    assert response.status_code == 200
    assert NONE_FOUND.format(query) in response.content.decode()
    assert not question.candidates.filter(person__isnull=False).exists()


@pytest.mark.parametrize("who", ["former", "outside"])
def test_person_the_ballot_may_not_take_is_refused_when_posted(
    client, secretariat, draft_ballot, people, who
):
    """A value put into the select by hand (or a stale page) is refused all the same."""
    question = draft_ballot.questions.get()
    client.force_login(secretariat)
    data = typed(page(client, draft_ballot), person=str(people[who].pk), note="giữ lại")
    response = client.post(url(draft_ballot), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert INVALID in html and "giữ lại" in html
    assert not question.candidates.filter(person__isnull=False).exists()


def test_unit_outside_the_cluster_year_is_refused(client, secretariat, draft_ballot, outside_unit):
    question = draft_ballot.questions.get()
    client.force_login(secretariat)
    html = page(client, draft_ballot)
    response = client.post(url(draft_ballot), typed(html, unit=str(outside_unit.pk)))
    assert response.status_code == 200
    assert INVALID in response.content.decode()
    response = client.post(url(draft_ballot), typed(html, unit__q=outside_unit.name))
    assert NONE_FOUND.format(outside_unit.name) in response.content.decode()
    assert not question.candidates.filter(unit=outside_unit).exists()


def test_person_of_another_unit_than_the_chosen_one_is_refused(
    client, secretariat, draft_ballot, our_unit, people
):
    question = draft_ballot.questions.get()
    client.force_login(secretariat)
    data = typed(page(client, draft_ballot), unit=str(our_unit.pk), person=str(people["theirs"].pk))
    response = client.post(url(draft_ballot), data)
    assert response.status_code == 200
    assert NOT_STAFF in response.content.decode()
    assert not question.candidates.filter(person__isnull=False).exists()


def test_chosen_question_stays_selected(client, secretariat, draft_ballot):
    second = ballots.question_add(
        ballot=draft_ballot, actor=secretariat, data=QuestionData(text="Bằng khen", places=2)
    )
    client.force_login(secretariat)
    html = client.get(url(draft_ballot), {"question": second.pk}).content.decode()
    assert re.search(rf'<option value="{second.pk}" selected>', html)


@pytest.mark.parametrize("role", ["officer", "leader", "other_officer", "outsider", "viewer"])
def test_only_managers_reach_a_draft_ballot(client, user_of, draft_ballot, role):
    client.force_login(user_of(role))
    assert client.get(url(draft_ballot)).status_code == 404
    # 404 before any redirect that would tell the page exists.
    assert client.get(url(draft_ballot), {"csrfmiddlewaretoken": "x"}).status_code == 404


# --- The picker's endpoint -------------------------------------------------------------------


def found(client, kind, **params):
    address, params = pick(kind, **params)
    response = client.get(address, params)
    assert response.status_code == 200
    return re.findall(r'<option value="(\d+)"', response.content.decode())


def test_endpoint_offers_the_member_units_and_their_current_staff_only(
    client, secretariat, draft_ballot, our_unit, other_unit, outside_unit, people
):
    outside_unit.name = "Thanh tra tỉnh Ngoài Cụm"
    outside_unit.save()
    client.force_login(secretariat)
    ballot = draft_ballot.pk
    assert found(client, "people", ballot=ballot, field="person", person__q="van") == [
        str(people["theirs"].pk)
    ]  # not the former staff, not the stranger's
    assert found(client, "people", ballot=ballot, q="nguyen") == [str(people["ours"].pk)]
    assert found(client, "people", ballot=ballot, q="do van") == []
    assert found(client, "people", ballot=ballot, unit=other_unit.pk, q="nguyen") == []
    assert found(client, "units", ballot=ballot, q=our_unit.name) == [str(our_unit.pk)]
    assert found(client, "units", ballot=ballot, q="ngoai cum") == []


@pytest.mark.parametrize("role", ["officer", "leader", "other_officer", "outsider", "viewer"])
def test_endpoint_offers_nothing_to_whom_may_not_add_candidates(
    client, user_of, draft_ballot, our_unit, people, role
):
    client.force_login(user_of(role))
    assert found(client, "people", ballot=draft_ballot.pk, q="nguyen") == []
    assert found(client, "units", ballot=draft_ballot.pk, q=our_unit.name) == []


def test_endpoint_offers_nothing_without_a_ballot_or_once_it_is_open(
    client, secretariat, draft_ballot, our_unit, people
):
    client.force_login(secretariat)
    for ballot in ("", "abc", "999999"):
        assert found(client, "people", ballot=ballot, q="nguyen") == []
    ballots.ballot_open(ballot=draft_ballot, actor=secretariat)
    assert found(client, "people", ballot=draft_ballot.pk, q="nguyen") == []


def test_admin_is_offered_the_staff_too(client, admin_user, draft_ballot, people):
    client.force_login(admin_user)
    assert found(client, "people", ballot=draft_ballot.pk, q="nguyen") == [str(people["ours"].pk)]


# --- Queries ---------------------------------------------------------------------------------


def _grow(cluster_year, units, people):
    for _ in range(units):
        unit = UnitFactory()
        ClusterMembershipFactory(cluster_year=cluster_year, unit=unit)
        PersonFactory.create_batch(people, unit=unit)


def test_query_count_does_not_grow_with_the_cluster(
    client, secretariat, cluster_year, draft_ballot, our_unit, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    PersonFactory.create_batch(2, unit=our_unit, full_name="Nguyễn Văn Mẫu")
    client.force_login(secretariat)
    page(client, draft_ballot)
    address, params = pick("people", ballot=draft_ballot.pk, q="mau")

    def counts():
        result = []
        for get in (lambda: client.get(url(draft_ballot)), lambda: client.get(address, params)):
            with CaptureQueriesContext(connection) as queries:
                assert get().status_code == 200
            result.append(len(queries))
        return result

    small = counts()
    assert small[0] <= 13 and small[1] <= 8
    _grow(cluster_year, units=20, people=30)
    PersonFactory.create_batch(28, unit=our_unit, full_name="Nguyễn Văn Mẫu")
    assert counts() == small
    html = client.get(url(draft_ballot)).content.decode()
    assert "Nguyễn Văn Mẫu" not in html
