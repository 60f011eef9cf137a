"""The request id: taken from the caller or made, carried by the request's log lines and tasks."""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control
from django_guid import set_guid

from core.logs import request_id_accept

requests = logging.getLogger("core.requests")

# Probes answer every few seconds; their lines would drown the rest unless they fail.
PROBE_PATHS = {"/healthz", "/readyz"}


class RequestIdMiddleware:
    """Gives each request an id, the caller's X-Request-ID when well formed, and sends it back.

    django-guid keeps it for the log filter (core.logs.RequestContext) and puts it on every task
    the request queues; it clears it when the response is finished. One line is logged per
    request, so that an id found in a worker's log leads back to the address that was asked.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = settings.DJANGO_GUID["GUID_HEADER_NAME"]

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = set_guid(request_id_accept(request.headers.get(self.header)))
        started = time.monotonic()
        response = self.get_response(request)
        response[self.header] = request_id
        duration_ms = round((time.monotonic() - started) * 1000)
        quiet = request.path in PROBE_PATHS and response.status_code < 500
        user_id = _asker(request)
        requests.log(
            logging.DEBUG if quiet else logging.INFO,
            "%s %s %s in %d ms" + (" for user %s" if user_id else ""),
            request.method,
            request.path,
            response.status_code,
            duration_ms,
            *([user_id] if user_id else []),
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user": user_id,
            },
        )
        return response


def _asker(request: HttpRequest) -> object:
    """The account that asked, so that a refusal in the log names the account refused: the
    request's user, or else the session's (the API's refusal of a session call without its
    CSRF token leaves the request's user anonymous)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user.pk
    session = getattr(request, "session", None)
    user_id = session.get(SESSION_KEY) if session is not None else None
    return get_user_model()._meta.pk.to_python(user_id) if user_id else None


class PrivateAnswersMiddleware:
    """Keeps what a signed-in person or a partner system was shown out of every cache.

    An answer to a signed-in session, or to a request that carried credentials, may hold exempt
    papers or personal data: no shared cache may keep it, and the browser may not store it for
    its back button or for the next person at a shared desk. Public answers stay cacheable.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or "Authorization" in request.headers:
            patch_cache_control(response, private=True, no_store=True)
        return response


class ApiOverHttpsMiddleware:
    """Refuses the API over plain HTTP where the site redirects browsers to HTTPS.

    A program does not follow a redirect the way a browser does, and a token already sent in
    the clear should fail loudly, so that the partner system is set to https:// at once, rather
    than work through a redirect. The API's documentation page, for people, is redirected as
    the rest of the site is (SECURE_REDIRECT_EXEMPT leaves the rest of /api/ to this).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            settings.SECURE_SSL_REDIRECT
            and not request.is_secure()
            and request.path.startswith("/api/")
            and not request.path.startswith("/api/docs/")
        ):
            return JsonResponse(
                {"status": 403, "code": "https_required", "detail": "Use https:// for the API."},
                status=403,
            )
        return self.get_response(request)
