"""Netra settings. Everything an operator may change comes from the environment.

Every variable is documented in README.md ("Configuration"); a test checks that.
"""

from pathlib import Path

import dj_database_url

from netra.lib.env import env, envbool, envint, envlist, secret_key_from

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
_default_var = REPO_DIR / "var" if (REPO_DIR / "pyproject.toml").exists() else Path.cwd() / "var"
VAR_DIR = Path(env("NETRA_VAR_DIR", str(_default_var)))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = envbool("NETRA_DEBUG", False)
SECRET_KEY = env("NETRA_SECRET_KEY") or secret_key_from(VAR_DIR / "secret_key")
ALLOWED_HOSTS = envlist("NETRA_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("NETRA_CSRF_TRUSTED_ORIGINS", "")
SITE_URL = env("NETRA_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "ninja",  # serves the API docs' Swagger UI from its own static files, not a CDN
    "netra.core",
    "netra.regions",
    "netra.registry",
    "netra.accounts",
    "netra.cases",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "netra.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "netra.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "netra.urls"
WSGI_APPLICATION = "netra.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "netra.core.context_processors.site",
            ],
        },
    },
]

# Database: SQLite in WAL mode under VAR_DIR unless DATABASE_URL names another.
DATABASE_URL = env("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("NETRA_DB_CONN_MAX_AGE", 60))}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "netra.sqlite3",
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"

# Failed logins: after NETRA_LOGIN_FAILURE_LIMIT failures for one username from
# one address, that pair is locked out for NETRA_LOGIN_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = envint("NETRA_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("NETRA_LOGIN_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Netra"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("NETRA_STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the apps' static folders (no collectstatic needed) unless told otherwise.
WHITENOISE_USE_FINDERS = envbool("NETRA_STATIC_FROM_APPS", True)

EMAIL_BACKEND = env("NETRA_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("NETRA_DEFAULT_FROM_EMAIL", "netra@localhost")

# Map boundaries are third-party data, read from this folder, never copied in.
_shared_boundaries = REPO_DIR.parent / "shared" / "data" / "boundaries"
BOUNDARIES_DIR = Path(env("NETRA_BOUNDARIES_DIR", str(_shared_boundaries)))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("NETRA_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("NETRA_LOG_LEVEL", "WARNING")},
}

# Demo mode: `make run` turns it on; every page then says that its data is demo data.
DEMO_MODE = envbool("NETRA_DEMO", False)
NETRA_VERSION = "0.1.0"

# Public pages and the API are rate-limited per client address.
RATELIMIT_VIEW = "netra.core.views.rate_limited"
PUBLIC_PAGE_RATE = env("NETRA_PUBLIC_PAGE_RATE", "120/m")
API_ANON_RATE = env("NETRA_API_ANON_RATE", "120/m")
API_USER_RATE = env("NETRA_API_USER_RATE", "1200/m")
# Public report intake through the API: per client address, much stricter.
API_REPORT_RATE = env("NETRA_API_REPORT_RATE", "10/h")
# Reports filed through the public form (/lapor/): submissions per client address.
REPORT_RATE = env("NETRA_REPORT_RATE", "10/h")

# Reporter and witness identity are encrypted at rest with these Fernet keys (comma-separated;
# the first encrypts, all decrypt, so keys can be rotated). When unset, a key is generated once
# and kept in $NETRA_VAR_DIR/encryption_key: back that file up, or the identities are lost.
ENCRYPTION_KEYS = env("NETRA_ENCRYPTION_KEYS", "")
ENCRYPTION_KEY_FILE = VAR_DIR / "encryption_key"

# Evidence files: content-addressed by SHA-256 under this folder.
EVIDENCE_DIR = Path(env("NETRA_EVIDENCE_DIR", str(VAR_DIR / "evidence")))
EVIDENCE_MAX_FILE_MB = envint("NETRA_EVIDENCE_MAX_FILE_MB", 20)
EVIDENCE_MAX_REPORT_MB = envint("NETRA_EVIDENCE_MAX_REPORT_MB", 100)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Background jobs (django-tasks): stored in the database and run by `netra db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Deadline reminders: `netra deadlines --schedule` starts a sweep that repeats every
# NETRA_DEADLINE_SWEEP_MINUTES and e-mails handlers about cases due within NETRA_DEADLINE_NOTICE_DAYS.
DEADLINE_SWEEP_MINUTES = envint("NETRA_DEADLINE_SWEEP_MINUTES", 60)
DEADLINE_NOTICE_DAYS = envint("NETRA_DEADLINE_NOTICE_DAYS", 2)
