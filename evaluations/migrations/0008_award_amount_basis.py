"""Award records keep the multiplier their amount was computed with, and whether that figure
is to verify. Existing records: where the recorded amount is what the dated multiplier and
base salary of its decision date give, both are filled in; the amount itself never changes."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import migrations, models


def fill_from_dated_tables(apps, schema_editor):
    AwardRecord = apps.get_model("evaluations", "AwardRecord")
    BaseSalary = apps.get_model("evaluations", "BaseSalary")
    TitleMultiplier = apps.get_model("pledges", "TitleMultiplier")
    salaries = list(BaseSalary.objects.order_by("-valid_from").values_list("valid_from", "amount"))
    periods = {}
    for row in TitleMultiplier.objects.order_by("-valid_from"):
        periods.setdefault(row.title_id, []).append(row)
    records = AwardRecord.objects.filter(amount__isnull=False, multiplier__isnull=True)
    for record in records.iterator():
        day = record.decision_date
        base = next((amount for start, amount in salaries if start <= day), None)
        period = next(
            (
                p
                for p in periods.get(record.title_id, [])
                if p.valid_from <= day and (p.valid_until is None or day <= p.valid_until)
            ),
            None,
        )
        if base is None or period is None:
            continue
        computed = (period.multiplier * base).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
        if computed == record.amount:
            record.multiplier = period.multiplier
            record.amount_to_verify = period.to_verify
            record.save(update_fields=["multiplier", "amount_to_verify"])


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0007_base_salary_2026"),
        ("pledges", "0004_dated_multipliers"),
    ]

    operations = [
        migrations.AddField(
            model_name="awardrecord",
            name="amount_to_verify",
            field=models.BooleanField(
                default=False,
                db_default=False,
                help_text="The amount comes from a multiplier not confirmed by the legal text.",
                verbose_name="amount to verify",
            ),
        ),
        migrations.AddField(
            model_name="awardrecord",
            name="multiplier",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                max_digits=5,
                null=True,
                verbose_name="reward multiplier (× base salary)",
            ),
        ),
        migrations.RunPython(fill_from_dated_tables, migrations.RunPython.noop),
    ]
