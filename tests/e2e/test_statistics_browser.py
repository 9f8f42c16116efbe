"""The ministry statistics in a real browser: from the top bar to a cluster's form, and the
form as it prints (the page's chrome hidden, the table whole)."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import sign_in
from tests.factories.evaluations import AwardRecordFactory
from tests.factories.units import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_secretariat_opens_and_prints_the_clusters_form(
    new_page, live_server, secretariat, cluster_year, our_unit, other_unit, titles
):
    cluster_year.year = 2019
    cluster_year.save(update_fields=["year"])
    for unit, decided in ((our_unit, date(2019, 1, 18)), (other_unit, date(2019, 9, 2))):
        AwardRecordFactory(
            title=titles["BK_TTCP", "collective"], unit=unit, year=2018, decision_date=decided
        )
    page = new_page()
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.get_by_role("link", name="Thống kê").first.click()
    page.get_by_label("Năm báo cáo").fill("2019")
    page.get_by_role("button", name="Xem").click()
    row = page.get_by_role("row").filter(has_text=cluster_year.cluster.name)
    row.get_by_role("link", name="Trang in").nth(2).click()  # the third form: 0603
    expect(page.get_by_text("Biểu số: 0603.N/BNV-TĐKT")).to_be_visible()
    expect(page.locator('[data-cell="01-1"]')).to_have_text("2")
    expect(page.locator('[data-cell="02-2"]')).to_have_text("2")  # collectives, Bằng khen
    expect(page.get_by_role("button", name="In")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".navbar")).to_be_hidden()
    expect(page.get_by_role("button", name="In")).to_be_hidden()
    expect(page.locator(".statistics-table")).to_be_visible()
    assert page.pdf(landscape=True)[:4] == b"%PDF"
