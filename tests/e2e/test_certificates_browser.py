"""Printing a decision's certificates in a real browser, without JavaScript: the print
button queues the batch, the page reloads itself (HTTP Refresh) while the task queue's
worker renders it, then offers the PDF, whose text carries the awardee's name."""

from datetime import date
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.browser import sign_in
from tests.evaluations.certificates.helpers import award, pdf_pages, recorded_decision, run_worker
from tests.factories.units import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


def vi(message):
    with translation.override("vi"):
        return translation.gettext(message)


def test_print_wait_and_download_without_javascript(
    new_page, live_server, admin_user, titles, our_unit, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    decision = recorded_decision(number="575", on=date(2020, 1, 20))
    hang = PersonFactory(unit=our_unit, full_name="Nguyễn Thị Hằng")
    award(decision, title=titles[("BK_TTCP", "person")], unit=our_unit, person=hang)

    page = new_page(javascript=False)
    sign_in(page, live_server, admin_user.username, PASSWORD)
    page.goto(f"{live_server.url}/decisions/{decision.pk}/certificates/")
    page.get_by_role("button", name=vi("Print all certificates (PDF)")).click()
    expect(page.locator("#batch-progress")).to_be_visible()
    expect(page.get_by_role("link", name=vi("Download the certificates (PDF)"))).to_have_count(0)

    run_worker()  # the queue's worker, as `make run` runs beside the server

    link = page.get_by_role("link", name=vi("Download the certificates (PDF)"))
    expect(link).to_be_visible(timeout=15_000)  # the page reloaded itself
    with page.expect_download() as download:
        link.click()
    content = Path(download.value.path()).read_bytes()
    assert "Nguyễn Thị Hằng" in pdf_pages(content)[0]
