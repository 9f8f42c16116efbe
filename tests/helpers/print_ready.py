"""What every exported table must have to print well (issue 15, "Ready to print")."""

from datetime import date

from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter

DEFAULT_WIDTH = 8.43  # what Excel shows for a column nobody sized


def assert_print_ready(
    sheet, *, header_row: int, header_last: int | None = None, title: str = "", dated: bool = True
):
    """The sheet's table from `header_row` (one header row) down: formats, widths,
    borders, print titles, landscape, fitted to the page width, panes frozen below it."""
    header_last = header_last or header_row
    assert sheet.print_title_rows.replace("$", "") == f"{header_row}:{header_last}"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.freeze_panes is not None
    assert int("".join(c for c in sheet.freeze_panes if c.isdigit())) == header_last + 1
    last_column = sheet.max_column
    for column in range(1, last_column + 1):
        width = sheet.column_dimensions[get_column_letter(column)].width
        assert width is not None and width >= 5
    for row in sheet.iter_rows(min_row=header_row, max_col=last_column):
        for cell in row:
            if isinstance(cell, MergedCell):
                continue  # inside a merged header: the range's outline is its border
            for side in (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom):
                assert side.style == "thin", cell.coordinate
            if isinstance(cell.value, float | int) and cell.row > header_last:
                assert cell.number_format in ("0.00", "0"), cell.coordinate
    if title:
        assert sheet["A1"].value == title
        assert sheet["A1"].font.b
    if dated:
        today = date.today().strftime("%d/%m/%Y")
        assert any(today in str(cell.value or "") for cell in sheet[2])


def widest(sheet) -> float:
    return max(
        sheet.column_dimensions[get_column_letter(c)].width or 0
        for c in range(1, sheet.max_column + 1)
    )
