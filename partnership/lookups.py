"""Finding the partnership a page's address names, for the pages of every app."""

from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property

from partnership.models import Partnership


class PartnershipLookupMixin:
    """Finds the partnership by its slug, for a page adding a record to it."""

    @cached_property
    def partnership(self) -> Partnership:
        return get_object_or_404(Partnership, slug=self.kwargs["partnership"])

    def get_permission_object(self) -> Partnership:
        return self.partnership

    def get_context_data(self, **kwargs):
        kwargs.setdefault("caption", str(self.partnership))
        return super().get_context_data(partnership=self.partnership, **kwargs)
