"""Export a scoring rubric to .xlsx and read one back.

The export has two sheets: the criteria, one row per criterion in rubric order (a
group without criteria gets a row of its own), and the rubric's own settings as
key/value rows. The import reads such a file, or a hand-made one with Vietnamese
or English headers, into a `RubricData`; it checks every row and reports all the
wrong ones at once, through the import base (core.imports). Nothing here writes to the
database: campaigns.services.rubric_import applies the data in one transaction.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from io import BytesIO

from django.db.models import Prefetch
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from campaigns.choices import CriterionKind
from campaigns.models import Criterion, Rubric, RubricGroup
from core.exceptions import ActionRefused
from core.imports import (
    Columns,
    ImportInvalid,
    Limits,
    RowReport,
    find_sheet,
    open_workbook,
    read_table,
    sheet_rows,
)
from core.imports import RowError as RowError  # re-exported: the rows of a report
from core.xlsx import cell_text, fold, put_text

MAX_BYTES = 2 * 1024 * 1024
# Rows with content below the header (blank rows do not count) and columns read, per sheet.
MAX_ROWS = 5000
MAX_COLUMNS = 50
# The header may sit below a title row or two of a hand-made sheet.
HEADER_SEARCH_ROWS = 10
MAX_POINTS = Decimal("1000")
MAX_BONUS_CAP = Decimal("9999.99")

# Columns of the criteria sheet, in order: (field, header shown in the file).
COLUMNS = (
    ("group_code", gettext_lazy("Group code")),
    ("group_title", gettext_lazy("Group title")),
    ("code", gettext_lazy("Criterion code")),
    ("title", gettext_lazy("Criterion")),
    ("guidance", gettext_lazy("Guidance")),
    ("max_points", gettext_lazy("Maximum points")),
    ("kind", gettext_lazy("Kind")),
    ("evidence_required", gettext_lazy("Evidence required")),
)
REQUIRED = ("group_code", "code", "title", "max_points")
GROUP_FIELDS = ("group_code", "group_title")
CRITERION_FIELDS = ("code", "title", "guidance", "max_points", "kind", "evidence_required")
COLUMN_WIDTHS = (12, 36, 14, 60, 60, 14, 20, 18)
WRAPPED = ("group_title", "title", "guidance")
# Headers are recognised in Vietnamese or English, with or without diacritics (folded),
# besides the headers this module writes in any of the site's languages.
HEADER_ALIASES = {
    "group_code": ("ma nhom", "group code", "ma nhom tieu chi"),
    "group_title": ("ten nhom", "ten nhom tieu chi", "group title", "group"),
    "code": ("ma tieu chi", "criterion code", "ma", "code"),
    "title": (
        "tieu chi",
        "noi dung tieu chi",
        "ten tieu chi",
        "noi dung",
        "criterion",
        "criterion title",
    ),
    "guidance": ("huong dan", "huong dan cham diem", "huong dan cho don vi", "guidance"),
    "max_points": ("diem toi da", "diem chuan", "maximum points", "max points", "points"),
    "kind": ("loai", "loai tieu chi", "loai hinh", "kind"),
    "evidence_required": (
        "bat buoc minh chung",
        "yeu cau minh chung",
        "can minh chung",
        "minh chung",
        "evidence required",
        "evidence",
    ),
}
# Field lengths of the models, checked here so that applying the data cannot fail.
MAX_LENGTHS = {
    "group_code": RubricGroup._meta.get_field("code").max_length,
    "group_title": RubricGroup._meta.get_field("title").max_length,
    "code": Criterion._meta.get_field("code").max_length,
    "title": Criterion._meta.get_field("title").max_length,
}

# Kind cells: exact (lower case, with diacritics) first, so that "thưởng" (bonus) is not
# read as "thường" (normal); then folded, where plain "thuong" means normal.
KIND_EXACT = {
    "thường": CriterionKind.NORMAL,
    "bình thường": CriterionKind.NORMAL,
    "thưởng": CriterionKind.BONUS,
    "điểm thưởng": CriterionKind.BONUS,
    "cộng": CriterionKind.BONUS,
    "điểm cộng": CriterionKind.BONUS,
    "trừ": CriterionKind.PENALTY,
    "điểm trừ": CriterionKind.PENALTY,
}
KIND_FOLDED = {
    "thuong": CriterionKind.NORMAL,
    "binh thuong": CriterionKind.NORMAL,
    "normal": CriterionKind.NORMAL,
    "diem thuong": CriterionKind.BONUS,
    "thuong diem": CriterionKind.BONUS,
    "cong": CriterionKind.BONUS,
    "diem cong": CriterionKind.BONUS,
    "cong diem": CriterionKind.BONUS,
    "bonus": CriterionKind.BONUS,
    "bonus points": CriterionKind.BONUS,
    "diem tru": CriterionKind.PENALTY,
    "tru": CriterionKind.PENALTY,
    "tru diem": CriterionKind.PENALTY,
    "penalty": CriterionKind.PENALTY,
    "penalty (deduction)": CriterionKind.PENALTY,
    "deduction": CriterionKind.PENALTY,
}
EVIDENCE_VALUES = {
    "co": True,
    "yes": True,
    "y": True,
    "x": True,
    "1": True,
    "true": True,
    "✓": True,
    "✔": True,
    "khong": False,
    "no": False,
    "n": False,
    "0": False,
    "false": False,
}

# Keys of the rubric sheet: (field, aliases). Its labels are the model's verbose names.
RUBRIC_KEYS = {
    "title": ("title", "tieu de", "ten", "ten bang tieu chi", "ten bang diem"),
    "version": ("version", "phien ban"),
    "bonus_cap": (
        "bonus cap",
        "cap on bonus points",
        "diem thuong toi da",
        "diem cong toi da",
        "tran diem thuong",
        "tran diem cong",
        "gioi han diem thuong",
        "gioi han diem cong",
    ),
    "tie_break_groups": (
        "tie-break groups",
        "tie-break order of groups",
        "tie break groups",
        "nhom xet khi bang diem",
        "thu tu nhom xet khi bang diem",
        "thu tu uu tien khi bang diem",
        "uu tien khi bang diem",
    ),
}
CRITERIA_SHEET_NAMES = ("criteria", "tieu chi", "cac tieu chi", "danh sach tieu chi")
RUBRIC_SHEET_NAMES = ("rubric", "bang tieu chi", "bang diem", "thong tin chung", "thiet lap")


# What a file with bad rows raises (the base's exception, under the name callers know).
RubricImportInvalid = ImportInvalid


@dataclass(frozen=True)
class GroupData:
    code: str
    title: str
    order: int


@dataclass(frozen=True)
class CriterionData:
    group_code: str
    code: str
    title: str
    guidance: str
    max_points: Decimal
    kind: str
    evidence_required: bool
    order: int


@dataclass(frozen=True)
class RubricData:
    groups: list[GroupData]
    criteria: list[CriterionData]
    # None when the file does not set them (no rubric sheet, or no such row in it).
    title: str | None = None
    bonus_cap: Decimal | None = None
    tie_break_groups: str | None = None


def _lower(text) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text or "")).strip().lower().split())


def _in_languages(func):
    """func() evaluated in the active language, Vietnamese and English (duplicates removed)."""
    results = [func()]
    for language in ("vi", "en"):
        with translation.override(language):
            results.append(func())
    return list(dict.fromkeys(results))


# Export


def _number(value: Decimal):
    return int(value) if value == value.to_integral_value() else float(value)


def rubric_to_workbook(rubric) -> bytes:
    """The rubric as .xlsx: its criteria on the first sheet, its settings on the second."""
    groups = (
        RubricGroup.objects.filter(rubric=rubric)
        .order_by("order", "pk")
        .prefetch_related(Prefetch("criteria", queryset=Criterion.objects.order_by("order", "pk")))
    )
    yes, no = _("Yes"), _("No")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Criteria")
    sheet.append([str(header) for _field, header in COLUMNS])
    for group in groups:
        criteria = list(group.criteria.all())
        if not criteria:
            row = sheet.max_row + 1
            put_text(sheet.cell(row, 1), group.code)
            put_text(sheet.cell(row, 2), group.title)
        for criterion in criteria:
            row = sheet.max_row + 1
            values = (group.code, group.title, criterion.code, criterion.title, criterion.guidance)
            for column, value in enumerate(values, start=1):
                put_text(sheet.cell(row, column), value)
            sheet.cell(row, 6, _number(criterion.max_points))
            put_text(sheet.cell(row, 7), str(CriterionKind(criterion.kind).label))
            put_text(sheet.cell(row, 8), yes if criterion.evidence_required else no)
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    fields = [field for field, _header in COLUMNS]
    for row in sheet.iter_rows(min_row=2):
        for field, cell in zip(fields, row, strict=False):
            cell.alignment = wrap if field in WRAPPED else top
    for index, width in enumerate(COLUMN_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"

    settings_sheet = workbook.create_sheet(_("Rubric"))
    for row, field in enumerate(("title", "version", "bonus_cap", "tie_break_groups"), start=1):
        key = settings_sheet.cell(row, 1)
        put_text(key, capfirst(Rubric._meta.get_field(field).verbose_name))
        key.font = bold
        value = settings_sheet.cell(row, 2)
        if field == "version":
            value.value = rubric.version
        elif field == "bonus_cap":
            value.value = _number(rubric.bonus_cap)
        else:
            put_text(value, getattr(rubric, field))
        value.alignment = Alignment(horizontal="left")
    settings_sheet.column_dimensions["A"].width = 30
    settings_sheet.column_dimensions["B"].width = 60

    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Import


def read_rubric_workbook(uploaded) -> RubricData:
    """Read an uploaded .xlsx into RubricData.

    Raise ActionRefused for a file that cannot be used at all, RubricImportInvalid
    with every wrong row otherwise.
    """
    limits = Limits(max_bytes=MAX_BYTES, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
    columns = Columns(COLUMNS, aliases=_header_aliases(), required=REQUIRED)
    with open_workbook(uploaded, limits=limits) as workbook:
        criteria_sheet, settings_sheet = _pick_sheets(workbook)
        table = read_table(
            criteria_sheet,
            columns=columns,
            limits=limits,
            empty=_no_criteria(),
            header_rows=HEADER_SEARCH_ROWS,
        )
        settings_rows = sheet_rows(settings_sheet, limits=limits) if settings_sheet else None
        settings_name = settings_sheet.title if settings_sheet else ""
    data_rows = [
        (row.number, record) for row in table.rows if any((record := _record(row)).values())
    ]
    if not data_rows:
        raise ActionRefused(_no_criteria())
    # Errors name the columns as the file does.
    report = RowReport(table.headers)
    groups, criteria = _parse_criteria(data_rows, report)
    settings = {}
    if settings_rows is not None:
        settings = _parse_settings(settings_name, settings_rows, {g.code for g in groups}, report)
    report.raise_if_any()
    if not groups:
        raise ActionRefused(_no_criteria())
    return RubricData(groups=groups, criteria=criteria, **settings)


def _no_criteria() -> str:
    return _("The file has no criteria below the header.")


def _pick_sheets(workbook):
    """(criteria sheet, rubric settings sheet or None); None for both without any sheet."""
    sheets = workbook.worksheets
    criteria_names = set(CRITERIA_SHEET_NAMES) | {
        fold(n) for n in _in_languages(lambda: _("Criteria"))
    }
    rubric_names = set(RUBRIC_SHEET_NAMES) | {fold(n) for n in _in_languages(lambda: _("Rubric"))}
    criteria = find_sheet(workbook, criteria_names)
    rubric = next(
        (s for s in sheets if s is not criteria and fold(s.title) in rubric_names),
        None,
    )
    if rubric is None:
        # The second sheet of the file, whatever its name.
        rubric = next((s for s in sheets[:2] if s is not criteria), None)
    return criteria, rubric


def _header_aliases() -> dict[str, set[str]]:
    aliases = {field: set(names) for field, names in HEADER_ALIASES.items()}
    for field, header in COLUMNS:
        aliases[field].update(fold(h) for h in _in_languages(lambda header=header: str(header)))
    return aliases


def _record(row) -> dict:
    """The row's texts; numbers and booleans as they are for the columns that read them (a row
    of zeros, as a formula leaves in a blank line, is blank)."""
    record = {}
    for field, value in row.values.items():
        if field in ("max_points", "evidence_required") and isinstance(value, int | float):
            record[field] = value
        else:
            record[field] = cell_text(value)
    return record


def _parse_decimal(value) -> Decimal | None:
    """A number cell, or text with a decimal comma or point; None when it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        number = Decimal(repr(value))
    else:
        text = "".join(str(value).split()).replace("\u00a0", "")
        if "," in text:
            if "." in text or text.count(",") > 1:
                return None
            text = text.replace(",", ".")
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
    return number if number.is_finite() else None


