"""Ballot secrecy against whoever reads the database files (issue 16, item 1).

PostgreSQL keeps old row versions in the table files until VACUUM (and the WAL and base
backups keep them longer), each stamped with the id of the transaction that wrote it,
which the voter row written by the same vote carries too. These tests read the raw heap
files of every ballot table after a CHECKPOINT, old versions included, as a database
administrator could, and check that no file tells what a voter ticked.
"""

import re
import struct
from datetime import UTC

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


# The row versions of a table file, read as PostgreSQL lays them out (bufpage.h, htup_details.h):
# a page is 8 kB; after its 24-byte header come 4-byte line pointers up to pd_lower, each
# pointing at a row version whose header (xmin, xmax, cid, ctid, infomask...) ends at t_hoff.
PAGE = 8192
HEX_OR_DIGITS = re.compile(rb"[0-9a-f]{40,}")


def row_versions(raw: bytes) -> list[bytes]:
    """Every row version's data (after its header), live or dead, in file order. The
    header (the transaction stamps) is left out: what is compared is what is stored."""
    versions = []
    for start in range(0, len(raw), PAGE):
        page = raw[start : start + PAGE]
        (lower,) = struct.unpack_from("<H", page, 12)
        for pointer in range(24, lower, 4):
            (word,) = struct.unpack_from("<I", page, pointer)
            offset, flags, length = word & 0x7FFF, (word >> 15) & 0x3, word >> 17
            if flags != 1 or not length:  # LP_NORMAL: a stored row version
                continue
            t_hoff = page[offset + 22]
            versions.append(page[offset + t_hoff : offset + length])
    return versions


def stored(model) -> list[bytes]:
    """The sorted row versions of the table's file, ciphertexts masked."""
    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")
        cursor.execute(
            "SELECT pg_read_binary_file(pg_relation_filepath(%s))", [model._meta.db_table]
        )
        (raw,) = cursor.fetchone()
    return sorted(HEX_OR_DIGITS.sub(b"#", v) for v in row_versions(bytes(raw)))


def test_nothing_stored_but_the_ciphertext_depends_on_the_choices(
    cluster_year, secretariat, leader, other_leader, our_unit, other_unit, monkeypatch
):
    """The same meeting twice, with the two leaders' choices swapped: every row version of
    every ballot table file (dead ones included) is the same, but for the envelopes'
    ciphertexts. Were a vote to write a choice anywhere else (the candidates' counters, as
    it once did), the two runs' files would differ."""
    from datetime import datetime

    from django.utils import timezone

    moment = datetime(2025, 12, 18, 9, 0, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    key = secrecy.generate()
    monkeypatch.setattr(secrecy, "generate", lambda: key)
    tables = ", ".join(f'"{m._meta.db_table}"' for m in TABLES)

    def meeting(first_ticks_ours: bool) -> dict:
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        ballot = ballots.ballot_create(
            cluster_year=cluster_year,
            actor=secretariat,
            title="Bình xét",
            questions=[ballots.QuestionData(text="Cờ thi đua", places=1)],
        )
        question = ballot.questions.get()
        ours = ballots.candidate_add(question=question, actor=secretariat, unit=our_unit)
        theirs = ballots.candidate_add(question=question, actor=secretariat, unit=other_unit)
        ballot = ballots.ballot_open(ballot=ballot, actor=secretariat)
        first, second = (ours, theirs) if first_ticks_ours else (theirs, ours)
        ballots.ballot_vote(ballot=ballot, actor=leader, choices={question.pk: [first.pk]})
        ballots.ballot_vote(ballot=ballot, actor=other_leader, choices={question.pk: [second.pk]})
        return {model: stored(model) for model in TABLES}

    one, swapped = meeting(True), meeting(False)
    for model in TABLES:
        assert one[model] == swapped[model], model._meta.db_table
    assert len(one[BallotEnvelope]) == 2
