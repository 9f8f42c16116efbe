"""Every write to results, reviews and rankings: one transition per function.

Each locks the submission row, checks permission and state, keeps the totals on
the row current in the same transaction, and writes history and audit records.
"""

from decimal import Decimal

from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from campaigns.selectors import current_rubric
from campaigns.services import rubric_freeze
from core.exceptions import ActionRefused
from core.uploads import DOCUMENTS_AND_IMAGES, clean_file_name, fill_stored_file
from evaluations.results import selectors
from evaluations.results.choices import EvidenceKind, ExtensionRequestStatus, SubmissionStatus
from evaluations.results.models import (
    CrossAssignment,
    CrossScore,
    Evidence,
    Extension,
    ExtensionRequest,
    RankingEntry,
    RankingPublication,
    Score,
    Submission,
    SubmissionEvent,
)
from evaluations.results.ranking import average, totals_to_json, unit_total
from evaluations.results.workflows import EXTENSION_REQUEST_FLOW, SUBMISSION_FLOW
from notifications.choices import NotificationKind
from notifications.recipients import unit_people
from notifications.services import notify
from units.audit import audit_record
from units.selectors import roles_of
from units.services import require_perm


def _d(day):
    return date_format(day, "SHORT_DATE_FORMAT")


def needs_evidence(score) -> bool:
    """A criterion that requires evidence needs a file unless the unit claims nothing on it:
    scored 0, or a bonus or penalty left unscored."""
    if not score.criterion.evidence_required:
        return False
    if score.self_score is None:
        return score.criterion.kind == "normal"
    return score.self_score != 0


def refresh_totals(submission) -> None:
    """Recompute the totals kept on the submission row from its scores and files."""
    info = selectors.rubric_info(submission.rubric)
    scores = list(Score.objects.filter(submission=submission).select_related("criterion"))
    self_total = unit_total(info, {s.criterion_id: s.self_score for s in scores})
    rule = submission.rubric.final_score_rule
    final_total = unit_total(info, {s.criterion_id: s.final_for(rule) for s in scores})
    with_files = set(
        Evidence.objects.filter(submission=submission, kind=EvidenceKind.EVIDENCE).values_list(
            "criterion_id", flat=True
        )
    )
    submission.self_total = self_total.total
    submission.final_total = final_total.total
    submission.final_breakdown = totals_to_json(final_total)
    submission.scored_count = sum(1 for s in scores if s.self_score is not None)
    submission.missing_evidence_count = sum(
        1 for s in scores if needs_evidence(s) and s.criterion_id not in with_files
    )
    submission.save(
        update_fields=[
            "self_total",
            "final_total",
            "final_breakdown",
            "scored_count",
            "missing_evidence_count",
            "updated_at",
        ]
    )


@transaction.atomic
def submission_start(*, phase, unit, actor) -> Submission:
    """The unit's results for the phase, created with an empty row per criterion."""
    existing = Submission.objects.filter(phase=phase, unit=unit).first()
    if existing is not None:
        return existing
    if unit.pk not in {u.pk for u in selectors.participants(phase)}:
        raise ActionRefused(_("This unit does not take part in this phase."))
    rubric = current_rubric(phase.campaign)
    if rubric is None:
        raise ActionRefused(_("The campaign has no scoring rubric yet."))
    submission = Submission(phase=phase, unit=unit, rubric=rubric)
    require_perm(actor, "evaluations.change_submission", submission)
    try:
        with transaction.atomic():
            submission.save()
    except IntegrityError:  # started twice at once: use the one that won
        return Submission.objects.get(phase=phase, unit=unit)
    Score.objects.bulk_create(
        Score(submission=submission, criterion=c) for c in rubric.criteria.all()
    )
    SubmissionEvent.objects.create(
        submission=submission, to_status=SubmissionStatus.DRAFT, actor=actor
    )
    audit_record(actor=actor, action="submission.create", obj=submission, unit=unit)
    return submission


def _score_text(value) -> str | None:
    return None if value is None else f"{value.normalize():f}"


def check_score(criterion, value) -> str:
    """The problem with a typed score, or ""."""
    if value is None:
        return ""
    if value < 0:
        return _("A score cannot be negative (enter a deduction as a positive number).")
    if value > criterion.max_points:
        return _("At most %(max)s points for this criterion.") % {
            "max": f"{criterion.max_points.normalize():f}"
        }
    if value != value.quantize(Decimal("0.01")):
        return _("Use at most 2 decimal places.")
    return ""


