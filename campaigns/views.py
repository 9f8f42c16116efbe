from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
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
from core.http import deny_unless, int_param, open_stored, refusal_to_form, stored_file_response
from core.imports import refusal_to_import_form

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


class CampaignDetailView(LoginRequiredMixin, TemplateView):
    template_name = "campaigns/campaign_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        campaign = get_object_or_404(selectors.campaign_detail_queryset(user=user), pk=kwargs["pk"])
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


class CampaignFormView(LoginRequiredMixin, View):
    """One form for a campaign with its phases and contents (create and edit)."""

    template_name = "campaigns/campaign_form.html"

    def get_campaign(self):
        pk = self.kwargs.get("pk")
        if pk is None:
            deny_unless(self.request.user, "campaigns.add_campaign")
            return None
        campaign = get_object_or_404(selectors.campaigns_visible_to(user=self.request.user), pk=pk)
        deny_unless(self.request.user, "campaigns.change_campaign", campaign)
        return campaign

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
        campaign = self.get_campaign()
        form = CampaignForm(
            instance=campaign, user=request.user, initial=self.new_initial(campaign)
        )
        initial = self.phase_initial(campaign)
        phases = PhaseFormSet(prefix="phases", initial=initial)
        if campaign is None:
            phases.extra = 2  # a typical campaign: a preliminary and a final review
        return self.render_forms(campaign, form, phases)

    def post(self, request, **kwargs):
        campaign = self.get_campaign()
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
        try:
            saved = services.campaign_save(
                campaign=campaign,
                actor=request.user,
                data=form.service_data(),
                phases=phases.phases(),
                deleted_phase_ids=phases.deleted_ids(),
                content_areas=form.content_areas(),
            )
        except (ActionRefused, ValidationError) as error:
            refusal_to_form(form, error)
            return self.render_forms(campaign, form, phases)
        messages.success(request, _("The campaign was saved."))
        return redirect("campaigns:campaign_detail", pk=saved.pk)


class CampaignDocumentView(LoginRequiredMixin, View):
    def get(self, request, pk):
        campaign = get_object_or_404(selectors.campaigns_visible_to(user=request.user), pk=pk)
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


class RubricDetailView(LoginRequiredMixin, TemplateView):
    template_name = "campaigns/rubric_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        rubric = _visible_rubric(user, kwargs["pk"])
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


class RubricCreateView(LoginRequiredMixin, View):
    """Start the campaign's rubric: empty, or copied from an earlier campaign or year."""

    template_name = "campaigns/rubric_start.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.campaign = None

    def get_campaign(self):
        campaign = get_object_or_404(
            selectors.campaigns_visible_to(user=self.request.user), pk=self.kwargs["pk"]
        )
        deny_unless(self.request.user, "campaigns.change_campaign", campaign)
        return campaign

    def copy_form(self, data=None, campaign=None):
        return RubricCopyForm(data, sources=selectors.rubric_copy_sources(user=self.request.user))

    def get(self, request, pk):
        campaign = self.get_campaign()
        return render(
            request, self.template_name, {"campaign": campaign, "copy_form": self.copy_form()}
        )

    def post(self, request, pk):
        campaign = self.get_campaign()
        copy_form = self.copy_form(request.POST if "source" in request.POST else None)
        try:
            if copy_form.is_bound:
                if not copy_form.is_valid():
                    return render(
                        request, self.template_name, {"campaign": campaign, "copy_form": copy_form}
                    )
                rubric = services.rubric_copy(
                    source=copy_form.cleaned_data["source"], actor=request.user, campaign=campaign
                )
                messages.success(request, _("The rubric was copied; adjust it as needed."))
            else:
                rubric = services.rubric_create(
                    actor=request.user, campaign=campaign, title=_("Scoring rubric")
                )
        except ActionRefused as refused:
            messages.error(request, refused.message)
            return redirect("campaigns:campaign_detail", pk=campaign.pk)
        return redirect("campaigns:rubric_edit", pk=rubric.pk)


class RubricEditView(LoginRequiredMixin, View):
    template_name = "campaigns/rubric_form.html"

    def get_rubric(self):
        rubric = _visible_rubric(self.request.user, self.kwargs["pk"])
        if rubric.is_frozen:
            messages.warning(
                self.request,
                _(
                    "This rubric is frozen: units have submitted scores against it. "
                    "Create a new version to change it."
                ),
            )
            return rubric, redirect("campaigns:rubric_detail", pk=rubric.pk)
        deny_unless(self.request.user, "campaigns.change_rubric", rubric)
        return rubric, None

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
        rubric, refused = self.get_rubric()
        if refused:
            return refused
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
        rubric, refused = self.get_rubric()
        if refused:
            return refused
        header = RubricHeaderForm(request.POST)
        # Initial data makes "unchanged" rows count: every existing row is part of the rubric.
        groups = GroupFormSet(request.POST, prefix="groups")
        criteria = CriterionFormSet(request.POST, prefix="criteria")
        if not check_rubric_forms(header, groups, criteria):
            return self.render_forms(rubric, header, groups, criteria)
        try:
            services.rubric_save(
                rubric=rubric,
                actor=request.user,
                header={k: v for k, v in header.cleaned_data.items() if k != "revision"},
                groups=[f.cleaned_data for f in groups.rows()],
                criteria=[f.cleaned_data for f in criteria.rows()],
                revision=header.cleaned_data["revision"],
            )
        except (ActionRefused, ValidationError) as error:
            refusal_to_form(header, error)
            return self.render_forms(rubric, header, groups, criteria)
        messages.success(request, _("The rubric was saved."))
        if "add_rows" in request.POST:
            return redirect("campaigns:rubric_edit", pk=rubric.pk)
        return redirect("campaigns:rubric_detail", pk=rubric.pk)


