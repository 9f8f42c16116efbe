"""Reads for results, reviews and rankings."""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.db import connection
from django.db.models import Count, Max, Prefetch, Q, QuerySet, Subquery

from campaigns.choices import CampaignScope
from campaigns.models import Criterion, Phase, Rubric, RubricGroup
from campaigns.selectors import campaigns_visible_to
from evaluations.results.choices import Band as BandChoice
from evaluations.results.choices import ExtensionRequestStatus, SubmissionStatus
from evaluations.results.models import (
    CrossAssignment,
    CrossScore,
    Evidence,
    Extension,
    ExtensionRequest,
    RankingEntry,
    Score,
    Submission,
)
from evaluations.results.ranking import (
    Band,
    CriterionInfo,
    RubricInfo,
    add_totals,
    rank_totals,
    totals_from_json,
    totals_to_json,
    unit_total,
)
from pledges.models import Commitment
from units.choices import UnitKind
from units.models import ClusterMembership, Unit
from units.selectors import roles_of


@dataclass(frozen=True)
class UnitDeadline:
    """A unit's results deadline for a phase: the phase's, or the unit's extension."""

    phase_deadline: date
    extension: Extension | None = None

    @property
    def extended(self) -> bool:
        return self.extension is not None and self.extension.until > self.phase_deadline

    @property
    def due(self) -> date:
        return self.extension.until if self.extended else self.phase_deadline


def unit_deadline(phase, unit) -> UnitDeadline:
    extension = Extension.objects.filter(phase=phase, unit=unit).first()
    return UnitDeadline(phase.results_deadline, extension)


def phases_visible_to(*, user) -> QuerySet:
    return Phase.objects.filter(campaign__in=campaigns_visible_to(user=user)).select_related(
        "campaign__cluster_year__cluster", "publication"
    )


def participants(phase) -> list[Unit]:
    """The units expected to report: the cluster year's members active during the phase;
    for a sector-wide campaign, every active provincial inspectorate."""
    campaign = phase.campaign
    if campaign.scope == CampaignScope.SECTOR:
        return list(_sector_participants(phase))
    memberships = ClusterMembership.objects.filter(
        cluster_year_id=campaign.cluster_year_id
    ).select_related("unit")
    return sorted(
        (
            m.unit
            for m in memberships
            if (m.left_on is None or m.left_on >= phase.start_date)
            and (m.joined_on is None or m.joined_on <= phase.end_date)
        ),
        key=lambda u: u.name,
    )


def _sector_participants(phase) -> QuerySet:
    # A subquery, not a join: joining submissions needs DISTINCT over thousands of rows.
    submitted = Submission.objects.filter(phase=phase).values("unit_id")
    return Unit.objects.filter(
        Q(is_active=True, kind=UnitKind.PROVINCIAL_INSPECTORATE) | Q(pk__in=submitted)
    ).order_by("name", "pk")


def participants_to_page(phase):
    """`participants` for a paginator: for a sector-wide phase a queryset, so that a page
    reads its own units only (a count and one slice) instead of all 2,000."""
    if phase.campaign.scope == CampaignScope.SECTOR:
        return _sector_participants(phase)
    return participants(phase)


def submissions_visible_to(*, user) -> QuerySet:
    roles = roles_of(user)
    qs = Submission.objects.select_related(
        "unit", "rubric", "phase__campaign__cluster_year__cluster", "phase__publication"
    )
    own = Q(unit_id__in=roles.member_unit_ids)
    if roles.is_admin:
        return qs.filter(own | ~Q(status=SubmissionStatus.DRAFT))
    reviewed = Q(phase__campaign__cluster_year_id__in=roles.secretariat_cluster_year_ids) & ~Q(
        status=SubmissionStatus.DRAFT
    )
    return qs.filter(own | reviewed)


def rubric_info(rubric) -> RubricInfo:
    criteria = list(Criterion.objects.filter(rubric=rubric).select_related("group"))
    return _rubric_info(rubric, criteria)


