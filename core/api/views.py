"""What every API view shares."""

from rest_framework import viewsets


class ReadOnlyApiViewSet(viewsets.ReadOnlyModelViewSet):
    """A list and a detail of records, each answer carrying the caller's rate-limit headers."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        for name, value in getattr(request, "rate_limit_headers", {}).items():
            response[name] = value
        return response
