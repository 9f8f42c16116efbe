"""Honour boards (điển hình tiên tiến) of a campaign and of a cluster year."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
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
        # A sector-level title of a person: listed by name.
        "fighter": AwardRecordFactory(
            title=titles[("CSTD_NGANH", "person")],
            unit=our_unit,
            person=person,
            year=2025,
            campaign=campaign,
            summary="Sáng kiến được công nhận.",
        ),
        # A base-level title of a person, in the campaign: counted per unit, not named.
        "base": AwardRecordFactory(
            title=titles[("CSTDCS", "person")],
            unit=our_unit,
            person=PersonFactory(unit=our_unit, full_name="Trần Văn Cơ Sở"),
            year=2025,
            campaign=campaign,
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


@pytest.fixture
def workers(titles, board, our_unit, other_unit):
    """Lao động tiên tiến (a base-level title of persons) of 2025: two people of our unit,
    one of the neighbour; and one of 2024, which is not on the 2025 board."""
    people = [
        PersonFactory(unit=our_unit, full_name="Lê Thị Tiên Tiến"),
        PersonFactory(unit=our_unit, full_name="Đỗ Văn Chăm Chỉ"),
        PersonFactory(unit=other_unit, full_name="Hoàng Thị Láng Giềng"),
    ]
    for person in people:
        AwardRecordFactory(
            title=titles[("LDTT", "person")], unit=person.unit, person=person, year=2025
        )
    AwardRecordFactory(title=titles[("LDTT", "person")], unit=our_unit, person=people[0], year=2024)
    return people


NOTE = "Danh hiệu cấp cơ sở của cá nhân được thống kê theo số lượng ở từng đơn vị"


def _pks(groups):
    return [r.pk for group in groups for r in group.records]


def _counts(groups):
    """{title code: {unit id: recipients}} of the titles counted per unit."""
    return {
        g.title.code: {row.unit_id: row.recipients for row in g.unit_counts}
        for g in groups
        if g.counted
    }


def test_campaign_board_lists_its_awards_grouped_by_title(
    client, viewer, campaign, our_unit, board
):
    client.force_login(viewer)
    response = client.get(reverse("evaluations:campaign_honour_board", args=[campaign.pk]))
    assert response.status_code == 200
    groups = response.context["groups"]
    # Catalogue order: the persons' titles come before the flag.
    assert [g.title.code for g in groups] == ["CSTDCS", "CSTD_NGANH", "CO_TTCP"]
    assert _pks(groups) == [board["fighter"].pk, board["flag"].pk]
    assert _counts(groups) == {"CSTDCS": {our_unit.pk: 1}}
    html = response.content.decode()
    assert "Vũ Thị Gương Mẫu" in html and "Sáng kiến được công nhận." in html
    assert "Trần Văn Cơ Sở" not in html
    assert board["flag"].decision_number in html
    assert "Người Ngoài" not in html
    assert NOTE in html


def test_cluster_year_board_lists_members_awards_of_the_year(
    client, viewer, cluster_year, our_unit, other_unit, board, workers
):
    client.force_login(viewer)
    response = client.get(reverse("evaluations:cluster_year_honour_board", args=[cluster_year.pk]))
    assert response.status_code == 200
    groups = response.context["groups"]
    assert set(_pks(groups)) == {board["flag"].pk, board["fighter"].pk, board["member"].pk}
    assert _counts(groups) == {
        "LDTT": {our_unit.pk: 2, other_unit.pk: 1},
        "CSTDCS": {our_unit.pk: 1},
    }
    assert [g.title.code for g in groups][:3] == ["LDTT", "CSTDCS", "CSTD_NGANH"]


def test_board_counts_base_level_individual_titles_per_unit_with_a_link_to_the_names(
    client, viewer, cluster_year, our_unit, other_unit, board, workers
):
    client.force_login(viewer)
    response = client.get(reverse("evaluations:cluster_year_honour_board", args=[cluster_year.pk]))
    html = response.content.decode()
    # Base-level titles of persons: no names, but each unit with its number of recipients,
    # linked to the unit's award history of the year, where the names are.
    for person in workers:
        assert person.full_name not in html
    assert "Trần Văn Cơ Sở" not in html
    assert NOTE in html
    for unit, recipients in ((our_unit, 2), (other_unit, 1)):
        history = reverse("evaluations:unit_awards", args=[unit.pk])
        link = rf'href="{history}\?year=2025">{re.escape(unit.name)}</a></td>'
        row = rf'{link}\s*<td class="text-end"[^>]*>{recipients}</td>'
        assert re.search(row, html)
    ldtt = next(g for g in response.context["groups"] if g.title.code == "LDTT")
    assert ldtt.size == 3
    # A sector-level title of a person and the collective titles keep their names.
    assert "Vũ Thị Gương Mẫu" in html and "Đơn vị dẫn đầu Cụm." in html
    # The names are one click away.
    history = reverse("evaluations:unit_awards", args=[our_unit.pk])
    names = client.get(f"{history}?year=2025").content.decode()
    assert "Lê Thị Tiên Tiến" in names and "Đỗ Văn Chăm Chỉ" in names


def test_board_without_base_level_individual_titles_has_no_note(
    client, viewer, titles, campaign, our_unit
):
    AwardRecordFactory(
        title=titles[("CO_TTCP", "collective")], unit=our_unit, year=2025, campaign=campaign
    )
    client.force_login(viewer)
    response = client.get(reverse("evaluations:campaign_honour_board", args=[campaign.pk]))
    assert response.context["has_counts"] is False
    assert NOTE not in response.content.decode()


@pytest.mark.parametrize(
    "role", ["admin", "officer", "leader", "other_officer", "outsider", "secretariat", "viewer"]
)
def test_honour_boards_are_readable_by_every_signed_in_user(
    client, user_of, campaign, cluster_year, board, role
):
    """The cluster year's board is public; a campaign's follows who sees the campaign
    (a cluster campaign is its members', the outsider gets 404)."""
    client.force_login(user_of(role))
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


def _board_queries(client, urls):
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    return counts


def test_honour_boards_cost_constant_queries(
    client, viewer, titles, campaign, cluster_year, our_unit, django_assert_max_num_queries
):
    """As many queries with one award as with hundreds, in many units: the counted titles
    are one aggregate query, not records."""
    codes = [("CSTDCS", "person"), ("LDTT", "person"), ("BK_TTCP", "person")]

    def add_awards(count):
        for index in range(count):
            unit = UnitFactory() if index % 10 == 0 else our_unit
            AwardRecordFactory(
                title=titles[codes[index % 3]],
                unit=unit,
                person=PersonFactory(unit=unit),
                year=2025,
                campaign=campaign,
            )

    client.force_login(viewer)
    urls = [
        reverse("evaluations:campaign_honour_board", args=[campaign.pk]),
        reverse("evaluations:cluster_year_honour_board", args=[cluster_year.pk]),
    ]
    add_awards(3)
    small = _board_queries(client, urls)
    add_awards(300)
    for url in urls:
        with django_assert_max_num_queries(12):
            response = client.get(url)
        groups = response.context["groups"]
        assert sum(g.size for g in groups) == 303
        assert {g.title.code: g.counted for g in groups} == {
            "LDTT": True,
            "CSTDCS": True,
            "BK_TTCP": False,
        }
    assert _board_queries(client, urls) == small
