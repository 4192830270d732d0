"""Who may write saved scenarios: any signed-in user their own; an admin any."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission


class ReadAnyoneWriteOwnScenario(BasePermission):
    """Anyone reads; a signed-in user creates, and changes or deletes only their own."""

    message = "Only the scenario's owner or an admin may change or delete it."

    def has_permission(self, request: Any, view: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated and request.user.is_active)

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return bool(obj.may_change(request.user))
