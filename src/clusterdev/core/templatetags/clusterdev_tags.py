from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """``{{ counts|get_item:value }}``: a dict lookup by a variable key; '' when absent."""
    if not hasattr(mapping, "get"):
        return ""
    return mapping.get(key, "")


@register.filter
def change_rows(changes: Any) -> list[tuple[str, Any, Any]]:
    """auditlog's ``{field: [before, after]}`` as rows; m2m rows say what was added or removed."""
    rows = []
    for field, change in (changes or {}).items():
        if isinstance(change, dict):  # m2m: {"type": "m2m", "operation": ..., "objects": [...]}
            rows.append(
                (field, change.get("operation", ""), ", ".join(map(str, change.get("objects", []))))
            )
        elif isinstance(change, list | tuple) and len(change) == 2:
            rows.append((field, change[0], change[1]))
    return rows