@transaction.atomic
def submission_save(
    *, submission, actor, scores: dict, revision: int | None = None, files: dict | None = None
) -> Submission:
    """Save the unit's self-scores, and attach the files chosen with them, all or nothing.

    `scores`: {criterion id: {"self_score": Decimal | None, "explanation": str}}.
    `files`: {criterion id (None: the achievement report): [uploaded files]}.
    """
    submission = SUBMISSION_FLOW.lock(submission)
    require_perm(actor, "evaluations.change_submission", submission)
    if revision is not None and revision != submission.revision:
        raise ActionRefused(
            _(
                "Someone else saved these results while you were editing. "
                "Reload the page and enter your changes again."
            )
        )
    rows = {
        s.criterion_id: s
        for s in Score.objects.filter(submission=submission).select_related("criterion")
    }
    changes, explained = {}, []
    for criterion_id, values in scores.items():
        row = rows.get(criterion_id)
        if row is None:
            continue
        score, explanation = values.get("self_score"), values.get("explanation", "")
        problem = check_score(row.criterion, score)
        if problem:
            raise ActionRefused(f"{row.criterion.code}: {problem}")
        if (row.self_score, row.explanation) == (score, explanation):
            continue
        if row.self_score != score:
            changes[row.criterion.code] = [_score_text(row.self_score), _score_text(score)]
        if row.explanation != explanation:
            # The text of a draft stays the unit's own: the log says which ones changed.
            explained.append(row.criterion.code)
        row.self_score = score
        row.explanation = explanation
        row.save(update_fields=["self_score", "explanation"])
    if explained:
        changes["explanations"] = [None, ", ".join(explained)]
    submission.revision += 1
    submission.save(update_fields=["revision", "updated_at"])
    if changes:
        audit_record(
            actor=actor,
            action="submission.scores",
            obj=submission,
            unit=submission.unit,
            changes=changes,
        )
    criteria = {row.criterion_id: row.criterion for row in rows.values()}
    for criterion_id, uploads in (files or {}).items():
        criterion = None
        if criterion_id is not None:
            criterion = criteria.get(criterion_id)
            if criterion is None:
                raise ActionRefused(_("This criterion is not in the rubric of these results."))
        for uploaded in uploads:
            _attach(submission, actor, uploaded, criterion)
    refresh_totals(submission)
    return submission


def _attach(submission, actor, uploaded, criterion) -> Evidence:
    """One file onto a locked submission (the caller refreshes the totals)."""
    kind = EvidenceKind.EVIDENCE if criterion is not None else EvidenceKind.REPORT
    try:
        evidence = fill_stored_file(
            Evidence(submission=submission, criterion=criterion, kind=kind),
            uploaded,
            allowed=DOCUMENTS_AND_IMAGES,
            actor=actor,
        )
    except ActionRefused as refused:
        name = clean_file_name(uploaded.name)
        raise ActionRefused(f"{name}: {refused.message}") from refused
    evidence.save()
    audit_record(
        actor=actor,
        action="submission.evidence",
        obj=submission,
        unit=submission.unit,
        changes={"file": [None, evidence.original_name]},
        note=criterion.code if criterion is not None else "",
    )
    return evidence


@transaction.atomic
def evidence_add(*, submission, actor, uploaded, criterion=None) -> Evidence:
    submission = SUBMISSION_FLOW.lock(submission)
    require_perm(actor, "evaluations.change_submission", submission)
    if criterion is not None and criterion.rubric_id != submission.rubric_id:
        raise ActionRefused(_("This criterion is not in the rubric of these results."))
    evidence = _attach(submission, actor, uploaded, criterion)
    refresh_totals(submission)
    return evidence


@transaction.atomic
def evidence_delete(*, evidence, actor) -> None:
    submission = SUBMISSION_FLOW.lock(evidence.submission)
    require_perm(actor, "evaluations.change_submission", submission)
    name = evidence.original_name
    files = (evidence.file.name, evidence.thumbnail.name)
    evidence.delete()
    refresh_totals(submission)
    audit_record(
        actor=actor,
        action="submission.evidence",
        obj=submission,
        unit=submission.unit,
        changes={"file": [name, None]},
    )

    def remove():

        for file_name in files:
            if file_name:
                default_storage.delete(file_name)

    transaction.on_commit(remove)


