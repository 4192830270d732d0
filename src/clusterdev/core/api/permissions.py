from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission

from clusterdev.core import roles


class ReadAnyoneWriteByRole(BasePermission):
    """Anyone reads; writing needs a curator (or admin) with the model permission."""

    message = "Writing needs a signed-in curator or admin."

    def has_permission(self, request: Any, view: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return roles.is_curator(request.user)
