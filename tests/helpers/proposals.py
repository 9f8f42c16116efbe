"""Award proposals and records made quickly, and what the eligibility check finds."""

from datetime import date

from evaluations.awards.models import AwardRecord
from evaluations.proposals import services
from evaluations.proposals.choices import TaskRating
from evaluations.proposals.eligibility import findings_for
from tests.factories.units import PersonFactory

YEAR = 2025  # the cluster year of the fixtures


def title(titles, code, recipient="person"):
    return titles[(code, recipient)]


def record(titles, code, year, *, person=None, unit=None, thematic=False, initiative=""):
    return AwardRecord.objects.create(
        title=title(titles, code, "person" if person else "collective"),
        year=year,
        unit=unit or person.unit,
        person=person,
        recipient_name=person.full_name if person else unit.name,
        decision_number=f"{year}/QĐ-TTCP",
        decision_date=date(year, 12, 20),
        is_thematic=thematic,
        initiative=initiative,
    )


def propose(actor, cluster_year, unit, titles, code, person=None, **fields):
    defaults = {
        "title": title(titles, code, "person" if person else "collective"),
        "year": YEAR,
        "summary": "Hoàn thành xuất sắc nhiệm vụ được giao.",
        "task_rating": TaskRating.EXCELLENT,
        "no_pending_discipline": True,
    }
    return services.proposal_create(
        actor=actor, cluster_year=cluster_year, unit=unit, person=person, **{**defaults, **fields}
    )


def rules_of(proposal, blocking=True):
    return {f.rule for f in findings_for(proposal) if f.blocking == blocking}


def staff(unit, count):
    return [PersonFactory(unit=unit) for _ in range(count)]
