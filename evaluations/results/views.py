from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from campaigns.models import Criterion
from campaigns.selectors import campaigns_visible_to
from core.http import stored_file_response
from core.views import ObjectActionsMixin, ObjectPermissionMixin, refusal_as_message, refusal_onto
from evaluations.results import selectors, services
from evaluations.results.charts import progress_chart, ranking_chart, unit_history_chart
from evaluations.results.choices import Band as BandChoice
from evaluations.results.choices import SubmissionStatus
from evaluations.results.exports import ranking_workbook
from evaluations.results.forms import (
    CrossAssignForm,
    CrossScoresForm,
    ExtensionDecisionForm,
    ExtensionForm,
    ExtensionRequestForm,
    ReturnForm,
    ReviewForm,
    ScoresForm,
)
from evaluations.results.models import (
    CrossAssignment,
    Evidence,
    ExtensionRequest,
    Submission,
)
from evaluations.results.reminders import send_reminders
from units.models import Unit
from units.selectors import roles_of

RANKING_PAGE_SIZE = 100
# The confirmation before publishing names this many units without an accepted result.
MISSING_SHOWN = 200
BOARD_PAGE_SIZE = 100
MATRIX_PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PhaseMixin(ObjectPermissionMixin):
    """Views of one phase the user sees (404 for the others)."""

    def get_queryset(self):
        return selectors.phases_visible_to(user=self.request.user)


def _acting_unit(user, phase):
    """The participant unit the user reports for (officer or leader), if any."""
    roles = roles_of(user)
    acting = roles.officer_unit_ids | roles.leader_unit_ids
    return next((u for u in selectors.participants(phase) if u.pk in acting), None)


class PhaseResultsView(PhaseMixin, ObjectActionsMixin, View):
    """The secretariat's progress board; a unit's way to its own results."""

    actions = {
        "until": ("evaluations.manage_phase", "extend"),
        "rotate": ("evaluations.manage_phase", "rotate"),
        "remind": ("evaluations.manage_phase", "remind"),
        "start": (None, "start"),
    }

    def get_action(self):
        # The board's forms are told apart by a field of their own; a unit's starts results.
        post = self.request.POST
        return next((name for name in ("until", "rotate", "remind") if name in post), "start")

    def get(self, request, pk):
        phase = self.object
        if request.user.has_perm("evaluations.manage_phase", phase):
            # A sector-wide phase expects 2,000 units: read the results of one page of them.
            page = Paginator(selectors.participants_to_page(phase), BOARD_PAGE_SIZE).get_page(
                request.GET.get("page")
            )
            pending = selectors.pending_extension_requests(phase)
            waiting = {r.unit_id: r for r in pending}
            rows = selectors.progress_board(phase, units=page.object_list)
            chart = progress_chart(selectors.status_counts(phase), expected=page.paginator.count)
            for row in rows:
                row["request"] = waiting.get(row["unit"].pk)
            return render(
                request,
                "evaluations/results/board.html",
                {
                    "phase": phase,
                    "page_obj": page,
                    "rows": rows,
                    "pending_requests": pending,
                    "today": timezone.localdate(),
                    "extension_form": ExtensionForm(),
                    "chart": chart,
                },
            )
        unit = _acting_unit(request.user, phase)
        if unit is None:
            return redirect("evaluations:ranking", pk=phase.pk)
        existing = Submission.objects.filter(phase=phase, unit=unit).first()
        if existing is not None:
            return redirect("evaluations:submission", pk=existing.pk)
        return render(
            request,
            "evaluations/results/start.html",
            {
                "phase": phase,
                "unit": unit,
                "today": timezone.localdate(),
                "deadline": selectors.unit_deadline(phase, unit),
                "extension_request": selectors.latest_extension_request(phase, unit),
            },
        )

    def rotate(self, request, phase, action):
        with refusal_as_message(request):
            count = services.cross_assign_rotation(phase=phase, actor=request.user)
            messages.success(
                request, _("%(count)d cross-scoring assignments were made.") % {"count": count}
            )
        return redirect("evaluations:phase_results", pk=phase.pk)

    def remind(self, request, phase, action):
        with transaction.atomic():
            sent = send_reminders(
                phase=phase, actor=request.user, base_url=request.build_absolute_uri("/")[:-1]
            )
        messages.success(request, _("Reminders sent to %(count)d units.") % {"count": sent})
        return redirect("evaluations:phase_results", pk=phase.pk)

    def start(self, request, phase, action):
        unit = _acting_unit(request.user, phase)
        if unit is None:
            raise PermissionDenied
        with refusal_as_message(request):
            submission = services.submission_start(phase=phase, unit=unit, actor=request.user)
            return redirect("evaluations:submission", pk=submission.pk)
        return redirect("campaigns:campaign_detail", pk=phase.campaign_id)

    def extend(self, request, phase, action):
        form = ExtensionForm(request.POST)
        units = {u.pk: u for u in selectors.participants(phase)}
        if form.is_valid() and form.cleaned_data["unit"] in units:
            with refusal_as_message(request):
                services.extension_grant(
                    phase=phase,
                    unit=units[form.cleaned_data["unit"]],
                    actor=request.user,
                    until=form.cleaned_data["until"],
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("The extension was granted."))
        else:
            messages.error(request, _("Give the new date (dd/mm/yyyy) and the reason."))
        return redirect("evaluations:phase_results", pk=phase.pk)


