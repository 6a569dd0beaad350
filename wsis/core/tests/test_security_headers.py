"""Security headers on pages and the API, HTTPS settings taken from the environment, and a production
environment that `check --deploy` accepts without a warning."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    out = {}
    for part in header.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


@pytest.mark.parametrize("path", ["/en/", "/en/accounts/login/", "/api/v1/docs", "/api/v1/reference/action-lines"])
def test_headers_on_pages_and_the_api(client, reference, path):
    r = client.get(path)
    assert r.status_code == 200, path
    csp = directives(r["Content-Security-Policy"])
    # No inline or foreign script anywhere; no framing; no plug-ins.
    assert csp["script-src"] == ["'self'"] and csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert csp["style-src"][0] == "'self'" and all(v.startswith("'nonce-") for v in csp["style-src"][1:])
    assert "'unsafe-inline'" not in r["Content-Security-Policy"].replace("style-src-attr 'unsafe-inline'", "")
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in r["Permissions-Policy"]
    assert r["Referrer-Policy"] == "same-origin"
    assert r["X-Content-Type-Options"] == "nosniff" and r["X-Frame-Options"] == "DENY"


def test_pages_keep_no_inline_script(client, reference):
    """The policy refuses inline script: no page may rely on one (report refresh is a static file)."""
    import re

    from django.template.loader import get_template

    from wsis.statistics.demo import load_demo_statistics

    load_demo_statistics()
    for path in ("/en/", "/ar/statistics/INTERNET_USERS/", "/en/prizes/register/", "/api/v1/docs"):
        page = client.get(path).content.decode()
        inline = [m for m in re.findall(r"<script\b([^>]*)>", page)
                  if "src=" not in m and 'type="application/json"' not in m]
        assert inline == [], path
        assert "<style" not in page and " on" + "click=" not in page, path
    source = get_template("wsis/reports/_refresh_script.html").template.source
    assert "src=" in source and "setTimeout" not in source


def test_the_admin_templates_get_the_nonce_of_the_policy(client, admin_user):
    """Django's admin marks its inline <style> (change lists without actions) with the request's nonce."""
    client.force_login(admin_user)
    r = client.get("/en/admin/core/auditlog/")
    nonce = directives(r["Content-Security-Policy"])["style-src"][1][len("'nonce-"):-1]
    assert r.status_code == 200 and len(nonce) > 16 and f'nonce="{nonce}"' in r.content.decode()


def test_https_redirect_behind_a_proxy(client, reference, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    plain = client.get("/en/")
    assert plain.status_code == 301 and plain["Location"] == "https://testserver/en/"
    secure = client.get("/en/", headers={"X-Forwarded-Proto": "https"})
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k7Hq2vR9xLmP4tW8zB1nC6yD3fG5jK0sA-uE_iO7pQrS2tU4vX6wY8zZ",
    "ALLOWED_HOSTS": "wsis-tracker.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://wsis-tracker.example.org",
    "SECURE_COOKIES": "true",
    "WSIS_SSL_REDIRECT": "true",
    "WSIS_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
    "WSIS_HSTS_SECONDS": "31536000",
    "WSIS_HSTS_INCLUDE_SUBDOMAINS": "true",
    "WSIS_HSTS_PRELOAD": "true",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "smtp.example.org",
    "EMAIL_PORT": "587",
    "EMAIL_USE_TLS": "true",
    "DEFAULT_FROM_EMAIL": "wsis-tracker@example.org",
}


def run_manage(tmp_path, env_extra, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WSIS_", "SECURE_", "DJANGO_"))}
    env.update({"WSIS_DATA_DIR": str(tmp_path / "data"), "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
                **env_extra})
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_documented_production_environment_passes_check_deploy(tmp_path):
    done = run_manage(tmp_path, PRODUCTION, "check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout
    shown = run_manage(tmp_path, PRODUCTION, "shell", "--no-imports", "-c",
                       "from django.conf import settings as s; print(s.SECURE_PROXY_SSL_HEADER, s.SECURE_SSL_REDIRECT, "
                       "s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)")
    assert shown.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https') True 31536000 True True", shown.stderr
    # Each of these settings, left out, is reported.
    bare = run_manage(tmp_path, {k: v for k, v in PRODUCTION.items() if not k.startswith(("WSIS_", "EMAIL_"))},
                      "check", "--deploy", "--fail-level", "WARNING")
    assert bare.returncode != 0 and "security.W004" in bare.stderr and "security.W008" in bare.stderr
    assert "mail.E001" in bare.stderr


def test_the_documented_environment_is_the_tested_one():
    text = (ROOT / "docs" / "operations.md").read_text()
    for name in PRODUCTION:
        if name != "SECRET_KEY":
            assert name in text, name
