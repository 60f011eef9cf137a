"""Filters of the governance endpoints."""

import django_filters

from governance.models import Board, BoardMembership, EngagementActivity, JointAppointment


class BoardFilter(django_filters.FilterSet):
    theme = django_filters.CharFilter(
        field_name="cross_cutting_themes__slug", distinct=True, help_text="A theme's slug."
    )

    class Meta:
        model = Board
        fields = ["partnership", "kind", "status", "reports_to", "theme"]


class MembershipFilter(django_filters.FilterSet):
    partnership = django_filters.NumberFilter(field_name="board__partnership")
    current_on = django_filters.DateFilter(
        method="filter_current_on", help_text="Seats held on this day."
    )

    class Meta:
        model = BoardMembership
        fields = ["partnership", "board", "person", "organisation", "role", "current_on"]

    def filter_current_on(self, queryset, name, value):
        return queryset.current(value)


class JointAppointmentFilter(django_filters.FilterSet):
    review_due_before = django_filters.DateFilter(field_name="review_due_on", lookup_expr="lte")

    class Meta:
        model = JointAppointment
        fields = ["partnership", "holder", "review_due_before"]


class EngagementActivityFilter(django_filters.FilterSet):
    starts_after = django_filters.DateFilter(field_name="starts_on", lookup_expr="gte")
    starts_before = django_filters.DateFilter(field_name="starts_on", lookup_expr="lte")

    class Meta:
        model = EngagementActivity
        fields = ["partnership", "organisation", "method", "starts_after", "starts_before"]
