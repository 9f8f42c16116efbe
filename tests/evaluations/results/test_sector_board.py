"""The progress board of a sector-wide phase: every active provincial inspectorate, a page
at a time, each page read on its own."""

import pytest
from django.urls import reverse

from evaluations.results import views
from tests.factories.campaigns import PhaseFactory, SectorCampaignFactory
from tests.factories.units import UnitFactory
from units.choices import UnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def sector_phase(db):
    return PhaseFactory(campaign=SectorCampaignFactory())


def board_units(client, phase, page):
    url = reverse("evaluations:phase_results", args=[phase.pk])
    response = client.get(url, {"page": page})
    assert response.status_code == 200
    return [row["unit"].name for row in response.context["rows"]]


def test_pages_follow_the_names_and_leave_out_who_is_not_expected(
    client, admin_user, sector_phase, monkeypatch
):
    monkeypatch.setattr(views, "BOARD_PAGE_SIZE", 2)
    for name in ["Thanh tra tỉnh Hà Nam", "Thanh tra tỉnh Bắc Ninh", "Thanh tra tỉnh Nam Định"]:
        UnitFactory(name=name)
    UnitFactory(name="Thanh tra tỉnh Hà Tây", is_active=False)
    UnitFactory(name="Thanh tra Bộ Tài chính", kind=UnitKind.MINISTRY_INSPECTORATE)
    client.force_login(admin_user)
    first, second = board_units(client, sector_phase, 1), board_units(client, sector_phase, 2)
    everyone = sorted(first + second)
    assert first + second == everyone  # one order across the pages
    assert len(first) == 2 and "Thanh tra tỉnh Hà Tây" not in everyone
    assert "Thanh tra Bộ Tài chính" not in everyone
    assert {"Thanh tra tỉnh Hà Nam", "Thanh tra tỉnh Bắc Ninh", "Thanh tra tỉnh Nam Định"} <= set(
        everyone
    )


@pytest.mark.parametrize("units", [3, 30])
def test_a_page_costs_the_same_whatever_the_sector_size(
    client, admin_user, sector_phase, units, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(views, "BOARD_PAGE_SIZE", 2)
    UnitFactory.create_batch(units)
    client.force_login(admin_user)
    # 11: the results counted by state for the progress chart, over the whole sector.
    with django_assert_max_num_queries(11):
        assert len(board_units(client, sector_phase, 2)) == 2
