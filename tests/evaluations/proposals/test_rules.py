"""Every named permission of evaluations/proposals/rules.py, asked for every role over each
of a proposal's eight statuses.

The proposal nominates our unit in our cluster year; it is proposed either by our unit or,
as one of the cluster's own proposals, by the secretariat. Proposals are built directly in
the status wanted (tests/roles.py says who is who).
"""

from datetime import date

import pytest
from rules.permissions import permissions

from evaluations.proposals.choices import ProposalStatus
from tests.factories.evaluations import AwardProposalFactory
from tests.factories.pledges import TitleFactory
from tests.factories.units import ClusterYearFactory
from tests.roles import ROLES, truth_table, truth_tables

pytestmark = pytest.mark.django_db

# Proposed by our unit.
BY_THE_UNIT = {
    # The unit's own people and those who endorse; never another unit, nor sector viewers.
    # A draft is the unit's own until submitted (as draft results and registrations are).
    "evaluations.view_awardproposal": """
        status     officer leader other_officer outsider secretariat viewer admin
        draft      yes     yes    no            no       no          no     no
        submitted  yes     yes    no            no       yes         no     yes
        returned   yes     yes    no            no       yes         no     yes
        endorsed   yes     yes    no            no       yes         no     yes
        forwarded  yes     yes    no            no       yes         no     yes
        approved   yes     yes    no            no       yes         no     yes
        rejected   yes     yes    no            no       yes         no     yes
        withdrawn  yes     yes    no            no       yes         no     yes
    """,
    "evaluations.change_awardproposal": """
        status     officer leader other_officer outsider secretariat viewer admin
        draft      yes     yes    no            no       no          no     no
        submitted  no      no     no            no       no          no     no
        returned   yes     yes    no            no       no          no     no
        endorsed   no      no     no            no       no          no     no
        forwarded  no      no     no            no       no          no     no
        approved   no      no     no            no       no          no     no
        rejected   no      no     no            no       no          no     no
        withdrawn  no      no     no            no       no          no     no
    """,
    # Until the council decides.
    "evaluations.withdraw_awardproposal": """
        status     officer leader other_officer outsider secretariat viewer admin
        draft      yes     yes    no            no       no          no     no
        submitted  yes     yes    no            no       no          no     no
        returned   yes     yes    no            no       no          no     no
        endorsed   yes     yes    no            no       no          no     no
        forwarded  yes     yes    no            no       no          no     no
        approved   no      no     no            no       no          no     no
        rejected   no      no     no            no       no          no     no
        withdrawn  no      no     no            no       no          no     no
    """,
    "evaluations.endorse_awardproposal": """
        status     officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        submitted  no      no     no            no       yes         no     yes
        returned   no      no     no            no       no          no     no
        endorsed   no      no     no            no       no          no     no
        forwarded  no      no     no            no       no          no     no
        approved   no      no     no            no       no          no     no
        rejected   no      no     no            no       no          no     no
        withdrawn  no      no     no            no       no          no     no
    """,
    "evaluations.return_awardproposal": """
        status     officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        submitted  no      no     no            no       yes         no     yes
        returned   no      no     no            no       no          no     no
        endorsed   no      no     no            no       yes         no     yes
        forwarded  no      no     no            no       no          no     no
        approved   no      no     no            no       no          no     no
        rejected   no      no     no            no       no          no     no
        withdrawn  no      no     no            no       no          no     no
    """,
    "evaluations.forward_awardproposal": """
        status     officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        submitted  no      no     no            no       no          no     no
        returned   no      no     no            no       no          no     no
        endorsed   no      no     no            no       yes         no     yes
        forwarded  no      no     no            no       no          no     no
        approved   no      no     no            no       no          no     no
        rejected   no      no     no            no       no          no     no
        withdrawn  no      no     no            no       no          no     no
    """,
    # The council's decision (approve or reject) is recorded by the council's secretariat (the
    # personnel department of the Government Inspectorate: sector administrators), never by
    # the cluster secretariat, which endorsed and forwarded it (README, Roles and permissions).
    "evaluations.decide_awardproposal": """
        status     officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        submitted  no      no     no            no       no          no     no
        returned   no      no     no            no       no          no     no
        endorsed   no      no     no            no       no          no     no
        forwarded  no      no     no            no       no          no     yes
        approved   no      no     no            no       no          no     no
        rejected   no      no     no            no       no          no     no
        withdrawn  no      no     no            no       no          no     no
    """,
}

