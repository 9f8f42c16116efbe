"""Campaign pages: refused posts change nothing, the campaign and rubric forms, events.

Who gets which page (status codes per role) is the permission matrix's (tests/security/).
"""

import re
from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Campaign, CampaignEvent, Criterion, EventAttachment, Phase, Rubric
from campaigns.rubric_xlsx import rubric_to_workbook
from tests.factories.campaigns import CampaignEventFactory, EventAttachmentFactory
from tests.factories.units import UnitFactory
from tests.helpers.browser_form import form_data as browser_form_data
from tests.helpers.campaigns import CRITERIA, GROUPS, PHASE_1, PHASE_2, form_data, rubric_post
from tests.roles import ROLES

pytestmark = pytest.mark.django_db

MANAGERS = {"admin", "secretariat"}


@pytest.fixture
def event(campaign):
    return CampaignEventFactory(campaign=campaign)


@pytest.fixture
def attachment(event, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return EventAttachmentFactory(event=event)


@pytest.mark.parametrize("role", sorted(set(ROLES) - MANAGERS))
def test_refused_posts_change_nothing(client, user_of, role, campaign, event, attachment):
    client.force_login(user_of(role))
    client.post(reverse("campaigns:event_delete", args=[event.pk]))
    client.post(reverse("campaigns:attachment_delete", args=[attachment.pk]))
    client.post(reverse("campaigns:rubric_add", args=[campaign.pk]))
    assert CampaignEvent.objects.filter(pk=event.pk).exists()
    assert EventAttachment.objects.filter(pk=attachment.pk).exists()
    assert not Rubric.objects.filter(campaign=campaign).exists()


def test_list_hides_other_clusters_and_orders_running_first(
    client, officer, campaign, other_cluster_campaign, sector_campaign
):
    today = timezone.localdate()
    running = Campaign.objects.create(
        title="Đang chạy", kind="regular", scope="sector", start_date=today, end_date=today
    )
    client.force_login(officer)
    shown = list(client.get(reverse("campaigns:campaign_list")).context["campaigns"])
    assert shown[0] == running
    assert other_cluster_campaign not in shown
    assert {campaign, sector_campaign} <= set(shown)


def test_list_filters_by_year_and_scope(client, officer, campaign, sector_campaign):
    client.force_login(officer)
    response = client.get(
        reverse("campaigns:campaign_list"), {"year": 2025, "scope": "cluster_year"}
    )
    assert list(response.context["campaigns"]) == [campaign]


def test_secretariat_creates_campaign_with_two_phases_in_one_form(
    client, secretariat, cluster_year
):
    client.force_login(secretariat)
    response = client.post(
        reverse("campaigns:campaign_add"), form_data(cluster_year, [PHASE_1, PHASE_2])
    )
    assert response.status_code == 302
    campaign = Campaign.objects.get(title="Phong trào thi đua năm 2026")
    assert [(p.name, p.results_deadline) for p in campaign.phases.all()] == [
        ("Đợt 1", date(2026, 7, 10)),
        ("Đợt 2", date(2026, 12, 5)),
    ]
    assert campaign.content_areas.count() == 2


def test_overlapping_phases_refused_with_everything_kept(client, secretariat, cluster_year):
    client.force_login(secretariat)
    overlapping = {**PHASE_2, "start_date": "15/06/2026"}
    response = client.post(
        reverse("campaigns:campaign_add"), form_data(cluster_year, [PHASE_1, overlapping])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["phases"].forms[1].errors["start_date"]
    assert 'value="15/06/2026"' in html and 'value="Kỷ cương, liêm chính"' in html
    assert "Nội dung một" in html
    assert not Campaign.objects.exists() and not Phase.objects.exists()


def test_phase_outside_the_period_refused(client, secretariat, cluster_year):
    client.force_login(secretariat)
    early = {**PHASE_1, "start_date": "01/12/2025"}
    response = client.post(reverse("campaigns:campaign_add"), form_data(cluster_year, [early]))
    assert response.status_code == 200
    assert response.context["phases"].forms[0].errors["start_date"]
    assert not Campaign.objects.exists()


def test_end_before_start_refused(client, secretariat, cluster_year):
    client.force_login(secretariat)
    response = client.post(
        reverse("campaigns:campaign_add"), form_data(cluster_year, [], end_date="01/01/2025")
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Campaign.objects.exists()


def test_edit_keeps_unchanged_phases(client, secretariat, campaign):
    client.force_login(secretariat)
    url = reverse("campaigns:campaign_edit", args=[campaign.pk])
    data = browser_form_data(client.get(url).content)
    data["title"] = "Đổi tên"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    campaign.refresh_from_db()
    assert campaign.title == "Đổi tên" and campaign.phases.count() == 2


def test_secretariat_moves_a_deadline_and_renames_a_phase(client, secretariat, campaign):
    """The form as the browser sends it, the blank "new phase" row untouched."""
    client.force_login(secretariat)
    url = reverse("campaigns:campaign_edit", args=[campaign.pk])
    data = browser_form_data(client.get(url).content)
    assert data["phases-TOTAL_FORMS"] == "3"  # two phases and the blank new one
    data["phases-0-results_deadline"] = "15/07/2025"
    data["phases-1-name"] = "Tổng kết năm"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["phases"].errors
    assert [(p.name, p.results_deadline) for p in campaign.phases.order_by("start_date")] == [
        ("Đợt 1", date(2025, 7, 15)),
        ("Tổng kết năm", date(2025, 12, 5)),
    ]


def test_a_deadline_typed_with_a_wrong_year_refused_with_everything_kept(
    client, secretariat, campaign
):
    client.force_login(secretariat)
    url = reverse("campaigns:campaign_edit", args=[campaign.pk])
    data = browser_form_data(client.get(url).content)
    data.update({"phases-0-results_deadline": "10/07/20255", "phases-1-name": "Tổng kết"})
    data["phases-1-results_deadline"] = "05/12/2225"
    response = client.post(url, data)
    assert response.status_code == 200
    forms = response.context["phases"].forms
    assert forms[1].errors["results_deadline"] == ["Nhập năm trong khoảng từ 1900 đến 2100."]
    assert forms[0].errors["results_deadline"]  # not a date at all
    html = response.content.decode()
    assert 'value="05/12/2225"' in html and 'value="Tổng kết"' in html
    assert 'value="10/07/20255"' in html
    assert not campaign.phases.filter(name="Tổng kết").exists()


def test_a_new_phase_half_filled_is_refused_with_what_is_missing(client, secretariat, campaign):
    client.force_login(secretariat)
    url = reverse("campaigns:campaign_edit", args=[campaign.pk])
    data = browser_form_data(client.get(url).content)
    data["phases-2-name"] = "Đợt bổ sung"
    response = client.post(url, data)
    assert response.status_code == 200
    assert set(response.context["phases"].forms[2].errors) == {
        "start_date",
        "end_date",
        "results_deadline",
    }
    assert "Đợt bổ sung" in response.content.decode()
    assert campaign.phases.count() == 2


# Rubric editor --------------------------------------------------------------------


def test_rubric_editor_saves_with_decimal_comma(client, secretariat, campaign):
    rubric = Rubric.objects.create(campaign=campaign, title="Mới")
    client.force_login(secretariat)
    response = client.post(
        reverse("campaigns:rubric_edit", args=[rubric.pk]), rubric_post(rubric, GROUPS, CRITERIA)
    )
    assert response.status_code == 302
    rubric.refresh_from_db()
    assert str(rubric.bonus_cap) == "3.50"
    assert sorted(Criterion.objects.filter(rubric=rubric).values_list("code", "max_points")) == [
        ("A1", 2.5),
        ("G1", 3),
    ]


def test_rubric_editor_refuses_duplicates_and_keeps_input(client, secretariat, campaign):
    rubric = Rubric.objects.create(campaign=campaign, title="Mới")
    client.force_login(secretariat)
    duplicate = [*CRITERIA, {**CRITERIA[0], "title": "Trùng mã", "max_points": "1"}]
    response = client.post(
        reverse("campaigns:rubric_edit", args=[rubric.pk]), rubric_post(rubric, GROUPS, duplicate)
    )
    assert response.status_code == 200
    assert response.context["criteria"].forms[2].errors["code"]
    assert 'value="Trùng mã"' in response.content.decode()
    assert not Criterion.objects.filter(rubric=rubric).exists()


def test_rubric_editor_refuses_bonus_without_cap(client, secretariat, campaign):
    rubric = Rubric.objects.create(campaign=campaign, title="Mới")
    client.force_login(secretariat)
    response = client.post(
        reverse("campaigns:rubric_edit", args=[rubric.pk]),
        rubric_post(rubric, GROUPS, CRITERIA, bonus_cap="0"),
    )
    assert response.context["header"].errors["bonus_cap"]


def test_rubric_editor_conflict_second_editor_gets_message(
    client, secretariat, admin_user, campaign
):
    rubric = Rubric.objects.create(campaign=campaign, title="Mới")
    stale = rubric_post(rubric, GROUPS, CRITERIA, title="Của thư ký")
    client.force_login(admin_user)
    assert (
        client.post(
            reverse("campaigns:rubric_edit", args=[rubric.pk]),
            rubric_post(rubric, GROUPS, CRITERIA, title="Của quản trị"),
        ).status_code
        == 302
    )
    client.force_login(secretariat)
    response = client.post(reverse("campaigns:rubric_edit", args=[rubric.pk]), stale)
    assert response.status_code == 200
    assert response.context["header"].non_field_errors()
    rubric.refresh_from_db()
    assert rubric.title == "Của quản trị"  # no lost update


def test_frozen_rubric_editor_redirects_to_detail(client, secretariat, rubric):
    rubric.frozen_at = timezone.now()
    rubric.save()
    client.force_login(secretariat)
    response = client.get(reverse("campaigns:rubric_edit", args=[rubric.pk]))
    assert response.status_code == 302
    assert response.url == reverse("campaigns:rubric_detail", args=[rubric.pk])


def test_new_version_button_creates_version_two(client, secretariat, rubric):
    rubric.frozen_at = timezone.now()
    rubric.save()
    client.force_login(secretariat)
    response = client.post(reverse("campaigns:rubric_new_version", args=[rubric.pk]))
    new = Rubric.objects.get(previous=rubric)
    assert response.url == reverse("campaigns:rubric_edit", args=[new.pk])
    assert new.version == 2 and new.criteria.count() == 3


def test_copy_last_years_rubric(client, secretariat, rubric, cluster_year):
    from tests.factories.campaigns import CampaignFactory

    next_year = CampaignFactory(cluster_year=cluster_year, title="Năm sau")
    client.force_login(secretariat)
    response = client.post(
        reverse("campaigns:rubric_add", args=[next_year.pk]), {"source": rubric.pk}
    )
    copy = Rubric.objects.get(campaign=next_year)
    assert response.url == reverse("campaigns:rubric_edit", args=[copy.pk])
    assert sorted(copy.criteria.values_list("code", flat=True)) == ["A1", "A2", "B1"]


def test_copying_a_rubric_a_second_time_asks_for_a_new_name(client, secretariat, rubric):
    campaign = rubric.campaign
    client.force_login(secretariat)
    url = reverse("campaigns:rubric_add", args=[campaign.pk])
    page = client.get(url).content.decode()
    assert "Phong trào này đã có bảng tiêu chí" in page
    data = browser_form_data(page)  # the first form: copy, the last rubric chosen
    data["source"] = str(rubric.pk)
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["copy_form"].errors["title"] == [
        "Phong trào này đã có bảng tiêu chí: hãy đặt tên mới cho bản sao."
    ]
    response = client.post(url, {**data, "title": f" {rubric.title.upper()} "})
    assert response.context["copy_form"].errors["title"] == [
        f"Phong trào này đã có bảng tiêu chí tên “{rubric.title}”: hãy chọn tên khác."
    ]
    assert Rubric.objects.filter(campaign=campaign).count() == 1
    response = client.post(url, {**data, "title": "Bảng tiêu chí bổ sung"})
    copy = Rubric.objects.get(campaign=campaign, version=2)
    assert response.url == reverse("campaigns:rubric_edit", args=[copy.pk])
    assert copy.title == "Bảng tiêu chí bổ sung" and copy.criteria.count() == 3


def test_copy_from_a_rubric_one_cannot_see_is_refused(
    client, secretariat, campaign, other_cluster_campaign
):
    hidden = Rubric.objects.create(campaign=other_cluster_campaign, title="Ẩn")
    client.force_login(secretariat)
    response = client.post(
        reverse("campaigns:rubric_add", args=[campaign.pk]), {"source": hidden.pk}
    )
    assert response.status_code == 200
    assert response.context["copy_form"].errors["source"]
    assert not Rubric.objects.filter(campaign=campaign).exists()


def test_import_replaces_structure_from_export(client, secretariat, rubric, campaign):
    exported = rubric_to_workbook(rubric)
    target = Rubric.objects.create(campaign=campaign, title="Đích", version=2)
    client.force_login(secretariat)
    response = client.post(
        reverse("campaigns:rubric_import", args=[target.pk]),
        {"file": SimpleUploadedFile("tieu-chi.xlsx", exported)},
    )
    assert response.status_code == 302
    assert sorted(target.criteria.values_list("code", "max_points")) == sorted(
        rubric.criteria.values_list("code", "max_points")
    )


def test_import_of_wrong_file_keeps_rubric(client, secretariat, rubric):
    client.force_login(secretariat)
    response = client.post(
        reverse("campaigns:rubric_import", args=[rubric.pk]),
        {"file": SimpleUploadedFile("tieu-chi.xlsx", b"not a workbook")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert rubric.criteria.count() == 3


# Events ---------------------------------------------------------------------------


def test_event_upload_photo_and_see_thumbnail(
    client, secretariat, officer, event, settings, tmp_path
):
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    buffer = BytesIO()
    Image.new("RGB", (1200, 800), "blue").save(buffer, format="JPEG")
    client.force_login(secretariat)
    response = client.post(
        reverse("campaigns:event_detail", args=[event.pk]),
        {"file": SimpleUploadedFile("Ảnh hội nghị.jpg", buffer.getvalue())},
    )
    assert response.status_code == 302
    attachment = EventAttachment.objects.get(event=event)
    client.force_login(officer)
    thumb = client.get(reverse("campaigns:attachment_thumbnail", args=[attachment.pk]))
    assert thumb.status_code == 200 and thumb["Content-Type"] == "image/jpeg"
    page = client.get(reverse("campaigns:event_detail", args=[event.pk])).content.decode()
    assert "Ảnh hội nghị.jpg" in page


def test_event_upload_of_wrong_type_shows_error(client, secretariat, event, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(secretariat)
    response = client.post(
        reverse("campaigns:event_detail", args=[event.pk]),
        {"file": SimpleUploadedFile("virus.exe", b"MZ\x90")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not EventAttachment.objects.exists()


def test_attachment_download_keeps_vietnamese_name(client, officer, attachment):
    client.force_login(officer)
    response = client.get(reverse("campaigns:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert "filename*=utf-8''Bi%C3%AAn%20b%E1%BA%A3n" in response["Content-Disposition"]


def test_agenda_lists_visible_events_only(client, officer, event, other_cluster_campaign):
    hidden = CampaignEventFactory(campaign=other_cluster_campaign, title="Không được thấy")
    client.force_login(officer)
    response = client.get(reverse("campaigns:agenda"), {"year": event.date.year})
    events = list(response.context["events"])
    assert event in events and hidden not in events


def test_dashboard_shows_next_deadlines_with_days_left_and_overdue_in_red(
    client, officer, cluster_year
):
    from tests.factories.campaigns import CampaignFactory, PhaseFactory

    today = timezone.localdate()
    running = CampaignFactory(
        cluster_year=cluster_year,
        start_date=today.replace(month=1, day=1),
        end_date=today.replace(month=12, day=31),
    )
    PhaseFactory(
        campaign=running,
        name="Đã quá hạn",
        start_date=running.start_date,
        end_date=running.start_date,
        results_deadline=today - timezone.timedelta(days=3),
    )
    for i in range(1, 8):
        day = today + timezone.timedelta(days=i * 2)
        if day.year != today.year:
            break
        PhaseFactory(
            campaign=running,
            name=f"Sắp tới {i}",
            start_date=day,
            end_date=day,
            results_deadline=day,
        )
    client.force_login(officer)
    context = client.get(reverse("dashboard")).context
    assert [d.days_overdue for d in context["overdue"]] == [3]
    upcoming = context["upcoming"]
    assert len(upcoming) <= 5
    assert [d.days_left for d in upcoming] == sorted(d.days_left for d in upcoming)
    assert "list-group-item-danger" in client.get(reverse("dashboard")).content.decode()


def test_issuing_unit_is_found_by_its_name_typed_without_accents_and_kept(
    client, secretariat, campaign
):
    """The issuing unit is a search field (units.pickers), not a select of every active unit:
    the page lists the chosen unit only; a name typed is found; an edit keeps the choice."""
    UnitFactory.create_batch(5)
    issuer = UnitFactory(name="Thanh tra tỉnh Thừa Thiên Huế")
    client.force_login(secretariat)
    url = reverse("campaigns:campaign_edit", args=[campaign.pk])
    html = client.get(url).content.decode()
    select = re.search(r'<select name="issuing_unit".*?</select>', html, re.S).group(0)
    assert select.count("<option") == 1 + (1 if campaign.issuing_unit_id else 0)
    data = browser_form_data(html)
    data["issuing_unit__q"] = "thua thien hue"
    assert client.post(url, data).status_code == 302
    campaign.refresh_from_db()
    assert campaign.issuing_unit == issuer
    again = browser_form_data(client.get(url).content)
    assert again["issuing_unit"] == str(issuer.pk)
    assert client.post(url, again).status_code == 302
    campaign.refresh_from_db()
    assert campaign.issuing_unit == issuer
