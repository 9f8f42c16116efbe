"""Issue 3 in a real browser: a secretariat sets up a campaign; officers see it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from campaigns.models import Campaign, Rubric
from tests.e2e.browser import sign_in
from tests.factories.campaigns import CriterionFactory, RubricFactory, RubricGroupFactory
from tests.factories.units import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def d(day):
    return day.strftime("%d/%m/%Y")


def test_secretariat_sets_up_campaign_and_officer_sees_deadline(
    new_page, live_server, secretariat, officer, campaign, cluster_year
):
    last_year = RubricFactory(campaign=campaign, title="Tiêu chí năm trước", tie_break_groups="A")
    group = RubricGroupFactory(rubric=last_year, code="A", title="Thanh tra")
    CriterionFactory(group=group, code="A1", title="Kế hoạch thanh tra")
    today = timezone.localdate()
    start, end = today - timedelta(days=30), today + timedelta(days=200)

    page = new_page()
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/campaigns/new/")
    page.locator("#id_title").fill("Phong trào thi đua mới")
    page.locator("#id_scope").select_option("cluster_year")
    page.locator("#id_cluster_year").select_option(str(cluster_year.pk))
    page.locator("#id_start_date").fill(d(start))
    page.locator("#id_end_date").fill(d(end))
    page.locator("#id_content_areas_text").fill(
        "Hoàn thành kế hoạch thanh tra\nCải cách hành chính"
    )
    # Phase 2 overlaps phase 1 at first: refused, nothing typed is lost.
    page.locator("#id_phases-0-name").fill("Sơ kết")
    page.locator("#id_phases-0-start_date").fill(d(start))
    page.locator("#id_phases-0-end_date").fill(d(today + timedelta(days=60)))
    page.locator("#id_phases-0-results_deadline").fill(d(today + timedelta(days=10)))
    page.locator("#id_phases-1-name").fill("Tổng kết")
    page.locator("#id_phases-1-start_date").fill(d(today + timedelta(days=30)))
    page.locator("#id_phases-1-end_date").fill(d(end))
    page.locator("#id_phases-1-review_kind").select_option("final")
    page.locator("#id_phases-1-results_deadline").fill(d(end))
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("các đợt không được trùng thời gian")).to_be_visible()
    expect(page.locator("#id_phases-1-name")).to_have_value("Tổng kết")
    page.locator("#id_phases-1-start_date").fill(d(today + timedelta(days=61)))
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("heading", name="Phong trào thi đua mới")).to_be_visible()
    created = Campaign.objects.get(title="Phong trào thi đua mới")
    assert created.phases.count() == 2

    # Copy last year's rubric as the starting point.
    page.get_by_role("link", name="Tạo bảng tiêu chí").click()
    page.locator("#id_source").select_option(str(last_year.pk))
    page.get_by_role("button", name="Sao chép", exact=True).click()
    expect(page.locator("#id_criteria-0-code")).to_have_value("A1")
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_role("cell", name="Kế hoạch thanh tra")).to_be_visible()
    assert Rubric.objects.get(campaign=created).criteria.count() == 1

    # An officer of a member unit sees the campaign and its deadline on the dashboard.
    officer_page = new_page()
    sign_in(officer_page, live_server, officer.username, PASSWORD)
    deadlines = officer_page.locator(
        "section", has=officer_page.get_by_role("heading", name="Hạn sắp tới")
    )
    expect(deadlines).to_contain_text("Sơ kết")
    expect(deadlines).to_contain_text(re.compile(r"còn 10 ngày"))
    deadlines.get_by_role("link", name=re.compile("Sơ kết")).click()
    # The deadline leads to the unit's results for that phase.
    expect(officer_page.get_by_role("button", name="Bắt đầu nhập kết quả")).to_be_visible()
    officer_page.goto(f"{live_server.url}/campaigns/{created.pk}/")
    expect(officer_page.get_by_role("heading", name="Tiến trình")).to_be_visible()
    expect(officer_page.get_by_role("link", name="Sửa phong trào và các đợt")).to_have_count(0)