class SubmissionView(ObjectActionsMixin, View):
    template_name = "evaluations/results/submission.html"
    actions = {
        "save": ("evaluations.change_submission", "save"),
        "submit": ("evaluations.change_submission", "save"),
        "upload": ("evaluations.change_submission", "save"),
        "delete_file": ("evaluations.change_submission", "delete_file"),
        "review": ("evaluations.review_submission", "review"),
        "return": ("evaluations.review_submission", "send_back"),
        "accept": ("evaluations.review_submission", "accept"),
    }

    def get_queryset(self):
        return selectors.submissions_visible_to(user=self.request.user)

    def criteria(self, submission):
        return Criterion.objects.filter(rubric_id=submission.rubric_id).order_by(
            "group__order", "order", "pk"
        )

    def context(self, submission, scores_form=None, review_form=None, return_form=None):
        user = self.request.user
        groups = selectors.submission_editor(submission)
        criteria = [c for g in groups for c in g.criteria.all()]
        rows = {c.pk: score for g in groups for c, score, _files in g.rows}
        can_edit = user.has_perm("evaluations.change_submission", submission)
        can_review = user.has_perm("evaluations.review_submission", submission)
        if can_edit and scores_form is None:
            initial = {"revision": submission.revision}
            for criterion in criteria:
                score = rows.get(criterion.pk)
                if score is not None:
                    initial[f"score_{criterion.pk}"] = score.self_score
                    initial[f"explanation_{criterion.pk}"] = score.explanation
            scores_form = ScoresForm(initial=initial, criteria=criteria)
        if can_review and review_form is None:
            initial = {"revision": submission.revision}
            for criterion in criteria:
                score = rows.get(criterion.pk)
                if score is not None:
                    initial[f"reviewed_{criterion.pk}"] = score.reviewed_score
                    initial[f"reason_{criterion.pk}"] = score.review_reason
            review_form = ReviewForm(initial=initial, criteria=criteria)
        for group in groups:
            group.items = [
                {
                    "criterion": c,
                    "score": score,
                    "files": files,
                    "score_field": scores_form[f"score_{c.pk}"] if scores_form else None,
                    "explanation_field": scores_form[f"explanation_{c.pk}"]
                    if scores_form
                    else None,
                    "files_field": scores_form[f"files_{c.pk}"] if scores_form else None,
                    "reviewed_field": review_form[f"reviewed_{c.pk}"] if review_form else None,
                    "reason_field": review_form[f"reason_{c.pk}"] if review_form else None,
                }
                for c, score, files in group.rows
            ]
        # The extension matters only while the unit can still submit.
        extension_request = None
        if submission.is_editable:
            deadline = selectors.unit_deadline(submission.phase, submission.unit)
            extension_request = selectors.latest_extension_request(
                submission.phase, submission.unit
            )
        else:
            deadline = selectors.UnitDeadline(submission.phase.results_deadline)
        return {
            "submission": submission,
            "groups": groups,
            "report_files": submission.report_files,
            "history": list(submission.history.select_related("actor")),
            "can_edit": can_edit,
            "can_review": can_review,
            "can_manage": user.has_perm("evaluations.manage_phase", submission),
            "scores_form": scores_form,
            "review_form": review_form,
            "return_form": return_form or ReturnForm(),
            "deadline": deadline,
            "extension_request": extension_request,
            "can_ask_extension": can_edit and submission.status == SubmissionStatus.DRAFT,
            "past_deadline": timezone.localdate() > deadline.due,
            "criterion_count": len(criteria),
            "comparison": selectors.group_comparison(submission),
            "has_cross": any(
                score is not None and score.cross_score is not None for score in rows.values()
            ),
        }

    def get(self, request, pk):
        return render(request, self.template_name, self.context(self.object))

    def _done(self, submission, message):
        messages.success(self.request, message)
        return redirect("evaluations:submission", pk=submission.pk)

    def save(self, request, submission, action):
        """Save the draft, attach the files chosen on the rows, submit if asked: one form,
        so that attaching evidence never loses the scores typed beside it."""
        form = ScoresForm(request.POST, request.FILES, criteria=self.criteria(submission))
        if not form.is_valid():
            if any(name.startswith(("files_", "report_files")) for name in form.errors):
                messages.error(
                    request,
                    _(
                        "A file was refused: nothing was saved yet. Your scores are kept "
                        "below; choose the files again and save."
                    ),
                )
            return render(request, self.template_name, self.context(submission, scores_form=form))
        with refusal_as_message(request):
            services.submission_save(
                submission=submission,
                actor=request.user,
                scores=form.scores(),
                revision=form.cleaned_data["revision"],
                files=form.attachments(),
            )
            if action == "submit":
                services.submission_submit(submission=submission, actor=request.user)
                return self._done(
                    submission, _("The results were submitted to the cluster secretariat.")
                )
            count = form.file_count()
            if count:
                return self._done(
                    submission,
                    ngettext(
                        "The draft was saved and %(count)d file was attached.",
                        "The draft was saved and %(count)d files were attached.",
                        count,
                    )
                    % {"count": count},
                )
            return self._done(submission, _("The draft was saved."))
        # Refused: the form shows the input again, against the revision as it now stands.
        submission.refresh_from_db()
        form.data = form.data.copy()
        form.data["revision"] = submission.revision
        return render(request, self.template_name, self.context(submission, scores_form=form))

    def delete_file(self, request, submission, action):
        evidence = get_object_or_404(Evidence, pk=request.POST.get("file"), submission=submission)
        services.evidence_delete(evidence=evidence, actor=request.user)
        return self._done(submission, _("The file was removed."))

    def review(self, request, submission, action):
        form = ReviewForm(request.POST, criteria=self.criteria(submission))
        if form.is_valid():
            with refusal_onto(form):
                services.review_scores(
                    submission=submission,
                    actor=request.user,
                    reviews=form.reviews(),
                    revision=form.cleaned_data["revision"],
                )
                return self._done(submission, _("The reviewed scores were saved."))
        return render(request, self.template_name, self.context(submission, review_form=form))

    def send_back(self, request, submission, action):
        form = ReturnForm(request.POST)
        if form.is_valid():
            with refusal_onto(form):
                services.submission_return(
                    submission=submission, actor=request.user, comment=form.cleaned_data["comment"]
                )
                return self._done(submission, _("The results were returned to the unit."))
        return render(request, self.template_name, self.context(submission, return_form=form))

    def accept(self, request, submission, action):
        with refusal_as_message(request):
            services.submission_accept(submission=submission, actor=request.user)
            return self._done(submission, _("The results were accepted."))
        return redirect("evaluations:submission", pk=submission.pk)


