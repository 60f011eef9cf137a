from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from core.health import run_checks


@never_cache
def healthz(request):
    """Reports database, broker and storage; 503 when any is failing, for load balancers."""
    checks = run_checks()
    healthy = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failing", "checks": checks}, status=200 if healthy else 503
    )
