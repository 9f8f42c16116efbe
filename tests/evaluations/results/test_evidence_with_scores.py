"""Issue 14: attaching evidence never loses typed scores. One form carries the scores and
the files chosen on each criterion's row; posting it saves the draft and the files together,
and a refused file leaves everything typed on the page (nothing saved)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.exceptions import ActionRefused
from evaluations.results import services
from evaluations.results.choices import EvidenceKind, SubmissionStatus
from evaluations.results.models import Evidence, Score
from tests.helpers.browser_form import page_form
from units.models import AuditEntry

pytestmark = pytest.mark.django_db

ON_TIME = date(2025, 7, 1)


def pdf(name="Biên bản.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%\n", content_type="application/pdf")


def criteria(submission):
    return {
        s.criterion.code: s.criterion
        for s in Score.objects.filter(submission=submission).select_related("criterion")
    }


def opened(client, submission):
    """The score form as the page renders it: its data and its file inputs."""
    response = client.get(reverse("evaluations:submission", args=[submission.pk]))
    assert response.status_code == 200
    return page_form(response.content, "scores")


def test_evidence_attached_on_its_row_keeps_the_typed_scores(client, officer, submission):
    client.force_login(officer)
    codes = criteria(submission)
    data, file_inputs = opened(client, submission)
    a2_files = f"files_{codes['A2'].pk}"
    assert a2_files in file_inputs and "report_files" in file_inputs
    data[f"score_{codes['A1'].pk}"] = "7,5"
    data[f"score_{codes['A2'].pk}"] = "4"
    data[f"explanation_{codes['A2'].pk}"] = "Đã ban hành kết luận"
    data[a2_files] = [pdf("Kết luận 1.pdf"), pdf("Kết luận 2.pdf")]
    data["action"] = "upload"  # the row's "Attach" button
    response = client.post(reverse("evaluations:submission", args=[submission.pk]), data)
    assert response.status_code == 302
    saved = {s.criterion.code: s for s in Score.objects.filter(submission=submission)}
    assert saved["A1"].self_score == Decimal("7.5")
    assert (saved["A2"].self_score, saved["A2"].explanation) == (
        Decimal("4"),
        "Đã ban hành kết luận",
    )
    names = set(
        Evidence.objects.filter(
            submission=submission, criterion=codes["A2"], kind=EvidenceKind.EVIDENCE
        ).values_list("original_name", flat=True)
    )
    assert names == {"Kết luận 1.pdf", "Kết luận 2.pdf"}
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT
    assert submission.missing_evidence_count == 0
    # The page shows the typed score again, and both files on A2's row.
    html = client.get(response.url).content.decode()
    assert 'value="7,5"' in html and "Kết luận 1.pdf" in html and "Kết luận 2.pdf" in html
    assert AuditEntry.objects.filter(action="submission.evidence").count() == 2
    assert AuditEntry.objects.filter(action="submission.scores").count() == 1


def test_report_files_go_with_the_same_form(client, officer, submission):
    client.force_login(officer)
    data, _inputs = opened(client, submission)
    data["report_files"] = [pdf("Báo cáo thành tích.pdf")]
    data["action"] = "upload"
    assert client.post(reverse("evaluations:submission", args=[submission.pk]), data).status_code
    report = Evidence.objects.get(submission=submission)
    assert (report.kind, report.criterion_id) == (EvidenceKind.REPORT, None)


def test_a_refused_file_keeps_every_typed_score_and_saves_nothing(client, officer, submission):
    client.force_login(officer)
    codes = criteria(submission)
    data, _inputs = opened(client, submission)
    data[f"score_{codes['A1'].pk}"] = "7,5"
    data[f"explanation_{codes['A1'].pk}"] = "Hoàn thành kế hoạch"
    data[f"files_{codes['A2'].pk}"] = [
        pdf("Kết luận.pdf"),
        SimpleUploadedFile("virus.exe", b"MZ\x90\x00", content_type="application/octet-stream"),
    ]
    data["action"] = "upload"
    response = client.post(reverse("evaluations:submission", args=[submission.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="7,5"' in html and "Hoàn thành kế hoạch" in html
    assert "virus.exe: Không chấp nhận loại tệp này" in html
    assert "Tệp bị từ chối" in html  # the message says nothing was saved yet
    assert not Evidence.objects.filter(submission=submission).exists()
    assert not Score.objects.filter(submission=submission, self_score__isnull=False).exists()


def test_a_disguised_file_is_refused_by_its_content(client, officer, submission):
    client.force_login(officer)
    codes = criteria(submission)
    data, _inputs = opened(client, submission)
    data[f"score_{codes['A1'].pk}"] = "3"
    data[f"files_{codes['A2'].pk}"] = [SimpleUploadedFile("ảnh.pdf", b"not a pdf at all")]
    data["action"] = "upload"
    response = client.post(reverse("evaluations:submission", args=[submission.pk]), data)
    assert response.status_code == 200
    assert 'value="3"' in response.content.decode()
    assert not Evidence.objects.exists()


def test_another_unit_cannot_attach(client, other_officer, officer, submission):
    client.force_login(officer)
    data, _inputs = opened(client, submission)
    data["report_files"] = [pdf()]
    data["action"] = "upload"
    client.force_login(other_officer)
    response = client.post(reverse("evaluations:submission", args=[submission.pk]), data)
    assert response.status_code == 404
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(("bonus", "needs_file"), [("0", False), ("", False), ("2", True)])
def test_a_criterion_scored_0_needs_no_evidence(officer, submission, bonus, needs_file):
    codes = criteria(submission)
    codes["B1"].evidence_required = True  # a bonus claimed only with its proof
    codes["B1"].save()
    scores = {
        codes["A1"].pk: {"self_score": Decimal("8"), "explanation": ""},
        codes["A2"].pk: {"self_score": Decimal("0"), "explanation": "Không phát sinh"},
        codes["B1"].pk: {
            "self_score": Decimal(bonus) if bonus else None,
            "explanation": "",
        },
    }
    services.submission_save(submission=submission, actor=officer, scores=scores)
    submission.refresh_from_db()
    assert submission.missing_evidence_count == (1 if needs_file else 0)
    if needs_file:
        with pytest.raises(ActionRefused):
            services.submission_submit(submission=submission, actor=officer, today=ON_TIME)
    else:
        submission = services.submission_submit(submission=submission, actor=officer, today=ON_TIME)
        assert submission.status == SubmissionStatus.SUBMITTED


def test_a_normal_criterion_left_unscored_still_needs_its_evidence(officer, submission):
    services.refresh_totals(submission)
    submission.refresh_from_db()
    assert submission.missing_evidence_count == 1  # A2, not scored yet
