from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from campaigns import selectors, services
from campaigns.choices import CampaignKind, CampaignScope
from campaigns.forms import (
    AttachmentForm,
    CampaignFilterForm,
    CampaignForm,
    CriterionFormSet,
    EventForm,
    GroupFormSet,
    PhaseFormSet,
    RubricCopyForm,
    RubricHeaderForm,
    RubricImportForm,
    check_rubric_forms,
)
from campaigns.rubric_xlsx import read_rubric_workbook, rubric_to_workbook
from core.exceptions import ActionRefused
from core.http import deny_unless, int_param, open_stored, stored_file_response
from core.imports import refusal_to_import_form
from core.views import ObjectPermissionMixin, refusal_as_message, refusal_onto

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# Campaigns --------------------------------------------------------------------------


class CampaignListView(LoginRequiredMixin, ListView):
    template_name = "campaigns/campaign_list.html"
    context_object_name = "campaigns"
    paginate_by = 30

    def get_queryset(self):
        user = self.request.user
        self.filter_form = CampaignFilterForm(
            self.request.GET or None, years=selectors.campaign_years(user=user)
        )
        return selectors.campaign_list(
            user=user, today=timezone.localdate(), **self.filter_form.filters()
        )

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            **kwargs,
            filter_form=self.filter_form,
            query_string=query.urlencode(),
            can_add=self.request.user.has_perm("campaigns.add_campaign"),
        )


class CampaignMixin(ObjectPermissionMixin):
    """Views of one campaign the user sees (404 for the others)."""

    def get_queryset(self):
        return selectors.campaigns_visible_to(user=self.request.user)


class CampaignDetailView(CampaignMixin, TemplateView):
    template_name = "campaigns/campaign_detail.html"

    def get_queryset(self):
        return selectors.campaign_detail_queryset(user=self.request.user)

    def get_context_data(self, **kwargs):
        user = self.request.user
        campaign = self.object
        today = timezone.localdate()
        timeline = sorted(
            [("phase", p.start_date, p) for p in campaign.phases.all()]
            + [("event", e.date, e) for e in campaign.events.all()],
            key=lambda item: (item[1], item[0]),
        )
        my_deadlines = list(
            selectors.phase_deadlines_for(user=user, today=today, campaign=campaign)
        )
        return super().get_context_data(
            **kwargs,
            campaign=campaign,
            timeline=timeline,
            today=today,
            my_deadlines=[(p, (p.results_deadline - today).days) for p in my_deadlines],
            rubrics=list(campaign.rubrics.all()),
            can_change=user.has_perm("campaigns.change_campaign", campaign),
            can_manage_events=user.has_perm("campaigns.manage_events", campaign),
        )


class CampaignFormView(CampaignMixin, View):
    """One form for a campaign with its phases and contents (create and edit)."""

    template_name = "campaigns/campaign_form.html"

    def get_object(self):
        return super().get_object() if "pk" in self.kwargs else None

    def get_permission_required(self):
        return "campaigns.change_campaign" if self.object else "campaigns.add_campaign"

    def phase_initial(self, campaign):
        if campaign is None:
            return []
        return [
            {
                "id": p.pk,
                "name": p.name,
                "start_date": p.start_date,
                "end_date": p.end_date,
                "review_kind": p.review_kind,
                "results_deadline": p.results_deadline,
                "review_date": p.review_date,
            }
            for p in campaign.phases.all()
        ]

    def new_initial(self, campaign):
        """Sensible defaults for a new campaign: a regular one of the year the user runs."""
        if campaign is not None:
            return {}
        initial = {"kind": CampaignKind.REGULAR}
        years = selectors.cluster_years_run_by(user=self.request.user)
        if years:
            initial.update(scope=CampaignScope.CLUSTER_YEAR, cluster_year=years[0])
        return initial

    def render_forms(self, campaign, form, phases, status=200):
        return render(
            self.request,
            self.template_name,
            {"campaign": campaign, "form": form, "phases": phases},
            status=status,
        )

    def get(self, request, **kwargs):
        campaign = self.object
        form = CampaignForm(
            instance=campaign, user=request.user, initial=self.new_initial(campaign)
        )
        initial = self.phase_initial(campaign)
        phases = PhaseFormSet(prefix="phases", initial=initial)
        if campaign is None:
            phases.extra = 2  # a typical campaign: a preliminary and a final review
        return self.render_forms(campaign, form, phases)

    def post(self, request, **kwargs):
        campaign = self.object
        form = CampaignForm(request.POST, request.FILES, instance=campaign, user=request.user)
        phases = PhaseFormSet(request.POST, prefix="phases", initial=self.phase_initial(campaign))
        valid = form.is_valid()
        valid = phases.is_valid() and valid
        start, end = (form.cleaned_data.get(k) for k in ("start_date", "end_date"))
        if phases.is_valid() and start and end:
            # Checked even when another field is wrong, so that every message shows at once.
            valid = phases.check_against(start=start, end=end) and valid
        if not valid:
            return self.render_forms(campaign, form, phases)
        with refusal_onto(form):
            saved = services.campaign_save(
                campaign=campaign,
                actor=request.user,
                data=form.service_data(),
                phases=phases.phases(),
                deleted_phase_ids=phases.deleted_ids(),
                content_areas=form.content_areas(),
            )
            messages.success(request, _("The campaign was saved."))
            return redirect("campaigns:campaign_detail", pk=saved.pk)
        return self.render_forms(campaign, form, phases)


