"""Demo secret ballots: the 2019 selection vote of Cluster No. 2, recorded from the paper
ballots, and the 2026 ballot open for the demo leaders. The open ballot's votes are
sealed: its key, which a real secretariat keeps on paper, is written to
var/demo-ballot-key.txt (demo only) so that the demo ballot can be closed."""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from campaigns.models import Campaign, Phase
from evaluations.ballots import services as ballots
from evaluations.ballots.models import Ballot
from evaluations.ballots.services import QuestionData
from pledges.models import Title
from units.models import ClusterYear, User

BALLOT_2019 = "Bình xét, suy tôn thi đua năm 2019 của Cụm Thi đua số 2"
BALLOT_2026 = "Bình xét thi đua năm 2026 của Cụm Thi đua số 2"
# The 2019 paper ballot: 9 eligible, 9 cast; votes per candidate in ranking order.
PAPER_2019 = {"CO_TTCP": [8, 1, 0], "BK_TTCP": [9, 8, 7, 2, 1]}


def demo_key_path() -> Path:
    return Path(
        getattr(settings, "DEMO_BALLOT_KEY_FILE", settings.BASE_DIR / "var" / "demo-ballot-key.txt")
    )


def _write_demo_key(ballot) -> None:
    """Demo only: the key a secretariat would keep, saved where the demo user finds it."""
    path = demo_key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        render_to_string(
            "evaluations/ballots/ballot_key.txt", {"ballot": ballot, "key": ballot.issued_key}
        ),
        encoding="utf-8",
    )


def _past(moment_date):
    return timezone.make_aware(
        timezone.datetime(moment_date.year, moment_date.month, moment_date.day, 16)
    )


def seed_ballots():
    """The 2019 selection vote of Cluster No. 2 (archived units, no users: recorded from the
    paper ballots and tallied), and the 2026 ballot open for the demo leaders."""
    admin = User.objects.get(username="admin")
    titles = {t.code: t for t in Title.objects.filter(recipient="collective")}
    year_2019 = ClusterYear.objects.filter(cluster__code="CUM2", year=2019).first()
    c2019 = Campaign.objects.filter(
        title="Phong trào thi đua năm 2019 của Cụm Thi đua số 2"
    ).first()
    if year_2019 and c2019 and not Ballot.objects.filter(title=BALLOT_2019).exists():
        final = Phase.objects.filter(campaign=c2019).order_by("-start_date").first()
        meeting = date(2019, 12, 18)
        ballot = ballots.ballot_create(
            cluster_year=year_2019,
            actor=admin,
            title=BALLOT_2019,
            phase=final,
            meeting_date=meeting,
            meeting_place="Thanh tra tỉnh Hà Nam",
            questions=[
                QuestionData(
                    text="Đơn vị đề nghị tặng Cờ thi đua của Thanh tra Chính phủ",
                    title=titles.get("CO_TTCP"),
                    places=1,
                    from_ranking=3,
                ),
                QuestionData(
                    text="Đơn vị đề nghị tặng Bằng khen của Tổng Thanh tra Chính phủ",
                    title=titles.get("BK_TTCP"),
                    places=3,
                    from_ranking=5,
                ),
            ],
        )
        ballots.ballot_open(ballot=ballot, actor=admin)
        votes = {}
        for question in ballot.questions.select_related("title"):
            counts = PAPER_2019[question.title.code]
            for candidate, count in zip(
                question.candidates.order_by("order"), counts, strict=False
            ):
                votes[candidate.pk] = count
        ballots.paper_totals_enter(
            ballot=ballot, actor=admin, cast_count=9, present_count=9, votes=votes
        )
        ballots.ballot_close(ballot=ballot, actor=admin)
        ballots.ballot_publish(ballot=ballot, actor=admin)
        Ballot.objects.filter(pk=ballot.pk).update(
            opened_at=_past(meeting),
            closed_at=_past(meeting),
            published_at=_past(date(2019, 12, 20)),
        )

    year_2026 = ClusterYear.objects.filter(cluster__code="CUM2", year=2026).first()
    secretary = User.objects.filter(username="thuky.cum2").first()
    if year_2026 and secretary and not Ballot.objects.filter(title=BALLOT_2026).exists():
        c2026 = Campaign.objects.filter(cluster_year=year_2026).first()
        ballot = ballots.ballot_create(
            cluster_year=year_2026,
            actor=secretary,
            title=BALLOT_2026,
            campaign=c2026,
            meeting_date=timezone.localdate(),
            meeting_place="Thanh tra tỉnh Hưng Yên",
            questions=[
                QuestionData(
                    text="Đơn vị đề nghị tặng Cờ thi đua của Thanh tra Chính phủ",
                    title=titles.get("CO_TTCP"),
                    places=1,
                ),
                QuestionData(
                    text="Đơn vị đề nghị tặng Bằng khen của Tổng Thanh tra Chính phủ",
                    title=titles.get("BK_TTCP"),
                    places=2,
                ),
            ],
        )
        for question in ballot.questions.all():
            for unit in year_2026.members.filter(is_active=True).order_by("name"):
                ballots.candidate_add(question=question, actor=secretary, unit=unit)
        ballot = ballots.ballot_open(ballot=ballot, actor=secretary)
        _write_demo_key(ballot)
        # Quảng Ninh's leader has voted already (the dashboard shows the others "vote").
        leader = User.objects.filter(username="lanhdao.qni").first()
        if leader is not None:
            ballots.ballot_vote(ballot=ballot, actor=leader, choices={})
