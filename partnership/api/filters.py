"""Filters of the partnership endpoints."""

import django_filters
from django.db.models import Q

from partnership.models import Organisation, Partnership, Person


class OrganisationFilter(django_filters.FilterSet):
    partnership = django_filters.ModelChoiceFilter(
        field_name="partnermembership__partnership",
        queryset=Partnership.objects.all(),
        distinct=True,
        help_text="Organisations that are or were partners of this partnership.",
    )

    class Meta:
        model = Organisation
        fields = ["partnership", "kind"]


class PersonFilter(django_filters.FilterSet):
    partnership = django_filters.NumberFilter(
        method="filter_partnership",
        help_text="People who sit on its boards or work for its partners.",
    )

    class Meta:
        model = Person
        fields = ["partnership", "organisation", "capacity"]

    def filter_partnership(self, queryset, name, value):
        return queryset.filter(people_of([value]))


def people_of(partnerships) -> Q:
    """The people of partnerships: seated on their boards, or working for their partners."""
    seated = Person.objects.filter(board_memberships__board__partnership__in=partnerships)
    employed = Person.objects.filter(organisation__partnermembership__partnership__in=partnerships)
    return Q(pk__in=seated.values("pk")) | Q(pk__in=employed.values("pk"))
