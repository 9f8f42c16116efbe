"""The top bar's search (units.finder, `units:search`): units, people, proposals and
decision numbers in one box, accents and case aside, and only what the user may see."""

import re

import pytest
from django.urls import reverse

from evaluations.proposals.choices import ProposalStatus
from tests.factories.evaluations import AwardProposalFactory, AwardRecordFactory
from tests.factories.units import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db
URL = reverse("units:search")


def found(client, query) -> str:
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def headings(html) -> list[str]:
    return [h.strip() for h in re.findall(r'<h2 class="h5"[^>]*>([^<]*)<', html)]


@pytest.fixture
def an(our_unit):
    return PersonFactory(unit=our_unit, full_name="Nguyễn Văn An")


def test_every_page_has_the_search_box(client, officer):
    client.force_login(officer)
    html = client.get(reverse("dashboard")).content.decode()
    box = re.search(r'<form class="top-search[^"]*" action="([^"]+)" method="get"', html)
    assert box and box.group(1) == URL
    assert 'name="q"' in html


def test_a_name_typed_without_accents_finds_the_person(client, officer, our_unit, an):
    client.force_login(officer)
    html = found(client, "nguyen van an")
    assert "Nguyễn Văn An" in html
    assert reverse("units:unit_detail", args=[our_unit.pk]) in html
    assert "Nguyễn Văn An" in found(client, "NGUYỄN VĂN AN")


def test_units_are_found_by_every_user(client, outsider_officer):
    UnitFactory(name="Thanh tra tỉnh Hà Nam")
    client.force_login(outsider_officer)
    html = found(client, "ha nam")
    assert "Thanh tra tỉnh Hà Nam" in html
    assert headings(html) == ["Đơn vị"]


def test_another_units_staff_is_not_found(client, outsider_officer, viewer, an):
    """Staff records are personal data: a stranger and a sector viewer find no one."""
    for user in (outsider_officer, viewer):
        client.force_login(user)
        html = found(client, "nguyen van an")
        assert "Nguyễn Văn An" not in html


def test_proposals_are_found_by_nominee_and_decision_number(client, admin_user, our_unit, titles):
    proposal = AwardProposalFactory(
        unit=our_unit,
        title=titles[("GK", "collective")],
        nominee_name="Phòng Thanh tra Kinh tế",
        status=ProposalStatus.FORWARDED,
    )
    client.force_login(admin_user)
    html = found(client, "thanh tra kinh te")
    assert reverse("evaluations:proposal", args=[proposal.pk]) in html
    assert "Đề nghị khen thưởng" in headings(html)


def test_another_units_draft_proposal_is_never_found(
    client, officer, other_officer, secretariat, admin_user, our_unit, titles
):
    draft = AwardProposalFactory(
        unit=our_unit,
        title=titles[("GK", "collective")],
        nominee_name="Đội Kiểm Tra Bí Mật",
        status=ProposalStatus.DRAFT,
    )
    link = reverse("evaluations:proposal", args=[draft.pk])
    for stranger in (other_officer, secretariat, admin_user):
        client.force_login(stranger)
        assert link not in found(client, "doi kiem tra bi mat")
    client.force_login(officer)
    assert link in found(client, "doi kiem tra bi mat")


def test_decision_numbers_lead_to_the_award_lookup(client, outsider_officer, our_unit, titles):
    AwardRecordFactory(
        unit=our_unit, title=titles[("TTLDXS", "collective")], decision_number="123/QĐ-TTCP"
    )
    client.force_login(outsider_officer)  # award decisions are public acts
    html = found(client, "123/qd")
    lookup = reverse("evaluations:award_lookup")
    assert f'href="{lookup}?decision=123%2FQ%C4%90-TTCP"' in html
    assert "Quyết định khen thưởng" in headings(html)


def test_nothing_typed_finds_nothing(client, officer, an):
    client.force_login(officer)
    assert headings(found(client, "")) == []
    assert headings(found(client, "?!")) == []


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL, {"q": "an"})
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def _fill(our_unit, titles, size):
    for i in range(size):
        person = PersonFactory(unit=our_unit, full_name=f"Nguyễn Văn Giống {i}")
        AwardProposalFactory(
            unit=our_unit,
            person=person,
            title=titles[("LDTT", "person")],
            status=ProposalStatus.FORWARDED,
            year=2000 + i,
        )
        AwardRecordFactory(
            unit=our_unit,
            person=person,
            title=titles[("CSTDCS", "person")],
            year=2000 + i,
            decision_number=f"{i + 1}/QĐ-NGUYEN",
        )
        UnitFactory(name=f"Thanh tra Nguyễn {i}")


def test_query_count_is_the_same_for_one_and_many_results(
    client, admin_user, our_unit, titles, django_assert_num_queries
):
    client.force_login(admin_user)
    _fill(our_unit, titles, 1)
    found(client, "nguyen")  # warm the session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        found(client, "nguyen")
    _fill(our_unit, titles, 14)
    with CaptureQueriesContext(connection) as many:
        html = found(client, "nguyen")
    assert len(one) == len(many)
    assert len(many) <= 12
    # Ten of each kind found (units, people, proposals, awards), "more" offered; no
    # decision number begins with "nguyen".
    assert html.count("list-group-item") == 4 * 10
