"""The sector overview on the dashboard of sector administrators and sector viewers
(registered with `units.dashboard` when Django starts, see apps.py): running campaigns,
results per cluster, pledges signed, ballots open, proposals by state, awards per year.

Each figure is counted through the selector of what the user may see, so that it matches
the list it links to. Nine queries whatever the size of the sector (tests/evaluations/
test_overview.py counts them at one and at many clusters).
"""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from campaigns.choices import CampaignScope
from campaigns.models import Phase
from campaigns.selectors import campaigns_visible_to
from core.charts import REMAINDER, Bar, Chart, tone
from evaluations.awards.models import AwardRecord
from evaluations.ballots.choices import BallotStatus
from evaluations.ballots.selectors import ballots_visible_to
from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.selectors import proposals_visible_to
from evaluations.results.choices import SubmissionStatus
from evaluations.results.models import Submission
from pledges.selectors import pledges_visible_to
from units.dashboard import Figure, OverviewSection, register_overview_provider
from units.models import ClusterYear

AWARD_YEARS = 6  # the awards chart shows the last years that have awards


def running(today) -> Q:
    return Q(start_date__lte=today, end_date__gte=today)


@register_overview_provider
def campaign_section(user, roles, today):
    counts = campaigns_visible_to(user=user).aggregate(
        running=Count("pk", filter=running(today)),
        sector=Count("pk", filter=running(today) & Q(scope=CampaignScope.SECTOR)),
        planned=Count("pk", filter=Q(start_date__gt=today)),
    )
    url = reverse("campaigns:campaign_list") + f"?year={today.year}"
    return [
        OverviewSection(
            "campaigns",
            _("Running campaigns"),
            figures=(
                Figure(_("running"), counts["running"], url),
                Figure(
                    _("of them sector-wide"),
                    counts["sector"],
                    reverse("campaigns:campaign_list") + f"?year={today.year}&scope=sector",
                ),
                Figure(_("planned"), counts["planned"], reverse("campaigns:campaign_list")),
            ),
            url=url,
        )
    ]


def open_phases(user, today) -> list[tuple]:
    """(phase id, campaign scope, cluster year id) of the phases collecting results now:
    their campaign is running, they have started and their ranking is not published."""
    return list(
        Phase.objects.filter(
            campaign__in=campaigns_visible_to(user=user).filter(running(today)),
            start_date__lte=today,
            publication__isnull=True,
        ).values_list("pk", "campaign__scope", "campaign__cluster_year_id")
    )


