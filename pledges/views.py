from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from campaigns.models import Criterion
from campaigns.selectors import current_rubric
from core.http import int_param, stored_file_response
from core.views import ObjectActionsMixin, ObjectPermissionMixin, refusal_as_message, refusal_onto
from pledges import selectors, services
from pledges.choices import Recipient
from pledges.documents import CommitmentLine, PledgeDocument, SignatureBlock, pledge_docx
from pledges.eligibility import registration_findings
from pledges.exports import ConsolidatedTable, ItemRow, TitleColumn, UnitRow, registrations_workbook
from pledges.forms import (
    CommitmentFormSet,
    PaperSignatureForm,
    PledgeAttachmentForm,
    PledgeForm,
    RegistrationItemFormSet,
    ReopenForm,
    ReturnForm,
    RoundForm,
    SignatureForm,
)
from pledges.models import PledgeAttachment, Registration
from units.selectors import roles_of

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# Pledges ----------------------------------------------------------------------------


def _runs_a_cluster_year(user) -> bool:
    """Who may start a pledge or a registration round: admins and secretariats."""
    roles = roles_of(user)
    return roles.is_admin or bool(roles.secretariat_cluster_year_ids)


class PledgeListView(LoginRequiredMixin, ListView):
    template_name = "pledges/pledge_list.html"
    context_object_name = "pledges"
    paginate_by = 30

    def get_queryset(self):
        return selectors.pledge_list(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            **kwargs, can_add=_runs_a_cluster_year(self.request.user)
        )
        context["pledges"] = selectors.with_signing_counts(context["pledges"])
        return context


class PledgeMixin(ObjectPermissionMixin):
    """Views of one pledge the user sees (404 for the others)."""

    detailed = False  # parties, signatures and commitments read with the pledge

    def get_queryset(self):
        user = self.request.user
        if self.detailed:
            return selectors.pledge_detail_queryset(user=user)
        return selectors.pledges_visible_to(user=user)


class PledgeDetailView(PledgeMixin, View):
    template_name = "pledges/pledge_detail.html"
    detailed = True

    def context(self, pledge, attachment_form=None):
        user = self.request.user
        parties = list(pledge.parties.all())
        roles = roles_of(user)
        return {
            "pledge": pledge,
            "parties": parties,
            "signed_count": sum(1 for p in parties if hasattr(p, "signature")),
            "my_unsigned": [
                p
                for p in parties
                if p.unit_id in roles.leader_unit_ids and not hasattr(p, "signature")
            ],
            "my_signed": [
                signed_already_message(p)
                for p in parties
                if p.unit_id in roles.leader_unit_ids and hasattr(p, "signature")
            ],
            "can_manage": user.has_perm("pledges.manage_pledge", pledge),
            "can_change": user.has_perm("pledges.change_pledge", pledge),
            "can_record": user.has_perm("pledges.record_signature", pledge),
            "attachment_form": attachment_form or PledgeAttachmentForm(),
        }

    def get(self, request, pk):
        return render(request, self.template_name, self.context(self.object))

    def post(self, request, pk):
        """Upload a file (the signed original or a photo)."""
        pledge = self.object
        self.require("pledges.manage_pledge")
        form = PledgeAttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            with refusal_onto(form, "file"):
                services.pledge_attach(
                    pledge=pledge,
                    actor=request.user,
                    uploaded=form.cleaned_data["file"],
                    kind=form.cleaned_data["kind"],
                )
                messages.success(request, _("The file was added."))
                return redirect("pledges:pledge_detail", pk=pledge.pk)
        return render(request, self.template_name, self.context(pledge, form))


