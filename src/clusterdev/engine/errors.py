"""Exceptions raised by the mapping engine."""

from __future__ import annotations

__all__ = ["EngineError", "RegisterError", "RuleSetError"]


class EngineError(Exception):
    """Base class of every error the engine raises on purpose."""


class RegisterError(EngineError):
    """A register file cannot be read at all (wrong format, missing required column, bad line).

    The message names the file and the column or line at fault. Rows that can be read but
    are not valid never raise: they go to the quarantine table with a reason.
    """


class RuleSetError(EngineError):
    """A rule set is unknown or its file is malformed."""