def _kind_tables() -> tuple[dict[str, str], dict[str, str]]:
    exact = dict(KIND_EXACT)
    folded = dict(KIND_FOLDED)
    ambiguous = set()
    for kind in CriterionKind:
        exact[kind.value] = kind.value
        for label in _in_languages(lambda kind=kind: str(kind.label)):
            exact.setdefault(_lower(label), kind.value)
            key = fold(label)
            if key in KIND_FOLDED:
                continue
            if folded.get(key, kind.value) != kind.value:
                ambiguous.add(key)
            folded.setdefault(key, kind.value)
    for key in ambiguous:
        folded.pop(key)
    return exact, folded


def _evidence_table() -> dict[str, bool]:
    table = dict(EVIDENCE_VALUES)
    for word in _in_languages(lambda: _("Yes")):
        table.setdefault(fold(word), True)
    for word in _in_languages(lambda: _("No")):
        table.setdefault(fold(word), False)
    return table


def _too_long(limit) -> str:
    return _("At most %(max)d characters.") % {"max": limit}


def _check_length(report, number, field, value) -> bool:
    limit = MAX_LENGTHS[field]
    if len(value) > limit:
        report.add(number, field, _too_long(limit))
        return False
    return True


def _parse_criteria(rows, report) -> tuple[list[GroupData], list[CriterionData]]:
    kinds_exact, kinds_folded = _kind_tables()
    evidence_values = _evidence_table()
    kind_choices = ", ".join(f"“{label}”" for label in CriterionKind.labels)
    yes, no = _("Yes"), _("No")
    # Group code -> [first row, title or "", row of the title].
    groups: dict[str, list] = {}
    seen_codes: dict[str, int] = {}
    criteria: list[CriterionData] = []
    for number, record in rows:
        group_code = record.get("group_code", "")
        group_title = record.get("group_title", "")
        is_criterion = any(record.get(f) not in (None, "") for f in CRITERION_FIELDS)
        if group_code:
            if group_code not in groups:
                groups[group_code] = [number, "", number]
                _check_length(report, number, "group_code", group_code)
            group = groups[group_code]
            if group_title and not group[1]:
                group[1], group[2] = group_title, number
                _check_length(report, number, "group_title", group_title)
        elif is_criterion:
            report.add(number, "group_code", _("Write the group code of this criterion."))
        elif group_title:
            report.add(number, "group_code", _("Write the group code."))
        if not is_criterion:
            continue

        code, title = record.get("code", ""), record.get("title", "")
        row_ok = True
        if not code:
            report.add(number, "code", _("Write the criterion code."))
            row_ok = False
        elif code in seen_codes:
            report.add(
                number,
                "code",
                _("The same criterion code is already on row %(row)d.") % {"row": seen_codes[code]},
            )
            row_ok = False
        else:
            seen_codes[code] = number
            row_ok = _check_length(report, number, "code", code) and row_ok
        if not title:
            report.add(number, "title", _("Write the criterion."))
            row_ok = False
        else:
            row_ok = _check_length(report, number, "title", title) and row_ok

        raw_points = record.get("max_points", "")
        points = None
        if raw_points in (None, ""):
            report.add(number, "max_points", _("Write the maximum points."))
        else:
            points = _parse_decimal(raw_points)
            if points is None:
                report.add(number, "max_points", _("Write a number, e.g. 2,5 or 10."))
            elif not Decimal("0") < points <= MAX_POINTS:
                report.add(
                    number,
                    "max_points",
                    _("The maximum points must be more than 0 and at most %(max)s.")
                    % {"max": MAX_POINTS},
                )
                points = None
            elif points != points.quantize(Decimal("0.01")):
                report.add(number, "max_points", _("Use at most two decimal places."))
                points = None
        row_ok = row_ok and points is not None

        raw_kind = record.get("kind", "")
        kind = CriterionKind.NORMAL.value
        if raw_kind:
            kind = kinds_exact.get(_lower(raw_kind)) or kinds_folded.get(fold(raw_kind))
            if kind is None:
                report.add(
                    number,
                    "kind",
                    _("Write one of: %(choices)s.") % {"choices": kind_choices},
                )
                row_ok = False

        raw_evidence = record.get("evidence_required", "")
        evidence = False
        if isinstance(raw_evidence, bool):
            evidence = raw_evidence
        elif raw_evidence not in (None, ""):
            evidence = evidence_values.get(fold(cell_text(raw_evidence)))
            if evidence is None:
                report.add(
                    number,
                    "evidence_required",
                    _("Write “%(yes)s” or “%(no)s”.") % {"yes": yes, "no": no},
                )
                row_ok = False

        if row_ok and group_code:
            criteria.append(
                CriterionData(
                    group_code=group_code,
                    code=code,
                    title=title,
                    guidance=record.get("guidance", ""),
                    max_points=points,
                    kind=str(kind),
                    evidence_required=evidence,
                    order=len(criteria),
                )
            )

    for code, (first_row, title, _title_row) in groups.items():
        if not title:
            report.add(
                first_row,
                "group_title",
                _("Write the title of group %(code)s.") % {"code": code},
            )
    # Groups without a title are found last: the report reads by row, then by column.
    positions = {report.column_names[f]: index for index, (f, _header) in enumerate(COLUMNS)}
    report.errors.sort(key=lambda e: (e.row, positions.get(e.column, len(COLUMNS))))
    group_list = [
        GroupData(code=code, title=title, order=order)
        for order, (code, (_first, title, _row)) in enumerate(groups.items())
    ]
    return group_list, criteria


