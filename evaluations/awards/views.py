"""Pages of award records: histories, the import of past years, honour boards.

Thin views: the object comes through a selector or a plain lookup of shared master data,
the permission from the rules (`evaluations/awards/rules.py`), the write from
a service.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from campaigns.selectors import campaigns_visible_to
from core.exceptions import ActionRefused
from core.http import deny_unless, int_param
from core.imports import refusal_to_import_form
from core.views import ObjectPermissionMixin
from evaluations.awards import selectors
from evaluations.awards.forms import AwardImportForm
from evaluations.awards.imports import award_import, template_workbook
from evaluations.awards.lookup import (
    EXPORT_LIMIT,
    PAGE_SIZE,
    LookupForm,
    award_lookup,
    lookup_workbook,
)
from units.models import ClusterYear, Unit
from units.selectors import people_visible_to

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A unit's people receive hundreds of awards over ten years: the history shows a page at a time.
PEOPLE_AWARDS_PAGE_SIZE = 50


class UnitAwardHistoryView(ObjectPermissionMixin, View):
    """A unit's awards and its predecessors' (R19); amounts for those who see the details.

    The collective awards are shown whole; the people's awards a page at a time, newest
    first, optionally for one year (`?year=`).
    """

    permission_required = "evaluations.view_unit_awards"

    def get_queryset(self):
        # Units are shared master data: every signed-in user reads them and their awards.
        return Unit.objects.select_related("merged_into")

    def get(self, request, pk):
        unit = self.object
        year = int_param(request.GET.get("year"), low=1900, high=2999)
        history = selectors.unit_award_history(unit, year=year)
        page = Paginator(history.people, PEOPLE_AWARDS_PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "evaluations/awards/unit_history.html",
            {
                "unit": unit,
                "history": history,
                "page_obj": page,
                "year": year,
                "query_string": f"year={year}" if year else "",
                "show_details": request.user.has_perm("evaluations.view_award_details", unit),
                "can_import": request.user.has_perm("evaluations.import_awards"),
            },
        )


class PersonAwardHistoryView(ObjectPermissionMixin, View):
    """A person's awards over the years: goes with the staff record (404 for others)."""

    def get_queryset(self):
        return people_visible_to(user=self.request.user)

    def get(self, request, pk):
        person = self.object
        return render(
            request,
            "evaluations/awards/person_history.html",
            {"person": person, "records": selectors.person_award_history(person)},
        )


class AwardImportView(LoginRequiredMixin, FormView):
    template_name = "evaluations/awards/import.html"
    form_class = AwardImportForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        deny_unless(request.user, "evaluations.import_awards")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs, scope_all=selectors.award_import_unit_ids(self.request.user) is None
        )

    def form_valid(self, form):
        try:
            result = award_import(actor=self.request.user, uploaded=form.cleaned_data["file"])
        except ActionRefused as refused:
            context = refusal_to_import_form(form, refused)
            return self.render_to_response(self.get_context_data(**context))
        messages.success(
            self.request,
            _("Import finished: %(created)d award records added for %(units)d units.")
            % {"created": result.created, "units": result.units},
        )
        return redirect("evaluations:award_import")


class AwardImportTemplateView(LoginRequiredMixin, View):
    def get(self, request):
        response = HttpResponse(template_workbook(), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="mau-khen-thuong-cac-nam.xlsx"'
        return response


def _honour_board(request, groups, **context):
    """The board page (campaign or cluster year): listed titles and titles counted per unit."""
    return render(
        request,
        "evaluations/awards/honour_board.html",
        {
            **context,
            "groups": groups,
            "has_counts": any(group.counted for group in groups),
            "printed_at": timezone.localtime(),
        },
    )


class CampaignHonourBoardView(ObjectPermissionMixin, View):
    """The awards of a campaign, grouped by title, for whoever sees the campaign."""

    permission_required = "evaluations.view_honour_board"

    def get_queryset(self):
        visible = campaigns_visible_to(user=self.request.user)
        return visible.select_related("cluster_year__cluster")

    def get(self, request, pk):
        campaign = self.object
        return _honour_board(
            request,
            selectors.honour_board_for_campaign(campaign),
            campaign=campaign,
            heading=campaign.title,
        )


class ClusterYearHonourBoardView(ObjectPermissionMixin, View):
    permission_required = "evaluations.view_honour_board"

    def get_queryset(self):
        return ClusterYear.objects.select_related("cluster", "chair_unit", "vice_chair_unit")

    def get(self, request, pk):
        cluster_year = self.object
        return _honour_board(
            request,
            selectors.honour_board_for_cluster_year(cluster_year),
            cluster_year=cluster_year,
            heading=f"{cluster_year.cluster.name} – {cluster_year.year}",
            # A unit's count links to that unit's award history of the year.
            history_query=f"?year={cluster_year.year}",
        )


class AwardLookupView(LoginRequiredMixin, View):
    """The award register's lookup: criteria by GET, results a page at a time, printable.
    Amounts only where the user may see the unit's award details."""

    def get(self, request):
        deny_unless(request.user, "evaluations.lookup_awards")
        form = LookupForm(request.GET or None, user=request.user)
        criteria = form.criteria()
        page = None
        if criteria is not None:
            page = Paginator(award_lookup(criteria), PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "evaluations/awards/lookup.html",
            {
                "form": form,
                "page_obj": page,
                "records": page.object_list if page else [],
                "query_string": query.urlencode(),
                "export_limit": EXPORT_LIMIT,
            },
        )


class AwardLookupExportView(LoginRequiredMixin, View):
    """The lookup's records (the first EXPORT_LIMIT) as .xlsx, with the same amount rule."""

    def get(self, request):
        deny_unless(request.user, "evaluations.lookup_awards")
        form = LookupForm(request.GET, user=request.user)
        criteria = form.criteria()
        if criteria is None:
            messages.warning(request, _("Give at least one criterion to export the awards."))
            return redirect(reverse("evaluations:award_lookup") + "?" + request.GET.urlencode())
        records = award_lookup(criteria)[:EXPORT_LIMIT]
        body = lookup_workbook(records, user=request.user, today=timezone.localdate())
        response = HttpResponse(body, content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="tra-cuu-khen-thuong.xlsx"'
        return response
