from datetime import date
from decimal import Decimal

from django.db import migrations, models

# The statutory base salary (lương cơ sở) and when it came into force. Later changes are
# entered by sector administrators in the admin.
BASE_SALARIES = [
    (date(2023, 7, 1), Decimal("1800000"), "Nghị định số 24/2023/NĐ-CP"),
    (date(2024, 7, 1), Decimal("2340000"), "Nghị định số 73/2024/NĐ-CP"),
]


def load_base_salaries(apps, schema_editor):
    BaseSalary = apps.get_model("evaluations", "BaseSalary")
    for valid_from, amount, basis in BASE_SALARIES:
        BaseSalary.objects.get_or_create(
            valid_from=valid_from, defaults={"amount": amount, "legal_basis": basis}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0003_awards"),
    ]

    operations = [
        migrations.CreateModel(
            name="BaseSalary",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "amount",
                    models.DecimalField(
                        decimal_places=0, max_digits=12, verbose_name="base salary (VND)"
                    ),
                ),
                ("valid_from", models.DateField(unique=True, verbose_name="in force from")),
                (
                    "legal_basis",
                    models.CharField(blank=True, max_length=255, verbose_name="legal basis"),
                ),
            ],
            options={
                "verbose_name": "base salary",
                "verbose_name_plural": "base salaries",
                "ordering": ["-valid_from"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("amount__gt", 0)), name="base_salary_positive"
                    )
                ],
            },
        ),
        migrations.RunPython(load_base_salaries, migrations.RunPython.noop),
    ]
