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


# As in core/search.py when this migration was written. The indexes hold these functions'
# results: a later change to them is a new migration that also rebuilds the indexes.
FUNCTIONS_SQL = r"""
CREATE OR REPLACE FUNCTION thidua_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(lower(translate(
        regexp_replace(normalize($1, NFD), '[\u0300-\u036f]', '', 'g'),
        'Đđ', 'Dd')), '[^a-z0-9]+', ' ', 'g'))
$$;
CREATE OR REPLACE FUNCTION thidua_trigrams(text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr($1, i, 3)), '{}')
    FROM generate_series(1, length($1) - 2) AS i
$$;
"""

DROP_FUNCTIONS_SQL = """
DROP FUNCTION IF EXISTS thidua_trigrams(text);
DROP FUNCTION IF EXISTS thidua_fold(text);
"""


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
        migrations.RunSQL(FUNCTIONS_SQL, DROP_FUNCTIONS_SQL),
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
