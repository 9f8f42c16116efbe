"""The demo's certificates: layouts for the demo authorities, and every recorded decision
printed once (a second `seed_demo` prints nothing again)."""

from datetime import date

import pytest
from django.core.management import call_command

from evaluations.certificates.models import Certificate, CertificateBatch, CertificateLayout
from evaluations.decisions.models import IssuingAuthority
from pledges.models import Title
from seed.demo.certificates import seed_certificates
from tests.evaluations.certificates.helpers import award, pdf_pages, recorded_decision
from units.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


def test_demo_authorities_have_layouts_and_recorded_decisions_are_printed_once(media):
    call_command("seed_demo", verbosity=0)
    ttcp = IssuingAuthority.objects.get(name="Tổng Thanh tra Chính phủ")
    bk = Title.objects.get(code="BK_TTCP", recipient="person")
    assert CertificateLayout.objects.filter(authority=ttcp, title=bk).exists()
    # The demo's decision 112/QĐ-TTCP (20/01/2020) is printed: its numbers open 2020's register.
    demo_numbers = sorted(
        Certificate.objects.filter(authority=ttcp, year=2020).values_list(
            "register_number", flat=True
        )
    )
    assert demo_numbers == list(range(1, len(demo_numbers) + 1)) and demo_numbers
    printed_batches = CertificateBatch.objects.count()

    person = Person.objects.filter(is_active=True).first()
    decision = recorded_decision(number="575", on=date(2020, 1, 20), issuer=ttcp)
    award(decision, title=bk, unit=person.unit, person=person)
    [batch] = seed_certificates()
    batch.refresh_from_db()
    assert batch.is_ready
    assert person.full_name in pdf_pages(batch.file.read())[0]
    certificate = Certificate.objects.get(
        award_record__person=person, award_record__decision=decision
    )
    assert certificate.register_number == len(demo_numbers) + 1  # the register runs on

    call_command("seed_demo", verbosity=0)
    assert CertificateBatch.objects.count() == printed_batches + 1  # nothing printed twice
