"""Settings for every environment, read from the environment (see README: Configuration).

With nothing set, the app runs on an embedded default: SQLite and a filesystem message
broker under var/, so a newcomer needs neither PostgreSQL nor Redis.
"""

import datetime
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django_guid.integrations import CeleryIntegration

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# No default outside DEBUG: a production process without a secret must not start.
SECRET_KEY = (
    env("DJANGO_SECRET_KEY")
    if not DEBUG
    else env("DJANGO_SECRET_KEY", default="insecure-key-for-local-development-only")
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "oauth2_provider",
    "crispy_forms",
    "crispy_forms_gds",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "django_guid",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "core",
    "partnership",
    "governance",
    "outcomes",
    "meetings",
    "demo",
]

MIDDLEWARE = [
    # First, so that every line logged while answering, and every task queued, has the id.
    "core.middleware.RequestIdMiddleware",
    # Outside the authentication below, so that it sees who the answer was for.
    "core.middleware.PrivateAnswersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ApiOverHttpsMiddleware",
    # Early, so that every answer below carries the Content-Security-Policy and
    # Permissions-Policy headers, and request.csp_nonce exists for every template.
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks a session verified once a code from the account's authenticator (or a recovery
    # code) has been accepted; the gate below holds back the sessions that still need one.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.two_factor.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
# A kept connection is checked before a request uses it: after the database restarts, the first
# request of each web process reconnects instead of failing on the connection the restart cut.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out account or address is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Length and a list of common passwords; no rule about which kinds of character a password has
# (ASVS V6.2.5, NIST SP 800-63B), so a long passphrase of digits or lower-case words is fine.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-gb"
# Welsh bodies must offer Welsh (Welsh Language (Wales) Measure 2011); the public pages are
# translated and a partnership's content can carry Welsh beside English.
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "media")))

# Uploads and rendered packs go to S3-compatible storage when a bucket is configured, so that
# every web and worker process sees the same files; otherwise to MEDIA_ROOT (a shared volume).
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    # An upload under a name already taken gets a new name, as on disk: a replaced document's
    # old file stays where its history points (meetings.retention).
    AWS_S3_FILE_OVERWRITE = False
    default_storage_backend = "storages.backends.s3.S3Storage"
else:
    default_storage_backend = "django.core.files.storage.FileSystemStorage"
STORAGES = {
    "default": {"BACKEND": default_storage_backend},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Celery: Redis when REDIS_URL is set; otherwise kombu's filesystem transport, a real broker
# shared by separate web, worker and beat processes on one machine (not eager mode).
REDIS_URL = env("REDIS_URL", default="")
# Shared by every web process, so that an API client's rate limit counts all its requests.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
CELERY_BROKER_FOLDER = Path(env("CELERY_BROKER_FOLDER", default=str(VAR_DIR / "broker")))
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # Redis redelivers an unacknowledged task after this; it must exceed the longest task.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 60 * 60}
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_FOLDER / "queue"),
        "data_folder_out": str(CELERY_BROKER_FOLDER / "queue"),
        "control_folder": str(CELERY_BROKER_FOLDER / "control"),
    }
    # The transport expects its folders to exist; whichever process starts first makes them.
    for _folder in ("queue", "control"):
        (CELERY_BROKER_FOLDER / _folder).mkdir(parents=True, exist_ok=True)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_IGNORE_RESULT = True
