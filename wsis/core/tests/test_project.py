import io

import pytest
from django.core.management import call_command

from wsis.core.audit import audit
from wsis.core.errors import ErrorItem, ValidationFailed
from wsis.core.i18n import normalise_language


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_audit_refuses_to_write_outside_a_transaction():
    with pytest.raises(RuntimeError):
        audit(actor="tests", verb="x", target=("t", "1", "t"))


def test_language_codes():
    assert normalise_language("zh_Hans") == "zh-hans"
    assert normalise_language("ZH") == "zh-hans"
    assert normalise_language("ar") == "ar"
    with pytest.raises(ValueError):
        normalise_language("de")


def test_validation_message_names_file_line_and_field():
    err = ValidationFailed([ErrorItem("unknown_code", "unknown economy 'XXX'", field="Country Code", location="f.csv:7")])
    assert str(err) == "f.csv:7, field Country Code: unknown economy 'XXX'"


def test_wsis_help_lists_the_project_commands(capsys):
    from wsis.cli import main

    main(["wsis", "help", "--commands"])
    out = capsys.readouterr().out
    for name in ("init", "demo", "serve", "load"):
        assert name in out.split()
