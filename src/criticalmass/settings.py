"""Settings, read from the environment. Bad values stop the process with a clear message.

Every setting is listed in docs/operators.md; tests/test_docs.py fails when one is not.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured

# Django's generic classes (ModelAdmin[Model], QuerySet[Model]) subscriptable at run time, as typed.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name, "")
    return [item.strip() for item in raw.split(",") if item.strip()] or default


DEBUG = env_bool("CRITICALMASS_DEBUG", False)
VAR_DIR = Path(os.environ.get("CRITICALMASS_VAR_DIR") or PROJECT_DIR / "var")
DATA_DIR = Path(os.environ.get("CRITICALMASS_DATA_DIR") or PROJECT_DIR.parent / "shared" / "data")

SECRET_KEY = os.environ.get("CRITICALMASS_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "CRITICALMASS_SECRET_KEY is not set. Set it to a long random string, "
            "or set CRITICALMASS_DEBUG=true for local development."
        )
    SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("CRITICALMASS_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CRITICALMASS_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "ninja",
    "simple_history",
    "criticalmass.core",
    "criticalmass.parity",
    "criticalmass.parliaments",
    "criticalmass.agreements",
    "criticalmass.charter",
    "criticalmass.events",
    "criticalmass.hub",
    "criticalmass.briefings",
    "criticalmass.watchdog",
    "criticalmass.protection",
    "criticalmass.doors",
    "criticalmass.importers",
    "criticalmass.trainings",
    "criticalmass.grants",
    "criticalmass.awards",
    "django_prometheus",
    "criticalmass.reviews",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "criticalmass.core.operations.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "criticalmass.api_common.NulCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "criticalmass.core.middleware.MemberLanguageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "criticalmass.core.middleware.IdleTimeoutMiddleware",
    "criticalmass.core.middleware.SecondFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "criticalmass.core.middleware.SecureHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "criticalmass.core.middleware.NoStoreForMembersMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "criticalmass.urls"
WSGI_APPLICATION = "criticalmass.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "criticalmass.core.navigation.current_section",
            ],
        },
    },
]

DATABASE_SCHEMES = {"sqlite", "postgres", "postgresql"}


def database_from_url(url: str) -> dict[str, Any]:
    """sqlite:///path/to/file or postgres://user:password@host:port/name, checked before use.

    dj_database_url quietly accepts some malformed URLs ("sqlite://" becomes an in-memory
    database that loses everything, "postgres://" a database with no name), so check the shape
    here. Messages never repeat the URL: it may hold a password.
    """
    shape = "sqlite:///path/to/file.sqlite3 or postgres://user:password@host:5432/name"
    scheme, separator, rest = url.partition("://")
    if not separator:
        raise ImproperlyConfigured(f"DATABASE_URL must look like {shape}; it has no '://'")
    if scheme not in DATABASE_SCHEMES:
        raise ImproperlyConfigured(f"DATABASE_URL must look like {shape}; its scheme {scheme!r} is not one")
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    except Exception as exc:  # dj_database_url raises several types for malformed URLs
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
    name = rest.split("?")[0].partition("/")[2]
    if not name or name.endswith("/"):
        raise ImproperlyConfigured("DATABASE_URL names no database: it needs a name or file after the host")
    return config


DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'criticalmass.sqlite3'}"
DATABASES = {"default": database_from_url(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL: readers do not wait for an import; synchronous=NORMAL is safe with WAL; 64 MB page cache.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-64000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
     "OPTIONS": {"user_attributes": ["username", "display_name", "first_name", "last_name", "email"]}},
    # Django's similarity ratio let "weakuser-weakuser" pass for the user "weakuser" (0.64 < 0.7), and a
    # stricter ratio refuses unrelated passphrases; this one refuses passwords built from the names.
    {"NAME": "criticalmass.core.passwords.NotBuiltFromNamesValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "parity:dashboard"
LOGOUT_REDIRECT_URL = "parity:dashboard"

# Accounts (django-allauth): sign-up is a request to join (core/joining.py); nobody acts before the
# secretariat approves, and the secretariat approves only verified e-mail addresses. Log in by username.
ACCOUNT_ADAPTER = "criticalmass.core.joining.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "criticalmass.core.joining.JoinForm"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Critical Mass: "
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# allauth's own limits, per address and per key; failed logins are django-axes' to count (below).
ACCOUNT_RATE_LIMITS = {
    "signup": "20/m/ip", "confirm_email": "1/3m/key", "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip", "change_password": "5/m/user", "login_failed": False,
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Critical Mass"
# Accounts that must set up a second factor before they change anything.
SECOND_FACTOR_ROLES = ["secretariat", "reviewer"]
# Idle sessions end: after this many minutes without a request for secretariat and reviewer accounts,
# after the longer one for the others.
IDLE_TIMEOUT_MINUTES = env_int("CRITICALMASS_IDLE_TIMEOUT_MINUTES", 120)
IDLE_TIMEOUT_MINUTES_OTHERS = env_int("CRITICALMASS_IDLE_TIMEOUT_MINUTES_OTHERS", 60 * 24 * 14)

# Login throttling (django-axes): lock an account+IP pair after N failures for an hour.
AXES_FAILURE_LIMIT = env_int("CRITICALMASS_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "criticalmass.core.proxies.login_name"  # the login form is allauth's
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
# Behind a proxy every client has the proxy's address: read the client's from X-Forwarded-For, only
# when the request comes from one of these proxies (comma-separated addresses), never from anyone else.
TRUSTED_PROXIES = env_list("CRITICALMASS_TRUSTED_PROXIES", [])
AXES_CLIENT_IP_CALLABLE = "criticalmass.core.proxies.client_address"

SECURE = env_bool("CRITICALMASS_SECURE", not DEBUG)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE and env_bool("CRITICALMASS_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
# The site's own subdomains are HTTPS too (a coalition's site is usually a subdomain of its own).
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE and env_bool("CRITICALMASS_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading is for a whole registered domain and cannot be undone quickly: the operator's choice.
SECURE_HSTS_PRELOAD = SECURE and env_bool("CRITICALMASS_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LANGUAGE_CODE = "en"
# The interface languages (issue 16): English, French, Spanish, Arabic (right to left). The choice is a
# cookie set by the switcher on every page, else a member's stored language, else the browser's.
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español"), ("ar", "العربية")]
LOCALE_PATHS = [Path(__file__).resolve().parent / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# WhiteNoise warns (an error under the tests) when the folder is missing on a fresh checkout.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# The site's public address, for the links in mails (reminders, notices).
SITE_URL = os.environ.get("CRITICALMASS_SITE_URL", "http://localhost:8000").rstrip("/")
if not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"CRITICALMASS_SITE_URL must start with http:// or https://, got {SITE_URL!r}")

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("CRITICALMASS_EMAIL_HOST", "")
EMAIL_USE_TLS = env_bool("CRITICALMASS_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("CRITICALMASS_EMAIL_USE_SSL", False)
EMAIL_PORT = env_int("CRITICALMASS_EMAIL_PORT", 465 if EMAIL_USE_SSL else 587 if EMAIL_USE_TLS else 25)
EMAIL_HOST_USER = os.environ.get("CRITICALMASS_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("CRITICALMASS_EMAIL_PASSWORD", "")
EMAIL_TIMEOUT = env_int("CRITICALMASS_EMAIL_TIMEOUT", 30)  # seconds; an outbox try holds its mail 2x+10 s
# A host set means SMTP; without one, mail is printed to the console (development).
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_BACKEND = os.environ.get("CRITICALMASS_EMAIL_BACKEND", SMTP_BACKEND if EMAIL_HOST else CONSOLE_BACKEND)
DEFAULT_FROM_EMAIL = os.environ.get("CRITICALMASS_FROM_EMAIL", "secretariat@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


def check_mail_settings() -> None:
    """Mail settings that cannot work together stop the start, naming the variables (never a password)."""
    if EMAIL_USE_TLS and EMAIL_USE_SSL:
        raise ImproperlyConfigured("CRITICALMASS_EMAIL_USE_TLS and CRITICALMASS_EMAIL_USE_SSL are both true; "
                                   "choose one (STARTTLS on 587, or SSL on 465)")
    if bool(EMAIL_HOST_USER) != bool(EMAIL_HOST_PASSWORD):
        raise ImproperlyConfigured("CRITICALMASS_EMAIL_USER and CRITICALMASS_EMAIL_PASSWORD go together: "
                                   "set both, or neither")
    if EMAIL_BACKEND == SMTP_BACKEND and not EMAIL_HOST:
        raise ImproperlyConfigured("CRITICALMASS_EMAIL_BACKEND is SMTP but CRITICALMASS_EMAIL_HOST "
                                   "is not set")
    if not 0 < EMAIL_PORT < 65536:
        raise ImproperlyConfigured(f"CRITICALMASS_EMAIL_PORT must be a port number, got {EMAIL_PORT}")
    if "@" not in DEFAULT_FROM_EMAIL:
        raise ImproperlyConfigured("CRITICALMASS_FROM_EMAIL must be an e-mail address, "
                                   f"got {DEFAULT_FROM_EMAIL!r}")


check_mail_settings()

API_PAGE_SIZE = env_int("CRITICALMASS_API_PAGE_SIZE", 100)

# Content Security Policy (django-csp): the site's own scripts and styles only, no inline ones; images
# from the site and from the hosts in CRITICALMASS_IMAGE_SOURCES (where signatories' photos live).
IMAGE_SOURCES = env_list("CRITICALMASS_IMAGE_SOURCES", [])
for image_source in IMAGE_SOURCES:
    if not re.fullmatch(r"https://[a-z0-9.-]+(:[0-9]+)?", image_source):
        raise ImproperlyConfigured("CRITICALMASS_IMAGE_SOURCES lists origins like "
                                   f"https://images.example.org, got {image_source!r}")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"], "img-src": ["'self'", "data:", *IMAGE_SOURCES],
        "style-src": ["'self'"], "script-src": ["'self'"], "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"], "form-action": ["'self'"],
    }
}

# /metrics (Prometheus) answers only `Authorization: Bearer <token>`; unset, the path does not exist.
METRICS_TOKEN = os.environ.get("CRITICALMASS_METRICS_TOKEN", "")
if METRICS_TOKEN and len(METRICS_TOKEN) < 24:
    raise ImproperlyConfigured("CRITICALMASS_METRICS_TOKEN must be at least 24 characters long")

# How long the audit keeps its events (`criticalmass prune-audit` forgets older ones).
AUDIT_RETENTION_DAYS = env_int("CRITICALMASS_AUDIT_RETENTION_DAYS", 730)
if AUDIT_RETENTION_DAYS < 30:
    raise ImproperlyConfigured("CRITICALMASS_AUDIT_RETENTION_DAYS must be at least 30, "
                               f"got {AUDIT_RETENTION_DAYS}")

# `criticalmass serve` (gunicorn): workers, address, the longest a request may run, and the proxies
# whose X-Forwarded-* headers are believed.
WORKERS = env_int("CRITICALMASS_WORKERS", 2 * (os.cpu_count() or 1) + 1)
BIND = os.environ.get("CRITICALMASS_BIND", "127.0.0.1:8000")
REQUEST_TIMEOUT = env_int("CRITICALMASS_REQUEST_TIMEOUT", 60)  # TRUSTED_PROXIES: with axes, above

# Logs: one JSON object per line with the request id (for a log collector), or plain text.
LOG_FORMAT = os.environ.get("CRITICALMASS_LOG_FORMAT", "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"CRITICALMASS_LOG_FORMAT must be json or text, got {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "criticalmass.core.operations.JsonFormatter"},
                   "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("CRITICALMASS_LOG_LEVEL", "WARNING")},
}

# A cache every worker shares: Redis when CRITICALMASS_REDIS_URL is set, else a table in the database
# (never one process's memory, which other workers would not see go stale).
CRITICALMASS_REDIS_URL = os.environ.get("CRITICALMASS_REDIS_URL", "")
if CRITICALMASS_REDIS_URL and not CRITICALMASS_REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("CRITICALMASS_REDIS_URL must start with redis://, rediss:// or unix://, "
                               f"got {CRITICALMASS_REDIS_URL!r}")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": CRITICALMASS_REDIS_URL, "KEY_PREFIX": "criticalmass"}
    if CRITICALMASS_REDIS_URL else
    {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "criticalmass_cache"}
}

# The task queue (Celery, core.queue): the broker is CRITICALMASS_BROKER_URL, else the Redis of the
# cache. With neither (`make demo`), tasks run in the process that asks for them (task_always_eager), so
# nothing more is needed; mail that fails then waits for `criticalmass send-outbox`.
BROKER_URL = os.environ.get("CRITICALMASS_BROKER_URL", "") or CRITICALMASS_REDIS_URL
if BROKER_URL and not BROKER_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("CRITICALMASS_BROKER_URL must start with redis://, rediss:// or unix://, "
                               f"got {BROKER_URL!r}")
CELERY_BROKER_URL = BROKER_URL or "memory://localhost/"  # unused: tasks run eagerly
CELERY_TASK_ALWAYS_EAGER = not BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # a task whose worker dies is delivered again, not lost
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A task taken by a worker that died unacknowledged goes back to the queue after this many seconds.
TASK_VISIBILITY_TIMEOUT = env_int("CRITICALMASS_TASK_VISIBILITY_TIMEOUT", 3600)
# Redis looks for such tasks every unacked_restore_interval seconds (kombu's default sweep is 10 s × a
# throttle of 10, so up to 100 s): a sweep at most every 10 s, sooner for a shorter visibility timeout.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": TASK_VISIBILITY_TIMEOUT,
    "unacked_restore_interval": max(1, min(10, TASK_VISIBILITY_TIMEOUT // 2)),
    "unacked_restore_throttle": 1,
}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    "send-reminders": {"task": "criticalmass.charter.send_reminders", "schedule": 24 * 3600},
    "prune-audit": {"task": "criticalmass.core.prune_audit", "schedule": 7 * 24 * 3600},
    "send-outbox": {"task": "criticalmass.core.send_outbox", "schedule": 5 * 60},
    "send-training-reminders": {"task": "criticalmass.trainings.send_training_reminders",
                                "schedule": 24 * 3600},
    "send-door-reminders": {"task": "criticalmass.doors.send_door_reminders", "schedule": 24 * 3600},
    "send-grant-reminders": {"task": "criticalmass.grants.send_grant_reminders", "schedule": 24 * 3600},
    "prune-sensitive": {"task": "criticalmass.doors.prune_sensitive", "schedule": 7 * 24 * 3600},
}

# Mail is written to the outbox (core.outbox) and sent by the queue: this many tries, waiting
# CRITICALMASS_MAIL_RETRY_DELAY seconds after the first failure and doubling up to 6 hours.
MAIL_TRIES = env_int("CRITICALMASS_MAIL_TRIES", 8)
MAIL_RETRY_DELAY = env_int("CRITICALMASS_MAIL_RETRY_DELAY", 60)
MAIL_RETRY_CAP = 6 * 3600
if MAIL_TRIES < 1 or not 1 <= MAIL_RETRY_DELAY <= MAIL_RETRY_CAP:
    raise ImproperlyConfigured("CRITICALMASS_MAIL_TRIES must be 1 or more and CRITICALMASS_MAIL_RETRY_DELAY "
                               f"between 1 and {MAIL_RETRY_CAP} seconds")

# Briefing PDFs not yet cached that one client address may have built per minute (429 beyond).
PDF_BUILDS_PER_MINUTE = env_int("CRITICALMASS_PDF_BUILDS_PER_MINUTE", 6)
if PDF_BUILDS_PER_MINUTE < 1:
    raise ImproperlyConfigured("CRITICALMASS_PDF_BUILDS_PER_MINUTE must be 1 or more, "
                               f"got {PDF_BUILDS_PER_MINUTE}")
# Sensitive fields (core.encryption): Fernet keys, comma-separated, the first encrypting. Without them
# only CRITICALMASS_DEBUG=true and the tests work (a key derived from the secret key); see docs/operators.md.
ENCRYPTION_KEYS = env_list("CRITICALMASS_ENCRYPTION_KEYS", [])
# Meeting requests, meetings and reprisal records are deleted this many months after their last
# follow-up (`criticalmass prune-sensitive`).
SENSITIVE_RETENTION_MONTHS = env_int("CRITICALMASS_SENSITIVE_RETENTION_MONTHS", 24)
if SENSITIVE_RETENTION_MONTHS < 1:
    raise ImproperlyConfigured("CRITICALMASS_SENSITIVE_RETENTION_MONTHS must be at least 1, "
                               f"got {SENSITIVE_RETENTION_MONTHS}")
# Files members upload (grantees' receipts), outside the web root; served only through views that check
# who may see them (grants:receipt).
UPLOAD_DIR = Path(os.environ.get("CRITICALMASS_UPLOAD_DIR") or VAR_DIR / "uploads")
# The coalition as an IATI publisher, for the grants export (/grants/iati.xml, export-grants-iati).
IATI_PUBLISHER_REF = os.environ.get("CRITICALMASS_IATI_PUBLISHER_REF", "XI-CRITICALMASS")
IATI_PUBLISHER_NAME = os.environ.get("CRITICALMASS_IATI_PUBLISHER_NAME", "Critical Mass coalition")