class PledgeFormView(PledgeMixin, View):
    """A new pledge, or a draft one (`pk`) to edit."""

    template_name = "pledges/pledge_form.html"
    permission_required = "pledges.change_pledge"

    def get_object(self):
        return super().get_object() if "pk" in self.kwargs else None

    def check_permission(self):
        if self.object is not None:
            super().check_permission()
        elif not _runs_a_cluster_year(self.request.user):
            raise PermissionDenied

    def criteria(self, pledge):
        rubric = current_rubric(pledge.campaign) if pledge and pledge.campaign_id else None
        return (
            list(Criterion.objects.filter(rubric=rubric).order_by("group__order", "order"))
            if rubric
            else []
        )

    def commitments_initial(self, pledge):
        if pledge is None:
            return []
        return [
            {
                "id": c.pk,
                "content": c.content,
                "target": c.target,
                "criteria": [x.pk for x in c.criteria.all()],
            }
            for c in pledge.commitments.prefetch_related("criteria")
        ]

    def show(self, pledge, form, commitments):
        return render(
            self.request,
            self.template_name,
            {"pledge": pledge, "form": form, "commitments": commitments},
        )

    def get(self, request, **kwargs):
        pledge = self.object
        initial = {}
        cluster_year = int_param(request.GET.get("cluster_year"))
        if pledge is None and cluster_year is not None:
            initial["cluster_year"] = cluster_year
        form = PledgeForm(instance=pledge, user=request.user, initial=initial)
        commitments = CommitmentFormSet(
            prefix="commitments",
            initial=self.commitments_initial(pledge),
            criteria=self.criteria(pledge),
        )
        return self.show(pledge, form, commitments)

    def post(self, request, **kwargs):
        pledge = self.object
        form = PledgeForm(request.POST, instance=pledge, user=request.user)
        commitments = CommitmentFormSet(
            request.POST,
            prefix="commitments",
            initial=self.commitments_initial(pledge),
            criteria=self.criteria(pledge),
        )
        if form.is_valid() and commitments.is_valid():
            with refusal_onto(form):
                saved = services.pledge_save(
                    pledge=pledge,
                    actor=request.user,
                    data=form.cleaned_data,
                    commitments=[f.cleaned_data for f in commitments.rows()],
                )
                messages.success(request, _("The pledge was saved."))
                page = (
                    "pledges:pledge_edit" if "add_rows" in request.POST else "pledges:pledge_detail"
                )
                return redirect(page, pk=saved.pk)
        return self.show(pledge, form, commitments)


class PledgeActionView(PledgeMixin, View):
    """POST-only state changes: open for signing, back to draft, archive."""

    permission_required = "pledges.manage_pledge"
    transitions = {
        "open": (services.pledge_open, _("The pledge is open for signing.")),
        "redraft": (services.pledge_reopen_draft, _("The pledge is a draft again.")),
        "archive": (services.pledge_archive, _("The pledge was archived.")),
    }

    def get_object(self):
        if self.kwargs["action"] not in self.transitions:
            raise Http404  # before the pledge is read
        return super().get_object()

    def post(self, request, pk, action):
        service, done = self.transitions[action]
        with refusal_as_message(request):
            service(pledge=self.object, actor=request.user)
            messages.success(request, done)
        return redirect("pledges:pledge_detail", pk=pk)


def signed_already_message(party) -> str:
    signature = party.signature
    return _("%(unit)s already signed this pledge on %(date)s, by %(name)s.") % {
        "unit": party.unit_name,
        "date": signature.signed_on.strftime("%d/%m/%Y"),
        "name": signature.signatory_name,
    }


class PledgeSignView(PledgeMixin, View):
    """A unit leader signs for their unit."""

    template_name = "pledges/pledge_sign.html"
    permission_required = "pledges.sign_pledge"
    detailed = True

    def my_parties(self):
        leader_units = roles_of(self.request.user).leader_unit_ids
        return [p for p in self.object.parties.all() if p.unit_id in leader_units]

    def check_permission(self):
        # A unit that has signed is told so (when and by whom), even once the pledge is
        # complete and nobody may sign any more: a second try is no breach of rights.
        mine = self.my_parties()
        if mine and all(hasattr(p, "signature") for p in mine):
            return
        super().check_permission()

    def load(self):
        unsigned = [p for p in self.my_parties() if not hasattr(p, "signature")]
        return self.object, (unsigned[0] if unsigned else None)

    def already_signed(self, pledge):
        # The pledge's page says when and by whom the unit signed (`my_signed`).
        return redirect("pledges:pledge_detail", pk=pledge.pk)

    def initial(self):
        person = getattr(self.request.user, "person", None)
        return {
            "signatory_name": person.full_name if person else self.request.user.get_full_name(),
            "position": person.position if person else "",
        }

    def get(self, request, pk):
        pledge, party = self.load()
        if party is None:
            return self.already_signed(pledge)
        form = SignatureForm(initial=self.initial())
        return render(request, self.template_name, {"pledge": pledge, "party": party, "form": form})

    def post(self, request, pk):
        pledge, party = self.load()
        if party is None:
            return self.already_signed(pledge)
        form = SignatureForm(request.POST)
        if form.is_valid():
            with refusal_onto(form):
                services.pledge_sign(
                    pledge=pledge, actor=request.user, unit=party.unit, **form.cleaned_data
                )
                messages.success(request, _("Your unit's signature was recorded."))
                return redirect("pledges:pledge_detail", pk=pledge.pk)
        return render(request, self.template_name, {"pledge": pledge, "party": party, "form": form})


