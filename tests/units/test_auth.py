"""Signing in and out, throttling, password change and reset, language."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories.units import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_page_is_vietnamese_by_default(client):
    response = client.get(reverse("login"))
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Đăng nhập" in html


def test_english_browser_still_gets_vietnamese(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in response.content.decode()


def test_login_with_right_password_reaches_dashboard(client):
    user = UserFactory(username="canbo")
    response = sign_in(client, "canbo", PASSWORD)
    assert response.status_code == 302 and response.url == reverse("dashboard")
    assert client.get(reverse("dashboard")).context["user"] == user


def test_wrong_password_keeps_username_and_explains(client):
    UserFactory(username="canbo")
    response = sign_in(client, "canbo", "sai-mat-khau")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="canbo"' in html
    assert "Sai tên đăng nhập hoặc mật khẩu" in html


def test_repeated_failures_lock_the_account_for_a_while(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="canbo")
    for _ in range(3):
        sign_in(client, "canbo", "sai-mat-khau")
    response = sign_in(client, "canbo", PASSWORD)  # even the right password is refused now
    assert response.status_code == 429
    assert "Tạm thời không thể đăng nhập" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_needs_post_and_ends_the_session(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 302


def test_password_change(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Mot-mat-khau-moi-2026",
            "new_password2": "Mot-mat-khau-moi-2026",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Mot-mat-khau-moi-2026")


def test_password_change_rejects_weak_password_in_vietnamese(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    assert "Mật khẩu quá ngắn" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_reset_mail_in_vietnamese_and_link_works(client):
    user = UserFactory(email="canbo@example.org")
    response = client.post(reverse("password_reset"), {"email": "canbo@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "mật khẩu" in message.subject.lower()
    link = re.search(r"https?://[^/]+(/\S+)", message.body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "Mat-khau-moi-rat-dai", "new_password2": "Mat-khau-moi-rat-dai"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Mat-khau-moi-rat-dai")


def test_password_reset_for_unknown_address_reveals_nothing(client):
    response = client.post(reverse("password_reset"), {"email": "khong-co@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_language_switch_to_english_and_back(client):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Dashboard" in client.get(reverse("dashboard")).content.decode()
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert "Trang chính" in client.get(reverse("dashboard")).content.decode()


OFFICE = "203.0.113.7"  # the office's one public address
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"


def sign_in_from(client, username, password, *, browser, address=OFFICE):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        HTTP_USER_AGENT=browser,
        REMOTE_ADDR=address,
    )


def test_a_colleagues_failures_in_another_browser_do_not_lock_the_user_out(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="canbo")
    colleague = type(client)()
    for _ in range(5):
        sign_in_from(colleague, "canbo", "sai-mat-khau", browser=FIREFOX)
    # The colleague's browser is locked out, even with the right password...
    assert sign_in_from(colleague, "canbo", PASSWORD, browser=FIREFOX).status_code == 429
    # ...the user, at the same address in their own browser, still signs in.
    response = sign_in_from(client, "canbo", PASSWORD, browser=CHROME)
    assert response.status_code == 302 and response.url == reverse("dashboard")


def test_an_attacker_changing_browsers_is_stopped_at_the_address_limit(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_ADDRESS_FAILURE_LIMIT = 10
    UserFactory(username="canbo")
    for attempt in range(10):
        response = sign_in_from(client, "canbo", "sai-mat-khau", browser=f"bot/{attempt}")
        assert response.status_code == (200 if attempt < 9 else 429)
    assert sign_in_from(client, "canbo", PASSWORD, browser=CHROME).status_code == 429
    # Another address is not affected.
    other = sign_in_from(client, "canbo", PASSWORD, browser=CHROME, address="198.51.100.9")
    assert other.status_code == 302