class ExtensionRequestView(PhaseMixin, View):
    """A unit asks the secretariat for more time (xin gia hạn) and sees the answers."""

    template_name = "evaluations/results/extension_request.html"

    def unit_and_request(self):
        phase = self.object
        unit = _acting_unit(self.request.user, phase)
        if unit is None:
            raise PermissionDenied
        asked = ExtensionRequest(phase=phase, unit=unit)
        if not self.request.user.has_perm("evaluations.request_extension", asked):
            raise PermissionDenied
        return unit

    def render_page(self, unit, form=None):
        phase = self.object
        requests = selectors.unit_extension_requests(phase, unit)
        submission = Submission.objects.filter(phase=phase, unit=unit).first()
        may_ask = not any(r.is_pending for r in requests) and (
            submission is None or submission.status == SubmissionStatus.DRAFT
        )
        return render(
            self.request,
            self.template_name,
            {
                "phase": phase,
                "unit": unit,
                "submission": submission,
                "deadline": selectors.unit_deadline(phase, unit),
                "requests": requests,
                "form": (form or ExtensionRequestForm()) if may_ask else None,
            },
        )

    def get(self, request, pk):
        return self.render_page(self.unit_and_request())

    def post(self, request, pk):
        unit = self.unit_and_request()
        form = ExtensionRequestForm(request.POST)
        if form.is_valid():
            with refusal_onto(form):
                services.extension_request_create(
                    phase=self.object,
                    unit=unit,
                    actor=request.user,
                    wished_until=form.cleaned_data["wished_until"],
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("Your request was sent to the cluster secretariat."))
                return redirect("evaluations:extension_request", pk=self.object.pk)
        return self.render_page(unit, form)


