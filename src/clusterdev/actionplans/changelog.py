"""Registers this app's models with auditlog: every write is recorded."""
