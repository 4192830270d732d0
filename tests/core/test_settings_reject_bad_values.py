"""A bad setting stops start-up with a message that names the variable."""

import os
import subprocess
import sys

import pytest

from clusterdev import conf


def test_documented_defaults_parse() -> None:
    for setting in conf.SETTINGS:
        if setting.default is not None:
            setting.read({})


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("DEBUG", "maybe", "DEBUG='maybe' is not valid"),
        ("API_PAGE_SIZE", "0", "API_PAGE_SIZE='0' is not valid"),
        ("API_PAGE_SIZE", "ten", "expected a whole number"),
        ("DATABASE_URL", "mysql://x/y", "DATABASE_URL='mysql://x/y' is not valid"),
        ("LOG_LEVEL", "LOUD", "expected one of DEBUG, INFO, WARNING, ERROR"),
    ],
)
def test_bad_value_is_rejected_with_the_variable_named(
    name: str, value: str, expected: str
) -> None:
    with pytest.raises(conf.SettingError, match=expected):
        conf.SETTINGS_BY_NAME[name].read({name: value})


def test_missing_secret_key_is_named() -> None:
    with pytest.raises(conf.SettingError, match="SECRET_KEY must be set"):
        conf.SETTINGS_BY_NAME["SECRET_KEY"].read({})


def test_secret_values_are_not_echoed() -> None:
    setting = conf.Setting("TOKEN", "a secret", None, conf.parse_positive_int, secret=True)
    with pytest.raises(conf.SettingError) as error:
        setting.read({"TOKEN": "hunter2"})
    assert "hunter2" not in str(error.value)


def _start(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-m", "clusterdev.cli", "check"],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_start_without_secret_key_fails_naming_it() -> None:
    result = _start({"DEBUG": "false"})
    assert result.returncode == 2
    assert "SECRET_KEY must be set" in result.stderr


def test_start_with_short_secret_key_fails_naming_it() -> None:
    result = _start({"DEBUG": "false", "SECRET_KEY": "short"})
    assert result.returncode == 2
    assert "SECRET_KEY is not valid" in result.stderr


def test_start_with_bad_debug_value_fails_naming_it() -> None:
    result = _start({"DEBUG": "sometimes"})
    assert result.returncode == 2
    assert "DEBUG='sometimes' is not valid" in result.stderr
