"""Filters of the partnership endpoints."""

import django_filters

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
        return queryset.of_partnerships([value])
