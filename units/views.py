from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView

from core.exceptions import ActionRefused
from core.imports import refusal_to_import_form
from core.pickers import option_html, query_name
from core.views import ObjectPermissionMixin, refusal_onto
from units import finder, pickers, selectors, services
from units.account import account_sections
from units.audit import action_kind, describe, readable_rows
from units.dashboard import dashboard_context
from units.forms import (
    AuditFilterForm,
    ClusterYearRollForwardForm,
    PersonForm,
    StaffImportForm,
    UnitFilterForm,
)
from units.staff_import import staff_import, template_workbook
from units.year_links import cluster_year_links

ADD_ANOTHER = "add_another"  # the roll-forward form's button that adds a unit and comes back
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def healthz(request):
    """Health for load balancers: 200 only when the database answers `SELECT 1`, else 503.

    Served by config.middleware.HealthCheckMiddleware ahead of every other middleware.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        # Drop the broken connection now, so the next request opens a fresh one.
        connection.close_if_unusable_or_obsolete()
        response = JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    else:
        response = JsonResponse({"status": "ok", "database": "ok"})
    response["Cache-Control"] = "no-store"
    return response


class DashboardView(LoginRequiredMixin, TemplateView):
    template_name = "units/dashboard.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **dashboard_context(user=self.request.user))


class AccountView(LoginRequiredMixin, TemplateView):
    template_name = "units/account.html"

    def get_context_data(self, **kwargs):
        roles = selectors.roles_of(self.request.user)
        return super().get_context_data(
            **kwargs,
            assignments=roles.assignments,
            sections=account_sections(self.request),
        )


class UnitListView(LoginRequiredMixin, ListView):
    template_name = "units/unit_list.html"
    context_object_name = "units"
    paginate_by = 50

    def get_queryset(self):
        self.filter_form = UnitFilterForm(
            self.request.GET or None, provinces=selectors.unit_provinces()
        )
        return selectors.unit_list(**self.filter_form.filters())

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            **kwargs, filter_form=self.filter_form, query_string=query.urlencode()
        )


class UnitDetailView(LoginRequiredMixin, DetailView):
    template_name = "units/unit_detail.html"
    context_object_name = "unit"
    staff_page_size = 50

    def get_queryset(self):
        return selectors.unit_detail_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unit = self.object
        user = self.request.user
        context["can_view_staff"] = user.has_perm("units.view_staff", unit)
        context["can_manage_staff"] = user.has_perm("units.manage_staff", unit)
        if context["can_view_staff"]:
            search = self.request.GET.get("q", "").strip()[:100]
            show_inactive = self.request.GET.get("inactive") == "1"
            staff = selectors.unit_staff(unit=unit, search=search, include_inactive=show_inactive)
            context["staff_page"] = Paginator(staff, self.staff_page_size).get_page(
                self.request.GET.get("page")
            )
            context["staff_search"] = search
            context["show_inactive"] = show_inactive
        return context


class UnitStaffMixin(ObjectPermissionMixin):
    """Views about one unit's staff: `unit`, and the way back to its staff list."""

    permission_required = "units.manage_staff"
    pk_url_kwarg = "unit_pk"

    def get_queryset(self):
        return selectors.unit_list()

    @cached_property
    def unit(self):
        return self.object

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, unit=self.unit)

    def unit_url(self):
        return reverse("units:unit_detail", args=[self.unit.pk]) + "#staff"


class PersonCreateView(UnitStaffMixin, FormView):
    template_name = "units/person_form.html"
    form_class = PersonForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "unit": self.unit}

    def form_valid(self, form):
        with refusal_onto(form):
            person = services.person_create(
                unit=self.unit, actor=self.request.user, data=form.cleaned_data
            )
            messages.success(self.request, _("%(name)s was added.") % {"name": person.full_name})
            return redirect(self.unit_url())
        return self.form_invalid(form)


class PersonUpdateView(UnitStaffMixin, FormView):
    """One person's record: the same staff form, the person from the URL."""

    template_name = "units/person_form.html"
    form_class = PersonForm
    permission_required = "units.change_person"
    pk_url_kwarg = "pk"

    def get_queryset(self):
        return selectors.people_visible_to(user=self.request.user)

    @cached_property
    def unit(self):
        return self.object.unit

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object, "unit": self.unit}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, person=self.object)

    def form_valid(self, form):
        with refusal_onto(form):
            services.person_update(
                person=self.object, actor=self.request.user, data=form.cleaned_data
            )
            messages.success(self.request, _("The changes were saved."))
            return redirect(self.unit_url())
        return self.form_invalid(form)


class StaffImportView(UnitStaffMixin, FormView):
    template_name = "units/staff_import.html"
    form_class = StaffImportForm

    def form_valid(self, form):
        try:
            result = staff_import(
                unit=self.unit, actor=self.request.user, uploaded=form.cleaned_data["file"]
            )
        except ActionRefused as refused:
            context = refusal_to_import_form(form, refused)
            return self.render_to_response(self.get_context_data(**context))
        messages.success(
            self.request,
            _("Import finished: %(created)d people added, %(updated)d updated.")
            % {"created": result.created, "updated": result.updated},
        )
        return redirect(self.unit_url())


