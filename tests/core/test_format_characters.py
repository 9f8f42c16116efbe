"""Invisible format characters (Unicode Cf: U+202E right-to-left override, zero-width
spaces and joiners, U+FEFF...) never reach a stored name or title: every form's text field
and every imported cell drops them."""

import pytest
from django.urls import reverse

from campaigns.models import Campaign
from core.text import strip_format_characters
from tests.factories.units import UnitFactory
from tests.helpers.campaigns import PHASE_1, form_data
from units.models import Person, Unit

RLO = "\u202e"  # right-to-left override: "An‮gnợ" displays reversed
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c"]
INVISIBLE += ["\u202d", RLO, "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\u00ad"]


@pytest.mark.parametrize("char", INVISIBLE)
def test_every_format_character_is_removed(char):
    assert strip_format_characters(f"Nguyễn{char} Văn{char}{char} An") == "Nguyễn Văn An"


def test_plain_and_vietnamese_text_is_unchanged():
    for text in ("", "Thanh tra tỉnh Hà Nam", "Đỗ Thị Ánh\nNguyệt\tĐẹp"):
        assert strip_format_characters(text) == text


@pytest.mark.django_db
def test_person_form_drops_format_characters(client, officer, our_unit):
    client.force_login(officer)
    url = reverse("units:person_add", args=[our_unit.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "full_name": f"\ufeffNguyễn Văn{RLO} An\u200b",
            "gender": "male",
            "position": f"Thanh\u200btra viên{RLO}",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(unit=our_unit)
    assert (person.full_name, person.position) == ("Nguyễn Văn An", "Thanhtra viên")


@pytest.mark.django_db
def test_a_name_of_format_characters_only_is_refused_as_empty(client, officer, our_unit):
    client.force_login(officer)
    response = client.post(
        reverse("units:person_add", args=[our_unit.pk]),
        {"full_name": f"{RLO}\u200b\u2066", "gender": "male", "is_active": "on"},
    )
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.content.decode()
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_campaign_title_drops_format_characters(client, secretariat, cluster_year):
    client.force_login(secretariat)
    response = client.post(
        reverse("campaigns:campaign_add"),
        form_data(cluster_year, [PHASE_1], title=f"Phong trào{RLO} thi đua\u2067 năm 2026"),
    )
    assert response.status_code == 302
    assert Campaign.objects.get().title == "Phong trào thi đua năm 2026"


@pytest.mark.django_db
def test_unit_name_in_the_admin_drops_format_characters(client, admin_user):
    unit = UnitFactory()
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:units_unit_change", args=[unit.pk]),
        {
            "code": unit.code,
            "name": f"Thanh tra tỉnh{RLO} Hà\u200d Nam",
            "short_name": unit.short_name,
            "kind": unit.kind,
            "province": unit.province,
            "note": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Unit.objects.get(pk=unit.pk).name == "Thanh tra tỉnh Hà Nam"


def test_passwords_are_left_as_typed():
    from django.contrib.auth.forms import AuthenticationForm

    field = AuthenticationForm.base_fields["password"]
    assert field.clean(f"mat{RLO}khau") == f"mat{RLO}khau"


@pytest.mark.django_db
def test_imported_names_drop_format_characters(officer, our_unit):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    from units.staff_import import staff_import

    workbook = Workbook()
    workbook.active.append(["Họ và tên", "Giới tính", "Chức vụ"])
    workbook.active.append([f"Trần Thị{RLO} Bình\u200b", "Nữ", "Chuyên\u2066 viên"])
    buffer = BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("ds.xlsx", buffer.getvalue())
    staff_import(unit=our_unit, actor=officer, uploaded=upload)
    person = Person.objects.get(unit=our_unit)
    assert (person.full_name, person.position) == ("Trần Thị Bình", "Chuyên viên")
