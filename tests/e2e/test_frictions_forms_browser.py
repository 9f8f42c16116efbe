"""Issue 14 in a real browser: the campaign form saves after a small change, and a pledge
gets five commitments in one save (rows added and removed in the page)."""

from datetime import date

import pytest
from playwright.sync_api import expect

from pledges.models import Pledge
from tests.e2e.browser import sign_in
from tests.factories.units import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

COMMITMENTS = [
    ("Hoàn thành 100% kế hoạch thanh tra", "100% kế hoạch"),
    ("Giải quyết dứt điểm đơn thư khiếu nại", "Trên 90%"),
    ("Phòng, chống tham nhũng", "Không để xảy ra vi phạm"),
    ("Cải cách hành chính", "Rút ngắn thời gian xử lý"),
    ("Phong trào văn hóa, thể thao", "Tham gia đầy đủ"),
]


def test_secretariat_moves_a_deadline_and_renames_a_phase(
    new_page, live_server, secretariat, campaign
):
    page = new_page()
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/campaigns/{campaign.pk}/edit/")
    page.locator("#id_phases-0-results_deadline").fill("15/07/2025")
    page.locator("#id_phases-1-name").fill("Tổng kết năm")
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã lưu phong trào thi đua.")
    expect(page.get_by_text("Tổng kết năm").first).to_be_visible()
    expect(page.get_by_text("15/07/2025").first).to_be_visible()
    phases = list(campaign.phases.order_by("start_date").values_list("name", "results_deadline"))
    assert phases == [("Đợt 1", date(2025, 7, 15)), ("Tổng kết năm", date(2025, 12, 5))]


def test_a_pledge_with_five_commitments_in_one_save(
    new_page, live_server, secretariat, cluster_year
):
    page = new_page()
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/pledges/new/")
    page.locator("#id_cluster_year").select_option(str(cluster_year.pk))
    page.locator("#id_title").fill("Giao ước thi đua năm 2025")
    add = page.get_by_role("button", name="Thêm nội dung")
    for _ in range(4):  # two blank rows shown; four more, one of them removed again
        add.click()
    expect(page.locator("[data-formset-row]:visible")).to_have_count(6)
    page.get_by_role("button", name="Bỏ nội dung này").nth(2).click()
    rows = page.locator("[data-formset-row]:visible")
    expect(rows).to_have_count(5)
    for row, (content, target) in zip(rows.all(), COMMITMENTS, strict=True):
        row.get_by_label("Nội dung thi đua").fill(content)
        row.get_by_label("Chỉ tiêu").fill(target)
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã lưu giao ước.")
    pledge = Pledge.objects.get(title="Giao ước thi đua năm 2025")
    assert list(pledge.commitments.values_list("content", "target")) == COMMITMENTS
    for content, _target in COMMITMENTS:
        expect(page.get_by_text(content)).to_be_visible()


def test_without_javascript_more_rows_come_from_saving(new_page, live_server, secretariat, pledge):
    page = new_page(javascript=False)
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/pledges/{pledge.pk}/edit/")
    expect(page.get_by_role("button", name="Thêm nội dung")).to_be_hidden()
    page.locator("#id_commitments-2-content").fill("Cải cách hành chính công")
    page.get_by_role("button", name="Lưu và thêm dòng").click()
    expect(page.locator("#id_commitments-2-content")).to_have_value("Cải cách hành chính công")
    expect(page.locator("#id_commitments-4-content")).to_have_value("")  # two new blank rows
    assert pledge.commitments.count() == 3
