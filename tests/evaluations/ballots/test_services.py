"""Secret ballots: setup, voting once, secrecy, paper totals, tally (R13, R14), results."""

from datetime import date
from decimal import Decimal
from threading import Barrier, Thread

import pytest
from django.db import connection
from django.utils import translation

from core.exceptions import ActionRefused
from evaluations.ballots import selectors as ballot_selectors
from evaluations.ballots import services as ballots
from evaluations.ballots.choices import BallotStatus
from evaluations.ballots.models import (
    Ballot,
    BallotCandidate,
    BallotEnvelope,
    BallotQuestion,
    BallotVoter,
)
from evaluations.ballots.services import QuestionData, tally
from tests.factories.units import (
    ClusterMembershipFactory,
    PersonFactory,
    RoleAssignmentFactory,
    UserFactory,
)
from units.choices import Role
from units.models import AuditEntry

pytestmark = pytest.mark.django_db


def flag(ballot):
    question = ballot.questions.get()
    ours, theirs = question.candidates.order_by("order")
    return question, ours, theirs


def counted(ballot, secretariat) -> list[int]:
    """Close the ballot with its key; the votes of its (single) question's candidates."""
    ballots.ballot_close(ballot=ballot, actor=secretariat, key=ballot.issued_key.code)
    question = ballot.questions.get()
    return [c.votes for c in question.candidates.order_by("order")]


def secretary_of(ballot):
    return ballot.created_by


def vi(message):
    with translation.override("vi"):
        return translation.gettext(message)


# Setup ---------------------------------------------------------------------------------


def test_create_makes_one_voter_per_member_unit(draft_ballot, our_unit, other_unit):
    assert draft_ballot.status == BallotStatus.DRAFT
    assert {v.unit_id for v in draft_ballot.voters.all()} == {our_unit.pk, other_unit.pk}
    assert not draft_ballot.voters.filter(user__isnull=False).exists()


def test_create_leaves_out_a_unit_that_left_before_the_meeting(cluster_year, secretariat, our_unit):
    ClusterMembershipFactory(cluster_year=cluster_year, left_on=date(2025, 7, 1))
    ballot = ballots.ballot_create(
        cluster_year=cluster_year, actor=secretariat, title="B", meeting_date=date(2025, 12, 1)
    )
    assert ballot.voters.count() == 2


def test_thresholds_default_from_the_title_and_stay_editable(draft_ballot, secretariat, titles):
    question = ballots.question_add(
        ballot=draft_ballot,
        actor=secretariat,
        data=QuestionData(text="CSTĐ ngành", title=titles[("CSTD_NGANH", "person")], places=2),
    )
    assert question.threshold_percent == Decimal("90")
    assert draft_ballot.questions.order_by("order")[0].threshold_percent == Decimal("80")
    edited = ballots.question_update(
        question=question,
        actor=secretariat,
        data=QuestionData(
            text="CSTĐ ngành", title=question.title, places=2, threshold_percent=Decimal("75")
        ),
    )
    assert BallotQuestion.objects.get(pk=edited.pk).threshold_percent == Decimal("75")


def test_candidates_from_the_top_of_the_published_ranking(
    cluster_year, secretariat, phase, officer, other_officer, our_unit, other_unit
):
    from evaluations.results import services
    from tests.helpers.results import submit_ready

    for user, unit in ((officer, our_unit), (other_officer, other_unit)):
        submission = services.submission_start(phase=phase, unit=unit, actor=user)
        submit_ready(submission, user)
        services.submission_accept(submission=submission, actor=secretariat)
    services.ranking_publish(phase=phase, actor=secretariat)
    ballot = ballots.ballot_create(
        cluster_year=cluster_year,
        actor=secretariat,
        title="Bình xét",
        phase=phase,
        questions=[QuestionData(text="Cờ", from_ranking=1)],
    )
    assert ballot.campaign == phase.campaign
    (candidate,) = ballot.questions.get().candidates.all()
    assert candidate.unit_id == phase.publication.entries.order_by("rank", "unit_name")[0].unit_id
    assert candidate.note


