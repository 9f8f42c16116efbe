"""The consolidated table of a cluster's title registrations, as .xlsx.

Built for the cluster secretariat from plain data (no database access): the caller
collects the registrations and passes every user-facing label already translated.

The workbook has three sheets:

1. Summary: the round title and deadline, then one row per unit with the number of
   registrations per title (two header rows: the title's name, and below it whether
   it is for a person or a collective), and a totals row. Totals are plain numbers
   computed here, not formulas, so that readers which do not compute formulas
   (openpyxl with data_only, headless LibreOffice conversions) still show them.
2. Items: one row per registered title (unit, person, title, recipient, note).
3. Missing: the units that have not registered, or a single "none" row.

Text cells are always written as text: a unit named "=SUM(...)" is never a formula.
"""

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.xlsx import clean_text, print_setup, put_text

PERSON = "person"
COLLECTIVE = "collective"

DATETIME_FORMAT = "dd/mm/yyyy hh:mm"

# Summary sheet layout: the round title, the deadline, two header rows, the units.
TITLE_ROW = 1
DEADLINE_ROW = 2
HEADER_ROW = 3
KIND_ROW = 4
FIRST_DATA_ROW = 5
# Fixed columns before the title columns: "#", unit, status, submitted at.
FIXED_COLUMNS = 4
UNIT_COLUMN = 2
NUMBER_WIDTH = 5
STATUS_WIDTH = 16
SUBMITTED_WIDTH = 18
TITLE_WIDTH = 14
TOTAL_WIDTH = 10
MIN_NAME_WIDTH = 20
MAX_NAME_WIDTH = 50
NOTE_WIDTH = 50
LINE_HEIGHT = 15
# Excel sheet names: at most 31 characters, none of []:*?/\ .
SHEET_NAME_MAX = 31
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class TitleColumn:
    key: str  # unique key, e.g. "LDTT:person"
    name: str  # "Lao động tiên tiến"
    recipient: str  # "person" or "collective"


@dataclass(frozen=True)
class UnitRow:
    unit_name: str
    status: str  # human label, e.g. "Đã nộp"; "" for a unit that has not registered
    submitted_at: datetime | None
    counts: dict[str, int]  # TitleColumn.key -> number registered


@dataclass(frozen=True)
class ItemRow:
    unit_name: str
    person_name: str  # "" for the unit's own (collective) titles
    title_name: str
    recipient: str  # "person" / "collective"
    note: str


@dataclass(frozen=True)
class ConsolidatedTable:
    round_title: str  # e.g. "Đăng ký thi đua năm 2025 – Cụm Thi đua số 2"
    deadline: date
    titles: list[TitleColumn]
    units: list[UnitRow]  # written in the given order
    not_registered: list[str]  # unit names
    items: list[ItemRow]
    # Every user-facing label, already translated by the caller: "summary_sheet",
    # "items_sheet", "missing_sheet", "unit", "status", "submitted_at", "total",
    # "person", "title", "recipient", "note", "deadline", "person_kind",
    # "collective_kind", "no_missing".
    labels: dict[str, str]


BOLD = Font(bold=True)
TOP = Alignment(vertical="top")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
HEADER = Alignment(wrap_text=True, horizontal="center", vertical="center")


def _local(value: datetime | None) -> datetime | None:
    """A naive local date-time for Excel, which knows no time zones."""
    if value is None:
        return None
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


def _sheet_name(label: str, fallback: str) -> str:
    name = " ".join(SHEET_NAME_FORBIDDEN.sub(" ", clean_text(label)).split()).strip("'")
    return name[:SHEET_NAME_MAX].strip() or fallback


def _name_width(names) -> int:
    longest = max((len(name) for name in names), default=0)
    return min(max(longest + 2, MIN_NAME_WIDTH), MAX_NAME_WIDTH)


def _recipient_label(recipient: str, labels: dict[str, str]) -> str:
    kinds = {PERSON: labels["person_kind"], COLLECTIVE: labels["collective_kind"]}
    return kinds.get(recipient, recipient)


