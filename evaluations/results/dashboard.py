"""What the dashboard shows of results: done phases leave the deadline list; the
secretariat sees what waits for review; a scoring unit sees what it has to cross-score."""

from datetime import timedelta
from typing import NamedTuple

from django.db.models import Count, DateField, Exists, F, OuterRef, Q, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from campaigns.deadlines import register_phase_done_check
from evaluations.results.choices import ExtensionRequestStatus, SubmissionStatus
from evaluations.results.models import CrossAssignment, Extension, ExtensionRequest, Submission
from units.dashboard import (
    ActionItem,
    Deadline,
    register_action_provider,
    register_deadline_provider,
)
from units.selectors import roles_of

COMMENT_LENGTH = 300
LIMIT = 100  # rows of each list read at most


def _own_units(user) -> set:
    roles = roles_of(user)
    return roles.officer_unit_ids | roles.leader_unit_ids | roles.member_unit_ids


@register_phase_done_check
def submitted_phases(user):
    """Phases where one of the user's units has submitted its results."""
    units = _own_units(user)
    if not units:
        return None
    return Exists(
        Submission.objects.filter(
            phase_id=OuterRef("pk"),
            unit_id__in=units,
            status__in=[SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED],
        )
    )


def _extended(units):
    """Extensions of these units that move their deadline past the phase's."""
    return Extension.objects.filter(unit_id__in=units, until__gt=F("phase__results_deadline"))


@register_phase_done_check
def extended_phases(user):
    """Phases where one of the user's units has its own (later) deadline: listed by
    `extended_deadlines` with the unit's date instead of the phase's."""
    units = _own_units(user)
    if not units:
        return None
    return Exists(_extended(units).filter(phase_id=OuterRef("pk")))


class _Row(NamedTuple):
    kind: str  # RETURNED, EXTENDED, REFUSED or CROSS (a cross-scoring assignment)
    pk: int
    phase_id: int
    phase: str
    campaign: str
    unit: str
    text: str  # the secretariat's comment or answer; the extension's reason
    until: object  # the extension's date


RETURNED, EXTENDED, REFUSED, CROSS = "returned", "extended", "refused", "cross"
REFUSAL_SHOWN_DAYS = 30
_CACHE = "_results_dashboard_rows"


def _unit_rows(user, roles) -> list[_Row]:
    """The results returned to the units the user acts for, their extension requests the
    secretariat recently refused, the results they are asked to cross-score, and the open
    deadlines extended for the user's units: one query for the dashboard's lists, read once
    per request."""
    cached = getattr(user, _CACHE, None)
    if cached is not None:
        return cached
    acting, own = roles.officer_unit_ids | roles.leader_unit_ids, _own_units(user)
    rows = []
    if own:
        today = timezone.localdate()
        fields = ["pk", "phase_id", "phase__name", "phase__campaign__title", "unit__name"]
        returned = Submission.objects.filter(
            unit_id__in=acting, status=SubmissionStatus.RETURNED
        ).values_list(
            Value(RETURNED), *fields, "unit__short_name", "comment", Value(None, DateField())
        )
        submitted = Submission.objects.filter(
            phase_id=OuterRef("phase_id"),
            unit_id=OuterRef("unit_id"),
            status__in=[SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED],
        )
        extended = (
            _extended(own)
            .filter(Q(until__gte=today) | Q(phase__campaign__end_date__gte=today))
            .exclude(Exists(submitted))
            .values_list(Value(EXTENDED), *fields, "unit__short_name", "reason", "until")
        )
        later = ExtensionRequest.objects.filter(
            phase_id=OuterRef("phase_id"), unit_id=OuterRef("unit_id"), pk__gt=OuterRef("pk")
        )
        refused = (
            ExtensionRequest.objects.filter(
                unit_id__in=acting,
                status=ExtensionRequestStatus.REFUSED,
                decided_at__gte=timezone.now() - timedelta(days=REFUSAL_SHOWN_DAYS),
            )
            .exclude(Exists(later))
            .exclude(Exists(submitted))
            .values_list(
                Value(REFUSED), *fields, "unit__short_name", "comment", Value(None, DateField())
            )
        )
        cross = (
            CrossAssignment.objects.filter(scorer_id__in=acting, finished_at__isnull=True)
            .exclude(submission__status=SubmissionStatus.DRAFT)
            .values_list(
                Value(CROSS),
                "pk",
                "submission__phase_id",
                "submission__phase__name",
                "submission__phase__campaign__title",
                "submission__unit__name",
                "submission__unit__short_name",
                Value(""),
                Value(None, DateField()),
            )
        )
        for kind, pk, phase_id, phase, campaign, name, short, text, until in returned.union(
            extended, refused, cross, all=True
        )[: LIMIT * 4]:
            rows.append(_Row(kind, pk, phase_id, phase, campaign, short or name, text, until))
        rows.sort(key=lambda row: (row.until or today, row.phase, row.unit))
    setattr(user, _CACHE, rows)
    return rows