def test_candidates_and_voters_only_from_member_units(
    draft_ballot, secretariat, outside_unit, outsider_officer, our_unit
):
    question, _ours, _theirs = flag(draft_ballot)
    with pytest.raises(ActionRefused):
        ballots.candidate_add(question=question, actor=secretariat, unit=outside_unit)
    with pytest.raises(ActionRefused):
        ballots.candidate_add(
            question=question, actor=secretariat, person=PersonFactory(unit=outside_unit)
        )
    with pytest.raises(ActionRefused):
        ballots.voter_add(ballot=draft_ballot, actor=secretariat, user=outsider_officer)
    with pytest.raises(ActionRefused):  # already a voter
        ballots.voter_add(ballot=draft_ballot, actor=secretariat, unit=our_unit)
    with pytest.raises(ActionRefused):  # already a candidate
        ballots.candidate_add(question=question, actor=secretariat, unit=our_unit)
    person = ballots.candidate_add(
        question=question, actor=secretariat, person=PersonFactory(unit=our_unit)
    )
    assert person.unit_id is None and our_unit.display_name in person.name


def test_setup_only_by_the_secretariat_and_only_in_draft(
    draft_ballot, secretariat, leader, admin_user, other_officer
):
    _question, ours, _theirs = flag(draft_ballot)
    with pytest.raises(ActionRefused):
        ballots.candidate_remove(candidate=ours, actor=leader)
    ballots.voter_add(ballot=draft_ballot, actor=admin_user, user=other_officer)
    ballots.ballot_open(ballot=draft_ballot, actor=secretariat)
    with pytest.raises(ActionRefused):
        ballots.candidate_remove(candidate=ours, actor=secretariat)
    with pytest.raises(ActionRefused):
        ballots.ballot_update(ballot=draft_ballot, actor=secretariat, data={"title": "X"})
    assert BallotCandidate.objects.filter(pk=ours.pk).exists()


def test_open_needs_questions_candidates_and_voters(cluster_year, secretariat):
    ballot = ballots.ballot_create(cluster_year=cluster_year, actor=secretariat, title="B")
    with pytest.raises(ActionRefused):
        ballots.ballot_open(ballot=ballot, actor=secretariat)
    ballots.question_add(ballot=ballot, actor=secretariat, data=QuestionData(text="Cờ"))
    with pytest.raises(ActionRefused):
        ballots.ballot_open(ballot=ballot, actor=secretariat)
    ballot.refresh_from_db()
    assert ballot.status == BallotStatus.DRAFT


def test_open_fixes_the_eligible_count_and_audits(open_ballot, secretariat):
    assert open_ballot.eligible_count == 2 and open_ballot.opened_at
    entry = AuditEntry.objects.filter(action="ballot.status").latest("pk")
    assert entry.changes["status"] == ["draft", "open"] and entry.actor == secretariat


# Voting --------------------------------------------------------------------------------


def test_vote_counts_once_with_a_receipt(open_ballot, leader):
    question, ours, theirs = flag(open_ballot)
    voter = ballots.ballot_vote(
        ballot=open_ballot, actor=leader, choices={question.pk: [theirs.pk]}
    )
    assert voter.voted_at is not None
    assert BallotVoter.objects.get(pk=voter.pk).voted_at == voter.voted_at
    # Sealed: the counters stay at zero until the key opens the sums at closing.
    assert [c.votes for c in question.candidates.order_by("order")] == [0, 0]
    assert BallotEnvelope.objects.filter(ballot=open_ballot).count() == 1
    assert Ballot.objects.get(pk=open_ballot.pk).cast_count == 1
    with pytest.raises(ActionRefused) as refused:
        ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={question.pk: [ours.pk]})
    assert "1" in refused.value.message or refused.value.message
    assert BallotEnvelope.objects.filter(ballot=open_ballot).count() == 1
    assert Ballot.objects.get(pk=open_ballot.pk).cast_count == 1
    assert counted(open_ballot, secretary_of(open_ballot)) == [0, 1]


def test_second_vote_message_says_when_it_was_counted(open_ballot, leader):
    question, _ours, theirs = flag(open_ballot)
    voter = ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={})
    with translation.override("vi"), pytest.raises(ActionRefused) as refused:
        ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={question.pk: [theirs.pk]})
    from django.utils import timezone

    assert timezone.localtime(voter.voted_at).strftime("%H:%M") in refused.value.message


