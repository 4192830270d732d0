"""The scheme rules on file, listed for people (``clusterdev grant --list``) and the API."""

from __future__ import annotations

from typing import Any

from clusterdev.planning.model import load_schemes


def scheme_catalogue() -> list[dict[str, Any]]:
    """Every scheme version with its kind, dates, source and components."""
    return [
        {
            "scheme": rules.scheme,
            "version": rules.version,
            "kind": rules.kind,
            "title": rules.title,
            "grantor": rules.grantor,
            "in_force": rules.validity_text(),
            "source": rules.source.citation(),
            "components": [
                {"key": c.key, "label": c.label, "rule_text": c.rule_text} for c in rules.components
            ],
        }
        for rules in load_schemes()
    ]
