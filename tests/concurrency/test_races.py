"""Two people doing the same thing at the same moment, through the whole stack.

Each request runs in its own thread with its own database connection (the test
client in a thread), released together by a barrier. Whatever the interleaving:
no server error, one state change, and the one who lost gets a clear message.
"""

from datetime import date
from decimal import Decimal
from threading import Barrier, Thread

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from campaigns.models import Rubric
from evaluations.results import services as evaluation_services
from evaluations.results.models import Score, SubmissionEvent
from pledges.choices import RegistrationStatus
from pledges.models import RegistrationEvent
from tests.factories.pledges import RegistrationFactory
from tests.helpers.campaigns import CRITERIA, GROUPS, rubric_post
from tests.helpers.results import score_post, submit_ready
from units.models import AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def at_once(*requests):
    """Run each (user, method, url, data) in its own thread at the same moment; the
    responses in the same order."""
    barrier = Barrier(len(requests))
    responses = [None] * len(requests)
    errors = []

    def run(index, user, url, data):
        client = Client()
        client.force_login(user)
        try:
            barrier.wait(timeout=10)
            responses[index] = client.post(url, data)
        except Exception as error:  # a server error fails the test below, with its cause
            errors.append(error)
        finally:
            connection.close()

    threads = [Thread(target=run, args=(i, *request)) for i, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return responses


# The conflict messages, in the language of the page.
with translation.override("vi"):
    STALE_RUBRIC = _(
        "Someone else saved this rubric while you were editing it. Your changes were "
        "not saved: copy what you need, reload the page and apply them again."
    )
    STALE_REVIEW = _(
        "Someone else changed these results while you were reviewing them. "
        "Reload the page to see their changes, then review again."
    )


def test_two_submits_of_the_same_results_make_one_submission(submission, officer, leader):
    submission.phase.results_deadline = date(2099, 12, 31)
    submission.phase.save()
    a2 = Score.objects.get(submission=submission, criterion__code="A2").criterion
    evaluation_services.evidence_add(
        submission=submission,
        actor=officer,
        criterion=a2,
        uploaded=SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4\n"),
    )
    submission.refresh_from_db()
    url = reverse("evaluations:submission", args=[submission.pk])
    data = score_post(submission, {"A1": "8", "A2": "4,5", "B1": "1"}, action="submit")
    first, second = at_once((officer, url, data), (leader, url, data))
    assert sorted([first.status_code, second.status_code])[1] == 302  # one of them won
    assert {first.status_code, second.status_code} <= {200, 302, 403}
    events = SubmissionEvent.objects.filter(submission=submission, to_status="submitted")
    assert events.count() == 1
    assert AuditEntry.objects.filter(action="submission.status").count() == 1
    submission.refresh_from_db()
    assert submission.status == "submitted"


def test_two_secretariat_users_saving_one_rubric_lose_no_update(campaign, secretariat, admin_user):
    rubric = Rubric.objects.create(campaign=campaign, title="Mới")
    url = reverse("campaigns:rubric_edit", args=[rubric.pk])
    mine = rubric_post(rubric, GROUPS, CRITERIA, title="Của thư ký")
    theirs = rubric_post(rubric, GROUPS, CRITERIA, title="Của quản trị")
    first, second = at_once((secretariat, url, mine), (admin_user, url, theirs))
    statuses = sorted([first.status_code, second.status_code])
    assert statuses == [200, 302]
    loser = first if first.status_code == 200 else second
    (message,) = loser.context["header"].non_field_errors()
    assert str(message) == str(STALE_RUBRIC)
    rubric.refresh_from_db()
    winner_title = "Của thư ký" if first.status_code == 302 else "Của quản trị"
    assert rubric.title == winner_title
    assert rubric.revision == 1
    assert AuditEntry.objects.filter(action__startswith="rubric.save").count() <= 1


def review_post(submission, value, reason):
    data = {"action": "review", "revision": submission.revision}
    for score in Score.objects.filter(submission=submission).select_related("criterion"):
        code = score.criterion.code
        data[f"reviewed_{score.criterion_id}"] = value if code == "A1" else ""
        data[f"reason_{score.criterion_id}"] = reason if code == "A1" else ""
    return data


def test_two_reviewers_of_the_same_scores_lose_no_update(
    submission, officer, secretariat, admin_user
):
    submit_ready(submission, officer)
    submission.refresh_from_db()
    url = reverse("evaluations:submission", args=[submission.pk])
    first, second = at_once(
        (secretariat, url, review_post(submission, "2,5", "Thiếu hồ sơ")),
        (admin_user, url, review_post(submission, "1", "Chưa đạt")),
    )
    assert sorted([first.status_code, second.status_code]) == [200, 302]
    loser = first if first.status_code == 200 else second
    assert loser.context["review_form"].non_field_errors()
    a1 = Score.objects.get(submission=submission, criterion__code="A1")
    winner = (
        (Decimal("2.5"), "Thiếu hồ sơ") if first.status_code == 302 else (Decimal(1), "Chưa đạt")
    )
    assert (a1.reviewed_score, a1.review_reason) == winner
    assert AuditEntry.objects.filter(action="submission.review").count() == 1


def test_a_stale_review_form_is_refused_with_a_message(
    client, submission, officer, secretariat, admin_user
):
    submit_ready(submission, officer)
    submission.refresh_from_db()
    url = reverse("evaluations:submission", args=[submission.pk])
    stale = review_post(submission, "1", "Chưa đạt")
    client.force_login(admin_user)
    assert client.post(url, review_post(submission, "2,5", "Thiếu hồ sơ")).status_code == 302
    client.force_login(secretariat)
    response = client.post(url, stale)
    assert response.status_code == 200
    (message,) = response.context["review_form"].non_field_errors()
    assert str(message) == str(STALE_REVIEW)
    a1 = Score.objects.get(submission=submission, criterion__code="A1")
    assert a1.reviewed_score == Decimal("2.5")  # not overwritten


def test_two_registration_submits_at_once_make_one_submission(
    registration_round, our_unit, officer, leader, titles
):
    registration = RegistrationFactory(round=registration_round, unit=our_unit)
    url = reverse("pledges:registration_detail", args=[registration.pk])
    data = {
        "action": "submit",
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-0-title": titles[("TTLDTT", "collective")].pk,
        "items-0-person": "",
    }
    first, second = at_once((officer, url, data), (leader, url, data))
    assert 302 in (first.status_code, second.status_code)
    assert {first.status_code, second.status_code} <= {200, 302, 403}
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED
    assert registration.items.count() == 1
    submitted = RegistrationEvent.objects.filter(
        registration=registration, to_status=RegistrationStatus.SUBMITTED
    )
    assert submitted.count() == 1
