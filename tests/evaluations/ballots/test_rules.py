"""Every named permission of evaluations/ballots/rules.py, asked for every role over every
state.

The ballot is our cluster year's, with both member units as voters (each casts its ballot
paper through its leader: of our roles, only "leader"). Ballots are built directly in the
state wanted (tests/roles.py says who is who).
"""

import pytest
from rules.permissions import permissions

from evaluations.ballots.choices import BallotStatus
from tests.factories.evaluations import BallotFactory, BallotVoterFactory
from tests.factories.units import ClusterYearFactory
from tests.roles import ROLES, truth_table, truth_tables

pytestmark = pytest.mark.django_db

BALLOT = {
    # The secretariat prepares it alone; members see it from its opening; sector viewers see
    # the published result.
    "evaluations.view_ballot": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       yes         no     yes
        open       yes     yes    yes           no       yes         no     yes
        closed     yes     yes    yes           no       yes         no     yes
        published  yes     yes    yes           no       yes         yes    yes
    """,
    "evaluations.manage_ballot": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       yes         no     yes
        open       no      no     no            no       yes         no     yes
        closed     no      no     no            no       yes         no     yes
        published  no      no     no            no       yes         no     yes
    """,
    "evaluations.change_ballot": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       yes         no     yes
        open       no      no     no            no       no          no     no
        closed     no      no     no            no       no          no     no
        published  no      no     no            no       no          no     no
    """,
    "evaluations.open_ballot": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       yes         no     yes
        open       no      no     no            no       no          no     no
        closed     no      no     no            no       no          no     no
        published  no      no     no            no       no          no     no
    """,
    "evaluations.close_ballot": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        open       no      no     no            no       yes         no     yes
        closed     no      no     no            no       no          no     no
        published  no      no     no            no       no          no     no
    """,
    "evaluations.enter_paper_ballot": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        open       no      no     no            no       yes         no     yes
        closed     no      no     no            no       no          no     no
        published  no      no     no            no       no          no     no
    """,
    "evaluations.publish_ballot": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        open       no      no     no            no       no          no     no
        closed     no      no     no            no       yes         no     yes
        published  no      no     no            no       no          no     no
    """,
    # A member unit votes through its leader, only while the ballot is open.
    "evaluations.vote_ballot": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        open       no      yes    no            no       no          no     no
        closed     no      no     no            no       no          no     no
        published  no      no     no            no       no          no     no
    """,
    # The tally: the secretariat's from the closing, everyone's who sees the ballot from the
    # publication.
    "evaluations.view_ballot_result": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        open       no      no     no            no       no          no     no
        closed     no      no     no            no       yes         no     yes
        published  yes     yes    yes           no       yes         yes    yes
    """,
}

# A delegate from outside the cluster (the outsider, named as a voter): sees the ballot and
# votes like a member unit's leader, and nothing more.
DELEGATE = {
    "evaluations.view_ballot": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       yes         no     yes
        open       yes     yes    yes           yes      yes         no     yes
        closed     yes     yes    yes           yes      yes         no     yes
        published  yes     yes    yes           yes      yes         yes    yes
    """,
    "evaluations.vote_ballot": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        open       no      yes    no            yes      no          no     no
        closed     no      no     no            no       no          no     no
        published  no      no     no            no       no          no     no
    """,
    "evaluations.view_ballot_result": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        open       no      no     no            no       no          no     no
        closed     no      no     no            no       yes         no     yes
        published  yes     yes    yes           yes      yes         yes    yes
    """,
}

# Asked of a cluster year: ours, or another one.
CREATE_BALLOT = """
    cluster_year  officer leader other_officer outsider secretariat viewer admin
    ours          no      no     no            no       yes         no     yes
    theirs        no      no     no            no       no          no     yes
"""


@pytest.fixture
def ballot_in(cluster_year, our_unit, other_unit):
    def build(status):
        ballot = BallotFactory(cluster_year=cluster_year, status=status, eligible_count=2)
        for unit in (our_unit, other_unit):
            BallotVoterFactory(ballot=ballot, unit=unit)
        return ballot

    return build


def test_the_states_are_the_models_states():
    assert set(BallotStatus.values) == {"draft", "open", "closed", "published"}


def test_every_ballots_permission_is_asked_here():
    asked = {*BALLOT, *DELEGATE, "evaluations.create_ballot"}
    assert {
        name for name in permissions if name.startswith("evaluations.") and "ballot" in name
    } == (asked)


@pytest.mark.parametrize(("perm", "state", "role", "expected"), truth_tables(BALLOT))
def test_ballot(user_of, ballot_in, perm, state, role, expected):
    assert user_of(role).has_perm(perm, ballot_in(state)) is expected


@pytest.mark.parametrize(("perm", "state", "role", "expected"), truth_tables(DELEGATE))
def test_ballot_with_a_delegate(user_of, ballot_in, perm, state, role, expected):
    ballot = ballot_in(state)
    BallotVoterFactory(ballot=ballot, unit=None, user=user_of("outsider"))
    assert user_of(role).has_perm(perm, ballot) is expected


@pytest.mark.parametrize(("cluster_year_of", "role", "expected"), truth_table(CREATE_BALLOT))
def test_create_ballot(user_of, cluster_year, cluster_year_of, role, expected):
    year = cluster_year if cluster_year_of == "ours" else ClusterYearFactory()
    assert user_of(role).has_perm("evaluations.create_ballot", year) is expected


@pytest.mark.parametrize("role", ROLES)
def test_a_ballot_of_another_cluster_year_is_only_the_administrators(user_of, role):
    ballot = BallotFactory(status=BallotStatus.OPEN)
    user = user_of(role)
    assert user.has_perm("evaluations.view_ballot", ballot) is (role == "admin")
    assert user.has_perm("evaluations.manage_ballot", ballot) is (role == "admin")
