import pytest

from tests.factories.units import PersonFactory, UserFactory


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploaded proposal files go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def person(our_unit):
    return PersonFactory(unit=our_unit, full_name="Nguyễn Thị Hoa")


@pytest.fixture
def no_role_user(db):
    """A user of no unit, holding no role."""
    return UserFactory(unit=None)
