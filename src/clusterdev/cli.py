"""The ``clusterdev`` command: every job of the platform, and Django's own commands.

``clusterdev demo`` prepares a local demo and serves it; ``clusterdev help`` lists the
rest (load_reference_data, load_geography, createsuperuser, migrate, ...).
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from clusterdev.simd import prefer_avx2_on_zen4

DEMO_COMMANDS = {"demo", "serve"}
MAPPING_COMMANDS = {"map", "mapping_job", "synth"}
"""Commands whose process does the mapping engine's sorting work."""


def _demo_environment() -> None:
    """Safe local defaults for the demo: a persistent random key, plain-HTTP cookies."""
    from clusterdev.conf import read

    var_dir = Path(read("CLUSTERDEV_VAR_DIR"))
    var_dir.mkdir(parents=True, exist_ok=True)
    key_file = var_dir / "secret-key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(48))
        key_file.chmod(0o600)
    os.environ.setdefault("SECRET_KEY", key_file.read_text().strip())
    os.environ.setdefault("SECURE_COOKIES", "false")


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "clusterdev"
    if len(argv) > 1 and argv[1] in MAPPING_COMMANDS:
        prefer_avx2_on_zen4()  # before anything imports NumPy (decision 0131)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clusterdev.settings")
    if len(argv) > 1 and argv[1] in DEMO_COMMANDS:
        _demo_environment()

    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(argv)
    except ImproperlyConfigured as error:
        print(f"clusterdev: configuration error: {error}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
