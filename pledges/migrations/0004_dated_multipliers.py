"""Dated reward multipliers (DOMAIN-OUTPUTS.md D): each title's multiplier belongs to the
decree in force on the decision date. The catalogue's periods are added; a title an
administrator created keeps its multiplier as one open period; then `Title.multiplier` goes.
The criteria texts of TTLĐTT and TTLĐXS are corrected where nobody edited them."""

import django.db.models.deletion
from decimal import Decimal
from django.db import migrations, models

OLD_CRITERIA = {
    "TTLDTT": "Hoàn thành tốt nhiệm vụ; ít nhất 70% thành viên đạt Lao động tiên tiến; không có "
    "cá nhân bị kỷ luật từ khiển trách trở lên.",
    "TTLDXS": "Hoàn thành xuất sắc nhiệm vụ; 100% hoàn thành nhiệm vụ; ít nhất 70% đạt Lao động "
    "tiên tiến; có Chiến sĩ thi đua cơ sở.",
}


def dated_multipliers(apps, schema_editor):
    from pledges.catalogue import CATALOGUE, MULTIPLIERS, VALID_FROM, load_multipliers

    Title = apps.get_model("pledges", "Title")
    TitleMultiplier = apps.get_model("pledges", "TitleMultiplier")
    titles = {(t.code, t.recipient): t for t in Title.objects.all()}
    load_multipliers(titles, TitleMultiplier)
    for key, title in titles.items():
        if key not in MULTIPLIERS and title.multiplier is not None:
            TitleMultiplier.objects.create(
                title=title,
                valid_from=title.valid_from or VALID_FROM,
                valid_until=title.valid_until,
                multiplier=title.multiplier,
                legal_basis=title.legal_basis or "—",
                to_verify=True,
            )
    new_criteria = {code: row[5] for row in CATALOGUE for code in [row[0]]}
    for code, old in OLD_CRITERIA.items():
        Title.objects.filter(code=code, criteria_summary=old).update(
            criteria_summary=new_criteria[code]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0003_awards"),
    ]

    operations = [
        migrations.CreateModel(
            name="TitleMultiplier",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("valid_from", models.DateField(verbose_name="in force from")),
                (
                    "valid_until",
                    models.DateField(
                        blank=True,
                        help_text="Empty: still in force.",
                        null=True,
                        verbose_name="in force until",
                    ),
                ),
                (
                    "multiplier",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=5,
                        verbose_name="reward multiplier (× base salary)",
                    ),
                ),
                ("legal_basis", models.CharField(max_length=255, verbose_name="legal basis")),
                (
                    "to_verify",
                    models.BooleanField(
                        default=False,
                        help_text="Tick when the figure is not confirmed by the legal text: amounts computed from it are marked “to verify”.",
                        verbose_name="to verify",
                    ),
                ),
            ],
            options={
                "verbose_name": "reward multiplier",
                "verbose_name_plural": "reward multipliers",
                "ordering": ["title__order", "title__code", "title__recipient", "-valid_from"],
            },
        ),
        migrations.AddField(
            model_name="titlemultiplier",
            name="title",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="multipliers",
                to="pledges.title",
                verbose_name="title or award form",
            ),
        ),
        migrations.AddConstraint(
            model_name="titlemultiplier",
            constraint=models.UniqueConstraint(
                fields=("title", "valid_from"),
                name="title_multiplier_once_per_start",
                violation_error_message="This title already has a multiplier from that date.",
            ),
        ),
        migrations.AddConstraint(
            model_name="titlemultiplier",
            constraint=models.CheckConstraint(
                condition=models.Q(("multiplier__gte", Decimal("0"))),
                name="title_multiplier_not_negative",
            ),
        ),
        migrations.AddConstraint(
            model_name="titlemultiplier",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_until__isnull", True),
                    ("valid_until__gte", models.F("valid_from")),
                    _connector="OR",
                ),
                name="title_multiplier_period_ordered",
                violation_error_message="The period ends before it starts.",
            ),
        ),
        migrations.RunPython(dated_multipliers, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="title",
            name="title_multiplier_positive",
        ),
        migrations.RemoveField(
            model_name="title",
            name="multiplier",
        ),
    ]
