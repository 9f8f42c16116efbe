import pytest

from notifications.models import Notification


@pytest.fixture
def told(role_users):
    """`told(kind)`: the roles (of tests/roles.py) whose user holds a notification of `kind`."""

    def told(kind):
        recipients = set(
            Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True)
        )
        return {role for role, user in role_users.items() if user.pk in recipients}

    return told


@pytest.fixture
def person(our_unit):
    from tests.factories.units import PersonFactory

    return PersonFactory(unit=our_unit, full_name="Nguyễn Thị Hoa")
