"""Settings for careerplan, read from the environment (12-factor).

Development and production differ only by environment variables. Production secrets have no
defaults: with DEBUG off, a missing SECRET_KEY, DATABASE_URL, REDIS_URL, ALLOWED_HOSTS, SITE_URL,
EMAIL_URL or DEFAULT_FROM_EMAIL stops the process at start-up instead of running half-configured.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from careerplan.beat import BEAT_SCHEDULE
from careerplan.mailers import mailer_from_url

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)


def _required(name: str, dev_default: str) -> str:
    value = env.str(name, default="")
    if value:
        return value
    if DEBUG:
        return dev_default
    raise ImproperlyConfigured(f"{name} must be set when DEBUG is off.")


SECRET_KEY = _required("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
# Earlier keys, still accepted for what they signed while SECRET_KEY is rotated.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])
SITE_URL = _required("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
CSRF_TRUSTED_ORIGINS = [SITE_URL]
# A failed CSRF check gets a page in the product's words instead of Django's technical one.
CSRF_FAILURE_VIEW = "apps.core.views.csrf_failure"
# How many reverse proxies in front of the app append to X-Forwarded-For. 0: the header is
# ignored and the connecting address is the client (apps.core.middleware.ClientAddressMiddleware).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

if "DATABASE_URL" not in env:
    raise ImproperlyConfigured(
        "DATABASE_URL is not set. `make run` and `make test` start an embedded PostgreSQL "
        "for you; otherwise point DATABASE_URL at a PostgreSQL server."
    )
REDIS_URL = env.str("REDIS_URL", default="")
if not REDIS_URL:
    raise ImproperlyConfigured(
        "REDIS_URL is not set. `make run` and `make test` start an embedded Redis for you."
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # ArrayField and its GIN index: the mentor directory's areas of expertise.
    "django.contrib.postgres",
    "django.forms",
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "apps.core",
    "apps.accounts",
    "apps.assessment",
    "apps.goals",
    "apps.milestones",
    "apps.plan",
    "apps.checkins",
    "apps.notifications",
    "apps.mentorship",
    "apps.meetings",
    "apps.directory",
    "apps.dashboard",
    "apps.portability",
    "apps.staff",
    "apps.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Pages and HTMX answers go out gzipped (static files come pre-compressed from WhiteNoise,
    # which this leaves alone); why here and not in a proxy, and at which level:
    # docs/operations.md, "Compression".
    "apps.core.compression.GZipMiddleware",
    "apps.core.middleware.ClientAddressMiddleware",
    "apps.core.middleware.RejectControlCharactersMiddleware",
    "apps.core.middleware.ReportingEndpointsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "apps.core.middleware.RequestScopeMiddleware",
    "apps.core.middleware.NoStoreForSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "apps.accounts.middleware.UserTimezoneMiddleware",
    "apps.accounts.middleware.AdminRequiresMFAMiddleware",
]

ROOT_URLCONF = "careerplan.urls"
WSGI_APPLICATION = "careerplan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.core.context_processors.navigation",
                "apps.notifications.context_processors.unread_notifications",
            ],
            "builtins": ["django.templatetags.static"],
        },
    },
]

FORM_RENDERER = "apps.core.forms.FormRenderer"

DATABASES = {"default": env.db_url("DATABASE_URL")}
DATABASES["default"]["ENGINE"] = "django.db.backends.postgresql"
# Django's own psycopg pool; it requires CONN_MAX_AGE = 0.
DATABASES["default"]["CONN_MAX_AGE"] = 0
DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
    "min_size": env.int("DATABASE_POOL_MIN", default=1),
    "max_size": env.int("DATABASE_POOL_MAX", default=10),
    "timeout": 10,
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The default cache holds allauth's rate limits and one-time-code replay markers. It lives in
# PostgreSQL rather than Redis so that signing in keeps working while Redis is down: Redis is
# only the task broker, and its outage must not lock people out.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "careerplan_cache",
    },
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Current guidance (NIST SP 800-63B): a minimum length, long passphrases welcome, known-breached
# and common passwords refused, and no composition rules.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "apps.accounts.validators.MaximumLengthValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard:index"

# allauth: email is the identity, verified before first use.
ACCOUNT_ADAPTER = "apps.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_SIGNUP_FORM_CLASS = "apps.accounts.forms.SignupForm"
ACCOUNT_FORMS = {"signup": "apps.accounts.signup.SignupForm"}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[careerplan] "
ACCOUNT_USER_DISPLAY = "apps.accounts.models.user_display"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = urlsplit(SITE_URL).scheme or "https"
ACCOUNT_RATE_LIMITS = {
    # Failed logins: per address, and per (account, address) — the adapter keys them so —
    # plus a coarse per-account limit that a correct password and second factor get past
    # (apps/accounts/adapter.py explains why).
    "login_failed": "10/m/ip,5/5m/key",
    "login_failed_account": "30/h/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
}
# "Download my data": plans up to this many goals are written while the person waits (well
# under a second); larger ones by the worker, and the page says the file is being prepared.
DATA_EXPORT_INLINE_GOALS = 50
# The product's own endpoints (apps.core.ratelimit): per signed-in person, else per address.
RATE_LIMITS = {
    # Calendar apps poll every few hours; a feed fetched more often is being scraped.
    "calendar_feed": "60/h",
    "pause_link": "20/m",
    # The live SMART check posts while the planner types.
    "smart_check": "120/m",
    # Dragging goals, milestones and steps into order.
    "reorder": "120/m",
    # Browsers report CSP violations; a flood of them is somebody's script, not a page.
    "csp_report": "30/m",
    # Mentorship invitations each send an email to an address the planner typed.
    "invitation": "10/h",
    # The one-click stop link in notification emails, like the pause link.
    "notification_stop": "20/m",
    # Single notification emails to one person; past this they wait in the app.
    "notification_email": "30/h",
    # Requests to a listed mentor each email and notify someone who never asked for it.
    "mentor_request": "5/d",
    # Each download writes the whole plan; a few an hour is plenty for a person.
    "data_export": "10/h",
    "data_import": "10/h",
    # A PDF takes a second of CPU to lay out.
    "plan_pdf": "30/h",
    # Setting a meeting tells the other person by email, and each meeting mails reminders.
    "meeting_schedule": "30/h",
    # The one-click stop link in meeting reminders, like the pause link.
    "meeting_stop": "20/m",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "careerplan"
MFA_ADAPTER = "allauth.mfa.adapter.DefaultMFAAdapter"

# Email: Django 6.1 mailers. EMAIL_URL like smtp+tls://user:pass@host:587 or console://.
DEFAULT_FROM_EMAIL = _required("DEFAULT_FROM_EMAIL", "careerplan <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


MAILERS = {"default": mailer_from_url(_required("EMAIL_URL", "console://"))}

# Celery: Redis is the broker. Tasks are queued after commit and take ids, never model instances.
CELERY_BROKER_URL = REDIS_URL
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
# Publishing gives up quickly so that a request never hangs on a dead broker; callers decide
# what to do instead (see apps.accounts.services.email_send).
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_TIMEZONE = "UTC"
# Every periodic job, with why it runs when it does: careerplan/beat.py.
CELERY_BEAT_SCHEDULE = BEAT_SCHEDULE

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# The product's own wording for library strings (allauth's "Sign In" becomes "Sign in").
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Security headers. In production everything goes over HTTPS; the health check is exempt from
# the redirect so that load balancers can probe over plain HTTP.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
    # Violations are reported to apps.core.views.csp_report, which logs them; report-to names
    # the endpoint declared in the Reporting-Endpoints header (ReportingEndpointsMiddleware).
    "report-uri": ["/csp-report"],
    "report-to": ["csp"],
}
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
