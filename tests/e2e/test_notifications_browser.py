"""Notifications in a real browser: the secretariat opens a pledge for signing; the leader
finds it under the bell, opens it, and the bell clears; the officer, whom it does not
concern, sees nothing."""

import re

import pytest
from playwright.sync_api import expect

from pledges import services
from tests.e2e.browser import sign_in
from tests.factories.pledges import CommitmentFactory, PledgeFactory
from tests.factories.units import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_notification_appears_for_an_event_and_clears_when_read(
    new_page, live_server, secretariat, leader, officer, cluster_year
):
    pledge = PledgeFactory(cluster_year=cluster_year, title="Giao ước thi đua năm 2026")
    CommitmentFactory(pledge=pledge)

    reader = new_page()
    sign_in(reader, live_server, leader.username, PASSWORD)
    bell = reader.locator(".notification-bell:visible")
    expect(bell.locator(".notification-count")).to_have_count(0)

    page = new_page()
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/pledges/{pledge.pk}/")
    page.get_by_role("button", name="Mở ký kết").click()
    expect(page.get_by_text("chưa ký").first).to_be_visible()

    reader.reload()
    expect(bell.locator(".notification-count")).to_have_text(re.compile(r"^1"))
    bell.get_by_role("link").click()
    item = reader.locator(".notification-list li").first
    expect(item).to_contain_text("Giao ước “Giao ước thi đua năm 2026” đang mở để ký")
    item.get_by_role("button", name="Mở", exact=True).click()
    expect(reader).to_have_url(re.compile(rf"/pledges/{pledge.pk}/$"))
    expect(bell.locator(".notification-count")).to_have_count(0)
    bell.get_by_role("link").click()
    expect(reader.locator(".notification-list li").first).not_to_contain_text("Mới")

    # The officer signs nothing: the event is not theirs.
    other = new_page(width=390, height=844)
    sign_in(other, live_server, officer.username, PASSWORD)
    expect(other.locator(".notification-bell:visible .notification-count")).to_have_count(0)
    other.goto(f"{live_server.url}/notifications/")
    expect(other.get_by_text("Chưa có thông báo nào.")).to_be_visible()


def test_mark_all_as_read_works_without_javascript(
    new_page, live_server, secretariat, leader, cluster_year
):
    for title in ("Giao ước A", "Giao ước B"):
        pledge = PledgeFactory(cluster_year=cluster_year, title=title)
        CommitmentFactory(pledge=pledge)
        services.pledge_open(pledge=pledge, actor=secretariat)
    page = new_page(javascript=False)
    sign_in(page, live_server, leader.username, PASSWORD)
    page.goto(f"{live_server.url}/notifications/")
    expect(page.locator(".notification-list li")).to_have_count(2)
    page.get_by_role("button", name="Đánh dấu tất cả là đã đọc").click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã đánh dấu 2 thông báo")
    expect(page.locator(".notification-bell:visible .notification-count")).to_have_count(0)
