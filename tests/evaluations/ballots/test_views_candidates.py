"""Adding a candidate to a draft ballot: units, or the staff of one chosen member unit.

The candidate select never lists every person of the cluster year's member units (at
national scale thousands of options): a person is added after choosing their unit, so the
page costs the same number of queries whatever the size of the cluster.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.ballots import services as ballots
from evaluations.ballots.services import QuestionData
from tests.factories.units import ClusterMembershipFactory, PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db
CHOOSE_FIRST = "Để đề nghị một cá nhân, hãy chọn đơn vị của người đó trước"


@pytest.fixture
def people(our_unit, other_unit, outside_unit):
    return {
        "ours": PersonFactory(unit=our_unit, full_name="Nguyễn Thị Hoa"),
        "former": PersonFactory(unit=our_unit, full_name="Lê Văn Cũ", is_active=False),
        "theirs": PersonFactory(unit=other_unit, full_name="Phạm Văn Láng Giềng"),
        "outside": PersonFactory(unit=outside_unit, full_name="Đỗ Văn Người Ngoài"),
    }


def url(ballot):
    return reverse("evaluations:ballot_detail", args=[ballot.pk])


def candidate_options(html):
    select = re.search(r'<select name="candidate".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="(person:\d+)"[^>]*>([^<]*)</option>', select)


def test_no_person_is_listed_before_choosing_a_unit(client, secretariat, draft_ballot, people):
    client.force_login(secretariat)
    html = client.get(url(draft_ballot)).content.decode()
    assert candidate_options(html) == []
    assert CHOOSE_FIRST in html
    for person in people.values():
        assert person.full_name not in html


def test_choosing_a_unit_lists_its_current_staff_only(
    client, secretariat, draft_ballot, our_unit, people
):
    client.force_login(secretariat)
    html = client.get(url(draft_ballot), {"unit": our_unit.pk}).content.decode()
    assert candidate_options(html) == [(f"person:{people['ours'].pk}", "Nguyễn Thị Hoa")]
    assert f'<optgroup label="Cán bộ của {our_unit.name}">' in html
    assert "Lê Văn Cũ" not in html and "Phạm Văn Láng Giềng" not in html
    unit_select = re.search(r'<select name="unit"[^>]*>', html).group(0)
    assert f'data-loaded="{our_unit.pk}"' in unit_select
    assert 'data-reload-keep="question"' in unit_select
    assert re.search(r'<button[^>]*formmethod="get"[^>]*formaction="#add-candidate"', html)


def test_unit_outside_the_cluster_year_lists_nobody(
    client, secretariat, draft_ballot, outside_unit, people
):
    client.force_login(secretariat)
    for value in (outside_unit.pk, "abc", "²"):
        response = client.get(url(draft_ballot), {"unit": value})
        assert response.status_code == 200
        assert candidate_options(response.content.decode()) == []
        assert "Đỗ Văn Người Ngoài" not in response.content.decode()


@pytest.mark.parametrize("role", ["officer", "leader", "other_officer", "outsider", "viewer"])
def test_only_managers_reach_a_draft_ballots_staff_list(
    client, user_of, draft_ballot, our_unit, people, role
):
    client.force_login(user_of(role))
    assert client.get(url(draft_ballot), {"unit": our_unit.pk}).status_code == 404
    # 404 before any redirect that would tell the page exists.
    assert client.get(url(draft_ballot), {"csrfmiddlewaretoken": "x"}).status_code == 404


def test_admin_gets_the_staff_list_too(client, admin_user, draft_ballot, our_unit, people):
    client.force_login(admin_user)
    html = client.get(url(draft_ballot), {"unit": our_unit.pk}).content.decode()
    assert candidate_options(html) == [(f"person:{people['ours'].pk}", "Nguyễn Thị Hoa")]


def test_no_script_button_lands_on_a_clean_address(client, secretariat, draft_ballot, our_unit):
    question = draft_ballot.questions.get()
    client.force_login(secretariat)
    response = client.get(
        url(draft_ballot),
        {
            "csrfmiddlewaretoken": "token",
            "action": "add_candidate",
            "question": question.pk,
            "unit": our_unit.pk,
            "candidate": "",
            "note": "đang gõ",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{url(draft_ballot)}?question={question.pk}&unit={our_unit.pk}"


def test_chosen_question_stays_selected(client, secretariat, draft_ballot, our_unit):
    second = ballots.question_add(
        ballot=draft_ballot, actor=secretariat, data=QuestionData(text="Bằng khen", places=2)
    )
    client.force_login(secretariat)
    html = client.get(url(draft_ballot), {"question": second.pk, "unit": our_unit.pk}).content
    assert re.search(rf'<option value="{second.pk}" selected>', html.decode())


def post_candidate(client, ballot, question, unit, person, **extra):
    """The candidate form sent as the secretariat sends it: a person of the chosen unit."""
    data = {"action": "add_candidate", "question": question.pk, "unit": unit.pk}
    return client.post(url(ballot), {**data, "candidate": f"person:{person.pk}", **extra})


def test_person_of_the_chosen_unit_is_added(client, secretariat, draft_ballot, our_unit, people):
    question = draft_ballot.questions.get()
    client.force_login(secretariat)
    response = post_candidate(client, draft_ballot, question, our_unit, people["ours"])
    assert response.status_code == 302
    candidate = question.candidates.get(person=people["ours"])
    assert candidate.name == f"Nguyễn Thị Hoa ({our_unit.display_name})"


@pytest.mark.parametrize("who", ["theirs", "former", "outside"])
def test_person_not_on_the_chosen_units_staff_is_refused(
    client, secretariat, draft_ballot, our_unit, people, who
):
    question = draft_ballot.questions.get()
    client.force_login(secretariat)
    response = post_candidate(
        client, draft_ballot, question, our_unit, people[who], note="ghi chú đã gõ"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in html
    assert "ghi chú đã gõ" in html  # what was typed is kept
    assert candidate_options(html) == [(f"person:{people['ours'].pk}", "Nguyễn Thị Hoa")]
    assert not question.candidates.filter(person__isnull=False).exists()


def _grow(cluster_year, units, people):
    for _ in range(units):
        unit = UnitFactory()
        ClusterMembershipFactory(cluster_year=cluster_year, unit=unit)
        PersonFactory.create_batch(people, unit=unit)


def _queries(client, address, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, params)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_query_count_does_not_grow_with_the_cluster(
    client, secretariat, cluster_year, draft_ballot, our_unit, django_assert_max_num_queries
):
    PersonFactory.create_batch(2, unit=our_unit)
    client.force_login(secretariat)
    client.get(url(draft_ballot))
    small = {}
    for params in ({}, {"unit": our_unit.pk}):
        with django_assert_max_num_queries(12):
            small[bool(params)] = _queries(client, url(draft_ballot), params)[0]

    _grow(cluster_year, units=20, people=30)
    PersonFactory.create_batch(28, unit=our_unit)
    for params in ({}, {"unit": our_unit.pk}):
        with django_assert_max_num_queries(12):
            count, html = _queries(client, url(draft_ballot), params)
        assert count == small[bool(params)]
        assert len(candidate_options(html)) == (30 if params else 0)
