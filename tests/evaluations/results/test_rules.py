"""Every named permission of evaluations/results/rules.py, asked for every role over every
state.

The submission is our unit's results for phase 1 of our cluster year's campaign; the
cross-scoring assignment asks the other unit to score it (tests/roles.py says who is who).
Objects are built directly in the state wanted.
"""

from datetime import date

import pytest
from django.utils import timezone
from rules.permissions import permissions

from evaluations.results.choices import EvidenceKind, ExtensionRequestStatus, SubmissionStatus
from evaluations.results.models import Evidence, ExtensionRequest
from tests.factories.campaigns import CampaignFactory, PhaseFactory, SectorCampaignFactory
from tests.factories.evaluations import (
    CrossAssignmentFactory,
    RankingPublicationFactory,
    SubmissionFactory,
)
from tests.roles import ROLES, truth_tables

pytestmark = pytest.mark.django_db

SUBMISSION = {
    # A draft is the unit's own; once submitted, those who review read it too. Another unit
    # never reads it, and neither does a sector viewer.
    "evaluations.view_submission": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      yes     yes    no            no       no          no     no
        submitted  yes     yes    no            no       yes         no     yes
        returned   yes     yes    no            no       yes         no     yes
        accepted   yes     yes    no            no       yes         no     yes
    """,
    "evaluations.change_submission": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      yes     yes    no            no       no          no     no
        submitted  no      no     no            no       no          no     no
        returned   yes     yes    no            no       no          no     no
        accepted   no      no     no            no       no          no     no
    """,
    "evaluations.approve_submission": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      yes    no            no       no          no     no
        submitted  no      no     no            no       no          no     no
        returned   no      yes    no            no       no          no     no
        accepted   no      no     no            no       no          no     no
    """,
    "evaluations.review_submission": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        submitted  no      no     no            no       yes         no     yes
        returned   no      no     no            no       no          no     no
        accepted   no      no     no            no       no          no     no
    """,
    # Managing the phase (extensions, cross-scoring, publishing) is asked of a submission
    # too: it does not depend on the submission's state.
    "evaluations.manage_phase": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       yes         no     yes
        submitted  no      no     no            no       yes         no     yes
        returned   no      no     no            no       yes         no     yes
        accepted   no      no     no            no       yes         no     yes
    """,
}

# The other unit is asked to score our results; "finished" is a submitted one it has scored.
CROSS_ASSIGNMENT = {
    "evaluations.view_crossassignment": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     yes           no       yes         no     yes
        submitted  no      no     yes           no       yes         no     yes
        returned   no      no     yes           no       yes         no     yes
        accepted   no      no     yes           no       yes         no     yes
        finished   no      no     yes           no       yes         no     yes
    """,
    # The secretariat user works in the scoring unit but holds no officer or leader role there.
    "evaluations.cross_score": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        submitted  no      no     yes           no       no          no     no
        returned   no      no     yes           no       no          no     no
        accepted   no      no     yes           no       no          no     no
        finished   no      no     no            no       no          no     no
    """,
}

# Phase 1 of a campaign of our cluster year ("ours"), of another cluster year ("theirs"), or
# of a sector-wide campaign ("sector"); "+published" once its ranking is published.
PHASE = {
    "evaluations.manage_phase": """
        phase             officer leader other_officer outsider secretariat viewer admin
        ours              no      no     no            no       yes         no     yes
        ours+published    no      no     no            no       yes         no     yes
        theirs            no      no     no            no       no          no     yes
        sector            no      no     no            no       no          no     yes
    """,
    # A published ranking is public to everyone signed in (the pages still find the phase
    # only through a campaign the user may read).
    "evaluations.view_ranking": """
        phase             officer leader other_officer outsider secretariat viewer admin
        ours              no      no     no            no       yes         no     yes
        ours+published    yes     yes    yes           yes      yes         yes    yes
        theirs            no      no     no            no       no          no     yes
        theirs+published  yes     yes    yes           yes      yes         yes    yes
        sector            no      no     no            no       no          no     yes
        sector+published  yes     yes    yes           yes      yes         yes    yes
    """,
}

# Our unit's request for more time on phase 1, in each of its states. The unit's officer and
# leader ask (a new request is asked the same way); those who review answer a pending one.
EXTENSION_REQUEST = {
    "evaluations.request_extension": """
        state      officer leader other_officer outsider secretariat viewer admin
        pending    yes     yes    no            no       no          no     no
        granted    yes     yes    no            no       no          no     no
        refused    yes     yes    no            no       no          no     no
    """,
    "evaluations.decide_extensionrequest": """
        state      officer leader other_officer outsider secretariat viewer admin
        pending    no      no     no            no       yes         no     yes
        granted    no      no     no            no       no          no     no
        refused    no      no     no            no       no          no     no
    """,
}

# The Django admin's rows: the sector administrator's.
ADMIN_ONLY = [
    f"evaluations.{action}_{model}"
    for model in (
        "crossassignment",
        "crossscore",
        "submission",
        "score",
        "evidence",
        "extension",
        "extensionrequest",
        "rankingpublication",
        "rankingentry",
    )
    for action in ("add", "delete")
]


@pytest.fixture
def submission_in(phase, our_unit):
    def build(status):
        return SubmissionFactory(phase=phase, unit=our_unit, status=status)

    return build


@pytest.fixture
def assignment_in(submission_in, other_unit):
    def build(state):
        finished = state == "finished"
        submission = submission_in(SubmissionStatus.SUBMITTED if finished else state)
        return CrossAssignmentFactory(
            submission=submission,
            scorer=other_unit,
            finished_at=timezone.now() if finished else None,
        )

    return build


@pytest.fixture
def phase_of(cluster_year):
    def build(name):
        owner, _, published = name.partition("+")
        campaign = {
            "ours": lambda: CampaignFactory(cluster_year=cluster_year),
            "theirs": CampaignFactory,
            "sector": SectorCampaignFactory,
        }[owner]()
        phase = PhaseFactory(campaign=campaign)
        if published:
            RankingPublicationFactory(phase=phase)
        return phase

    return build


def test_the_states_are_the_models_states():
    assert set(SubmissionStatus.values) == {"draft", "submitted", "returned", "accepted"}


def test_every_results_permission_is_asked_here():
    objects = {
        *("submission", "score", "evidence", "extension", "extensionrequest", "phase"),
        *("crossassignment", "crossscore", "ranking", "rankingpublication", "rankingentry"),
    }

    def is_results(name):
        app, _, codename = name.partition(".")
        return app == "evaluations" and codename.partition("_")[2] in objects

    asked = {*SUBMISSION, *CROSS_ASSIGNMENT, *PHASE, *EXTENSION_REQUEST, *ADMIN_ONLY}
    assert {name for name in permissions if is_results(name)} == asked


@pytest.mark.parametrize(("perm", "state", "role", "expected"), truth_tables(SUBMISSION))
def test_submission_of_our_unit(user_of, submission_in, perm, state, role, expected):
    assert user_of(role).has_perm(perm, submission_in(state)) is expected


@pytest.mark.parametrize(("perm", "state", "role", "expected"), truth_tables(CROSS_ASSIGNMENT))
def test_cross_assignment_to_the_other_unit(user_of, assignment_in, perm, state, role, expected):
    assert user_of(role).has_perm(perm, assignment_in(state)) is expected


@pytest.mark.parametrize(("perm", "state", "role", "expected"), truth_tables(EXTENSION_REQUEST))
def test_extension_request_of_our_unit(user_of, phase, our_unit, perm, state, role, expected):
    request = ExtensionRequest(
        phase=phase,
        unit=our_unit,
        status=state,
        wished_until=date(2025, 8, 1),
        reason="Mất điện",
    )
    assert user_of(role).has_perm(perm, request) is expected


def test_the_request_states_are_the_models_states():
    assert set(ExtensionRequestStatus.values) == {"pending", "granted", "refused"}


@pytest.mark.parametrize(("perm", "phase", "role", "expected"), truth_tables(PHASE))
def test_phase(user_of, phase_of, perm, phase, role, expected):
    assert user_of(role).has_perm(perm, phase_of(phase)) is expected


@pytest.mark.parametrize("state", SubmissionStatus.values)
@pytest.mark.parametrize("role", ROLES)
def test_evidence_is_read_with_its_submission(user_of, submission_in, state, role):
    evidence = Evidence(submission=submission_in(state), kind=EvidenceKind.REPORT)
    user = user_of(role)
    assert user.has_perm("evaluations.view_submission", evidence) is user.has_perm(
        "evaluations.view_submission", evidence.submission
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", ADMIN_ONLY)
def test_admin_only(user_of, perm, role):
    assert user_of(role).has_perm(perm) is (role == "admin")
