"""Ballot fixtures, loaded for every test by `pytest_plugins` in tests/conftest.py."""

from datetime import date

import pytest

from evaluations.ballots import services as ballots
from evaluations.ballots.services import QuestionData
from tests.roles import user_with_role
from units.choices import Role


@pytest.fixture
def other_leader(other_unit):
    return user_with_role(Role.UNIT_LEADER, unit=other_unit)


@pytest.fixture
def draft_ballot(cluster_year, secretariat, our_unit, other_unit, titles):
    """A draft ballot of our cluster year: one question (the flag, 1 place, 80%) with both
    member units as candidates, and both member units as voters."""
    ballot = ballots.ballot_create(
        cluster_year=cluster_year,
        actor=secretariat,
        title="Bình xét thi đua năm 2025",
        meeting_date=date(2025, 12, 18),
        meeting_place="Thanh tra tỉnh Hưng Yên",
        chair_name="Nguyễn Văn Chủ",
        secretary_name="Trần Thị Thư",
        questions=[
            QuestionData(
                text="Đơn vị đề nghị tặng Cờ thi đua của Thanh tra Chính phủ",
                title=titles[("CO_TTCP", "collective")],
                places=1,
            )
        ],
    )
    question = ballot.questions.get()
    ballots.candidate_add(question=question, actor=secretariat, unit=our_unit)
    ballots.candidate_add(question=question, actor=secretariat, unit=other_unit)
    return ballot


@pytest.fixture
def open_ballot(draft_ballot, secretariat):
    """Opened: `open_ballot.issued_key` is the key handed to the secretariat."""
    return ballots.ballot_open(ballot=draft_ballot, actor=secretariat)


@pytest.fixture
def closed_ballot(open_ballot, secretariat, leader, other_leader):
    question = open_ballot.questions.get()
    _ours, theirs = question.candidates.order_by("order")
    ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={question.pk: [theirs.pk]})
    ballots.ballot_vote(ballot=open_ballot, actor=other_leader, choices={question.pk: [theirs.pk]})
    return ballots.ballot_close(
        ballot=open_ballot, actor=secretariat, key=open_ballot.issued_key.code
    )


@pytest.fixture
def published_ballot(closed_ballot, secretariat):
    return ballots.ballot_publish(ballot=closed_ballot, actor=secretariat)
