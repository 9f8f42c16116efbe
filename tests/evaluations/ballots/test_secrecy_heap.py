"""Ballot secrecy against whoever reads the database files (issue 16, item 1).

PostgreSQL keeps old row versions in the table files until VACUUM (and the WAL and base
backups keep them longer), each stamped with the id of the transaction that wrote it,
which the voter row written by the same vote carries too. These tests read the raw heap
files of every ballot table after a CHECKPOINT, old versions included, as a database
administrator could, and check that no file tells what a voter ticked.
"""

import pytest
from django.db import connection

from evaluations.ballots import secrecy
from evaluations.ballots import services as ballots
from evaluations.ballots.models import (
    Ballot,
    BallotCandidate,
    BallotEnvelope,
    BallotQuestion,
    BallotVoter,
)

pytestmark = pytest.mark.django_db(transaction=True)

TABLES = [Ballot, BallotQuestion, BallotCandidate, BallotVoter, BallotEnvelope]


def heap(model) -> bytes:
    """The table's file as on disk, dead row versions included (and its TOAST file)."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")
        cursor.execute(
            "SELECT pg_read_binary_file(pg_relation_filepath(%s)), "
            "(SELECT pg_read_binary_file(pg_relation_filepath(reltoastrelid)) "
            " FROM pg_class WHERE oid = %s::regclass AND reltoastrelid <> 0)",
            [table, table],
        )
        main, toast = cursor.fetchone()
    return bytes(main) + bytes(toast or b"")


def freeze(model):
    """Settle the table's rows (hint bits, frozen xmin) so that reading them later writes
    nothing: any later change of its file is a write."""
    with connection.cursor() as cursor:
        cursor.execute(f'VACUUM (FREEZE) "{model._meta.db_table}"')


@pytest.fixture
def two_votes(draft_ballot, secretariat, leader, other_leader):
    """Our leader ticks our unit, the other leader ticks theirs."""
    ballot = ballots.ballot_open(ballot=draft_ballot, actor=secretariat)
    question = ballot.questions.get()
    ours, theirs = question.candidates.order_by("order")
    freeze(BallotCandidate)
    before = heap(BallotCandidate)
    ballots.ballot_vote(ballot=ballot, actor=leader, choices={question.pk: [ours.pk]})
    ballots.ballot_vote(ballot=ballot, actor=other_leader, choices={question.pk: [theirs.pk]})
    return ballot, question, (ours, theirs), before


def test_a_vote_writes_no_candidate_row(two_votes):
    """Were the candidates' counters written by the votes, their old versions in the file
    (stamped with each voter's transaction id) would show who ticked whom."""
    _ballot, _question, _candidates, before = two_votes
    assert heap(BallotCandidate) == before


def test_the_voter_rows_and_the_ballot_row_carry_no_choice(two_votes):
    """What a vote writes besides the envelope: the voter's time and the cast count."""
    ballot, _question, _candidates, _before = two_votes
    voters = list(BallotVoter.objects.filter(ballot=ballot).values())
    assert {v["voted_at"] is not None for v in voters} == {True}
    assert set(voters[0]) == {"id", "ballot_id", "unit_id", "user_id", "name", "voted_at"}
    assert {f.name for f in BallotEnvelope._meta.concrete_fields} == {
        "id",
        "ballot",
        "ciphertexts",
    }


def test_the_envelopes_hold_only_ciphertext(two_votes):
    """Each envelope is a vector of fresh ciphertexts: no candidate id, no bit, and the
    ciphertexts of a tick and of a blank cannot be told apart without the key."""
    ballot, _question, (ours, theirs), _before = two_votes
    envelopes = list(BallotEnvelope.objects.filter(ballot=ballot).order_by("pk"))
    assert len(envelopes) == 2
    texts = [c for e in envelopes for c in e.ciphertexts]
    assert len(set(texts)) == len(texts) == 4  # randomised: equal choices look different
    n = int(ballot.public_key)
    assert all(1 < int(c, 16) < n * n for c in texts)
    raw = heap(BallotEnvelope)
    for value in (ours.pk, theirs.pk):
        assert f'"{value}"'.encode() not in raw
    assert b"true" not in raw and b"false" not in raw


def test_the_key_appears_in_no_ballot_file(draft_ballot, secretariat):
    ballot = ballots.ballot_open(ballot=draft_ballot, actor=secretariat)
    p = secrecy.decode_prime(ballot.issued_key.code)
    for model in TABLES:
        raw = heap(model)
        for form in (str(p).encode(), format(p, "x").encode(), ballot.issued_key.code.encode()):
            assert form not in raw
    with connection.cursor() as cursor:
        cursor.execute("SELECT string_agg(t::text, ' ') FROM units_auditentry t")
        (audit,) = cursor.fetchone()
    assert str(p) not in (audit or "") and ballot.issued_key.code not in (audit or "")
