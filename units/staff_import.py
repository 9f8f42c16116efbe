"""Import a unit's staff list from an .xlsx file: all rows or none.

Every row is checked before anything is written; when any row is wrong the user
gets the list of rows and reasons, and the database is unchanged. The import base
(core.imports) reads the file and keeps that contract; this module says which
columns, how a row is checked and what is written.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import imports
from core.exceptions import ActionRefused
from core.xlsx import fold
from units.audit import audit_record
from units.choices import Gender
from units.models import Employment, Person

# Column headers of the template, in order: (field, header shown in the file).
COLUMNS = (
    ("staff_code", gettext_lazy("Staff code")),
    ("full_name", gettext_lazy("Full name")),
    ("gender", gettext_lazy("Gender")),
    ("position", gettext_lazy("Position")),
    ("rank", gettext_lazy("Rank / category")),
    ("email", gettext_lazy("E-mail")),
    ("phone", gettext_lazy("Phone")),
)
REQUIRED = ("full_name", "gender")
# Headers are recognised in Vietnamese or English, with or without diacritics.
HEADER_ALIASES = {
    "staff_code": ("ma can bo", "staff code", "ma"),
    "full_name": ("ho va ten", "ho ten", "full name", "name"),
    "gender": ("gioi tinh", "gender"),
    "position": ("chuc vu", "position"),
    "rank": ("ngach/hang", "ngach", "rank / category", "rank"),
    "email": ("email", "e-mail", "thu dien tu"),
    "phone": ("dien thoai", "so dien thoai", "phone"),
}
STAFF_COLUMNS = imports.Columns(COLUMNS, aliases=HEADER_ALIASES, required=REQUIRED)
GENDER_VALUES = {
    "nam": Gender.MALE,
    "male": Gender.MALE,
    "m": Gender.MALE,
    "nu": Gender.FEMALE,
    "female": Gender.FEMALE,
    "f": Gender.FEMALE,
}


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def template_workbook() -> bytes:
    return imports.template_workbook(
        STAFF_COLUMNS,
        title=_("Staff"),
        examples=[
            ["CB001", "Nguyễn Văn An", _("Male"), _("Chief inspector"), _("Senior inspector")]
        ],
        widths=(12, 28, 10, 28, 24, 28, 16),
    )


def _limits() -> imports.Limits:
    return imports.Limits(
        max_bytes=settings.STAFF_IMPORT_MAX_BYTES, max_rows=settings.STAFF_IMPORT_MAX_ROWS
    )


def _check_rows(rows, *, unit, report) -> tuple[list[Person], list[Person]]:
    """Every row checked onto the report; (people to create, people to update)."""
    existing = {p.staff_code: p for p in Person.objects.filter(unit=unit).exclude(staff_code="")}
    seen_codes: dict[str, int] = {}
    to_create, to_update = [], []
    for row in rows:
        number = row.number
        gender = GENDER_VALUES.get(fold(row.text("gender")))
        bad_gender = bool(row.text("gender")) and gender is None
        if bad_gender:
            report.add(number, "gender", _("Write “Nam” or “Nữ”."))
        code = row.text("staff_code")
        if code and code in seen_codes:
            report.add(
                number,
                "staff_code",
                _("The same staff code is already on row %(row)d.") % {"row": seen_codes[code]},
            )
        seen_codes.setdefault(code, number)
        person = existing.get(code) if code else None
        is_new = person is None
        if is_new:
            person = Person(unit=unit)
        for field in row.values:
            if field != "gender":
                setattr(person, field, row.text(field))
        person.gender = gender or ""
        person.is_active = True
        try:
            # Uniqueness was checked above for the whole file in one query.
            person.full_clean(exclude=["unit"], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            report.add_invalid(number, exc, skip={"gender"} if bad_gender else ())
        if not report.has_errors(number):
            (to_create if is_new else to_update).append(person)
    return to_create, to_update


def _write(people, *, unit, actor, note) -> ImportResult:
    to_create, to_update = people
    created = Person.objects.bulk_create(to_create, batch_size=1000)
    today = timezone.localdate()
    Employment.objects.bulk_create(
        (Employment(person=p, unit=unit, position=p.position, start_date=today) for p in created),
        batch_size=1000,
    )
    if to_update:
        now = timezone.now()
        for person in to_update:
            person.updated_at = now
        Person.objects.bulk_update(
            to_update,
            [
                "full_name",
                "gender",
                "position",
                "rank",
                "email",
                "phone",
                "is_active",
                "updated_at",
            ],
            batch_size=1000,
        )
    result = ImportResult(created=len(created), updated=len(to_update))
    audit_record(
        actor=actor,
        action="person.import",
        obj=unit,
        unit=unit,
        changes={"created": [None, result.created], "updated": [None, result.updated]},
        note=note,
    )
    return result


def staff_import(*, unit, actor, uploaded) -> ImportResult:
    if not actor.has_perm("units.manage_staff", unit):
        raise ActionRefused(_("You do not have permission to do this."))
    return imports.import_xlsx(
        uploaded,
        columns=STAFF_COLUMNS,
        limits=_limits(),
        empty=_("The file has no staff rows below the header."),
        check=lambda rows, report: _check_rows(rows, unit=unit, report=report),
        write=lambda people: _write(people, unit=unit, actor=actor, note=uploaded.name[:200]),
    )
