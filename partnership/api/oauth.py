"""Which OAuth2 clients may obtain a token: those of partner systems that are switched on."""

from oauth2_provider.oauth2_validators import OAuth2Validator


class PartnerSystemValidator(OAuth2Validator):
    def authenticate_client(self, request, *args, **kwargs) -> bool:
        """Right credentials are not enough: a suspended or revoked system gets no token."""
        if not super().authenticate_client(request, *args, **kwargs):
            return False
        system = getattr(request.client, "partner_system", None)
        return system is not None and system.is_active
