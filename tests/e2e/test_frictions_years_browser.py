"""A cluster year rolled forward in the browser: the secretariat opens last year's page,
creates next year from it, adjusts the proposal (a first try with a ministry inspectorate
is refused in Vietnamese, everything typed kept), saves, and lands on the new year's page
with its links; the change log tells what happened in a sentence."""

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import sign_in
from tests.factories.campaigns import CampaignFactory
from tests.factories.units import PASSWORD, ClusterMembershipFactory, UnitFactory
from units.choices import UnitKind
from units.models import ClusterYear, Unit

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_secretariat_rolls_a_cluster_year_forward(
    new_page, live_server, secretariat, cluster_year, our_unit, other_unit
):
    our_unit.name, other_unit.name = "Thanh tra tỉnh Bắc Ninh", "Thanh tra tỉnh Hưng Yên"
    our_unit.save()
    other_unit.save()
    third = ClusterMembershipFactory(
        cluster_year=cluster_year, unit__name="Thanh tra tỉnh Ninh Bình"
    ).unit
    cluster_year.chair_unit, cluster_year.vice_chair_unit = our_unit, other_unit
    cluster_year.save()
    UnitFactory(name="Thanh tra Bộ Công Thương", kind=UnitKind.MINISTRY_INSPECTORATE)
    cluster = cluster_year.cluster

    page = new_page()
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/clusters/{cluster.pk}/{cluster_year.year}/")
    page.get_by_role("link", name="Tạo năm 2026 từ năm này").click()
    expect(page.get_by_role("heading", name="tạo năm 2026")).to_be_visible()
    # The proposal: the vice-chair becomes chair, the next member vice-chair.
    expect(page.get_by_label("Đơn vị cụm trưởng")).to_have_value(str(other_unit.pk))
    expect(page.get_by_label("Đơn vị cụm phó")).to_have_value(str(third.pk))
    expect(page.get_by_label("Thanh tra tỉnh Bắc Ninh")).to_be_checked()
    expect(page.get_by_label(secretariat.get_full_name(), exact=False)).to_be_checked()

    page.get_by_label("Chủ đề năm").fill("Đổi mới, sáng tạo, hiệu quả")
    # The unit to add is found by typing its name (the server answers the search field).
    page.locator("input[name=add_member__q]").press_sequentially("bo cong thuong", delay=20)
    expect(page.locator("#id_add_member option")).to_have_count(2)  # "—" and the one match
    expect(page.locator("#id_add_member")).to_have_value(
        str(Unit.objects.get(name="Thanh tra Bộ Công Thương").pk)
    )
    page.get_by_role("button", name="Tạo năm thi đua").click()
    expect(page.locator("#form-error-summary")).to_contain_text("Luật Thanh tra")
    expect(page.get_by_label("Chủ đề năm")).to_have_value("Đổi mới, sáng tạo, hiệu quả")
    assert not ClusterYear.objects.filter(cluster=cluster, year=2026).exists()

    page.locator("input[name=add_member__q]").fill("")
    page.locator("#id_add_member").select_option("")
    page.get_by_label("Đơn vị cụm phó").select_option(str(our_unit.pk))
    page.get_by_role("button", name="Tạo năm thi đua").click()

    expect(page).to_have_url(f"{live_server.url}/clusters/{cluster.pk}/2026/")
    expect(page.get_by_role("alert").filter(has_text="Đã tạo")).to_be_visible()
    expect(page.get_by_text("Đổi mới, sáng tạo, hiệu quả")).to_be_visible()
    new = ClusterYear.objects.get(cluster=cluster, year=2026)
    assert (new.chair_unit, new.vice_chair_unit) == (other_unit, our_unit)
    assert new.memberships.count() == 3

    # The new year's page links its work; a campaign of the year shows up there.
    CampaignFactory(cluster_year=new, title="Phong trào thi đua năm 2026")
    page.reload()
    links = page.locator("#year-links + ul")
    expect(links.get_by_role("link", name="Phong trào thi đua năm 2026")).to_be_visible()
    expect(links.get_by_role("link", name="Bảng vinh danh")).to_be_visible()
    expect(page.get_by_role("link", name="Tạo năm 2027 từ năm này")).to_be_visible()

    page.goto(f"{live_server.url}/audit/")
    expect(
        page.get_by_text(f"{secretariat.get_full_name()} tạo {new} từ năm trước")
    ).to_be_visible()
    expect(page.get_by_text("clusteryear.roll_forward")).to_have_count(0)