class PledgeRecordSignatureView(PledgeMixin, View):
    """The secretariat records a signature from the paper original."""

    template_name = "pledges/pledge_record.html"
    permission_required = "pledges.record_signature"

    def load(self):
        pledge = self.object
        parties = pledge.parties.filter(signature__isnull=True).order_by("order", "unit_name")
        return pledge, parties

    def get(self, request, pk):
        pledge, parties = self.load()
        initial = {"party": request.GET.get("party")} if request.GET.get("party") else {}
        form = PaperSignatureForm(
            parties=parties, initial={**initial, "signed_on": pledge.signing_date}
        )
        return render(request, self.template_name, {"pledge": pledge, "form": form})

    def post(self, request, pk):
        pledge, parties = self.load()
        form = PaperSignatureForm(request.POST, parties=parties)
        if form.is_valid():
            data = dict(form.cleaned_data)
            party = data.pop("party")
            with refusal_onto(form):
                services.pledge_record_signature(
                    pledge=pledge, actor=request.user, party=party, **data
                )
                messages.success(
                    request,
                    _("The signature of %(unit)s was recorded.") % {"unit": party.unit_name},
                )
                return redirect("pledges:pledge_detail", pk=pledge.pk)
        return render(request, self.template_name, {"pledge": pledge, "form": form})


def pledge_document(pledge) -> PledgeDocument:
    parties = list(pledge.parties.all())
    return PledgeDocument(
        cluster_name=pledge.cluster_year.cluster.name,
        year=pledge.cluster_year.year,
        title=pledge.title,
        theme=pledge.theme,
        preamble=pledge.preamble,
        place_name=pledge.document_place,
        signing_date=pledge.signing_date,
        venue=pledge.venue,
        commitments=[CommitmentLine(c.content, c.target) for c in pledge.commitments.all()],
        signatures=[
            SignatureBlock(
                unit_name=p.unit_name,
                position=p.signature.position if hasattr(p, "signature") else "",
                signatory_name=p.signature.signatory_name if hasattr(p, "signature") else "",
                signed=hasattr(p, "signature"),
            )
            for p in parties
        ]
        or [
            SignatureBlock(unit_name=u.name, position="", signatory_name="", signed=False)
            for u in selectors.signing_members(
                pledge.cluster_year, pledge.signing_date or timezone.localdate()
            )
        ],
    )


class PledgeDocxView(PledgeMixin, View):
    detailed = True

    def get(self, request, pk):
        pledge = self.object
        response = HttpResponse(pledge_docx(pledge_document(pledge)), content_type=DOCX)
        response["Content-Disposition"] = (
            f'attachment; filename="giao-uoc-thi-dua-{pledge.cluster_year.year}-{pledge.pk}.docx"'
        )
        return response


class PledgeFileView(ObjectPermissionMixin, View):
    """A pledge's file, for whoever sees the pledge."""

    thumbnail = False

    def get_queryset(self):
        return PledgeAttachment.objects.filter(
            pledge__in=selectors.pledges_visible_to(user=self.request.user)
        )

    def get(self, request, pk):
        return stored_file_response(self.object, thumbnail=self.thumbnail)


# Registrations ----------------------------------------------------------------------


