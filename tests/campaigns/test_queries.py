"""Campaign pages cost a bounded number of queries whatever the data size; the list pages
cost exactly the same number at 1 and at 3 items."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.factories.campaigns import (
    CampaignEventFactory,
    CampaignFactory,
    ContentAreaFactory,
    CriterionFactory,
    EventAttachmentFactory,
    PhaseFactory,
    RubricFactory,
    RubricGroupFactory,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


def grow(campaign, rubric, size):
    for i in range(size):
        other = CampaignFactory(cluster_year=campaign.cluster_year, title=f"Phong trào {i}")
        day = date(2030, 1, 1) + timedelta(days=3 * i)
        PhaseFactory(
            campaign=other, name=f"Đợt {i}", start_date=day, end_date=day, results_deadline=day
        )
        ContentAreaFactory(campaign=campaign)
        event = CampaignEventFactory(campaign=campaign, date=date(2025, 1, 1) + timedelta(days=i))
        EventAttachmentFactory(event=event)
        group = RubricGroupFactory(rubric=rubric, code=f"X{i}")
        CriterionFactory(group=group, code=f"X{i}.1")


@pytest.mark.parametrize("size", [1, 25])
@pytest.mark.parametrize("role", ["officer", "secretariat", "admin"])
def test_campaign_pages_bounded(
    client,
    user_of,
    campaign,
    rubric,
    size,
    role,
    settings,
    tmp_path,
    django_assert_max_num_queries,
):
    settings.MEDIA_ROOT = tmp_path
    grow(campaign, rubric, size)
    event = campaign.events.first()
    client.force_login(user_of(role))
    urls = [
        reverse("dashboard"),
        reverse("campaigns:campaign_list"),
        reverse("campaigns:campaign_list") + "?year=2025&scope=cluster_year",
        reverse("campaigns:campaign_detail", args=[campaign.pk]),
        reverse("campaigns:rubric_detail", args=[rubric.pk]),
        reverse("campaigns:rubric_export", args=[rubric.pk]),
        reverse("campaigns:event_detail", args=[event.pk]),
        reverse("campaigns:agenda") + "?year=2025",
    ]
    if role != "officer":
        urls += [
            reverse("campaigns:campaign_edit", args=[campaign.pk]),
            reverse("campaigns:rubric_edit", args=[rubric.pk]),
            reverse("campaigns:rubric_add", args=[campaign.pk]),
            reverse("campaigns:campaign_add"),
        ]
    for url in urls:
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(url)
        assert response.status_code == 200, url


# Exact counts at 1 and 3 items: one more query per item (N+1) fails. --------------------


def campaigns_of(cluster_year, size):
    """`size` campaigns of the cluster year, each with two phases, a content area, a rubric
    and an event with an attachment."""
    campaigns = []
    for i in range(size):
        campaign = CampaignFactory(cluster_year=cluster_year, title=f"Phong trào {i}")
        for start in (date(2025, 1, 1), date(2025, 7, 1)):
            PhaseFactory(campaign=campaign, start_date=start, end_date=start + timedelta(days=90))
        ContentAreaFactory(campaign=campaign)
        RubricFactory(campaign=campaign)
        EventAttachmentFactory(event=CampaignEventFactory(campaign=campaign))
        campaigns.append(campaign)
    return campaigns


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["officer", "secretariat", "viewer", "admin"])
def test_campaign_list_exact(
    client, user_of, cluster_year, settings, tmp_path, get_in_queries, role, size
):
    settings.MEDIA_ROOT = tmp_path
    campaigns_of(cluster_year, size)
    client.force_login(user_of(role))
    page = get_in_queries(reverse("campaigns:campaign_list"), 7)
    assert len(page.context["campaigns"]) == size


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("role", ["officer", "secretariat", "admin"])
def test_agenda_exact(
    client, user_of, cluster_year, settings, tmp_path, get_in_queries, role, size
):
    settings.MEDIA_ROOT = tmp_path
    campaigns_of(cluster_year, size)
    client.force_login(user_of(role))
    page = get_in_queries(reverse("campaigns:agenda") + "?year=2025", 7)
    assert len(page.context["events"]) == size
