"""The charts of the results pages (evaluations/results/charts.py): the ranking by criteria
group, named as the rubric names them, with the bands; the progress board by state; a unit's
totals and ranks over its published rankings. (Drawn in Chromium: see
tests/e2e/test_charts_browser.py.)"""

from decimal import Decimal

import pytest
from django.urls import reverse

from evaluations.results import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def banded(rubric):
    rubric.band_excellent_from = Decimal("8")
    rubric.band_good_from = Decimal("5")
    rubric.save(update_fields=["band_excellent_from", "band_good_from"])
    return rubric


@pytest.fixture
def accepted(submission, officer, secretariat):
    from tests.helpers.results import submit_ready

    submit_ready(submission, officer)
    services.submission_accept(submission=submission, actor=secretariat)
    return submission


def test_the_ranking_chart_names_the_groups_and_shows_the_bands(
    client, user_of, phase, banded, accepted, secretariat
):
    services.ranking_publish(phase=phase, actor=secretariat)
    client.force_login(user_of("officer"))
    page = client.get(reverse("evaluations:ranking", args=[phase.pk]))
    chart = page.context["chart"]
    # Groups by their names, not their letters; A2 and A1 score 3 each, B1 3 (bonus).
    assert chart.series == ("Công tác thanh tra", "Điểm thưởng")
    (bar,) = chart.bars
    assert bar.values == (Decimal("6"), Decimal("3"))
    assert bar.label == f"1. {accepted.unit.name}"
    assert bar.note == "Hoàn thành xuất sắc"
    assert [(m.label, m.value) for m in chart.marks] == [
        ("Hoàn thành xuất sắc", Decimal("8")),
        ("Hoàn thành tốt", Decimal("5")),
    ]
    html = page.content.decode()
    assert "Hoàn thành xuất sắc ≥ 8</text>" in html
    assert "Công tác thanh tra: 6</title>" in html


def test_the_live_ranking_has_its_chart_for_the_secretariat_only(
    client, user_of, phase, banded, accepted
):
    url = reverse("evaluations:ranking", args=[phase.pk])
    client.force_login(user_of("secretariat"))
    chart = client.get(url).context["chart"]
    assert chart.series == ("Công tác thanh tra", "Điểm thưởng")
    assert len(chart.bars) == 1
    client.force_login(user_of("other_officer"))
    page = client.get(url)
    assert page.context["chart"] is None
    assert b"chart-svg" not in page.content


def test_the_board_counts_results_by_state(client, user_of, phase, accepted):
    client.force_login(user_of("secretariat"))
    chart = client.get(reverse("evaluations:phase_results", args=[phase.pk])).context["chart"]
    # Two member units: ours accepted, the other not started.
    notes = {bar.label: bar.note for bar in chart.bars}
    assert notes["Tổng số đã gửi"] == "1/2 đã gửi"
    assert notes["Chưa bắt đầu"] == "1/2 đơn vị"
    assert notes["Đã chấp nhận"] == "1/2 đơn vị"
    assert notes["Bản nháp"] == "0/2 đơn vị"


def test_a_units_page_charts_its_published_totals_and_ranks(
    client, user_of, phase, banded, accepted, secretariat
):
    services.ranking_publish(phase=phase, actor=secretariat)
    client.force_login(user_of("officer"))
    page = client.get(reverse("evaluations:unit_results", args=[accepted.unit.pk]))
    (bar,) = page.context["chart"].bars
    assert bar.total == Decimal("9")
    assert bar.note == "hạng 1/1"
    assert phase.name in bar.label