@register_overview_provider
def results_section(user, roles, today):
    """Results submitted (past draft) out of those expected, per cluster year: for a cluster's
    campaign its members, for a sector-wide one each member of a cluster of this year."""
    phases = open_phases(user, today)
    cluster_phases = {}
    for _pk, scope, year_id in phases:
        if scope == CampaignScope.CLUSTER_YEAR:
            cluster_phases[year_id] = cluster_phases.get(year_id, 0) + 1
    sector_phases = [pk for pk, scope, _year in phases if scope == CampaignScope.SECTOR]
    section = OverviewSection(
        "results",
        _("Results submitted per cluster"),
        empty=_("No phase is collecting results now."),
    )
    if not phases:
        return [section]
    active = Q(memberships__left_on__isnull=True) | Q(memberships__left_on__gte=today)
    years = list(
        ClusterYear.objects.filter(Q(pk__in=cluster_phases) | Q(year=today.year))
        .select_related("cluster")
        .annotate(member_count=Count("memberships", filter=active))
        .order_by("cluster__name", "-year")
    )
    past_draft = Submission.objects.exclude(status=SubmissionStatus.DRAFT).order_by()
    submitted = dict(
        past_draft.filter(phase__campaign__cluster_year_id__in=cluster_phases)
        .values_list("phase__campaign__cluster_year_id")
        .annotate(n=Count("pk"))
        .values_list("phase__campaign__cluster_year_id", "n")
    )
    if sector_phases:
        # A sector-wide phase counts in the cluster of this year each unit belongs to.
        for year_id, n in (
            past_draft.filter(
                phase_id__in=sector_phases, unit__memberships__cluster_year__year=today.year
            )
            .values_list("unit__memberships__cluster_year_id")
            .annotate(n=Count("pk"))
            .values_list("unit__memberships__cluster_year_id", "n")
        ):
            submitted[year_id] = submitted.get(year_id, 0) + n
    bars = []
    for year in years:
        phase_count = cluster_phases.get(year.pk, 0)
        if year.year == today.year:
            phase_count += len(sector_phases)
        expected = year.member_count * phase_count
        if not expected:
            continue
        done = min(submitted.get(year.pk, 0), expected)
        bars.append(
            Bar(
                f"{year.cluster.name} ({year.year})",
                (done, expected - done),
                href=reverse("units:cluster_year_detail", args=[year.cluster_id, year.year]),
                note=_("%(done)d/%(expected)d submitted") % {"done": done, "expected": expected},
            )
        )
    if not bars:
        return [section]
    chart = Chart.horizontal(
        _("Results submitted per cluster"),
        [_("Submitted"), _("Not yet submitted")],
        bars,
        note_label=_("Progress"),
        label_header=_("Cluster"),
        colours=(tone(0), REMAINDER),
    )
    return [
        OverviewSection(
            "results",
            section.title,
            figures=(
                Figure(
                    _("phases collecting results"),
                    len(phases),
                    reverse("campaigns:campaign_list") + f"?year={today.year}",
                ),
            ),
            chart=chart,
        )
    ]


@register_overview_provider
def pledge_section(user, roles, today):
    counts = (
        pledges_visible_to(user=user)
        .filter(cluster_year__year=today.year)
        .order_by()
        .aggregate(
            pledge_count=Count("pk", distinct=True),
            party_count=Count("parties"),
            signed_count=Count("parties__signature"),
        )
    )
    url = reverse("pledges:pledge_list")
    return [
        OverviewSection(
            "pledges",
            _("Emulation pledges of %(year)d") % {"year": today.year},
            figures=(
                Figure(_("pledges"), counts["pledge_count"], url),
                Figure(
                    _("units signed"),
                    f"{counts['signed_count']}/{counts['party_count']}",
                    url,
                ),
            ),
            url=url,
        )
    ]


@register_overview_provider
def ballot_and_proposal_section(user, roles, today):
    open_ballots = ballots_visible_to(user=user).filter(status=BallotStatus.OPEN).count()
    by_status = dict(
        proposals_visible_to(user=user)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    proposals = reverse("evaluations:proposal_list")
    return [
        OverviewSection(
            "ballots",
            _("Secret ballots"),
            figures=(
                Figure(_("open for voting"), open_ballots, reverse("evaluations:ballot_list")),
            ),
            url=reverse("evaluations:ballot_list"),
        ),
        OverviewSection(
            "proposals",
            _("Award proposals by state"),
            figures=tuple(
                Figure(
                    str(status.label),
                    by_status.get(status.value, 0),
                    f"{proposals}?status={status.value}",
                )
                for status in ProposalStatus
                if status.value in by_status or status != ProposalStatus.DRAFT
            ),
            url=proposals,
        ),
    ]


@register_overview_provider
def award_section(user, roles, today):
    """Award records per year (the sector's shared record, read by every signed-in user)."""
    per_year = list(
        AwardRecord.objects.order_by("-year")
        .values_list("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")[:AWARD_YEARS]
    )
    section = OverviewSection("awards", _("Awards per year"), empty=_("No award is recorded yet."))
    if not per_year:
        return [section]
    chart = Chart.columns(
        _("Awards per year"),
        _("Awards"),
        [Bar(str(year), (n,)) for year, n in reversed(per_year)],
        label_header=_("Year"),
    )
    return [OverviewSection("awards", section.title, chart=chart)]