def deadline_for(submission) -> tuple:
    """(deadline, extension or None) for this unit and phase."""
    deadline = selectors.unit_deadline(submission.phase, submission.unit)
    return deadline.due, deadline.extension


@transaction.atomic
def submission_submit(*, submission, actor, today=None) -> Submission:
    submission = SUBMISSION_FLOW.lock(submission)
    if submission.status == SubmissionStatus.SUBMITTED:
        raise ActionRefused(_("These results have already been submitted."))
    SUBMISSION_FLOW.check(submission, "submit", actor)
    today = today or timezone.localdate()
    deadline, _extension = deadline_for(submission)
    # The deadline binds a draft; results the secretariat returned may always come back.
    if submission.status == SubmissionStatus.DRAFT and today > deadline:
        raise ActionRefused(
            _(
                "The deadline was %(date)s: the results can no longer be submitted. Ask the "
                "secretariat for an extension for your unit."
            )
            % {"date": _d(deadline)}
        )
    cluster_year = submission.phase.campaign.cluster_year
    is_leader = submission.unit_id in roles_of(actor).leader_unit_ids
    if cluster_year is not None and cluster_year.leader_approval_required and not is_leader:
        raise ActionRefused(
            _("Your cluster requires the unit leader's approval: the leader submits the results.")
        )
    refresh_totals(submission)
    missing = Score.objects.filter(
        submission=submission, self_score__isnull=True, criterion__kind="normal"
    ).values_list("criterion__code", flat=True)
    if missing:
        raise ActionRefused(
            _("Score every criterion before submitting: %(codes)s.") % {"codes": ", ".join(missing)}
        )
    if submission.missing_evidence_count:
        raise ActionRefused(
            _("%(count)d criteria that require evidence have no file yet.")
            % {"count": submission.missing_evidence_count}
        )
    first_time = submission.status == SubmissionStatus.DRAFT
    submission.submitted_at = timezone.now()
    if first_time:
        submission.is_late = today > submission.phase.results_deadline
    if is_leader:
        submission.leader_approved_by = actor
        submission.leader_approved_at = submission.submitted_at
        submission.save(update_fields=["leader_approved_by", "leader_approved_at"])
    SUBMISSION_FLOW.move(submission, "submit", actor=actor, fields=["submitted_at", "is_late"])
    # The first submitted scores freeze the rubric version they use.
    rubric_freeze(rubric=submission.rubric, actor=actor)
    return submission


@transaction.atomic
def review_scores(*, submission, actor, reviews: dict, revision: int | None = None) -> Submission:
    """The secretariat's reviewed scores: {criterion id: (Decimal | None, reason)}.

    A reviewed score always comes with its reason; None removes the review. `revision`
    is the one the reviewer's form was opened at: a review saved in between is not
    overwritten.
    """
    submission = SUBMISSION_FLOW.lock(submission)
    require_perm(actor, "evaluations.review_submission", submission)
    if revision is not None and revision != submission.revision:
        raise ActionRefused(
            _(
                "Someone else changed these results while you were reviewing them. "
                "Reload the page to see their changes, then review again."
            )
        )
    rows = {
        s.criterion_id: s
        for s in Score.objects.filter(submission=submission).select_related("criterion")
    }
    changes = {}
    now = timezone.now()
    for criterion_id, (value, reason) in reviews.items():
        row = rows.get(criterion_id)
        if row is None:
            continue
        reason = (reason or "").strip()
        problem = check_score(row.criterion, value)
        if problem:
            raise ActionRefused(f"{row.criterion.code}: {problem}")
        if value is not None and not reason:
            raise ActionRefused(
                _("%(code)s: give the reason for the reviewed score.")
                % {"code": row.criterion.code}
            )
        reason = reason if value is not None else ""
        if (row.reviewed_score, row.review_reason) == (value, reason):
            continue
        if row.reviewed_score != value:
            changes[row.criterion.code] = [
                _score_text(row.reviewed_score),
                _score_text(value),
            ]
        if row.review_reason != reason:
            changes[f"{row.criterion.code}.reason"] = [
                row.review_reason or None,
                reason or None,
            ]
        row.reviewed_score = value
        row.review_reason = reason
        row.reviewed_by = actor if value is not None else None
        row.reviewed_at = now if value is not None else None
        row.save(update_fields=["reviewed_score", "review_reason", "reviewed_by", "reviewed_at"])
    submission.revision += 1
    submission.save(update_fields=["revision", "updated_at"])
    refresh_totals(submission)
    if changes:
        audit_record(
            actor=actor,
            action="submission.review",
            obj=submission,
            unit=submission.unit,
            changes=changes,
        )
    return submission


