"""A counted form as an .xlsx in the ministry's layout, its code in the heading."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from core.xlsx import print_setup, put_text
from evaluations.statistics.layout import header
from evaluations.statistics.selectors import Table

HEADER_FIRST = 7
BOLD = Font(bold=True)
CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)


def period_text(table: Table) -> str:
    start, end = table.period.start, table.period.end
    return f"Năm {table.year} (từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y})"


def form_xlsx(table: Table) -> bytes:
    form = table.form
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = form.slug
    width = 3 + len(form.columns)
    right = max(width - 2, 4)
    put_text(sheet.cell(1, 1), f"Biểu số: {form.code}")
    sheet.cell(1, 1).font = BOLD
    put_text(sheet.cell(2, 1), f"Ban hành theo Thông tư số {form.circular.code}")
    put_text(sheet.cell(3, 1), f"Ngày nhận báo cáo: {form.circular.received}")
    put_text(sheet.cell(1, right), f"Đơn vị báo cáo: {table.scope.name}")
    put_text(sheet.cell(2, right), "Đơn vị nhận báo cáo:")
    put_text(sheet.cell(4, 1), form.title)
    sheet.cell(4, 1).font = Font(bold=True, size=13)
    put_text(sheet.cell(5, 1), period_text(table))
    sheet.cell(5, 1).font = Font(italic=True)
    for row_number in (4, 5):
        sheet.merge_cells(
            start_row=row_number, start_column=1, end_row=row_number, end_column=width
        )
        sheet.cell(row_number, 1).alignment = Alignment(horizontal="center", wrap_text=True)

    rows = header(form)
    for offset, cells in enumerate(rows):
        row_number = HEADER_FIRST + offset
        column = 1
        for cell in cells:
            while _is_taken(sheet, row_number, column):
                column += 1
            target = sheet.cell(row_number, column)
            put_text(target, cell.text)
            target.font = BOLD
            target.alignment = CENTRED
            if cell.colspan > 1 or cell.rowspan > 1:
                sheet.merge_cells(
                    start_row=row_number,
                    start_column=column,
                    end_row=row_number + cell.rowspan - 1,
                    end_column=column + cell.colspan - 1,
                )
            column += cell.colspan
    last_header = HEADER_FIRST + len(rows) - 1

    row_number = last_header
    for line, values in table.lines():
        row_number += 1
        put_text(sheet.cell(row_number, 1), line.label)
        sheet.cell(row_number, 1).alignment = Alignment(wrap_text=True, vertical="top")
        if line.heading or line.key == form.rows[0].key:
            sheet.cell(row_number, 1).font = BOLD
        put_text(sheet.cell(row_number, 2), line.key)
        sheet.cell(row_number, 2).alignment = Alignment(horizontal="center")
        put_text(sheet.cell(row_number, 3), line.measure or ("" if line.heading else form.measure))
        for offset, value in enumerate(values):
            if value is not None:
                sheet.cell(row_number, 4 + offset, value)

    print_setup(sheet, header_rows=(HEADER_FIRST, last_header), max_width=24)
    sheet.column_dimensions["A"].width = 48
    sheet.freeze_panes = None

    footer = row_number + 2
    put_text(sheet.cell(footer, 1), "Người lập biểu")
    put_text(sheet.cell(footer + 1, 1), "(Ký, họ tên)")
    put_text(sheet.cell(footer, right), "Thủ trưởng đơn vị")
    put_text(sheet.cell(footer + 1, right), "(Ký, họ tên, đóng dấu)")
    for cell in (sheet.cell(footer, 1), sheet.cell(footer, right)):
        cell.font = BOLD
    notes = [*form.notes]
    notes += [_("Row %(code)s") % {"code": codes} + f": {note}" for codes, note in form.row_notes()]
    notes += [
        _("Column %(number)s") % {"number": numbers} + f": {note}"
        for numbers, note in form.column_notes()
    ]
    if notes:
        put_text(sheet.cell(footer + 5, 1), _("Notes (not part of the ministry's form)"))
        sheet.cell(footer + 5, 1).font = BOLD
        for offset, note in enumerate(notes, start=1):
            put_text(sheet.cell(footer + 5 + offset, 1), note)
    stream = BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _is_taken(sheet, row: int, column: int) -> bool:
    """A cell inside a range merged from the row above (a header spanning two rows)."""
    coordinate = sheet.cell(row, column).coordinate
    return any(
        coordinate in merged and merged.min_row < row for merged in sheet.merged_cells.ranges
    )
