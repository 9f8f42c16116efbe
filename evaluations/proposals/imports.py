"""A nominee list from an .xlsx file of the project's own template: all rows or none.

Each row names a person of the list's unit (by staff code, or by full name when the code is
empty) and what is said of them; every row is checked (the person, a person twice, one
already proposed for the title this year, the task rating) before anything is written, and
the report lists every problem by row. The import base (core.imports) reads the file.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import imports
from core.xlsx import fold
from evaluations.proposals.choices import TaskRating
from evaluations.proposals.services import Nominee, already_proposed, nominee_list_create
from units.selectors import unit_staff

COLUMNS = (
    ("staff_code", gettext_lazy("Staff code")),
    ("full_name", gettext_lazy("Full name")),
    ("task_rating", gettext_lazy("Task rating of the year")),
    ("summary", gettext_lazy("Achievement summary")),
    ("initiative", gettext_lazy("Initiative or scientific work")),
)
HEADER_ALIASES = {
    "staff_code": ("ma can bo", "staff code", "ma"),
    "full_name": ("ho va ten", "ho ten", "full name", "name"),
    "task_rating": ("xep loai", "xep loai nhiem vu", "task rating", "rating"),
    "summary": ("tom tat thanh tich", "thanh tich", "summary"),
    "initiative": ("sang kien", "sang kien hoac de tai khoa hoc", "initiative"),
}
NOMINEE_COLUMNS = imports.Columns(COLUMNS, aliases=HEADER_ALIASES, required=("full_name",))


def _ratings() -> dict:
    """Folded labels (Vietnamese and English) and values -> the rating."""
    found = {}
    for language in ("vi", "en"):
        with translation.override(language):
            found.update({fold(label): value for value, label in TaskRating.choices})
    found.update({fold(value): value for value in TaskRating.values})
    return found


def template_workbook() -> bytes:
    with translation.override(settings.LANGUAGE_CODE):
        return imports.template_workbook(
            NOMINEE_COLUMNS,
            title=_("Nominees"),
            examples=[
                [
                    "CB001",
                    "Nguyễn Văn An",
                    str(TaskRating.EXCELLENT.label),
                    "Hoàn thành xuất sắc nhiệm vụ thanh tra được giao.",
                    "",
                ]
            ],
            widths=(12, 28, 30, 60, 40),
            bold_header=True,
        )


def _limits() -> imports.Limits:
    return imports.Limits(
        max_bytes=settings.STAFF_IMPORT_MAX_BYTES, max_rows=settings.STAFF_IMPORT_MAX_ROWS
    )


def check_rows(rows, report, *, unit, title, year, summary) -> list[Nominee]:
    """Every row checked onto the report (two queries: the unit's staff, the people
    already proposed); the nominees to write."""
    staff = list(unit_staff(unit=unit.pk))
    by_code = {p.staff_code: p for p in staff if p.staff_code}
    by_name = {}
    for person in staff:
        by_name.setdefault(fold(person.full_name), []).append(person)
    ratings = _ratings()
    nominees, rows_of = [], {}
    for row in rows:
        code, name = row.text("staff_code"), row.text("full_name")
        person = None
        if code:
            person = by_code.get(code)
            if person is None:
                report.add(row.number, "staff_code", _("No one of the unit has this staff code."))
            elif name and fold(name) != fold(person.full_name):
                report.add(
                    row.number,
                    "full_name",
                    _("The staff code %(code)s is %(name)s.")
                    % {"code": code, "name": person.full_name},
                )
                person = None
        else:
            found = by_name.get(fold(name), [])
            if not found:
                report.add(row.number, "full_name", _("No one of the unit has this name."))
            elif len(found) > 1:
                report.add(
                    row.number,
                    "full_name",
                    _("Several people of the unit have this name: give the staff code."),
                )
            else:
                person = found[0]
        rating_text = row.text("task_rating")
        rating = ratings.get(fold(rating_text), None) if rating_text else ""
        if rating is None:
            report.add(
                row.number,
                "task_rating",
                _("Unknown task rating. Use one of: %(choices)s.")
                % {"choices": "; ".join(str(label) for label in TaskRating.labels)},
            )
        row_summary = row.text("summary") or summary
        if not row_summary:
            report.add(
                row.number,
                "summary",
                _("Give the achievement summary here or on the form for every nominee."),
            )
        if person is None:
            continue
        if person.pk in rows_of:
            report.add(
                row.number,
                "full_name",
                _("%(name)s is already on row %(row)d.")
                % {"name": person.full_name, "row": rows_of[person.pk]},
            )
            continue
        rows_of[person.pk] = row.number
        nominees.append(
            Nominee(
                person=person,
                summary=row_summary,
                task_rating=rating or "",
                initiative=row.text("initiative")[:255],
            )
        )
    taken = already_proposed(title=title, year=year, people=[n.person for n in nominees])
    for person_pk in taken:
        report.add(
            rows_of[person_pk],
            "full_name",
            _("Already proposed for this title this year."),
        )
    return nominees


def nominee_list_import(
    *, uploaded, actor, cluster_year, unit, title, year, summary, no_pending_discipline, campaign
):
    """The list and its proposals from the file: all rows or none."""
    return imports.import_xlsx(
        uploaded,
        columns=NOMINEE_COLUMNS,
        limits=_limits(),
        empty=_("The file has no nominee rows below the header."),
        check=lambda rows, report: check_rows(
            rows, report, unit=unit, title=title, year=year, summary=summary
        ),
        write=lambda nominees: nominee_list_create(
            actor=actor,
            cluster_year=cluster_year,
            unit=unit,
            title=title,
            year=year,
            nominees=nominees,
            no_pending_discipline=no_pending_discipline,
            campaign=campaign,
        ),
    )