class ExtensionDecisionView(ObjectActionsMixin, View):
    """The secretariat grants (perhaps to another date) or refuses a unit's request."""

    template_name = "evaluations/results/extension_decision.html"
    permission_required = "evaluations.manage_phase"
    # A request answered already (a double click) is said so, not refused with a 403.
    actions = {"grant": (None, "grant"), "refuse": (None, "refuse")}

    def get_queryset(self):
        return selectors.extension_requests_visible_to(user=self.request.user)

    def render_page(self, extension_request, form=None):
        return render(
            self.request,
            self.template_name,
            {
                "extension_request": extension_request,
                "phase": extension_request.phase,
                "deadline": selectors.unit_deadline(
                    extension_request.phase, extension_request.unit
                ),
                "form": form or ExtensionDecisionForm(),
            },
        )

    def get(self, request, pk):
        return self.render_page(self.object)

    def _decided(self, extension_request, form, decide):
        if not form.is_valid():
            return self.render_page(extension_request, form)
        with refusal_onto(form):
            decide(form.cleaned_data)
            return redirect("evaluations:phase_results", pk=extension_request.phase_id)
        extension_request.refresh_from_db(fields=["status"])
        if not extension_request.is_pending:
            # Answered already (a double click, or another member of the secretariat).
            messages.info(self.request, form.non_field_errors()[0])
            return redirect("evaluations:phase_results", pk=extension_request.phase_id)
        return self.render_page(extension_request, form)

    def grant(self, request, extension_request, action):
        def decide(data):
            done = services.extension_request_grant(
                request=extension_request,
                actor=request.user,
                until=data["until"],
                comment=data["comment"],
            )
            messages.success(
                request,
                _("%(unit)s was given until %(date)s.")
                % {
                    "unit": done.unit.display_name,
                    "date": date_format(done.granted_until, "SHORT_DATE_FORMAT"),
                },
            )

        return self._decided(extension_request, ExtensionDecisionForm(request.POST), decide)

    def refuse(self, request, extension_request, action):
        def decide(data):
            done = services.extension_request_refuse(
                request=extension_request, actor=request.user, comment=data["comment"]
            )
            messages.success(
                request,
                _("The request of %(unit)s was refused.") % {"unit": done.unit.display_name},
            )

        return self._decided(extension_request, ExtensionDecisionForm(request.POST), decide)


class EvidenceFileView(ObjectPermissionMixin, View):
    """Evidence is served only to those who may read the submission."""

    thumbnail = False

    def get_queryset(self):
        return selectors.evidence_visible_to(user=self.request.user)

    def get(self, request, pk):
        return stored_file_response(self.object, thumbnail=self.thumbnail)


