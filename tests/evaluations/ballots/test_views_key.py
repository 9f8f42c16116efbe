"""The ballot key through the pages: shown once at opening, brought back to close, the
paper re-vote when it is lost; strangers refused; constant queries."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from evaluations.ballots import services as ballots
from evaluations.ballots.choices import BallotStatus
from evaluations.ballots.models import Ballot, BallotCandidate, BallotEnvelope
from tests.helpers.browser_form import form_with
from units.models import AuditEntry

pytestmark = pytest.mark.django_db


def vi(message):
    with translation.override("vi"):
        return translation.gettext(message)


def detail(ballot):
    return reverse("evaluations:ballot_detail", args=[ballot.pk])


def key_on_page(html: str) -> str:
    return re.search(r'id="ballot-key">(.*?)</pre>', html, re.S).group(1)


def form_with_action(html: str, action: str) -> str:
    """The <form> of the page that posts `action` (what a browser would send)."""
    for form in re.findall(r"<form.*?</form>", html, re.S):
        if f'name="action" value="{action}"' in form:
            return form
    raise AssertionError(f"no form for {action}")


def open_through_the_page(client, ballot):
    html = client.get(detail(ballot)).content.decode()
    assert form_with_action(html, "open")
    return client.post(detail(ballot), {"action": "open"})


def vote_both(ballot, leader, other_leader):
    question = ballot.questions.get()
    ours, theirs = question.candidates.order_by("order")
    ballots.ballot_vote(ballot=ballot, actor=leader, choices={question.pk: [theirs.pk]})
    ballots.ballot_vote(ballot=ballot, actor=other_leader, choices={question.pk: [theirs.pk]})
    return ours, theirs


def test_the_key_is_shown_once_and_kept_nowhere(client, secretariat, draft_ballot):
    client.force_login(secretariat)
    response = open_through_the_page(client, draft_ballot)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    code = key_on_page(html)
    warning = "This key is shown only this once and is stored nowhere: not in the system, "
    assert vi(warning + "not in its logs.") in html
    assert 'download="khoa-bo-phieu-' in html and 'href="data:text/plain' in html
    # Not in the session, not in a message, not in the audit record.
    session = client.session
    assert all(code not in str(value) for _name, value in session.items())
    page = client.get(detail(draft_ballot)).content.decode()
    assert code not in page and code.split()[0] not in page
    audit = " ".join(str(e.changes) + e.note for e in AuditEntry.objects.all())
    assert code.split()[0] not in audit
    # Opening again (a reload of the POST) does not show a new key.
    again = client.post(detail(draft_ballot), {"action": "open"})
    assert again.status_code == 302


def test_close_with_the_code_from_the_page(client, secretariat, leader, other_leader, draft_ballot):
    client.force_login(secretariat)
    code = key_on_page(open_through_the_page(client, draft_ballot).content.decode())
    ours, theirs = vote_both(draft_ballot, leader, other_leader)
    form = form_with_action(client.get(detail(draft_ballot)).content.decode(), "close")
    assert 'enctype="multipart/form-data"' in form and 'name="key"' in form
    fingerprint = Ballot.objects.get(pk=draft_ballot.pk).key_fingerprint
    assert fingerprint and fingerprint in client.get(detail(draft_ballot)).content.decode()
    data = form_with(client.get(detail(draft_ballot)).content, "key").data()
    data["key"] = code  # the one thing typed into the page's closing form
    response = client.post(detail(draft_ballot), data)
    assert response.status_code == 302
    assert Ballot.objects.get(pk=draft_ballot.pk).status == BallotStatus.CLOSED
    assert BallotCandidate.objects.get(pk=theirs.pk).votes == 2
    assert BallotCandidate.objects.get(pk=ours.pk).votes == 0


def test_close_with_the_key_file(client, secretariat, leader, other_leader, draft_ballot):
    client.force_login(secretariat)
    html = open_through_the_page(client, draft_ballot).content.decode()
    from urllib.parse import unquote

    href = re.search(r'href="data:text/plain;charset=utf-8,([^"]+)"', html).group(1)
    text = unquote(href.replace("&amp;", "&"))
    assert draft_ballot.title in text
    vote_both(draft_ballot, leader, other_leader)
    upload = SimpleUploadedFile("khoa.txt", text.encode(), content_type="text/plain")
    client.post(detail(draft_ballot), {"action": "close", "key": "", "key_file": upload})
    assert Ballot.objects.get(pk=draft_ballot.pk).status == BallotStatus.CLOSED


def test_a_wrong_key_on_the_page_says_so_and_keeps_the_ballot_open(
    client, secretariat, leader, other_leader, open_ballot
):
    vote_both(open_ballot, leader, other_leader)
    client.force_login(secretariat)
    response = client.post(
        detail(open_ballot), {"action": "close", "key": "ABCDE FGHIJ"}, follow=True
    )
    text = " ".join(str(m) for m in response.context["messages"])
    assert vi("This key does not belong to this ballot") in text or "không phải" in text
    assert Ballot.objects.get(pk=open_ballot.pk).is_open
    assert BallotEnvelope.objects.filter(ballot=open_ballot).count() == 2
    assert not BallotCandidate.objects.filter(question__ballot=open_ballot, votes__gt=0).exists()


def test_lost_key_paper_revote_through_the_pages(
    client, secretariat, leader, other_leader, open_ballot
):
    ours, theirs = vote_both(open_ballot, leader, other_leader)
    client.force_login(secretariat)
    html = client.get(detail(open_ballot)).content.decode()
    assert form_with_action(html, "discard_electronic")
    response = client.post(detail(open_ballot), {"action": "discard_electronic"})
    assert response.url == reverse("evaluations:ballot_paper", args=[open_ballot.pk])
    paper = client.post(response.url, {"cast_count": "2", f"c{ours.pk}": "1", f"c{theirs.pk}": "1"})
    assert paper.status_code == 302
    html = client.get(detail(open_ballot)).content.decode()
    assert 'name="key"' not in html  # a paper ballot closes without a key
    client.post(detail(open_ballot), {"action": "close"})
    ballot = Ballot.objects.get(pk=open_ballot.pk)
    assert ballot.is_closed and ballot.is_paper and ballot.cast_count == 2


@pytest.mark.parametrize("role", ["leader", "officer", "viewer"])
def test_others_cannot_close_or_discard(client, user_of, open_ballot, role):
    client.force_login(user_of(role))
    for data in (
        {"action": "close", "key": open_ballot.issued_key.code},
        {"action": "discard_electronic"},
    ):
        assert client.post(detail(open_ballot), data).status_code in (403, 404)
    assert Ballot.objects.get(pk=open_ballot.pk).is_open
    assert not Ballot.objects.get(pk=open_ballot.pk).is_paper


def queries_of(client, url, data) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, data)
    assert response.status_code == 302
    return len(captured)


def test_vote_and_close_cost_the_same_queries_at_one_and_several_votes(
    client, secretariat, leader, other_leader, draft_ballot, other_unit
):
    """The vote page's POST and the closing POST: no query per envelope or candidate."""
    from tests.factories.units import ClusterMembershipFactory

    for _ in range(2):  # more candidates and voters for the second ballot
        ClusterMembershipFactory(cluster_year=draft_ballot.cluster_year)
    costs = {}
    for label, voters in (("one", [leader]), ("two", [leader, other_leader])):
        ballot = draft_ballot if label == "one" else _copy(draft_ballot, secretariat)
        opened = ballots.ballot_open(ballot=ballot, actor=secretariat)
        question = ballot.questions.get()
        vote = reverse("evaluations:ballot_vote", args=[ballot.pk])
        votes = []
        for user in voters:
            client.force_login(user)
            client.get(vote)
            choice = question.candidates.order_by("order").first().pk
            votes.append(queries_of(client, vote, {f"q{question.pk}": [choice], "confirm": "on"}))
        client.force_login(secretariat)
        client.get(detail(ballot))
        close = queries_of(
            client, detail(ballot), {"action": "close", "key": opened.issued_key.code}
        )
        costs[label] = (votes[0], close)
        assert len(set(votes)) == 1
    assert costs["one"] == costs["two"]


