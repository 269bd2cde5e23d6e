"""Django settings for the CSC Insight web app.

Everything an install varies comes from the environment:

    CSC_INSIGHT_HOME        data folder (SQLite database, secret key, uploads)
    DATABASE_URL            PostgreSQL instead of SQLite, e.g. postgres://user@host:5432/db
    CSC_INSIGHT_SECRET_KEY  otherwise generated once into $CSC_INSIGHT_HOME/secret_key
    CSC_INSIGHT_COUNCIL     the council's name shown in the header
    CSC_INSIGHT_ALLOWED_HOSTS  comma-separated host names (default: localhost names)
    CSC_INSIGHT_TLS         "1" when served behind a TLS-terminating proxy (HSTS, Secure cookies)
    CSC_INSIGHT_DEBUG       "1" for Django's debug pages (never in production)
    CSC_INSIGHT_RESTRICTED_ROLES  roles that open restricted records without a grant
    CSC_INSIGHT_PROXY_COUNT  reverse proxies in front (client address from X-Forwarded-For)
    CSC_INSIGHT_LOGIN_FAILURES_PER_ADDRESS  failed logins from one address before it is locked
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from csc_insight.settings import home

WEB_DIR = Path(__file__).resolve().parent
HOME = home()


def _secret_key() -> str:
    if key := os.environ.get("CSC_INSIGHT_SECRET_KEY"):
        return key
    path = HOME / "secret_key"
    if not path.exists():
        # Two processes starting at once must neither write two different keys nor read a
        # file the other has created but not yet written: the key is written to a private
        # file first and linked into place, which fails if another process got there first.
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".secret_key.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(secrets.token_urlsafe(50))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("CSC_INSIGHT_DEBUG") == "1"
TLS = os.environ.get("CSC_INSIGHT_TLS") == "1"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("CSC_INSIGHT_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if h.strip()
]
COUNCIL_NAME = os.environ.get("CSC_INSIGHT_COUNCIL", "Demo Council")


def _restricted_roles() -> frozenset[str]:
    from csc_insight.access.roles import Role

    named = os.environ.get("CSC_INSIGHT_RESTRICTED_ROLES", Role.ADMINISTRATOR.value)
    wanted = {r.strip() for r in named.split(",") if r.strip()}
    unknown = wanted - {r.value for r in Role}
    if unknown:
        raise ImproperlyConfigured(
            f"CSC_INSIGHT_RESTRICTED_ROLES: unknown role(s) "
            f"{', '.join(sorted(unknown))}; expected some of "
            f"{', '.join(r.value for r in Role)}"
        )
    return frozenset(wanted)


# Roles that open restricted records without a grant (access/restricted/models.py).
RESTRICTED_ROLES = _restricted_roles()

# Immediate-concern alerts from audits are emailed; the console backend prints them.
EMAIL_BACKEND = os.environ.get(
    "CSC_INSIGHT_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("CSC_INSIGHT_FROM_EMAIL", "csc-insight@localhost")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "govuk_frontend_django",
    # the concerns' own apps: models, migrations and use cases that the CLI calls too
    "csc_insight.access.accounts",
    "csc_insight.access.accesslog",
    "csc_insight.access.restricted",
    "csc_insight.plans",
    "csc_insight.audits",
    "csc_insight.committee",
    "csc_insight.registers",
    # the web app: pages only
    "csc_insight.web",
    "csc_insight.web.dashboard",
    "csc_insight.web.imports",
    "csc_insight.web.children",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "csc_insight.web.sessions.AbsoluteTimeoutMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csc_insight.web.accounts.second_factor.SecondFactorMiddleware",
    "csc_insight.web.policy.PolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "csc_insight.web.urls"
WSGI_APPLICATION = "csc_insight.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csc_insight.web.policy.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{HOME / 'web.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + IMMEDIATE: concurrent writers wait for each other instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
# The name an authenticator app shows beside the code (second factor, django-otp).
OTP_TOTP_ISSUER = f"{COUNCIL_NAME} CSC Insight"
LOGIN_REDIRECT_URL = "dashboard:start"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling: 5 failures per username + IP address locks that pair for 15 minutes;
# LOGIN_FAILURES_PER_ADDRESS failures from one address (any usernames) lock the address
# (accounts/throttle.py). Behind PROXY_COUNT reverse proxies the address is taken from
# X-Forwarded-For, else every login would share the proxy's address.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "csc_insight.web.accounts.throttle.AddressLimitedHandler"
AXES_CLIENT_IP_CALLABLE = "csc_insight.web.accounts.throttle.client_address"
LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("CSC_INSIGHT_LOGIN_FAILURES_PER_ADDRESS", "20"))
PROXY_COUNT = int(os.environ.get("CSC_INSIGHT_PROXY_COUNT", "0"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Sessions: server-side rows, 30 minutes of inactivity (renewed on every request) and an
# absolute limit of 10 hours from login (sessions.AbsoluteTimeoutMiddleware).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 30 * 60
SESSION_ABSOLUTE_AGE = 10 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_NAME = "__Host-csc_session" if TLS else "csc_session"
CSRF_COOKIE_NAME = "__Host-csc_csrf" if TLS else "csc_csrf"
SESSION_COOKIE_SECURE = TLS
CSRF_COOKIE_SECURE = TLS
if TLS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True

# Headers.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    }
}

# Uploads: stream anything over 2.5 MB to disk; refuse a request over 512 MB in all.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
UPLOAD_MAX_FILE_BYTES = int(os.environ.get("CSC_INSIGHT_UPLOAD_MAX_MB", "200")) * 1024 * 1024
UPLOAD_MAX_FILES = 40
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# Static files: GOV.UK Frontend compiled by `npm run build` into assets/dist, served by
# WhiteNoise straight from the finders (no CDN, no collectstatic step).
STATIC_URL = "/static/"
STATICFILES_DIRS = [WEB_DIR / "static", WEB_DIR / "assets" / "dist"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"forbidden_one_line": {"()": "csc_insight.web.errors.ForbiddenOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"filters": ["forbidden_one_line"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
