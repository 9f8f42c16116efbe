"""Award decisions: list, register, one decision's page, drafting from a cluster year's
forwarded proposals, recording, correcting, revoking, and its Word documents."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views import View

from core.views import ObjectPermissionMixin, refusal_as_message, refusal_onto
from evaluations.decisions import selectors, services
from evaluations.decisions.choices import DecisionStatus, DocumentKind
from evaluations.decisions.documents import decision_document, file_name
from evaluations.decisions.forms import CorrectForm, DraftForm, RecordForm, RevokeForm
from evaluations.decisions.models import IssuingAuthority
from units.models import ClusterYear

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DecisionListView(LoginRequiredMixin, View):
    def get(self, request):
        decisions = selectors.decisions_visible_to(user=request.user)
        status = request.GET.get("status", "")
        if status in DecisionStatus.values:
            decisions = decisions.filter(status=status)
        page = Paginator(decisions.order_by("-date", "-pk"), 50).get_page(request.GET.get("page"))
        return render(
            request,
            "evaluations/decisions/list.html",
            {
                "page_obj": page,
                "decisions": page.object_list,
                "status": status,
                "statuses": DecisionStatus.choices,
                "registers": selectors.register_years(),
                "query_string": f"status={status}" if status else "",
            },
        )


class DecisionMixin(ObjectPermissionMixin):
    """Views of one decision the user sees (404 for the others)."""

    def get_queryset(self):
        return selectors.decisions_visible_to(user=self.request.user)


class DecisionView(DecisionMixin, View):
    permission_required = "evaluations.view_awarddecision"

    def get(self, request, pk):
        decision = self.object
        return render(
            request,
            "evaluations/decisions/detail.html",
            {"decision": decision, **selectors.decision_detail(decision)},
        )


class DecisionFormView(DecisionMixin, View):
    """A form page of one decision that calls one service and goes back to the decision."""

    form_class = None
    template_name = "evaluations/decisions/form.html"
    heading = ""
    button = ""
    danger = False

    def initial(self, decision) -> dict:
        return {}

    def get(self, request, pk):
        return self.show(self.form_class(initial=self.initial(self.object)))

    def post(self, request, pk):
        form = self.form_class(request.POST)
        if form.is_valid():
            with refusal_onto(form):
                message = self.act(self.object, form.cleaned_data)
                messages.success(request, message)
                return redirect("evaluations:decision", pk=self.object.pk)
        return self.show(form)

    def show(self, form):
        return render(
            self.request,
            self.template_name,
            {
                "decision": self.object,
                "form": form,
                "heading": self.heading,
                "button": self.button,
                "danger": self.danger,
            },
        )


class DecisionRecordView(DecisionFormView):
    permission_required = "evaluations.record_awarddecision"
    form_class = RecordForm

    @property
    def heading(self):
        return _("Record the signed decision")

    @property
    def button(self):
        return _("Record and approve every line")

    def act(self, decision, data):
        services.decision_record(decision=decision, actor=self.request.user, **data)
        return _("The decision was recorded; its awards are in the award history.")


class DecisionCorrectView(DecisionFormView):
    permission_required = "evaluations.correct_awarddecision"
    form_class = CorrectForm

    @property
    def heading(self):
        return _("Correct the decision (đính chính)")

    @property
    def button(self):
        return _("Record the correction")

    def initial(self, decision):
        return {name: getattr(decision, name) for name in services.CORRECTABLE_FIELDS}

    def act(self, decision, data):
        services.decision_correct(decision=decision, actor=self.request.user, **data)
        return _("The correction was recorded.")


class DecisionRevokeView(DecisionFormView):
    permission_required = "evaluations.revoke_awarddecision"
    form_class = RevokeForm
    danger = True

    @property
    def heading(self):
        return _("Revoke the decision (thu hồi)")

    @property
    def button(self):
        return _("Revoke the decision")

    def act(self, decision, data):
        services.decision_revoke(decision=decision, actor=self.request.user, **data)
        return _("The decision was revoked; its awards no longer count.")


class DecisionDiscardView(DecisionMixin, View):
    permission_required = "evaluations.delete_awarddecision"

    def post(self, request, pk):
        with refusal_as_message(request):
            services.decision_discard(decision=self.object, actor=request.user)
            messages.success(request, _("The draft decision was deleted."))
            return redirect("evaluations:decision_list")
        return redirect("evaluations:decision", pk=pk)


class DecisionDocumentView(DecisionMixin, View):
    """The decision (with its annex) or the tờ trình, filled from the office's template."""

    permission_required = "evaluations.view_decision_documents"

    def get(self, request, pk, document):
        if document not in DocumentKind.values:
            raise Http404
        decision = self.object
        with refusal_as_message(request):
            data = decision_document(decision, document)
            response = HttpResponse(data, content_type=DOCX)
            response["Content-Disposition"] = content_disposition_header(
                True, file_name(decision, document)
            )
            return response
        return redirect("evaluations:decision", pk=pk)


class DecisionDraftView(ObjectPermissionMixin, View):
    """A new decision from a cluster year's forwarded proposals: the whole batch (all ticked)
    or the rows chosen."""

    permission_required = "evaluations.add_awarddecision"
    template_name = "evaluations/decisions/draft.html"

    def get_queryset(self):
        return ClusterYear.objects.select_related("cluster")

    def form(self, data=None):
        return DraftForm(
            data,
            authorities=selectors.active_authorities(),
            proposals=selectors.forwarded_proposals(self.object),
        )

    def get(self, request, pk):
        form = self.form()
        form.initial["proposals"] = [p.pk for p in form.fields["proposals"].queryset]
        return self.show(form)

    def post(self, request, pk):
        form = self.form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            with refusal_onto(form):
                decision = services.decision_draft(
                    actor=request.user,
                    authority=data["authority"],
                    proposals=data["proposals"],
                    kind=data["kind"],
                    subject=data["subject"],
                    legal_bases=data["legal_bases"],
                    cluster_year=self.object,
                )
                messages.success(request, _("The draft decision was made."))
                return redirect("evaluations:decision", pk=decision.pk)
        return self.show(form)

    def show(self, form):
        return render(self.request, self.template_name, {"cluster_year": self.object, "form": form})


class DecisionRegisterView(ObjectPermissionMixin, View):
    """The register (sổ quyết định) of an authority's year."""

    permission_required = "evaluations.view_decision_register"

    def get_queryset(self):
        return IssuingAuthority.objects.all()

    def get(self, request, pk, year):
        authority = self.object
        return render(
            request,
            "evaluations/decisions/register.html",
            {
                "authority": authority,
                "year": year,
                "decisions": selectors.register_of(authority=authority, year=year),
            },
        )
