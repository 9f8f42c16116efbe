"""Issue 4 in a real browser: draft, open, every leader signs; a unit registers titles."""

import re

import docx
import pytest
from playwright.sync_api import expect

from pledges.choices import PledgeStatus, RegistrationStatus
from pledges.models import Pledge, Registration
from tests.e2e.browser import sign_in
from tests.factories.units import PASSWORD, PersonFactory, RoleAssignmentFactory, UserFactory
from units.choices import Role

pytestmark = pytest.mark.django_db(transaction=True)


def test_pledge_drafted_opened_and_signed_by_every_leader(
    new_page, live_server, secretariat, leader, cluster_year, our_unit, other_unit
):
    other_leader = UserFactory(unit=other_unit)
    RoleAssignmentFactory(user=other_leader, role=Role.UNIT_LEADER, unit=other_unit)

    page = new_page()
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/pledges/new/")
    page.locator("#id_cluster_year").select_option(str(cluster_year.pk))
    page.locator("#id_title").fill("Giao ước thi đua năm 2026")
    page.locator("#id_signing_date").fill("06/03/2026")
    page.locator("#id_place_name").fill("Hưng Yên")
    page.locator("#id_commitments-0-content").fill("Hoàn thành 100% kế hoạch thanh tra")
    page.locator("#id_commitments-0-target").fill("100% kế hoạch")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_role("button", name="Mở ký kết").click()
    expect(page.get_by_text("chưa ký")).to_have_count(2)
    pledge = Pledge.objects.get(title="Giao ước thi đua năm 2026")

    for user in (leader, other_leader):
        signer = new_page(width=390, height=844)  # leaders often sign from a phone
        sign_in(signer, live_server, user.username, PASSWORD)
        signer.get_by_role("link", name=re.compile(r"^Ký “Giao ước thi đua năm 2026”")).click()
        signer.locator("#id_signatory_name").fill(f"Lãnh đạo {user.pk}")
        signer.locator("#id_position").fill("Chánh Thanh tra")
        signer.get_by_role("button", name="Ký", exact=True).click()
        expect(signer.get_by_role("alert").first).to_be_visible()

    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.SIGNED
    page.reload()
    with page.expect_download() as download:
        page.get_by_role("link", name="Văn bản Word (.docx)").click()
    document = docx.Document(str(download.value.path()))
    cells = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert our_unit.name.upper() in cells and other_unit.name.upper() in cells


def test_unit_registers_titles_and_submits(
    new_page, live_server, officer, our_unit, registration_round, titles
):
    person = PersonFactory(unit=our_unit, full_name="Phạm Thị Thu")
    page = new_page()
    sign_in(page, live_server, officer.username, PASSWORD)
    page.goto(f"{live_server.url}/registrations/rounds/{registration_round.pk}/mine/")
    page.get_by_role("button", name="Bắt đầu đăng ký").click()
    page.locator("#id_items-0-title").select_option(str(titles[("TTLDXS", "collective")].pk))
    page.locator("#id_items-1-title").select_option(str(titles[("CSTDCS", "person")].pk))
    page.locator("#id_items-1-person").select_option(str(person.pk))
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_role("note").first).to_contain_text("R1")  # the rule warning, at once
    page.get_by_role("button", name="Lưu và gửi").click()
    registration = Registration.objects.get(unit=our_unit)
    assert registration.status == RegistrationStatus.SUBMITTED
