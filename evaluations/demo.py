"""Demo results: phase 1 of the 80th-anniversary campaign (nine units, mixed states) and
the 2019 final review of Cluster No. 2 with its published ranking.

These are past records entered as an import would: rows are written directly, then the
same totals, history and publication code as the live workflow runs on them.
"""

import random
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from campaigns.models import Campaign, Phase
from campaigns.selectors import current_rubric
from campaigns.services import rubric_freeze
from evaluations import services
from evaluations.choices import SubmissionStatus
from evaluations.models import Extension, RankingPublication, Score, Submission, SubmissionEvent
from units.demo import CLUSTER2_2019
from units.models import Unit, User

CODES = [row[0] for row in CLUSTER2_2019]
# unit code -> final state in phase 1 of the 80th-anniversary campaign
STATES_80 = {
    "TT-HYE": "accepted",
    "TT-HNA": "accepted",
    "TT-HDU": "accepted",
    "TT-BNI": "accepted",
    "TT-TBI": "accepted",
    "TT-VPH": "returned",
    "TT-NDI": "late",
    "TT-QNI": "accepted",
    "TT-NBI": "draft",
}


def _scores(rubric, rng, strength):
    values = {}
    for criterion in rubric.criteria.all():
        if criterion.kind == "normal":
            share = min(Decimal("1"), Decimal(strength + rng.randint(-8, 4)) / Decimal("100"))
            values[criterion.pk] = (criterion.max_points * share).quantize(Decimal("0.5"))
        elif criterion.kind == "bonus":
            values[criterion.pk] = criterion.max_points if rng.random() < 0.4 else Decimal("0")
        else:
            values[criterion.pk] = Decimal("1") if rng.random() < 0.2 else Decimal("0")
    return values


def _record(phase, unit, state, reviewer, rng, strength, submitted_on):
    if Submission.objects.filter(phase=phase, unit=unit).exists():
        return
    rubric = current_rubric(phase.campaign)
    submission = Submission.objects.create(phase=phase, unit=unit, rubric=rubric)
    scores = _scores(rubric, rng, strength)
    Score.objects.bulk_create(
        Score(
            submission=submission,
            criterion_id=criterion_id,
            self_score=value,
            explanation="Theo báo cáo kết quả công tác của đơn vị.",
        )
        for criterion_id, value in scores.items()
    )
    steps = [("", SubmissionStatus.DRAFT)]
    if state != "draft":
        submission.submitted_at = timezone.make_aware(
            timezone.datetime.combine(submitted_on, timezone.datetime.min.time())
        )
        submission.is_late = submitted_on > phase.results_deadline
        steps.append((SubmissionStatus.DRAFT, SubmissionStatus.SUBMITTED))
    if state == "accepted":
        first = Score.objects.filter(submission=submission, criterion__kind="normal").first()
        if rng.random() < 0.6 and first.self_score:
            first.reviewed_score = first.self_score - Decimal("1")
            first.review_reason = "Minh chứng chưa thể hiện đầy đủ kết quả đã báo cáo."
            first.reviewed_by = reviewer
            first.reviewed_at = timezone.now()
            first.save()
        steps.append((SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED))
    if state == "returned":
        submission.comment = "Đề nghị bổ sung minh chứng cho nhóm tiêu chí A."
        steps.append((SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED))
    submission.status = steps[-1][1] if state != "late" else SubmissionStatus.SUBMITTED
    submission.save()
    for before, after in steps:
        SubmissionEvent.objects.create(
            submission=submission,
            from_status=before,
            to_status=after,
            actor=reviewer
            if after in (SubmissionStatus.ACCEPTED, SubmissionStatus.RETURNED)
            else None,
            comment=submission.comment if after == SubmissionStatus.RETURNED else "",
        )
    services.refresh_totals(submission)
    if state != "draft":
        rubric_freeze(rubric=rubric)


@transaction.atomic
def seed_evaluations():
    admin = User.objects.get(username="admin")
    units = {u.code: u for u in Unit.objects.filter(code__in=CODES)}
    rng = random.Random(80)

    c80 = Campaign.objects.filter(
        title__startswith="Phong trào thi đua yêu nước chào mừng 80 năm"
    ).first()
    if c80 is not None:
        phase = Phase.objects.filter(campaign=c80).order_by("start_date").first()
        for i, code in enumerate(CODES):
            state = STATES_80[code]
            submitted_on = date(2025, 1, 8)
            if state == "late":
                Extension.objects.get_or_create(
                    phase=phase,
                    unit=units[code],
                    defaults={
                        "until": date(2025, 1, 17),
                        "reason": "Đơn vị đang hoàn thiện thủ tục sáp nhập.",
                        "granted_by": admin,
                    },
                )
                submitted_on = date(2025, 1, 15)
            _record(phase, units[code], state, admin, rng, 78 + 2 * i, submitted_on)

    c2019 = Campaign.objects.filter(
        title="Phong trào thi đua năm 2019 của Cụm Thi đua số 2"
    ).first()
    if c2019 is not None:
        final = Phase.objects.filter(campaign=c2019).order_by("-start_date").first()
        for i, code in enumerate(CODES):
            _record(
                final, units[code], "accepted", admin, rng, 80 + (i * 7) % 18, date(2019, 12, 3)
            )
        if not RankingPublication.objects.filter(phase=final).exists():
            services.ranking_publish(
                phase=final, actor=admin, note="Hội nghị tổng kết ngày 18/12/2019"
            )

    seed_ballots()


# Secret ballots -----------------------------------------------------------------------
BALLOT_2019 = "Bình xét, suy tôn thi đua năm 2019 của Cụm Thi đua số 2"
BALLOT_2026 = "Bình xét thi đua năm 2026 của Cụm Thi đua số 2"
# The 2019 paper ballot: 9 eligible, 9 cast; votes per candidate in ranking order.
PAPER_2019 = {"CO_TTCP": [8, 1, 0], "BK_TTCP": [9, 8, 7, 2, 1]}


def _past(moment_date):
    return timezone.make_aware(
        timezone.datetime(moment_date.year, moment_date.month, moment_date.day, 16)
    )


def seed_ballots():
    """The 2019 selection vote of Cluster No. 2 (archived units, no users: recorded from the
    paper ballots and tallied), and the 2026 ballot open for the demo leaders."""
    from evaluations import ballots
    from evaluations.ballot_models import Ballot
    from evaluations.ballots import QuestionData
    from pledges.models import Title
    from units.models import ClusterYear

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
        ballots.ballot_open(ballot=ballot, actor=secretary)
        # Quảng Ninh's leader has voted already (the dashboard shows the others "vote").
        leader = User.objects.filter(username="lanhdao.qni").first()
        if leader is not None:
            ballots.ballot_vote(ballot=ballot, actor=leader, choices={})