def _settings_keys() -> dict[str, set[str]]:
    keys = {field: set(names) for field, names in RUBRIC_KEYS.items()}
    for field in keys:
        label = Rubric._meta.get_field(field).verbose_name
        keys[field].update(fold(name) for name in _in_languages(lambda label=label: str(label)))
    return keys


def _parse_settings(sheet_name, rows, group_codes, report) -> dict:
    keys = _settings_keys()
    found: dict[str, tuple[int, str, object]] = {}
    for number, values in enumerate(rows, start=1):
        if not values:
            continue
        key = fold(values[0])
        for field, names in keys.items():
            if key in names and field not in found:
                value = values[1] if len(values) > 1 else None
                found[field] = (number, f"{sheet_name}: {cell_text(values[0])}", value)
                break
    settings = {}
    if "title" in found:
        number, column, value = found["title"]
        title = cell_text(value)
        limit = Rubric._meta.get_field("title").max_length
        if len(title) > limit:
            report.add(number, column, _("At most %(max)d characters.") % {"max": limit})
        elif title:
            settings["title"] = title
    if "bonus_cap" in found:
        number, column, value = found["bonus_cap"]
        if value is not None and cell_text(value) != "":
            cap = _parse_decimal(value if isinstance(value, int | float) else cell_text(value))
            if cap is None:
                report.add(number, column, _("Write a number, e.g. 2,5 or 10."))
            elif not Decimal("0") <= cap <= MAX_BONUS_CAP:
                report.add(
                    number,
                    column,
                    _("The cap on bonus points must be at least 0 and at most %(max)s.")
                    % {"max": MAX_BONUS_CAP},
                )
            elif cap != cap.quantize(Decimal("0.01")):
                report.add(number, column, _("Use at most two decimal places."))
            else:
                settings["bonus_cap"] = cap
    if "tie_break_groups" in found:
        number, column, value = found["tie_break_groups"]
        codes = [c.strip() for c in re.split(r"[,;]", cell_text(value)) if c.strip()]
        unknown = [c for c in codes if c not in group_codes]
        text = ", ".join(codes)
        limit = Rubric._meta.get_field("tie_break_groups").max_length
        if unknown:
            report.add(
                number,
                column,
                _("No such group in the file: %(codes)s.") % {"codes": ", ".join(unknown)},
            )
        elif len(text) > limit:
            report.add(number, column, _("At most %(max)d characters.") % {"max": limit})
        else:
            settings["tie_break_groups"] = text
    return settings
