"""The sector overview on the dashboard of sector administrators and sector viewers
(evaluations/overview.py): what it counts, where each figure leads, who sees it, and that
it costs the same number of queries with one cluster as with many."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.ballots.choices import BallotStatus
from evaluations.proposals.choices import ProposalStatus
from evaluations.results.choices import SubmissionStatus
from pledges.models import Signature
from tests.factories.campaigns import CampaignFactory, PhaseFactory, SectorCampaignFactory
from tests.factories.evaluations import (
    AwardProposalFactory,
    AwardRecordFactory,
    BallotFactory,
    SubmissionFactory,
)
from tests.factories.pledges import PledgeFactory, PledgePartyFactory
from tests.factories.units import ClusterMembershipFactory, ClusterYearFactory

pytestmark = pytest.mark.django_db

MEMBERS = 3


def under_way(campaign, today):
    return PhaseFactory(
        campaign=campaign,
        start_date=today - timedelta(days=10),
        end_date=today + timedelta(days=10),
        results_deadline=today + timedelta(days=12),
    )


def running(factory, today, **kwargs):
    return factory(
        start_date=today - timedelta(days=60), end_date=today + timedelta(days=60), **kwargs
    )


def sector_season(clusters, titles):
    """`clusters` cluster years of this year of three members each (each member also in a
    cluster of last year), with a running campaign whose phase collects results (one
    submitted, one accepted, one draft); a sector-wide phase that one member of each cluster
    submitted; a pledge signed by one member of three; an open ballot; a submitted and a
    draft proposal; two awards of last year."""
    today = timezone.localdate()
    sector_phase = under_way(running(SectorCampaignFactory, today), today)
    for _ in range(clusters):
        year = ClusterYearFactory(year=today.year)
        units = [ClusterMembershipFactory(cluster_year=year).unit for _ in range(MEMBERS)]
        last_year = ClusterYearFactory(year=today.year - 1)
        for unit in units:
            ClusterMembershipFactory(cluster_year=last_year, unit=unit)
        phase = under_way(running(CampaignFactory, today, cluster_year=year), today)
        for unit, status in zip(
            units,
            (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED, SubmissionStatus.DRAFT),
            strict=True,
        ):
            SubmissionFactory(phase=phase, unit=unit, status=status)
        SubmissionFactory(phase=sector_phase, unit=units[0], status=SubmissionStatus.SUBMITTED)
        pledge = PledgeFactory(cluster_year=year)
        parties = [PledgePartyFactory(pledge=pledge, unit=unit) for unit in units]
        Signature.objects.create(
            party=parties[0],
            signatory_name="Nguyễn Văn An",
            position="Chánh Thanh tra",
            signed_on=today,
            source="paper",
        )
        BallotFactory(cluster_year=year, status=BallotStatus.OPEN)
        for unit, status in (
            (units[1], ProposalStatus.SUBMITTED),
            (units[2], ProposalStatus.DRAFT),
        ):
            AwardProposalFactory(
                cluster_year=year,
                year=today.year,
                unit=unit,
                title=titles[("GK", "collective")],
                status=status,
            )
        for unit in units[:2]:
            AwardRecordFactory(year=today.year - 1, unit=unit, title=titles[("GK", "collective")])
    return today


class TextOf(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def page_text(page) -> str:
    parser = TextOf()
    parser.feed(page.content.decode())
    return " ".join(" ".join(parser.parts).split())


def sections(page) -> dict:
    return {section.key: section for section in page.context["overview"]}


def figures(section) -> dict:
    return {figure.label: figure for figure in section.figures}


@pytest.mark.parametrize("clusters", [1, 4])
def test_the_overview_counts_the_sector(client, admin_user, titles, clusters):
    today = sector_season(clusters, titles)
    client.force_login(admin_user)
    page = client.get(reverse("dashboard"))
    shown = sections(page)

    # Each cluster's campaign and the sector-wide one are running.
    assert figures(shown["campaigns"])["đang diễn ra"].value == clusters + 1
    assert figures(shown["campaigns"])["trong đó toàn ngành"].value == 1

    # Per cluster: 3 members × 2 phases under way; 2 + 1 submitted (drafts do not count,
    # nor last year's cluster of the same units).
    bars = shown["results"].chart.bars
    assert len(bars) == clusters
    assert {bar.note for bar in bars} == {"3/6 đã gửi"}
    assert {bar.values for bar in bars} == {(3, 3)}

    assert figures(shown["pledges"])["giao ước"].value == clusters
    assert figures(shown["pledges"])["đơn vị đã ký"].value == f"{clusters}/{clusters * MEMBERS}"
    assert figures(shown["ballots"])["đang bỏ phiếu"].value == clusters

    # Another unit's draft is not the administrator's to count.
    proposals = figures(shown["proposals"])
    assert proposals["Đã gửi"].value == clusters
    assert "Dự thảo" not in proposals

    awards = shown["awards"].chart.bars
    assert [(bar.label, bar.total) for bar in awards] == [(str(today.year - 1), 2 * clusters)]

    # The chart and its table carry the same figures.
    text = page_text(page)
    assert "Kết quả đã gửi theo cụm" in text
    assert text.count("3/6 đã gửi") >= clusters


def test_every_figure_leads_to_its_list(client, admin_user, titles):
    sector_season(2, titles)
    client.force_login(admin_user)
    shown = sections(client.get(reverse("dashboard")))
    for section in shown.values():
        for figure in section.figures:
            assert figure.url, figure
            assert client.get(figure.url).status_code == 200, figure.url
    # The proposals' states lead to the list filtered by that state, listing as many.
    submitted = figures(shown["proposals"])["Đã gửi"]
    listed = client.get(submitted.url)
    assert listed.context["page_obj"].paginator.count == submitted.value == 2
    # Each cluster's bar leads to its cluster year.
    for bar in shown["results"].chart.bars:
        assert client.get(bar.href).status_code == 200


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("admin", True),
        ("viewer", True),
        ("secretariat", False),
        ("officer", False),
        ("leader", False),
        ("outsider", False),
    ],
)
def test_who_sees_the_overview(client, user_of, titles, role, sees):
    sector_season(1, titles)
    client.force_login(user_of(role))
    page = client.get(reverse("dashboard"))
    assert bool(page.context["overview"]) is sees
    assert ("Toàn cảnh ngành" in page_text(page)) is sees


def test_a_viewer_counts_what_a_viewer_may_see(client, user_of, titles):
    """Open ballots and submitted proposals are not a sector viewer's to read: the figures
    say 0, as the lists they lead to show nothing."""
    sector_season(2, titles)
    client.force_login(user_of("viewer"))
    shown = sections(client.get(reverse("dashboard")))
    assert figures(shown["ballots"])["đang bỏ phiếu"].value == 0
    assert figures(shown["proposals"])["Đã gửi"].value == 0
    assert len(shown["results"].chart.bars) == 2


def test_an_empty_sector_says_so(client, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("dashboard"))
    text = page_text(page)
    assert "Không có đợt nào đang nhận kết quả." in text
    assert "Chưa có khen thưởng nào được ghi nhận." in text


@pytest.mark.parametrize("clusters", [1, 5])
# The overview is one query (a UNION ALL of grouped counts): the administrator's dashboard
# stays within the benchmark's bound of 12 queries a page (scripts/bench.py TARGETS).
@pytest.mark.parametrize(("role", "queries"), [("admin", 12), ("viewer", 10)])
def test_the_overview_costs_the_same_whatever_the_sector(
    client, user_of, titles, get_in_queries, role, queries, clusters
):
    sector_season(clusters, titles)
    client.force_login(user_of(role))
    page = get_in_queries(reverse("dashboard"), queries)
    assert len(sections(page)["results"].chart.bars) == clusters
