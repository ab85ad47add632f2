"""Settings for the fact-checking workbench, driven by environment variables.

Embedded default (no variables set): DEBUG on, a SQLite file, Celery tasks run in-process.
Real deployment: DATABASE_URL (PostgreSQL), CELERY_BROKER_URL (Redis), SECRET_KEY, ALLOWED_HOSTS,
DEBUG=0. A malformed value raises ImproperlyConfigured naming the variable.
"""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_INLINE

from django.core.exceptions import ImproperlyConfigured

from factcheck.env import env_bool, env_database, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "simple_history",
    "axes",
    "factcheck.core",
    "factcheck.newsrooms",
    "factcheck.sources",
    "factcheck.claims",
    "factcheck.verdicts",
    "factcheck.reports",
    "factcheck.factchecks",
    "factcheck.api",
    "factcheck.demo",
]
# The workshop (benchmark and chaos commands) only where someone measures: `make bench-*`, `make chaos`.
if env_bool("FACTCHECK_BENCH", False):
    INSTALLED_APPS.append("factcheck.bench")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "factcheck.core.middleware.RequestSizeLimitMiddleware",  # 413 before anything reads the body
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "factcheck.core.middleware.SessionMiddleware",  # Django's, with a 503 for a lost database
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "factcheck.core.middleware.PrivateCacheMiddleware",  # no-store for signed-in users and downloads
    "django.contrib.messages.middleware.MessageMiddleware",
    "factcheck.core.middleware.MethodNotAllowedPageMiddleware",  # after auth: the page shows who is signed in
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "factcheck.core.middleware.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

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
                "factcheck.newsrooms.context_processors.membership",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # login throttling first
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"

# Login throttling (django-axes): repeated failures for one username from one address lock that
# pair out for a while; every lockout is logged and listed in the admin (Axes → Access attempts).
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
LOGIN_REDIRECT_URL = "claims:queue"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"

# Security headers and cookies. HTTPS-only settings switch on when DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Content-Security-Policy (django-csp): only our own scripts and styles; no inline scripts, no eval
# (htmx is configured with allowEval=false and no indicator styles in base.html). Style *attributes*
# are allowed because rating colours are set per newsroom; <style> elements are not. The Django
# admin is excluded: staff-only, and it ships its own scripts.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# HSTS preload is a commitment for the whole domain that browsers cannot undo quickly: the operator
# opts in with SECURE_HSTS_PRELOAD=1, so the deploy check's reminder (W021) is silenced until then.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# The covering indexes' INCLUDE columns only speed up PostgreSQL; `make run`'s embedded SQLite ignores them,
# which is what its warning (W040, printed by every migrate) says.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    SILENCED_SYSTEM_CHECKS.append("models.W040")
# Only behind a TLS proxy is X-Forwarded-Proto believed; factcheck/gunicorn_conf.py makes gunicorn
# agree (it trusts the header from loopback by default, which would make is_secure() lie).
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None

# Limits (see README "Limits"): article text and request bodies.
ARTICLE_MAX_CHARS = env_int("ARTICLE_MAX_CHARS", 200_000, minimum=1_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440, minimum=1_024)
# Any request body, file uploads included (DATA_UPLOAD_MAX_MEMORY_SIZE leaves those out): above this
# the answer is a 413 before the body is read. The largest legitimate body is a 5 MB source CSV import.
REQUEST_MAX_BYTES = env_int("REQUEST_MAX_BYTES", 6 * 1024 * 1024, minimum=DATA_UPLOAD_MAX_MEMORY_SIZE)

