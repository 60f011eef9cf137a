"""Which OAuth2 clients may obtain a token: those of partner systems that are switched on."""

from oauth2_provider.oauth2_validators import OAuth2Validator
from oauthlib.oauth2.rfc6749 import errors

# Partner systems act for themselves, never for a person: a token comes by client credentials
# alone. Above all no password grant, which would check a person's password without the
# second factor, and tell whoever holds a system's credentials whether a guess was right.
ALLOWED_GRANT_TYPES = {"client_credentials"}


class PartnerSystemValidator(OAuth2Validator):
    def authenticate_client(self, request, *args, **kwargs) -> bool:
        """Right credentials are not enough: a suspended or revoked system gets no token."""
        if not super().authenticate_client(request, *args, **kwargs):
            return False
        system = getattr(request.client, "partner_system", None)
        return system is not None and system.is_active

    def validate_user(self, username, password, client, request, *args, **kwargs) -> bool:
        """Refuses the password grant before the password is looked at, right or wrong alike.

        oauthlib asks this before it checks the grant type, so the refusal is raised here, as
        the one the grant type would get, and no password is ever checked or counted.
        """
        raise errors.UnauthorizedClientError(request=request)

    def validate_grant_type(self, client_id, grant_type, client, request, *args, **kwargs):
        """Only client credentials, whatever grant the application was registered with."""
        if grant_type not in ALLOWED_GRANT_TYPES:
            return False
        return super().validate_grant_type(client_id, grant_type, client, request, *args, **kwargs)
