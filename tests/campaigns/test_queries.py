"""Campaign pages cost a bounded number of queries whatever the data size."""

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