def _unit_items(user, roles, kind, message, url):
    """Dashboard tasks of one kind of the unit's rows: the message names the unit, the phase
    and the secretariat's comment (shortened)."""
    return [
        ActionItem(
            message
            % {
                "unit": row.unit,
                "phase": row.phase,
                "comment": Truncator(row.text).chars(COMMENT_LENGTH),
            },
            url(row),
            level="danger",
        )
        for row in _unit_rows(user, roles)
        if row.kind == kind
    ]


@register_action_provider
def results_returned(user, roles):
    """The unit's officers and leader: results the secretariat returned, with its comment."""
    return _unit_items(
        user,
        roles,
        RETURNED,
        _("The secretariat returned the results of %(unit)s (%(phase)s): “%(comment)s”"),
        lambda row: reverse("evaluations:submission", args=[row.pk]),
    )


@register_action_provider
def extensions_refused(user, roles):
    """The unit's officers and leader: the secretariat refused their request for more time."""
    return _unit_items(
        user,
        roles,
        REFUSED,
        _("The secretariat refused the extension for %(unit)s (%(phase)s): “%(comment)s”"),
        lambda row: reverse("evaluations:extension_request", args=[row.phase_id]),
    )


@register_deadline_provider
def extended_deadlines(user, roles, today):
    """The results deadlines the secretariat extended for the user's units."""
    return [
        Deadline(
            due=row.until,
            text=_("Results of “%(phase)s” – %(campaign)s (extended until %(date)s)")
            % {
                "phase": row.phase,
                "campaign": row.campaign,
                "date": date_format(row.until, "SHORT_DATE_FORMAT"),
            },
            url=reverse("evaluations:phase_results", args=[row.phase_id]),
            unit=row.unit,
        )
        for row in _unit_rows(user, roles)
        if row.kind == EXTENDED
    ]


@register_action_provider
def results_to_review(user, roles):
    """The secretariat: results waiting for review, and requests for more time waiting for an
    answer, per phase (one query for both)."""
    years = roles.secretariat_cluster_year_ids
    if not years:
        return []

    def per_phase(queryset, kind):
        return (
            queryset.filter(phase__campaign__cluster_year_id__in=years)
            .values("phase_id", "phase__name")
            .annotate(kind=Value(kind), count=Count("pk"))
            .values_list("kind", "phase_id", "phase__name", "count")
            .order_by()
        )

    review = per_phase(Submission.objects.filter(status=SubmissionStatus.SUBMITTED), "review")
    answer = per_phase(
        ExtensionRequest.objects.filter(status=ExtensionRequestStatus.PENDING), "answer"
    )
    items = []
    for kind, phase_id, phase, count in sorted(review.union(answer, all=True)):
        if kind == "review":
            text = _("%(count)d results of “%(phase)s” wait for your review.")
        else:
            text = ngettext(
                "%(count)d request for more time on “%(phase)s” waits for your answer.",
                "%(count)d requests for more time on “%(phase)s” wait for your answer.",
                count,
            )
        url = reverse("evaluations:phase_results", args=[phase_id])
        items.append(ActionItem(text % {"count": count, "phase": phase}, url, level="info"))
    return items


@register_action_provider
def results_to_cross_score(user, roles):
    """A scoring unit's officers and leader: the results they are asked to cross-score."""
    rows = sorted(
        (row for row in _unit_rows(user, roles) if row.kind == CROSS),
        key=lambda row: (row.phase_id, row.unit),
    )
    return [
        ActionItem(
            _("Cross-score the results of %(unit)s (%(phase)s).")
            % {"unit": row.unit, "phase": row.phase},
            reverse("evaluations:cross_score", args=[row.pk]),
            level="warning",
        )
        for row in rows
    ]