class RubricNewVersionView(LoginRequiredMixin, View):
    def post(self, request, pk):
        rubric = _visible_rubric(request.user, pk)
        deny_unless(request.user, "campaigns.version_rubric", rubric)
        try:
            new = services.rubric_new_version(rubric=rubric, actor=request.user)
        except ActionRefused as refused:
            messages.error(request, refused.message)
            return redirect("campaigns:rubric_detail", pk=rubric.pk)
        messages.success(
            request,
            _("Version %(version)d was created; submissions already made keep version %(old)d.")
            % {"version": new.version, "old": rubric.version},
        )
        return redirect("campaigns:rubric_edit", pk=new.pk)


class RubricExportView(LoginRequiredMixin, View):
    def get(self, request, pk):
        rubric = _visible_rubric(request.user, pk)
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


class EventFormView(LoginRequiredMixin, View):
    template_name = "campaigns/event_form.html"

    def load(self):
        user = self.request.user
        if "event_pk" in self.kwargs:
            event = get_object_or_404(
                selectors.events_visible_to(user=user), pk=self.kwargs["event_pk"]
            )
            campaign = event.campaign
        else:
            event = None
            campaign = get_object_or_404(
                selectors.campaigns_visible_to(user=user), pk=self.kwargs["pk"]
            )
        deny_unless(user, "campaigns.manage_events", campaign)
        return campaign, event

    def get(self, request, **kwargs):
        campaign, event = self.load()
        form = EventForm(instance=event)
        return render(
            request, self.template_name, {"campaign": campaign, "event": event, "form": form}
        )

    def post(self, request, **kwargs):
        campaign, event = self.load()
        form = EventForm(request.POST, instance=event)
        if form.is_valid():
            try:
                saved = services.event_save(
                    campaign=campaign, event=event, actor=request.user, data=form.cleaned_data
                )
            except (ActionRefused, ValidationError) as error:
                refusal_to_form(form, error)
            else:
                messages.success(request, _("The event was saved."))
                return redirect("campaigns:event_detail", pk=saved.pk)
        return render(
            request, self.template_name, {"campaign": campaign, "event": event, "form": form}
        )


class EventDetailView(LoginRequiredMixin, View):
    template_name = "campaigns/event_detail.html"

    def load(self, pk):
        event = get_object_or_404(selectors.events_visible_to(user=self.request.user), pk=pk)
        return event

    def context(self, event, form=None):
        return {
            "event": event,
            "campaign": event.campaign,
            "attachments": list(event.attachments.all()),
            "can_manage": self.request.user.has_perm("campaigns.manage_events", event.campaign),
            "form": form or AttachmentForm(),
        }

    def get(self, request, pk):
        return render(request, self.template_name, self.context(self.load(pk)))

    def post(self, request, pk):
        """Upload an attachment."""
        event = self.load(pk)
        deny_unless(request.user, "campaigns.manage_events", event.campaign)
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.attachment_add(
                    event=event, actor=request.user, uploaded=form.cleaned_data["file"]
                )
            except ActionRefused as refused:
                form.add_error("file", refused.message)
            else:
                messages.success(request, _("The file was added."))
                return redirect("campaigns:event_detail", pk=event.pk)
        return render(request, self.template_name, self.context(event, form))


class EventDeleteView(LoginRequiredMixin, View):
    def post(self, request, pk):
        event = get_object_or_404(selectors.events_visible_to(user=request.user), pk=pk)
        deny_unless(request.user, "campaigns.manage_events", event.campaign)
        campaign_pk = event.campaign_id
        services.event_delete(event=event, actor=request.user)
        messages.success(request, _("The event was deleted."))
        return redirect("campaigns:campaign_detail", pk=campaign_pk)


class AttachmentDownloadView(LoginRequiredMixin, View):
    """Files are served only through this view, to users who may see the campaign."""

    thumbnail = False

    def get(self, request, pk):
        attachment = get_object_or_404(selectors.attachments_visible_to(user=request.user), pk=pk)
        return stored_file_response(attachment, thumbnail=self.thumbnail)


class AttachmentDeleteView(LoginRequiredMixin, View):
    def post(self, request, pk):
        attachment = get_object_or_404(selectors.attachments_visible_to(user=request.user), pk=pk)
        deny_unless(request.user, "campaigns.manage_events", attachment.event.campaign)
        event_pk = attachment.event_id
        services.attachment_delete(attachment=attachment, actor=request.user)
        messages.success(request, _("The file was removed."))
        return redirect("campaigns:event_detail", pk=event_pk)


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
