"""The header of a form's table as cells to place (shared by the page and the .xlsx): the
columns' group row, label row and number row, with their spans."""

from dataclasses import dataclass
from itertools import groupby

from evaluations.statistics.definitions import Form

# The three columns before the counted ones, as on the ministry's forms.
LEADING = (("", "A"), ("Mã số", "B"), ("Đơn vị tính", "C"))


@dataclass(frozen=True)
class HeadCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


def header(form: Form) -> tuple[list[HeadCell], list[HeadCell], list[HeadCell]]:
    """(first row, second row, number row). A column without a group spans both rows."""
    first = [HeadCell(label, rowspan=2) for label, _number in LEADING]
    second = []
    for group, columns in groupby(form.columns, key=lambda c: c.group):
        columns = list(columns)
        if group:
            first.append(HeadCell(group, colspan=len(columns)))
            second += [HeadCell(c.label) for c in columns]
        else:
            first += [HeadCell(c.label, rowspan=2) for c in columns]
    numbers = [HeadCell(number) for _label, number in LEADING]
    for number, columns in groupby(form.columns, key=lambda c: c.number):
        numbers.append(HeadCell(number, colspan=len(list(columns))))
    return first, second, numbers
