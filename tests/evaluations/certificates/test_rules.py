"""Every named permission of evaluations/certificates/rules.py, asked for every role.

Printing is the issuing office's work (sector administrators), and only a recorded
decision prints; the printed files and the layouts are theirs too. The awards themselves
stay public (tests/evaluations/awards/test_rules.py).
"""

import pytest
from rules.permissions import permissions

from evaluations.certificates.models import Certificate
from evaluations.decisions.choices import DecisionStatus
from tests.evaluations.certificates.helpers import recorded_decision
from tests.roles import ROLES, truth_tables

pytestmark = pytest.mark.django_db

DECISION = {
    "evaluations.print_decision_certificates": """
        decision  officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     no
        recorded  no      no     no            no       no          no     yes
        revoked   no      no     no            no       no          no     no
    """,
    "evaluations.view_decision_certificates": """
        decision  officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     yes
        recorded  no      no     no            no       no          no     yes
        revoked   no      no     no            no       no          no     yes
    """,
}

CERTIFICATE = {
    "evaluations.reprint_certificate": """
        decision  officer leader other_officer outsider secretariat viewer admin
        recorded  no      no     no            no       no          no     yes
        revoked   no      no     no            no       no          no     no
    """,
}

ADMIN_ONLY = [
    "evaluations.view_certificatebatch",
    *(f"evaluations.{a}_certificatelayout" for a in ("view", "add", "change", "delete")),
    *(f"evaluations.{a}_layoutfield" for a in ("view", "add", "change", "delete")),
]

STATUS = {
    "draft": DecisionStatus.DRAFT,
    "recorded": DecisionStatus.RECORDED,
    "revoked": DecisionStatus.REVOKED,
}


def test_every_certificates_permission_is_asked_here():
    asked = {*DECISION, *CERTIFICATE, *ADMIN_ONLY}
    names = {name for name in permissions if "certificate" in name or name.endswith("_layoutfield")}
    assert names == asked


@pytest.mark.parametrize(("perm", "state", "role", "expected"), truth_tables(DECISION))
def test_decision(user_of, perm, state, role, expected):
    decision = recorded_decision(status=STATUS[state])
    assert user_of(role).has_perm(perm, decision) is expected


@pytest.mark.parametrize(("perm", "state", "role", "expected"), truth_tables(CERTIFICATE))
def test_certificate(user_of, decision, perm, state, role, expected):
    decision.status = STATUS[state]
    decision.save()
    record = decision.award_records.first()
    certificate = Certificate(
        award_record=record, authority=decision.authority, year=2020, register_number=1
    )
    assert user_of(role).has_perm(perm, certificate) is expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", ADMIN_ONLY)
def test_admin_only(user_of, role, perm):
    assert user_of(role).has_perm(perm) is (role == "admin")
