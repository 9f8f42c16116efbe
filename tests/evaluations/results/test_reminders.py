from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from evaluations.results import services
from evaluations.results.choices import SubmissionStatus

pytestmark = pytest.mark.django_db


def test_board_reminds_only_units_that_have_not_submitted(
    client, secretariat, officer, other_officer, phase, our_unit, django_capture_on_commit_callbacks
):
    submission = services.submission_start(phase=phase, unit=our_unit, actor=officer)
    submission.status = SubmissionStatus.SUBMITTED
    submission.save()
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("evaluations:phase_results", args=[phase.pk]), {"remind": "1"}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [other_officer.email]
    assert message.subject == f"Nhắc hạn: kết quả “{phase.name}” cần gửi trước ngày 10/07/2025"
    assert f"/phases/{phase.pk}/results/" in message.body


def test_officers_cannot_send_reminders(client, officer, phase):
    client.force_login(officer)
    response = client.post(reverse("evaluations:phase_results", args=[phase.pk]), {"remind": "1"})
    assert response.status_code == 403
    assert mail.outbox == []


def test_command_reminds_phases_due_in_n_days(
    phase, officer, other_officer, django_capture_on_commit_callbacks
):
    phase.results_deadline = timezone.localdate() + timedelta(days=7)
    phase.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders", "--days", "7", verbosity=0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([officer.email, other_officer.email])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders", "--days", "3", verbosity=0)
    assert mail.outbox == []
