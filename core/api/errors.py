"""One JSON shape for every API error, with messages by field.

    {"status": 400, "code": "invalid", "detail": "...", "fields": {"2.value": ["..."]}}

`fields` appears for invalid input only; its keys are paths into the request body, with a
list's rows numbered from 0, so that a bulk upload names the row that is wrong.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

INVALID_INPUT = "The request has errors: see fields. Nothing was saved."
NOT_FOUND = "Not found."


def exception_handler(exc, context) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_django_messages(exc))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(NOT_FOUND)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    body = {"status": response.status_code, "code": _code(exc), "detail": _detail(exc)}
    if isinstance(exc, exceptions.ValidationError):
        body["detail"] = INVALID_INPUT
        body["fields"] = flatten(exc.detail)
    response.data = body
    return response


def _django_messages(error: DjangoValidationError):
    if hasattr(error, "error_dict"):
        return {
            ("non_field_errors" if field == "__all__" else field): messages
            for field, messages in error.message_dict.items()
        }
    return {"non_field_errors": error.messages}


def _code(exc: exceptions.APIException) -> str:
    if isinstance(exc, exceptions.ValidationError):
        return "invalid"
    return str(getattr(exc, "default_code", "error"))


def _detail(exc: exceptions.APIException) -> str:
    detail = exc.detail
    if isinstance(detail, list | dict):
        return str(exc.default_detail)
    return str(detail)


def flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as {path: [messages]}: [{}, {"value": [...]}] gives "1.value"."""
    if isinstance(detail, dict):
        found: dict[str, list[str]] = {}
        for key, value in detail.items():
            found.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return found
    if isinstance(detail, list) and detail and all(isinstance(d, dict | list) for d in detail):
        found = {}
        for index, value in enumerate(detail):
            found.update(flatten(value, f"{prefix}.{index}" if prefix else str(index)))
        return found
    messages = detail if isinstance(detail, list) else [detail]
    return (
        {prefix or "non_field_errors": [str(message) for message in messages]} if messages else {}
    )


ERROR_STATUSES = {
    status.HTTP_400_BAD_REQUEST: "The request is malformed or its values are wrong.",
    status.HTTP_401_UNAUTHORIZED: "No valid credentials (for example an expired token).",
    status.HTTP_403_FORBIDDEN: "The caller may not do this.",
    status.HTTP_404_NOT_FOUND: "No such record, or none the caller may see.",
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: "The body is not sent as application/json.",
    status.HTTP_429_TOO_MANY_REQUESTS: "Too many requests: wait for Retry-After seconds.",
}
