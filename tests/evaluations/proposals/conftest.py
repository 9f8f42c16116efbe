import pytest

from tests.factories.units import PersonFactory


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploaded proposal files go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def person(our_unit):
    return PersonFactory(unit=our_unit, full_name="Nguyễn Thị Hoa")
