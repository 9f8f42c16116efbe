"""Award proposals: list, create, edit, one proposal's page with its steps, the cluster's
batch check."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views import View

from campaigns.selectors import campaigns_visible_to
from core.exceptions import ActionRefused
from core.http import int_param, redirect_stray_query, stored_file_response
from core.imports import refusal_to_import_form
from core.views import ObjectPermissionMixin, refusal_as_message, refusal_onto
from evaluations.proposals import selectors, services
from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.dossier import dossier_file_name, dossier_zip
from evaluations.proposals.eligibility import batch_findings, findings_for
from evaluations.proposals.forms import (
    PROPOSAL_FIELDS,
    DecisionForm,
    NewProposalForm,
    NomineeListForm,
    ProposalFileForm,
    ProposalForm,
    ReasonForm,
)
from evaluations.proposals.imports import nominee_list_import, template_workbook
from evaluations.proposals.models import ProposalFile
from evaluations.proposals.services import Nominee
from units.models import ClusterYear
from units.selectors import roles_of, staff_choices


class ProposalListView(LoginRequiredMixin, View):
    def get(self, request):
        proposals = selectors.proposals_visible_to(user=request.user)
        status = request.GET.get("status", "")
        if status in ProposalStatus.values:
            proposals = proposals.filter(status=status)
        page = Paginator(proposals, 50).get_page(request.GET.get("page"))
        years, _units = selectors.proposable(user=request.user)
        return render(
            request,
            "evaluations/proposals/list.html",
            {
                "page_obj": page,
                "proposals": page.object_list,
                "status": status,
                "statuses": ProposalStatus.choices,
                "can_propose": bool(years),
                "query_string": f"status={status}" if status else "",
            },
        )


class ProposalCreateView(LoginRequiredMixin, View):
    """A new proposal. The nominee's unit and person are search fields (units.pickers) that
    offer what the user may propose for, so the page costs the same whatever the size of
    the cluster."""

    template_name = "evaluations/proposals/form.html"

    def form(self, data=None):
        years, units = selectors.proposable(user=self.request.user)
        if not years:
            raise Http404
        year = years[0]
        initial = {"year": year.year, "cluster_year": year.pk}
        if len(units) == 1:
            initial["unit"] = units[0]
        form = NewProposalForm(
            data,
            user=self.request.user,
            years=years,
            initial=initial,
            campaigns=_campaigns(self.request.user),
        )
        form.years = {cy.pk: cy for cy in years}
        return form

    def get(self, request):
        return render(request, self.template_name, {"form": self.form()})

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            with refusal_onto(form):
                proposal = services.proposal_create(
                    actor=request.user,
                    cluster_year=form.years[data["cluster_year"]],
                    unit=data["unit"],
                    person=data["person"],
                    **{name: data[name] for name in PROPOSAL_FIELDS},
                )
                messages.success(request, _("The proposal was saved as a draft."))
                return redirect("evaluations:proposal", pk=proposal.pk)
        return render(request, self.template_name, {"form": form})


def _campaigns(user):
    return campaigns_visible_to(user=user).order_by("-start_date")


class ProposalMixin(ObjectPermissionMixin):
    """Views of one proposal the user sees (404 for the others)."""

    def get_queryset(self):
        return selectors.proposals_visible_to(user=self.request.user)


class ProposalEditView(ProposalMixin, View):
    template_name = "evaluations/proposals/form.html"
    permission_required = "evaluations.change_awardproposal"

    def get(self, request, pk):
        proposal = self.object
        form = ProposalForm(
            instance=proposal,
            initial={"revision": proposal.revision},
            campaigns=_campaigns(request.user),
        )
        return render(request, self.template_name, {"form": form, "proposal": proposal})

    def post(self, request, pk):
        proposal = self.object
        revision = proposal.revision
        form = ProposalForm(request.POST, instance=proposal, campaigns=_campaigns(request.user))
        if form.is_valid():
            data = form.cleaned_data
            with refusal_onto(form):
                services.proposal_save(
                    proposal=proposal,
                    actor=request.user,
                    revision=data["revision"] if data["revision"] is not None else revision,
                    **{name: data[name] for name in PROPOSAL_FIELDS},
                )
                messages.success(request, _("The proposal was saved."))
                return redirect("evaluations:proposal", pk=proposal.pk)
        return render(request, self.template_name, {"form": form, "proposal": proposal})


class ProposalView(ProposalMixin, View):
    """One proposal and its steps: each POST `action` asks its own permission (not the
    page's) and runs `do_<action>`, which says what was done or leaves a form to show."""

    template_name = "evaluations/proposals/detail.html"
    # action -> permission
    actions = {
        "submit": "evaluations.change_awardproposal",
        "upload": "evaluations.change_awardproposal",
        "withdraw": "evaluations.withdraw_awardproposal",
        "endorse": "evaluations.endorse_awardproposal",
        "return": "evaluations.return_awardproposal",
        "forward": "evaluations.forward_awardproposal",
        "approve": "evaluations.decide_awardproposal",
        "reject": "evaluations.decide_awardproposal",
    }

    def context(self, proposal, **forms):
        user = self.request.user
        can = {
            action: user.has_perm(perm, proposal)
            for action, perm in self.actions.items()
            if action != "upload"
        }
        return {
            "proposal": proposal,
            "findings": findings_for(proposal),
            "can": can,
            "can_edit": can["submit"],
            "reason_form": forms.get("reason_form") or ReasonForm(),
            "decision_form": forms.get("decision_form") or DecisionForm(),
            "file_form": forms.get("file_form") or ProposalFileForm(),
            **selectors.proposal_detail(proposal),
        }

    def get(self, request, pk):
        self.require("evaluations.view_awardproposal")
        return render(request, self.template_name, self.context(self.object))

    def post(self, request, pk):
        proposal = self.object
        action = request.POST.get("action", "")
        if action not in self.actions:
            raise Http404
        self.require(self.actions[action])
        forms, message = {}, None
        with refusal_as_message(request):
            message = getattr(self, f"do_{action}")(request, proposal, forms)
        if message:
            messages.success(request, message)
            return redirect("evaluations:proposal", pk=proposal.pk)
        proposal.refresh_from_db()
        return render(request, self.template_name, self.context(proposal, **forms))

    def do_submit(self, request, proposal, forms):
        services.proposal_submit(proposal=proposal, actor=request.user)
        return _("The proposal was submitted to the cluster.")

    def do_upload(self, request, proposal, forms):
        form = forms["file_form"] = ProposalFileForm(request.POST, request.FILES)
        if not form.is_valid():
            return None
        services.proposal_file_add(
            proposal=proposal, actor=request.user, uploaded=form.cleaned_data["file"]
        )
        return _("The file was added.")

    def do_withdraw(self, request, proposal, forms):
        services.proposal_withdraw(
            proposal=proposal, actor=request.user, reason=request.POST.get("comment", "")
        )
        return _("The proposal was withdrawn.")

    def do_endorse(self, request, proposal, forms):
        services.proposal_endorse(proposal=proposal, actor=request.user)
        return _("The cluster endorsed the proposal.")

    def do_return(self, request, proposal, forms):
        form = forms["reason_form"] = ReasonForm(request.POST)
        if not form.is_valid():
            return None
        services.proposal_return(
            proposal=proposal, actor=request.user, comment=form.cleaned_data["comment"]
        )
        return _("The proposal was returned to the unit.")

    def do_forward(self, request, proposal, forms):
        services.proposal_forward(proposal=proposal, actor=request.user)
        return _("The proposal was forwarded to the council.")

    def do_approve(self, request, proposal, forms):
        form = forms["decision_form"] = DecisionForm(request.POST)
        if not form.is_valid():
            return None
        services.proposal_approve(proposal=proposal, actor=request.user, **form.cleaned_data)
        return _("The proposal was approved and added to the award history.")

    def do_reject(self, request, proposal, forms):
        form = forms["reason_form"] = ReasonForm(request.POST)
        if not form.is_valid():
            return None
        services.proposal_reject(
            proposal=proposal, actor=request.user, reason=form.cleaned_data["comment"]
        )
        return _("The proposal was rejected.")


class ProposalFileView(ObjectPermissionMixin, View):
    """A proposal's file, for whoever sees the proposal."""

    def get_queryset(self):
        visible = selectors.proposals_visible_to(user=self.request.user)
        return ProposalFile.objects.filter(proposal__in=visible.values("pk"))

    def get(self, request, pk):
        return stored_file_response(self.object)


class ClusterYearMixin(ObjectPermissionMixin):
    """Views of one cluster year (shared master data) and its proposals."""

    def get_queryset(self):
        return ClusterYear.objects.select_related("cluster", "chair_unit", "vice_chair_unit")


class ClusterProposalsView(ClusterYearMixin, View):
    """The secretariat's batch: every proposal of the cluster year, checked together."""

    def get_queryset(self):
        # Another cluster's batch does not exist for this user: 404, not 403.
        roles = roles_of(self.request.user)
        years = super().get_queryset()
        return years if roles.is_admin else years.filter(pk__in=roles.secretariat_cluster_year_ids)

    def get(self, request, pk):
        cluster_year = self.object
        proposals = list(
            selectors.proposals_visible_to(user=request.user)
            .filter(cluster_year=cluster_year)
            .exclude(status__in=[ProposalStatus.WITHDRAWN, ProposalStatus.DRAFT])
            .select_related("ranking_entry")
        )
        findings = batch_findings(proposals)
        rows = [
            {
                "proposal": p,
                "findings": findings[p.pk],
                "blocked": any(f.blocking for f in findings[p.pk]),
            }
            for p in proposals
        ]
        return render(
            request,
            "evaluations/proposals/batch.html",
            {
                "cluster_year": cluster_year,
                "rows": rows,
                "passing": sum(1 for r in rows if not r["blocked"]),
                "failing": sum(1 for r in rows if r["blocked"]),
                "summary": selectors.dossier_counts(proposals),
            },
        )


class DossierView(ClusterYearMixin, View):
    """The cluster year's dossier of endorsed and forwarded proposals, as one .zip."""

    permission_required = "evaluations.prepare_dossier"

    def get(self, request, pk):
        cluster_year = self.object
        with refusal_as_message(request, messages.WARNING):
            data = dossier_zip(
                cluster_year=cluster_year,
                proposals=selectors.dossier_proposals(cluster_year),
            )
            response = HttpResponse(data, content_type="application/zip")
            response["Content-Disposition"] = content_disposition_header(
                True, dossier_file_name(cluster_year)
            )
            return response
        return redirect("units:cluster_year_detail", cluster_year.cluster_id, cluster_year.year)


class NomineeListCreateView(LoginRequiredMixin, View):
    """One title for many people of one unit: ticked on screen or listed in an .xlsx file.
    As on a new proposal, the unit is chosen first and only its staff is listed."""

    template_name = "evaluations/proposals/nominee_list_form.html"
    query_params = ("cluster_year", "unit")

    def form(self, data=None, files=None, *, wanted_unit=None, wanted_year=None):
        years, units = selectors.proposable(user=self.request.user)
        if not years:
            raise Http404
        units_by_pk = {u.pk: u for u in units}
        unit = units_by_pk.get(wanted_unit) or (units[0] if len(units) == 1 else None)
        people = staff_choices(unit_id=unit.pk) if unit else []
        year = next((cy for cy in years if cy.pk == wanted_year), years[0])
        form = NomineeListForm(
            data,
            files,
            years=years,
            units=units,
            unit=unit,
            people=people,
            initial={"year": year.year, "cluster_year": year.pk, "unit": unit.pk if unit else None},
        )
        form.lookup = ({cy.pk: cy for cy in years}, units_by_pk, {p.pk: p for p in people})
        return form

    def get(self, request):
        form = self.form(
            wanted_unit=int_param(request.GET.get("unit")),
            wanted_year=int_param(request.GET.get("cluster_year")),
        )
        if stray := redirect_stray_query(request, self.query_params):
            return stray
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = self.form(
            request.POST,
            request.FILES,
            wanted_unit=int_param(request.POST.get("unit")),
            wanted_year=int_param(request.POST.get("cluster_year")),
        )
        context = {"form": form}
        if form.is_valid():
            years, units, people = form.lookup
            data = form.cleaned_data
            common = {
                "actor": request.user,
                "cluster_year": years[data["cluster_year"]],
                "unit": units[data["unit"]],
                "title": data["title"],
                "year": data["year"],
                "no_pending_discipline": data["no_pending_discipline"],
                "campaign": None,
            }
            try:
                if data["file"]:
                    nominee_list = nominee_list_import(
                        uploaded=data["file"], summary=data["summary"].strip(), **common
                    )
                else:
                    nominee_list = services.nominee_list_create(
                        nominees=[
                            Nominee(
                                person=people[pk],
                                summary=data["summary"].strip(),
                                task_rating=data["task_rating"],
                            )
                            for pk in data["people"]
                        ],
                        **common,
                    )
            except ActionRefused as refused:
                context = refusal_to_import_form(form, refused)
            else:
                messages.success(
                    request,
                    _("The list of %(count)d nominees was saved as drafts.")
                    % {"count": nominee_list.proposals.count()},
                )
                return redirect("evaluations:nominee_list", pk=nominee_list.pk)
        return render(request, self.template_name, context)


class NomineeListTemplateView(LoginRequiredMixin, View):
    def get(self, request):
        response = HttpResponse(
            template_workbook(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-de-nghi.xlsx"'
        return response


class NomineeListView(ObjectPermissionMixin, View):
    """One list: its nominees, each with the eligibility findings of the whole list checked
    at once (a constant number of queries), and "submit the list"."""

    template_name = "evaluations/proposals/nominee_list.html"

    def get_queryset(self):
        return selectors.nominee_lists_visible_to(user=self.request.user)

    def get(self, request, pk):
        nominee_list = self.object
        proposals = selectors.nominee_list_rows(nominee_list)
        findings = batch_findings(proposals)
        rows = [
            {
                "proposal": p,
                "findings": findings[p.pk],
                "blocked": any(f.blocking for f in findings[p.pk]),
            }
            for p in proposals
        ]
        can_submit = request.user.has_perm("evaluations.submit_nomineelist", nominee_list) and any(
            p.is_editable for p in proposals
        )
        return render(
            request,
            self.template_name,
            {
                "nominee_list": nominee_list,
                "rows": rows,
                "passing": sum(1 for r in rows if not r["blocked"]),
                "failing": sum(1 for r in rows if r["blocked"]),
                "summary": selectors.dossier_counts(proposals),
                "can_submit": can_submit,
            },
        )

    def post(self, request, pk):
        self.require("evaluations.submit_nomineelist")
        with refusal_as_message(request):
            count = services.nominee_list_submit(nominee_list=self.object, actor=request.user)
            messages.success(
                request,
                _("%(count)d nominees were submitted to the cluster.") % {"count": count},
            )
        return redirect("evaluations:nominee_list", pk=self.object.pk)
