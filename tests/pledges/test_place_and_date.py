"""The pledge page and the signing page show where and when the pledge is signed (issue 15)."""

from datetime import date
from io import BytesIO

import docx
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def detail(client, user, pledge) -> str:
    client.force_login(user)
    response = client.get(reverse("pledges:pledge_detail", args=[pledge.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_pledge_page_shows_the_signing_place_and_date(client, leader, open_pledge):
    open_pledge.place_name = "Hà Nam"
    open_pledge.signing_date = date(2025, 3, 11)
    open_pledge.venue = "Hội trường Thanh tra tỉnh Hà Nam"
    open_pledge.save()
    html = detail(client, leader, open_pledge)
    assert (
        '<p class="text-end fst-italic" id="place-date">Hà Nam, ngày 11 tháng 3 năm 2025</p>'
        in html
    )
    assert "Hội trường Thanh tra tỉnh Hà Nam" in html
    # The leader about to sign sees them too.
    sign = client.get(reverse("pledges:pledge_sign", args=[open_pledge.pk])).content.decode()
    assert "Hà Nam, ngày 11 tháng 3 năm 2025" in sign
    assert "Hội trường Thanh tra tỉnh Hà Nam" in sign


def test_without_a_typed_place_the_host_unit_province_is_the_place(
    client, leader, open_pledge, other_unit
):
    other_unit.province = "Ninh Bình"
    other_unit.save()
    open_pledge.place_name = ""
    open_pledge.host_unit = other_unit
    open_pledge.signing_date = date(2025, 2, 5)
    open_pledge.save()
    assert "Ninh Bình, ngày 05 tháng 02 năm 2025" in detail(client, leader, open_pledge)
    response = client.get(reverse("pledges:pledge_docx", args=[open_pledge.pk]))
    text = [p.text for p in docx.Document(BytesIO(response.content)).paragraphs]
    assert "Ninh Bình, ngày 05 tháng 02 năm 2025" in text


def test_a_place_and_date_not_set_yet_are_dotted_as_on_paper(client, leader, open_pledge):
    open_pledge.place_name = ""
    open_pledge.host_unit = None
    open_pledge.signing_date = None
    open_pledge.save()
    assert "........, ngày ... tháng ... năm ..." in detail(client, leader, open_pledge)
