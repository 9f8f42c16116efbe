from django.db import migrations


def load_catalogue(apps, schema_editor):
    from pledges.catalogue import load

    load(apps.get_model("pledges", "Title"))


class Migration(migrations.Migration):
    dependencies = [("pledges", "0001_initial")]

    operations = [migrations.RunPython(load_catalogue, migrations.RunPython.noop)]
