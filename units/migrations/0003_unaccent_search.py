"""Accent- and case-insensitive search with an index, and every stored text in NFC.

1. The SQL functions `thidua_fold` and `thidua_trigrams` (core/search.py: PostgreSQL's
   own functions, as the embedded server has neither unaccent nor pg_trgm).
2. The text already stored in NFC: a name saved decomposed (NFD) before the forms
   normalised was missed by every search. Each text column of the units app's tables
   (units, people, employment, clusters, cluster years, users, roles, audit) is rewritten
   where it is not NFC; a unique column only where the NFC value is not already taken.
3. The trigram indexes of units' and people's search text.
"""

import django.contrib.postgres.indexes
from django.db import migrations, models

import core.search


def text_columns(apps):
    for model in apps.get_app_config("units").get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                yield model._meta.db_table, field.column, field.unique


def to_nfc(apps, schema_editor):
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, column, unique in text_columns(apps):
            t, c = quote(table), quote(column)
            free = (
                f" AND NOT EXISTS (SELECT 1 FROM {t} AS taken WHERE taken.{c} = normalize({t}.{c}, NFC))"
                if unique
                else ""
            )
            cursor.execute(
                f"UPDATE {t} SET {c} = normalize({c}, NFC) WHERE {c} IS NOT NFC NORMALIZED{free}"
            )


class Migration(migrations.Migration):
    dependencies = [
        ("units", "0002_clusteryear_leader_approval_required"),
    ]

    operations = [
        migrations.RunSQL(core.search.FUNCTIONS_SQL, core.search.DROP_FUNCTIONS_SQL),
        migrations.RunPython(to_nfc, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="person",
            index=django.contrib.postgres.indexes.GinIndex(
                core.search.Trigrams(
                    core.search.SearchText("full_name", "staff_code", "email")
                ),
                name="person_search_trigrams",
            ),
        ),
        migrations.AddIndex(
            model_name="unit",
            index=django.contrib.postgres.indexes.GinIndex(
                core.search.Trigrams(core.search.SearchText("code", "name", "short_name")),
                name="unit_search_trigrams",
            ),
        ),
    ]