def test_blank_ballot_counts_as_cast(open_ballot, leader):
    question, _ours, _theirs = flag(open_ballot)
    ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={question.pk: []})
    assert Ballot.objects.get(pk=open_ballot.pk).cast_count == 1
    assert sum(c.votes for c in question.candidates.all()) == 0


def test_vote_refuses_more_choices_than_places(open_ballot, leader):
    question, ours, theirs = flag(open_ballot)
    with pytest.raises(ActionRefused):
        ballots.ballot_vote(
            ballot=open_ballot, actor=leader, choices={question.pk: [ours.pk, theirs.pk]}
        )
    assert BallotVoter.objects.filter(voted_at__isnull=False).count() == 0
    assert Ballot.objects.get(pk=open_ballot.pk).cast_count == 0


def test_vote_refuses_a_candidate_of_another_ballot(open_ballot, leader, cluster_year, secretariat):
    other = ballots.ballot_create(cluster_year=cluster_year, actor=secretariat, title="Khác")
    q = ballots.question_add(ballot=other, actor=secretariat, data=QuestionData(text="Q"))
    foreign = ballots.candidate_add(
        question=q, actor=secretariat, unit=cluster_year.members.first()
    )
    question, _ours, _theirs = flag(open_ballot)
    with pytest.raises(ActionRefused):
        ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={question.pk: [foreign.pk]})


def test_only_eligible_voters_vote_and_only_while_open(
    draft_ballot, secretariat, officer, leader, admin_user
):
    _question, _ours, _theirs = flag(draft_ballot)
    with pytest.raises(ActionRefused):
        ballots.ballot_vote(ballot=draft_ballot, actor=leader, choices={})
    key = ballots.ballot_open(ballot=draft_ballot, actor=secretariat).issued_key
    for stranger in (officer, secretariat, admin_user):  # not leaders of a voting unit
        with pytest.raises(ActionRefused):
            ballots.ballot_vote(ballot=draft_ballot, actor=stranger, choices={})
    ballots.ballot_close(ballot=draft_ballot, actor=secretariat, key=key.code)
    with pytest.raises(ActionRefused):
        ballots.ballot_vote(ballot=draft_ballot, actor=leader, choices={})


def test_a_delegate_votes_for_themselves(draft_ballot, secretariat, other_officer):
    ballots.voter_add(ballot=draft_ballot, actor=secretariat, user=other_officer)
    assert ballots.ballot_open(ballot=draft_ballot, actor=secretariat).eligible_count == 3
    question, ours, _theirs = flag(draft_ballot)
    voter = ballots.ballot_vote(
        ballot=draft_ballot, actor=other_officer, choices={question.pk: [ours.pk]}
    )
    assert voter.user_id == other_officer.pk


def test_two_leaders_of_one_unit_cast_one_ballot(open_ballot, leader, our_unit):
    second = UserFactory(unit=our_unit)
    RoleAssignmentFactory(user=second, role=Role.UNIT_LEADER, unit=our_unit)
    ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={})
    with pytest.raises(ActionRefused):
        ballots.ballot_vote(ballot=open_ballot, actor=second, choices={})


