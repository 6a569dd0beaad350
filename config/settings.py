"""Settings of WSIS·SDG Tracker, read from the environment so one build serves laptop and server."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = BASE_DIR / "wsis"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(os.environ.get("WSIS_DATA_DIR") or BASE_DIR / "var").resolve()

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    # A laptop install must work without configuration, yet never share a key between installs:
    # the key is made once and kept in the data directory.
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        SECRET_KEY = key_file.read_text().strip()
    else:
        import secrets

        DATA_DIR.mkdir(parents=True, exist_ok=True)
        SECRET_KEY = secrets.token_urlsafe(50)
        key_file.write_text(SECRET_KEY)
        key_file.chmod(0o600)

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "wsis.core.admin_apps.BdtAdminConfig",  # the admin, for BDT administrators only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # serves the Swagger UI files itself instead of from a CDN
    "wsis.core",
    "wsis.accounts",
    "wsis.reference",
    "wsis.stocktaking",
    "wsis.prizes",
    "wsis.planning",
    "wsis.statistics",
    "wsis.partnerships",
    "wsis.reports",
    "django_tasks_db",
    "wsis.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wsis.web.context.site",
            ],
            "builtins": ["wsis.web.templatetags.wsis_tags"],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "wsis.sqlite3",
            "OPTIONS": {
                # WAL lets readers work while one writer commits; IMMEDIATE avoids the
                # "database is locked" upgrade failure of deferred transactions.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # A file, not memory, so that tests can reach the test database from other processes
            # (concurrent voting) exactly as production does.
            "TEST": {"NAME": str(DATA_DIR / "test-wsis.sqlite3")},
        }
    }

AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:activities"

# The six official UN languages. Codes follow Django; zh-hans is Simplified Chinese.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LANGUAGE_CODES = [code for code, _name in LANGUAGES]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Reports are generated by a worker process (`wsis db_worker`, started by `wsis serve`) reading this queue.
TASKS = {"default": {"BACKEND": os.environ.get("WSIS_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Uploaded documents; served only through views that check who may read them, never from a public URL.
MEDIA_ROOT = DATA_DIR / "media"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# The reporting organisation written into IATI exports; set the real IATI identifier before
# publishing files to the IATI Registry.
WSIS_IATI_ORG_NAME = os.environ.get("WSIS_IATI_ORG_NAME", "ITU Telecommunication Development Bureau (BDT)")
WSIS_IATI_ORG_REF = os.environ.get("WSIS_IATI_ORG_REF", "XI-WSIS-TRACKER")
# Largest file accepted by imports (bytes).
WSIS_MAX_IMPORT_BYTES = int(os.environ.get("WSIS_MAX_IMPORT_BYTES", str(50 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Public voting limits: at most N votes in S seconds per account and per network address; more than
# N votes for one submission in S seconds are flagged as a burst for review.
WSIS_VOTE_LIMIT_ACCOUNT = os.environ.get("WSIS_VOTE_LIMIT_ACCOUNT", "20/60")
WSIS_VOTE_LIMIT_ADDRESS = os.environ.get("WSIS_VOTE_LIMIT_ADDRESS", "300/3600")
WSIS_VOTE_BURST = os.environ.get("WSIS_VOTE_BURST", "30/60")
# Only set behind a trusted reverse proxy that overwrites this header; otherwise clients could forge it.
WSIS_CLIENT_ADDRESS_HEADER = os.environ.get("WSIS_CLIENT_ADDRESS_HEADER", "")
# Mail: printed to the console unless configured (confirmation links for voters).
MAILERS = {"default": {"BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "wsis-tracker@localhost")

# Demo data is marked in every page so nobody mistakes it for real figures.
WSIS_DEMO_BANNER = env_bool("WSIS_DEMO_BANNER", True)
# Days before a milestone, KPI deadline or update due date when the office is reminded (and again at the next).
WSIS_REMINDER_DAYS = [int(x) for x in os.environ.get("WSIS_REMINDER_DAYS", "30,7").split(",") if x.strip()]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
