"""Reads: the scopes a user may report on, and a form counted for a scope and year.

A form is counted in one aggregate query (conditional aggregation: one COUNT … FILTER per
cell) over the source's objects of the period and scope; a form counted by hand costs none.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from evaluations.statistics.choices import ScopeKind
from evaluations.statistics.definitions import Form, Period, circular_for
from evaluations.statistics.vocabulary import SOURCES, filter_q
from units.models import ClusterYear, Unit
from units.selectors import roles_of


@dataclass(frozen=True)
class Scope:
    kind: str
    unit: Unit | None = None
    cluster_year: ClusterYear | None = None

    @property
    def name(self) -> str:
        """The reporting body as printed on the form (Đơn vị báo cáo)."""
        if self.kind == ScopeKind.UNIT:
            return self.unit.name
        if self.kind == ScopeKind.CLUSTER:
            return f"{self.cluster_year.cluster.name} ({self.cluster_year.year})"
        return _("Inspectorate sector (whole sector)")


@dataclass(frozen=True)
class Table:
    form: Form
    scope: Scope
    year: int
    period: Period
    cells: dict  # (row key, column key) -> int, or None where the form is filled by hand

    def lines(self):
        """Each row with its cells in column order (a heading row has none)."""
        for row in self.form.rows:
            values = [] if row.heading else [self.cells[row.key, c.key] for c in self.form.columns]
            yield row, values


def count_form(form: Form, *, scope: Scope, year: int) -> Table:
    period = form.circular.period(year)
    cells, aggregates = {}, {}
    for i, row in enumerate(form.rows):
        if row.heading:
            continue
        for j, column in enumerate(form.columns):
            cells[row.key, column.key] = None
            if row.counted and column.counted:
                aggregates[f"c{i}_{j}"] = (row, column)
    if aggregates and form.counted:
        source = SOURCES[form.source]
        queryset = source.queryset(year=year, period=period, scope=scope).filter(
            filter_q(source, form.filter)
        )
        counts = queryset.aggregate(
            **{
                name: Count(
                    "pk", filter=filter_q(source, row.filter) & filter_q(source, col.filter)
                )
                for name, (row, col) in aggregates.items()
            }
        )
        for name, (row, column) in aggregates.items():
            cells[row.key, column.key] = counts[name]
    return Table(form=form, scope=scope, year=year, period=period, cells=cells)


def forms_for(year: int) -> list[Form]:
    return list(circular_for(year).forms.values())


def form_for(year: int, slug: str) -> Form | None:
    return circular_for(year).forms.get(slug)


def statistics_units(*, user):
    """The units whose statistics the user may open from the statistics page (the sector-wide
    roles reach every unit's by its address, without a list of thousands)."""
    roles = roles_of(user)
    ids = roles.member_unit_ids | roles.secretariat_unit_ids
    return Unit.objects.filter(pk__in=ids).order_by("name")


def statistics_cluster_years(*, user, year: int):
    """The cluster years of `year` whose statistics the user may read."""
    roles = roles_of(user)
    years = ClusterYear.objects.filter(year=year).select_related("cluster")
    if not (roles.is_admin or roles.is_sector_viewer):
        years = years.filter(pk__in=roles.secretariat_cluster_year_ids)
    return years.order_by("cluster__name")