def rubric_info_by_id(rubric_id) -> RubricInfo:
    """rubric_info in one query: the rubric comes with its criteria."""
    criteria = list(Criterion.objects.filter(rubric_id=rubric_id).select_related("group", "rubric"))
    rubric = criteria[0].rubric if criteria else Rubric.objects.get(pk=rubric_id)
    return _rubric_info(rubric, criteria)


def _rubric_info(rubric, criteria) -> RubricInfo:
    groups = sorted({(c.group.order, c.group.code) for c in criteria})
    # Bands carry their key; the label is translated where it is shown.
    bands = [
        Band(key, value)
        for key, value in (
            (BandChoice.EXCELLENT.value, rubric.band_excellent_from),
            (BandChoice.GOOD.value, rubric.band_good_from),
            (BandChoice.COMPLETE.value, rubric.band_complete_from),
        )
        if value is not None
    ]
    return RubricInfo(
        criteria=[CriterionInfo(c.pk, c.group.code, c.kind, c.max_points) for c in criteria],
        group_codes=[code for _order, code in groups],
        bonus_cap=rubric.bonus_cap,
        tie_break_groups=rubric.tie_break_codes,
        bands=bands,
    )


def submission_editor(submission) -> list:
    """The rubric's groups with, for each criterion, its score row and evidence files."""

    scores = {s.criterion_id: s for s in Score.objects.filter(submission=submission).order_by()}
    files = {}
    # The narrative report (no criterion) comes in the same query, under the key None.
    for evidence in Evidence.objects.filter(submission=submission):
        files.setdefault(evidence.criterion_id, []).append(evidence)
    submission.report_files = files.get(None, [])
    groups = list(
        RubricGroup.objects.filter(rubric_id=submission.rubric_id)
        .order_by("order", "pk")
        .prefetch_related(Prefetch("criteria", queryset=Criterion.objects.order_by("order", "pk")))
    )
    targets = pledge_targets(submission)
    for group in groups:
        group.rows = [
            (criterion, scores.get(criterion.pk), files.get(criterion.pk, []))
            for criterion in group.criteria.all()
        ]
        for criterion in group.criteria.all():
            criterion.targets = targets.get(criterion.pk, [])
    return groups


def pledge_targets(submission) -> dict:
    """{criterion id: [targets]} from the cluster year's pledge commitments linked to criteria."""
    cluster_year_id = submission.phase.campaign.cluster_year_id
    if cluster_year_id is None:
        return {}
    targets = {}
    rows = (
        Commitment.objects.filter(
            pledge__cluster_year_id=cluster_year_id, criteria__rubric_id=submission.rubric_id
        )
        .exclude(target="")
        .values_list("criteria", "target")
    )
    for criterion_id, target in rows:
        targets.setdefault(criterion_id, []).append(target)
    return targets


def progress_board(phase, units) -> list[dict]:
    """One row per unit given (a page of the phase's participants): its submission (or
    none), extension and completeness."""
    units = list(units)
    unit_ids = [unit.pk for unit in units]
    submissions = {
        s.unit_id: s
        for s in Submission.objects.filter(phase=phase, unit_id__in=unit_ids).annotate(
            cross_count=Count("cross_assignments"),
            cross_finished=Count(
                "cross_assignments", filter=Q(cross_assignments__finished_at__isnull=False)
            ),
        )
    }
    extensions = {e.unit_id: e for e in Extension.objects.filter(phase=phase, unit_id__in=unit_ids)}
    return [
        {
            "unit": unit,
            "submission": submissions.get(unit.pk),
            "extension": extensions.get(unit.pk),
            "deadline": UnitDeadline(phase.results_deadline, extensions.get(unit.pk)),
        }
        for unit in units
    ]


