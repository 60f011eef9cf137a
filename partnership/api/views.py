"""The partnership endpoints: public records, confined to its own partnership for a system."""

from django.db.models import Exists, OuterRef

from core.api.pagination import CursorPagePagination
from core.api.views import ReadOnlyApiViewSet
from partnership.api.filters import OrganisationFilter, PersonFilter
from partnership.api.serializers import (
    OrganisationSerializer,
    PartnershipSerializer,
    PersonSerializer,
)
from partnership.audience import Audience
from partnership.models import Organisation, PartnerMembership, Partnership, Person


class AudienceViewSet(ReadOnlyApiViewSet):
    """Lists and details of the records the caller's audience may see, and no others.

    Each endpoint defines `visible_to(audience)`: its queryset, filtered for that audience.
    """

    audience_class = Audience

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            # The schema generator asks for the model only: the public's queryset tells it.
            return self.visible_to(self.audience_class.of_public())
        return self.visible_to(self.audience_class.of(self.request))


class PartnershipViewSet(AudienceViewSet):
    serializer_class = PartnershipSerializer
    filterset_fields = ["nation", "kind"]
    ordering_fields = ["name", "established_on"]
    ordering = ["name"]

    def visible_to(self, audience):
        return audience.in_scope(Partnership.objects.select_related("area"), "pk")


class OrganisationViewSet(AudienceViewSet):
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    ordering_fields = ["name", "founded_on"]
    ordering = ["name"]

    def visible_to(self, audience):
        organisations = Organisation.objects.select_related("area").prefetch_related("partnerships")
        if audience.partnerships is None:
            return organisations
        partner = PartnerMembership.objects.filter(
            organisation=OuterRef("pk"), partnership__in=audience.partnerships
        )
        return organisations.filter(Exists(partner))


class PersonViewSet(AudienceViewSet):
    serializer_class = PersonSerializer
    filterset_class = PersonFilter
    pagination_class = CursorPagePagination
    ordering_fields = ["id", "name"]
    ordering = ["id"]

    def visible_to(self, audience):
        people = Person.objects.all()
        if audience.partnerships is None:
            return people
        return people.of_partnerships(audience.partnerships)
