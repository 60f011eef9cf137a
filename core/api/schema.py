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
    # Below get_response_serializers, which an operation's @extend_schema(responses=...)
    # replaces: the error answers are documented for those operations too.
    def _get_response_bodies(self, direction="response"):
        bodies = super()._get_response_bodies(direction)
        if direction != "response":
            return bodies
        for code, description in ERROR_STATUSES.items():
            error = OpenApiResponse(Error, description=description)
            bodies.setdefault(str(code), self._get_response_for_code(error, str(code)))
        return bodies
