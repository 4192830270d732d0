"""Every environment setting ClusterDev reads, with its help text and a strict parser.

One list (``SETTINGS``) is the single source of truth: ``settings.py`` reads values
through it, ``docs/settings.md`` documents it, and a test checks the two agree.
A bad value stops start-up with an ``ImproperlyConfigured`` error naming the variable.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent.parent.parent
"""The checkout (or install prefix) holding ``var/``."""


class SettingError(Exception):
    """A setting's value cannot be used; the message names the variable."""


def parse_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError("expected one of true/false, yes/no, on/off, 1/0")


def parse_list(raw: str) -> list[str]:
    return [item.strip() for item in raw.split(",") if item.strip()]


def parse_positive_int(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ValueError("expected a whole number") from None
    if value < 1:
        raise ValueError("expected a whole number of at least 1")
    return value


def parse_database_url(raw: str) -> str:
    scheme = raw.split(":", 1)[0].lower()
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ValueError("expected a sqlite:/// or postgres:// URL")
    return raw


def parse_choice(*choices: str) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if raw not in choices:
            raise ValueError("expected one of " + ", ".join(choices))
        return raw

    return parse


def parse_text(raw: str) -> str:
    return raw


@dataclass(frozen=True)
class Setting:
    name: str
    help: str
    default: str | None
    parse: Callable[[str], Any] = parse_text
    secret: bool = False

    def read(self, environ: Mapping[str, str]) -> Any:
        raw = environ.get(self.name, self.default)
        if raw is None:
            raise SettingError(f"{self.name} must be set: {self.help}")
        try:
            return self.parse(raw)
        except ValueError as error:
            shown = "(hidden)" if self.secret else repr(raw)
            raise SettingError(f"{self.name}={shown} is not valid: {error}") from None


DEFAULT_SQLITE_URL = f"sqlite:///{BASE_DIR / 'var' / 'clusterdev.sqlite3'}"

SETTINGS: list[Setting] = [
    Setting(
        "DEBUG",
        "Show detailed error pages. Never on in production.",
        "false",
        parse_bool,
    ),
    Setting(
        "SECRET_KEY",
        "Key that signs sessions and tokens; at least 32 characters. Required unless DEBUG "
        "is on (the demo sets one for you).",
        None,
        parse_text,
        secret=True,
    ),
    Setting(
        "ALLOWED_HOSTS",
        "Comma-separated host names this server answers to.",
        "localhost,127.0.0.1,[::1]",
        parse_list,
    ),
    Setting(
        "CSRF_TRUSTED_ORIGINS",
        "Comma-separated origins (scheme and host) trusted for form posts behind a proxy.",
        "",
        parse_list,
    ),
    Setting(
        "DATABASE_URL",
        "Where the data lives: sqlite:///path or postgres://user@host:port/name. Default: "
        "an embedded SQLite file under var/.",
        DEFAULT_SQLITE_URL,
        parse_database_url,
    ),
    Setting(
        "TEST_POSTGRES_URL",
        "PostgreSQL server the test suite also runs against. Under CI=true it must be "
        "reachable or the suite fails.",
        "postgres://postgres@127.0.0.1:5432/test",
        parse_database_url,
    ),
    Setting(
        "SECURE_COOKIES",
        "Send session and CSRF cookies over HTTPS only. Turn off only for plain-HTTP local use.",
        "true",
        parse_bool,
    ),
    Setting(
        "TIME_ZONE",
        "Time zone for dates shown on pages.",
        "Asia/Kolkata",
        parse_text,
    ),
    Setting(
        "LOG_LEVEL",
        "Logging level: DEBUG, INFO, WARNING or ERROR.",
        "INFO",
        parse_choice("DEBUG", "INFO", "WARNING", "ERROR"),
    ),
    Setting(
        "API_PAGE_SIZE",
        "Default number of items per page in the REST API (clients may ask for up to 500).",
        "50",
        parse_positive_int,
    ),
    Setting(
        "MAPPING_JOBS",
        "How mapping runs started from the web are executed: background (a separate process "
        "per run) or inline (inside the request; for tests and debugging).",
        "background",
        parse_choice("background", "inline"),
    ),
    Setting(
        "CLUSTERDEV_VAR_DIR",
        "Folder for the SQLite file, uploaded registers and mapping results.",
        str(BASE_DIR / "var"),
        parse_text,
    ),
]

SETTINGS_BY_NAME = {setting.name: setting for setting in SETTINGS}


def read(name: str, environ: Mapping[str, str] | None = None) -> Any:
    """Read and parse one documented setting from the environment."""
    return SETTINGS_BY_NAME[name].read(os.environ if environ is None else environ)
