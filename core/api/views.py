"""What every API view shares."""

from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.exceptions import NotFound

from core.api.errors import NOT_FOUND


class ReadOnlyApiViewSet(viewsets.ReadOnlyModelViewSet):
    """A list and a detail of records, each answer carrying the caller's rate-limit headers."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        for name, value in getattr(request, "rate_limit_headers", {}).items():
            response[name] = value
        return response


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@authentication_classes([])
@permission_classes([])
def not_found(request, path: str = ""):
    """Any address under /api/ that names no endpoint: a JSON 404 in the API's error shape."""
    raise NotFound(NOT_FOUND)