class RankingView(PhaseMixin, View):
    def get(self, request, pk):
        # Whoever sees the campaign opens this page; before publication it says so.
        phase = self.object
        manages = request.user.has_perm("evaluations.manage_phase", phase)
        publication = getattr(phase, "publication", None)
        # A sector-wide phase ranks thousands of units: the table is shown a page at a time.
        page_number = request.GET.get("page")
        info, live, entries = None, [], []
        if publication is not None:
            page = Paginator(selectors.published_ranking(publication), RANKING_PAGE_SIZE)
            page = page.get_page(page_number)
            entries = list(page.object_list)
            top_total = selectors.top_published_total(publication)
        else:
            # Before publication, those who manage the phase see the ranking as it stands.
            info, ranked = selectors.live_ranking(phase) if manages else (None, [])
            page = Paginator(ranked, RANKING_PAGE_SIZE).get_page(page_number)
            live = page.object_list
            top_total = max((r.totals.total for r in ranked), default=0)
        chart = None
        if entries or live:
            bands = dict(BandChoice.choices)
            chart = ranking_chart(
                [(e.rank, e.unit_name, e.group_totals, e.get_band_display()) for e in entries]
                or [
                    (r.rank, r.unit_name, r.totals.group_totals, bands.get(r.band, ""))
                    for r in live
                ],
                group_codes=list(entries[0].group_totals) if entries else info.group_codes,
                groups=selectors.ranking_groups(phase),
            )
        return render(
            request,
            "evaluations/results/ranking.html",
            {
                "phase": phase,
                "manages": manages,
                "live": live,
                "group_codes": info.group_codes if info else [],
                "entries": entries,
                "entry_groups": list(entries[0].group_totals) if entries else [],
                "publication": publication,
                "band_labels": dict(BandChoice.choices),
                # Bars in the table (<meter>): no script, no inline style for the CSP.
                "top_total": top_total,
                "page_obj": page,
                "chart": chart,
            },
        )

    def post(self, request, pk):
        phase = self.object
        self.require("evaluations.manage_phase")
        if not request.POST.get("confirm") and not hasattr(phase, "publication"):
            # Units left out of the ranking are named before it is published for good.
            missing = selectors.units_without_accepted_result(phase)
            if missing and selectors.has_accepted_results(phase):
                return render(
                    request,
                    "evaluations/results/ranking_confirm.html",
                    {
                        "phase": phase,
                        "missing": missing[:MISSING_SHOWN],
                        "missing_count": len(missing),
                        "missing_more": max(len(missing) - MISSING_SHOWN, 0),
                    },
                )
        with refusal_as_message(request):
            services.ranking_publish(phase=phase, actor=request.user)
            messages.success(request, _("The ranking was published: member units can see it now."))
        return redirect("evaluations:ranking", pk=phase.pk)


