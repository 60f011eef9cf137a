"""Who may call the API at all; what each caller then sees is its audience's business."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from partnership.models import PartnerSystem

READ_SCOPE_REQUIRED = "This partner system's token does not carry the read scope."
WRITE_SCOPE_REQUIRED = "This partner system's token does not carry the write scope."


class ScopesForSystems(BasePermission):
    """A partner system reads only with the read scope, and writes only with the write scope.

    Anyone may read what is public; each write endpoint checks the record written against the
    rules, for a system and a signed-in user alike.
    """

    def has_permission(self, request, view) -> bool:
        if not isinstance(request.user, PartnerSystem):
            return True
        if request.method in SAFE_METHODS:
            self.message = READ_SCOPE_REQUIRED
            return request.user.can_read
        self.message = WRITE_SCOPE_REQUIRED
        return request.user.can_write
