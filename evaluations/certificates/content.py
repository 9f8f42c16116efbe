"""What each field of a certificate says (Decree 98/2023 Art. 104), from an award record,
its decision and its certificate."""

from django.utils.translation import gettext as _

from evaluations.certificates.choices import FieldKind
from evaluations.decisions.choices import SignForm


def document_date(day) -> str:
    """ "ngày 05 tháng 02 năm 2020": a day below 10 and a month below 3 take a leading zero
    (Decree 30/2020, Annex I)."""
    d = f"{day.day:02d}" if day.day < 10 else str(day.day)
    m = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return _("day %(day)s month %(month)s year %(year)s") % {
        "day": d,
        "month": m,
        "year": day.year,
    }


def signer_title(decision) -> str:
    """The signer's title in capitals: "KT. TỔNG THANH TRA CHÍNH PHỦ / PHÓ TỔNG THANH TRA"."""
    position = decision.signer_position.upper()
    if decision.sign_form in (SignForm.FOR_HEAD, SignForm.ON_BEHALF):
        return f"{decision.sign_form} {decision.authority.heading.upper()}\n{position}".strip()
    return position or decision.authority.heading.upper()


def position_and_unit(record) -> str:
    """A person's position and unit; a collective's governing body (its parent unit)."""
    if record.person_id:
        return ", ".join(part for part in (record.person.position, record.unit.name) if part)
    parent = record.unit.parent
    return parent.name if parent else ""


def certificate_texts(record, decision, register_number) -> dict:
    """{field kind: text} of one certificate."""
    authority = decision.authority
    return {
        FieldKind.AUTHORITY: authority.heading.upper(),
        FieldKind.AWARD_NAME: record.title.name,
        FieldKind.RECIPIENT: record.recipient_name,
        FieldKind.POSITION_UNIT: position_and_unit(record),
        FieldKind.ACHIEVEMENT: record.summary
        or _("Has achieved outstanding results in the emulation movement of %(year)s")
        % {"year": record.year},
        FieldKind.DECISION: _("Decision No. %(number)s, %(date)s")
        % {"number": decision.full_number, "date": document_date(decision.date)},
        FieldKind.REGISTER: _("Register No.: %(number)s") % {"number": register_number},
        FieldKind.PLACE_DATE: f"{authority.place}, {document_date(decision.date)}",
        FieldKind.SIGNER_TITLE: signer_title(decision),
        FieldKind.SIGNER_NAME: decision.signer_name,
    }
