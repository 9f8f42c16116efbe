"""A unit imports a nominee list from the .xlsx template in a real browser: a wrong row is
reported and nothing saved; the corrected file makes one list whose page shows each
nominee's eligibility findings."""

from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from evaluations.proposals.models import AwardProposal, NomineeList
from tests.e2e.browser import sign_in
from tests.factories.units import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_unit_imports_a_nominee_list_and_sees_its_findings(
    new_page, live_server, officer, cluster_year, our_unit, titles, tmp_path
):
    PersonFactory(unit=our_unit, full_name="Nguyễn Văn An", staff_code="CB01")
    PersonFactory(unit=our_unit, full_name="Trần Thị Bình", staff_code="CB02")

    page = new_page()
    sign_in(page, live_server, officer.username, PASSWORD)
    page.goto(f"{live_server.url}/proposals/")
    page.get_by_role("link", name="Danh sách đề nghị mới").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải tệp mẫu (.xlsx)").click()
    workbook = load_workbook(BytesIO(download.value.path().read_bytes()))
    sheet = workbook.active
    sheet.delete_rows(2, sheet.max_row)  # the example row
    sheet.append(["CB01", "Nguyễn Văn An", "Hoàn thành tốt nhiệm vụ", "Dẫn đầu đoàn thanh tra", ""])
    sheet.append(["CB09", "Không Có Ai", "", "", ""])
    wrong = tmp_path / "danh-sach-sai.xlsx"
    workbook.save(wrong)

    page.locator("#id_title").select_option(str(titles[("LDTT", "person")].pk))
    page.locator("#id_summary").fill("Hoàn thành nhiệm vụ năm 2025.")
    page.locator("#id_no_pending_discipline").check()
    page.locator("#id_file").set_input_files(str(wrong))
    page.get_by_role("button", name="Lưu danh sách").click()
    errors = page.locator("#row-errors")
    expect(errors).to_contain_text("Không có cán bộ nào của đơn vị có mã này.")
    expect(errors.locator("tbody tr")).to_have_count(1)
    assert not NomineeList.objects.exists()

    sheet.delete_rows(3)
    sheet.append(["CB02", "Trần Thị Bình", "Hoàn thành nhiệm vụ", "", ""])
    fixed = tmp_path / "danh-sach.xlsx"
    workbook.save(fixed)
    page.locator("#id_file").set_input_files(str(fixed))
    page.get_by_role("button", name="Lưu danh sách").click()

    expect(page.get_by_role("alert").first).to_contain_text("Đã lưu bản nháp danh sách 2")
    expect(page.locator(".nominee-findings-summary")).to_contain_text(
        "1 đề nghị đáp ứng các điều kiện bắt buộc; 1 đề nghị không đáp ứng"
    )
    rows = page.locator(".nominee-rows tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="Trần Thị Bình")).to_contain_text("R2")
    expect(rows.filter(has_text="Nguyễn Văn An")).not_to_contain_text("R2")
    assert AwardProposal.objects.filter(nominee_list__isnull=False).count() == 2
