"""Every operation of the live OpenAPI document, called with generated requests, anonymously and signed in.

The document is the contract: no request may answer a server error, every answer must have a status the
operation declares, a declared content type and a body matching the declared schema. Examples are drawn
deterministically (derandomised) and bounded per operation so the run is stable and short in CI.
"""

import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hsettings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES = int(os.environ.get("WSIS_CONTRACT_EXAMPLES", "5"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

# The document is built from the code alone (no database), so it is read once when the tests are collected.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
# Valid requests and invalid ones (wrong types, out of bounds, missing fields): both must keep the contract.
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])


def _session_of(client, user) -> dict:
    client.force_login(user)
    secret = _get_new_csrf_string()
    token = _mask_cipher_secret(secret)
    from django.conf import settings

    cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value,
               settings.CSRF_COOKIE_NAME: secret}
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), "X-CSRFToken": token}


@pytest.fixture(autouse=True, scope="module")
def _keep_test_connection():
    # The test database lives in one connection inside a transaction; the WSGI handler would close it at
    # the end of each request (as Django's own test client prevents too).
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _signed_in(client, role) -> dict:
    from wsis.accounts.models import Role, User
    from wsis.accounts.services import organisation_create, role_grant, user_create
    from wsis.reference.models import Group

    root = User.objects.create_superuser("contract-root", "root@example.org", "pw-root-123")
    if role == "bdt_admin":
        org = organisation_create(actor=root, name="BDT (contract)", kind="bdt_unit")
        user = user_create(actor=root, username="contract-bdt", organisation=org)
        role_grant(actor=root, user=user, role=Role.BDT_ADMIN)
    else:
        afr = Group.objects.get(code="AFR")
        org = organisation_create(actor=root, name="RO Africa (contract)", kind="regional_office", region=afr)
        user = user_create(actor=root, username="contract-ro", organisation=org)
        role_grant(actor=root, user=user, role=Role.REGIONAL_OFFICER, region=afr)
    return _session_of(client, User.objects.get(pk=user.pk))


BOUNDED = hsettings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None, print_blob=True,
                    phases=[Phase.explicit, Phase.generate, Phase.shrink], suppress_health_check=list(HealthCheck))


@pytest.fixture
def bdt_admin(client, reference):
    return _signed_in(client, "bdt_admin")


@pytest.fixture
def regional_officer(client, reference):
    return _signed_in(client, "regional_officer")


@pytest.mark.django_db
@schema.parametrize()
@BOUNDED
def test_anonymous_requests_keep_the_contract(case, reference):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.django_db
@schema.parametrize()
@BOUNDED
def test_bdt_admin_requests_keep_the_contract(case, bdt_admin):
    case.call_and_validate(headers=bdt_admin, checks=CHECKS)


# A scoped role matters where a session is needed: the officer runs those operations only, to keep the run short.
@pytest.mark.django_db
@schema.include(lambda ctx: bool(ctx.operation.definition.raw.get("security"))).parametrize()
@BOUNDED
def test_regional_officer_requests_keep_the_contract(case, regional_officer):
    case.call_and_validate(headers=regional_officer, checks=CHECKS)
