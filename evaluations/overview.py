"""The sector overview on the dashboard of sector administrators and sector viewers
(registered with `units.dashboard` when Django starts, see apps.py): running campaigns,
results per cluster, pledges signed, ballots open, proposals by state, awards per year.

Each figure is counted through the selector of what the user may see, so that it matches
the list it links to. Everything is counted in ONE query (a UNION ALL of grouped counts),
whatever the size of the sector: the dashboard stays within the benchmark's bound of
queries per page (tests/evaluations/test_overview.py counts them at one and at many
clusters).
"""

from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.db.models.functions import Cast, Concat
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
from pledges.models import PledgeParty
from pledges.selectors import pledges_visible_to
from units.dashboard import Figure, OverviewSection, register_overview_provider
from units.models import ClusterYear

AWARD_YEARS = 6  # the awards chart shows the last years that have awards


def running(today, prefix="") -> Q:
    return Q(**{f"{prefix}start_date__lte": today, f"{prefix}end_date__gte": today})


def _text(expression):
    return Cast(expression, output_field=CharField())


def _counted(section: str, queryset, key, *, label=None, count="pk", where=None):
    """Rows (section, key, label, n) of `queryset` grouped by `key` (an expression)."""
    return (
        queryset.order_by()
        .annotate(
            o_section=Value(section, output_field=CharField()),
            o_key=_text(key),
            o_label=label if label is not None else Value("", output_field=CharField()),
        )
        .values_list("o_section", "o_key", "o_label")
        .annotate(n=Count(count, filter=where))
    )


def sector_counts(user, today) -> dict:
    """{(section, key): (label, n)} of every figure of the overview, in one query."""
    visible = campaigns_visible_to(user=user)
    phases = Phase.objects.filter(
        campaign__in=visible.filter(running(today)),
        start_date__lte=today,
        publication__isnull=True,
    )
    cluster_phases = phases.filter(campaign__scope=CampaignScope.CLUSTER_YEAR)
    sector_phases = phases.filter(campaign__scope=CampaignScope.SECTOR)
    past_draft = Submission.objects.exclude(status=SubmissionStatus.DRAFT)
    pledges = pledges_visible_to(user=user).filter(cluster_year__year=today.year)
    active = Q(memberships__left_on__isnull=True) | Q(memberships__left_on__gte=today)
    parts = [
        _counted(
            "campaigns",
            visible,
            Case(
                When(running(today) & Q(scope=CampaignScope.SECTOR), then=Value("running-sector")),
                When(running(today), then=Value("running-cluster")),
                When(start_date__gt=today, then=Value("planned")),
                default=Value("closed"),
            ),
        ),
        # The phases collecting results: per cluster year, or "sector".
        _counted(
            "phases",
            phases,
            Case(
                When(campaign__scope=CampaignScope.SECTOR, then=Value("sector")),
                default=_text("campaign__cluster_year_id"),
            ),
        ),
        # The cluster years expecting results: this year's, and those of the phases.
        _counted(
            "members",
            ClusterYear.objects.filter(
                Q(year=today.year) | Q(pk__in=cluster_phases.values("campaign__cluster_year_id"))
            ),
            "pk",
            label=Concat(
                _text("cluster_id"), Value(":"), _text("year"), Value(":"), "cluster__name"
            ),
            count="memberships",
            where=active,
        ),
        _counted(
            "submitted",
            past_draft.filter(phase__in=cluster_phases),
            "phase__campaign__cluster_year_id",
        ),
        # A sector-wide phase counts in the cluster of this year each unit belongs to.
        _counted(
            "submitted",
            past_draft.filter(
                phase__in=sector_phases, unit__memberships__cluster_year__year=today.year
            ),
            F("unit__memberships__cluster_year_id"),
        ),
        _counted("pledges", pledges, Value("pledges")),
        _counted(
            "parties",
            PledgeParty.objects.filter(pledge__in=pledges),
            Case(When(signature__isnull=False, then=Value("signed")), default=Value("unsigned")),
        ),
        _counted(
            "ballots",
            ballots_visible_to(user=user).filter(status=BallotStatus.OPEN),
            Value("open"),
        ),
        _counted("proposals", proposals_visible_to(user=user), "status"),
        _counted("awards", AwardRecord.objects.all(), "year"),
    ]
    rows = parts[0].union(*parts[1:], all=True)
    counts = {}
    for section, key, label, n in rows:
        # The two kinds of "submitted" rows add up per cluster year.
        previous = counts.get((section, key), ("", 0))[1]
        counts[(section, key)] = (label, previous + n)
    return counts


