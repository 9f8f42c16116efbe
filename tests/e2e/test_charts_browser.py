"""Issue 15's charts in Chromium: each chart page draws its chart (an SVG of real size, one
bar per item, a segment per criteria group), carries the data table with the figures the
server computed, prints the table open under the drawing, and scrolls nothing sideways on a
phone. Screenshots of each chart page at 1366 and 390 px go to test-artifacts/."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from core.charts import number
from evaluations.results import services
from evaluations.results.models import RankingEntry
from tests.e2e.browser import sign_in
from tests.e2e.conftest import ARTIFACTS
from tests.evaluations.test_overview import sector_season
from tests.factories.units import PASSWORD
from tests.helpers.results import submit_ready

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"desktop": (1366, 768), "phone": (390, 844)}


def chart_box(page, index=0):
    svg = page.locator("svg.chart-svg").nth(index)
    expect(svg).to_be_visible()
    box = svg.bounding_box()
    assert box["width"] > 200 and box["height"] > 20, box
    return svg


def table_rows(page, index=0) -> list[list[str]]:
    """The chart's data table, cell by cell (read also while its disclosure is closed)."""
    table = page.locator("figure.chart").nth(index).locator("details.chart-data table")
    return table.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))"
    )


def no_sideways_scroll(page):
    overflow = page.evaluate(
        "document.scrollingElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls {overflow}px sideways"


def shoot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"chart-{name}.png", full_page=True)


def printed_open(page):
    """On paper the data table is open under the drawing, without its disclosure button."""
    page.emulate_media(media="print")
    figure = page.locator("figure.chart").first
    expect(figure.locator("details.chart-data table")).to_be_visible()
    expect(figure.locator("details.chart-data summary")).to_be_hidden()
    expect(figure.locator("svg.chart-svg")).to_be_visible()
    page.emulate_media(media="screen")


@pytest.fixture
def published(phase, rubric, submission, officer, other_officer, other_unit, secretariat):
    """Both member units' results accepted (ours with a point less), the ranking published,
    the rubric's bands set."""
    rubric.band_excellent_from = Decimal("8")
    rubric.band_good_from = Decimal("5")
    rubric.save(update_fields=["band_excellent_from", "band_good_from"])
    submit_ready(submission, officer)
    services.submission_accept(submission=submission, actor=secretariat)
    other = services.submission_start(phase=phase, unit=other_unit, actor=other_officer)
    submit_ready(other, other_officer)
    services.submission_accept(submission=other, actor=secretariat)
    services.ranking_publish(phase=phase, actor=secretariat)
    return phase


def test_the_ranking_draws_a_bar_per_unit_in_named_groups_with_the_bands(
    new_page, live_server, published, officer
):
    entries = list(RankingEntry.objects.filter(publication__phase=published).order_by("rank"))
    for name, (width, height) in WIDTHS.items():
        page = new_page(width=width, height=height)
        sign_in(page, live_server, officer.username, PASSWORD)
        page.goto(f"{live_server.url}/phases/{published.pk}/ranking/")
        svg = chart_box(page)
        assert svg.get_attribute("data-bars") == str(len(entries))
        # Two groups, each unit with points in both: a segment per unit and group.
        expect(svg.locator("rect.chart-segment")).to_have_count(2 * len(entries))
        expect(svg.locator("line.chart-mark")).to_have_count(2)
        expect(svg.locator("text.chart-mark-label").first).to_contain_text("≥")
        legend = page.locator(".chart-legend li")
        expect(legend).to_have_text(["Công tác thanh tra", "Điểm thưởng"])
        assert table_rows(page) == [
            [
                f"{e.rank}. {e.unit_name}",
                number(Decimal(e.group_totals["A"])),
                number(Decimal(e.group_totals["B"])),
                number(e.total),
                e.get_band_display(),
            ]
            for e in entries
        ]
        no_sideways_scroll(page)
        shoot(page, f"ranking-{name}")
    printed_open(page)


def test_the_board_draws_a_progress_bar_per_state(
    new_page, live_server, phase, submission, officer, secretariat
):
    submit_ready(submission, officer)
    page = new_page(width=1366, height=768)
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/phases/{phase.pk}/results/")
    svg = chart_box(page)
    # "Submitted in all", "not started" and the four states.
    assert svg.get_attribute("data-bars") == "6"
    # Only the states with units get a coloured bar: submitted in all, not started, submitted.
    expect(svg.locator("rect.chart-segment")).to_have_count(3)
    rows = {row[0]: row[2] for row in table_rows(page)}
    assert rows["Tổng số đã gửi"] == "1/2 đã gửi"
    assert rows["Chưa bắt đầu"] == "1/2 đơn vị"
    assert rows["Đã gửi"] == "1/2 đơn vị"
    expect(svg).to_contain_text("1/2 đã gửi")
    # The disclosure opens the table on screen too.
    page.get_by_text("Bảng số liệu").first.click()
    expect(page.locator("details.chart-data table").first).to_be_visible()
    shoot(page, "board-desktop")
    printed_open(page)


def test_a_units_page_draws_its_totals_and_ranks(new_page, live_server, published, officer):
    entry = RankingEntry.objects.get(publication__phase=published, unit=officer.unit)
    page = new_page(width=390, height=844)
    sign_in(page, live_server, officer.username, PASSWORD)
    page.goto(f"{live_server.url}/units/{officer.unit.pk}/results/")
    svg = chart_box(page)
    expect(svg.locator("rect.chart-segment")).to_have_count(1)
    expect(svg).to_contain_text(f"{number(entry.total)} · hạng {entry.rank}/2")
    (row,) = table_rows(page)
    assert row[1:] == [number(entry.total), f"hạng {entry.rank}/2"]
    no_sideways_scroll(page)
    shoot(page, "unit-results-phone")


def test_the_sector_overview_draws_results_per_cluster_and_awards_per_year(
    new_page, live_server, admin_user, titles
):
    sector_season(3, titles)
    for name, (width, height) in WIDTHS.items():
        page = new_page(width=width, height=height)
        sign_in(page, live_server, admin_user.username, PASSWORD)
        page.goto(f"{live_server.url}/")
        expect(page.get_by_role("heading", name="Toàn cảnh ngành")).to_be_visible()
        results = page.locator("[data-overview=results] svg.chart-svg")
        expect(results).to_be_visible()
        assert results.get_attribute("data-bars") == "3"
        # Submitted and not yet submitted, per cluster.
        expect(results.locator("rect.chart-segment")).to_have_count(6)
        awards = page.locator("[data-overview=awards] svg.chart-svg")
        expect(awards.locator("rect.chart-segment")).to_have_count(1)
        assert awards.bounding_box()["height"] > 100
        rows = page.locator("[data-overview=results] details.chart-data tbody tr").evaluate_all(
            "rows => rows.map(r => r.cells[r.cells.length - 1].textContent.trim())"
        )
        assert rows == ["3/6 đã gửi"] * 3
        # A figure leads to its list.
        ballots = page.locator("[data-overview=ballots] li a")
        expect(ballots).to_contain_text("3")
        no_sideways_scroll(page)
        shoot(page, f"overview-{name}")
    ballots.click()
    expect(page).to_have_url(f"{live_server.url}/ballots/")
