"""A decision's certificates, printed through the task queue's own worker: one PDF page per
award, its text readable with diacritics, register numbers given once and kept."""

from datetime import date

import pytest
from django.urls import reverse

from evaluations.certificates import services
from evaluations.certificates.choices import FieldKind
from evaluations.certificates.models import (
    Certificate,
    CertificateBatch,
    CertificateLayout,
    CertificateReprint,
)
from tests.evaluations.certificates.helpers import (
    authority,
    award,
    pdf_pages,
    recorded_decision,
    run_worker,
)
from tests.factories.units import UnitFactory
from tests.helpers.browser_form import form_data
from units.models import AuditEntry

# The worker commits its own transactions, as on a real machine.
pytestmark = pytest.mark.django_db(transaction=True)


def start_and_run(client, decision):
    """Press "print" on the decision's page, let the worker run, follow the batch page."""
    page = client.get(reverse("evaluations:decision_certificates", args=[decision.pk]))
    response = client.post(page.wsgi_request.path, form_data(page.content))
    batch = CertificateBatch.objects.filter(decision=decision).latest("pk")
    assert response.url == reverse("evaluations:certificate_batch", args=[batch.pk])
    waiting = client.get(response.url)
    assert waiting["Refresh"]  # the page reloads itself (no JavaScript needed)
    run_worker()
    batch.refresh_from_db()
    return batch