class RankingExportView(PhaseMixin, View):
    permission_required = "evaluations.view_ranking"

    def get(self, request, pk):
        phase = self.object
        manages = request.user.has_perm("evaluations.manage_phase", phase)
        response = HttpResponse(ranking_workbook(phase, with_scores=manages), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="xep-hang-{phase.pk}.xlsx"'
        return response


class UnitResultsView(ObjectPermissionMixin, View):
    """A unit's scores and ranks across phases and years (the selector keeps to what the
    user may read; units themselves are shared master data)."""

    def get_queryset(self):
        return Unit.objects.all()

    def get(self, request, pk):
        unit = self.object
        results = selectors.unit_results(user=request.user, unit=unit)
        return render(
            request,
            "evaluations/results/unit_results.html",
            {"unit": unit, **results, "chart": unit_history_chart(results["ranks"][::-1])},
        )


class CampaignRankingView(ObjectPermissionMixin, View):
    """The whole campaign's ranking: for members once every phase's ranking is published."""

    def get_queryset(self):
        return campaigns_visible_to(user=self.request.user)

    def get(self, request, pk):
        campaign = self.object
        manages = (
            request.user.has_perm("campaigns.change_campaign", campaign)
            or roles_of(request.user).is_admin
        )
        phases = selectors.campaign_phases(campaign)
        published, phase_count = selectors.published_count(phases), len(phases)
        visible = manages or (phase_count and published == phase_count)
        # Members see nothing before every phase is published: no need to rank.
        info, ranked = None, []
        if visible:
            info, ranked, _published, _count = selectors.campaign_ranking(campaign, phases=phases)
        page = Paginator(ranked, RANKING_PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "evaluations/results/campaign_ranking.html",
            {
                "campaign": campaign,
                "ranked": page.object_list,
                "page_obj": page,
                "group_codes": info.group_codes if info else [],
                "published": published,
                "phase_count": phase_count,
                "manages": manages,
                "top_total": max((r.totals.total for r in ranked), default=0),
            },
        )


class CrossScoringView(ObjectPermissionMixin, View):
    """The secretariat assigns cross-scorers to one unit's results and reads their scores."""

    template_name = "evaluations/results/cross_scoring.html"
    permission_required = "evaluations.manage_phase"

    def get_queryset(self):
        # Drafts are the unit's own: nobody is asked to score them.
        visible = selectors.submissions_visible_to(user=self.request.user)
        return visible.exclude(status=SubmissionStatus.DRAFT)

    def render_page(self, submission, form=None):
        assignments, criteria, scores = selectors.cross_overview(submission)
        taken = {a.scorer_id for a in assignments} | {submission.unit_id}
        candidates = [u for u in selectors.participants(submission.phase) if u.pk not in taken]
        rows = [
            {
                "criterion": criterion,
                "cells": [scores.get((a.pk, criterion.pk)) for a in assignments],
            }
            for criterion in criteria
        ]
        return render(
            self.request,
            self.template_name,
            {
                "submission": submission,
                "assignments": assignments,
                "rows": rows,
                "form": form or CrossAssignForm(units=candidates),
                "has_candidates": bool(candidates),
            },
        )

    def get(self, request, pk):
        return self.render_page(self.object)

    def post(self, request, pk):
        submission = self.object
        if "remove" in request.POST:
            assignment = get_object_or_404(
                CrossAssignment, pk=request.POST.get("remove"), submission=submission
            )
            with refusal_as_message(request):
                services.cross_unassign(assignment=assignment, actor=request.user)
                messages.success(request, _("The assignment was withdrawn."))
            return redirect("evaluations:cross_scoring", pk=submission.pk)
        units = [u for u in selectors.participants(submission.phase) if u.pk != submission.unit_id]
        form = CrossAssignForm(request.POST, units=units)
        if form.is_valid():
            with refusal_onto(form):
                services.cross_assign(
                    submission=submission, scorers=form.chosen_units(), actor=request.user
                )
                messages.success(request, _("The units were asked to score these results."))
                return redirect("evaluations:cross_scoring", pk=submission.pk)
        return self.render_page(submission, form)


class CrossScoreView(ObjectPermissionMixin, View):
    """A scoring unit reads another unit's results and evidence and scores them."""

    template_name = "evaluations/results/cross_score.html"
    permission_required = "evaluations.view_crossassignment"

    def get_queryset(self):
        return selectors.cross_assignments_visible_to(user=self.request.user)

    def render_page(self, assignment, form=None):
        groups = selectors.cross_sheet(assignment)
        can_score = self.request.user.has_perm("evaluations.cross_score", assignment)
        if can_score and form is None:
            initial = {}
            for group in groups:
                for criterion, _score, _files, mine in group.rows:
                    if mine is not None:
                        initial[f"cross_{criterion.pk}"] = mine.score
                        initial[f"note_{criterion.pk}"] = mine.note
            form = CrossScoresForm(
                initial=initial, criteria=[c for g in groups for c in g.criteria.all()]
            )
        for group in groups:
            group.items = [
                {
                    "criterion": criterion,
                    "score": score,
                    "files": files,
                    "mine": mine,
                    "score_field": form[f"cross_{criterion.pk}"] if can_score else None,
                    "note_field": form[f"note_{criterion.pk}"] if can_score else None,
                }
                for criterion, score, files, mine in group.rows
            ]
        return render(
            self.request,
            self.template_name,
            {
                "assignment": assignment,
                "submission": assignment.submission,
                "groups": groups,
                "report_files": assignment.submission.report_files,
                "form": form,
                "can_score": can_score,
            },
        )

    def get(self, request, pk):
        return self.render_page(self.object)

    def post(self, request, pk):
        assignment = self.object
        self.require("evaluations.cross_score")
        criteria = Criterion.objects.filter(rubric_id=assignment.submission.rubric_id)
        form = CrossScoresForm(request.POST, criteria=criteria)
        if not form.is_valid():
            return self.render_page(assignment, form)
        finish = request.POST.get("action") == "finish"
        with refusal_onto(form):
            services.cross_score_save(
                assignment=assignment, actor=request.user, scores=form.scores(), finish=finish
            )
            if finish:
                messages.success(request, _("Your cross-scoring was sent to the secretariat."))
            else:
                messages.success(request, _("Your scores were saved."))
            return redirect("evaluations:cross_score", pk=assignment.pk)
        return self.render_page(assignment, form)


class ScoreMatrixView(PhaseMixin, View):
    """Units × criteria, self and reviewed scores: the printable sheet of the secretariat."""

    permission_required = "evaluations.manage_phase"

    def get(self, request, pk):
        phase = self.object
        # Printed a sheet at a time: a sector-wide phase has thousands of units (the .xlsx
        # export holds them all).
        page = Paginator(selectors.matrix_submissions(phase), MATRIX_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        criteria, rows = selectors.score_matrix(phase, page.object_list)
        return render(
            request,
            "evaluations/results/score_matrix.html",
            {
                "phase": phase,
                "criteria": criteria,
                "rows": rows,
                "page_obj": page,
                "with_cross": any(
                    score and score.cross_score is not None for _s, line in rows for score in line
                ),
                "printed_at": timezone.localtime(),
            },
        )
