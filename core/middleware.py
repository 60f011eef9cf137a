"""The request id: taken from the caller or made, carried by the request's log lines and tasks."""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
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
        requests.log(
            logging.DEBUG if quiet else logging.INFO,
            "%s %s %s in %d ms",
            request.method,
            request.path,
            response.status_code,
            duration_ms,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response
