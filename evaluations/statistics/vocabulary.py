"""The words a form definition may use to say how a cell is counted.

A form counts one *source* (award records, campaigns launched, staff doing the work). Its
rows and columns carry *filters*: a mapping of terms of that source's vocabulary to values.
A cell counts the source's objects of the reporting period and scope that pass the form's
filter, its row's and its column's. A new circular changes the definitions
(`circulars/*.json`), not this module; a new *kind* of condition is a new term here.

Term kinds (and `"not": {filter}`, what the inner filter refuses):
- `choice`: one value or a list of values of a field with fixed choices;
- `text`: one value or a list of values of a free field (title codes);
- `flag`: true or false;
- `range`: {"min": a, "max": b}, min included, max excluded, either one optional; the
  measured quantity may depend on the reporting year (ages, years of service).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import ExpressionWrapper, F, IntegerField, Q, Value
from django.db.models.functions import Coalesce

from campaigns.choices import CampaignKind, CampaignScope
from campaigns.models import Campaign
from evaluations.awards.models import AwardRecord
from evaluations.statistics.choices import Training
from evaluations.statistics.models import EmulationOfficer
from pledges.choices import Recipient, TitleLevel
from units.choices import Gender
from units.models import ClusterMembership


@dataclass(frozen=True)
class Term:
    kind: str  # choice | text | flag | range
    lookup: str  # the ORM path (for a range: the name of an annotation)
    choices: tuple = ()
    as_days: bool = False  # a range measured as a duration in days


def _years_since(field_name: str, year: int):
    return ExpressionWrapper(Value(year) - F(field_name), output_field=IntegerField())


@dataclass(frozen=True)
class Source:
    """What a form counts: the model, what puts an object in a period and a scope, its terms."""

    name: str
    model: type
    date: str | None  # the (annotated) date that puts an object in a period; None: no period
    unit_path: str  # the path from the model to the unit the object belongs to
    terms: dict = field(default_factory=dict)
    # Annotations the terms and the date read, given the reporting year.
    annotate: Callable[[int], dict] = lambda year: {}
    only: Q = field(default_factory=Q)  # what is ever counted (officers still at work)
    # For a cluster's report: the path to the cluster of what the cluster itself launched;
    # None: what belongs to the cluster year's member units.
    cluster_path: str | None = None

    def queryset(self, *, year: int, period, scope):
        qs = self.model.objects.annotate(**self.annotate(year)).filter(self.only)
        if self.date is not None:
            qs = qs.filter(**{f"{self.date}__range": (period.start, period.end)})
        return qs.filter(scope_q(self, scope))


SOURCES = {
    "awards": Source(
        name="awards",
        model=AwardRecord,
        date="decision_date",
        unit_path="unit",
        terms={
            "level": Term("choice", "title__level", tuple(TitleLevel.values)),
            "recipient": Term("choice", "title__recipient", tuple(Recipient.values)),
            "title": Term("text", "title__code"),
            "thematic": Term("flag", "is_thematic"),
            "emulation_title": Term("flag", "title__is_emulation_title"),
        },
    ),
    "campaigns": Source(
        name="campaigns",
        model=Campaign,
        date="stat_date",
        unit_path="issuing_unit",
        annotate=lambda year: {
            "stat_date": Coalesce("launch_date", "start_date"),
            "stat_days": F("end_date") - F("start_date"),
        },
        cluster_path="cluster_year__cluster",
        terms={
            "scope": Term("choice", "scope", tuple(CampaignScope.values)),
            "kind": Term("choice", "kind", tuple(CampaignKind.values)),
            "days": Term("range", "stat_days", as_days=True),
        },
    ),
    "staff": Source(
        name="staff",
        model=EmulationOfficer,
        date=None,
        unit_path="person__unit",
        annotate=lambda year: {
            "stat_age": _years_since("birth_year", year),
            "stat_service": _years_since("since_year", year),
        },
        only=Q(is_active=True),
        terms={
            "gender": Term("choice", "person__gender", tuple(Gender.values)),
            "training": Term("choice", "training", tuple(Training.values)),
            "age": Term("range", "stat_age"),
            "service_years": Term("range", "stat_service"),
        },
    ),
}


def check_filter(source: Source, spec, where: str) -> list[str]:
    """What is wrong with a filter of a definition (empty when nothing)."""
    if not isinstance(spec, dict):
        return [f"{where}: a filter is a mapping of terms to values"]
    problems = []
    for name, value in spec.items():
        if name == "not":
            problems += check_filter(source, value, f"{where} (not)")
            continue
        term = source.terms.get(name)
        if term is None:
            problems.append(f"{where}: {source.name} has no term {name!r}")
            continue
        if term.kind == "flag":
            if not isinstance(value, bool):
                problems.append(f"{where}: {name} takes true or false")
        elif term.kind == "range":
            if (
                not isinstance(value, dict)
                or not value
                or set(value) - {"min", "max"}
                or not all(isinstance(v, int) for v in value.values())
                or value.get("min", -(10**9)) >= value.get("max", 10**9)
            ):
                problems.append(f"{where}: {name} takes {{'min': n, 'max': m}} with n < m")
        else:
            values = value if isinstance(value, list) else [value]
            if not values or not all(isinstance(v, str) and v for v in values):
                problems.append(f"{where}: {name} takes a value or a list of values")
            elif term.choices and set(values) - set(term.choices):
                bad = sorted(set(values) - set(term.choices))
                problems.append(f"{where}: {name} has no value {bad} (choose from {term.choices})")
    return problems


def filter_q(source: Source, spec: dict) -> Q:
    """The condition of a (checked) filter."""
    q = Q()
    for name, value in spec.items():
        if name == "not":
            q &= ~filter_q(source, value)
            continue
        term = source.terms[name]
        if term.kind == "range":
            bound = (lambda n: timedelta(days=n)) if term.as_days else (lambda n: n)
            if "min" in value:
                q &= Q(**{f"{term.lookup}__gte": bound(value["min"])})
            if "max" in value:
                q &= Q(**{f"{term.lookup}__lt": bound(value["max"])})
        elif isinstance(value, list):
            q &= Q(**{f"{term.lookup}__in": value})
        else:
            q &= Q(**{term.lookup: value})
    return q


def scope_q(source: Source, scope) -> Q:
    """The objects of a scope: one unit's, a cluster year's member units', or all."""
    if scope.kind == "unit":
        return Q(**{f"{source.unit_path}_id": scope.unit.pk})
    if scope.kind == "cluster":
        if source.cluster_path:
            # What the cluster itself launched (in any of its years).
            return Q(**{f"{source.cluster_path}_id": scope.cluster_year.cluster_id})
        members = ClusterMembership.objects.filter(cluster_year=scope.cluster_year).values(
            "unit_id"
        )
        return Q(**{f"{source.unit_path}_id__in": members})
    return Q()
