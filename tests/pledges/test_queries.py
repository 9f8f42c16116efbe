"""Pledge and registration pages cost a bounded number of queries whatever the data size."""

import pytest
from django.urls import reverse

from pledges import services
from tests.factories.pledges import CommitmentFactory, PledgeFactory, RegistrationFactory
from tests.factories.units import ClusterMembershipFactory, PersonFactory

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
