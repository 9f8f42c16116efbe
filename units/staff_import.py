"""Import a unit's staff list from an .xlsx file: all rows or none.

Every row is checked before anything is written; when any row is wrong the user
gets the list of rows and reasons, and the database is unchanged.
"""

import zipfile
from dataclasses import dataclass
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook

from core.exceptions import ActionRefused
from core.xlsx import cell_text, fold, map_header
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
GENDER_VALUES = {
    "nam": Gender.MALE,
    "male": Gender.MALE,
    "m": Gender.MALE,
    "nu": Gender.FEMALE,
    "female": Gender.FEMALE,
    "f": Gender.FEMALE,
}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


class StaffImportInvalid(Exception):
    def __init__(self, errors):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def template_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Staff")
    sheet.append([str(header) for _field, header in COLUMNS])
    sheet.append(["CB001", "Nguyễn Văn An", _("Male"), _("Chief inspector"), _("Senior inspector")])
    for column, width in zip("ABCDEFG", (12, 28, 10, 28, 24, 28, 16), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_rows(uploaded) -> list[tuple[int, dict]]:
    """Parse the upload into (row number, values) pairs; raise ActionRefused for a bad file."""
    if uploaded.size > settings.STAFF_IMPORT_MAX_BYTES:
        raise ActionRefused(
            _("The file is too large (at most %(size)d MB).")
            % {"size": settings.STAFF_IMPORT_MAX_BYTES // (1024 * 1024)}
        )
    head = uploaded.read(4)
    uploaded.seek(0)
    if not uploaded.name.lower().endswith(".xlsx") or head != b"PK\x03\x04":
        raise ActionRefused(_("Please choose an Excel file (.xlsx)."))
    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ActionRefused(_("The file could not be read as an Excel workbook (.xlsx).")) from exc
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    columns = _map_header(header or ())
    parsed = []
    for number, values in enumerate(rows, start=2):
        if number - 1 > settings.STAFF_IMPORT_MAX_ROWS:
            raise ActionRefused(
                _("The file has more than %(max)d rows.") % {"max": settings.STAFF_IMPORT_MAX_ROWS}
            )
        record = {
            field: cell_text(values[i]) if i < len(values) else "" for field, i in columns.items()
        }
        if any(record.values()):
            parsed.append((number, record))
    workbook.close()
    if not parsed:
        raise ActionRefused(_("The file has no staff rows below the header."))
    return parsed


def _map_header(header) -> dict[str, int]:
    return map_header(header, aliases=HEADER_ALIASES, labels=dict(COLUMNS), required=REQUIRED)


def validate_rows(*, unit, rows) -> tuple[list[Person], list[Person]]:
    """Check every row; return (people to create, people to update) or raise with all errors."""
    labels = {field: str(label) for field, label in COLUMNS}
    existing = {p.staff_code: p for p in Person.objects.filter(unit=unit).exclude(staff_code="")}
    seen_codes: dict[str, int] = {}
    errors, to_create, to_update = [], [], []
    for number, record in rows:
        row_errors = []
        gender = GENDER_VALUES.get(fold(record.get("gender")))
        if record.get("gender") and gender is None:
            row_errors.append(RowError(number, labels["gender"], _("Write “Nam” or “Nữ”.")))
        code = record.get("staff_code", "")
        if code and code in seen_codes:
            row_errors.append(
                RowError(
                    number,
                    labels["staff_code"],
                    _("The same staff code is already on row %(row)d.") % {"row": seen_codes[code]},
                )
            )
        seen_codes.setdefault(code, number)
        person = existing.get(code) if code else None
        is_new = person is None
        if is_new:
            person = Person(unit=unit)
        for field in labels:
            if field in record and field != "gender":
                setattr(person, field, record[field])
        person.gender = gender or ""
        person.is_active = True
        try:
            # Uniqueness was checked above for the whole file in one query.
            person.full_clean(exclude=["unit"], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                if field == "gender" and any(e.column == labels["gender"] for e in row_errors):
                    continue
                for message in messages:
                    row_errors.append(RowError(number, labels.get(field, field), message))
        errors.extend(row_errors)
        if not row_errors:
            (to_create if is_new else to_update).append(person)
    if errors:
        raise StaffImportInvalid(errors)
    return to_create, to_update


@transaction.atomic
def staff_import(*, unit, actor, uploaded) -> ImportResult:
    if not actor.has_perm("units.manage_staff", unit):
        raise ActionRefused(_("You do not have permission to do this."))
    rows = read_rows(uploaded)
    to_create, to_update = validate_rows(unit=unit, rows=rows)
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
        note=uploaded.name[:200],
    )
    return result