@transaction.atomic
def submission_return(*, submission, actor, comment: str) -> Submission:
    submission = SUBMISSION_FLOW.transition(submission, "return", actor=actor, comment=comment)
    notify(
        kind=NotificationKind.RESULT_RETURNED,
        recipients=unit_people([submission.unit_id]),
        params={
            "unit": submission.unit.name,
            "phase": submission.phase.name,
            "note": comment,
        },
        url=reverse("evaluations:submission", args=[submission.pk]),
        actor=actor,
    )
    return submission


@transaction.atomic
def submission_accept(*, submission, actor) -> Submission:
    return SUBMISSION_FLOW.transition(submission, "accept", actor=actor)


@transaction.atomic
def extension_grant(*, phase, unit, actor, until, reason: str) -> Extension:
    require_perm(actor, "evaluations.manage_phase", phase)
    if not reason.strip():
        raise ActionRefused(_("Give the reason for the extension."))
    if until <= phase.results_deadline:
        raise ActionRefused(
            _("An extension must end after the deadline (%(date)s).")
            % {"date": _d(phase.results_deadline)}
        )
    extension, _created = Extension.objects.update_or_create(
        phase=phase,
        unit=unit,
        defaults={"until": until, "reason": reason.strip(), "granted_by": actor},
    )
    audit_record(
        actor=actor,
        action="phase.extension",
        obj=phase,
        unit=unit,
        changes={"until": [None, until.isoformat()]},
        note=reason,
    )
    notify(
        kind=NotificationKind.EXTENSION_GRANTED,
        recipients=unit_people([unit.pk]),
        params={"unit": unit.name, "phase": phase.name, "date": f"{until:%d/%m/%Y}"},
        url=reverse("evaluations:phase_results", args=[phase.pk]),
        actor=actor,
    )
    return extension


# --- Extension requests (xin gia hạn) ---------------------------------------------------------


@transaction.atomic
def extension_request_create(*, phase, unit, actor, wished_until, reason: str, today=None):
    """The unit asks for more time; asked twice (a double click), the pending request stays."""
    reason = (reason or "").strip()
    request = ExtensionRequest(phase=phase, unit=unit, wished_until=wished_until, reason=reason)
    require_perm(actor, "evaluations.request_extension", request)
    if unit.pk not in {u.pk for u in selectors.participants(phase)}:
        raise ActionRefused(_("This unit does not take part in this phase."))
    if not reason:
        raise ActionRefused(_("Say why your unit needs more time."))
    today = today or timezone.localdate()
    if wished_until <= phase.results_deadline or wished_until < today:
        raise ActionRefused(
            _("Ask for a date after the deadline (%(deadline)s), from today on.")
            % {"deadline": _d(phase.results_deadline)}
        )
    submission = Submission.objects.filter(phase=phase, unit=unit).first()
    if submission is not None and submission.status != SubmissionStatus.DRAFT:
        raise ActionRefused(
            _("The results were already submitted: an extension is no longer needed.")
        )
    pending = ExtensionRequest.objects.filter(
        phase=phase, unit=unit, status=ExtensionRequestStatus.PENDING
    ).first()
    if pending is not None:
        return pending
    try:
        with transaction.atomic():
            request.requested_by = actor
            request.save()
    except IntegrityError:  # asked twice at once: the one that won stays
        return ExtensionRequest.objects.get(
            phase=phase, unit=unit, status=ExtensionRequestStatus.PENDING
        )
    audit_record(
        actor=actor,
        action="extension_request.create",
        obj=request,
        unit=unit,
        changes={"wished_until": [None, wished_until.isoformat()]},
        note=reason,
    )
    return request


@transaction.atomic
def extension_request_grant(*, request, actor, until=None, comment: str = ""):
    """Grant the request: the unit's Extension is created (or moved) to `until`, by default
    the date the unit wished."""
    request = EXTENSION_REQUEST_FLOW.lock(request)
    EXTENSION_REQUEST_FLOW.check(request, "grant", actor)
    until = until or request.wished_until
    extension_grant(
        phase=request.phase,
        unit=request.unit,
        actor=actor,
        until=until,
        reason=request.reason,
    )
    request.granted_until = until
    request.decided_by = actor
    return EXTENSION_REQUEST_FLOW.move(
        request,
        "grant",
        actor=actor,
        comment=comment,
        fields=["granted_until", "decided_by"],
        changes={"granted_until": [None, until.isoformat()]},
    )


