"""Rules about a campaign's phases and a rubric's structure, checked as a whole.

Forms use them to put each message beside the field; services use them again
before writing, so a request that skips the form cannot break the rules either.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from campaigns.choices import CriterionKind

MAX_POINTS = Decimal("1000")


@dataclass(frozen=True)
class Problem:
    index: int | None  # the row in the submitted list; None for the whole
    field: str | None
    message: str
    section: str = ""  # which list the row is in: "groups" or "criteria" for rubrics


def _d(day):
    return date_format(day, "SHORT_DATE_FORMAT")


def phase_problems(*, start, end, phases: list[dict]) -> list[Problem]:
    """Phases lie inside the campaign's period, in order, without overlapping."""
    problems = []
    for i, phase in enumerate(phases):
        p_start, p_end = phase.get("start_date"), phase.get("end_date")
        if not (p_start and p_end):
            continue
        if p_end < p_start:
            problems.append(Problem(i, "end_date", _("A phase cannot end before it starts.")))
            continue
        if start and p_start < start:
            problems.append(
                Problem(
                    i,
                    "start_date",
                    _("The phase starts before the campaign's period (from %(date)s).")
                    % {"date": _d(start)},
                )
            )
        if end and p_end > end:
            problems.append(
                Problem(
                    i,
                    "end_date",
                    _("The phase ends after the campaign's period (until %(date)s).")
                    % {"date": _d(end)},
                )
            )
        deadline = phase.get("results_deadline")
        if deadline and deadline < p_start:
            problems.append(
                Problem(
                    i,
                    "results_deadline",
                    _("The results deadline cannot be before the phase starts."),
                )
            )
        review = phase.get("review_date")
        if review and review < p_start:
            problems.append(
                Problem(
                    i, "review_date", _("The review meeting cannot be before the phase starts.")
                )
            )
    dated = sorted(
        (p["start_date"], p["end_date"], i, p.get("name") or "")
        for i, p in enumerate(phases)
        if p.get("start_date") and p.get("end_date") and p["end_date"] >= p["start_date"]
    )
    latest = None  # the phase that ends last among those seen so far
    for p_start, p_end, i, name in dated:
        if latest is not None and p_start <= latest[0]:
            message = _(
                "“%(later)s” starts on %(start)s, before “%(earlier)s” ends (%(end)s): "
                "phases cannot overlap."
            )
            values = {
                "later": name,
                "earlier": latest[1],
                "start": _d(p_start),
                "end": _d(latest[0]),
            }
            problems.append(Problem(i, "start_date", message % values))
        if latest is None or p_end > latest[0]:
            latest = (p_end, name)
    return problems


def rubric_problems(*, header: dict, groups: list[dict], criteria: list[dict]) -> list[Problem]:
    """Unique codes, known groups, positive maxima, a sensible bonus cap and tie-break."""
    problems = []
    group_codes = {}
    for i, group in enumerate(groups):
        code = group["code"]
        if code in group_codes:
            problems.append(
                Problem(
                    i, "code", _("Group code %(code)s is used twice.") % {"code": code}, "groups"
                )
            )
        group_codes.setdefault(code, i)
    seen = {}
    bonus_total = Decimal("0")
    for i, criterion in enumerate(criteria):
        code = criterion["code"]
        if code in seen:
            problems.append(
                Problem(
                    i,
                    "code",
                    _("Criterion code %(code)s is used twice.") % {"code": code},
                    "criteria",
                )
            )
        seen.setdefault(code, i)
        if criterion["group_code"] not in group_codes:
            problems.append(
                Problem(
                    i,
                    "group_code",
                    _("There is no group %(code)s in this rubric.")
                    % {"code": criterion["group_code"]},
                    "criteria",
                )
            )
        points = criterion["max_points"]
        if points is not None and not (Decimal("0") < points <= MAX_POINTS):
            problems.append(
                Problem(
                    i,
                    "max_points",
                    _("Maximum points must be above 0 and at most 1000."),
                    "criteria",
                )
            )
        if criterion["kind"] == CriterionKind.BONUS and points:
            bonus_total += points
    cap = header.get("bonus_cap") or Decimal("0")
    if cap < 0:
        problems.append(Problem(None, "bonus_cap", _("The bonus cap cannot be negative.")))
    if bonus_total and not cap:
        problems.append(
            Problem(
                None, "bonus_cap", _("The rubric has bonus criteria: set the cap on bonus points.")
            )
        )
    for code in [c.strip() for c in (header.get("tie_break_groups") or "").split(",") if c.strip()]:
        if code not in group_codes:
            problems.append(
                Problem(
                    None,
                    "tie_break_groups",
                    _("The tie-break names group %(code)s, which the rubric does not have.")
                    % {"code": code},
                )
            )
    return problems