class CampaignDocumentView(CampaignMixin, View):
    def get(self, request, pk):
        campaign = self.object
        if not campaign.document_file:
            raise Http404
        return FileResponse(
            open_stored(campaign.document_file),
            as_attachment=True,
            filename=campaign.document_file_name or campaign.document_file.name,
        )


# Rubrics ----------------------------------------------------------------------------


def _visible_rubric(user, pk):
    return get_object_or_404(selectors.rubrics_visible_to(user=user), pk=pk)


class RubricMixin(ObjectPermissionMixin):
    """Views of one rubric the user sees (404 for the others)."""

    def get_queryset(self):
        return selectors.rubrics_visible_to(user=self.request.user)


class RubricDetailView(RubricMixin, TemplateView):
    template_name = "campaigns/rubric_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        rubric = self.object
        groups = selectors.rubric_structure(rubric)
        criteria = [c for g in groups for c in g.criteria.all()]
        normal = sum(c.max_points for c in criteria if c.kind == "normal")
        return super().get_context_data(
            **kwargs,
            rubric=rubric,
            groups=groups,
            criterion_count=len(criteria),
            normal_total=normal,
            total_max=normal + rubric.bonus_cap,
            can_change=user.has_perm("campaigns.change_rubric", rubric),
            can_version=user.has_perm("campaigns.version_rubric", rubric),
        )


class RubricCreateView(CampaignMixin, View):
    """Start the campaign's rubric: empty, or copied from an earlier campaign or year."""

    template_name = "campaigns/rubric_start.html"
    permission_required = "campaigns.change_campaign"

    def copy_form(self, data=None):
        return RubricCopyForm(
            data,
            sources=selectors.rubric_copy_sources(user=self.request.user),
            taken_titles=selectors.rubric_titles(campaign=self.object),
        )

    def show(self, copy_form):
        return render(
            self.request, self.template_name, {"campaign": self.object, "copy_form": copy_form}
        )

    def get(self, request, pk):
        return self.show(self.copy_form())

    def post(self, request, pk):
        campaign = self.object
        copy_form = self.copy_form(request.POST if "source" in request.POST else None)
        if copy_form.is_bound and not copy_form.is_valid():
            return self.show(copy_form)
        with refusal_as_message(request):
            if copy_form.is_bound:
                rubric = services.rubric_copy(
                    source=copy_form.cleaned_data["source"],
                    actor=request.user,
                    campaign=campaign,
                    title=copy_form.cleaned_data["title"],
                )
                messages.success(request, _("The rubric was copied; adjust it as needed."))
            else:
                rubric = services.rubric_create(
                    actor=request.user, campaign=campaign, title=_("Scoring rubric")
                )
            return redirect("campaigns:rubric_edit", pk=rubric.pk)
        return redirect("campaigns:campaign_detail", pk=campaign.pk)