@transaction.atomic
def extension_request_refuse(*, request, actor, comment: str):
    request = EXTENSION_REQUEST_FLOW.lock(request)
    request.decided_by = actor
    request = EXTENSION_REQUEST_FLOW.move(
        request, "refuse", actor=actor, comment=comment, fields=["decided_by"]
    )
    notify(
        kind=NotificationKind.EXTENSION_REFUSED,
        recipients=unit_people([request.unit_id]),
        params={"unit": request.unit.name, "phase": request.phase.name, "note": comment},
        url=reverse("evaluations:phase_results", args=[request.phase_id]),
        actor=actor,
    )
    return request


@transaction.atomic
def ranking_publish(*, phase, actor, note: str = "") -> RankingPublication:
    """Publish the ranking of accepted results; the published table is kept as it was."""
    require_perm(actor, "evaluations.manage_phase", phase)
    if RankingPublication.objects.filter(phase=phase).exists():
        raise ActionRefused(_("The ranking of this phase is already published."))
    _info, ranked = selectors.live_ranking(phase)
    if not ranked:
        raise ActionRefused(_("No results have been accepted yet."))
    try:
        with transaction.atomic():
            publication = RankingPublication.objects.create(
                phase=phase, published_by=actor, note=note
            )
    except IntegrityError as exc:
        raise ActionRefused(_("The ranking of this phase is already published.")) from exc
    RankingEntry.objects.bulk_create(
        RankingEntry(
            publication=publication,
            unit_id=r.unit_id,
            unit_name=r.unit_name,
            rank=r.rank,
            total=r.totals.total,
            group_totals={code: str(value) for code, value in r.totals.group_totals.items()},
            band=r.band,
            tied=r.tied,
        )
        for r in ranked
    )
    audit_record(
        actor=actor, action="ranking.publish", obj=phase, changes={"units": [None, len(ranked)]}
    )
    return publication


# --- Cross-scoring (chấm chéo) -------------------------------------------------------------


def _lock_assignment(assignment) -> CrossAssignment:
    # Lock order everywhere: the submission first, then the assignment.
    SUBMISSION_FLOW.lock(assignment.submission)
    return (
        CrossAssignment.objects.select_for_update(of=("self",))
        .select_related("submission__phase__campaign", "submission__unit", "scorer")
        .get(pk=assignment.pk)
    )


def _check_scorer(submission, scorer, participant_ids):
    if scorer.pk == submission.unit_id:
        raise ActionRefused(_("A unit does not cross-score its own results."))
    if scorer.pk not in participant_ids:
        raise ActionRefused(
            _("%(unit)s does not take part in this phase.") % {"unit": scorer.display_name}
        )


@transaction.atomic
def cross_assign(*, submission, scorers, actor) -> list[CrossAssignment]:
    """Ask these member units to score the submission; units already asked are kept."""
    submission = SUBMISSION_FLOW.lock(submission)
    require_perm(actor, "evaluations.manage_phase", submission)
    if submission.status == SubmissionStatus.DRAFT:
        raise ActionRefused(_("Results still in draft cannot be cross-scored."))
    participant_ids = {u.pk for u in selectors.participants(submission.phase)}
    return _assign(submission, scorers, actor, participant_ids)


def _assign(submission, scorers, actor, participant_ids) -> list[CrossAssignment]:
    """cross_assign's work on a locked submission beyond draft, the participants given."""
    taken = set(submission.cross_assignments.values_list("scorer_id", flat=True))
    new = []
    for scorer in scorers:
        _check_scorer(submission, scorer, participant_ids)
        if scorer.pk not in taken:
            taken.add(scorer.pk)
            new.append(CrossAssignment(submission=submission, scorer=scorer, assigned_by=actor))
    CrossAssignment.objects.bulk_create(new)
    if new:
        audit_record(
            actor=actor,
            action="submission.cross_assign",
            obj=submission,
            unit=submission.unit,
            changes={"scorers": [None, [a.scorer.display_name for a in new]]},
        )
    return new


