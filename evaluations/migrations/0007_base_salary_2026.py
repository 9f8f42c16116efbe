"""The base salary of 2,530,000 VND from 01/7/2026 (Decree 161/2026/NĐ-CP of 15/5/2026, which
ends Decree 73/2024/NĐ-CP that day; DOMAIN-OUTPUTS.md D). Amounts decided from that day on
are computed with it."""

from datetime import date
from decimal import Decimal

from django.db import migrations

BASE_SALARY_2026 = (date(2026, 7, 1), Decimal("2530000"), "Nghị định số 161/2026/NĐ-CP")


def add_base_salary(apps, schema_editor):
    BaseSalary = apps.get_model("evaluations", "BaseSalary")
    valid_from, amount, basis = BASE_SALARY_2026
    BaseSalary.objects.get_or_create(
        valid_from=valid_from, defaults={"amount": amount, "legal_basis": basis}
    )


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0006_submission_breakdown")]

    operations = [migrations.RunPython(add_base_salary, migrations.RunPython.noop)]
