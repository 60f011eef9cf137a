"""Partner systems sign in to the API with an OAuth2 access token (client credentials)."""

import logging

from django.urls import reverse
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from oauth2_provider.contrib.rest_framework import OAuth2Authentication
from oauth2_provider.settings import oauth2_settings
from rest_framework import exceptions

from partnership.models import PartnerSystem

SYSTEM_SUSPENDED = "This partner system's access has been suspended."
NO_PARTNER_SYSTEM = "These credentials belong to no partner system."
TOKEN_INVALID = "The access token is not valid or has expired: obtain a new one."

# Every use of a partner system's credentials, one line a request: who, with which token, what.
uses = logging.getLogger("partnership.api.use")


class PartnerSystemAuthentication(OAuth2Authentication):
    """A valid bearer token makes its application's partner system the request's principal.

    The system may do no more than its token's scopes allow, nor more than it is granted now:
    a scope granted when the token was issued and withdrawn since no longer counts.
    """

    def authenticate(self, request):
        authenticated = super().authenticate(request)
        if authenticated is None:
            # A caller that sent a token it cannot use is told so, not answered as the public.
            if request.headers.get("Authorization", "").lower().startswith("bearer "):
                raise exceptions.AuthenticationFailed(TOKEN_INVALID)
            return None
        _, token = authenticated
        system = (
            PartnerSystem.objects.select_related("partnership")
            .filter(application_id=token.application_id)
            .first()
        )
        if system is None:
            raise exceptions.AuthenticationFailed(NO_PARTNER_SYSTEM)
        if not system.is_active:
            raise exceptions.AuthenticationFailed(SYSTEM_SUSPENDED)
        uses.info(
            "partner system %s (partnership %s) used token %s: %s %s",
            system.pk,
            system.partnership_id,
            token.pk,
            request.method,
            request.get_full_path(),
            extra={"partner_system": system.pk, "token": token.pk},
        )
        scopes = set(token.scope.split())
        # This instance lives for the request only; it is never saved.
        system.can_read = system.can_read and "read" in scopes
        system.can_write = system.can_write and "write" in scopes
        return system, token


class PartnerSystemScheme(OpenApiAuthenticationExtension):
    """Documents the token partner systems obtain with their client credentials."""

    target_class = PartnerSystemAuthentication
    name = "partnerSystem"

    def get_security_definition(self, auto_schema):
        return {
            "type": "oauth2",
            "description": "A partner system's client credentials, bound to one partnership.",
            "flows": {
                "clientCredentials": {
                    "tokenUrl": reverse("oauth2_provider:token"),
                    "scopes": oauth2_settings.SCOPES,
                }
            },
        }