@transaction.atomic
def cross_unassign(*, assignment, actor) -> None:
    assignment = _lock_assignment(assignment)
    require_perm(actor, "evaluations.manage_phase", assignment.submission)
    if assignment.is_finished:
        raise ActionRefused(_("This unit has finished scoring: its scores are kept."))
    assignment.delete()
    audit_record(
        actor=actor,
        action="submission.cross_unassign",
        obj=assignment.submission,
        unit=assignment.submission.unit,
        changes={"scorers": [assignment.scorer.display_name, None]},
    )


@transaction.atomic
def cross_assign_rotation(*, phase, actor) -> int:
    """Each unit with results beyond draft is scored by the next participant (by name).

    The usual arrangement of a cluster: A scores B, B scores C, ..., the last scores A.
    """
    require_perm(actor, "evaluations.manage_phase", phase)
    units = selectors.participants(phase)
    if len(units) < 2:
        raise ActionRefused(_("Cross-scoring needs at least two units."))
    following = {unit.pk: units[(i + 1) % len(units)] for i, unit in enumerate(units)}
    # The participants are read once for the whole phase, not once per result.
    participant_ids = set(following)
    submissions = (
        Submission.objects.filter(phase=phase, unit_id__in=participant_ids)
        .exclude(status=SubmissionStatus.DRAFT)
        .select_for_update(of=("self",))
        .select_related("unit")
        .order_by("unit__name")
    )
    count = 0
    for submission in submissions:
        count += len(_assign(submission, [following[submission.unit_id]], actor, participant_ids))
    if not count:
        raise ActionRefused(_("No results are waiting for a cross-scorer."))
    return count


def _refresh_cross_averages(submission) -> None:
    """Keep on each score row the average of the cross-scorers who finished."""
    given = {}
    for criterion_id, score in CrossScore.objects.filter(
        assignment__submission=submission,
        assignment__finished_at__isnull=False,
        score__isnull=False,
    ).values_list("criterion_id", "score"):
        given.setdefault(criterion_id, []).append(score)
    rows = list(Score.objects.filter(submission=submission))
    for row in rows:
        row.cross_score = average(given.get(row.criterion_id, []))
    Score.objects.bulk_update(rows, ["cross_score"])
    refresh_totals(submission)


@transaction.atomic
def cross_score_save(*, assignment, actor, scores: dict, finish: bool = False) -> CrossAssignment:
    """A scoring unit's scores: {criterion id: {"score": Decimal | None, "note": str}}.

    Finishing needs every normal criterion scored; the scores then count (as the rubric's
    final score rule says) and can no longer be changed by the scoring unit.
    """
    assignment = _lock_assignment(assignment)
    require_perm(actor, "evaluations.cross_score", assignment)
    submission = assignment.submission
    criteria = {c.pk: c for c in submission.rubric.criteria.all()}
    existing = {row.criterion_id: row for row in assignment.scores.all()}
    changes, new_rows, changed_rows = {}, [], []
    for criterion_id, values in scores.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            continue
        value, note = values.get("score"), (values.get("note") or "").strip()
        problem = check_score(criterion, value)
        if problem:
            raise ActionRefused(f"{criterion.code}: {problem}")
        row = existing.get(criterion_id)
        if row is None:
            new_rows.append(
                CrossScore(assignment=assignment, criterion=criterion, score=value, note=note)
            )
        elif (row.score, row.note) != (value, note):
            changed_rows.append(row)
        else:
            continue
        changes[criterion.code] = [
            None if row is None or row.score is None else str(row.score),
            None if value is None else str(value),
        ]
        if row is not None:
            row.score, row.note = value, note
    CrossScore.objects.bulk_create(new_rows)
    CrossScore.objects.bulk_update(changed_rows, ["score", "note"])
    if finish:
        scored = {
            row.criterion_id for row in [*existing.values(), *new_rows] if row.score is not None
        }
        missing = [c.code for c in criteria.values() if c.kind == "normal" and c.pk not in scored]
        if missing:
            raise ActionRefused(
                _("Score every criterion before finishing: %(codes)s.")
                % {"codes": ", ".join(sorted(missing))}
            )
        assignment.finished_at = timezone.now()
        assignment.finished_by = actor
        assignment.save(update_fields=["finished_at", "finished_by"])
        _refresh_cross_averages(submission)
    if changes or finish:
        audit_record(
            actor=actor,
            action="submission.cross_score",
            obj=submission,
            unit=assignment.scorer,
            changes={**changes, **({"finished": [None, True]} if finish else {})},
        )
    return assignment
