"""Finding things in a real browser: a name typed without accents in the top bar's search
and in the award lookup finds the person."""

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import sign_in
from tests.factories.evaluations import AwardRecordFactory
from tests.factories.units import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def awarded(our_unit, titles):
    person = PersonFactory(unit=our_unit, full_name="Nguyễn Văn An")
    AwardRecordFactory(
        title=titles[("CSTDCS", "person")],
        unit=our_unit,
        person=person,
        year=2024,
        decision_number="123/QĐ-TTCP",
    )
    return person


def test_top_bar_search_finds_the_person_typed_without_accents(
    new_page, live_server, officer, awarded, our_unit
):
    # 1200-1399 px wide, where the menu fills the bar: a link to the search page.
    narrow = new_page(width=1280)
    sign_in(narrow, live_server, officer.username, PASSWORD)
    narrow.get_by_role("link", name="Tìm trong toàn bộ hệ thống").click()
    expect(narrow.get_by_role("heading", name="Tìm kiếm")).to_be_visible()

    page = new_page(width=1440)
    sign_in(page, live_server, officer.username, PASSWORD)
    box = page.get_by_role("searchbox", name="Tìm trong toàn bộ hệ thống")
    box.fill("nguyen van an")
    box.press("Enter")
    people = page.locator("section.search-group").filter(has_text="Cán bộ")
    expect(people.get_by_role("link", name="Nguyễn Văn An")).to_be_visible()
    people.get_by_role("link", name="Nguyễn Văn An").click()
    expect(page.get_by_role("heading", name=our_unit.name).first).to_be_visible()


def test_award_lookup_finds_the_person_typed_without_accents(
    new_page, live_server, outsider_officer, awarded
):
    page = new_page()
    sign_in(page, live_server, outsider_officer.username, PASSWORD)
    page.goto(f"{live_server.url}/awards/lookup/")
    page.get_by_label("Tên", exact=True).fill("nguyen van an")
    page.get_by_role("button", name="Tra cứu", exact=True).click()
    table = page.locator(".award-lookup table")
    expect(table.get_by_role("cell", name="Nguyễn Văn An")).to_be_visible()
    expect(table.get_by_text("123/QĐ-TTCP")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất .xlsx").click()
    assert download.value.suggested_filename == "tra-cuu-khen-thuong.xlsx"
