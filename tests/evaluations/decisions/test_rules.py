"""Every named permission of evaluations/decisions/rules.py, asked for every role over each
of a decision's three statuses (tests/roles.py says who is who).

The sector administrators (the sector council's secretariat) draft, record, correct and revoke
decisions, as they record the council's verdict on a single proposal; the cluster secretariat,
the proposing side, never does. A draft is theirs alone; a recorded or revoked decision is a
public act that every signed-in user reads.
"""

from datetime import date

import pytest
from rules.permissions import permissions

from evaluations.decisions.choices import DecisionStatus
from evaluations.decisions.models import AwardDecision
from tests.factories.evaluations import IssuingAuthorityFactory
from tests.roles import ROLES, truth_tables

pytestmark = pytest.mark.django_db

BY_STATUS = {
    "evaluations.view_awarddecision": """
        status    officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     yes
        recorded  yes     yes    yes           yes      yes         yes    yes
        revoked   yes     yes    yes           yes      yes         yes    yes
    """,
    "evaluations.change_awarddecision": """
        status    officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     yes
        recorded  no      no     no            no       no          no     no
        revoked   no      no     no            no       no          no     no
    """,
    "evaluations.delete_awarddecision": """
        status    officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     yes
        recorded  no      no     no            no       no          no     no
        revoked   no      no     no            no       no          no     no
    """,
    "evaluations.record_awarddecision": """
        status    officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     yes
        recorded  no      no     no            no       no          no     no
        revoked   no      no     no            no       no          no     no
    """,
    "evaluations.correct_awarddecision": """
        status    officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     no
        recorded  no      no     no            no       no          no     yes
        revoked   no      no     no            no       no          no     no
    """,
    "evaluations.revoke_awarddecision": """
        status    officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     no
        recorded  no      no     no            no       no          no     yes
        revoked   no      no     no            no       no          no     no
    """,
    # The Word documents and the amounts are the administrators' working papers.
    "evaluations.view_decision_documents": """
        status    officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     yes
        recorded  no      no     no            no       no          no     yes
        revoked   no      no     no            no       no          no     yes
    """,
    "evaluations.view_decision_amounts": """
        status    officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     yes
        recorded  no      no     no            no       no          no     yes
        revoked   no      no     no            no       no          no     yes
    """,
    # The register (sổ quyết định) lists recorded decisions: public acts.
    "evaluations.view_decision_register": """
        status    officer leader other_officer outsider secretariat viewer admin
        draft     yes     yes    yes           yes      yes         yes    yes
        recorded  yes     yes    yes           yes      yes         yes    yes
        revoked   yes     yes    yes           yes      yes         yes    yes
    """,
}

ADMIN_ONLY = [
    "evaluations.add_awarddecision",
    *(
        f"evaluations.{action}_{model}"
        for model in ("issuingauthority", "decisiontemplate")
        for action in ("view", "add", "change", "delete")
    ),
]


def decision_in(status):
    recorded = status != DecisionStatus.DRAFT
    return AwardDecision.objects.create(
        authority=IssuingAuthorityFactory(),
        status=status,
        number="7" if recorded else "",
        date=date(2025, 12, 20) if recorded else None,
    )


def test_the_statuses_are_the_models_statuses():
    assert set(DecisionStatus.values) == {"draft", "recorded", "revoked"}


def test_every_decisions_permission_is_asked_here():
    def is_decisions(name):
        return (
            name.startswith("evaluations.")
            and name.endswith(("_awarddecision", "_issuingauthority", "_decisiontemplate"))
        ) or (  # the certificates' own table has view_decision_certificates
            name.startswith("evaluations.view_decision_") and not name.endswith("_certificates")
        )

    assert {name for name in permissions if is_decisions(name)} == {*BY_STATUS, *ADMIN_ONLY}


@pytest.mark.parametrize(("perm", "status", "role", "expected"), truth_tables(BY_STATUS))
def test_decision_permission(user_of, perm, status, role, expected):
    assert user_of(role).has_perm(perm, decision_in(status)) is expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", ADMIN_ONLY)
def test_admin_only(user_of, perm, role):
    assert user_of(role).has_perm(perm) is (role == "admin")