def _copy(ballot, secretariat):
    """A second ballot of the year with every member unit as candidate (more rows)."""
    from evaluations.ballots.selectors import all_member_units
    from evaluations.ballots.services import QuestionData

    other = ballots.ballot_create(
        cluster_year=ballot.cluster_year,
        actor=secretariat,
        title="Lần hai",
        questions=[QuestionData(text="Cờ thi đua", places=1)],
    )
    question = other.questions.get()
    for unit in all_member_units(ballot.cluster_year):
        ballots.candidate_add(question=question, actor=secretariat, unit=unit)
    return other


def test_an_error_report_hides_the_key(rf, secretariat, open_ballot, monkeypatch):
    """Were closing to fail with a server error, the report (mail to the admins, the debug
    page) would show the posted key: it is masked."""
    from django.views.debug import SafeExceptionReporterFilter

    from evaluations.ballots import views

    def explode(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.services, "ballot_close", explode)
    code = open_ballot.issued_key.code
    request = rf.post(detail(open_ballot), {"action": "close", "key": code})
    request.user = secretariat
    with pytest.raises(RuntimeError):
        views.BallotDetailView.as_view()(request, pk=open_ballot.pk)
    shown = SafeExceptionReporterFilter().get_post_parameters(request)
    assert code not in str(dict(shown))
