import pytest

from tests.evaluations.certificates.helpers import award, recorded_decision
from tests.factories.units import PersonFactory


@pytest.fixture
def decision(titles, our_unit):
    """A recorded decision of the Inspector General: one person and one collective."""
    decision = recorded_decision()
    hang = PersonFactory(unit=our_unit, full_name="Nguyễn Thị Hằng", position="Thanh tra viên")
    award(decision, title=titles[("BK_TTCP", "person")], unit=our_unit, person=hang)
    award(decision, title=titles[("BK_TTCP", "collective")], unit=our_unit)
    return decision


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path
