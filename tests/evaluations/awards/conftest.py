from datetime import date
from decimal import Decimal

import pytest


@pytest.fixture
def base_salaries(db):
    """The base salaries of the data migration (a flushed test database lacks them)."""
    from evaluations.awards.models import BaseSalary

    for valid_from, amount in ((date(2023, 7, 1), "1800000"), (date(2024, 7, 1), "2340000")):
        BaseSalary.objects.get_or_create(
            valid_from=valid_from, defaults={"amount": Decimal(amount)}
        )
    return BaseSalary.objects.all()