@pytest.mark.django_db(transaction=True)
def test_a_concurrent_double_click_counts_once(open_ballot, leader):
    question, _ours, theirs = flag(open_ballot)
    outcomes, barrier = [], Barrier(2)

    def vote():
        try:
            barrier.wait()
            ballots.ballot_vote(
                ballot=open_ballot, actor=leader, choices={question.pk: [theirs.pk]}
            )
            outcomes.append("ok")
        except ActionRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [Thread(target=vote) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert BallotEnvelope.objects.filter(ballot=open_ballot).count() == 1
    assert Ballot.objects.get(pk=open_ballot.pk).cast_count == 1
    assert counted(open_ballot, secretary_of(open_ballot)) == [0, 1]


# Secrecy -------------------------------------------------------------------------------


def snapshot() -> dict:
    """Every row of every table in the database (the app registry's tables, the audit log,
    django_session, third-party tables alike) with its xmin, as sets of tuples by table."""
    rows = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            # xmin (the writing transaction) too: a row rewritten unchanged shows up.
            cursor.execute(f'SELECT xmin::text AS xmin, * FROM "{table}"')
            columns = [c[0] for c in cursor.description]
            rows[table] = (columns, {tuple(map(str, r)) for r in cursor.fetchall()})
    return rows


def diff(before, after) -> dict:
    changed = {}
    for table, (columns, rows) in after.items():
        old = before.get(table, (columns, set()))[1]
        added, removed = rows - old, old - rows
        if added or removed:
            changed[table] = (columns, added, removed)
    return changed


def test_no_table_links_a_voter_to_a_choice(client, open_ballot, leader, other_unit):
    """The issue's required test: vote through the browser path and inspect every table."""
    from django.apps import apps
    from django.urls import reverse

    question, _ours, theirs = flag(open_ballot)
    client.force_login(leader)
    client.get(reverse("evaluations:ballot_vote", args=[open_ballot.pk]))
    before = snapshot()
    response = client.post(
        reverse("evaluations:ballot_vote", args=[open_ballot.pk]),
        {f"q{question.pk}": [theirs.pk], "confirm": "on"},
    )
    assert response.status_code == 302
    client.get(response.url)  # the receipt page reads the message
    changes = diff(before, snapshot())

    voter_table = BallotVoter._meta.db_table
    envelope_table = BallotEnvelope._meta.db_table
    ballot_table = Ballot._meta.db_table
    audit_table = AuditEntry._meta.db_table
    # No candidate row is written by a vote (its old version would carry the vote's xmin).
    assert set(changes) <= {
        voter_table,
        envelope_table,
        ballot_table,
        audit_table,
        "django_session",
    }

    # The voter row: only its time changed.
    columns, added, removed = changes[voter_table]
    (new,), (old,) = added, removed
    assert [c for c, a, b in zip(columns, new, old, strict=True) if a != b] == [
        "xmin",
        "voted_at",
    ]
    # The ballot row: only the cast count.
    columns, added, removed = changes[ballot_table]
    (new,), (old,) = added, removed
    assert [c for c, a, b in zip(columns, new, old, strict=True) if a != b] == [
        "xmin",
        "cast_count",
    ]
    # One new envelope: the ballot and a ciphertext per candidate, nothing in clear.
    columns, added, removed = changes[envelope_table]
    (envelope,) = added
    assert not removed
    assert columns == ["xmin", "id", "ciphertexts", "ballot_id"]
    assert str(theirs.pk) not in envelope[3]
    # The audit trail records that the unit voted, and nothing of what it chose.
    columns, added, removed = changes[audit_table]
    (entry,) = added
    assert not removed
    record = dict(zip(columns, entry, strict=True))
    assert record["action"] == "ballot.vote" and record["changes"] == "{}"
    assert record["note"] == "voted"
    assert str(theirs.pk) not in (record["object_id"], record["changes"])
    assert other_unit.name not in "".join(entry)
    # The session keeps nothing of the choice either.
    for row in changes.get("django_session", ((), set(), set()))[1]:
        assert other_unit.name not in "".join(row)
    # And no model has a column that could hold a choice next to a voter.
    for model in apps.get_models():
        related = {f.related_model for f in model._meta.fields if f.is_relation}
        assert not ({BallotCandidate, BallotQuestion} & related and BallotVoter in related)
    assert not any(f.get_internal_type() == "DateTimeField" for f in BallotCandidate._meta.fields)


def test_a_vote_leaves_every_candidate_row_untouched(open_ballot, leader):
    """PostgreSQL's xmin names the transaction that last wrote a row: no candidate row
    carries the vote's transaction, ticked or not."""
    question, _ours, theirs = flag(open_ballot)
    with connection.cursor() as cursor:
        table = BallotCandidate._meta.db_table
        cursor.execute(f"SELECT id, xmin::text FROM {table} WHERE question_id = %s", [question.pk])
        before = cursor.fetchall()
        ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={question.pk: [theirs.pk]})
        cursor.execute(f"SELECT id, xmin::text FROM {table} WHERE question_id = %s", [question.pk])
        assert cursor.fetchall() == before


# Paper ballots --------------------------------------------------------------------------


