from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from campaigns import services
from campaigns.models import Campaign, Criterion, EventAttachment, Phase, Rubric, RubricGroup
from core.exceptions import ActionRefused
from tests.factories.campaigns import CampaignEventFactory
from units.models import AuditEntry

pytestmark = pytest.mark.django_db


def campaign_data(cluster_year, **overrides):
    return {
        "title": "Phong trào thi đua năm 2025",
        "theme": "Đoàn kết, kỷ cương",
        "kind": "regular",
        "scope": "cluster_year",
        "cluster_year": cluster_year,
        "start_date": date(2025, 1, 1),
        "end_date": date(2025, 12, 31),
        **overrides,
    }


def phases_2025():
    return [
        {
            "name": "Đợt 1",
            "start_date": date(2025, 1, 1),
            "end_date": date(2025, 6, 30),
            "review_kind": "preliminary",
            "results_deadline": date(2025, 7, 10),
            "review_date": None,
        },
        {
            "name": "Đợt 2",
            "start_date": date(2025, 7, 1),
            "end_date": date(2025, 12, 31),
            "review_kind": "final",
            "results_deadline": date(2025, 12, 5),
            "review_date": None,
        },
    ]


def test_secretariat_creates_campaign_with_phases_and_contents(secretariat, cluster_year):
    campaign = services.campaign_save(
        actor=secretariat,
        data=campaign_data(cluster_year),
        phases=phases_2025(),
        content_areas=["Nội dung 1", "", "  Nội dung 2  "],
    )
    assert list(campaign.phases.values_list("name", flat=True)) == ["Đợt 1", "Đợt 2"]
    assert list(campaign.content_areas.values_list("title", flat=True)) == [
        "Nội dung 1",
        "Nội dung 2",
    ]
    assert AuditEntry.objects.filter(action="campaign.create", object_id=str(campaign.pk)).exists()


def test_launch_date_may_differ_from_the_period(admin_user):
    """The 80th-anniversary plan: launched 05/7/2024, phase 1 counts from 01/7/2024."""
    campaign = services.campaign_save(
        actor=admin_user,
        data={
            "title": "80 năm",
            "kind": "thematic",
            "scope": "sector",
            "launch_date": date(2024, 7, 5),
            "start_date": date(2024, 7, 1),
            "end_date": date(2025, 11, 23),
        },
        phases=[
            {
                "name": "Giai đoạn 1",
                "start_date": date(2024, 7, 1),
                "end_date": date(2024, 12, 31),
                "review_kind": "preliminary",
                "results_deadline": date(2025, 1, 10),
                "review_date": None,
            },
        ],
        content_areas=[],
    )
    assert campaign.launch_date == date(2024, 7, 5)
    assert campaign.phases.get().start_date == date(2024, 7, 1)


def test_secretariat_cannot_create_for_another_cluster_year(secretariat, other_cluster_campaign):
    with pytest.raises(ActionRefused):
        services.campaign_save(
            actor=secretariat,
            data=campaign_data(other_cluster_campaign.cluster_year, title="Không được"),
            phases=[],
            content_areas=[],
        )
    assert not Campaign.objects.filter(title="Không được").exists()


def test_secretariat_cannot_create_sector_campaign(secretariat):
    with pytest.raises(ActionRefused):
        services.campaign_save(
            actor=secretariat,
            data=campaign_data(None, scope="sector", title="Toàn ngành"),
            phases=[],
            content_areas=[],
        )
    assert not Campaign.objects.filter(title="Toàn ngành").exists()


def test_officer_cannot_create_campaign(officer, cluster_year):
    with pytest.raises(ActionRefused):
        services.campaign_save(
            actor=officer, data=campaign_data(cluster_year), phases=[], content_areas=[]
        )


def test_overlapping_phases_refused_and_nothing_written(secretariat, cluster_year):
    phases = phases_2025()
    phases[1]["start_date"] = date(2025, 6, 1)
    with pytest.raises(ActionRefused):
        services.campaign_save(
            actor=secretariat, data=campaign_data(cluster_year), phases=phases, content_areas=["x"]
        )
    assert not Campaign.objects.exists() and not Phase.objects.exists()


def test_phases_can_be_shifted_together(secretariat, campaign):
    """Moving the boundary between two phases passes, although a one-by-one update overlaps."""
    ids = list(campaign.phases.order_by("start_date").values_list("pk", flat=True))
    phases = phases_2025()
    phases[0].update(id=ids[0], end_date=date(2025, 8, 31))
    phases[1].update(id=ids[1], start_date=date(2025, 9, 1))
    services.campaign_save(
        campaign=campaign,
        actor=secretariat,
        data=campaign_data(campaign.cluster_year),
        phases=list(reversed(phases)),
        content_areas=[],
    )
    assert list(campaign.phases.order_by("start_date").values_list("end_date", flat=True)) == [
        date(2025, 8, 31),
        date(2025, 12, 31),
    ]


def test_removed_phase_is_deleted(secretariat, campaign):
    first, second = campaign.phases.order_by("start_date")
    kept = phases_2025()[:1]
    kept[0]["id"] = first.pk
    services.campaign_save(
        campaign=campaign,
        actor=secretariat,
        data=campaign_data(campaign.cluster_year),
        phases=kept,
        deleted_phase_ids=[second.pk],
        content_areas=[],
    )
    assert list(campaign.phases.all()) == [first]


