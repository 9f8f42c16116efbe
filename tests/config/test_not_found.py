"""With DEBUG on (`make run`), a 404 shows ordinary users the project's 404 page, never
Django's technical page (URL patterns, the view that refused); superusers keep it."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories.units import UserFactory

pytestmark = pytest.mark.django_db

FRIENDLY = "Trang này không tồn tại"
TECHNICAL = ("URLconf", "Django tried these URL patterns", "Raised by:")


def assert_friendly(response):
    assert response.status_code == 404
    html = response.content.decode()
    assert "404.html" in [t.name for t in response.templates]
    assert FRIENDLY in html and not any(marker in html for marker in TECHNICAL)


@override_settings(DEBUG=True)
@pytest.mark.parametrize("role", ["officer", "secretariat", "admin"])
def test_a_view_404_is_the_friendly_page_with_debug_on(client, user_of, role, phase):
    client.force_login(user_of(role))
    assert_friendly(client.get(reverse("evaluations:ranking", args=[999999])))


@override_settings(DEBUG=True)
def test_an_unknown_address_is_the_friendly_page_with_debug_on(client, officer):
    client.force_login(officer)
    assert_friendly(client.get("/khong-co-trang-nay/"))
    client.logout()
    assert_friendly(client.get("/khong-co-trang-nay/"))


@override_settings(DEBUG=True)
def test_an_object_outside_the_users_reach_is_the_friendly_page(
    client, outsider_officer, submission
):
    client.force_login(outsider_officer)
    assert_friendly(client.get(reverse("evaluations:submission", args=[submission.pk])))


@override_settings(DEBUG=True)
def test_superusers_keep_the_technical_page(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Django tried these URL patterns" in response.content.decode()


def test_debug_off_is_unchanged(client, officer):
    client.force_login(officer)
    assert_friendly(client.get("/khong-co-trang-nay/"))