def live_ranking(phase):
    """The ranking from accepted results, as it would be published now."""
    # Plain values, not model instances: a sector-wide phase has thousands of rows.
    accepted = list(
        Submission.objects.filter(phase=phase, status=SubmissionStatus.ACCEPTED).values_list(
            "pk", "unit_id", "unit__name", "rubric_id", "final_breakdown"
        )
    )
    if not accepted:
        return None, []
    # Submissions may use older rubric versions; rank with the version most of them used.
    versions = Counter(rubric_id for _pk, _unit, _name, rubric_id, _b in accepted)
    info = rubric_info_by_id(versions.most_common(1)[0][0])
    breakdowns = {pk: breakdown for pk, _unit, _name, _rubric, breakdown in accepted}
    # The final totals are kept on each row (refresh_totals): no score rows are read.
    # Rows from before the breakdown was kept are recomputed from their scores.
    stale = [pk for pk, breakdown in breakdowns.items() if not breakdown]
    if stale:
        breakdowns.update(_recomputed_breakdowns(info, stale))
    units = [
        (unit_id, name, totals_from_json(breakdowns[pk], info.group_codes))
        for pk, unit_id, name, _rubric, _breakdown in accepted
    ]
    return info, rank_totals(info, units)


def _recomputed_breakdowns(info, submission_ids) -> dict:
    rules = dict(
        Submission.objects.filter(pk__in=submission_ids).values_list(
            "pk", "rubric__final_score_rule"
        )
    )
    scores = {}
    for score in Score.objects.filter(submission_id__in=submission_ids).order_by():
        rule = rules[score.submission_id]
        scores.setdefault(score.submission_id, {})[score.criterion_id] = score.final_for(rule)
    return {pk: totals_to_json(unit_total(info, scores.get(pk, {}))) for pk in submission_ids}


def published_entries(phase) -> list:
    """The ranking as published; [] before publication (the phase carries its publication)."""
    publication = getattr(phase, "publication", None)
    if publication is None:
        return []
    return list(RankingEntry.objects.filter(publication=publication))


def has_accepted_results(phase) -> bool:
    return Submission.objects.filter(phase=phase, status=SubmissionStatus.ACCEPTED).exists()


def units_without_accepted_result(phase) -> list[Unit]:
    """The participants whose results are not accepted (none, a draft, or under review):
    publishing now would leave them out of the ranking."""
    accepted = Submission.objects.filter(phase=phase, status=SubmissionStatus.ACCEPTED)
    if phase.campaign.scope == CampaignScope.SECTOR:
        return list(_sector_participants(phase).exclude(pk__in=accepted.values("unit_id")))
    accepted_ids = set(accepted.values_list("unit_id", flat=True))
    return [unit for unit in participants(phase) if unit.pk not in accepted_ids]


def published_ranking(publication) -> QuerySet:
    """A publication's entries by rank: a queryset, so that a page of it is read, not all."""
    return RankingEntry.objects.filter(publication=publication).order_by("rank", "unit_name")


def ranking_groups(phase) -> list[RubricGroup]:
    """The criteria groups (with their rubric, which keeps the bands' thresholds) of the rubric
    version most of the phase's accepted results used, the one the ranking ranks by (see
    live_ranking): one query. [] when nothing is accepted."""
    most_used = (
        Submission.objects.filter(phase=phase, status=SubmissionStatus.ACCEPTED)
        .order_by()
        .values("rubric_id")
        .annotate(used=Count("pk"))
        .order_by("-used", "-rubric__version", "-rubric_id")
        .values("rubric_id")[:1]
    )
    return list(
        RubricGroup.objects.filter(rubric_id=Subquery(most_used))
        .select_related("rubric")
        .order_by("order", "pk")
    )


def status_counts(phase) -> dict[str, int]:
    """How many of the phase's results are in each state: one grouped query."""
    return dict(
        Submission.objects.filter(phase=phase)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )


def top_published_total(publication):
    return RankingEntry.objects.filter(publication=publication).aggregate(top=Max("total"))[
        "top"
    ] or Decimal(0)


