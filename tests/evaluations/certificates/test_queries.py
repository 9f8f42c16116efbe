"""Certificate pages cost the same number of queries with 1 and with several awards,
batches, reprints and layouts: one more query per row (N+1) fails."""

import pytest
from django.urls import reverse

from evaluations.certificates import services
from evaluations.certificates.models import Certificate, CertificateBatch, CertificateReprint
from tests.evaluations.certificates.helpers import authority, award, recorded_decision
from tests.factories.units import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def printed(titles, admin_user):
    """`printed(size)`: a recorded decision with `size` people and `size` collectives, each
    printed (register numbers) with a reprint, `size` batches and both layouts."""

    def make(size):
        decision = recorded_decision()
        for i in range(size):
            unit = UnitFactory()
            person = PersonFactory(unit=unit)
            for record in (
                award(decision, title=titles[("BK_TTCP", "person")], unit=unit, person=person),
                award(decision, title=titles[("BK_TTCP", "collective")], unit=unit),
            ):
                certificate = Certificate.objects.create(
                    award_record=record,
                    authority=decision.authority,
                    year=2020,
                    register_number=Certificate.objects.count() + 1,
                )
                CertificateReprint.objects.create(
                    certificate=certificate, actor=admin_user, reason=f"Lý do {i}"
                )
            CertificateBatch.objects.create(
                decision=decision, total=2 * size, requested_by=admin_user
            )
        for code in ("person", "collective"):
            services.layout_ensure(authority=decision.authority, title=titles[("BK_TTCP", code)])
        return decision

    return make


@pytest.mark.parametrize("size", [1, 4])
def test_decision_certificates_page(client, admin_user, printed, get_in_queries, size):
    decision = printed(size)
    client.force_login(admin_user)
    page = get_in_queries(reverse("evaluations:decision_certificates", args=[decision.pk]), 7)
    assert page.content.decode().count("/reprint/") == 2 * size


@pytest.mark.parametrize("size", [1, 4])
def test_batch_page(client, admin_user, printed, get_in_queries, size):
    decision = printed(size)
    client.force_login(admin_user)
    batch = decision.certificate_batches.first()
    get_in_queries(reverse("evaluations:certificate_batch", args=[batch.pk]), 5)


@pytest.mark.parametrize("size", [1, 4])
def test_reprint_page(client, admin_user, printed, get_in_queries, size):
    decision = printed(size)
    client.force_login(admin_user)
    certificate = Certificate.objects.filter(award_record__decision=decision).first()
    CertificateReprint.objects.bulk_create(
        CertificateReprint(certificate=certificate, actor=admin_user, reason="Thêm")
        for _ in range(size)
    )
    get_in_queries(reverse("evaluations:certificate_reprint", args=[certificate.pk]), 6)


@pytest.mark.parametrize("size", [1, 4])
def test_layouts_page(client, admin_user, titles, get_in_queries, size):
    for i in range(size):
        issuer = authority(f"Chủ tịch UBND tỉnh số {i}")
        for code in ("person", "collective"):
            services.layout_ensure(authority=issuer, title=titles[("BK_TTCP", code)])
    client.force_login(admin_user)
    page = get_in_queries(reverse("evaluations:certificate_layouts"), 6)
    assert page.content.decode().count("calibration.pdf") == 2 * size
