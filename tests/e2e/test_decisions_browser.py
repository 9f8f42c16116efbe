"""A cluster's forwarded proposals to a recorded award decision in a real browser: the
administrator drafts the decision from the cluster year's page (the whole batch ticked),
records the signed decision, downloads the decision with its annex as .docx, prints the
certificates (the task queue's worker renders them) and downloads the PDF, then finds the
awardee in the award lookup by her name typed without accents."""

from datetime import date
from io import BytesIO

import docx
import pytest
from django.utils import translation
from playwright.sync_api import expect

from evaluations.awards import base_salaries
from evaluations.awards.models import AwardRecord, BaseSalary
from evaluations.decisions.choices import DecisionStatus
from evaluations.decisions.models import AwardDecision
from evaluations.proposals.choices import ProposalStatus
from tests.e2e.browser import sign_in
from tests.evaluations.certificates.helpers import pdf_pages, run_worker
from tests.factories.evaluations import AwardProposalFactory, IssuingAuthorityFactory
from tests.factories.units import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


def vi(message):
    with translation.override("vi"):
        return translation.gettext(message)


def docx_text(path) -> str:
    with open(path, "rb") as handle:
        document = docx.Document(BytesIO(handle.read()))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(texts)


def test_forwarded_proposals_to_a_recorded_decision_and_its_docx(
    new_page,
    live_server,
    admin_user,
    cluster_year,
    our_unit,
    other_unit,
    titles,
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path
    base_salaries.load(BaseSalary)
    authority = IssuingAuthorityFactory()
    person = PersonFactory(unit=other_unit, full_name="Trần Thị Lan")
    for unit, who, title in (
        (our_unit, None, titles[("BK_TTCP", "collective")]),
        (other_unit, person, titles[("BK_TTCP", "person")]),
    ):
        AwardProposalFactory(
            cluster_year=cluster_year,
            unit=unit,
            person=who,
            title=title,
            status=ProposalStatus.FORWARDED,
        )

    page = new_page()
    sign_in(page, live_server, admin_user.username, PASSWORD)
    page.goto(f"{live_server.url}/clusters/{cluster_year.cluster_id}/{cluster_year.year}/")
    page.get_by_role("link", name=vi("Draft a decision from the forwarded proposals")).click()
    checkboxes = page.locator("input[name=proposals]")
    expect(checkboxes).to_have_count(2)
    for index in range(2):
        expect(checkboxes.nth(index)).to_be_checked()  # the whole batch
    page.locator("#id_authority").select_option(str(authority.pk))
    page.locator("#id_subject").fill("Về việc tặng Bằng khen của Tổng Thanh tra Chính phủ")
    page.get_by_role("button", name=vi("Draft the decision")).click()
    expect(
        page.get_by_role("alert").filter(has_text=vi("The draft decision was made."))
    ).to_be_visible()

    page.get_by_role("link", name=vi("Record the signed decision")).click()
    page.locator("#id_number").fill("123")
    page.locator("#id_date").fill("20/12/2025")
    page.locator("#id_signer_name").fill("Nguyễn Văn Ký")
    page.locator("#id_signer_position").fill("Phó Tổng Thanh tra")
    page.locator("#id_sign_form").select_option("KT.")
    page.get_by_role("button", name=vi("Record and approve every line")).click()
    expect(
        page.get_by_role("alert").filter(
            has_text=vi("The decision was recorded; its awards are in the award history.")
        )
    ).to_be_visible()
    decision = AwardDecision.objects.get()
    assert decision.status == DecisionStatus.RECORDED
    assert decision.date == date(2025, 12, 20)
    assert AwardRecord.objects.filter(decision=decision).count() == 2

    with page.expect_download() as download:
        page.get_by_role("link", name=vi("Decision with annex (.docx)")).click()
    assert download.value.suggested_filename == "Quyet_dinh_123-QD-TTCP.docx"
    text = docx_text(download.value.path())
    assert "Số: 123/QĐ-TTCP" in text
    assert "Hà Nội, ngày 20 tháng 12 năm 2025" in text
    assert "Trần Thị Lan" in text and our_unit.name in text

    # The certificates: printed in one batch by the queue's worker, one page per award.
    page.get_by_role("link", name=vi("Certificates (PDF)")).click()
    page.get_by_role("button", name=vi("Print all certificates (PDF)")).click()
    run_worker()  # as `make run` runs it beside the server
    link = page.get_by_role("link", name=vi("Download the certificates (PDF)"))
    expect(link).to_be_visible(timeout=15_000)
    with page.expect_download() as download:
        link.click()
    with open(download.value.path(), "rb") as handle:
        pages = pdf_pages(handle.read())
    assert len(pages) == 2
    assert any("Trần Thị Lan" in text and "123/QĐ-TTCP" in text for text in pages)

    # Years later: the award lookup finds her by the name typed without accents.
    page.goto(f"{live_server.url}/awards/lookup/")
    page.get_by_label("Tên", exact=True).fill("tran thi lan")
    page.get_by_role("button", name="Tra cứu", exact=True).click()
    table = page.locator(".award-lookup table")
    expect(table.get_by_role("cell", name="Trần Thị Lan")).to_be_visible()
    expect(table.get_by_text("123/QĐ-TTCP")).to_be_visible()
