"""Small helpers shared by every .xlsx import and export (the import base is core/imports.py)."""

import unicodedata
from datetime import date, datetime
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from core.text import clean_text as clean_input


def fold(text) -> str:
    """Lower case without diacritics, spaces collapsed: 'Mã  nhóm' -> 'ma nhom'.

    Headers and choices are matched this way, so files typed without accents work.
    """
    text = unicodedata.normalize("NFC", str(text or "")).strip().lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return " ".join("".join(c for c in decomposed if unicodedata.category(c) != "Mn").split())


def cell_text(value) -> str:
    """A read cell as text: 12.0 -> "12", Vietnamese in one normal form (NFC)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_input(str(value).strip())


def clean_text(value) -> str:
    """Text without the control characters that openpyxl refuses to write."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value or ""))


def put_text(cell, value) -> None:
    """Write text that stays text: never a formula, even when it starts with "=", "+", "-", "@"."""
    text = clean_text(value)
    if not text:
        return
    cell.value = text
    cell.data_type = "s"


# ----------------------------------------------------------------------------- printing

SCORE_FORMAT = "0.00"  # two decimals; Excel shows the reader's decimal separator (1,50)
COUNT_FORMAT = "0"
DATE_FORMAT = "dd/mm/yyyy"
MIN_WIDTH = 5
MAX_WIDTH = 60
# Wrapped header cells count at most this many characters: long headers wrap.
MAX_HEADER_WIDTH = 12
THIN = Side(style="thin")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(bold=True, size=13)
DATE_ALIGNMENT = Alignment(horizontal="right")


def _shown_length(cell, *, header: bool) -> int:
    value = cell.value
    if value is None:
        return 0
    if isinstance(value, bool):
        text = str(value)
    elif isinstance(value, int | float | Decimal):
        text = f"{value:.2f}" if cell.number_format == SCORE_FORMAT else str(value)
    elif isinstance(value, datetime):
        text = "00/00/0000 00:00"
    elif isinstance(value, date):
        text = "00/00/0000"
    else:
        text = str(value)
    longest = max((len(line) for line in text.splitlines()), default=0)
    if header and cell.alignment is not None and cell.alignment.wrap_text:
        return min(longest, MAX_HEADER_WIDTH)
    return longest


def print_setup(
    sheet,
    *,
    header_rows: tuple[int, int],
    title: str = "",
    exported_on: date | None = None,
    date_text: str = "",
    freeze_column: int = 0,
    max_width: int = MAX_WIDTH,
) -> None:
    """Make a sheet's table ready to print, the same way in every export.

    The table runs from the first header row to the last written row and column. Its
    numbers get a format (scores two decimals, shown with the reader's decimal comma;
    whole counts none), every cell a thin border, every column a width sized to its
    content; the header rows repeat on every printed page, the page is landscape A4,
    fitted to one page wide, and the panes freeze below the header (and right of
    ``freeze_column`` columns). With ``title`` the title goes in A1 (rows above the
    header are the caller's to leave free); with ``exported_on`` the export date
    (dd/mm/yyyy) goes at the right end of row 2, or ``date_text`` there if given.
    """
    first, last = header_rows
    last_row = sheet.max_row
    last_column = sheet.max_column
    if title:
        cell = sheet.cell(1, 1)
        put_text(cell, title)
        cell.font = TITLE_FONT
    if exported_on is not None or date_text:
        text = date_text or _("Exported on %(date)s") % {"date": f"{exported_on:%d/%m/%Y}"}
        cell = sheet.cell(2, last_column)
        put_text(cell, text)
        cell.font = Font(italic=True)
        cell.alignment = DATE_ALIGNMENT
    widths = dict.fromkeys(range(1, last_column + 1), 0)
    for row in sheet.iter_rows(min_row=first, max_row=last_row, max_col=last_column):
        for cell in row:
            if isinstance(cell, MergedCell):
                cell.border = GRID
                continue
            value = cell.value
            if isinstance(value, float | Decimal) and cell.number_format == "General":
                cell.number_format = SCORE_FORMAT
            elif (
                isinstance(value, int)
                and not isinstance(value, bool)
                and cell.number_format == "General"
            ):
                cell.number_format = COUNT_FORMAT
            cell.border = GRID
            widths[cell.column] = max(
                widths[cell.column], _shown_length(cell, header=cell.row <= last)
            )
    for column, longest in widths.items():
        width = min(max(longest + 2, MIN_WIDTH), max_width)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.print_title_rows = f"{first}:{last}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_options.horizontalCentered = True
    sheet.freeze_panes = sheet.cell(last + 1, freeze_column + 1).coordinate
