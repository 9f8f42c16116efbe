"""Recorded decisions with awards, written directly (the decisions' own services are built
elsewhere): what certificate tests and the permission world print from."""

from datetime import date
from io import BytesIO

from django.core.management import call_command
from pypdf import PdfReader

from evaluations.awards.models import AwardRecord
from evaluations.decisions.choices import AuthorityLevel, DecisionStatus, SignForm
from evaluations.decisions.models import AwardDecision, IssuingAuthority


def authority(name="Tổng Thanh tra Chính phủ"):
    return IssuingAuthority.objects.get_or_create(
        name=name,
        defaults={
            "heading": "TỔNG THANH TRA CHÍNH PHỦ",
            "level": AuthorityLevel.SECTOR,
            "symbol": "QĐ-TTCP",
            "place": "Hà Nội",
        },
    )[0]


def recorded_decision(*, number="123", on=date(2020, 1, 15), issuer=None, **fields):
    issuer = issuer or authority()
    return AwardDecision.objects.create(
        authority=issuer,
        number=number,
        date=on,
        signer_name="Lê Minh Khái",
        signer_position="Phó Tổng Thanh tra",
        sign_form=SignForm.FOR_HEAD,
        status=fields.pop("status", DecisionStatus.RECORDED),
        **fields,
    )


def award(decision, *, title, unit, person=None, name=None, summary=""):
    return AwardRecord.objects.create(
        decision=decision,
        title=title,
        year=decision.date.year - 1,
        unit=unit,
        person=person,
        recipient_name=name or (person.full_name if person else unit.name),
        decision_number=decision.full_number,
        decision_date=decision.date,
        issuing_authority=decision.authority.name,
        summary=summary,
    )


def run_worker():
    """The queue's own worker, once over everything queued (as `db_worker --batch`)."""
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(content)).pages]
