"""Settings of WSIS·SDG Tracker, read from the environment so one build serves laptop and server."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = BASE_DIR / "wsis"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(os.environ.get("WSIS_DATA_DIR") or BASE_DIR / "var").resolve()
if not DATA_DIR.exists():
    # Database, secret key and uploaded documents live here: no access for other accounts on the machine.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATA_DIR.chmod(0o750)

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
        import tempfile

        SECRET_KEY = secrets.token_urlsafe(50)
        # Written 0600 (mkstemp's mode) and linked into place whole: never readable by others, never
        # seen half-written, and a process that started at the same moment and linked first wins.
        fd, tmp = tempfile.mkstemp(dir=DATA_DIR, prefix=".secret_key.")
        try:
            with os.fdopen(fd, "w") as fh:
                fh.write(SECRET_KEY)
            os.link(tmp, key_file)
        except FileExistsError:
            SECRET_KEY = key_file.read_text().strip()
        except OSError:  # a file system without hard links
            os.replace(tmp, key_file)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "wsis.accounts.admin_apps.BdtAdminConfig",  # the admin, for BDT administrators only
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
    "wsis.search",  # the site search across every app: above the apps it reads, below the web pages
    "django_tasks_db",
    "wsis.web",
    "wsis.site",  # above every app: the demo data and `wsis init`
    "axes",  # sign-in throttling; see "Accounts and deployment security" below
]

MIDDLEWARE = [
    "wsis.core.apicontract.ApiContractMiddleware",  # first: it sees every answer under /api/
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads request.POST (CSRF, views): refuses over-limit bodies unread.
    "wsis.core.uploads.RequestSizeLimit",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wsis.web.errors.ErrorPages",  # a view's bare 4xx (the 405 of require_POST) as the site's error page
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "wsis.core.middleware.PermissionsPolicyMiddleware",
    "axes.middleware.AxesMiddleware",  # last, so that it sees the sign-in view's answer
]

ROOT_URLCONF = "config.urls"
WSIS_API = "config.api.api"  # the one API object (wsis openapi writes its document)
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
                "django.template.context_processors.csp",  # the nonce of the admin's one inline <style>
            ],
            "builtins": ["wsis.web.templatetags.wsis_tags"],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", "")
SQLITE_OPTIONS = {
    # WAL lets readers work while one writer commits; IMMEDIATE avoids the
    # "database is locked" upgrade failure of deferred transactions.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        # A SQLite file named by URL (another process reaching a test database, a file elsewhere) needs the
        # same settings as the default one.
        DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
        DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "wsis.sqlite3",
            "OPTIONS": dict(SQLITE_OPTIONS),
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
LOGIN_REDIRECT_URL = "web:my_work"  # signed-in people land on what they have to do

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
# Reports are generated by a worker process (`wsis worker`, started by `wsis serve`) reading this queue.
# Seconds without a sign of life from its worker after which a running report is marked failed (`wsis worker`
# beats every 15 s and sweeps every minute).
REPORT_HEARTBEAT_TIMEOUT = int(os.environ.get("WSIS_REPORT_HEARTBEAT_TIMEOUT", "300"))
# Per-process cache of derived figures (statistics group aggregates, index scores, per data version; a few kB each):
# room for every indicator × group set × economy profile of the demo and more before entries are culled.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "wsis",
                      "OPTIONS": {"MAX_ENTRIES": 2000}}}
TASKS = {"default": {"BACKEND": os.environ.get("WSIS_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Uploaded documents; served only through views that check who may read them, never from a public URL.
MEDIA_ROOT = DATA_DIR / "media"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_FAILURE_VIEW = "wsis.web.errors.csrf_failure"  # the site's 403 page; under /api/ the JSON envelope
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# The reporting organisation written into IATI exports; set the real IATI identifier before
# publishing files to the IATI Registry.
WSIS_IATI_ORG_NAME = os.environ.get("WSIS_IATI_ORG_NAME", "ITU Telecommunication Development Bureau (BDT)")
WSIS_IATI_ORG_REF = os.environ.get("WSIS_IATI_ORG_REF", "XI-WSIS-TRACKER")
# Bounds on what an import reads, so that one file cannot hold a worker for minutes or take gigabytes of
# memory; see docs/operations.md ("Import and upload limits").
WSIS_MAX_IMPORT_BYTES = int(os.environ.get("WSIS_MAX_IMPORT_BYTES", str(50 * 1024 * 1024)))  # one uploaded file
WSIS_MAX_IMPORT_ROWS = int(os.environ.get("WSIS_MAX_IMPORT_ROWS", "200000"))  # non-empty rows of one table
WSIS_MAX_IMPORT_CELLS = int(os.environ.get("WSIS_MAX_IMPORT_CELLS", "2000000"))  # cells read from one file
WSIS_MAX_IMPORT_FIELD_CHARS = int(os.environ.get("WSIS_MAX_IMPORT_FIELD_CHARS", "32767"))  # one cell (Excel's own cap)
WSIS_MAX_DECOMPRESSED_BYTES = int(os.environ.get("WSIS_MAX_DECOMPRESSED_BYTES", str(200 * 1024 * 1024)))  # XLSX
WSIS_MAX_COMPRESSION_RATIO = int(os.environ.get("WSIS_MAX_COMPRESSION_RATIO", "100"))  # per XLSX member
WSIS_MAX_XML_ELEMENTS = int(os.environ.get("WSIS_MAX_XML_ELEMENTS", "2000000"))  # IATI and SDMX-ML files
WSIS_MAX_PROBLEMS = int(os.environ.get("WSIS_MAX_PROBLEMS", "200"))  # problems listed; the rest are counted
# Request bodies: a multipart upload may carry one import file plus its form fields; any other body (JSON, a
# plain form) is small. Larger requests are refused from their Content-Length before the body is read.
WSIS_MAX_FORM_BYTES = 1024 * 1024
WSIS_MAX_UPLOAD_BODY_BYTES = WSIS_MAX_IMPORT_BYTES + WSIS_MAX_FORM_BYTES
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("WSIS_MAX_BODY_BYTES", str(10 * 1024 * 1024)))
# Uploaded files above this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10

# Public voting limits: at most N votes in S seconds per account and per network address; more than
# N votes for one submission in S seconds are flagged as a burst for review.
WSIS_VOTE_LIMIT_ACCOUNT = os.environ.get("WSIS_VOTE_LIMIT_ACCOUNT", "20/60")
WSIS_VOTE_LIMIT_ADDRESS = os.environ.get("WSIS_VOTE_LIMIT_ADDRESS", "300/3600")
WSIS_VOTE_BURST = os.environ.get("WSIS_VOTE_BURST", "30/60")
# Only set behind a trusted reverse proxy that overwrites this header; otherwise clients could forge it.
WSIS_CLIENT_ADDRESS_HEADER = os.environ.get("WSIS_CLIENT_ADDRESS_HEADER", "")
# Mail: printed to the console unless configured (confirmation links for voters).
MAILERS = {"default": {"BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")}}
if MAILERS["default"]["BACKEND"].endswith(".smtp.EmailBackend"):
    # Password-reset and confirmation links go out by SMTP in production: EMAIL_HOST, EMAIL_PORT,
    # EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS or EMAIL_USE_SSL.
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("EMAIL_PORT", "25")),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "use_ssl": env_bool("EMAIL_USE_SSL", False),
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "wsis-tracker@localhost")

# Demo data is marked in every page so nobody mistakes it for real figures.
WSIS_DEMO_BANNER = env_bool("WSIS_DEMO_BANNER", True)
# Days before a milestone, KPI deadline or update due date when the office is reminded (and again at the next).
WSIS_REMINDER_DAYS = [int(x) for x in os.environ.get("WSIS_REMINDER_DAYS", "30,7").split(",") if x.strip()]

# ---- Accounts and deployment security -------------------------------------------------------------
# Sign-in throttling (django-axes): after WSIS_LOGIN_FAILURE_LIMIT wrong passwords for one user name
# from one network address, that pair is refused for WSIS_LOGIN_COOLOFF_MINUTES; a successful sign-in
# clears the count. Locking the pair, not the account, keeps an attacker elsewhere from locking people out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # must come first: it refuses locked-out pairs before any check
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("WSIS_LOGIN_THROTTLE", True)
AXES_FAILURE_LIMIT = int(os.environ.get("WSIS_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("WSIS_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "wsis.accounts.signin.username_key"
AXES_CLIENT_IP_CALLABLE = "wsis.core.net.client_address"
AXES_LOCKOUT_CALLABLE = "wsis.web.account_views.signin_locked_out"
AXES_HTTP_RESPONSE_CODE = 429

# Password reset links expire after this many seconds (Django's default is three days).
PASSWORD_RESET_TIMEOUT = int(os.environ.get("WSIS_PASSWORD_RESET_SECONDS", str(24 * 3600)))

# HTTPS. Behind a reverse proxy that terminates TLS, name the header it sets, e.g.
# WSIS_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO (value "https"; or HEADER=value); only when the proxy
# always overwrites that header, else clients could claim HTTPS.
_proxy_header = os.environ.get("WSIS_PROXY_SSL_HEADER", "").strip()
if _proxy_header:
    _name, _sep, _value = _proxy_header.partition("=")
    SECURE_PROXY_SSL_HEADER = (_name.strip(), _value.strip() or "https")
SECURE_SSL_REDIRECT = env_bool("WSIS_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("WSIS_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("WSIS_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("WSIS_HSTS_PRELOAD", False)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy: every script and style sheet comes from this site's static files (the
# API's Swagger UI included). Inline style="" attributes stay allowed for the server-drawn bars and
# chart swatches: a style attribute cannot run code. The admin's change lists carry one inline
# <style> marked with the request's nonce.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", CSP.NONCE],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Browser features no page of the site uses, refused to every frame.
WSIS_PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()"
)

# Files: uploaded and generated documents readable by the service's group at most, never by others.
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
# The SQLite database (and its -wal/-shm files, which SQLite creates with the database's mode).
WSIS_DATABASE_FILE_MODE = 0o600
# ---- end of accounts and deployment security ---------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