class StaffImportTemplateView(LoginRequiredMixin, View):
    def get(self, request):
        response = HttpResponse(template_workbook(), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-can-bo.xlsx"'
        return response


class ClusterListView(LoginRequiredMixin, ListView):
    template_name = "units/cluster_list.html"
    context_object_name = "clusters"
    paginate_by = 50

    def get_queryset(self):
        return selectors.cluster_list()


class ClusterDetailView(LoginRequiredMixin, DetailView):
    template_name = "units/cluster_detail.html"
    context_object_name = "cluster"

    def get_queryset(self):
        return selectors.cluster_detail_queryset()


class ClusterYearDetailView(LoginRequiredMixin, DetailView):
    template_name = "units/clusteryear_detail.html"
    context_object_name = "cluster_year"

    def get_object(self, queryset=None):
        return get_object_or_404(
            selectors.cluster_year_detail_queryset(),
            cluster_id=self.kwargs["cluster_pk"],
            year=self.kwargs["year"],
        )

    def get_context_data(self, **kwargs):
        user, year = self.request.user, self.object
        return super().get_context_data(
            **kwargs,
            runs_year=user.has_perm("units.run_clusteryear", year),
            may_roll_forward=not year.has_next_year
            and user.has_perm("units.roll_forward_clusteryear", year),
            year_links=cluster_year_links(cluster_year=year, user=user),
        )


class ClusterYearRollForwardView(ObjectPermissionMixin, FormView):
    """Next year of a cluster from this one: members, chair and vice-chair by rotation,
    secretariat and theme proposed, adjusted, then saved in one step."""

    template_name = "units/clusteryear_roll_forward.html"
    form_class = ClusterYearRollForwardForm
    permission_required = "units.roll_forward_clusteryear"

    def get_object(self):
        return get_object_or_404(
            selectors.cluster_year_roll_forward_queryset(),
            cluster_id=self.kwargs["cluster_pk"],
            year=self.kwargs["year"],
        )

    @cached_property
    def proposal(self):
        return selectors.next_year_proposal(self.object)

    def get_form_kwargs(self):
        proposal = self.proposal
        member_ids = [m.unit_id for m in self.object.memberships.all()]
        return {
            **super().get_form_kwargs(),
            "proposal": proposal,
            "units": selectors.unit_choices_for_clusters(),
            "users": selectors.secretariat_choices(
                unit_ids=[*member_ids, *(u.pk for u in proposal.members)],
                user_ids=[u.pk for u in proposal.secretariat],
            ),
            "user": self.request.user,
        }

    def post(self, request, *args, **kwargs):
        if ADD_ANOTHER not in request.POST:
            return super().post(request, *args, **kwargs)
        # "Add and choose another": the unit found goes among the ticked members, the search
        # field is emptied for the next one; nothing is saved yet.
        form = self.get_form()
        form.full_clean()
        unit = form.cleaned_data.get("add_member")
        if unit is not None:
            data = request.POST.copy()
            data.setlist("members", [*data.getlist("members"), str(unit.pk)])
            data.setlist("add_member", [""])
            data.setlist(query_name("add_member"), [""])
            form = self.form_class(**{**self.get_form_kwargs(), "data": data})
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, source=self.object, proposal=self.proposal)

    def form_valid(self, form):
        data = form.cleaned_data
        with refusal_onto(form):
            cluster_year = services.cluster_year_roll_forward(
                source=self.object,
                actor=self.request.user,
                year=data["year"],
                members=data["all_members"],
                chair_unit=data["chair_unit"],
                vice_chair_unit=data["vice_chair_unit"],
                secretariat=data["secretariat"],
                theme=data["theme"],
            )
            messages.success(self.request, _("%(year)s was created.") % {"year": cluster_year})
            return redirect("units:cluster_year_detail", cluster_year.cluster_id, cluster_year.year)
        return self.form_invalid(form)


class AuditLogView(LoginRequiredMixin, ListView):
    """ "Nhật ký thay đổi": who changed what and when, for the user's own units' objects
    (everything for sector administrators)."""

    template_name = "units/audit_log.html"
    context_object_name = "entries"
    paginate_by = 50

    def get_queryset(self):
        roles = selectors.roles_of(self.request.user)
        self.units = [] if roles.is_admin else list(selectors.units_for_audit(roles=roles))
        self.filter_form = AuditFilterForm(self.request.GET or None, units=self.units)
        return selectors.audit_entries_visible_to(
            user=self.request.user, **self.filter_form.filters()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for entry in context["entries"]:
            entry.kind = action_kind(entry.action)
            entry.sentence = describe(entry)
            entry.rows = readable_rows(entry)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=self.filter_form,
            query_string=query.urlencode(),
            units=self.units,
            sees_all=selectors.roles_of(self.request.user).is_admin,
        )
        return context


class SearchView(LoginRequiredMixin, TemplateView):
    """The top bar's search (`?q=`): what the user may see, grouped by kind."""

    template_name = "units/search.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[: finder.MAX_QUERY]
        groups = finder.search_everything(user=self.request.user, query=query)
        return super().get_context_data(**kwargs, query=query, groups=groups)


class PickOptionsView(LoginRequiredMixin, View):
    """The options of a search field (core.pickers) matching what is typed, as <option>s:
    only what the picker's purpose lets this user choose (404 for an unknown purpose)."""

    kind = pickers.UNITS

    def get(self, request, purpose):
        field = pickers.FIELDS[self.kind](purpose, user=request.user, params=request.GET)
        name = request.GET.get("field", "")
        query = (request.GET.get(query_name(name)) or request.GET.get("q") or "").strip()[:100]
        found, more = field.found(query) if query else ([], False)
        options = [(obj.pk, field.label_from_instance(obj)) for obj in found]
        selected = found[0].pk if len(found) == 1 and not more else None
        return HttpResponse(option_html(options, selected=selected, more=more))