def unit_results(*, user, unit) -> dict:
    """A unit's published ranks across phases and years (for whoever sees those campaigns),
    and its own submissions (for the unit and those who review it)."""
    phases = phases_visible_to(user=user)
    ranks = list(
        RankingEntry.objects.filter(unit=unit, publication__phase__in=phases)
        .select_related("publication__phase__campaign")
        .order_by("-publication__phase__results_deadline")
    )
    counts = dict(
        RankingEntry.objects.filter(publication__in=[r.publication_id for r in ranks])
        .values_list("publication_id")
        .annotate(n=Count("pk"))
        .values_list("publication_id", "n")
    )
    for entry in ranks:
        entry.out_of = counts.get(entry.publication_id, 0)
    submissions = list(
        submissions_visible_to(user=user).filter(unit=unit).order_by("-phase__results_deadline")
    )
    return {"ranks": ranks, "submissions": submissions}


# Per group: the unit's subtotal, the sum and the top over the publication's entries, and
# how many entries there are (an entry without the group counts as 0 in the average).
# Ordered as the unit's own totals list them (jsonb keeps keys by length, then bytes).
GROUP_COMPARISON_SQL = """
SELECT g.key,
       MAX(g.value::numeric) FILTER (WHERE e.unit_id = %(unit)s),
       SUM(g.value::numeric),
       MAX(g.value::numeric),
       (SELECT COUNT(*) FROM {table} WHERE publication_id = %(publication)s)
FROM {table} e CROSS JOIN LATERAL jsonb_each_text(e.group_totals) g
WHERE e.publication_id = %(publication)s
GROUP BY g.key
HAVING COUNT(*) FILTER (WHERE e.unit_id = %(unit)s) > 0
ORDER BY octet_length(g.key), g.key COLLATE "C"
"""


def group_comparison(submission) -> list[dict]:
    """Once the phase's ranking is published: the unit's subtotal per group against the
    average of the ranked units. One query, summed in the database: a sector-wide ranking
    has 2,000 entries, too many to read for one unit's page."""
    publication = getattr(submission.phase, "publication", None)
    if publication is None:
        return []
    sql = GROUP_COMPARISON_SQL.format(table=RankingEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql, {"unit": submission.unit_id, "publication": publication.pk})
        groups = cursor.fetchall()
    return [
        {
            "group": code,
            "unit": mine,
            "average": (total / count).quantize(Decimal("0.01")),
            "top": max(top, Decimal("0")),
        }
        for code, mine, total, top, count in groups
    ]


def campaign_phases(campaign) -> list:
    """The campaign's phases with their publication (for campaign_ranking)."""
    return list(Phase.objects.filter(campaign=campaign).select_related("publication"))


def published_count(phases) -> int:
    return sum(1 for p in phases if getattr(p, "publication", None) is not None)


def campaign_ranking(campaign, *, phases=None):
    """The whole campaign: each unit's accepted totals summed over the phases, ranked by the
    rule of the latest phase's rubric. (info, ranked, phases_published, phase_count)"""
    if phases is None:
        phases = campaign_phases(campaign)
    per_unit, names, info = {}, {}, None
    for phase in sorted(phases, key=lambda p: p.start_date):
        phase_info, ranked = live_ranking(phase)
        if phase_info is not None:
            info = phase_info
        for r in ranked:
            per_unit.setdefault(r.unit_id, []).append(r.totals)
            names[r.unit_id] = r.unit_name
    if info is None:
        return None, [], 0, len(phases)
    ranked = rank_totals(
        info, [(uid, names[uid], add_totals(t)) for uid, t in per_unit.items()], with_bands=False
    )
    return info, ranked, published_count(phases), len(phases)


def evidence_visible_to(*, user) -> QuerySet:
    """Evidence of results the user may read, and of results their unit cross-scores."""
    scored = CrossAssignment.objects.filter(scorer_id__in=roles_of(user).member_unit_ids).exclude(
        submission__status=SubmissionStatus.DRAFT
    )
    return Evidence.objects.filter(
        Q(submission__in=submissions_visible_to(user=user).values("pk"))
        | Q(submission__in=scored.values("submission_id"))
    )


def cross_assignments_visible_to(*, user) -> QuerySet:
    roles = roles_of(user)
    qs = CrossAssignment.objects.exclude(submission__status=SubmissionStatus.DRAFT).select_related(
        "scorer",
        "submission__unit",
        "submission__rubric",
        "submission__phase__campaign__cluster_year__cluster",
    )
    if roles.is_admin:
        return qs
    return qs.filter(
        Q(scorer_id__in=roles.member_unit_ids)
        | Q(submission__phase__campaign__cluster_year_id__in=roles.secretariat_cluster_year_ids)
    )


