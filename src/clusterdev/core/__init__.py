"""Shared plumbing: base model, roles, API conventions, exports, SVG charts and maps."""
