import logging

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.health import readiness_checks, run_checks

logger = logging.getLogger(__name__)


def _answer(checks: dict[str, str]) -> JsonResponse:
    """Names each failing check; the reason, which may name internal hosts, goes to the log."""
    for name, result in checks.items():
        if result != "ok":
            logger.error("%s check %s", name, result)
    public = {name: "ok" if result == "ok" else "failing" for name, result in checks.items()}
    healthy = all(result == "ok" for result in public.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failing", "checks": public}, status=200 if healthy else 503
    )


@never_cache
@require_safe
def healthz(request):
    """Reports database, broker and storage; 503 when any is failing, for load balancers."""
    return _answer(run_checks())


@never_cache
@require_safe
def readyz(request):
    """Ready to serve this code: /healthz's checks and no migration left unapplied; else 503."""
    return _answer(run_checks(readiness_checks()))
