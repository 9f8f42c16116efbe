import os
from datetime import date

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.factories.campaigns import (
    CampaignFactory,
    CriterionFactory,
    PhaseFactory,
    RubricFactory,
    RubricGroupFactory,
)
from tests.factories.units import (
    ClusterMembershipFactory,
    ClusterYearFactory,
    UnitFactory,
)
from tests.roles import ROLE_FIXTURES, ROLES, user_with_role
from units.choices import Role

# Fixtures shared across folders (ballots are candidates' source for proposals, and the
# browser tests drive them).
pytest_plugins = ["tests.evaluations.ballots.fixtures"]

# Property-based tests (hypothesis): few examples, no deadline (each example is a request
# against PostgreSQL), no example database written into the work tree. Raise the count
# for a deeper run with HYPOTHESIS_PROFILE=deep.
hypothesis_settings.register_profile(
    "thidua",
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.register_profile(
    "deep", parent=hypothesis_settings.get_profile("thidua"), max_examples=300
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "thidua"))


@pytest.fixture(scope="session", autouse=True)
def no_collected_static_files(tmp_path_factory):
    """Pages under test link the source static files, whatever `collectstatic` left in the
    work tree (the benchmark collects one): a stale manifest would link names the test
    server cannot find, and the browser tests would run without their scripts."""
    from django.test import override_settings

    with override_settings(STATIC_ROOT=tmp_path_factory.mktemp("static")):
        yield


@pytest.fixture(scope="session")
def _demo_key_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-key")


@pytest.fixture(autouse=True)
def _fast_hashing_and_vietnamese(settings, _demo_key_dir):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.LANGUAGE_CODE = "vi"
    settings.BALLOT_KEY_BITS = 512  # the ballot keys (2048 bits in production)
    settings.DEMO_BALLOT_KEY_FILE = _demo_key_dir / "demo-ballot-key.txt"  # not var/


@pytest.fixture
def cluster_year(db):
    """A cluster year with two member units (our unit and a neighbour)."""
    cy = ClusterYearFactory()
    ClusterMembershipFactory(cluster_year=cy)
    ClusterMembershipFactory(cluster_year=cy)
    return cy


@pytest.fixture
def our_unit(cluster_year):
    return cluster_year.memberships.order_by("pk")[0].unit


@pytest.fixture
def other_unit(cluster_year):
    return cluster_year.memberships.order_by("pk")[1].unit


@pytest.fixture
def outside_unit(db):
    """A unit in no cluster of ours."""
    return UnitFactory()


@pytest.fixture
def admin_user(db):
    return user_with_role(Role.SECTOR_ADMIN, user_unit=UnitFactory())


@pytest.fixture
def officer(our_unit):
    return user_with_role(Role.UNIT_OFFICER, unit=our_unit)


@pytest.fixture
def leader(our_unit):
    return user_with_role(Role.UNIT_LEADER, unit=our_unit)


@pytest.fixture
def other_officer(other_unit):
    return user_with_role(Role.UNIT_OFFICER, unit=other_unit)


@pytest.fixture
def outsider_officer(outside_unit):
    return user_with_role(Role.UNIT_OFFICER, unit=outside_unit)


@pytest.fixture
def secretariat(cluster_year, other_unit):
    return user_with_role(Role.SECRETARIAT, cluster_year=cluster_year, user_unit=other_unit)


@pytest.fixture
def viewer(db):
    return user_with_role(Role.VIEWER, user_unit=UnitFactory())


@pytest.fixture
def user_of(request):
    """`user_of(role)`: the user of a role of tests/roles.py (its fixture, built on first use)."""

    def user_of(role):
        return request.getfixturevalue(ROLE_FIXTURES[role])

    return user_of


@pytest.fixture
def role_users(user_of):
    """Every role's user, by role name."""
    return {role: user_of(role) for role in ROLES}


# Campaigns ------------------------------------------------------------------------


@pytest.fixture
def campaign(cluster_year):
    """Our cluster year's campaign with two phases."""
    campaign = CampaignFactory(cluster_year=cluster_year)
    PhaseFactory(campaign=campaign)
    PhaseFactory(
        campaign=campaign,
        name="Đợt 2",
        start_date=date(2025, 7, 1),
        end_date=date(2025, 12, 31),
        review_kind="final",
        results_deadline=date(2025, 12, 5),
    )
    return campaign


@pytest.fixture
def rubric(campaign):
    rubric = RubricFactory(campaign=campaign, tie_break_groups="A")
    group_a = RubricGroupFactory(rubric=rubric, code="A", title="Công tác thanh tra", order=0)
    group_b = RubricGroupFactory(rubric=rubric, code="B", title="Điểm thưởng", order=1)
    CriterionFactory(group=group_a, code="A1", max_points=10, order=0)
    CriterionFactory(group=group_a, code="A2", max_points=5, order=1, evidence_required=True)
    CriterionFactory(group=group_b, code="B1", max_points=3, kind="bonus", order=0)
    return rubric


@pytest.fixture
def titles(db):
    """The catalogue of titles (loaded by a data migration, which a flushed test database lacks)."""
    from pledges.catalogue import load
    from pledges.models import Title

    load(Title)
    return {(t.code, t.recipient): t for t in Title.objects.all()}


# Pledges and registrations ----------------------------------------------------------


@pytest.fixture
def pledge(cluster_year):
    """A draft pledge of our cluster year with two commitments."""
    from tests.factories.pledges import CommitmentFactory, PledgeFactory

    pledge = PledgeFactory(cluster_year=cluster_year, signing_date=None)
    CommitmentFactory(pledge=pledge, content="Hoàn thành kế hoạch thanh tra", target="100%")
    CommitmentFactory(pledge=pledge, content="Cải cách hành chính", target="")
    return pledge


@pytest.fixture
def open_pledge(pledge, secretariat):
    from pledges import services

    return services.pledge_open(pledge=pledge, actor=secretariat)


@pytest.fixture
def registration_round(cluster_year):
    from tests.factories.pledges import RegistrationRoundFactory

    return RegistrationRoundFactory(cluster_year=cluster_year, deadline=date(2099, 12, 31))


# Results -------------------------------------------------------------------------


@pytest.fixture
def phase(campaign, rubric):
    """Phase 1 of our cluster's campaign (deadline 10/07/2025), with the rubric in place."""
    return campaign.phases.order_by("start_date").first()


@pytest.fixture
def submission(phase, officer, our_unit):
    from evaluations.results import services

    return services.submission_start(phase=phase, unit=our_unit, actor=officer)


# Query counts ------------------------------------------------------------------------


@pytest.fixture
def get_in_queries(client, django_assert_num_queries):
    """`get_in_queries(url, n)`: GET `url` once to warm the process (the session, the content
    types, PostgreSQL's type OIDs read once by django.contrib.postgres), then again in
    exactly `n` queries. Returns the second response, which must be a 200."""

    def get(url, queries):
        assert client.get(url).status_code == 200, url
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200, url
        return response

    return get
