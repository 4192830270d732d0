"""Shared by the ``plan`` and ``grant`` commands: field names as options, and exit code 2."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.management.base import CommandError

from clusterdev.planning.model import PlanningInputError

USAGE_ERROR = 2


def input_error(exc: PlanningInputError, options: Mapping[str, str]) -> CommandError:
    """A CommandError (exit code 2) naming each bad field, as its option where there is one."""
    lines = []
    for error in exc.errors:
        option = options.get(error.field) or options.get(error.field.split("[")[0])
        name = f"{option} ({error.field})" if option else error.field
        lines.append(f"{name}: {error.message}")
    return CommandError("bad input:\n  " + "\n  ".join(lines), returncode=USAGE_ERROR)


def usage_error(message: str) -> CommandError:
    return CommandError(message, returncode=USAGE_ERROR)
