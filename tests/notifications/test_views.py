"""The bell, the list, marking as read, and the e-mail switch of the account page."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from evaluations.results import services as results
from notifications.choices import NotificationKind
from notifications.models import Notification, Preference
from notifications.services import notify
from tests.helpers.browser_form import form_by_id
from tests.helpers.results import submit_ready
from units.models import AuditEntry

pytestmark = pytest.mark.django_db


def tell(user, count=1, **params):
    for _ in range(count):
        notify(
            kind=NotificationKind.PLEDGE_OPEN,
            recipients=[user],
            params={"pledge": "Giao ước thi đua năm 2025", **params},
            url=reverse("pledges:pledge_list"),
        )
    return Notification.objects.filter(recipient=user).first()


def bell_count(response) -> str:
    """The unread count of the top bar's bell (the phone's bell beside the menu button says
    the same)."""
    html = response.content.decode()
    counts = set(
        re.findall(r'class="notification-bell[^"]*"[^>]*>\s*<a [^>]*data-unread="(\d+)"', html)
    )
    counts |= set(
        re.findall(r'class="nav-item notification-bell[^"]*">\s*<a [^>]*data-unread="(\d+)"', html)
    )
    assert len(counts) == 1, counts
    return counts.pop()


def post_form(client, page, form_id, *, submit=0):
    form = form_by_id(page.content, form_id)
    return client.post(form.action, form.data(submit=submit))


def test_the_bell_shows_the_unread_count_on_every_page(client, officer):
    client.force_login(officer)
    assert bell_count(client.get(reverse("dashboard"))) == "0"
    tell(officer, 3)
    page = client.get(reverse("campaigns:campaign_list"))
    assert bell_count(page) == "3"
    assert 'notification-count">3' in page.content.decode()


def test_the_list_shows_the_users_own_notifications_only(client, officer, other_officer):
    tell(officer)
    tell(other_officer, pledge="Giao ước của đơn vị khác")
    client.force_login(officer)
    html = client.get(reverse("notifications:list")).content.decode()
    assert "Giao ước thi đua năm 2025" in html and "đang mở để ký" in html
    assert "Giao ước của đơn vị khác" not in html


def test_marking_one_read_clears_it_from_the_bell(client, officer):
    notification = tell(officer)
    tell(officer)
    client.force_login(officer)
    page = client.get(reverse("notifications:list"))
    # The second button of the item's form: "Mark as read" (the first opens the page).
    response = post_form(client, page, f"notification-{notification.pk}", submit=1)
    assert response.status_code == 302 and response["Location"] == reverse("notifications:list")
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert bell_count(client.get(response["Location"])) == "1"


def test_opening_one_marks_it_read_and_goes_to_its_page(client, officer):
    notification = tell(officer)
    client.force_login(officer)
    page = client.get(reverse("notifications:list"))
    response = post_form(client, page, f"notification-{notification.pk}", submit=0)
    assert response["Location"] == reverse("pledges:pledge_list")
    assert Notification.objects.get(pk=notification.pk).read_at is not None


def test_marking_all_read_empties_the_bell_and_touches_nobody_elses(client, officer, other_officer):
    tell(officer, 3)
    theirs = tell(other_officer)
    client.force_login(officer)
    page = client.get(reverse("notifications:list"))
    response = post_form(client, page, "read-all")
    assert bell_count(client.get(response["Location"])) == "0"
    assert not Notification.objects.filter(recipient=officer, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.parametrize("role", ["leader", "other_officer", "secretariat", "admin"])
def test_someone_elses_notification_cannot_be_opened_or_marked(client, user_of, officer, role):
    notification = tell(officer)
    client.force_login(user_of(role))
    response = client.post(reverse("notifications:read", args=[notification.pk]), {"open": "1"})
    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_a_stranger_is_sent_to_sign_in(client, officer):
    notification = tell(officer)
    response = client.post(reverse("notifications:read", args=[notification.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get(reverse("notifications:list"))["Location"].startswith("/accounts/login/")


def test_a_link_elsewhere_is_not_followed(client, officer):
    notification = tell(officer)
    Notification.objects.filter(pk=notification.pk).update(url="https://example.com/")
    client.force_login(officer)
    response = client.post(reverse("notifications:read", args=[notification.pk]), {"open": "1"})
    assert response["Location"] == reverse("notifications:list")


def test_the_list_is_paged(client, officer):
    tell(officer, 31)
    client.force_login(officer)
    page = client.get(reverse("notifications:list"))
    assert len(page.context["notifications"]) == 30
    assert len(client.get(reverse("notifications:list") + "?page=2").context["notifications"]) == 1


# The e-mail switch ---------------------------------------------------------------------


def test_the_account_page_switches_email_off_and_on(
    client, officer, leader, submission, secretariat, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    page = client.get(reverse("units:account"))
    form = form_by_id(page.content, "notification-email")
    data = form.data()
    assert data["email"] == "on"  # on by default
    del data["email"]  # the box unticked
    response = client.post(form.action, data)
    assert response["Location"] == reverse("units:account")
    assert Preference.objects.get(user=officer).email is False
    assert AuditEntry.objects.filter(action="notification.email", actor=officer).count() == 1

    submit_ready(submission, officer)
    with django_capture_on_commit_callbacks(execute=True):
        results.submission_return(submission=submission, actor=secretariat, comment="Sửa")
    assert [m.to for m in mail.outbox] == [[leader.email]]  # the officer gets no e-mail
    assert Notification.objects.filter(recipient=officer).count() == 1  # but sees it in the app

    page = client.get(reverse("units:account"))
    assert "email" not in form_by_id(page.content, "notification-email").data()
    client.post(form.action, {**data, "email": "on"})
    assert Preference.objects.get(user=officer).email is True


# Queries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 5])
def test_the_list_costs_the_same_queries_at_1_and_5(client, officer, get_in_queries, count):
    tell(officer, count)
    client.force_login(officer)
    # session, user (with the bell's count), roles (2, the menu), the page's count and rows
    page = get_in_queries(reverse("notifications:list"), 6)
    assert len(page.context["notifications"]) == count


@pytest.mark.parametrize("count", [0, 1, 7])
def test_the_bell_adds_no_query(client, officer, get_in_queries, count):
    """The account page's queries, with the bell in the top bar, whatever the count: the
    count is read with the user's row."""
    tell(officer, count)
    client.force_login(officer)
    # session, user with the count, roles (2), the e-mail switch, the user's unit
    page = get_in_queries(reverse("units:account"), 6)
    assert bell_count(page) == str(count)
