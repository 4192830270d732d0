"""Settings for the test suite: the real settings, with a test key and a fast password hasher."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-that-is-long-enough-to-pass")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault(
    "CLUSTERDEV_VAR_DIR", os.path.join(os.path.dirname(__file__), "..", "var", "test")
)

from clusterdev.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
os.makedirs(STATIC_ROOT, exist_ok=True)  # noqa: F405
MAPPING_JOBS = "inline"