class RubricEditView(RubricMixin, View):
    template_name = "campaigns/rubric_form.html"
    permission_required = "campaigns.change_rubric"

    def get_permission_required(self):
        # A frozen rubric sends whoever sees it back to its page, saying why, before any 403.
        return None if self.object.is_frozen else self.permission_required

    def frozen(self):
        messages.warning(
            self.request,
            _(
                "This rubric is frozen: units have submitted scores against it. "
                "Create a new version to change it."
            ),
        )
        return redirect("campaigns:rubric_detail", pk=self.object.pk)

    def render_forms(self, rubric, header, groups, criteria):
        return render(
            self.request,
            self.template_name,
            {
                "rubric": rubric,
                "header": header,
                "groups": groups,
                "criteria": criteria,
                "group_codes": [g.code for g in selectors.rubric_structure(rubric)],
            },
        )

    def get(self, request, pk):
        rubric = self.object
        if rubric.is_frozen:
            return self.frozen()
        structure = selectors.rubric_structure(rubric)
        header = RubricHeaderForm(
            initial={
                "title": rubric.title,
                "bonus_cap": rubric.bonus_cap,
                "tie_break_groups": rubric.tie_break_groups,
                "band_excellent_from": rubric.band_excellent_from,
                "band_good_from": rubric.band_good_from,
                "band_complete_from": rubric.band_complete_from,
                "final_score_rule": rubric.final_score_rule,
                "revision": rubric.revision,
            }
        )
        groups = GroupFormSet(
            prefix="groups",
            initial=[
                {"id": g.pk, "code": g.code, "title": g.title, "order": g.order} for g in structure
            ],
        )
        criteria = CriterionFormSet(
            prefix="criteria",
            initial=[
                {
                    "id": c.pk,
                    "group_code": g.code,
                    "code": c.code,
                    "title": c.title,
                    "guidance": c.guidance,
                    "max_points": c.max_points,
                    "kind": c.kind,
                    "evidence_required": c.evidence_required,
                    "order": c.order,
                }
                for g in structure
                for c in g.criteria.all()
            ],
        )
        return self.render_forms(rubric, header, groups, criteria)

    def post(self, request, pk):
        rubric = self.object
        if rubric.is_frozen:
            return self.frozen()
        header = RubricHeaderForm(request.POST)
        # Initial data makes "unchanged" rows count: every existing row is part of the rubric.
        groups = GroupFormSet(request.POST, prefix="groups")
        criteria = CriterionFormSet(request.POST, prefix="criteria")
        if not check_rubric_forms(header, groups, criteria):
            return self.render_forms(rubric, header, groups, criteria)
        with refusal_onto(header):
            services.rubric_save(
                rubric=rubric,
                actor=request.user,
                header={k: v for k, v in header.cleaned_data.items() if k != "revision"},
                groups=[f.cleaned_data for f in groups.rows()],
                criteria=[f.cleaned_data for f in criteria.rows()],
                revision=header.cleaned_data["revision"],
            )
            messages.success(request, _("The rubric was saved."))
            page = (
                "campaigns:rubric_edit" if "add_rows" in request.POST else "campaigns:rubric_detail"
            )
            return redirect(page, pk=rubric.pk)
        return self.render_forms(rubric, header, groups, criteria)


class RubricNewVersionView(RubricMixin, View):
    permission_required = "campaigns.version_rubric"

    def post(self, request, pk):
        rubric = self.object
        with refusal_as_message(request):
            new = services.rubric_new_version(rubric=rubric, actor=request.user)
            messages.success(
                request,
                _("Version %(version)d was created; submissions already made keep version %(old)d.")
                % {"version": new.version, "old": rubric.version},
            )
            return redirect("campaigns:rubric_edit", pk=new.pk)
        return redirect("campaigns:rubric_detail", pk=rubric.pk)


class RubricExportView(RubricMixin, View):
    def get(self, request, pk):
        rubric = self.object
        response = HttpResponse(rubric_to_workbook(rubric), content_type=XLSX)
        response["Content-Disposition"] = (
            f'attachment; filename="tieu-chi-{rubric.pk}-v{rubric.version}.xlsx"'
        )
        return response


class RubricImportView(LoginRequiredMixin, View):
    template_name = "campaigns/rubric_import.html"

    def get_rubric(self):
        rubric = _visible_rubric(self.request.user, self.kwargs["pk"])
        deny_unless(self.request.user, "campaigns.change_rubric", rubric)
        return rubric

    def get(self, request, pk):
        rubric = self.get_rubric()
        return render(request, self.template_name, {"rubric": rubric, "form": RubricImportForm()})

    def post(self, request, pk):
        rubric = self.get_rubric()
        form = RubricImportForm(request.POST, request.FILES)
        context = {"rubric": rubric, "form": form}
        if form.is_valid():
            try:
                data = read_rubric_workbook(form.cleaned_data["file"])
                services.rubric_import(rubric=rubric, actor=request.user, data=data)
            except ActionRefused as refused:
                context.update(refusal_to_import_form(form, refused))
            else:
                messages.success(request, _("The rubric was imported."))
                return redirect("campaigns:rubric_detail", pk=rubric.pk)
        return render(request, self.template_name, context)


