"""Publishing a ranking names the units left out first; an unpublished ranking says one
clear thing per role, and no export link on the ranking page answers 403."""

import re

import pytest
from django.urls import reverse

from evaluations.results import services
from evaluations.results.models import RankingPublication
from tests.helpers.results import submit_ready
from tests.roles import ROLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(secretariat, officer, submission):
    """Our unit's results accepted; the other unit of the cluster year has none."""
    submit_ready(submission, officer)
    services.submission_accept(submission=submission, actor=secretariat)
    return submission


def _publish_form(html):
    """The data of the page's publish form, as a browser sends it."""
    form = re.search(r'<form method="post"[^>]*>(.*?)</form>', html, re.S).group(1)
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))


def test_publishing_with_units_missing_asks_first_and_names_them(
    client, secretariat, accepted, phase, other_unit, our_unit
):
    client.force_login(secretariat)
    url = reverse("evaluations:ranking", args=[phase.pk])
    page = client.get(url).content.decode()
    confirm = client.post(url, _publish_form(page))
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "1 đơn vị chưa có kết quả được chấp nhận" in html
    assert other_unit.name in html and our_unit.name not in html
    assert not RankingPublication.objects.filter(phase=phase).exists()

    published = client.post(url, _publish_form(html))
    assert published.status_code == 302
    publication = RankingPublication.objects.get(phase=phase)
    assert [e.unit_id for e in publication.entries.all()] == [our_unit.pk]


def test_publishing_with_every_unit_accepted_asks_nothing(
    client, secretariat, officer, other_officer, accepted, phase, other_unit
):
    other = services.submission_start(phase=phase, unit=other_unit, actor=other_officer)
    submit_ready(other, other_officer)
    services.submission_accept(submission=other, actor=secretariat)
    client.force_login(secretariat)
    response = client.post(reverse("evaluations:ranking", args=[phase.pk]))
    assert response.status_code == 302
    assert RankingPublication.objects.filter(phase=phase).exists()


def test_confirmation_is_for_those_who_manage_the_phase(client, officer, accepted, phase):
    client.force_login(officer)
    response = client.post(reverse("evaluations:ranking", args=[phase.pk]), {"confirm": "1"})
    assert response.status_code == 403
    assert not RankingPublication.objects.filter(phase=phase).exists()


@pytest.mark.parametrize("size", [1, 30])
def test_confirmation_page_bounded(
    client, secretariat, accepted, phase, cluster_year, size, django_assert_max_num_queries
):
    from tests.factories.units import ClusterMembershipFactory

    for _ in range(size):
        ClusterMembershipFactory(cluster_year=cluster_year)
    client.force_login(secretariat)
    with django_assert_max_num_queries(10):
        response = client.post(reverse("evaluations:ranking", args=[phase.pk]))
    assert response.status_code == 200 and response.context["missing_count"] == size + 1


MEMBER_MESSAGE = "Kết quả xếp hạng chưa được công bố: bảng xếp hạng sẽ hiển thị tại đây"


@pytest.mark.parametrize("role", ROLES)
def test_unpublished_ranking_one_message_per_role(client, user_of, role, accepted, phase):
    client.force_login(user_of(role))
    response = client.get(reverse("evaluations:ranking", args=[phase.pk]))
    if role == "outsider":
        assert response.status_code == 404
        return
    html = response.content.decode()
    table = accepted.unit.name in html
    if role in ("secretariat", "admin"):
        assert table and "chưa công bố" in html and MEMBER_MESSAGE not in html
    else:
        assert not table and html.count(MEMBER_MESSAGE) == 1
        assert "chỉ thư ký" not in html.lower()


@pytest.mark.parametrize("published", [False, True])
@pytest.mark.parametrize("role", ROLES)
def test_every_export_link_on_the_ranking_page_answers(
    client, user_of, role, secretariat, accepted, phase, published
):
    if published:
        services.ranking_publish(phase=phase, actor=secretariat)
    client.force_login(user_of(role))
    response = client.get(reverse("evaluations:ranking", args=[phase.pk]))
    if role == "outsider":
        assert response.status_code == 404
        return
    links = re.findall(r'href="([^"]+\.xlsx[^"]*)"', response.content.decode())
    for link in links:
        assert client.get(link).status_code == 200, link
    can_export = published or role in ("secretariat", "admin")
    assert bool(links) == can_export
