"""Idempotent writes for reference loaders: a second run with the same input changes nothing."""

from collections import Counter


class Tally(Counter):
    def changed(self) -> int:
        return self["created"] + self["updated"] + self["deleted"]


def upsert(model, lookup: dict, values: dict, tally: Tally):
    """Create or update one row; touch the database only when a value differs."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        tally["created"] += 1
        return obj
    dirty = [k for k, v in values.items() if _current(obj, k) != _cmp(v)]
    if dirty:
        for k in dirty:
            setattr(obj, k, values[k])
        obj.save(update_fields=dirty)
        tally["updated"] += 1
    else:
        tally["unchanged"] += 1
    return obj


def _current(obj, name):
    field = obj._meta.get_field(name)
    if field.is_relation:
        # Compare keys, not objects: reading the related object would cost a query per row.
        value = getattr(obj, field.attname)
        return None if value is None else ("pk", value)
    return _cmp(getattr(obj, name))


def _cmp(v):
    if hasattr(v, "pk"):
        return ("pk", v.pk)
    if v is None:
        return None
    from datetime import date
    from decimal import Decimal

    if isinstance(v, Decimal):
        return ("num", v.normalize())
    if isinstance(v, date):
        return ("date", v.isoformat())
    return v


def upsert_translations(model, parent_field: str, parent, texts: dict[str, dict], tally: Tally, *, source: str = "",
                        verified: bool = True):
    """texts: {language: {field: value}}; languages absent from `texts` are left as they are."""
    for language, fields in texts.items():
        upsert(model, {parent_field: parent, "language": language},
               {**fields, "source": source, "verified": verified}, tally)
