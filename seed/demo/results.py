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
from evaluations.results import services
from evaluations.results.choices import ExtensionRequestStatus, SubmissionStatus
from evaluations.results.models import (
    Extension,
    ExtensionRequest,
    RankingPublication,
    Score,
    Submission,
    SubmissionEvent,
)
from seed.demo.units import CLUSTER2_2019
from units.models import Unit, User

CODES = [row[0] for row in CLUSTER2_2019]
# unit code -> final state in phase 1 of the 80th-anniversary campaign
STATES_80 = {
    "TT-HYE": "accepted",
    "TT-HNA": "accepted",
    "TT-HDU": "accepted",
    "TT-BNI": "accepted",
    "TT-TBI": "accepted",
    "TT-VPH": "accepted",
    "TT-NDI": "late",
    "TT-QNI": "returned",
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
def seed_results():
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
                # The unit asked for more time; the secretariat granted it.
                ExtensionRequest.objects.get_or_create(
                    phase=phase,
                    unit=units[code],
                    status=ExtensionRequestStatus.GRANTED,
                    defaults={
                        "wished_until": date(2025, 1, 20),
                        "reason": "Đơn vị đang hoàn thiện thủ tục sáp nhập.",
                        "granted_until": date(2025, 1, 17),
                        "comment": "Đồng ý gia hạn đến hết ngày 17/01/2025.",
                        "decided_by": admin,
                        "decided_at": timezone.now(),
                    },
                )
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
            if state == "draft":
                # Still in draft: the unit's request for more time waits on the progress board.
                ExtensionRequest.objects.get_or_create(
                    phase=phase,
                    unit=units[code],
                    status=ExtensionRequestStatus.PENDING,
                    defaults={
                        "wished_until": date(2025, 1, 31),
                        "reason": "Cán bộ phụ trách nghỉ ốm dài ngày, đơn vị cần thêm thời gian.",
                    },
                )

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