class RoundListView(LoginRequiredMixin, ListView):
    template_name = "pledges/round_list.html"
    context_object_name = "rounds"
    paginate_by = 30

    def get_queryset(self):
        return selectors.rounds_visible_to(user=self.request.user).order_by("-deadline")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roles = roles_of(self.request.user)
        mine = selectors.registrations_visible_to(user=self.request.user).filter(
            round__in=[r.pk for r in context["rounds"]], unit_id__in=roles.member_unit_ids
        )
        by_round = {r.round_id: r for r in mine}
        context["rows"] = [(r, by_round.get(r.pk)) for r in context["rounds"]]
        context["can_add"] = _runs_a_cluster_year(self.request.user)
        context["today"] = timezone.localdate()
        return context


class RoundFormView(LoginRequiredMixin, View):
    template_name = "pledges/round_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not _runs_a_cluster_year(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {"form": RoundForm(user=request.user)})

    def post(self, request):
        form = RoundForm(request.POST, user=request.user)
        if form.is_valid():
            with refusal_onto(form):
                round_ = services.round_save(actor=request.user, data=form.cleaned_data)
                messages.success(request, _("The registration round was opened."))
                return redirect("pledges:round_detail", pk=round_.pk)
        return render(request, self.template_name, {"form": form})


class RoundMixin(ObjectPermissionMixin):
    """Views of one registration round the user sees (404 for the others)."""

    def get_queryset(self):
        return selectors.rounds_visible_to(user=self.request.user)

    def reads_overview(self) -> bool:
        """The consolidated table is for who manages the round, and for sector viewers."""
        user = self.request.user
        return (
            user.has_perm("pledges.manage_rounds", self.object) or roles_of(user).is_sector_viewer
        )


class RoundDetailView(RoundMixin, View):
    """The consolidated table for the secretariat; units go to their own registration."""

    def get(self, request, pk):
        round_ = self.object
        if not self.reads_overview():
            return redirect("pledges:my_registration", pk=round_.pk)
        overview = selectors.round_overview(round_)
        return render(
            request,
            "pledges/round_detail.html",
            {"round": round_, **overview, "today": timezone.localdate()},
        )


