"""The OAuth2 scopes a partner system's application may be issued: those it is granted."""

from oauth2_provider.scopes import SettingsScopes


class PartnerSystemScopes(SettingsScopes):
    def get_available_scopes(self, application=None, request=None, *args, **kwargs):
        system = getattr(application, "partner_system", None) if application else None
        if system is None or not system.is_active:
            return []
        return [
            scope
            for scope, granted in (("read", system.can_read), ("write", system.can_write))
            if granted
        ]

    def get_default_scopes(self, application=None, request=None, *args, **kwargs):
        return self.get_available_scopes(application, request)
