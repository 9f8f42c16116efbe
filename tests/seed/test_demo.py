"""The demo data, and every page each demo user can reach from it."""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from seed.demo.units import CLUSTER2_2019, DEMO_PASSWORD, THEME_2019
from units.models import ClusterYear, Person, Unit, User

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


@pytest.fixture
def demo(db):
    call_command("seed_demo", verbosity=0)


def test_seed_demo_builds_cluster_2(demo):
    year_2019 = ClusterYear.objects.get(cluster__code="CUM2", year=2019)
    assert year_2019.theme == THEME_2019
    assert year_2019.chair_unit.name == "Thanh tra tỉnh Hà Nam"
    assert year_2019.memberships.count() == 9
    assert {m.unit.code for m in year_2019.memberships.all()} == {row[0] for row in CLUSTER2_2019}
    for year in (2024, 2025):
        cy = ClusterYear.objects.get(cluster__code="CUM2", year=year)
        assert cy.chair_unit and cy.vice_chair_unit
    assert Unit.objects.get(code="TTCP").children.count() >= 9


def test_seed_demo_applies_the_2025_mergers_keeping_history(demo):
    thai_binh = Unit.objects.get(code="TT-TBI")
    assert thai_binh.merged_into.code == "TT-HYE"
    assert not thai_binh.is_active
    # Its staff now work in Hưng Yên, with their Thái Bình years kept.
    moved = Person.objects.filter(employments__unit=thai_binh).distinct()
    assert moved.exists()
    assert all(p.unit.code == "TT-HYE" for p in moved)
    assert ClusterYear.objects.get(cluster__code="CUM2", year=2019).members.filter(pk=thai_binh.pk)


def test_seed_demo_shows_amounts_of_both_decrees_and_both_base_salaries(demo):
    from datetime import date
    from decimal import Decimal

    from evaluations.awards.models import AwardRecord, BaseSalary
    from pledges.models import TitleMultiplier

    salary = BaseSalary.objects.get(valid_from=date(2026, 7, 1))
    assert salary.amount == Decimal("2530000") and "161/2026" in salary.legal_basis
    certificate = TitleMultiplier.objects.get(
        title__code="BK_TTCP", title__recipient="person", valid_from=date(2025, 7, 1)
    )
    assert (certificate.multiplier, certificate.valid_until) == (Decimal("1.5"), None)
    assert "152/2025" in certificate.legal_basis and not certificate.to_verify
    awards = AwardRecord.objects.filter(title__code="BK_TTCP")

    def amounts(**where):
        return {
            (r.amount, r.multiplier, r.amount_to_verify)
            for r in awards.filter(**where).order_by("pk")
        }

    # 2019: the amount written on the decision (Decree 91/2017, 1,490,000 VND), kept as is.
    assert amounts(year=2019, person__isnull=True) == {(Decimal("2980000"), None, False)}
    # Before 01/7/2025: Decree 98/2023 (the certificate's figure to verify) × 2,340,000.
    before = amounts(decision_date__lt=date(2025, 7, 1), person__isnull=False)
    assert before == {(Decimal("2340000"), Decimal("1.0"), True)}
    # After 01/7/2026: Decree 152/2025 × 2,530,000; the collective figure is to verify.
    after = amounts(decision_date__gte=date(2026, 7, 1))
    assert after == {
        (Decimal("3795000"), Decimal("1.5"), False),
        (Decimal("7590000"), Decimal("3.0"), True),
    }


def test_demo_users_sign_in_with_the_documented_password(demo, client):
    response = client.post("/accounts/login/", {"username": "canbo.hye", "password": DEMO_PASSWORD})
    assert response.status_code == 302


def test_seed_demo_is_idempotent(demo):
    counts = (Unit.objects.count(), Person.objects.count(), User.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Unit.objects.count(), Person.objects.count(), User.objects.count()) == counts


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append(href)


def _internal(href):
    href = urldefrag(href)[0]
    parsed = urlparse(href)
    if parsed.scheme or parsed.netloc or not href.startswith("/"):
        return None
    if href.startswith(("/static/", "/admin/", "/accounts/logout")) or href.endswith(".xlsx"):
        return None
    return href


def crawl(client, limit=150):
    seen, queue, visited = {"/"}, ["/"], []
    while queue and len(visited) < limit:
        url = queue.pop(0)
        response = client.get(url)
        if response.status_code == 302:  # e.g. "my registration" opens the unit's own one
            target = _internal(response.url)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
            continue
        visited.append((url, response))
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = _Links()
        parser.feed(response.content.decode())
        for href in parser.links:
            target = _internal(href)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
    return visited


@pytest.mark.parametrize(
    "username", ["admin", "giamsat", "thuky.cum2", "canbo.hye", "lanhdao.nbi", "canbo.qni"]
)
def test_every_demo_page_renders_within_query_bound(
    demo, client, username, django_assert_max_num_queries
):
    client.force_login(User.objects.get(username=username))
    pages = []
    for url, response in crawl(client):
        pages.append(url)
        assert response.status_code == 200, (username, url, response.status_code)
    assert len(pages) > 10
    # Each page on its own stays within the bound.
    for url in pages:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert len(queries) <= MAX_QUERIES, (url, len(queries))


