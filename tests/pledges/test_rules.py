"""Every named permission of pledges/rules.py, asked for every role over every state.

The objects are our cluster year's (tests/roles.py says who is who), built directly in the
state wanted. A pledge's parties are our unit and the other unit.
"""

import pytest
import rules
from rules.permissions import permissions

from pledges.choices import PledgeStatus, RegistrationStatus
from tests.factories.pledges import (
    PledgeFactory,
    PledgePartyFactory,
    RegistrationFactory,
    RegistrationRoundFactory,
)
from tests.factories.units import ClusterYearFactory
from tests.roles import ROLES, truth_tables

pytestmark = pytest.mark.django_db

PLEDGE = {
    # A draft is the secretariat's work; members and sector viewers read it from its opening.
    "pledges.view_pledge": """
        state     officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       yes         no     yes
        open      yes     yes    yes           no       yes         yes    yes
        signed    yes     yes    yes           no       yes         yes    yes
        archived  yes     yes    yes           no       yes         yes    yes
    """,
    "pledges.change_pledge": """
        state     officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       yes         no     yes
        open      no      no     no            no       no          no     no
        signed    no      no     no            no       no          no     no
        archived  no      no     no            no       no          no     no
    """,
    "pledges.manage_pledge": """
        state     officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       yes         no     yes
        open      no      no     no            no       yes         no     yes
        signed    no      no     no            no       yes         no     yes
        archived  no      no     no            no       yes         no     yes
    """,
    # Back to draft while open (the service also refuses once anybody has signed).
    "pledges.redraft_pledge": """
        state     officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     no
        open      no      no     no            no       yes         no     yes
        signed    no      no     no            no       no          no     no
        archived  no      no     no            no       no          no     no
    """,
    "pledges.archive_pledge": """
        state     officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     no
        open      no      no     no            no       no          no     no
        signed    no      no     no            no       yes         no     yes
        archived  no      no     no            no       no          no     no
    """,
    # Only a party's leader signs, and only while the pledge is open.
    "pledges.sign_pledge": """
        state     officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     no
        open      no      yes    no            no       no          no     no
        signed    no      no     no            no       no          no     no
        archived  no      no     no            no       no          no     no
    """,
    # The secretariat records a signature from the paper original.
    "pledges.record_signature": """
        state     officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     no
        open      no      no     no            no       yes         no     yes
        signed    no      no     no            no       no          no     no
        archived  no      no     no            no       no          no     no
    """,
    "pledges.delete_pledge": """
        state     officer leader other_officer outsider secretariat viewer admin
        draft     no      no     no            no       no          no     yes
        open      no      no     no            no       no          no     no
        signed    no      no     no            no       no          no     no
        archived  no      no     no            no       no          no     no
    """,
}

