"""Signing without friction: the action on the pledge's page, a second try told when and by
whom the unit signed (not a 403), and signature dates inside the pledge's signing window."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pledges.choices import PledgeStatus
from pledges.models import Signature
from tests.helpers.browser_form import form_data
from tests.helpers.pledges import sign
from tests.roles import user_with_role
from units.choices import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_leader(other_unit):
    return user_with_role(Role.UNIT_LEADER, unit=other_unit)


def test_leader_sees_sign_the_pledge_on_its_page(client, leader, open_pledge):
    client.force_login(leader)
    html = client.get(reverse("pledges:pledge_detail", args=[open_pledge.pk])).content.decode()
    sign_url = reverse("pledges:pledge_sign", args=[open_pledge.pk])
    assert f'href="{sign_url}">Ký giao ước</a>' in html


@pytest.mark.parametrize("role", ["officer", "secretariat", "viewer"])
def test_no_sign_action_for_who_cannot_sign(client, user_of, role, open_pledge):
    client.force_login(user_of(role))
    html = client.get(reverse("pledges:pledge_detail", args=[open_pledge.pk])).content.decode()
    assert reverse("pledges:pledge_sign", args=[open_pledge.pk]) not in html


def test_signing_twice_says_when_and_by_whom(
    client, leader, other_leader, open_pledge, our_unit, other_unit
):
    sign(open_pledge, leader, our_unit, name="Nguyễn Văn An")
    sign(open_pledge, other_leader, other_unit)  # the last one completes the pledge
    open_pledge.refresh_from_db()
    assert open_pledge.status == PledgeStatus.SIGNED
    client.force_login(leader)
    url = reverse("pledges:pledge_sign", args=[open_pledge.pk])
    said = f"{our_unit.name} đã ký giao ước này ngày 11/03/2025, người ký: Nguyễn Văn An."
    for response in (
        client.get(url, follow=True),
        client.post(url, {"signatory_name": "Người khác", "position": "Phó"}, follow=True),
    ):
        assert response.status_code == 200  # not 403
        assert response.redirect_chain[-1][0] == reverse(
            "pledges:pledge_detail", args=[open_pledge.pk]
        )
        assert said in response.content.decode()
    assert Signature.objects.filter(party__unit=our_unit).count() == 1


def test_a_pledge_still_open_also_says_who_signed(client, leader, open_pledge, our_unit):
    sign(open_pledge, leader, our_unit, name="Nguyễn Văn An")
    client.force_login(leader)
    response = client.get(reverse("pledges:pledge_sign", args=[open_pledge.pk]), follow=True)
    assert "đã ký giao ước này ngày 11/03/2025, người ký: Nguyễn Văn An." in (
        response.content.decode()
    )


def test_who_never_could_sign_still_gets_403(client, officer, leader, other_leader, open_pledge):
    client.force_login(officer)
    assert client.get(reverse("pledges:pledge_sign", args=[open_pledge.pk])).status_code == 403


WINDOW = (
    "Ngày ký phải nằm trong khoảng từ 01/01/2025 đến {today}: từ đầu năm của giao ước "
    "(hoặc ngày lễ ký, nếu sớm hơn) đến hôm nay."
)


@pytest.mark.parametrize("days", ["before the year", "tomorrow"])
def test_signature_date_outside_the_window_refused_with_input_kept(
    client, leader, open_pledge, our_unit, days
):
    today = timezone.localdate()
    typed = date(2024, 12, 31) if days == "before the year" else today + timedelta(days=1)
    client.force_login(leader)
    url = reverse("pledges:pledge_sign", args=[open_pledge.pk])
    data = form_data(client.get(url).content)
    data.update(
        signatory_name="Trần Thị Bình",
        position="Chánh Thanh tra",
        signed_on=typed.strftime("%d/%m/%Y"),
    )
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert WINDOW.format(today=today.strftime("%d/%m/%Y")) in html
    assert 'value="Trần Thị Bình"' in html and f'value="{typed:%d/%m/%Y}"' in html
    assert not Signature.objects.exists()


def test_paper_signature_outside_the_window_refused(client, secretariat, open_pledge):
    client.force_login(secretariat)
    url = reverse("pledges:pledge_record", args=[open_pledge.pk])
    data = form_data(client.get(url).content)
    data.update(
        party=str(open_pledge.parties.first().pk),
        signatory_name="Lê Văn Cường",
        position="Chánh Thanh tra",
        signed_on="01/06/2019",
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Ngày ký phải nằm trong khoảng từ 01/01/2025" in response.content.decode()
    assert not Signature.objects.exists()


def test_a_ceremony_before_the_year_opens_the_window_earlier(client, leader, open_pledge, our_unit):
    open_pledge.signing_date = date(2024, 12, 20)
    open_pledge.save()
    sign_date = date(2024, 12, 20)
    client.force_login(leader)
    url = reverse("pledges:pledge_sign", args=[open_pledge.pk])
    data = form_data(client.get(url).content)
    data.update(position="Chánh Thanh tra", signed_on=f"{sign_date:%d/%m/%Y}")
    assert client.post(url, data).status_code == 302
    assert Signature.objects.get(party__unit=our_unit).signed_on == sign_date
