"""Signing out, and how django-axes tells callers apart and answers a paused sign-in."""

from django.conf import settings
from django.contrib.auth.views import LogoutView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from rest_framework.throttling import BaseThrottle


def client_address(request: HttpRequest) -> str:
    """The caller's address as the API's rate limits count it: behind API_TRUSTED_PROXIES
    proxies, the address the outermost trusted one saw, so that a proxy's own address never
    stands for everyone behind it."""
    return BaseThrottle().get_ident(request)


def sign_in_paused(request: HttpRequest, *args) -> HttpResponse:
    """What django-axes answers a locked-out sign-in with: why, and for how long (429)."""
    return render(
        request,
        "registration/locked_out.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
        status=429,
    )


class SignOutView(LogoutView):
    """Django's sign-out, which also asks the browser to forget what this site left in it:
    pages kept for the back button, and anything a page stored (honoured over HTTPS)."""

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response