# Rubrics --------------------------------------------------------------------------


def structure(rubric):
    return sorted(
        (c.group.code, c.code, c.max_points, c.kind)
        for c in Criterion.objects.filter(rubric=rubric)
    )


def test_rubric_save_keeps_criterion_identity(secretariat, rubric):
    a1 = Criterion.objects.get(rubric=rubric, code="A1")
    groups = [
        {"id": g.pk, "code": g.code, "title": g.title, "order": g.order}
        for g in rubric.groups.all()
    ]
    criteria = [
        {
            "id": c.pk,
            "group_code": c.group.code,
            "code": c.code,
            "title": c.title,
            "guidance": "",
            "max_points": c.max_points,
            "kind": c.kind,
            "evidence_required": False,
            "order": c.order,
        }
        for c in Criterion.objects.filter(rubric=rubric).select_related("group")
    ]
    criteria[0]["max_points"] = Decimal("12.5")
    services.rubric_save(
        rubric=rubric,
        actor=secretariat,
        header={"title": "Mới", "bonus_cap": Decimal("3"), "tie_break_groups": "A"},
        groups=groups,
        criteria=criteria,
        revision=rubric.revision,
    )
    changed = Criterion.objects.get(pk=criteria[0]["id"])  # the same row, updated in place
    assert changed.max_points == Decimal("12.5")
    assert set(Criterion.objects.filter(rubric=rubric).values_list("pk", flat=True)) == {
        c["id"] for c in criteria
    }
    assert a1.pk in {c["id"] for c in criteria}
    rubric.refresh_from_db()
    assert rubric.title == "Mới" and rubric.revision == 1


def test_rubric_save_with_stale_revision_is_refused(secretariat, rubric):
    with translation.override("en"), pytest.raises(ActionRefused) as refused:
        services.rubric_save(
            rubric=rubric,
            actor=secretariat,
            header={"title": "X"},
            groups=[],
            criteria=[],
            revision=rubric.revision - 1,
        )
    assert "reload" in refused.value.message  # tells the user how to recover
    assert Criterion.objects.filter(rubric=rubric).count() == 3
    rubric.refresh_from_db()
    assert rubric.title != "X"


def test_frozen_rubric_cannot_be_saved_but_can_be_versioned(secretariat, rubric):
    services.rubric_freeze(rubric=rubric)
    rubric.refresh_from_db()
    with pytest.raises(ActionRefused):
        services.rubric_save(
            rubric=rubric,
            actor=secretariat,
            header={"title": "X"},
            groups=[],
            criteria=[],
            revision=rubric.revision,
        )
    new = services.rubric_new_version(rubric=rubric, actor=secretariat)
    assert (new.version, new.previous, new.is_frozen) == (2, rubric, False)
    assert structure(new) == structure(rubric)
    # The old version and its criteria stay untouched for the submissions that used them.
    assert Criterion.objects.filter(rubric=rubric).count() == 3
    with pytest.raises(ActionRefused):
        services.rubric_new_version(rubric=rubric, actor=secretariat)


def test_new_version_of_unfrozen_rubric_is_refused(secretariat, rubric):
    with pytest.raises(ActionRefused):
        services.rubric_new_version(rubric=rubric, actor=secretariat)


def test_rubric_copy_to_another_campaign(secretariat, rubric, cluster_year):
    target = services.campaign_save(
        actor=secretariat,
        data=campaign_data(cluster_year, title="Năm sau"),
        phases=[],
        content_areas=[],
    )
    copy = services.rubric_copy(source=rubric, actor=secretariat, campaign=target)
    assert copy.campaign == target and copy.version == 1
    assert structure(copy) == structure(rubric)
    assert RubricGroup.objects.filter(rubric=copy).count() == 2


def test_rubric_copy_into_campaign_one_cannot_manage_is_refused(officer, rubric):
    with pytest.raises(ActionRefused):
        services.rubric_copy(source=rubric, actor=officer, campaign=rubric.campaign)
    assert Rubric.objects.count() == 1


# Events ---------------------------------------------------------------------------


def png_bytes():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (800, 400), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def test_photo_attachment_gets_thumbnail_and_keeps_vietnamese_name(
    secretariat, campaign, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    event = CampaignEventFactory(campaign=campaign)
    attachment = services.attachment_add(
        event=event,
        actor=secretariat,
        uploaded=SimpleUploadedFile("Ảnh lễ ký kết.png", png_bytes()),
    )
    assert attachment.original_name == "Ảnh lễ ký kết.png"
    assert attachment.is_image and attachment.thumbnail
    assert "Ảnh" not in attachment.file.name  # stored under a generated name
    assert (tmp_path / attachment.file.name).exists()


def test_disguised_file_refused(secretariat, campaign, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = CampaignEventFactory(campaign=campaign)
    with pytest.raises(ActionRefused):
        services.attachment_add(
            event=event,
            actor=secretariat,
            uploaded=SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 program"),
        )
    assert not EventAttachment.objects.exists()


def test_officer_cannot_add_events(officer, campaign):
    with pytest.raises(ActionRefused):
        services.event_save(
            campaign=campaign,
            actor=officer,
            data={"kind": "press", "title": "Tin", "date": timezone.localdate()},
        )
