"""Django settings, read from environment variables through :mod:`clusterdev.conf`."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from clusterdev import conf


def _read(name: str):
    try:
        return conf.read(name)
    except conf.SettingError as error:
        raise ImproperlyConfigured(str(error)) from None


BASE_DIR = conf.BASE_DIR
PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(_read("CLUSTERDEV_VAR_DIR"))

DEBUG = _read("DEBUG")
if DEBUG and "SECRET_KEY" not in os.environ:
    SECRET_KEY = "insecure-development-key-used-only-while-DEBUG-is-on"
else:
    SECRET_KEY = _read("SECRET_KEY")
    if len(SECRET_KEY) < 32:
        raise ImproperlyConfigured("SECRET_KEY is not valid: expected at least 32 characters")
ALLOWED_HOSTS = _read("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = _read("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "auditlog",
    "clusterdev.core",
    "clusterdev.geography",
    "clusterdev.registry",
    "clusterdev.institutions",
    "clusterdev.mapping",
    "clusterdev.planning",
    "clusterdev.initiatives",
    "clusterdev.diagnostics",
    "clusterdev.actionplans",
    "clusterdev.monitoring",
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
    "django_htmx.middleware.HtmxMiddleware",
    # Outside GZip, so cached public answers are stored compressed.
    "clusterdev.core.cache.PublicPageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
]

ROOT_URLCONF = "clusterdev.urls"
WSGI_APPLICATION = "clusterdev.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clusterdev.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(_read("DATABASE_URL"), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers go on while a write happens (the demo server is threaded).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# In each server process's memory; entries are keyed by the data version in the database,
# so a write invalidates them in every process at once (see clusterdev.core.cache). A shared
# table cache was measured slower on SQLite: every miss then waits for the write lock.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English")]  # Hindi comes with its translations, not before
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = _read("TIME_ZONE")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"

SESSION_COOKIE_SECURE = _read("SECURE_COOKIES")
CSRF_COOKIE_SECURE = _read("SECURE_COOKIES")
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["clusterdev.core.api.permissions.ReadAnyoneWriteByRole"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "clusterdev.core.api.pagination.Pagination",
    "PAGE_SIZE": _read("API_PAGE_SIZE"),
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "clusterdev.core.api.errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ClusterDev API",
    "DESCRIPTION": (
        "Open data on India's enterprise clusters: the registry of clusters with their "
        "estimates and sources, and the geography they sit in. Reading needs no account; "
        "writing needs a curator's session or token."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per choice set, where several apps call a field "kind", "size" or "decision".
    "ENUM_NAME_OVERRIDES": {
        "TrustEventKindEnum": "clusterdev.initiatives.models.TrustEvent.KINDS",
        "ReviewDecisionEnum": "clusterdev.initiatives.choices.Decision",
        "ValueKindEnum": "clusterdev.monitoring.choices.Kind",
        "EnterpriseSizeEnum": "clusterdev.monitoring.choices.Size",
        "AbilityEnum": "clusterdev.monitoring.choices.Ability",
        "PeriodDecisionEnum": "clusterdev.monitoring.choices.Decision",
        "ActorKindEnum": "clusterdev.diagnostics.choices.ActorKind",
        "ActorSizeEnum": "clusterdev.diagnostics.choices.ActorSize",
        "TieKindEnum": "clusterdev.diagnostics.choices.TieKind",
        "DocumentKindEnum": "clusterdev.diagnostics.choices.DocumentKind",
    },
}

AUDITLOG_INCLUDE_ALL_MODELS = False
MAPPING_JOBS = _read("MAPPING_JOBS")
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": _read("LOG_LEVEL")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
