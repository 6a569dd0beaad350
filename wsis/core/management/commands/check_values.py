"""`wsis check_values`: find stored values that the value guard would refuse today.

Rows written before the guard existed, or by a bulk `update()` (which sends no pre-save signal), may hold
such values; on SQLite one decimal with too many digits makes every page that reads its table fail. The
rows are read with plain SQL, so a value the ORM cannot read back is still found and named.
"""

from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models


class Command(BaseCommand):
    help = "List stored values their column should not hold (control characters, lengths, digits); exit 2 if any."

    def add_arguments(self, parser):
        parser.add_argument("--model", action="append", default=[],
                            help="only this model (app_label.ModelName); may be repeated")

    def handle(self, *args, **opts):
        from django.apps import apps

        from wsis.core.apps import GUARDED_APPS
        from wsis.core.validation import field_problem

        wanted = {m.lower() for m in opts["model"]}
        found = 0
        kinds = (models.CharField, models.TextField, models.DecimalField, models.IntegerField, models.FloatField)
        qn = connection.ops.quote_name
        for label in GUARDED_APPS:
            for model in apps.get_app_config(label).get_models():
                if wanted and model._meta.label_lower not in wanted:
                    continue
                fields = [f for f in model._meta.concrete_fields
                          if isinstance(f, kinds) and not f.is_relation and not f.primary_key]
                if not fields:
                    continue
                pk = model._meta.pk.column
                sql = (f"SELECT {qn(pk)}, {', '.join(qn(f.column) for f in fields)} "
                       f"FROM {qn(model._meta.db_table)}")
                with connection.cursor() as cursor:
                    cursor.execute(sql)
                    for row in cursor:
                        for f, value in zip(fields, row[1:], strict=True):
                            if isinstance(f, models.DecimalField) and isinstance(value, float):
                                value = Decimal(repr(value))
                            problem = field_problem(f, value)
                            if problem:
                                found += 1
                                self.stdout.write(f"{model._meta.label} #{row[0]} {f.name}: {problem[1]}")
        if found:
            raise CommandError(f"{found} stored value(s) to correct.", returncode=2)
        self.stdout.write("No stored value out of bounds.")