# Celery. Unset broker = the embedded default: tasks run in-process, eagerly.
CELERY_BROKER_URL = env_url("CELERY_BROKER_URL", schemes=("redis", "rediss", "memory"))
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
if CELERY_TASK_ALWAYS_EAGER:
    CELERY_BROKER_URL = "memory://localhost/"  # never contacted: tasks run in-process
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True  # status lives in our own Job rows
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# An unreachable broker must not hang a web request: publish fails fast and the sweep re-enqueues.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Longer than the slowest extraction, so a late-acked task is not redelivered while it runs.
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=60),
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
# Celery's Django fix-up closes the database connection before and after every task unless this
# is set; a new PostgreSQL connection (SCRAM authentication) cost ~45 ms per extraction here, more
# than the extraction itself. Connections are kept for this many tasks instead; factcheck/celery.py
# still drops broken or expired ones before each task (close_old_connections).
# Largest report an editor may export in one go (admins are not capped).
REPORTS_MAX_VERDICTS_NON_ADMIN = env_int("REPORTS_MAX_VERDICTS_NON_ADMIN", 50_000, minimum=1)
REPORTS_RETENTION_DAYS = env_int("REPORTS_RETENTION_DAYS", 7, minimum=1)  # export files older than this are pruned
CELERY_DB_REUSE_MAX = env_int("CELERY_DB_REUSE_MAX", 1000, minimum=1)
CELERY_TASK_ROUTES = {
    "factcheck.claims.*": {"queue": "extraction"},
    "factcheck.reports.*": {"queue": "reports"},
}
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_BEAT_SCHEDULE = {
    "sweep-extraction-runs": {"task": "factcheck.claims.tasks.claims_sweep_task", "schedule": 60.0},
    "sweep-report-exports": {"task": "factcheck.reports.tasks.reports_sweep_task", "schedule": 60.0},
    "prune-report-exports": {"task": "factcheck.reports.tasks.reports_prune_task", "schedule": 3600.0},
    # The dashboard rollup's delta rows folded into one row per key (factcheck/claims/rollup.py).
    "compact-dashboard-rollup": {"task": "factcheck.verdicts.tasks.rollup_compact_task", "schedule": 300.0},
}

# Jobs: when the sweep acts (seconds) and how often a run may be retried.
JOB_PENDING_TIMEOUT = env_int("JOB_PENDING_TIMEOUT", 120, minimum=1)
JOB_HEARTBEAT_TIMEOUT = env_int("JOB_HEARTBEAT_TIMEOUT", 300, minimum=1)
JOB_MAX_ATTEMPTS = env_int("JOB_MAX_ATTEMPTS", 3, minimum=1)
# Time limits of one task, in seconds. Past the soft limit the task stops itself and its job is FAILED
# with the reason (a text that takes this long would take as long again: it is not retried); the hard
# limit (soft + 30 s) ends a worker process that the soft one could not reach. Both stay below
# JOB_HEARTBEAT_TIMEOUT, so the sweep never takes back a run that is still within its limits.
EXTRACTION_SOFT_TIME_LIMIT = env_int("EXTRACTION_SOFT_TIME_LIMIT", 120, minimum=1)
# Runs per batch task when many are sent at once (an import, a retry of every failed run): one task
# and one write transaction per batch instead of per article. A single submitted article goes alone.
EXTRACTION_BATCH_SIZE = env_int("EXTRACTION_BATCH_SIZE", 25, minimum=1)
REPORTS_SOFT_TIME_LIMIT = env_int("REPORTS_SOFT_TIME_LIMIT", 1800, minimum=1)
CELERY_TASK_ANNOTATIONS = {
    "factcheck.claims.tasks.claims_extract_task": {
        "soft_time_limit": EXTRACTION_SOFT_TIME_LIMIT,
        "time_limit": EXTRACTION_SOFT_TIME_LIMIT + 30,
    },
    "factcheck.reports.tasks.reports_export_task": {
        "soft_time_limit": REPORTS_SOFT_TIME_LIMIT,
        "time_limit": REPORTS_SOFT_TIME_LIMIT + 30,
    },
}


# --- URL fetching (issue 16) ---------------------------------------------------------------------
# factcheck/core/fetch.py fetches articles submitted by URL (and feeds). Every hop's resolved address
# must be public; FACTCHECK_FETCH_ALLOWED_NETWORKS (comma-separated CIDRs, e.g. "127.0.0.1/32,10.2.0.0/16")
# lets an operator (or the tests' local server) reach listed internal networks anyway.
def _fetch_networks(name):
    import ipaddress

    try:
        return [ipaddress.ip_network(item, strict=False) for item in env_list(name)]
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be comma-separated CIDRs such as 10.0.0.0/8: {exc}") from None