def test_paper_totals_validated_and_marked(open_ballot, secretariat):
    _question, ours, theirs = flag(open_ballot)
    for cast, votes in (
        (3, {ours.pk: 1, theirs.pk: 1}),
        (1, {ours.pk: 2, theirs.pk: 0}),
        (1, {ours.pk: 1, theirs.pk: 1}),
    ):
        with pytest.raises(ActionRefused):
            ballots.paper_totals_enter(
                ballot=open_ballot, actor=secretariat, cast_count=cast, votes=votes
            )
    assert not Ballot.objects.get(pk=open_ballot.pk).is_paper
    ballots.paper_totals_enter(
        ballot=open_ballot,
        actor=secretariat,
        cast_count=2,
        present_count=2,
        votes={ours.pk: 2, theirs.pk: 0},
    )
    ballot = ballots.ballot_close(ballot=open_ballot, actor=secretariat)
    assert ballot.is_paper and ballot.cast_count == 2 and ballot.quorum_met
    assert BallotCandidate.objects.get(pk=ours.pk).elected


def test_paper_totals_refused_after_online_votes_and_online_after_paper(
    open_ballot, secretariat, leader, other_leader
):
    _question, ours, theirs = flag(open_ballot)
    ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={})
    with pytest.raises(ActionRefused):
        ballots.paper_totals_enter(
            ballot=open_ballot, actor=secretariat, cast_count=1, votes={ours.pk: 0, theirs.pk: 0}
        )


def test_online_vote_refused_once_paper_totals_are_entered(open_ballot, secretariat, leader):
    _question, ours, theirs = flag(open_ballot)
    ballots.paper_totals_enter(
        ballot=open_ballot, actor=secretariat, cast_count=1, votes={ours.pk: 1, theirs.pk: 0}
    )
    with pytest.raises(ActionRefused):
        ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={})


# Tally ------------------------------------------------------------------------------------


def by_id(results):
    return {r.candidate_id: r for r in results}


@pytest.mark.parametrize(("votes", "passed"), [(7, False), (8, True)])
def test_threshold_counts_against_all_eligible_voters(votes, passed):
    # 80% of 9 eligible voters is 7.2: 8 approvals are needed, whatever the turnout.
    (result,) = tally(
        candidates=[(1, votes)],
        eligible=9,
        places=1,
        threshold_percent=Decimal("80"),
        quorum_met=True,
    )
    assert result.passed is passed and result.elected is passed
    assert result.percent == (Decimal(votes) * 100 / 9).quantize(Decimal("0.01"))


@pytest.mark.parametrize(("cast", "met"), [(5, False), (6, True), (9, True)])
def test_quorum_two_thirds_is_exact(cast, met):
    assert ballots.quorum_reached(cast=cast, eligible=9, numerator=2, denominator=3) is met


def test_without_quorum_nobody_passes():
    results = tally(
        candidates=[(1, 5), (2, 4)],
        eligible=9,
        places=1,
        threshold_percent=Decimal("50"),
        quorum_met=False,
    )
    assert not any(r.passed or r.elected for r in results)


def test_places_are_filled_by_votes_and_a_tie_at_the_boundary_is_flagged():
    results = by_id(
        tally(
            candidates=[(1, 9), (2, 8), (3, 8), (4, 9), (5, 2)],
            eligible=10,
            places=2,
            threshold_percent=Decimal("80"),
            quorum_met=True,
        )
    )
    assert {cid for cid, r in results.items() if r.elected} == {1, 4}
    assert not any(r.tie for r in results.values())
    results = by_id(
        tally(
            candidates=[(1, 9), (2, 8), (3, 8), (5, 2)],
            eligible=10,
            places=2,
            threshold_percent=Decimal("80"),
            quorum_met=True,
        )
    )
    assert {cid for cid, r in results.items() if r.elected} == {1}
    assert {cid for cid, r in results.items() if r.tie} == {2, 3}
    assert [results[c].rank for c in (1, 2, 3, 5)] == [1, 2, 2, 4]
    assert not results[5].passed


