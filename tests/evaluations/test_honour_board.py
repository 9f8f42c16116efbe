"""Honour boards (điển hình tiên tiến) of a campaign and of a cluster year."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories.campaigns import CampaignFactory
from tests.factories.evaluations import AwardRecordFactory
from tests.factories.units import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(titles, campaign, cluster_year, our_unit, other_unit):
    """Awards of our cluster year (2025) and of its campaign; others that must not show."""
    person = PersonFactory(unit=our_unit, full_name="Vũ Thị Gương Mẫu")
    return {
        "flag": AwardRecordFactory(
            title=titles[("CO_TTCP", "collective")],
            unit=our_unit,
            year=2025,
            campaign=campaign,
            summary="Đơn vị dẫn đầu Cụm.",
            amount=Decimal("7654321"),
        ),
        "fighter": AwardRecordFactory(
            title=titles[("CSTDCS", "person")],
            unit=our_unit,
            person=person,
            year=2025,
            campaign=campaign,
            summary="Sáng kiến được công nhận.",
        ),
        # A member's award of the year, not linked to the campaign.
        "member": AwardRecordFactory(
            title=titles[("TTLDXS", "collective")], unit=other_unit, year=2025
        ),
        # Not on either board: another year, another unit's award in another campaign.
        "old": AwardRecordFactory(title=titles[("TTLDXS", "collective")], unit=our_unit, year=2019),
        "stranger": AwardRecordFactory(
            title=titles[("CO_TTCP", "collective")],
            unit=UnitFactory(name="Thanh tra tỉnh Người Ngoài"),
            year=2025,
            campaign=CampaignFactory(),
        ),
    }


def _pks(groups):
    return [r.pk for group in groups for r in group.records]


def test_campaign_board_lists_its_awards_grouped_by_title(client, viewer, campaign, board):
    client.force_login(viewer)
    response = client.get(reverse("evaluations:campaign_honour_board", args=[campaign.pk]))
    assert response.status_code == 200
    groups = response.context["groups"]
    # Catalogue order: CSTĐCS (person) comes before the flag.
    assert [g.title.code for g in groups] == ["CSTDCS", "CO_TTCP"]
    assert _pks(groups) == [board["fighter"].pk, board["flag"].pk]
    html = response.content.decode()
    assert "Vũ Thị Gương Mẫu" in html and "Sáng kiến được công nhận." in html
    assert board["flag"].decision_number in html
    assert "Người Ngoài" not in html


def test_cluster_year_board_lists_members_awards_of_the_year(client, viewer, cluster_year, board):
    client.force_login(viewer)
    response = client.get(reverse("evaluations:cluster_year_honour_board", args=[cluster_year.pk]))
    assert response.status_code == 200
    assert set(_pks(response.context["groups"])) == {
        board["flag"].pk,
        board["fighter"].pk,
        board["member"].pk,
    }


@pytest.mark.parametrize(
    "role", ["admin", "officer", "leader", "other_officer", "outsider", "secretariat", "viewer"]
)
def test_honour_boards_are_readable_by_every_signed_in_user(
    client, role_users, campaign, cluster_year, board, role
):
    """The cluster year's board is public; a campaign's follows who sees the campaign
    (a cluster campaign is its members', the outsider gets 404)."""
    client.force_login(role_users[role])
    campaign_board = reverse("evaluations:campaign_honour_board", args=[campaign.pk])
    if role == "outsider":
        assert client.get(campaign_board).status_code == 404
    for url in (
        *([] if role == "outsider" else [campaign_board]),
        reverse("evaluations:cluster_year_honour_board", args=[cluster_year.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Đơn vị dẫn đầu Cụm." in html
        # Amounts are not part of the board.
        assert "7.654.321" not in html and "7654321" not in html


def test_honour_boards_need_sign_in(client, campaign, cluster_year):
    for url in (
        reverse("evaluations:campaign_honour_board", args=[campaign.pk]),
        reverse("evaluations:cluster_year_honour_board", args=[cluster_year.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_honour_board_of_a_missing_campaign_is_404(client, viewer):
    client.force_login(viewer)
    assert (
        client.get(reverse("evaluations:campaign_honour_board", args=[999999])).status_code == 404
    )
    url = reverse("evaluations:cluster_year_honour_board", args=[999999])
    assert client.get(url).status_code == 404


def test_honour_board_prints_without_inline_script(client, viewer, campaign, board):
    client.force_login(viewer)
    html = client.get(
        reverse("evaluations:campaign_honour_board", args=[campaign.pk])
    ).content.decode()
    assert "data-print" in html
    assert "onclick" not in html and "<script>" not in html


def test_campaign_and_cluster_year_pages_link_the_boards(client, officer, campaign, cluster_year):
    client.force_login(officer)
    html = client.get(reverse("campaigns:campaign_detail", args=[campaign.pk])).content.decode()
    assert reverse("evaluations:campaign_honour_board", args=[campaign.pk]) in html
    year_url = reverse(
        "units:cluster_year_detail", args=[cluster_year.cluster_id, cluster_year.year]
    )
    html = client.get(year_url).content.decode()
    assert reverse("evaluations:cluster_year_honour_board", args=[cluster_year.pk]) in html
    # The dossier is the secretariat's: the officer is not offered it.
    assert reverse("evaluations:cluster_year_dossier", args=[cluster_year.pk]) not in html


@pytest.mark.parametrize("count", [1, 20])
def test_honour_boards_cost_constant_queries(
    client, viewer, titles, campaign, cluster_year, our_unit, count, django_assert_max_num_queries
):
    codes = [("CSTDCS", "person"), ("LDTT", "person"), ("BK_TTCP", "person")]
    for index in range(count):
        person = PersonFactory(unit=our_unit)
        AwardRecordFactory(
            title=titles[codes[index % 3]],
            unit=our_unit,
            person=person,
            year=2025,
            campaign=campaign,
        )
    client.force_login(viewer)
    for url in (
        reverse("evaluations:campaign_honour_board", args=[campaign.pk]),
        reverse("evaluations:cluster_year_honour_board", args=[cluster_year.pk]),
    ):
        with django_assert_max_num_queries(12):
            response = client.get(url)
        assert sum(len(g.records) for g in response.context["groups"]) == count
