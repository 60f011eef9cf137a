"""The gate: a signed-in session of an account that needs two-factor sign-in reaches nothing
but the steps that finish signing in until a code has verified it; a verified session ends
when idle or old (core/two_factor/sessions.py).

It runs after django-otp's OTPMiddleware, which marks the session verified (user.is_verified())
while the device that accepted its code still exists. Which accounts need two-factor is the
rule `two_factor_required`, which a domain app registers (partnership/rules.py).
"""

from urllib.parse import urlencode

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _
from django_otp import DEVICE_ID_SESSION_KEY

from core.two_factor.sessions import session_has_lapsed

RULE = "two_factor_required"
# Where an unverified session may go: the steps themselves, signing out, the language switch
# and the load balancer's health check. Static files are served before this (WhiteNoise).
OPEN_VIEWS = {
    "two_factor:verify",
    "two_factor:recovery",
    "two_factor:enrol",
    "logout",
    "set_language",
    "healthz",
}
API_PREFIX = "/api/"
API_TWO_FACTOR_REQUIRED = (
    "This session has not finished signing in: enter the code from your authenticator app at "
    "/sign-in/code/, or call the API with a partner system's token."
)

RESET_SIGNED_OUT = _("Your two-factor sign-in was reset, so you have been signed out.")
SESSION_LAPSED = _("For your security, you have been signed out. Sign in again to carry on.")


class TwoFactorMiddleware:
    """Sends an unverified session of an account that needs two-factor sign-in to the code
    page (the API answers 403 in its JSON shape instead); lets everyone else through."""

    def __init__(self, get_response):
        if not rules.rule_exists(RULE):
            # Without the rule nobody would need two-factor: refuse to start rather than open.
            raise ImproperlyConfigured(f"No rule {RULE!r} is registered (see core/two_factor).")
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Read before request.user is: django-otp forgets a device that no longer exists.
        was_verified = DEVICE_ID_SESSION_KEY in request.session
        user = request.user
        if not user.is_authenticated:
            return self.get_response(request)
        if user.is_verified():
            if session_has_lapsed(request.session):
                return self._sign_out(request, SESSION_LAPSED)
            return self.get_response(request)
        if not rules.test_rule(RULE, user):
            return self.get_response(request)
        if was_verified:
            # The device that verified this session is gone: an administrator reset the
            # account's two-factor sign-in. The session ends; signing in starts again.
            return self._sign_out(request, RESET_SIGNED_OUT)
        if request.path_info.startswith(settings.STATIC_URL) or _view_name(request) in OPEN_VIEWS:
            return self.get_response(request)
        if request.path_info.startswith(API_PREFIX):
            return self._api(request)
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('two_factor:verify')}?{query}")

    def _api(self, request: HttpRequest) -> HttpResponse:
        if request.headers.get("Authorization", "").lower().startswith("bearer "):
            # A partner system's token: the session plays no part in who is calling.
            request.user = AnonymousUser()
            return self.get_response(request)
        body = {"status": 403, "code": "two_factor_required", "detail": API_TWO_FACTOR_REQUIRED}
        return JsonResponse(body, status=403)

    def _sign_out(self, request: HttpRequest, why: str) -> HttpResponse:
        logout(request)
        if request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        messages.info(request, why)
        return redirect(f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}")


def _view_name(request: HttpRequest) -> str | None:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return None
