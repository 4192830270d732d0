"""One error shape for the API: 4xx with field errors, never a 500 for bad input."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        detail = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        exc = ValidationError(detail=detail)
    elif isinstance(exc, IntegrityError):
        # A constraint the serializer did not foresee: still the client's fault, say so.
        return Response(
            {"non_field_errors": ["This change conflicts with existing data: " + str(exc)]},
            status=status.HTTP_409_CONFLICT,
        )
    return drf_exception_handler(exc, context)
