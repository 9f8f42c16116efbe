import pytest


@pytest.fixture
def base_salaries(db):
    """The base salaries of the data migrations (a flushed test database lacks them)."""
    from evaluations.awards.base_salaries import load
    from evaluations.awards.models import BaseSalary

    load(BaseSalary)
    return BaseSalary.objects.all()
