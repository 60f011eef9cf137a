"""The OpenAPI schema: every operation documents the one error shape it may answer with."""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from core.api.errors import ERROR_STATUSES


class Error(serializers.Serializer):
    """An error answer: the HTTP status, a short code, a sentence and messages by field."""

    status = serializers.IntegerField()
    code = serializers.CharField()
    detail = serializers.CharField()
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Messages by path into the request body; a list's rows are numbered from 0.",
    )


class AutoSchema(SpectacularAutoSchema):
    def get_response_serializers(self):
        responses = super().get_response_serializers()
        if not isinstance(responses, dict):
            responses = {self._success_status(): responses}
        errors = {
            code: OpenApiResponse(Error, description=description)
            for code, description in ERROR_STATUSES.items()
        }
        return {**errors, **responses}

    def _success_status(self) -> int:
        if self.method == "DELETE":
            return 204
        return 201 if self._is_create_operation() else 200
