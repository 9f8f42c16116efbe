from datetime import date
from decimal import Decimal
from threading import Thread

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from core.exceptions import ActionRefused
from evaluations.results import services
from evaluations.results.choices import SubmissionStatus
from evaluations.results.models import Extension, RankingEntry, Score, Submission, SubmissionEvent

pytestmark = pytest.mark.django_db

ON_TIME = date(2025, 7, 1)
LATE = date(2025, 7, 20)


def fill(submission, officer, **values):
    """Self-score every criterion (A1=8, A2=4, B1=2 unless given) and attach A2's evidence."""
    codes = {
        s.criterion.code: s.criterion_id
        for s in Score.objects.filter(submission=submission).select_related("criterion")
    }
    chosen = {"A1": Decimal("8"), "A2": Decimal("4"), "B1": Decimal("2"), **values}
    services.submission_save(
        submission=submission,
        actor=officer,
        scores={
            codes[c]: {"self_score": v, "explanation": f"Giải trình {c}"} for c, v in chosen.items()
        },
    )
    return codes


def attach(submission, officer, code="A2"):
    criterion = Score.objects.get(submission=submission, criterion__code=code).criterion
    services.evidence_add(
        submission=submission,
        actor=officer,
        criterion=criterion,
        uploaded=SimpleUploadedFile("Biên bản kiểm tra.pdf", b"%PDF-1.4\n%\n"),
    )


def test_start_creates_a_row_per_criterion_on_the_current_rubric(submission, rubric):
    assert submission.rubric == rubric
    assert Score.objects.filter(submission=submission).count() == 3


def test_totals_kept_with_bonus_capped(submission, officer):
    fill(submission, officer, B1=Decimal("3"))
    submission.refresh_from_db()
    assert submission.self_total == Decimal("15.00")  # 8 + 4 + min(3, cap 5)
    assert submission.scored_count == 3 and submission.missing_evidence_count == 1


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        (Decimal("10"), True),
        (Decimal("10.01"), False),
        (Decimal("-1"), False),
        (Decimal("2.5"), True),
        (Decimal("2.555"), False),
    ],
)
def test_score_limits(submission, officer, value, ok):
    if ok:
        fill(submission, officer, A1=value)
        assert Score.objects.get(submission=submission, criterion__code="A1").self_score == value
    else:
        with pytest.raises(ActionRefused):
            fill(submission, officer, A1=value)
        assert Score.objects.get(submission=submission, criterion__code="A1").self_score is None


def test_submit_needs_every_score_and_required_evidence(submission, officer):
    fill(submission, officer, A1=None)
    with pytest.raises(ActionRefused):
        services.submission_submit(submission=submission, actor=officer, today=ON_TIME)
    fill(submission, officer)
    with pytest.raises(ActionRefused):  # A2 needs evidence
        services.submission_submit(submission=submission, actor=officer, today=ON_TIME)
    attach(submission, officer)
    services.submission_submit(submission=submission, actor=officer, today=ON_TIME)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED and not submission.is_late
    assert submission.rubric.frozen_at is not None  # the first submission freezes the rubric


def test_after_deadline_refused_until_extension_then_marked_late(
    submission, officer, secretariat, phase, our_unit
):
    fill(submission, officer)
    attach(submission, officer)
    with pytest.raises(ActionRefused):
        services.submission_submit(submission=submission, actor=officer, today=LATE)
    with pytest.raises(ActionRefused):  # an extension must have a reason
        services.extension_grant(
            phase=phase, unit=our_unit, actor=secretariat, until=date(2025, 7, 25), reason=" "
        )
    services.extension_grant(
        phase=phase, unit=our_unit, actor=secretariat, until=date(2025, 7, 25), reason="Sáp nhập"
    )
    services.submission_submit(submission=submission, actor=officer, today=LATE)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED and submission.is_late
    assert Extension.objects.get(unit=our_unit).granted_by == secretariat


def test_officer_cannot_grant_an_extension(officer, phase, our_unit):
    with pytest.raises(ActionRefused):
        services.extension_grant(
            phase=phase, unit=our_unit, actor=officer, until=date(2025, 7, 25), reason="x"
        )