class RoundExportView(RoundMixin, View):
    def check_permission(self):
        if not self.reads_overview():
            raise PermissionDenied

    def get(self, request, pk):
        round_ = self.object
        overview = selectors.round_overview(round_, with_items=True)
        table = ConsolidatedTable(
            round_title=round_.title,
            deadline=round_.deadline,
            titles=[TitleColumn(str(t.pk), t.name, t.recipient) for t in overview["titles"]],
            units=[
                UnitRow(
                    unit_name=row["unit"].name,
                    status=row["registration"].get_status_display() if row["registration"] else "",
                    submitted_at=row["registration"].submitted_at if row["registration"] else None,
                    counts={
                        str(t.pk): n for t, n in zip(overview["titles"], row["counts"], strict=True)
                    },
                )
                for row in overview["rows"]
            ],
            not_registered=[u.name for u in overview["not_registered"]],
            items=[
                ItemRow(
                    unit_name=i.registration.unit.name,
                    person_name=i.person.full_name if i.person else "",
                    title_name=i.title.name,
                    recipient=i.title.recipient,
                    note=i.note,
                )
                for i in overview["items"]
            ],
            labels={
                "summary_sheet": _("Summary"),
                "items_sheet": _("Details"),
                "missing_sheet": _("Not registered"),
                "unit": _("Unit"),
                "status": _("Status"),
                "submitted_at": _("Submitted at"),
                "total": _("Total"),
                "person": _("Staff member"),
                "title": _("Title or award form"),
                "recipient": _("For"),
                "note": _("Note"),
                "deadline": _("Registration deadline"),
                "person_kind": str(Recipient.PERSON.label),
                "collective_kind": str(Recipient.COLLECTIVE.label),
                "no_missing": _("Every member unit has registered."),
            },
        )
        response = HttpResponse(registrations_workbook(table), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="dang-ky-thi-dua-{round_.pk}.xlsx"'
        return response


class MyRegistrationView(RoundMixin, View):
    """The registration of the user's unit in this round: opened if it exists, started by POST."""

    def check_permission(self):
        """Only an officer or leader of a member unit registers (403 for the others)."""
        roles = roles_of(self.request.user)
        acting = roles.officer_unit_ids | roles.leader_unit_ids
        self.unit = next(
            (
                m.unit
                for m in self.object.cluster_year.memberships.select_related("unit")
                if m.unit_id in acting
            ),
            None,
        )
        if self.unit is None:
            raise PermissionDenied

    def get(self, request, pk):
        round_, unit = self.object, self.unit
        existing = Registration.objects.filter(round=round_, unit=unit).first()
        if existing is not None:
            return redirect("pledges:registration_detail", pk=existing.pk)
        return render(
            request,
            "pledges/registration_start.html",
            {"round": round_, "unit": unit, "today": timezone.localdate()},
        )

    def post(self, request, pk):
        with refusal_as_message(request):
            registration = services.registration_start(
                round_=self.object, unit=self.unit, actor=request.user
            )
            return redirect("pledges:registration_detail", pk=registration.pk)
        return redirect("pledges:round_list")


class RegistrationView(ObjectActionsMixin, View):
    template_name = "pledges/registration_detail.html"
    default_action = "save"
    actions = {
        "save": ("pledges.change_registration", "save"),
        "submit": ("pledges.change_registration", "save"),
        "accept": ("pledges.review_registration", "accept"),
        "return": ("pledges.review_registration", "send_back"),
        "reopen": ("pledges.reopen_registration", "reopen"),
    }

    def get_queryset(self):
        return selectors.registrations_visible_to(user=self.request.user)

    def context(self, registration, formset=None, return_form=None, reopen_form=None):
        user = self.request.user
        items = selectors.registration_items(registration)
        can_edit = user.has_perm("pledges.change_registration", registration)
        if can_edit and formset is None:
            formset = RegistrationItemFormSet(
                prefix="items",
                unit=registration.unit,
                initial=[
                    {"title": i.title_id, "person": i.person_id or "", "note": i.note}
                    for i in items
                ],
            )
        findings = registration_findings(registration, items)
        for item in items:
            item.findings = findings.get(item.pk, [])
        return {
            "registration": registration,
            "items": items,
            "history": list(registration.history.select_related("actor")),
            "can_edit": can_edit,
            "can_review": user.has_perm("pledges.review_registration", registration),
            "can_reopen": user.has_perm("pledges.reopen_registration", registration),
            "formset": formset,
            "return_form": return_form or ReturnForm(),
            "reopen_form": reopen_form or ReopenForm(),
            "deadline": registration.deadline_for_unit(),
            "past_deadline": timezone.localdate() > registration.deadline_for_unit(),
        }

    def get(self, request, pk):
        return render(request, self.template_name, self.context(self.object))

    def save(self, request, registration, action):
        formset = RegistrationItemFormSet(request.POST, prefix="items", unit=registration.unit)
        if not formset.is_valid():
            return render(request, self.template_name, self.context(registration, formset=formset))
        with refusal_as_message(request):
            services.registration_save_items(
                registration=registration,
                actor=request.user,
                items=[f.cleaned_data for f in formset.rows()],
            )
            if action == "submit":
                services.registration_submit(registration=registration, actor=request.user)
                return self._done(_("The registration was submitted to the cluster secretariat."))
            return self._done(_("The draft was saved; check the warnings, if any."))
        registration.refresh_from_db()
        return render(request, self.template_name, self.context(registration, formset=formset))

    def _done(self, message):
        messages.success(self.request, message)
        return redirect("pledges:registration_detail", pk=self.object.pk)

    def accept(self, request, registration, action):
        with refusal_as_message(request):
            services.registration_accept(registration=registration, actor=request.user)
            return self._done(_("The registration was accepted."))
        return redirect("pledges:registration_detail", pk=registration.pk)

    def send_back(self, request, registration, action):
        form = ReturnForm(request.POST)
        if form.is_valid():
            with refusal_onto(form):
                services.registration_return(
                    registration=registration,
                    actor=request.user,
                    comment=form.cleaned_data["comment"],
                )
                return self._done(_("The registration was returned to the unit."))
        return render(request, self.template_name, self.context(registration, return_form=form))

    def reopen(self, request, registration, action):
        form = ReopenForm(request.POST)
        if form.is_valid():
            with refusal_onto(form):
                services.registration_reopen(
                    registration=registration, actor=request.user, **form.cleaned_data
                )
                return self._done(_("The registration was reopened for the unit."))
        return render(request, self.template_name, self.context(registration, reopen_form=form))