# One of the cluster's own proposals (by the secretariat) nominating our unit: the proposer's
# side is the secretariat's; our unit's people still read it. The administrators see it once
# submitted.
BY_THE_CLUSTER = {
    "evaluations.view_awardproposal": """
        status     officer leader other_officer outsider secretariat viewer admin
        draft      yes     yes    no            no       yes         no     no
        submitted  yes     yes    no            no       yes         no     yes
        returned   yes     yes    no            no       yes         no     yes
        endorsed   yes     yes    no            no       yes         no     yes
        forwarded  yes     yes    no            no       yes         no     yes
        approved   yes     yes    no            no       yes         no     yes
        rejected   yes     yes    no            no       yes         no     yes
        withdrawn  yes     yes    no            no       yes         no     yes
    """,
    "evaluations.change_awardproposal": """
        status     officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       yes         no     no
        submitted  no      no     no            no       no          no     no
        returned   no      no     no            no       yes         no     no
        endorsed   no      no     no            no       no          no     no
        forwarded  no      no     no            no       no          no     no
        approved   no      no     no            no       no          no     no
        rejected   no      no     no            no       no          no     no
        withdrawn  no      no     no            no       no          no     no
    """,
    "evaluations.withdraw_awardproposal": """
        status     officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       yes         no     no
        submitted  no      no     no            no       yes         no     no
        returned   no      no     no            no       yes         no     no
        endorsed   no      no     no            no       yes         no     no
        forwarded  no      no     no            no       yes         no     no
        approved   no      no     no            no       no          no     no
        rejected   no      no     no            no       no          no     no
        withdrawn  no      no     no            no       no          no     no
    """,
    # The cluster's own proposal: its secretariat proposed and forwarded it, so it does not
    # record the council's verdict on it either.
    "evaluations.decide_awardproposal": """
        status     officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        submitted  no      no     no            no       no          no     no
        returned   no      no     no            no       no          no     no
        endorsed   no      no     no            no       no          no     no
        forwarded  no      no     no            no       no          no     yes
        approved   no      no     no            no       no          no     no
        rejected   no      no     no            no       no          no     no
        withdrawn  no      no     no            no       no          no     no
    """,
}

# Asked of a cluster year: ours, or another one.
PREPARE_DOSSIER = """
    cluster_year  officer leader other_officer outsider secretariat viewer admin
    ours          no      no     no            no       yes         no     yes
    theirs        no      no     no            no       no          no     yes
"""

ADMIN_ONLY = [
    "evaluations.add_awardproposal",
    "evaluations.delete_awardproposal",
    "evaluations.add_proposalfile",
    "evaluations.delete_proposalfile",
]


@pytest.fixture
def proposal_in(cluster_year, our_unit):
    def build(status, *, by_secretariat=False):
        decided = status == ProposalStatus.APPROVED  # the database wants its decision
        return AwardProposalFactory(
            cluster_year=cluster_year,
            unit=our_unit,
            proposing_unit=our_unit,
            by_secretariat=by_secretariat,
            title=TitleFactory(),
            status=status,
            decision_number="15/QĐ-TTCP" if decided else "",
            decision_date=date(2026, 1, 15) if decided else None,
        )

    return build


def test_the_statuses_are_the_models_statuses():
    assert set(ProposalStatus.values) == {
        "draft",
        "submitted",
        "returned",
        "endorsed",
        "forwarded",
        "approved",
        "rejected",
        "withdrawn",
    }


def test_every_proposals_permission_is_asked_here():
    def is_proposals(name):
        return name.startswith("evaluations.") and (
            name.endswith(("_awardproposal", "_proposalfile", "_dossier", "_nomineelist"))
        )

    asked = {
        *BY_THE_UNIT,
        *BY_THE_CLUSTER,
        "evaluations.prepare_dossier",
        *ADMIN_ONLY,
        *NOMINEE_LIST,
    }
    assert {name for name in permissions if is_proposals(name)} == asked


@pytest.mark.parametrize(("perm", "status", "role", "expected"), truth_tables(BY_THE_UNIT))
def test_proposal_by_our_unit(user_of, proposal_in, perm, status, role, expected):
    assert user_of(role).has_perm(perm, proposal_in(status)) is expected


@pytest.mark.parametrize(("perm", "status", "role", "expected"), truth_tables(BY_THE_CLUSTER))
def test_proposal_by_the_cluster(user_of, proposal_in, perm, status, role, expected):
    proposal = proposal_in(status, by_secretariat=True)
    assert user_of(role).has_perm(perm, proposal) is expected


@pytest.mark.parametrize(("cluster_year_of", "role", "expected"), truth_table(PREPARE_DOSSIER))
def test_prepare_dossier(user_of, cluster_year, cluster_year_of, role, expected):
    year = cluster_year if cluster_year_of == "ours" else ClusterYearFactory()
    assert user_of(role).has_perm("evaluations.prepare_dossier", year) is expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", ADMIN_ONLY)
def test_admin_only(user_of, perm, role):
    assert user_of(role).has_perm(perm) is (role == "admin")


# A nominee list of our unit's, drawn up by the unit or by the cluster's secretariat.
NOMINEE_LIST = {
    "evaluations.submit_nomineelist": """
        drawn_up_by  officer leader other_officer outsider secretariat viewer admin
        unit         yes     yes    no            no       no          no     no
        cluster      no      no     no            no       yes         no     no
    """,
}


@pytest.mark.parametrize(("perm", "drawn_up_by", "role", "expected"), truth_tables(NOMINEE_LIST))
def test_nominee_list(user_of, cluster_year, our_unit, perm, drawn_up_by, role, expected):
    from evaluations.proposals.models import NomineeList

    nominee_list = NomineeList(
        cluster_year=cluster_year,
        unit=our_unit,
        title=TitleFactory(),
        year=2025,
        by_secretariat=drawn_up_by == "cluster",
    )
    assert user_of(role).has_perm(perm, nominee_list) is expected