def registrations_workbook(table: ConsolidatedTable) -> bytes:
    """The consolidated table as .xlsx bytes: summary, items and missing units."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = _sheet_name(table.labels["summary_sheet"], "Sheet1")
    _write_summary(summary, table)
    _write_items(workbook.create_sheet(_sheet_name(table.labels["items_sheet"], "Sheet2")), table)
    _write_missing(
        workbook.create_sheet(_sheet_name(table.labels["missing_sheet"], "Sheet3")), table
    )
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_summary(sheet, table: ConsolidatedTable):
    labels = table.labels
    titles = table.titles
    total_column = FIXED_COLUMNS + len(titles) + 1
    last_letter = get_column_letter(total_column)

    title = sheet.cell(TITLE_ROW, 1)
    put_text(title, table.round_title)
    title.font = Font(bold=True, size=13)
    title.alignment = Alignment(vertical="center")
    sheet.merge_cells(f"A{TITLE_ROW}:{last_letter}{TITLE_ROW}")
    # Not merged: the export date goes at the right end of this row.
    put_text(sheet.cell(DEADLINE_ROW, 1), f"{labels['deadline']}: {table.deadline:%d/%m/%Y}")

    # Header: the fixed columns and the total span both header rows; each title column
    # has its name above and its recipient kind below.
    fixed = {1: "#", 2: labels["unit"], 3: labels["status"], 4: labels["submitted_at"]}
    fixed[total_column] = labels["total"]
    for column, header in fixed.items():
        put_text(sheet.cell(HEADER_ROW, column), header)
        letter = get_column_letter(column)
        sheet.merge_cells(f"{letter}{HEADER_ROW}:{letter}{KIND_ROW}")
    for offset, column_title in enumerate(titles, start=FIXED_COLUMNS + 1):
        put_text(sheet.cell(HEADER_ROW, offset), column_title.name)
        put_text(sheet.cell(KIND_ROW, offset), _recipient_label(column_title.recipient, labels))
    header_cells = [sheet.cell(HEADER_ROW, column) for column in range(1, total_column + 1)]
    header_cells += [
        sheet.cell(KIND_ROW, column) for column in range(FIXED_COLUMNS + 1, total_column)
    ]
    for cell in header_cells:
        cell.font = BOLD
        cell.alignment = HEADER

    # One row per unit, then the totals (plain numbers, not formulas).
    column_totals = [0] * len(titles)
    row = FIRST_DATA_ROW
    for number, unit in enumerate(table.units, start=1):
        sheet.cell(row, 1, number).alignment = TOP
        name = sheet.cell(row, 2)
        put_text(name, unit.unit_name)
        name.alignment = WRAP_TOP
        status = sheet.cell(row, 3)
        put_text(status, unit.status)
        status.alignment = TOP
        submitted = sheet.cell(row, 4, _local(unit.submitted_at))
        submitted.number_format = DATETIME_FORMAT
        submitted.alignment = TOP
        row_total = 0
        for index, column_title in enumerate(titles):
            count = unit.counts.get(column_title.key, 0) or 0
            sheet.cell(row, FIXED_COLUMNS + 1 + index, count)
            column_totals[index] += count
            row_total += count
        sheet.cell(row, total_column, row_total).font = BOLD
        row += 1
    put_text(sheet.cell(row, UNIT_COLUMN), labels["total"])
    for index, count in enumerate(column_totals):
        sheet.cell(row, FIXED_COLUMNS + 1 + index, count)
    sheet.cell(row, total_column, sum(column_totals))
    for column in range(1, total_column + 1):
        sheet.cell(row, column).font = BOLD

    statuses = [unit.status for unit in table.units]
    widths = {
        1: NUMBER_WIDTH,
        2: _name_width([labels["unit"], labels["total"]] + [u.unit_name for u in table.units]),
        3: max(
            STATUS_WIDTH,
            min(max(len(text) for text in [labels["status"], *statuses]) + 2, MAX_NAME_WIDTH),
        ),
        4: SUBMITTED_WIDTH,
        total_column: TOTAL_WIDTH,
    }
    for column in range(FIXED_COLUMNS + 1, total_column):
        widths[column] = TITLE_WIDTH
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    # Wrapped title names: give the header row room for the longest one.
    lines = max((math.ceil(len(t.name) / (TITLE_WIDTH - 2)) for t in titles), default=1)
    sheet.row_dimensions[HEADER_ROW].height = LINE_HEIGHT * max(lines, 1)
    sheet.row_dimensions[TITLE_ROW].height = 20

    print_setup(
        sheet,
        header_rows=(HEADER_ROW, KIND_ROW),
        exported_on=timezone.localdate(),
        freeze_column=UNIT_COLUMN,
        max_width=MAX_NAME_WIDTH,
    )
    # The sizes to content above, but never narrower than the layout's minimums.
    for column, width in widths.items():
        letter = get_column_letter(column)
        current = sheet.column_dimensions[letter].width
        sheet.column_dimensions[letter].width = max(current, width)


def _write_items(sheet, table: ConsolidatedTable):
    labels = table.labels
    headers = (labels["unit"], labels["person"], labels["title"], labels["recipient"])
    for column, header in enumerate((*headers, labels["note"]), start=1):
        cell = sheet.cell(1, column)
        put_text(cell, header)
        cell.font = BOLD
    for row, item in enumerate(table.items, start=2):
        values = (
            item.unit_name,
            item.person_name,
            item.title_name,
            _recipient_label(item.recipient, labels),
            item.note,
        )
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column)
            put_text(cell, value)
            cell.alignment = WRAP_TOP
    widths = (
        _name_width([labels["unit"]] + [i.unit_name for i in table.items]),
        _name_width([labels["person"]] + [i.person_name for i in table.items]),
        _name_width([labels["title"]] + [i.title_name for i in table.items]),
        max(len(labels["recipient"]), len(labels["person_kind"]), len(labels["collective_kind"]))
        + 4,
        NOTE_WIDTH,
    )
    print_setup(sheet, header_rows=(1, 1), max_width=NOTE_WIDTH)
    for column, width in enumerate(widths[:-1], start=1):
        letter = get_column_letter(column)
        current = sheet.column_dimensions[letter].width
        sheet.column_dimensions[letter].width = max(current, width)


def _write_missing(sheet, table: ConsolidatedTable):
    labels = table.labels
    header = sheet.cell(1, 1)
    put_text(header, labels["unit"])
    header.font = BOLD
    if table.not_registered:
        for row, name in enumerate(table.not_registered, start=2):
            put_text(sheet.cell(row, 1), name)
    else:
        cell = sheet.cell(2, 1)
        put_text(cell, labels["no_missing"])
        cell.font = Font(italic=True)
    print_setup(sheet, header_rows=(1, 1))
    sheet.column_dimensions["A"].width = _name_width(
        [labels["unit"], labels["no_missing"], *table.not_registered]
    )