def _n(counts, section, key) -> int:
    return counts.get((section, key), ("", 0))[1]


@register_overview_provider
def sector_sections(user, roles, today):
    counts = sector_counts(user, today)
    return [
        campaign_section(counts, today),
        results_section(counts, today),
        pledge_section(counts, today),
        ballot_section(counts),
        proposal_section(counts),
        award_section(counts),
    ]


def campaign_section(counts, today):
    listed = reverse("campaigns:campaign_list") + f"?year={today.year}"
    sector = _n(counts, "campaigns", "running-sector")
    return OverviewSection(
        "campaigns",
        _("Running campaigns"),
        figures=(
            Figure(_("running"), sector + _n(counts, "campaigns", "running-cluster"), listed),
            Figure(_("of them sector-wide"), sector, listed + "&scope=sector"),
            Figure(_("planned"), _n(counts, "campaigns", "planned"), listed),
        ),
        url=listed,
    )


def results_section(counts, today):
    """Results submitted (past draft) out of those expected, per cluster year: for a cluster's
    campaign its members, for a sector-wide one each member of a cluster of this year."""
    title = _("Results submitted per cluster")
    sector_phases = _n(counts, "phases", "sector")
    phase_count = sum(n for (section, _key), (_label, n) in counts.items() if section == "phases")
    bars = []
    members = sorted(
        (label.split(":", 2), int(key), n)
        for (section, key), (label, n) in counts.items()
        if section == "members"
    )
    for (cluster_id, year, name), pk, member_count in sorted(
        members, key=lambda m: (m[0][2], -int(m[0][1]))
    ):
        phases = _n(counts, "phases", str(pk))
        if int(year) == today.year:
            phases += sector_phases
        expected = member_count * phases
        if not expected:
            continue
        done = min(_n(counts, "submitted", str(pk)), expected)
        bars.append(
            Bar(
                f"{name} ({year})",
                (done, expected - done),
                href=reverse("units:cluster_year_detail", args=[int(cluster_id), int(year)]),
                note=_("%(done)d/%(expected)d submitted") % {"done": done, "expected": expected},
            )
        )
    if not bars:
        return OverviewSection("results", title, empty=_("No phase is collecting results now."))
    chart = Chart.horizontal(
        title,
        [_("Submitted"), _("Not yet submitted")],
        bars,
        note_label=_("Progress"),
        label_header=_("Cluster"),
        colours=(tone(0), REMAINDER),
    )
    return OverviewSection(
        "results",
        title,
        figures=(
            Figure(
                _("phases collecting results"),
                phase_count,
                reverse("campaigns:campaign_list") + f"?year={today.year}",
            ),
        ),
        chart=chart,
    )


def pledge_section(counts, today):
    listed = reverse("pledges:pledge_list")
    signed = _n(counts, "parties", "signed")
    parties = signed + _n(counts, "parties", "unsigned")
    return OverviewSection(
        "pledges",
        _("Emulation pledges of %(year)d") % {"year": today.year},
        figures=(
            Figure(_("pledges"), _n(counts, "pledges", "pledges"), listed),
            Figure(_("units signed"), f"{signed}/{parties}", listed),
        ),
        url=listed,
    )


def ballot_section(counts):
    listed = reverse("evaluations:ballot_list")
    return OverviewSection(
        "ballots",
        _("Secret ballots"),
        figures=(Figure(_("open for voting"), _n(counts, "ballots", "open"), listed),),
        url=listed,
    )


def proposal_section(counts):
    listed = reverse("evaluations:proposal_list")
    return OverviewSection(
        "proposals",
        _("Award proposals by state"),
        figures=tuple(
            Figure(
                str(status.label),
                _n(counts, "proposals", status.value),
                f"{listed}?status={status.value}",
            )
            # A draft is its unit's own: shown only when the user has some.
            for status in ProposalStatus
            if status != ProposalStatus.DRAFT or _n(counts, "proposals", status.value)
        ),
        url=listed,
    )


def award_section(counts):
    """Award records per year (the sector's shared record, read by every signed-in user)."""
    title = _("Awards per year")
    years = sorted(
        (int(key), n) for (section, key), (_label, n) in counts.items() if section == "awards"
    )[-AWARD_YEARS:]
    if not years:
        return OverviewSection("awards", title, empty=_("No award is recorded yet."))
    chart = Chart.columns(
        title, _("Awards"), [Bar(str(year), (n,)) for year, n in years], label_header=_("Year")
    )
    return OverviewSection("awards", title, chart=chart)
