"""The base of every .xlsx import: read a sheet within limits, check every row, then write all
rows or none.

A module beside core/xlsx.py rather than more of it: xlsx.py holds the cell helpers that
exports use too, this one the import contract, the one place that knows how an upload becomes
rows and how a bad row is reported (staff, past awards and rubrics are imported through it).

- `import_xlsx` is the whole contract of a one-sheet import: it reads the rows, has the
  caller check every one onto a `RowReport`; any error raises one `ImportInvalid` carrying
  the whole report and nothing is written; otherwise the caller's write runs in one
  transaction and its result summary is returned.
- Reading (`open_workbook`, `find_sheet`, `read_table`; `sheet_rows` for a sheet without a
  header) refuses a file that is too large, unpacks to too much, is not an .xlsx workbook,
  or is too long, finds the header row by folded names (typed with or without diacritics,
  spaces or punctuation: `fold_header`; the template's own headers in every language) and
  returns the rows below it, numbered as in Excel. A file of several sheets (the rubric)
  reads them itself.
- `template_workbook` builds the file users fill in; `refusal_to_import_form` shows either
  refusal on the import page.
"""

from collections.abc import Collection, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from itertools import islice

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.exceptions import ActionRefused
from core.text import strip_format_characters
from core.uploads import check_zip_container
from core.xlsx import cell_text, fold

XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    # Rows with content below the header; blank rows do not count.
    max_rows: int
    # Columns read: a cell far to the right must not make every row thousands of cells wide.
    max_columns: int = 50
    # Bytes the workbook may unpack to (None: settings.ZIP_MAX_UNPACKED_BYTES).
    max_unpacked: int | None = None


@dataclass(frozen=True)
class Columns:
    """The columns an import reads: (field, label) pairs in template order, the folded header
    names that stand for each field, and the fields a file must have."""

    fields: tuple[tuple[str, str], ...]
    aliases: Mapping[str, Collection[str]]
    required: tuple[str, ...]

    @property
    def labels(self) -> dict[str, str]:
        return {field: str(label) for field, label in self.fields}


@dataclass(frozen=True)
class Row:
    number: int  # as Excel numbers it
    values: dict  # field -> cell value as read, for the columns the file has

    def get(self, field):
        return self.values.get(field)

    def text(self, field) -> str:
        """The cell as text, without invisible format characters (core.text)."""
        return strip_format_characters(cell_text(self.values.get(field))).strip()


@dataclass(frozen=True)
class Table:
    """The rows below a sheet's header, blank ones left out."""

    # Field -> the header as the file writes it (the label where the file has no such column).
    headers: dict[str, str]
    rows: list[Row]


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


class ImportInvalid(ActionRefused):
    """Some rows are wrong, so nothing was written: `errors` lists every one, by row."""

    def __init__(self, errors):
        super().__init__(
            _("Nothing was saved: %(count)d problems in the file. Fix them and upload again.")
            % {"count": len(errors)}
        )
        self.errors = errors


class RowReport:
    """The errors found while every row is checked, in the order they are found."""

    def __init__(self, column_names: Mapping[str, str]):
        self.column_names = column_names  # field -> column named in the report
        self.errors: list[RowError] = []
        self._rows: set[int] = set()

    def add(self, row: int, field: str, message) -> None:
        column = str(self.column_names.get(field, field))
        self.errors.append(RowError(row, column, str(message)))
        self._rows.add(row)

    def add_invalid(self, row: int, error, *, skip=()) -> None:
        """Each message of a model's ValidationError, on its field's column."""
        for field, messages in error.message_dict.items():
            if field not in skip:
                for message in messages:
                    self.add(row, field, message)

    def has_errors(self, row: int) -> bool:
        return row in self._rows

    def raise_if_any(self) -> None:
        if self.errors:
            raise ImportInvalid(self.errors)


def import_xlsx(uploaded, *, columns: Columns, limits: Limits, empty, check, write):
    """Import the rows of the upload's first sheet, all or none.

    `check(rows, report)` checks every row, putting each error on the report (named by the
    column's label), and returns what to write; any error raises ImportInvalid with all of
    them, else `write(checked)` runs in one transaction and its result (the summary) is
    returned. `empty` refuses a file without rows.
    """
    with open_workbook(uploaded, limits=limits) as workbook:
        table = read_table(find_sheet(workbook), columns=columns, limits=limits, empty=empty)
    report = RowReport(columns.labels)
    checked = check(table.rows, report)
    report.raise_if_any()
    with transaction.atomic():
        return write(checked)