def test_submitted_results_are_locked(submission, officer):
    fill(submission, officer)
    attach(submission, officer)
    services.submission_submit(submission=submission, actor=officer, today=ON_TIME)
    with pytest.raises(ActionRefused):
        fill(submission, officer, A1=Decimal("1"))
    with pytest.raises(ActionRefused):
        services.submission_submit(submission=submission, actor=officer, today=ON_TIME)
    assert SubmissionEvent.objects.filter(submission=submission, to_status="submitted").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submits_make_one_submission(submission, officer, leader):
    fill(submission, officer)
    attach(submission, officer)
    outcomes = []

    def submit(user):
        try:
            services.submission_submit(submission=submission, actor=user, today=ON_TIME)
            outcomes.append("ok")
        except ActionRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [Thread(target=submit, args=(u,)) for u in (officer, leader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert SubmissionEvent.objects.filter(submission=submission, to_status="submitted").count() == 1


def test_leader_approval_required_by_the_cluster(submission, officer, leader, cluster_year):
    cluster_year.leader_approval_required = True
    cluster_year.save()
    fill(submission, officer)
    attach(submission, officer)
    with pytest.raises(ActionRefused):
        services.submission_submit(submission=submission, actor=officer, today=ON_TIME)
    services.submission_submit(submission=submission, actor=leader, today=ON_TIME)
    submission.refresh_from_db()
    assert submission.leader_approved_by == leader


def submitted(submission, officer):
    codes = fill(submission, officer)
    attach(submission, officer)
    services.submission_submit(submission=submission, actor=officer, today=ON_TIME)
    return codes


def test_review_needs_reason_and_changes_final_total(submission, officer, secretariat):
    codes = submitted(submission, officer)
    with pytest.raises(ActionRefused):
        services.review_scores(
            submission=submission, actor=secretariat, reviews={codes["A1"]: (Decimal("6"), "")}
        )
    services.review_scores(
        submission=submission,
        actor=secretariat,
        reviews={codes["A1"]: (Decimal("6"), "Thiếu minh chứng")},
    )
    submission.refresh_from_db()
    assert (submission.self_total, submission.final_total) == (Decimal("14.00"), Decimal("12.00"))
    score = Score.objects.get(submission=submission, criterion_id=codes["A1"])
    assert (score.self_score, score.reviewed_score, score.review_reason) == (
        Decimal("8"),
        Decimal("6"),
        "Thiếu minh chứng",
    )


def test_return_resubmit_accept_keeps_every_round(submission, officer, secretariat):
    submitted(submission, officer)
    services.submission_return(
        submission=submission, actor=secretariat, comment="Bổ sung minh chứng"
    )
    fill(submission, officer, A1=Decimal("9"))
    services.submission_submit(submission=submission, actor=officer, today=ON_TIME)
    services.submission_accept(submission=submission, actor=secretariat)
    steps = list(
        SubmissionEvent.objects.filter(submission=submission).values_list(
            "from_status", "to_status"
        )
    )
    assert steps == [
        ("", "draft"),
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "accepted"),
    ]


def test_other_units_and_officers_cannot_review(submission, officer, other_officer):
    codes = submitted(submission, officer)
    for user in (officer, other_officer):
        with pytest.raises(ActionRefused):
            services.review_scores(
                submission=submission, actor=user, reviews={codes["A1"]: (Decimal("1"), "x")}
            )
        with pytest.raises(ActionRefused):
            services.submission_accept(submission=submission, actor=user)


def test_other_unit_cannot_write_our_results(submission, other_officer):
    with pytest.raises(ActionRefused):
        fill(submission, other_officer)


def test_wrong_evidence_file_refused(submission, officer):
    criterion = Score.objects.filter(submission=submission).first().criterion
    with pytest.raises(ActionRefused):
        services.evidence_add(
            submission=submission,
            actor=officer,
            criterion=criterion,
            uploaded=SimpleUploadedFile("minh-chung.pdf", b"MZ\x90 not a pdf"),
        )


def test_publish_ranks_accepted_results_with_bands(
    phase, officer, other_officer, secretariat, our_unit, other_unit, rubric
):
    rubric.band_excellent_from, rubric.band_good_from = Decimal("14"), Decimal("10")
    rubric.save()
    ours = services.submission_start(phase=phase, unit=our_unit, actor=officer)
    theirs = services.submission_start(phase=phase, unit=other_unit, actor=other_officer)
    submitted(ours, officer)
    fill(theirs, other_officer, A1=Decimal("10"))
    attach(theirs, other_officer)
    services.submission_submit(submission=theirs, actor=other_officer, today=ON_TIME)
    for s in (ours, theirs):
        services.submission_accept(submission=s, actor=secretariat)
    services.ranking_publish(phase=phase, actor=secretariat)
    ranking = [(e.rank, e.unit_id, e.total, e.band) for e in RankingEntry.objects.order_by("rank")]
    assert ranking == [
        (1, other_unit.pk, Decimal("16.00"), "excellent"),
        (2, our_unit.pk, Decimal("14.00"), "excellent"),
    ]
    with pytest.raises(ActionRefused):
        services.ranking_publish(phase=phase, actor=secretariat)


def test_publish_without_accepted_results_refused(phase, secretariat):
    with pytest.raises(ActionRefused):
        services.ranking_publish(phase=phase, actor=secretariat)
    assert not Submission.objects.exists()


def test_returned_results_may_come_back_after_the_deadline(submission, officer, secretariat):
    submitted(submission, officer)
    services.submission_return(submission=submission, actor=secretariat, comment="Bổ sung")
    services.submission_submit(submission=submission, actor=officer, today=LATE)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED and not submission.is_late
