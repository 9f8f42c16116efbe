"""Issue 14: the results deadline is "hạn gửi kết quả" everywhere ("hạn đăng ký" is the
registration round's)."""

import pytest
from django.urls import reverse

from tests.helpers.results import submit_ready

pytestmark = pytest.mark.django_db


def test_progress_board_says_results_due(client, secretariat, phase):
    client.force_login(secretariat)
    html = client.get(reverse("evaluations:phase_results", args=[phase.pk])).content.decode()
    assert "hạn gửi kết quả" in html and "hạn đăng ký" not in html


@pytest.mark.parametrize("role", ["officer", "secretariat"])
def test_results_page_says_results_due(client, user_of, role, submission, officer):
    if role == "secretariat":
        submit_ready(submission, officer)
    client.force_login(user_of(role))
    html = client.get(reverse("evaluations:submission", args=[submission.pk])).content.decode()
    assert "hạn gửi kết quả" in html and "hạn đăng ký" not in html