REGISTRATION = {
    # A draft is the unit's own; once submitted the secretariat and sector viewers read it.
    # Another unit never does.
    "pledges.view_registration": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      yes     yes    no            no       no          no     no
        submitted  yes     yes    no            no       yes         yes    yes
        returned   yes     yes    no            no       yes         yes    yes
        accepted   yes     yes    no            no       yes         yes    yes
    """,
    "pledges.change_registration": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      yes     yes    no            no       no          no     no
        submitted  no      no     no            no       no          no     no
        returned   yes     yes    no            no       no          no     no
        accepted   no      no     no            no       no          no     no
    """,
    "pledges.review_registration": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       no          no     no
        submitted  no      no     no            no       yes         no     yes
        returned   no      no     no            no       no          no     no
        accepted   no      no     no            no       no          no     no
    """,
    # Reopening moves the unit's deadline: it does not depend on the registration's status.
    "pledges.reopen_registration": """
        state      officer leader other_officer outsider secretariat viewer admin
        draft      no      no     no            no       yes         no     yes
        submitted  no      no     no            no       yes         no     yes
        returned   no      no     no            no       yes         no     yes
        accepted   no      no     no            no       yes         no     yes
    """,
}

# Asked of an object of our cluster year ("ours") or of another cluster year ("theirs").
CLUSTER_YEAR_OBJECTS = {
    "pledges.add_pledge": """
        owner   officer leader other_officer outsider secretariat viewer admin
        ours    no      no     no            no       yes         no     yes
        theirs  no      no     no            no       no          no     yes
    """,
    "pledges.manage_rounds": """
        owner   officer leader other_officer outsider secretariat viewer admin
        ours    no      no     no            no       yes         no     yes
        theirs  no      no     no            no       no          no     yes
    """,
    "pledges.view_registrationround": """
        owner   officer leader other_officer outsider secretariat viewer admin
        ours    yes     yes    yes           no       yes         yes    yes
        theirs  no      no     no            no       no          yes    yes
    """,
}

# Master data and the parts of pledges and registrations: the sector administrator's, in
# the Django admin.
ADMIN_ONLY = [
    f"pledges.{action}_{model}"
    for model in (
        "commitment",
        "pledgeparty",
        "signature",
        "pledgeattachment",
        "registrationitem",
        "registrationevent",
    )
    for action in ("view", "add", "change", "delete")
] + [
    "pledges.add_title",
    "pledges.change_title",
    "pledges.delete_title",
    "pledges.add_titlemultiplier",
    "pledges.change_titlemultiplier",
    "pledges.delete_titlemultiplier",
    "pledges.add_registrationround",
    "pledges.change_registrationround",
    "pledges.delete_registrationround",
    "pledges.add_registration",
    "pledges.delete_registration",
]
EVERYONE = ["pledges.view_title", "pledges.view_titlemultiplier"]


@pytest.fixture
def pledge_in(cluster_year, our_unit, other_unit):
    def build(status):
        pledge = PledgeFactory(cluster_year=cluster_year, status=status)
        for unit in (our_unit, other_unit):
            PledgePartyFactory(pledge=pledge, unit=unit)
        return pledge

    return build


@pytest.fixture
def registration_in(cluster_year, our_unit):
    def build(status):
        round_ = RegistrationRoundFactory(cluster_year=cluster_year)
        return RegistrationFactory(round=round_, unit=our_unit, status=status)

    return build


def test_the_states_are_the_models_states():
    assert {"draft", "open", "signed", "archived"} == set(PledgeStatus.values)
    assert {"draft", "submitted", "returned", "accepted"} == set(RegistrationStatus.values)


def test_every_permission_of_the_app_is_asked_here():
    asked = {*PLEDGE, *REGISTRATION, *CLUSTER_YEAR_OBJECTS, *ADMIN_ONLY, *EVERYONE}
    assert {name for name in permissions if name.startswith("pledges.")} == asked


@pytest.mark.parametrize(("perm", "state", "role", "expected"), truth_tables(PLEDGE))
def test_pledge(user_of, pledge_in, perm, state, role, expected):
    assert user_of(role).has_perm(perm, pledge_in(state)) is expected


@pytest.mark.parametrize(("perm", "state", "role", "expected"), truth_tables(REGISTRATION))
def test_registration_of_our_unit(user_of, registration_in, perm, state, role, expected):
    assert user_of(role).has_perm(perm, registration_in(state)) is expected


@pytest.mark.parametrize(("perm", "owner", "role", "expected"), truth_tables(CLUSTER_YEAR_OBJECTS))
def test_pledge_and_round_of_a_cluster_year(user_of, cluster_year, perm, owner, role, expected):
    year = cluster_year if owner == "ours" else ClusterYearFactory()
    obj = (
        PledgeFactory(cluster_year=year)
        if perm == "pledges.add_pledge"
        else RegistrationRoundFactory(cluster_year=year)
    )
    assert user_of(role).has_perm(perm, obj) is expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", ADMIN_ONLY)
def test_admin_only(user_of, perm, role):
    assert rules.perm_exists(perm)
    assert user_of(role).has_perm(perm) is (role == "admin")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", EVERYONE)
def test_everyone_signed_in(user_of, perm, role):
    assert user_of(role).has_perm(perm) is True