# Events -----------------------------------------------------------------------------


class EventMixin(ObjectPermissionMixin):
    """Views of one event the user sees; what changes it asks `manage_events` of its campaign."""

    def get_queryset(self):
        return selectors.events_visible_to(user=self.request.user)

    def get_permission_object(self):
        return self.object.campaign


class EventFormView(EventMixin, View):
    """A new event of the campaign (`pk`), or one event (`event_pk`) to edit."""

    template_name = "campaigns/event_form.html"
    permission_required = "campaigns.manage_events"
    pk_url_kwarg = "event_pk"

    def get_object(self):
        return super().get_object() if self.pk_url_kwarg in self.kwargs else None

    def get_permission_object(self):
        return self.campaign

    @cached_property
    def campaign(self):
        if self.object is not None:
            return self.object.campaign
        return get_object_or_404(
            selectors.campaigns_visible_to(user=self.request.user), pk=self.kwargs["pk"]
        )

    def show(self, form):
        return render(
            self.request,
            self.template_name,
            {"campaign": self.campaign, "event": self.object, "form": form},
        )

    def get(self, request, **kwargs):
        return self.show(EventForm(instance=self.object))

    def post(self, request, **kwargs):
        form = EventForm(request.POST, instance=self.object)
        if form.is_valid():
            with refusal_onto(form):
                saved = services.event_save(
                    campaign=self.campaign,
                    event=self.object,
                    actor=request.user,
                    data=form.cleaned_data,
                )
                messages.success(request, _("The event was saved."))
                return redirect("campaigns:event_detail", pk=saved.pk)
        return self.show(form)


class EventDetailView(EventMixin, View):
    template_name = "campaigns/event_detail.html"

    def context(self, event, form=None):
        return {
            "event": event,
            "campaign": event.campaign,
            "attachments": list(event.attachments.all()),
            "can_manage": self.request.user.has_perm("campaigns.manage_events", event.campaign),
            "form": form or AttachmentForm(),
        }

    def get(self, request, pk):
        return render(request, self.template_name, self.context(self.object))

    def post(self, request, pk):
        """Upload an attachment."""
        event = self.object
        self.require("campaigns.manage_events")
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            with refusal_onto(form, "file"):
                services.attachment_add(
                    event=event, actor=request.user, uploaded=form.cleaned_data["file"]
                )
                messages.success(request, _("The file was added."))
                return redirect("campaigns:event_detail", pk=event.pk)
        return render(request, self.template_name, self.context(event, form))


class EventDeleteView(EventMixin, View):
    permission_required = "campaigns.manage_events"

    def post(self, request, pk):
        services.event_delete(event=self.object, actor=request.user)
        messages.success(request, _("The event was deleted."))
        return redirect("campaigns:campaign_detail", pk=self.object.campaign_id)


class AttachmentMixin(ObjectPermissionMixin):
    """Views of one event's file, for users who may see the campaign."""

    def get_queryset(self):
        return selectors.attachments_visible_to(user=self.request.user)

    def get_permission_object(self):
        return self.object.event.campaign


class AttachmentDownloadView(AttachmentMixin, View):
    """Files are served only through this view, to users who may see the campaign."""

    thumbnail = False

    def get(self, request, pk):
        return stored_file_response(self.object, thumbnail=self.thumbnail)


class AttachmentDeleteView(AttachmentMixin, View):
    permission_required = "campaigns.manage_events"

    def post(self, request, pk):
        services.attachment_delete(attachment=self.object, actor=request.user)
        messages.success(request, _("The file was removed."))
        return redirect("campaigns:event_detail", pk=self.object.event_id)


class AgendaView(LoginRequiredMixin, ListView):
    """Events across every campaign the user can see, by month."""

    template_name = "campaigns/agenda.html"
    context_object_name = "events"
    paginate_by = 100

    def get_queryset(self):
        self.year = self.request.GET.get("year", "")
        qs = selectors.events_visible_to(user=self.request.user).order_by("date", "pk")
        year = int_param(self.year, low=1900, high=2200)
        if year is not None:
            qs = qs.filter(date__year=year)
        elif "all" not in self.request.GET:
            qs = qs.filter(date__gte=timezone.localdate().replace(month=1, day=1))
        return qs

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            **kwargs,
            year=self.year,
            years=selectors.campaign_years(user=self.request.user),
            query_string=query.urlencode(),
            reverse_campaigns=reverse("campaigns:campaign_list"),
        )
