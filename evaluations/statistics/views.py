"""The statistics pages: the list of forms and scopes, and each form counted for a scope,
as a printable page or an .xlsx in the ministry's layout.

A form is named by its slug ("0601") among the forms of the circular in force for the year.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from core.http import int_param
from core.views import ObjectPermissionMixin
from evaluations.statistics import selectors
from evaluations.statistics.choices import ScopeKind
from evaluations.statistics.definitions import circular_for
from evaluations.statistics.exports import form_xlsx, period_text
from evaluations.statistics.layout import header
from evaluations.statistics.selectors import Scope
from units.models import ClusterYear, Unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIRST_YEAR = 2000


def default_year() -> int:
    """The reporting year whose period holds today (December reports on the next year)."""
    today = timezone.localdate()
    return today.year + 1 if today.month == 12 else today.year


class StatisticsIndexView(ObjectPermissionMixin, View):
    """The forms of a year and the scopes this user may report on."""

    def get_object(self):
        return None

    def get(self, request):
        year = int_param(request.GET.get("year"), low=FIRST_YEAR, high=2999) or default_year()
        user = request.user
        return render(
            request,
            "evaluations/statistics/index.html",
            {
                "year": year,
                "circular": circular_for(year),
                "forms": selectors.forms_for(year),
                "units": selectors.statistics_units(user=user),
                "cluster_years": selectors.statistics_cluster_years(user=user, year=year),
                "sector": user.has_perm("evaluations.view_sector_statistics"),
            },
        )


class FormView(ObjectPermissionMixin, View):
    """One form counted for one scope: the page, or with `xlsx` the workbook."""

    xlsx = False
    scope_kind = ScopeKind.SECTOR

    def get_object(self):
        return None

    def get_year(self) -> int:
        return self.kwargs["year"]

    def get_scope(self) -> Scope:
        return Scope(kind=ScopeKind.SECTOR)

    def get(self, request, **kwargs):
        year = self.get_year()
        if not FIRST_YEAR <= year <= 2999:
            raise Http404
        form = selectors.form_for(year, kwargs["form"])
        if form is None:
            raise Http404
        table = selectors.count_form(form, scope=self.get_scope(), year=year)
        if self.xlsx:
            response = HttpResponse(form_xlsx(table), content_type=XLSX)
            name = f"bieu-{form.slug}-{year}-{self.scope_kind}.xlsx"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        first, second, numbers = header(form)
        return render(
            request,
            "evaluations/statistics/form.html",
            {
                "table": table,
                "form": form,
                "year": year,
                "period_text": period_text(table),
                "head_first": first,
                "head_second": second,
                "head_numbers": numbers,
                "form_links": [
                    (other.slug, self.url(other.slug)) for other in selectors.forms_for(year)
                ],
                "xlsx_url": self.url(form.slug, xlsx=True),
                "printed_on": timezone.localdate(),
            },
        )

    url_name = "evaluations:statistics_sector"

    def url(self, slug: str, *, xlsx: bool = False) -> str:
        return reverse(self.url_name + ("_xlsx" if xlsx else ""), args=[*self.url_args(), slug])

    def url_args(self) -> list:
        return [self.get_year()]


class SectorFormView(FormView):
    permission_required = "evaluations.view_sector_statistics"


class UnitFormView(FormView):
    permission_required = "evaluations.view_unit_statistics"
    scope_kind = ScopeKind.UNIT
    url_name = "evaluations:statistics_unit"

    def get_queryset(self):
        # Units are shared master data; their figures are for those the rules name.
        return Unit.objects.all()

    def get_object(self):
        return ObjectPermissionMixin.get_object(self)

    def get_scope(self):
        return Scope(kind=ScopeKind.UNIT, unit=self.object)

    def url_args(self):
        return [self.get_year(), self.object.pk]


class ClusterFormView(FormView):
    permission_required = "evaluations.view_cluster_statistics"
    scope_kind = ScopeKind.CLUSTER
    url_name = "evaluations:statistics_cluster"

    def get_queryset(self):
        return ClusterYear.objects.select_related("cluster")

    def get_object(self):
        return ObjectPermissionMixin.get_object(self)

    def get_year(self):
        return self.object.year

    def get_scope(self):
        return Scope(kind=ScopeKind.CLUSTER, cluster_year=self.object)

    def url_args(self):
        return [self.object.pk]
