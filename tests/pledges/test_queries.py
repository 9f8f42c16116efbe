"""Pledge and registration pages cost a bounded number of queries whatever the data size;
the list pages cost exactly the same number at 1 and at 3 items."""

from datetime import date

import pytest
from django.urls import reverse

from pledges import services
from pledges.choices import PledgeStatus, RegistrationStatus
from tests.factories.pledges import (
    CommitmentFactory,
    PledgeFactory,
    PledgePartyFactory,
    RegistrationFactory,
    RegistrationItemFactory,
    RegistrationRoundFactory,
)
from tests.factories.units import ClusterMembershipFactory, PersonFactory
from tests.helpers.pledges import sign

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


def grow(cluster_year, pledge, registration_round, our_unit, officer, titles, size):
    for i in range(size):
        membership = ClusterMembershipFactory(cluster_year=cluster_year)
        CommitmentFactory(pledge=pledge, content=f"Nội dung {i}")
        PledgeFactory(cluster_year=cluster_year, title=f"Giao ước {i}")
        RegistrationFactory(round=registration_round, unit=membership.unit, status="submitted")
        PersonFactory(unit=our_unit)
    people = list(our_unit.staff.all())
    registration = RegistrationFactory(round=registration_round, unit=our_unit)
    services.registration_save_items(
        registration=registration,
        actor=officer,
        items=[{"title": titles[("LDTT", "person")], "person": p} for p in people]
        + [{"title": titles[("CSTDCS", "person")], "person": p} for p in people],
    )
    return registration


@pytest.mark.parametrize("size", [1, 20])
@pytest.mark.parametrize("role", ["officer", "leader", "secretariat"])
def test_pledge_and_registration_pages_bounded(
    client,
    user_of,
    cluster_year,
    pledge,
    registration_round,
    our_unit,
    titles,
    size,
    role,
    django_assert_max_num_queries,
):
    registration = grow(
        cluster_year, pledge, registration_round, our_unit, user_of("officer"), titles, size
    )
    services.pledge_open(pledge=pledge, actor=user_of("secretariat"))
    registration.status = "submitted"
    registration.save()
    client.force_login(user_of(role))
    urls = [
        reverse("dashboard"),
        reverse("pledges:pledge_list"),
        reverse("pledges:pledge_detail", args=[pledge.pk]),
        reverse("pledges:pledge_docx", args=[pledge.pk]),
        reverse("pledges:round_list"),
        reverse("pledges:registration_detail", args=[registration.pk]),
    ]
    if role == "leader":
        urls.append(reverse("pledges:pledge_sign", args=[pledge.pk]))
    if role == "secretariat":
        urls += [
            reverse("pledges:round_detail", args=[registration_round.pk]),
            reverse("pledges:round_export", args=[registration_round.pk]),
            reverse("pledges:pledge_record", args=[pledge.pk]),
        ]
    for url in urls:
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("size", [1, 20])
def test_registration_editor_bounded(
    client, officer, registration_round, our_unit, titles, size, django_assert_max_num_queries
):
    people = [PersonFactory(unit=our_unit) for _ in range(size)]
    registration = RegistrationFactory(round=registration_round, unit=our_unit)
    services.registration_save_items(
        registration=registration,
        actor=officer,
        items=[{"title": titles[("LDTT", "person")], "person": p} for p in people],
    )
    client.force_login(officer)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("pledges:registration_detail", args=[registration.pk]))
    assert len(response.context["formset"].forms) == size + 3


# Exact counts at 1 and 3 items: one more query per item (N+1) fails. --------------------


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["officer", "leader", "secretariat", "viewer", "admin"])
def test_pledge_list_exact(
    client, user_of, cluster_year, our_unit, other_unit, get_in_queries, role, size
):
    """Open pledges, each with both member units as parties and our unit's signature."""
    for i in range(size):
        pledge = PledgeFactory(cluster_year=cluster_year, status=PledgeStatus.OPEN)
        CommitmentFactory(pledge=pledge, content=f"Nội dung {i}")
        for unit in (our_unit, other_unit):
            PledgePartyFactory(pledge=pledge, unit=unit)
        sign(pledge, user_of("leader"), our_unit)
    client.force_login(user_of(role))
    page = get_in_queries(reverse("pledges:pledge_list"), 7)
    assert len(page.context["pledges"]) == size


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["officer", "secretariat", "viewer", "admin"])
def test_round_list_exact(client, user_of, cluster_year, our_unit, get_in_queries, role, size):
    """Rounds, each with our unit's registration."""
    for _ in range(size):
        round_ = RegistrationRoundFactory(cluster_year=cluster_year, deadline=date(2099, 12, 31))
        RegistrationFactory(round=round_, unit=our_unit, status=RegistrationStatus.SUBMITTED)
    client.force_login(user_of(role))
    page = get_in_queries(reverse("pledges:round_list"), 7)
    assert len(page.context["rounds"]) == size


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["secretariat", "viewer", "admin"])
def test_round_detail_exact(
    client, user_of, cluster_year, registration_round, titles, get_in_queries, role, size
):
    """The consolidated table over `size` more member units, each with a submitted
    registration of a collective and a person's title."""
    for _ in range(size):
        unit = ClusterMembershipFactory(cluster_year=cluster_year).unit
        registration = RegistrationFactory(
            round=registration_round, unit=unit, status=RegistrationStatus.SUBMITTED
        )
        RegistrationItemFactory(registration=registration, title=titles[("TTLDXS", "collective")])
        RegistrationItemFactory(
            registration=registration,
            title=titles[("LDTT", "person")],
            person=PersonFactory(unit=unit),
        )
    client.force_login(user_of(role))
    page = get_in_queries(reverse("pledges:round_detail", args=[registration_round.pk]), 9)
    assert len([row for row in page.context["rows"] if row["registration"]]) == size


@pytest.mark.parametrize("size", [1, 20])
def test_pledge_editor_bounded(client, secretariat, pledge, size, django_assert_max_num_queries):
    """The commitment rows and the empty row the page adds from cost no query each."""
    for i in range(size):
        CommitmentFactory(pledge=pledge, content=f"Nội dung {i}")
    client.force_login(secretariat)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("pledges:pledge_edit", args=[pledge.pk]))
    assert len(response.context["commitments"].forms) == size + 2 + 2
    assert b"data-formset-empty" in response.content


@pytest.mark.parametrize("size", [1, 20])
def test_signed_leader_pages_bounded(
    client, leader, secretariat, cluster_year, pledge, our_unit, size, django_assert_max_num_queries
):
    """The leader whose unit signed: the pledge's page says so, a second try sends there."""
    for _ in range(size):
        ClusterMembershipFactory(cluster_year=cluster_year)
    services.pledge_open(pledge=pledge, actor=secretariat)
    sign(pledge, leader, our_unit)
    client.force_login(leader)
    for url, status in (
        (reverse("pledges:pledge_detail", args=[pledge.pk]), 200),
        (reverse("pledges:pledge_sign", args=[pledge.pk]), 302),
    ):
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(url).status_code == status
