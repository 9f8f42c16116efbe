from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from evaluations.results import services
from evaluations.results.models import Score


def score_post(submission, values, action="save"):
    """The score form's data: `values` by criterion code, an explanation for each."""
    data = {"action": action, "revision": submission.revision}
    for score in Score.objects.filter(submission=submission).select_related("criterion"):
        value = values.get(score.criterion.code, "")
        data[f"score_{score.criterion_id}"] = value
        data[f"explanation_{score.criterion_id}"] = f"Giải trình {score.criterion.code}"
    return data


def submit_ready(submission, officer):
    """Score every criterion 3, add the evidence A2 requires, submit before the deadline.
    Returns the criteria by code."""
    codes = {
        s.criterion.code: s.criterion
        for s in Score.objects.filter(submission=submission).select_related("criterion")
    }
    services.submission_save(
        submission=submission,
        actor=officer,
        scores={c.pk: {"self_score": Decimal("3"), "explanation": ""} for c in codes.values()},
    )
    services.evidence_add(
        submission=submission,
        actor=officer,
        criterion=codes["A2"],
        uploaded=SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4\n"),
    )
    services.submission_submit(submission=submission, actor=officer, today=date(2025, 7, 1))
    return codes