def template_workbook(columns: Columns, *, title, examples, widths, bold_header=False) -> bytes:
    """The file users fill in: the column labels, example rows, the columns' widths."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(title)[:31]  # Excel's limit
    sheet.append(list(columns.labels.values()))
    if bold_header:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    for row in examples:
        sheet.append(row)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def refusal_to_import_form(form, refused: ActionRefused) -> dict:
    """Show a refused import on its page: the row report under a summary, any other refusal
    on the form's `file` field. Returns the page's context."""
    if isinstance(refused, ImportInvalid):
        form.add_error(None, refused.message)
        return {"form": form, "row_errors": refused.errors}
    form.add_error("file", refused.message)
    return {"form": form}


# --- Reading ---------------------------------------------------------------------------------


@contextmanager
def open_workbook(uploaded, *, limits: Limits):
    """The upload as a read-only (streaming) workbook; refused when too large, not an .xlsx
    file, or unpacking to too much (checked on the archive's directory before openpyxl runs).

    The block only reads the workbook: anything but a refusal failing in it means a damaged
    file (openpyxl can fail anywhere in one, also while rows are read).
    """
    if uploaded.size > limits.max_bytes:
        raise ActionRefused(
            _("The file is too large (at most %(size)d MB).")
            % {"size": limits.max_bytes // (1024 * 1024)}
        )
    head = uploaded.read(len(XLSX_MAGIC))
    uploaded.seek(0)
    if not (uploaded.name or "").lower().endswith(".xlsx") or head != XLSX_MAGIC:
        raise ActionRefused(_("Please choose an Excel file (.xlsx)."))
    # Before openpyxl reads anything: a small file may unpack to gigabytes.
    check_zip_container(uploaded, max_unpacked=limits.max_unpacked)
    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
        try:
            yield workbook
        finally:
            workbook.close()
    except ActionRefused:
        raise
    except Exception as exc:
        raise ActionRefused(_("The file could not be read as an Excel workbook (.xlsx).")) from exc


def find_sheet(workbook, names: Collection[str] = ()):
    """The first sheet whose folded title is one of `names`, else the first sheet (None when
    the workbook has none)."""
    sheets = workbook.worksheets
    return next((s for s in sheets if fold(s.title) in names), sheets[0] if sheets else None)


def read_table(sheet, *, columns: Columns, limits: Limits, empty, header_rows: int = 1) -> Table:
    """The rows below the header, which is searched in the first `header_rows` rows (a
    hand-made sheet may put a title above it); blank rows are left out."""
    rows = enumerate(_cells(sheet, limits), start=1)
    found = _find_header(rows, columns, header_rows, empty)
    headers = columns.labels
    headers.update({field: cell_text(cell) for field, (_index, cell) in found.items()})
    table = []
    for number, values in _limited(rows, limits):
        row = Row(number, {f: _at(values, index) for f, (index, _cell) in found.items()})
        if any(row.text(field) for field in row.values):
            table.append(row)
    if not table:
        raise ActionRefused(empty)
    return Table(headers=headers, rows=table)


def sheet_rows(sheet, *, limits: Limits) -> list[tuple]:
    """Every row of a sheet without a header (blank ones too: row n is at index n - 1)."""
    return [values for _number, values in _limited(enumerate(_cells(sheet, limits), 1), limits)]


def _cells(sheet, limits):
    if sheet is None:
        return iter(())
    return sheet.iter_rows(max_col=limits.max_columns, values_only=True)


def _at(values, index):
    return values[index] if index < len(values) else None


def _has_content(values) -> bool:
    # `is not None` first: most of the cells read are empty.
    return any(value is not None and cell_text(value) for value in values)


def _limited(rows, limits):
    """The numbered rows, refusing the file past `max_rows` rows with content."""
    filled = 0
    for number, values in rows:
        if _has_content(values):
            filled += 1
            if filled > limits.max_rows:
                raise ActionRefused(
                    _("The file has more than %(max)d rows.") % {"max": limits.max_rows}
                )
        yield number, values


def fold_header(text) -> str:
    """A header as it is matched: folded (no diacritics, lower case) and without spaces or
    punctuation, so 'Ngạch / hạng', 'ngach/hang' and 'Ngạch-hạng' are the same column."""
    return "".join(c for c in fold(text) if c.isalnum())


def _in_every_language(label) -> set[str]:
    texts = {str(label)}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            texts.add(str(label))
    return texts


def _map_header(cells, columns: Columns) -> dict[str, tuple[int, object]]:
    """{field: (column index, header cell)}, each field on the first unused column whose
    folded header is one of its aliases."""
    folded = [fold_header(cell) for cell in cells]
    found, used = {}, set()
    for field, label in columns.fields:
        # The template's own header, in every language, is always recognised.
        names = {fold_header(name) for name in columns.aliases.get(field, ())}
        names.update(fold_header(text) for text in _in_every_language(label))
        for index, name in enumerate(folded):
            if name and index not in used and name in names:
                found[field] = (index, cells[index])
                used.add(index)
                break
    return found


def _find_header(rows, columns, header_rows, empty):
    """The mapping of the first row naming every required column; else a refusal naming the
    columns missing from the row that came closest."""
    best_number, best, blank = 1, {}, True
    for number, cells in islice(rows, header_rows):
        found = _map_header(cells, columns)
        if all(field in found for field in columns.required):
            return found
        if len(found) > len(best):
            best_number, best = number, found
        blank = blank and not _has_content(cells)
    if blank and not any(_has_content(cells) for _number, cells in rows):
        raise ActionRefused(empty)
    labels = columns.labels
    missing = ", ".join(labels[field] for field in columns.required if field not in best)
    if best_number == 1:
        raise ActionRefused(
            _("The first row must name the columns; missing: %(columns)s.") % {"columns": missing}
        )
    raise ActionRefused(
        _("Row %(row)d must name the columns; missing: %(columns)s.")
        % {"row": best_number, "columns": missing}
    )