FETCH_ALLOWED_NETWORKS = _fetch_networks("FACTCHECK_FETCH_ALLOWED_NETWORKS")
FETCH_MAX_BYTES = env_int("FETCH_MAX_BYTES", 5 * 1024 * 1024, minimum=1_024)  # body size, after decompression
FETCH_TIMEOUT = env_int("FETCH_TIMEOUT", 15, minimum=1)  # seconds for the whole fetch, redirects included
FETCH_MAX_REDIRECTS = env_int("FETCH_MAX_REDIRECTS", 5, minimum=0)
# The User-Agent names the tool and, when set, a page where site owners learn who fetches and why.
FETCH_CONTACT_URL = env_str("FETCH_CONTACT_URL", "")
FETCH_USER_AGENT = "FactcheckWorkbench/1.0" + (f" (+{FETCH_CONTACT_URL})" if FETCH_CONTACT_URL else "")
# --- end of URL fetching ---------------------------------------------------------------------------

# --- API and webhooks (issue 16) --------------------------------------------------------------
# django-ninja serves /api/ (factcheck/api/api.py); as an installed app it renders its docs page with
# the Swagger UI files it ships (static/ninja/…), so /api/docs needs no CDN and passes the CSP.
INSTALLED_APPS += ["ninja"]
# Calls per token per window ("N/second", "N/minute" or "N/hour"); above it a 429 with Retry-After.
# Counted in the cache below, so every web process shares one count per token.
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "120/minute")
_rate = API_RATE_LIMIT.split("/")
if len(_rate) != 2 or not _rate[0].isdigit() or int(_rate[0]) < 1 or _rate[1] not in ("second", "minute", "hour"):
    raise ImproperlyConfigured(f"API_RATE_LIMIT must look like 120/minute, got {API_RATE_LIMIT!r}")
# Largest API request body (413 above it): the longest article as JSON with room for escapes.
API_MAX_BODY_BYTES = env_int("API_MAX_BODY_BYTES", 2 * 1024 * 1024, minimum=1024)
if API_MAX_BODY_BYTES > DATA_UPLOAD_MAX_MEMORY_SIZE:
    raise ImproperlyConfigured("API_MAX_BODY_BYTES must not exceed DATA_UPLOAD_MAX_MEMORY_SIZE")
# Outgoing webhooks: seconds to wait for the receiver, attempts before a delivery is FAILED (back-off
# 30 s, 60 s, 120 s … capped at an hour), and the largest answer read back (only its status counts).
WEBHOOK_TIMEOUT = env_int("WEBHOOK_TIMEOUT", 10, minimum=1)
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 6, minimum=1)
WEBHOOK_RETRY_BASE_SECONDS = env_int("WEBHOOK_RETRY_BASE_SECONDS", 30, minimum=1)
# Deliveries whose message was lost (broker down when the event happened) are sent again by beat.
CELERY_BEAT_SCHEDULE["sweep-webhook-deliveries"] = {
    "task": "factcheck.api.tasks.api_webhook_sweep_task",
    "schedule": 300.0,
}
# The workbench's own address, for links in webhook payloads (a worker has no request to ask).
SITE_URL = env_url("SITE_URL", "http://127.0.0.1:8000", schemes=("http", "https")).rstrip("/")
# The cache holds the API's rate-limit counters. With a Redis URL (CACHE_URL, else a redis
# CELERY_BROKER_URL) it is Redis, shared by every process; the embedded default is per-process memory.
CACHE_URL = env_url("CACHE_URL", schemes=("redis", "rediss"))
if CACHE_URL is None and not CELERY_TASK_ALWAYS_EAGER and CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    CACHE_URL = CELERY_BROKER_URL
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL, "KEY_PREFIX": "fc"}
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "factcheck"}
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"forbidden_at_info": {"()": "factcheck.core.logfilters.ForbiddenAtInfo"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # a 403 is an ordinary refusal: one INFO line, no traceback (core.logfilters)
        "django.request": {"filters": ["forbidden_at_info"]},
        # WeasyPrint logs every step and every page at INFO ("Step 5 - Creating layout - Page N"):
        # thousands of lines a report in the worker's log. Its warnings (a missing font, bad CSS) still show.
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
    },
}