def cross_sheet(assignment) -> list:
    """The scored unit's results per group, with this scorer's score row beside each criterion."""
    groups = submission_editor(assignment.submission)
    mine = {row.criterion_id: row for row in CrossScore.objects.filter(assignment=assignment)}
    for group in groups:
        group.rows = [(c, score, files, mine.get(c.pk)) for c, score, files in group.rows]
    return groups


def cross_overview(submission) -> tuple[list, list, dict]:
    """(assignments, criteria, {(assignment id, criterion id): CrossScore}) of a submission."""
    assignments = list(submission.cross_assignments.select_related("scorer", "finished_by"))
    criteria = list(
        Criterion.objects.filter(rubric_id=submission.rubric_id).order_by(
            "group__order", "order", "pk"
        )
    )
    scores = {
        (row.assignment_id, row.criterion_id): row
        for row in CrossScore.objects.filter(assignment__submission=submission)
    }
    return assignments, criteria, scores


def matrix_submissions(phase) -> QuerySet:
    """The results in a phase's score matrix: every unit beyond draft, by name."""
    return (
        Submission.objects.filter(phase=phase)
        .exclude(status=SubmissionStatus.DRAFT)
        .select_related("unit", "rubric")
        .order_by("unit__name", "pk")
    )


class ScoreCell(NamedTuple):
    """One score of the matrix: plain values, not a model (the export reads 120,000)."""

    self_score: Decimal | None
    reviewed_score: Decimal | None
    cross_score: Decimal | None


def score_matrix(phase, submissions=None) -> tuple[list, list]:
    """Criteria, and one (submission, [score row per criterion]) per unit beyond draft (or
    per submission given: a page of them)."""
    if submissions is None:
        submissions = matrix_submissions(phase)
    submissions = list(submissions)
    criteria = list(
        Criterion.objects.filter(rubric_id__in={s.rubric_id for s in submissions})
        .select_related("group")
        .order_by("rubric_id", "group__order", "order", "pk")
    )
    scores = {
        (submission_id, criterion_id): ScoreCell(*values)
        # No ordering: the rows go into a dict (the default ordering joins five tables).
        for submission_id, criterion_id, *values in Score.objects.filter(submission__in=submissions)
        .order_by()
        .values_list("submission_id", "criterion_id", "self_score", "reviewed_score", "cross_score")
    }
    rows = [(s, [scores.get((s.pk, c.pk)) for c in criteria]) for s in submissions]
    return criteria, rows


# --- Extension requests ----------------------------------------------------------------------


def extension_requests_visible_to(*, user) -> QuerySet:
    """Requests of the user's own units, and of the phases the user reviews."""
    roles = roles_of(user)
    qs = ExtensionRequest.objects.select_related(
        "unit", "requested_by", "decided_by", "phase__campaign__cluster_year__cluster"
    )
    if roles.is_admin:
        return qs
    return qs.filter(
        Q(unit_id__in=roles.member_unit_ids)
        | Q(phase__campaign__cluster_year_id__in=roles.secretariat_cluster_year_ids)
    )


def pending_extension_requests(phase) -> list:
    """The phase's requests waiting for the secretariat, oldest first."""
    return list(
        ExtensionRequest.objects.filter(phase=phase, status=ExtensionRequestStatus.PENDING)
        .select_related("unit", "requested_by")
        .order_by("requested_at", "pk")
    )


def unit_extension_requests(phase, unit) -> list:
    """The unit's requests for the phase, the latest first."""
    return list(
        ExtensionRequest.objects.filter(phase=phase, unit=unit)
        .select_related("requested_by", "decided_by")
        .order_by("-requested_at", "-pk")
    )


def latest_extension_request(phase, unit):
    return (
        ExtensionRequest.objects.filter(phase=phase, unit=unit)
        .order_by("-requested_at", "-pk")
        .first()
    )