def download(client, batch) -> bytes:
    response = client.get(reverse("evaluations:certificate_batch_download", args=[batch.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


def test_a_decision_prints_one_page_per_award_with_its_text(client, admin_user, decision, media):
    client.force_login(admin_user)
    batch = start_and_run(client, decision)

    assert batch.is_ready and (batch.done, batch.total) == (2, 2)
    page = client.get(reverse("evaluations:certificate_batch", args=[batch.pk]))
    assert "Refresh" not in page
    assert (
        reverse("evaluations:certificate_batch_download", args=[batch.pk]) in page.content.decode()
    )
    assert str(media) in batch.file.path  # a real file under MEDIA_ROOT

    pages = pdf_pages(download(client, batch))
    assert len(pages) == 2
    text = "\n".join(pages)
    assert "Nguyễn Thị Hằng" in text
    assert "Thanh tra viên" in text
    assert "Quyết định số 123/QĐ-TTCP, ngày 15 tháng 01 năm 2020" in text
    assert "Hà Nội, ngày 15 tháng 01 năm 2020" in text
    assert "KT. TỔNG THANH TRA CHÍNH PHỦ" in text and "Lê Minh Khái" in text
    assert {"Số sổ vàng: 1", "Số sổ vàng: 2"} <= {line.strip() for line in text.splitlines()}
    assert AuditEntry.objects.filter(action="certificatebatch.start", actor=admin_user).count() == 1


def test_a_field_the_blank_lacks_is_printed_once_the_layout_says_so(
    client, admin_user, decision, media
):
    """Lines 3 and 5 (authority, award) are on most blanks; a layout can print them."""
    client.force_login(admin_user)
    start_and_run(client, decision)
    certificate = Certificate.objects.filter(award_record__person__isnull=False).get()
    layout = CertificateLayout.objects.get(
        authority=decision.authority, title=certificate.award_record.title
    )
    assert "Bằng khen" not in "\n".join(pdf_pages(download(client, CertificateBatch.objects.get())))

    layout.fields.filter(kind=FieldKind.AWARD_NAME).update(printed=True)
    content = services.certificate_reprint(
        certificate=certificate, actor=admin_user, reason="Bản in đầu bị hỏng"
    )
    assert "Bằng khen của Tổng Thanh tra Chính phủ" in pdf_pages(content)[0]


def test_register_numbers_run_on_per_authority_and_year_and_reprints_keep_them(
    client, admin_user, decision, titles, media
):
    client.force_login(admin_user)
    start_and_run(client, decision)
    second = recorded_decision(number="140", on=date(2020, 3, 2))
    award(
        second,
        title=titles[("BK_TTCP", "collective")],
        unit=UnitFactory(),
        name="Phòng Nghiệp vụ 1",
    )
    next_year = recorded_decision(number="7", on=date(2021, 1, 5))
    award(
        next_year,
        title=titles[("BK_TTCP", "collective")],
        unit=UnitFactory(),
        name="Phòng Nghiệp vụ 2",
    )
    province = authority("Chủ tịch UBND tỉnh Bắc Ninh")
    provincial = recorded_decision(number="55", on=date(2020, 2, 1), issuer=province)
    award(provincial, title=titles[("BK_TTCP", "collective")], unit=UnitFactory(), name="Phòng 3")
    for other in (second, next_year, provincial):
        start_and_run(client, other)

    numbers = {
        (c.authority.name, c.year, c.award_record.recipient_name): c.register_number
        for c in Certificate.objects.select_related("authority", "award_record")
    }
    assert sorted(
        n for (a, y, _), n in numbers.items() if a == decision.authority.name and y == 2020
    ) == [1, 2, 3]
    assert numbers[(decision.authority.name, 2020, "Phòng Nghiệp vụ 1")] == 3
    assert numbers[(decision.authority.name, 2021, "Phòng Nghiệp vụ 2")] == 1
    assert numbers[("Chủ tịch UBND tỉnh Bắc Ninh", 2020, "Phòng 3")] == 1

    # Printing the first decision again gives no new numbers.
    before = dict(numbers)
    start_and_run(client, decision)
    assert Certificate.objects.count() == len(before)

    # A reprint: the form from the page, a reason, the same number, who and why recorded.
    certificate = Certificate.objects.get(award_record__recipient_name="Nguyễn Thị Hằng")
    url = reverse("evaluations:certificate_reprint", args=[certificate.pk])
    data = form_data(client.get(url).content)
    data["reason"] = "Bằng bị mất khi chuyển công tác"
    response = client.post(url, data)
    assert response["Content-Type"] == "application/pdf"
    assert f"Số sổ vàng: {certificate.register_number}" in pdf_pages(response.content)[0]
    reprint = CertificateReprint.objects.get()
    assert (reprint.certificate, reprint.actor, reprint.reason) == (
        certificate,
        admin_user,
        "Bằng bị mất khi chuyển công tác",
    )
    assert AuditEntry.objects.filter(action="certificate.reprint", note=reprint.reason).exists()
    assert "Bằng bị mất khi chuyển công tác" in client.get(url).content.decode()


def test_a_reprint_without_a_reason_is_refused_and_records_nothing(
    client, admin_user, decision, media
):
    client.force_login(admin_user)
    start_and_run(client, decision)
    certificate = Certificate.objects.first()
    url = reverse("evaluations:certificate_reprint", args=[certificate.pk])
    data = form_data(client.get(url).content)
    data["reason"] = "   "
    response = client.post(url, data)
    assert response.status_code == 200
    assert "form-error-summary" in response.content.decode()
    assert not CertificateReprint.objects.exists()


def test_a_draft_decision_prints_nothing(client, admin_user, titles, our_unit, media):
    draft = recorded_decision(status="draft")
    client.force_login(admin_user)
    page = client.get(reverse("evaluations:decision_certificates", args=[draft.pk]))
    assert page.status_code == 200
    response = client.post(page.wsgi_request.path)
    assert response.status_code == 403
    assert not CertificateBatch.objects.exists()


def test_a_second_batch_waits_for_the_first(client, admin_user, decision, media):
    client.force_login(admin_user)
    url = reverse("evaluations:decision_certificates", args=[decision.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert "đang được in" in response.content.decode()
    assert CertificateBatch.objects.count() == 1
    run_worker()
    client.post(url)
    assert CertificateBatch.objects.count() == 2


def test_the_files_are_for_sector_administrators_only(
    client, admin_user, secretariat, officer, decision, media
):
    client.force_login(admin_user)
    batch = start_and_run(client, decision)
    download_url = reverse("evaluations:certificate_batch_download", args=[batch.pk])
    for user in (secretariat, officer):
        client.force_login(user)
        assert client.get(download_url).status_code == 403
    client.logout()
    assert client.get(download_url).status_code == 302
    client.force_login(admin_user)
    assert (
        client.get(
            reverse("evaluations:certificate_batch_download", args=[batch.pk + 99])
        ).status_code
        == 404
    )


def test_calibration_page_shows_every_field_at_its_place(client, admin_user, decision):
    layout = services.layout_ensure(
        authority=decision.authority, title=decision.award_records.first().title
    )
    client.force_login(admin_user)
    listing = client.get(reverse("evaluations:certificate_layouts"))
    url = reverse("evaluations:certificate_layout_calibration", args=[layout.pk])
    assert url in listing.content.decode()
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    text = pdf_pages(response.content)[0]
    assert "Trang căn chỉnh" in text
    for label in ("Tên người/tập thể được khen", "Số sổ vàng", "Họ tên người ký"):
        assert label in text


def test_a_failed_batch_says_so_and_can_be_started_again(
    client, admin_user, decision, media, monkeypatch
):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("evaluations.certificates.printing.render_pages", broken)
    client.force_login(admin_user)
    batch = start_and_run(client, decision)
    assert batch.failed and not batch.is_ready
    page = client.get(reverse("evaluations:certificate_batch", args=[batch.pk]))
    assert "Refresh" not in page and "In không thành công" in page.content.decode()

    monkeypatch.undo()
    batch = start_and_run(client, decision)
    assert batch.is_ready
    # The numbers given before the failure are kept, not given twice.
    assert sorted(Certificate.objects.values_list("register_number", flat=True)) == [1, 2]


def test_a_missing_layout_prints_with_the_default_positions(client, admin_user, decision, media):
    client.force_login(admin_user)
    url = reverse("evaluations:decision_certificates", args=[decision.pk])
    client.post(url)
    CertificateLayout.objects.all().delete()  # deleted while the batch waits in the queue
    run_worker()
    batch = CertificateBatch.objects.get()
    assert batch.is_ready
    assert "Nguyễn Thị Hằng" in "\n".join(pdf_pages(download(client, batch)))


def test_a_revoked_award_gets_no_certificate(client, admin_user, decision, media):
    """An award revoked before printing has no page and no register number."""
    from evaluations.awards.models import AwardRecord

    AwardRecord.objects.filter(decision=decision, person__isnull=True).update(is_revoked=True)
    client.force_login(admin_user)
    batch = start_and_run(client, decision)

    assert batch.is_ready and batch.total == 1
    pages = pdf_pages(download(client, batch))
    assert len(pages) == 1 and "Nguyễn Thị Hằng" in pages[0]
    assert list(Certificate.objects.values_list("award_record__person__full_name", flat=True)) == [
        "Nguyễn Thị Hằng"
    ]
