"""The ranking and the full score matrix of a phase as .xlsx."""

from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from core.xlsx import print_setup, put_text
from evaluations.results import selectors
from evaluations.results.choices import Band

BOLD = Font(bold=True)
BAND_LABELS = dict(Band.choices)
WRAP = Alignment(wrap_text=True, vertical="top")


def _number(value):
    return None if value is None else float(value)


def _header(sheet, row, values):
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row, column)
        put_text(cell, value)
        cell.font = BOLD
        cell.alignment = WRAP


def ranking_workbook(phase, *, with_scores: bool) -> bytes:
    """The published ranking (or, for the secretariat before publication, the live one);
    with_scores adds the matrix of every unit's self and reviewed score per criterion."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Ranking")[:31]
    title = f"{phase.campaign.title} – {phase.name}"
    today = timezone.localdate()
    entries = selectors.published_entries(phase)
    if entries:
        groups = list(entries[0].group_totals)
        rows = [
            (e.rank, e.unit_name, e.total, [e.group_totals.get(g) for g in groups], e.band, e.tied)
            for e in entries
        ]
        status = _("Published")
    else:
        info, live = selectors.live_ranking(phase) if with_scores else (None, [])
        groups = info.group_codes if info else []
        rows = [
            (
                r.rank,
                r.unit_name,
                r.totals.total,
                [r.totals.group_totals[g] for g in groups],
                r.band,
                r.tied,
            )
            for r in live
        ]
        status = _("Not published yet")
    put_text(sheet.cell(2, 1), status)
    _header(sheet, 3, [_("Rank"), _("Unit"), _("Total"), *groups, _("Classification"), _("Tie")])
    for offset, (rank, name, total, subtotals, band, tied) in enumerate(rows, start=4):
        sheet.cell(offset, 1, rank)
        put_text(sheet.cell(offset, 2), name)
        sheet.cell(offset, 3, _number(total))
        for index, value in enumerate(subtotals, start=4):
            sheet.cell(offset, index, _number(value) if value is not None else None)
        put_text(sheet.cell(offset, 4 + len(groups)), BAND_LABELS.get(band, ""))
        put_text(sheet.cell(offset, 5 + len(groups)), _("tied") if tied else "")
    print_setup(sheet, header_rows=(3, 3), title=title, exported_on=today, freeze_column=2)
    if with_scores:
        _score_matrix(workbook.create_sheet(_("Score matrix")[:31]), phase, title, today)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _score_matrix(sheet, phase, title, today):
    criteria, rows = selectors.score_matrix(phase)
    with_cross = any(score and score.cross_score is not None for _s, line in rows for score in line)
    kinds = [("self_score", _("self")), ("reviewed_score", _("reviewed"))]
    if with_cross:
        kinds.append(("cross_score", _("cross-scored")))
    header = [_("Unit"), _("Status")]
    for criterion in criteria:
        header += [f"{criterion.code} – {label}" for _field, label in kinds]
    header += [_("Self total"), _("Final total")]
    _header(sheet, 3, header)
    for row, (submission, line) in enumerate(rows, start=4):
        put_text(sheet.cell(row, 1), submission.unit.name)
        put_text(sheet.cell(row, 2), submission.get_status_display())
        column = 3
        for score in line:
            for field, _label in kinds:
                sheet.cell(row, column, _number(getattr(score, field)) if score else None)
                column += 1
        sheet.cell(row, column, _number(submission.self_total))
        sheet.cell(row, column + 1, _number(submission.final_total))
    title = f"{_('Score matrix')} – {title}"
    print_setup(sheet, header_rows=(3, 3), title=title, exported_on=today, freeze_column=2)
