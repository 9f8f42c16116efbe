"""Every named permission of notifications/rules.py, for every role: a notification is its
recipient's alone (here the officer of our unit's), not even an administrator's to read."""

import pytest
import rules
from rules.permissions import permissions

from notifications.choices import NotificationKind
from notifications.models import Notification
from tests.roles import truth_tables

pytestmark = pytest.mark.django_db

ONLY_THE_RECIPIENT = """
    recipient  officer leader other_officer outsider secretariat viewer admin
    officer    yes     no     no            no       no          no     no
    admin      no      no     no            no       no          no     yes
"""
NOTIFICATION = dict.fromkeys(
    ("notifications.view_notification", "notifications.change_notification"), ONLY_THE_RECIPIENT
)


def test_every_permission_of_the_app_is_asked_here():
    assert {name for name in permissions if name.startswith("notifications.")} == {*NOTIFICATION}


@pytest.mark.parametrize(("perm", "recipient", "role", "expected"), truth_tables(NOTIFICATION))
def test_notification(user_of, perm, recipient, role, expected):
    notification = Notification.objects.create(
        recipient=user_of(recipient), kind=NotificationKind.PLEDGE_OPEN
    )
    assert user_of(role).has_perm(perm, notification) is expected


def test_nobody_holds_it_without_a_notification(user_of):
    assert not rules.has_perm("notifications.view_notification", user_of("admin"), None)
