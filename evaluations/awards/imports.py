"""Import past years' award records from an .xlsx file: all rows or none.

Every row is checked before anything is written; when any row is wrong the user gets the
list of rows and reasons, and the database is unchanged. The number of queries does not
depend on the number of rows: titles, units, people and existing records are each read
once for the whole file, and the records are written with one bulk insert. The import
base (core.imports) reads the file and keeps the contract; this module says which columns,
how a row is checked and what is written.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import imports
from core.xlsx import cell_text, fold
from evaluations.awards.choices import AwardSource
from evaluations.awards.models import AwardRecord
from evaluations.awards.selectors import award_import_unit_ids, base_salaries, reward_fields
from pledges.choices import Recipient
from pledges.models import Title
from pledges.selectors import title_multipliers
from units.models import AuditEntry, Employment, Person, Unit
from units.services import require_perm

# Column headers of the template, in order: (field, header shown in the file).
COLUMNS = (
    ("year", gettext_lazy("Year")),
    ("title_code", gettext_lazy("Title code")),
    ("recipient", gettext_lazy("Recipient (individual/collective)")),
    ("unit_code", gettext_lazy("Unit code")),
    ("staff_code", gettext_lazy("Staff code")),
    ("full_name", gettext_lazy("Full name")),
    ("decision_number", gettext_lazy("Decision number")),
    ("decision_date", gettext_lazy("Decision date")),
    ("issuing_authority", gettext_lazy("Issued by")),
    ("thematic", gettext_lazy("Thematic movement (yes/no)")),
    ("amount", gettext_lazy("Amount (VND)")),
    ("summary", gettext_lazy("Achievement summary")),
    ("initiative", gettext_lazy("Initiative")),
)
REQUIRED = ("year", "title_code", "unit_code", "decision_number", "decision_date")
# Headers are recognised in Vietnamese or English, with or without diacritics.
HEADER_ALIASES = {
    "year": ("nam", "year"),
    "title_code": ("ma danh hieu", "danh hieu", "title code", "title"),
    "recipient": (
        "doi tuong",
        "doi tuong (ca nhan/tap the)",
        "recipient",
        "recipient (individual/collective)",
    ),
    "unit_code": ("don vi", "ma don vi", "unit", "unit code"),
    "staff_code": ("ma can bo", "staff code"),
    "full_name": ("ho ten", "ho va ten", "full name", "name"),
    "decision_number": ("so quyet dinh", "so qd", "decision number"),
    "decision_date": ("ngay quyet dinh", "ngay qd", "decision date"),
    "issuing_authority": ("co quan ban hanh", "issued by", "issuing authority"),
    "thematic": (
        "phong trao chuyen de",
        "phong trao chuyen de (co/khong)",
        "chuyen de",
        "thematic",
        "thematic movement",
        "thematic movement (yes/no)",
    ),
    "amount": ("so tien", "so tien (dong)", "so tien (vnd)", "amount", "amount (vnd)"),
    "summary": ("tom tat thanh tich", "thanh tich", "achievement summary", "summary"),
    "initiative": ("sang kien", "initiative"),
}
AWARD_COLUMNS = imports.Columns(COLUMNS, aliases=HEADER_ALIASES, required=REQUIRED)
RECIPIENT_VALUES = {
    "ca nhan": Recipient.PERSON,
    "individual": Recipient.PERSON,
    "person": Recipient.PERSON,
    "tap the": Recipient.COLLECTIVE,
    "collective": Recipient.COLLECTIVE,
}
YES = {"co", "x", "yes", "y", "true", "1", "c"}
NO = {"", "khong", "k", "no", "n", "false", "0"}
DATE_TEXT = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


# What a file with bad rows raises (the base's exception, under the name callers know).
AwardImportInvalid = imports.ImportInvalid


@dataclass(frozen=True)
class ImportResult:
    created: int
    units: int


def _limits() -> imports.Limits:
    return imports.Limits(
        max_bytes=getattr(settings, "AWARD_IMPORT_MAX_BYTES", settings.STAFF_IMPORT_MAX_BYTES),
        max_rows=getattr(settings, "AWARD_IMPORT_MAX_ROWS", settings.STAFF_IMPORT_MAX_ROWS),
    )


def template_workbook() -> bytes:
    return imports.template_workbook(
        AWARD_COLUMNS,
        title=_("Awards"),
        examples=[
            [
                2024,
                "CSTDCS",
                _("individual"),
                "TT-HYE",
                "CB001",
                "Nguyễn Văn An",
                "125/QĐ-TTr",
                "20/12/2024",
                "Thanh tra tỉnh Hưng Yên",
                _("no"),
                "",
                "Hoàn thành xuất sắc nhiệm vụ năm 2024.",
                "Sáng kiến số hóa hồ sơ thanh tra",
            ],
            [
                2024,
                "TTLDXS",
                _("collective"),
                "TT-HYE",
                "",
                "",
                "210/QĐ-UBND",
                "15/01/2025",
                "Ủy ban nhân dân tỉnh Hưng Yên",
                _("no"),
                "",
                "Tập thể hoàn thành xuất sắc nhiệm vụ năm 2024.",
                "",
            ],
        ],
        widths=(8, 14, 14, 12, 12, 26, 16, 14, 30, 12, 14, 50, 36),
        bold_header=True,
    )


# --- Reading ---------------------------------------------------------------------------------


def _name_key(text) -> str:
    """Names compare exactly, except for case, spacing and Unicode normal form."""
    return " ".join(unicodedata.normalize("NFC", str(text or "")).casefold().split())


def parse_year(value) -> int | None:
    text = cell_text(value)
    if not text.isdigit():
        return None
    year = int(text)
    return year if 2000 <= year <= 2100 else None


def parse_date(value) -> date | None:
    """An Excel date cell, or text written dd/mm/yyyy (also with "-" or ".")."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = DATE_TEXT.match(cell_text(value))
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_amount(value) -> Decimal | None:
    """Whole dong: 2340000, "2.340.000", "2,340,000 đ". Raises ValueError when unreadable."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        amount = Decimal(str(value))
    else:
        text = fold(value).replace("vnd", "").replace("dong", "").replace("d", "")
        text = re.sub(r"[\s.,]", "", text)
        if not text:
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation as exc:
            raise ValueError(text) from exc
    if amount < 0 or amount != amount.to_integral_value():
        raise ValueError(value)
    return amount


# --- Checking --------------------------------------------------------------------------------


class _Lookups:
    """Everything the rows refer to, read once for the whole file."""

    def __init__(self, *, actor, rows):
        self.titles = {(t.code.upper(), t.recipient): t for t in Title.objects.all()}
        codes = {row.text("unit_code").upper() for row in rows} - {""}
        self.units = {
            u.code.upper(): u
            for u in Unit.objects.annotate(code_upper=Upper("code")).filter(code_upper__in=codes)
        }
        self.allowed = award_import_unit_ids(actor)  # None: every unit
        unit_ids = [u.pk for u in self.units.values()]
        # People of a unit: its staff now, and whoever worked there (merged units' staff
        # moved to the successor but their employment there is kept).
        worked = defaultdict(set)
        for person_id, unit_id in Employment.objects.filter(unit_id__in=unit_ids).values_list(
            "person_id", "unit_id"
        ):
            worked[unit_id].add(person_id)
        people = Person.objects.filter(
            Q(unit_id__in=unit_ids) | Q(pk__in=[p for ids in worked.values() for p in ids])
        )
        self.by_unit = defaultdict(set)  # unit id -> {person}
        by_pk = {}
        for person in people:
            by_pk[person.pk] = person
            self.by_unit[person.unit_id].add(person)
        for unit_id, person_ids in worked.items():
            self.by_unit[unit_id] |= {by_pk[pk] for pk in person_ids if pk in by_pk}
        self.salaries = base_salaries()
        self.multipliers = title_multipliers()
        years = {parse_year(row.get("year")) for row in rows} - {None}
        person_ids = list(by_pk)
        existing = AwardRecord.objects.filter(year__in=years).filter(
            Q(person__isnull=True, unit_id__in=unit_ids) | Q(person_id__in=person_ids)
        )
        self.existing = {
            _key(title_id, year, unit_id, person_id)
            for title_id, year, unit_id, person_id in existing.values_list(
                "title_id", "year", "unit_id", "person_id"
            )
        }

    def people_of(self, unit):
        return self.by_unit.get(unit.pk, set())


def _key(title_id, year, unit_id, person_id):
    return (title_id, year, "p", person_id) if person_id else (title_id, year, "u", unit_id)


def _check_rows(rows, *, actor, report) -> list[AwardRecord]:
    """Every row checked onto the report; the records to create."""
    lookups = _Lookups(actor=actor, rows=rows)
    today = timezone.localdate()
    seen: dict[tuple, int] = {}
    records = []
    for row in rows:
        number = row.number
        error = partial(report.add, number)

        year = parse_year(row.get("year"))
        if year is None:
            error("year", _("Write the year with four digits, e.g. 2024."))

        staff_code = row.text("staff_code")
        full_name = row.text("full_name")
        recipient_text = fold(row.get("recipient"))
        if recipient_text:
            recipient = RECIPIENT_VALUES.get(recipient_text)
            if recipient is None:
                error("recipient", _("Write “cá nhân” (individual) or “tập thể” (collective)."))
        else:
            recipient = Recipient.PERSON if staff_code or full_name else Recipient.COLLECTIVE

        code = row.text("title_code").upper()
        title = lookups.titles.get((code, recipient)) if recipient else None
        if recipient and title is None:
            if not code:
                error("title_code", _("The title code is missing."))
            elif any(c == code for c, _r in lookups.titles):
                error(
                    "title_code",
                    _("The title %(code)s is not awarded to this kind of recipient.")
                    % {"code": code},
                )
            else:
                error("title_code", _("Unknown title code %(code)s.") % {"code": code})

        unit_code = row.text("unit_code")
        unit = lookups.units.get(unit_code.upper()) if unit_code else None
        if not unit_code:
            error("unit_code", _("The unit code is missing."))
        elif unit is None:
            error("unit_code", _("Unknown unit code %(code)s.") % {"code": unit_code})
        elif lookups.allowed is not None and unit.pk not in lookups.allowed:
            error(
                "unit_code",
                _("You may not import awards for %(unit)s: it is not in a cluster year you run.")
                % {"unit": unit.name},
            )
            unit = None

        person = None
        if recipient == Recipient.COLLECTIVE and (staff_code or full_name):
            error(
                "full_name",
                _("A collective award names no person: leave the staff code and name empty."),
            )
        elif recipient == Recipient.PERSON:
            if not (staff_code or full_name):
                error("full_name", _("Give the person's staff code or full name."))
            elif unit is not None:
                person = _find_person(lookups.people_of(unit), staff_code, full_name, error)

        decision_date = parse_date(row.get("decision_date"))
        if decision_date is None:
            error("decision_date", _("Write the decision date as dd/mm/yyyy."))
        elif decision_date > today:
            error("decision_date", _("The decision date is in the future."))
        elif year is not None and decision_date.year < year:
            error("decision_date", _("The decision is dated before the year of the award."))

        thematic_text = fold(row.get("thematic"))
        if thematic_text not in YES | NO:
            error("thematic", _("Write “có” (yes) or “không” (no)."))
        try:
            amount = parse_amount(row.get("amount"))
        except ValueError:
            amount = None
            error("amount", _("Write the amount in whole dong, e.g. 2340000."))

        record = AwardRecord(
            title=title,
            year=year,
            unit=unit,
            person=person,
            recipient_name=(person.full_name if person else unit.name if unit else ""),
            is_thematic=thematic_text in YES,
            decision_number=row.text("decision_number"),
            decision_date=decision_date,
            issuing_authority=row.text("issuing_authority"),
            amount=amount,
            summary=row.text("summary"),
            initiative=row.text("initiative"),
            source=AwardSource.IMPORT,
        )
        try:
            # Foreign keys were resolved above; uniqueness is checked below for the whole file.
            record.full_clean(
                exclude=[
                    "title",
                    "unit",
                    "person",
                    "campaign",
                    "proposal",
                    "year",
                    "decision_date",
                    "amount",
                    "recipient_name",
                ],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as exc:
            report.add_invalid(number, exc)

        if (
            title is not None
            and year is not None
            and unit is not None
            and not report.has_errors(number)
        ):
            key = _key(title.pk, year, unit.pk, person.pk if person else None)
            if key in lookups.existing:
                error(
                    "title_code",
                    _("This award is already recorded for %(name)s in %(year)d.")
                    % {"name": record.recipient_name, "year": year},
                )
            elif key in seen:
                error(
                    "title_code",
                    _("The same award is already on row %(row)d.") % {"row": seen[key]},
                )
            else:
                seen[key] = number
        if not report.has_errors(number):
            if record.amount is None:  # a typed amount is the decision's own: kept as it is
                fields = reward_fields(
                    title,
                    decision_date,
                    salaries=lookups.salaries,
                    multipliers=lookups.multipliers,
                )
                for name, value in fields.items():
                    setattr(record, name, value)
            records.append(record)
    return records


def _find_person(people, staff_code, full_name, error):
    if staff_code:
        matches = [p for p in people if p.staff_code and p.staff_code == staff_code]
        if not matches:
            error(
                "staff_code",
                _("No one with staff code %(code)s in this unit.") % {"code": staff_code},
            )
            return None
        person = matches[0]
        if full_name and _name_key(full_name) != _name_key(person.full_name):
            error(
                "full_name",
                _("Staff code %(code)s belongs to %(name)s, not to the name written.")
                % {"code": staff_code, "name": person.full_name},
            )
            return None
        return person
    matches = [p for p in people if _name_key(p.full_name) == _name_key(full_name)]
    if not matches:
        error("full_name", _("No one named %(name)s in this unit.") % {"name": full_name})
        return None
    if len(matches) > 1:
        error(
            "full_name",
            _("%(count)d people are named %(name)s in this unit: give the staff code.")
            % {"count": len(matches), "name": full_name},
        )
        return None
    return matches[0]


# --- Writing ---------------------------------------------------------------------------------


def award_import(*, actor, uploaded) -> ImportResult:
    """Create the award records of the file (source: import), all or none, audited per unit."""
    require_perm(actor, "evaluations.import_awards")
    return imports.import_xlsx(
        uploaded,
        columns=AWARD_COLUMNS,
        limits=_limits(),
        empty=_("The file has no award rows below the header."),
        check=lambda rows, report: _check_rows(rows, actor=actor, report=report),
        write=lambda records: _create(records, actor=actor, note=uploaded.name[:200]),
    )


def _create(records, *, actor, note) -> ImportResult:
    created = AwardRecord.objects.bulk_create(records, batch_size=1000)
    units = {}
    counts = {}
    for record in created:
        units[record.unit_id] = record.unit
        counts[record.unit_id] = counts.get(record.unit_id, 0) + 1
    # One audit entry per unit concerned, so each unit reads the import in its own audit;
    # written in one insert (audit_record would cost a query per unit).
    content_type = ContentType.objects.get_for_model(Unit)
    AuditEntry.objects.bulk_create(
        AuditEntry(
            actor=actor,
            action="awardrecord.import",
            content_type=content_type,
            object_id=str(unit_id),
            object_repr=str(unit)[:255],
            unit=unit,
            changes={"created": [None, counts[unit_id]]},
            note=note,
        )
        for unit_id, unit in units.items()
    )
    return ImportResult(created=len(created), units=len(units))
