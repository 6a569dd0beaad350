"""The OpenAPI document is checked in (docs/openapi.json), so every change of the API shows as a diff in review; and
it types every answer, so that a client can be generated from it."""

import pytest

from wsis.core.management.commands.openapi import (
    DOCUMENT,
    difference,
    document,
    document_path,
    document_text,
)

NOT_TYPES = ("type", "$ref", "anyOf", "oneOf", "allOf", "enum", "const")


def test_the_document_is_the_checked_in_one():
    current = document_text()
    path = document_path()
    stored = path.read_text(encoding="utf-8") if path.exists() else ""
    if stored != current:
        pytest.fail(f"The API's OpenAPI document differs from {DOCUMENT}:\n{difference(stored, current)}\n\n"
                    f"If the change is meant, accept it with `wsis openapi --write` (or `python manage.py openapi "
                    f"--write`) and commit {DOCUMENT}.", pytrace=False)


def untyped(schema: dict, components: dict, seen=()) -> bool:
    """Whether a schema leaves the shape of the answer open: an object without properties (or whose extra properties
    are themselves untyped), an array of such objects, a reference to one, or no type at all."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return name not in seen and untyped(components.get(name, {}), components, (*seen, name))
    if not any(k in schema for k in NOT_TYPES):
        return True
    if schema.get("type") == "array":
        return untyped(schema.get("items") or {}, components, seen)
    if schema.get("type") != "object" or schema.get("properties"):
        return False
    extra = schema.get("additionalProperties")
    return not isinstance(extra, dict) or not extra or untyped(extra, components, seen)


def is_download(content: dict) -> bool:
    """A file answered instead of JSON (`bytes` declared); its JSON variant, when `format=json` is offered, is the
    file's rows and is marked with a bare object schema."""
    files = [m for m in content if m != "application/json"]
    return bool(files) and content.get("application/json", {}).get("schema") == {"type": "object"}


def untyped_answers(doc: dict) -> list[str]:
    components = doc.get("components", {}).get("schemas", {})
    found = []
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            for status, response in op.get("responses", {}).items():
                content = response.get("content") or {}
                if not str(status).startswith("2") or "application/json" not in content or is_download(content):
                    continue
                if untyped(content["application/json"].get("schema") or {}, components):
                    found.append(f"{method.upper()} {path} → {status}")
    return found


def test_the_checker_knows_typed_from_untyped_answers():
    components = {"Row": {"type": "object", "properties": {"id": {"type": "integer"}}}, "Loose": {"type": "object"}}
    for schema in ({"type": "object"}, {"type": "object", "additionalProperties": True}, {"title": "Response"},
                   {"type": "array", "items": {"type": "object", "additionalProperties": True}},
                   {"$ref": "#/components/schemas/Loose"}, {"type": "array", "items": {"$ref": "#/components/schemas/Loose"}},
                   {"type": "object", "additionalProperties": {"type": "object"}}):
        assert untyped(schema, components), schema
    for schema in ({"$ref": "#/components/schemas/Row"}, {"type": "array", "items": {"$ref": "#/components/schemas/Row"}},
                   {"type": "array", "items": {"type": "string"}},
                   {"type": "object", "additionalProperties": {"type": "array", "items": {"$ref": "#/components/schemas/Row"}}},
                   {"type": "object", "properties": {"ok": {"type": "boolean"}}}):
        assert not untyped(schema, components), schema
    assert is_download({"application/json": {"schema": {"type": "object"}},
                        "text/csv": {"schema": {"type": "string", "format": "binary"}}})
    assert not is_download({"application/json": {"schema": {"type": "object", "additionalProperties": True}},
                            "text/csv": {"schema": {"type": "string", "format": "binary"}}})


def test_every_answer_is_typed():
    found = untyped_answers(document())
    assert not found, (f"{len(found)} answers have no schema (write a Schema for each, in <app>/schemas.py or "
                       "lists.py, instead of dict or list[dict]):\n  " + "\n  ".join(found))


def test_every_schema_name_is_used_once():
    """The document names a component by its class name: two schemas of one name would silently share an entry
    (one app's rows described by another's), so each name may belong to one class only."""
    from collections import defaultdict

    from ninja import Schema

    document()  # imports every API module

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    owners = defaultdict(set)
    for cls in subclasses(Schema):
        if cls.__module__.startswith("wsis."):
            owners[cls.__name__].add(cls.__module__)
    assert {name: mods for name, mods in owners.items() if len(mods) > 1} == {}
