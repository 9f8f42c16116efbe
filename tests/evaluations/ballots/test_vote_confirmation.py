"""Before a secret ballot is cast, the voter confirms that it cannot be changed afterwards."""

import pytest
from django.urls import reverse
from django.utils import translation

from evaluations.ballots.models import BallotVoter
from tests.helpers.browser_form import forms_of

pytestmark = pytest.mark.django_db

CONFIRM_LABEL = "I confirm that my ballot cannot be changed once it is cast."
REFUSAL = "Tick the confirmation: a ballot cannot be changed once it is cast."


def ballot_form(html):
    """The ballot paper: the page's form that posts to the page itself."""
    (form,) = [form for form in forms_of(html) if not form.action]
    return form


def vi(message):
    with translation.override("vi"):
        return translation.gettext(message)


def test_the_ballot_paper_asks_for_the_confirmation(client, leader, open_ballot):
    client.force_login(leader)
    page = client.get(reverse("evaluations:ballot_vote", args=[open_ballot.pk]))
    html = page.content.decode()
    assert vi(CONFIRM_LABEL) in html
    assert vi(CONFIRM_LABEL) == "Tôi xác nhận phiếu bầu không thể thay đổi sau khi gửi."
    assert 'name="confirm"' in html and "required" in html.split('name="confirm"')[1][:80]


def test_a_vote_without_confirmation_is_refused_and_keeps_the_ticks(client, leader, open_ballot):
    question = open_ballot.questions.get()
    chosen = question.candidates.first()
    url = reverse("evaluations:ballot_vote", args=[open_ballot.pk])
    client.force_login(leader)
    data = ballot_form(client.get(url).content).data()
    assert "confirm" not in data  # the box starts unticked
    data[f"q{question.pk}"] = str(chosen.pk)
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert vi(REFUSAL) in html
    assert vi(REFUSAL).startswith("Hãy đánh dấu")
    refused = ballot_form(html).data()
    assert refused[f"q{question.pk}"] == str(chosen.pk)  # the choice is still ticked
    assert not BallotVoter.objects.filter(voted_at__isnull=False).exists()
    assert sum(question.candidates.values_list("votes", flat=True)) == 0

    refused["confirm"] = "on"
    assert client.post(url, refused).status_code == 302
    assert BallotVoter.objects.filter(voted_at__isnull=False).count() == 1
