"""Reads for campaigns: what a user may see, with joins built in."""

from django.db.models import Case, Count, IntegerField, Max, Prefetch, Q, QuerySet, Value, When

from campaigns.choices import CampaignScope
from campaigns.models import (
    Campaign,
    CampaignEvent,
    Criterion,
    EventAttachment,
    Phase,
    Rubric,
    RubricGroup,
)
from units.models import ClusterYear
from units.selectors import roles_of


def _visible_condition(user, prefix=""):
    roles = roles_of(user)
    if roles.is_admin or roles.is_sector_viewer:
        return Q()
    years = roles.secretariat_cluster_year_ids | roles.member_cluster_year_ids
    return Q(**{f"{prefix}scope": CampaignScope.SECTOR}) | Q(
        **{f"{prefix}cluster_year_id__in": years}
    )


def campaigns_visible_to(*, user) -> QuerySet:
    if not user.is_authenticated:
        return Campaign.objects.none()
    return Campaign.objects.filter(_visible_condition(user))


def cluster_years_run_by(*, user) -> list:
    """The cluster years this user is the secretariat of, newest first."""
    ids = roles_of(user).secretariat_cluster_year_ids
    return list(ClusterYear.objects.filter(pk__in=ids).order_by("-year")) if ids else []


def campaign_list(*, user, today, year=None, scope="") -> QuerySet:
    """Running first, then planned, then past; newest first inside each."""
    qs = campaigns_visible_to(user=user).select_related("cluster_year__cluster", "issuing_unit")
    if year:
        qs = qs.filter(start_date__year__lte=year, end_date__year__gte=year)
    if scope in CampaignScope.values:
        qs = qs.filter(scope=scope)
    order = Case(
        When(start_date__gt=today, then=Value(1)),
        When(end_date__lt=today, then=Value(2)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return qs.annotate(status_order=order, phase_count=Count("phases")).order_by(
        "status_order", "-start_date", "title"
    )


def campaign_years(*, user) -> list[int]:
    bounds = campaigns_visible_to(user=user).values_list("start_date__year", "end_date__year")
    return sorted({y for start, end in bounds for y in range(start, end + 1)}, reverse=True)


def campaign_detail_queryset(*, user) -> QuerySet:
    return (
        campaigns_visible_to(user=user)
        .select_related("cluster_year__cluster", "issuing_unit")
        .prefetch_related(
            "phases",
            "content_areas",
            Prefetch(
                "events",
                queryset=CampaignEvent.objects.select_related("host_unit").annotate(
                    attachment_count=Count("attachments")
                ),
            ),
            Prefetch(
                "rubrics",
                queryset=Rubric.objects.annotate(criterion_count=Count("criteria")).order_by(
                    "-version"
                ),
            ),
        )
    )


def rubrics_visible_to(*, user) -> QuerySet:
    if not user.is_authenticated:
        return Rubric.objects.none()
    roles = roles_of(user)
    qs = Rubric.objects.select_related("campaign__cluster_year__cluster", "cluster_year__cluster")
    if roles.is_admin or roles.is_sector_viewer:
        return qs
    years = roles.secretariat_cluster_year_ids | roles.member_cluster_year_ids
    return qs.filter(
        Q(campaign__in=campaigns_visible_to(user=user))
        | Q(campaign__isnull=True, cluster_year_id__in=years)
    )


def rubric_structure(rubric) -> list[RubricGroup]:
    """The rubric's groups, each with `.criteria.all()` loaded: two queries."""
    return list(
        RubricGroup.objects.filter(rubric=rubric)
        .order_by("order", "pk")
        .prefetch_related(Prefetch("criteria", queryset=Criterion.objects.order_by("order", "pk")))
    )


def rubric_copy_sources(*, user, exclude=None) -> QuerySet:
    qs = rubrics_visible_to(user=user).annotate(criterion_count=Count("criteria"))
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return qs.order_by("-created_at")


def rubric_titles(*, campaign) -> list[str]:
    """The names of the campaign's rubrics, oldest version first."""
    return list(
        Rubric.objects.filter(campaign=campaign).order_by("version").values_list("title", flat=True)
    )


def rubric_title_taken(*, campaign=None, cluster_year=None, title: str) -> bool:
    owner = (
        {"campaign": campaign}
        if campaign is not None
        else {"campaign__isnull": True, "cluster_year": cluster_year}
    )
    return Rubric.objects.filter(**owner, title__iexact=title.strip()).exists()


def current_rubric(campaign):
    return Rubric.objects.filter(campaign=campaign).order_by("-version").first()


def next_version(*, campaign=None, cluster_year=None) -> int:
    owner = (
        {"campaign": campaign}
        if campaign is not None
        else {
            "campaign__isnull": True,
            "cluster_year": cluster_year,
        }
    )
    return (Rubric.objects.filter(**owner).aggregate(v=Max("version"))["v"] or 0) + 1


def events_visible_to(*, user) -> QuerySet:
    if not user.is_authenticated:
        return CampaignEvent.objects.none()
    return CampaignEvent.objects.filter(_visible_condition(user, "campaign__")).select_related(
        "campaign", "host_unit"
    )


def attachments_visible_to(*, user) -> QuerySet:
    if not user.is_authenticated:
        return EventAttachment.objects.none()
    return EventAttachment.objects.filter(
        _visible_condition(user, "event__campaign__")
    ).select_related("event__campaign")


def phase_deadlines_for(*, user, today, campaign=None) -> QuerySet:
    """Results deadlines of phases that concern the user's units or cluster years.

    Administrators and viewers watch the sector: they get sector-wide campaigns only,
    not every cluster's phases.
    """
    roles = roles_of(user)
    years = roles.secretariat_cluster_year_ids | roles.member_cluster_year_ids
    concerns = Q(campaign__cluster_year_id__in=years)
    if roles.member_unit_ids or roles.is_admin or roles.is_viewer:
        concerns |= Q(campaign__scope=CampaignScope.SECTOR)
    qs = Phase.objects.filter(concerns).select_related("campaign")
    if campaign is not None:
        qs = qs.filter(campaign=campaign)
    # Past deadlines stay on the list while their campaign is running.
    return qs.filter(Q(results_deadline__gte=today) | Q(campaign__end_date__gte=today)).order_by(
        "results_deadline"
    )
