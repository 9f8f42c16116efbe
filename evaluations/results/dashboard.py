"""What the dashboard shows of results: done phases leave the deadline list; the
secretariat sees what waits for review; a scoring unit sees what it has to cross-score."""

from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from campaigns.deadlines import register_phase_done_check
from evaluations.results.choices import SubmissionStatus
from evaluations.results.models import CrossAssignment, Submission
from units.dashboard import ActionItem, register_action_provider
from units.selectors import roles_of

COMMENT_LENGTH = 300


@register_phase_done_check
def submitted_phases(user):
    """Phases where one of the user's units has submitted its results."""
    roles = roles_of(user)
    units = roles.officer_unit_ids | roles.leader_unit_ids | roles.member_unit_ids
    if not units:
        return None
    return Exists(
        Submission.objects.filter(
            phase_id=OuterRef("pk"),
            unit_id__in=units,
            status__in=[SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED],
        )
    )


@register_action_provider
def results_to_review(user, roles):
    years = roles.secretariat_cluster_year_ids
    if not years:
        return []
    waiting = (
        Submission.objects.filter(
            status=SubmissionStatus.SUBMITTED, phase__campaign__cluster_year_id__in=years
        )
        .values("phase_id", "phase__name")
        .annotate(count=Count("pk"))
        .order_by("phase_id")
    )
    return [
        ActionItem(
            _("%(count)d results of “%(phase)s” wait for your review.")
            % {"count": row["count"], "phase": row["phase__name"]},
            reverse("evaluations:phase_results", args=[row["phase_id"]]),
            level="info",
        )
        for row in waiting
    ]


@register_action_provider
def results_returned(user, roles):
    """The unit's officers and leader: results the secretariat returned, with its comment."""
    units = roles.officer_unit_ids | roles.leader_unit_ids
    if not units:
        return []
    returned = (
        Submission.objects.filter(unit_id__in=units, status=SubmissionStatus.RETURNED)
        .select_related("unit", "phase")
        .order_by("phase__results_deadline", "unit__name")
    )
    return [
        ActionItem(
            _("The secretariat returned the results of %(unit)s (%(phase)s): “%(comment)s”")
            % {
                "unit": s.unit.display_name,
                "phase": s.phase.name,
                "comment": Truncator(s.comment).chars(COMMENT_LENGTH),
            },
            reverse("evaluations:submission", args=[s.pk]),
            level="danger",
        )
        for s in returned
    ]


@register_action_provider
def results_to_cross_score(user, roles):
    units = roles.officer_unit_ids | roles.leader_unit_ids
    if not units:
        return []
    waiting = (
        CrossAssignment.objects.filter(scorer_id__in=units, finished_at__isnull=True)
        .exclude(submission__status=SubmissionStatus.DRAFT)
        .select_related("submission__unit", "submission__phase")
        .order_by("submission__phase_id", "submission__unit__name")
    )
    return [
        ActionItem(
            _("Cross-score the results of %(unit)s (%(phase)s).")
            % {"unit": a.submission.unit.display_name, "phase": a.submission.phase.name},
            reverse("evaluations:cross_score", args=[a.pk]),
            level="warning",
        )
        for a in waiting
    ]
