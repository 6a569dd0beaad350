from django.db import migrations


def create(apps, schema_editor):
    from wsis.stocktaking.search import backend

    backend(schema_editor.connection).create(schema_editor)


def drop(apps, schema_editor):
    from wsis.stocktaking.search import backend

    backend(schema_editor.connection).drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("stocktaking", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
