"""The foundation in a real browser: sign-in, navigation by role, forms, phone width."""

import re
from io import BytesIO

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from tests.e2e.browser import sign_in
from tests.factories.units import PASSWORD, PersonFactory
from units.models import Person

pytestmark = pytest.mark.django_db(transaction=True)


def test_officer_signs_in_and_sees_their_unit(new_page, live_server, officer, our_unit):
    PersonFactory(unit=our_unit, full_name="Nguyễn Thị Minh Khai")
    page = new_page()
    sign_in(page, live_server, officer.username, PASSWORD)
    expect(page.get_by_role("heading", name=re.compile("Xin chào"))).to_be_visible()
    expect(page.get_by_role("link", name="Quản trị")).to_have_count(0)  # not an administrator
    page.get_by_role("link", name="Đơn vị của tôi").first.click()
    expect(page.get_by_role("heading", name=our_unit.name)).to_be_visible()
    expect(page.get_by_role("cell", name="Nguyễn Thị Minh Khai", exact=True)).to_be_visible()


def test_wrong_password_shows_error_and_keeps_username(new_page, live_server, officer):
    page = new_page()
    sign_in(page, live_server, officer.username, "sai-mat-khau")
    expect(page.locator("#form-error-summary")).to_contain_text("Sai tên đăng nhập hoặc mật khẩu")
    expect(page.get_by_label("Tên đăng nhập")).to_have_value(officer.username)


def test_add_person_form_error_keeps_input_then_saves(new_page, live_server, officer, our_unit):
    page = new_page()
    sign_in(page, live_server, officer.username, PASSWORD)
    page.goto(f"{live_server.url}/units/{our_unit.pk}/staff/add/")
    page.get_by_label("Họ và tên").fill("Trần Văn Bảo")
    page.get_by_label("Email").fill("khong-hop-le")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#form-error-summary")).to_be_visible()
    expect(page.get_by_label("Họ và tên")).to_have_value("Trần Văn Bảo")
    page.get_by_label("Giới tính").select_option(label="Nam")
    page.get_by_label("Email").fill("bao@example.org")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("alert").filter(has_text="Trần Văn Bảo")).to_be_visible()
    assert Person.objects.filter(unit=our_unit, full_name="Trần Văn Bảo").exists()


def test_staff_import_reports_rows_in_the_browser(
    new_page, live_server, officer, our_unit, tmp_path
):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Họ và tên", "Giới tính"])
    sheet.append(["Lê Thị Hoa", "Nữ"])
    sheet.append(["", "Nam"])
    path = tmp_path / "danh-sach.xlsx"
    buffer = BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())
    page = new_page()
    sign_in(page, live_server, officer.username, PASSWORD)
    page.goto(f"{live_server.url}/units/{our_unit.pk}/staff/import/")
    page.get_by_label("Danh sách cán bộ (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Nhập", exact=True).click()
    expect(page.get_by_role("table").filter(has_text="Họ và tên")).to_contain_text("3")
    assert not Person.objects.filter(unit=our_unit).exists()


def test_phone_width_menu_and_language_switch(new_page, live_server, officer):
    page = new_page(width=390, height=844)
    sign_in(page, live_server, officer.username, PASSWORD)
    menu = page.get_by_role("button", name="Mở menu")
    expect(menu).to_be_visible()
    menu.click()
    # Bootstrap animates the menu open ("collapsing"); click only once it is shown.
    expect(page.locator("#mainnav")).to_have_class(re.compile(r"\bshow\b"))
    expect(page.get_by_role("link", name="Cụm thi đua", exact=True)).to_be_visible()
    page.get_by_role("button", name="EN", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("Hello"))).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
