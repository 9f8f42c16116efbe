"""The statutory base salary (lương cơ sở) by date, as data (DOMAIN-OUTPUTS.md D).

The data migrations load these rows; sector administrators enter later ones in the admin.
`load` puts them into a database that missed the migrations (the demo on a flushed test
database)."""

from datetime import date
from decimal import Decimal

BASE_SALARIES = [
    (date(2023, 7, 1), Decimal("1800000"), "Nghị định số 24/2023/NĐ-CP"),
    (date(2024, 7, 1), Decimal("2340000"), "Nghị định số 73/2024/NĐ-CP"),
    (date(2026, 7, 1), Decimal("2530000"), "Nghị định số 161/2026/NĐ-CP"),
]


def load(model):
    """Add the rows a database lacks; rows an administrator entered stay as they are."""
    for valid_from, amount, basis in BASE_SALARIES:
        model.objects.get_or_create(
            valid_from=valid_from, defaults={"amount": amount, "legal_basis": basis}
        )
