"""The ballot key: handed out once at opening, needed to close, never stored or logged."""

import logging

import pytest
from django.db import connection

from core.exceptions import ActionRefused
from evaluations.ballots import secrecy
from evaluations.ballots import services as ballots
from evaluations.ballots.choices import BallotStatus
from evaluations.ballots.models import Ballot, BallotCandidate, BallotEnvelope, BallotVoter
from units.models import AuditEntry

pytestmark = pytest.mark.django_db


def flag(ballot):
    question = ballot.questions.get()
    ours, theirs = question.candidates.order_by("order")
    return question, ours, theirs


def votes(question):
    return [c.votes for c in BallotCandidate.objects.filter(question=question).order_by("order")]


@pytest.fixture
def two_votes(open_ballot, leader, other_leader):
    question, ours, theirs = flag(open_ballot)
    ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={question.pk: [ours.pk]})
    ballots.ballot_vote(ballot=open_ballot, actor=other_leader, choices={question.pk: [theirs.pk]})
    return open_ballot


def test_opening_stores_only_the_public_key(open_ballot):
    key = open_ballot.issued_key
    stored = Ballot.objects.get(pk=open_ballot.pk)
    assert stored.public_key == str(key.public_n)
    p = secrecy.decode_prime(key.code)
    assert 1 < p < key.public_n and key.public_n % p == 0
    assert not hasattr(stored, "issued_key")


def test_the_right_key_counts_the_sealed_votes(two_votes, secretariat):
    question, _ours, _theirs = flag(two_votes)
    assert votes(question) == [0, 0]  # sealed until the closing
    ballot = ballots.ballot_close(
        ballot=two_votes, actor=secretariat, key=two_votes.issued_key.code
    )
    assert ballot.status == BallotStatus.CLOSED and ballot.quorum_met
    assert votes(question) == [1, 1]
    assert not BallotEnvelope.objects.filter(ballot=ballot).exists()


def test_the_key_file_closes_too(two_votes, secretariat):
    """The downloaded file: comment lines, then the code (lower case and spacing ignored)."""
    question, _ours, _theirs = flag(two_votes)
    text = "# Khóa bí mật\n# Mã kiểm tra: X\n" + two_votes.issued_key.code.lower() + "\n"
    ballots.ballot_close(ballot=two_votes, actor=secretariat, key=text)
    assert votes(question) == [1, 1]


@pytest.mark.parametrize("wrong", ["", "ABCDE FGHIJ", "not a key at all!", "0"])
def test_a_wrong_key_changes_nothing(two_votes, secretariat, wrong, draft_ballot):
    question, _ours, _theirs = flag(two_votes)
    before = (
        list(BallotCandidate.objects.values_list("pk", "votes", "percent", "elected")),
        BallotEnvelope.objects.count(),
    )
    with pytest.raises(ActionRefused) as refused:
        ballots.ballot_close(ballot=two_votes, actor=secretariat, key=wrong)
    assert "paper" in refused.value.message or "giấy" in refused.value.message
    assert Ballot.objects.get(pk=two_votes.pk).status == BallotStatus.OPEN
    assert (
        list(BallotCandidate.objects.values_list("pk", "votes", "percent", "elected")),
        BallotEnvelope.objects.count(),
    ) == before
    # Still closable with the right key.
    ballots.ballot_close(ballot=two_votes, actor=secretariat, key=two_votes.issued_key.code)
    assert votes(question) == [1, 1]


def test_the_key_of_another_ballot_is_refused(two_votes, secretariat):
    other = secrecy.generate()
    with pytest.raises(ActionRefused):
        ballots.ballot_close(ballot=two_votes, actor=secretariat, key=other.code)
    assert Ballot.objects.get(pk=two_votes.pk).is_open


def test_lost_key_paper_revote(two_votes, secretariat, leader):
    """The way out: discard the envelopes unread, enter the paper totals, close keyless."""
    question, ours, theirs = flag(two_votes)
    with pytest.raises(ActionRefused):  # paper totals cannot silently replace sealed votes
        ballots.paper_totals_enter(
            ballot=two_votes, actor=secretariat, cast_count=2, votes={ours.pk: 2, theirs.pk: 0}
        )
    ballots.ballot_discard_electronic(ballot=two_votes, actor=secretariat)
    ballot = Ballot.objects.get(pk=two_votes.pk)
    assert ballot.is_paper and ballot.cast_count == 0 and ballot.is_open
    assert not BallotEnvelope.objects.filter(ballot=ballot).exists()
    assert not BallotVoter.objects.filter(ballot=ballot, voted_at__isnull=False).exists()
    with pytest.raises(ActionRefused):  # the re-vote is on paper
        ballots.ballot_vote(ballot=ballot, actor=leader, choices={})
    ballots.paper_totals_enter(
        ballot=ballot, actor=secretariat, cast_count=2, votes={ours.pk: 2, theirs.pk: 0}
    )
    ballot = ballots.ballot_close(ballot=ballot, actor=secretariat)
    assert votes(question) == [2, 0]
    assert BallotCandidate.objects.get(pk=ours.pk).elected
    entry = AuditEntry.objects.get(action="ballot.paper_revote")
    assert entry.changes == {"cast": [2, 0]}


def test_only_the_secretariat_discards(two_votes, leader):
    with pytest.raises(ActionRefused):
        ballots.ballot_discard_electronic(ballot=two_votes, actor=leader)
    assert BallotEnvelope.objects.filter(ballot=two_votes).count() == 2


def test_the_key_is_nowhere_but_in_the_secretariats_hands(
    draft_ballot, secretariat, leader, other_leader, caplog
):
    """Not in the audit log, the logs, or any table of the database (dumped as text)."""
    caplog.set_level(logging.DEBUG)
    ballot = ballots.ballot_open(ballot=draft_ballot, actor=secretariat)
    key = ballot.issued_key
    question, ours, _theirs = flag(ballot)
    ballots.ballot_vote(ballot=ballot, actor=leader, choices={question.pk: [ours.pk]})
    ballots.ballot_close(ballot=ballot, actor=secretariat, key=key.code)
    p = secrecy.decode_prime(key.code)
    q = key.public_n // p
    forms = {str(p), format(p, "x"), key.code, key.code.replace(" ", ""), str(q)}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT t::text FROM "{table}" t')
            dump = " ".join(r[0] for r in cursor.fetchall())
            assert not any(f in dump for f in forms), table
    audit = " ".join(str(e.changes) + e.note for e in AuditEntry.objects.all())
    assert not any(f in audit for f in forms)
    assert not any(f in caplog.text for f in forms)
    assert key.fingerprint in audit  # which key opened it, public


def test_the_default_key_is_2048_bits(settings):
    settings.BALLOT_KEY_BITS = secrecy.DEFAULT_KEY_BITS
    assert secrecy.generate().public_n.bit_length() == 2048


def test_a_legacy_open_ballot_closes_on_its_counters(open_ballot, secretariat, leader):
    """Opened before votes were sealed (no public key): votes refused, closing keyless."""
    Ballot.objects.filter(pk=open_ballot.pk).update(public_key="")
    with pytest.raises(ActionRefused):
        ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={})
    ballots.ballot_close(ballot=open_ballot, actor=secretariat)
    assert Ballot.objects.get(pk=open_ballot.pk).is_closed