# A task whose worker dies mid-run goes back on the queue instead of being lost: tasks are
# acknowledged only when done, and must therefore be safe to run twice.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# No task may run longer than this (see the broker's visibility timeout above).
CELERY_TASK_SOFT_TIME_LIMIT = 10 * 60
CELERY_TASK_TIME_LIMIT = 12 * 60
# Work (a pack, a performance report, a circulation) queued or under way with no sign of life
# for longer than any task may run has lost its worker or its task (a worker killed outright,
# or Redis restarted empty); its sweep sends it again, well before the broker's visibility
# timeout would.
TASK_STALLED_AFTER = datetime.timedelta(seconds=CELERY_TASK_TIME_LIMIT + 60)
# A worker child that has grown past this (in KiB) is replaced after its current task.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = 600 * 1024
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# Beat touches this file on every pass of its loop, at most a minute apart, for
# `manage.py beat_ready` to tell a live beat from one that has stopped ticking.
CELERY_BEAT_SCHEDULER = "core.beat:HeartbeatScheduler"
CELERY_BEAT_MAX_LOOP_INTERVAL = 60
BEAT_HEARTBEAT_FILE = Path(
    env("DJANGO_BEAT_HEARTBEAT_FILE", default=str(VAR_DIR / "celerybeat-heartbeat"))
)
# Reminders come from this sweep of the database, never from tasks queued days ahead with an
# ETA (Redis redelivers those, and they run twice). It runs at 07:00 and again every quarter hour
# of the working day: a run that beat could not send (the broker down), or that stopped part-way
# (its worker killed, the database restarted), is made up by the next, which sends only what is
# still unsent, so a fault delays reminders by minutes rather than a day.
CELERY_BEAT_SCHEDULE = {
    "development-action-reminders": {
        "task": "outcomes.tasks.send_development_action_reminders",
        "schedule": crontab(hour="7-18", minute="*/15"),
    },
    # Packs whose render task the broker lost or never had, or whose worker died (see
    # meetings.services.packs.agenda_packs_resend).
    "agenda-pack-resend": {
        "task": "meetings.tasks.resend_agenda_packs",
        "schedule": 60.0,
    },
    # Performance reports and circulations whose task was lost (outcomes.services.reports.
    # performance_reports_resend, governance.circulations.circulation_deliveries_resend).
    "performance-report-resend": {
        "task": "outcomes.tasks.resend_performance_reports",
        "schedule": 60.0,
    },
    "circulation-resend": {
        "task": "governance.tasks.resend_circulations",
        "schedule": 60.0,
    },
    # Webhook deliveries whose retry has come due; a new event is sent at once, not waiting.
    "webhook-retries": {
        "task": "partnership.tasks.deliver_due_webhooks",
        "schedule": 60.0,
    },
    "webhook-overdue-actions": {
        "task": "outcomes.tasks.announce_overdue_actions",
        "schedule": crontab(hour=7, minute=15),
    },
}
# A webhook endpoint that fails this many deliveries in a row is switched off.
WEBHOOK_DISABLE_AFTER_FAILURES = env.int("WEBHOOK_DISABLE_AFTER_FAILURES", default=10)
# Webhooks go only to https addresses on the internet (partnership/webhook_addresses.py). For
# local development only: plain http, and private networks (addresses or CIDR ranges, such as
# 127.0.0.1) that a receiver on the developer's machine listens on. Both stay off in production.
WEBHOOK_ALLOW_INSECURE = env.bool("WEBHOOK_ALLOW_INSECURE", default=False)
WEBHOOK_ALLOWED_PRIVATE_ADDRESSES = env.list("WEBHOOK_ALLOWED_PRIVATE_ADDRESSES", default=[])