def test_close_writes_the_tally(closed_ballot):
    _question, ours, theirs = flag(closed_ballot)
    assert closed_ballot.status == BallotStatus.CLOSED and closed_ballot.quorum_met
    theirs.refresh_from_db()
    ours.refresh_from_db()
    assert (theirs.votes, theirs.percent, theirs.passed, theirs.elected, theirs.rank) == (
        2,
        Decimal("100.00"),
        True,
        True,
        1,
    )
    assert (ours.votes, ours.passed, ours.elected) == (0, False, False)


def test_close_without_quorum_marks_the_ballot(open_ballot, secretariat, leader, cluster_year):
    for _ in range(2):  # 4 eligible voters, 1 ballot cast: below 2/3
        ballots_unit = ClusterMembershipFactory(cluster_year=cluster_year).unit
        BallotVoter.objects.create(ballot=open_ballot, unit=ballots_unit, name=ballots_unit.name)
    Ballot.objects.filter(pk=open_ballot.pk).update(eligible_count=4)
    question, _ours, theirs = flag(open_ballot)
    ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={question.pk: [theirs.pk]})
    ballot = ballots.ballot_close(
        ballot=open_ballot, actor=secretariat, key=open_ballot.issued_key.code
    )
    assert ballot.quorum_met is False
    assert not BallotCandidate.objects.filter(question=question, elected=True).exists()


def test_publish_only_after_close_by_the_secretariat(closed_ballot, secretariat, leader):
    with pytest.raises(ActionRefused):
        ballots.ballot_publish(ballot=closed_ballot, actor=leader)
    ballot = ballots.ballot_publish(ballot=closed_ballot, actor=secretariat)
    assert ballot.status == BallotStatus.PUBLISHED and ballot.published_at
    with pytest.raises(ActionRefused):
        ballots.ballot_publish(ballot=ballot, actor=secretariat)


# The result for award proposals ---------------------------------------------------------------


def test_result_for_reads_published_results_only_by_default(
    closed_ballot, secretariat, other_unit, our_unit
):
    assert (
        ballot_selectors.result_for(unit_id=other_unit.pk, title_code="CO_TTCP", year=2025) is None
    )
    closed = ballot_selectors.result_for(
        unit_id=other_unit.pk, title_code="CO_TTCP", year=2025, published_only=False
    )
    assert closed.passed and not closed.published
    ballots.ballot_publish(ballot=closed_ballot, actor=secretariat)
    result = ballot_selectors.result_for(unit_id=other_unit.pk, title_code="CO_TTCP", year=2025)
    assert (result.votes, result.eligible, result.percent, result.threshold_percent) == (
        2,
        2,
        Decimal("100.00"),
        Decimal("80.00"),
    )
    assert result.passed and result.elected and result.quorum_met and result.published
    loser = ballot_selectors.result_for(unit_id=our_unit.pk, title_code="CO_TTCP", year=2025)
    assert not loser.passed and loser.percent == Decimal("0")
    assert ballot_selectors.result_for(unit_id=our_unit.pk, title_code="CO_TTCP", year=2024) is None
    assert ballot_selectors.result_for(unit_id=our_unit.pk, title_code="BK_TTCP", year=2025) is None
    with pytest.raises(ValueError):
        ballot_selectors.result_for(title_code="CO_TTCP", year=2025)


def test_result_for_a_person(draft_ballot, secretariat, our_unit, leader, other_leader, titles):
    person = PersonFactory(unit=our_unit)
    question = ballots.question_add(
        ballot=draft_ballot,
        actor=secretariat,
        data=QuestionData(text="Bằng khen", title=titles[("BK_TTCP", "person")], places=2),
    )
    candidate = ballots.candidate_add(question=question, actor=secretariat, person=person)
    key = ballots.ballot_open(ballot=draft_ballot, actor=secretariat).issued_key
    ballots.ballot_vote(ballot=draft_ballot, actor=leader, choices={question.pk: [candidate.pk]})
    ballots.ballot_close(ballot=draft_ballot, actor=secretariat, key=key.code)
    ballots.ballot_publish(ballot=draft_ballot, actor=secretariat)
    result = ballot_selectors.result_for(person_id=person.pk, title_code="BK_TTCP", year=2025)
    assert result.votes == 1 and result.percent == Decimal("50.00") and not result.passed