def test_every_demo_user_has_an_unread_notification(demo, client):
    from notifications.models import Notification

    demo_users = User.objects.filter(
        username__regex=r"^(admin|giamsat|thuky\.cum2|canbo\..+|lanhdao\..+)$"
    )
    assert demo_users.count() > 10
    for user in demo_users:
        assert Notification.objects.filter(recipient=user, read_at__isnull=True).exists(), user
    client.force_login(User.objects.get(username="giamsat"))
    assert 'notification-count">' in client.get("/").content.decode()


def test_demo_has_a_nominee_list_with_a_finding(demo, client):
    from evaluations.proposals.models import NomineeList

    nominee_list = NomineeList.objects.get()
    assert nominee_list.proposals.count() == 5
    client.force_login(User.objects.get(username="canbo.hye"))
    page = client.get(f"/proposals/lists/{nominee_list.pk}/")
    assert (page.context["passing"], page.context["failing"]) == (4, 1)


def test_demo_has_award_proposals_in_every_state(demo):
    from evaluations.awards.models import AwardRecord
    from evaluations.proposals.choices import ProposalStatus
    from evaluations.proposals.models import AwardProposal

    states = set(AwardProposal.objects.values_list("status", flat=True))
    assert states == set(ProposalStatus.values)
    # The 2019 winners' proposals are approved by Decision 112/QĐ-TTCP (test_demo_decisions).
    approved = AwardProposal.objects.filter(status=ProposalStatus.APPROVED).exclude(year=2019)
    assert approved.count() == 2  # decided on 15/01/2026 and on 20/7/2026
    assert AwardRecord.objects.filter(proposal__in=approved).count() == 2


def test_demo_eligibility_people(demo):
    """The award history gives one person the sector fighter title's three years, not the other."""
    from evaluations.proposals.eligibility import findings_for
    from evaluations.proposals.models import AwardProposal

    proposals = AwardProposal.objects.filter(title__code="CSTD_NGANH").select_related("title")
    blocking = {p.status: {f.rule for f in findings_for(p) if f.blocking} for p in proposals}
    assert blocking == {"submitted": set(), "draft": {"R3"}}


def test_the_open_demo_ballot_closes_with_the_demo_key_file(demo):
    """The 2026 demo ballot is sealed; its key sits in the demo key file (demo only), and
    the tallied 2019 paper ballot keeps its totals."""
    from evaluations.ballots import services as ballots
    from evaluations.ballots.models import Ballot, BallotEnvelope
    from seed.demo.ballots import BALLOT_2019, BALLOT_2026, demo_key_path

    past = Ballot.objects.get(title=BALLOT_2019)
    assert past.is_tallied and past.is_paper and past.cast_count == 9
    ballot = Ballot.objects.get(title=BALLOT_2026)
    assert ballot.is_open and ballot.public_key
    assert BallotEnvelope.objects.filter(ballot=ballot).count() == ballot.cast_count == 1
    text = demo_key_path().read_text(encoding="utf-8")
    assert BALLOT_2026 in text
    secretary = User.objects.get(username="thuky.cum2")
    closed = ballots.ballot_close(ballot=ballot, actor=secretary, key=text)
    assert closed.is_closed


@pytest.mark.parametrize("username", ["admin", "giamsat"])
def test_the_demo_sector_overview_has_something_to_show(demo, client, monkeypatch, username):
    """The administrator and the sector viewer open the demo on a sector overview with its
    charts: results per cluster and awards per year (on a day of the demo's running 2026
    year, whenever the test runs)."""
    from datetime import date

    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: date(2026, 9, 15))
    client.force_login(User.objects.get(username=username))
    sections = {s.key: s for s in client.get("/").context["overview"]}
    assert sections["results"].chart and sections["results"].chart.bars
    assert sections["awards"].chart and sections["awards"].chart.bars
    assert sections["campaigns"].figures[0].value > 0


def test_demo_shows_the_2019_statistics_of_cluster_2(demo, client):
    from django.urls import reverse

    year_2019 = ClusterYear.objects.get(cluster__code="CUM2", year=2019)
    client.force_login(User.objects.get(username="admin"))

    def total(slug, row):
        html = client.get(
            reverse("evaluations:statistics_cluster", args=[year_2019.pk, slug])
        ).content.decode()
        marker = f'data-cell="{row}-1">'
        start = html.index(marker) + len(marker)
        return html[start : html.index("</td>", start)]

    # Decided from 01/12/2018 to 30/11/2019: the sector's awards for 2018, a medal and a
    # thematic certificate (0603); the Prime Minister's certificate (0602); the cluster's
    # 2019 movement (0601); each member's emulation officer (0605).
    assert total("0603", "01") == "7"
    assert total("0603", "12") == "1"
    assert total("0602", "1") == "1"
    assert total("0601", "01") == "1"
    assert total("0605", "01") == "6"