# Uploads (reports, appendices, readings) larger than this are refused with a clear message.
MAX_UPLOAD_BYTES = env.int("MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("DJANGO_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("DJANGO_EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="governance@localhost")
# Where the file-based e-mail backend writes messages, when DJANGO_EMAIL_BACKEND chooses it.
EMAIL_FILE_PATH = env("DJANGO_EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
# The demo accounts' passwords, authenticator key and recovery codes are published in the
# README: demo_load refuses to create them on a site that has not said it is a demonstration.
DEMO_DATA_ALLOWED = env.bool("DJANGO_DEMO_DATA", default=DEBUG)
# The address of the site as people reach it, for links in e-mails sent by the worker.
SITE_URL = env("DJANGO_SITE_URL", default="http://localhost:8000")

# The API (see config/api.py): browsers by session, partner systems by OAuth2 client credentials.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "partnership.api.authentication.PartnerSystemAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["partnership.api.permissions.ScopesForSystems"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    # Writes take JSON only: a list of readings has no form encoding.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    # Answers are JSON only. DRF's browsable pages break the Content Security Policy (inline
    # styles); browsers read the API through its documentation at /api/docs/.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.PagePagination",
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["partnership.api.throttling.ClientRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "client": env("API_RATE_PER_CLIENT", default="600/minute"),
        "anonymous": env("API_RATE_ANONYMOUS", default="120/minute"),
    },
    # Proxies in front whose X-Forwarded-For is trusted for anonymous callers' addresses.
    "NUM_PROXIES": env.int("API_TRUSTED_PROXIES", default=0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Partnership governance API",
    "DESCRIPTION": (
        "Read a partnership's boards, meetings, minutes and outcome framework; partner systems "
        "push indicator readings and development-action progress. Field names follow the "
        "Popolo and Open Civic Data vocabulary where it has one."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Operations are grouped by the resource after /api/v1/.
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several records have a status of their own: each list of statuses gets its own name.
    "ENUM_NAME_OVERRIDES": {
        "BoardStatus": "governance.models.Board.Status",
        "FrameworkStatus": "outcomes.models.OutcomeFramework.Status",
        "ActionStatus": "outcomes.models.DevelopmentAction.Status",
        "ProjectStatus": "outcomes.models.Project.Status",
        "MeetingStatus": "meetings.models.Meeting.Status",
        "MinutesStatus": "meetings.models.Meeting.MinutesStatus",
    },
}
# Partner systems' OAuth2 applications: client credentials only, secrets stored hashed.
OAUTH2_PROVIDER = {
    "SCOPES": {"read": "Read the partnership's records", "write": "Record readings and progress"},
    "SCOPES_BACKEND_CLASS": "partnership.api.scopes.PartnerSystemScopes",
    "OAUTH2_VALIDATOR_CLASS": "partnership.api.oauth.PartnerSystemValidator",
    "ACCESS_TOKEN_EXPIRE_SECONDS": env.int("API_TOKEN_LIFETIME_SECONDS", default=60 * 60),
    # The OAuth 2.0 Security Best Current Practice (RFC 9700): tokens stored hashed, never
    # taken from a query string, no implicit or password grant, https redirects only.
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "COMPLIANT_BCP_RFC9700_REFRESH_TOKEN": True,
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_SCHEME": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
}
# Named so that migrations refer to the OAuth2 models through the settings, as DOT's own do.
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
OAUTH2_PROVIDER_ACCESS_TOKEN_MODEL = "oauth2_provider.AccessToken"
OAUTH2_PROVIDER_REFRESH_TOKEN_MODEL = "oauth2_provider.RefreshToken"
OAUTH2_PROVIDER_ID_TOKEN_MODEL = "oauth2_provider.IDToken"
OAUTH2_PROVIDER_GRANT_MODEL = "oauth2_provider.Grant"

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Production hardening; `manage.py check --deploy` reads these.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
# On by default in production: UK public-sector services under gov.uk are on the browsers'
# preload list already. A deployment on a domain that must not be preloaded sets
# DJANGO_SECURE_HSTS_PRELOAD=false, a decision taken on purpose, so the deploy check is not
# asked to warn about it (security.W021).
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=not DEBUG)
if not SECURE_HSTS_PRELOAD and not DEBUG:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
# Probes answer on plain HTTP; the API refuses it instead (core.middleware.ApiOverHttpsMiddleware).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^api/(?!docs/)"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# In production each cookie is bound to this host alone: the browser takes a __Host- cookie only
# over HTTPS, for the path /, and without a Domain, so no sibling subdomain can set or read it.
# Plain names in development, where the site runs over http://.
if not DEBUG:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_NAME = "__Host-language"
# A session lasts a working day at most, ends when the browser closes, and (for an account that
# signs in with a second factor) ends after this long without a request, unsaved typing and all.
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_IDLE_SECONDS = 60 * env.int("DJANGO_SESSION_IDLE_MINUTES", default=120)

# Sign-in lockout (django-axes): after this many failed sign-ins for one account, or from one
# address, further tries are refused for the cool-off time; a success clears the count.
AXES_FAILURE_LIMIT = env.int("DJANGO_SIGN_IN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=env.int("DJANGO_SIGN_IN_LOCKOUT_MINUTES", default=15)
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.sign_in.sign_in_paused"
AXES_CLIENT_IP_CALLABLE = "core.sign_in.client_address"

# Two-factor sign-in (django-otp; who needs it: partnership/rules.py). The name authenticator
# apps show beside the code; each wrong code doubles the wait before the device takes another
# (1, 2, 4, 8... seconds); keys and recovery codes are never shown in the administration pages.
OTP_TOTP_ISSUER = env("DJANGO_TWO_FACTOR_ISSUER", default="Partnership governance")
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
X_FRAME_OPTIONS = "DENY"
# Other sites learn nothing of the page a link was followed from; a window this site opens
# or is opened by shares no browsing context group with another origin.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content Security Policy (django-csp), enforced: scripts and styles only from this site's
# static files or carrying the request's nonce ({{ request.csp_nonce }}); no inline code,
# no style="" attributes, no eval. Pages are framed by nobody (as X-Frame-Options says).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Powerful browser features the product never uses, switched off for every page and for
# anything a page might embed (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# The request id (django-guid): a caller's X-Request-ID is kept when it is a well-formed UUID
# (core.middleware), sent back on the response, and carried to the tasks the request queues;
# a task that beat started gets a new one for its run.
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "INTEGRATIONS": [CeleryIntegration()],
}

# json: one JSON object a line (time, level, logger, message, request_id, task_name, task_id and
# any extra fields), for production; text: readable lines, the default with DJANGO_DEBUG on.
LOG_FORMAT = env("DJANGO_LOG_FORMAT", default="text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"DJANGO_LOG_FORMAT must be json or text, not {LOG_FORMAT!r}")
# Read by the web (config/gunicorn.py), the worker and beat (config/celery.py) alike.
LOGGING_CONFIG = "core.logs.configure"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "core.logs.RequestContext"}},
    "formatters": {
        "json": {"()": "core.logs.JsonFormatter"},
        "text": {"()": "core.logs.TextFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["context"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's default handlers would print its records a second time, in another format.
        "django": {"handlers": [], "propagate": True},
        # runserver's own line per request; core.requests logs each request already.
        "django.server": {"handlers": [], "level": "WARNING", "propagate": True},
        # django-guid says at INFO how it found or made each id.
        "django_guid": {"level": "WARNING"},
        # WeasyPrint logs every layout step at INFO; only its warnings matter to an operator.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
