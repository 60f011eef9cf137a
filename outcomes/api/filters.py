"""Filters of the outcomes endpoints; dates are written YYYY-MM-DD."""

import django_filters
from django.db.models import Q
from django.utils import timezone

from outcomes.models import (
    ActionUpdate,
    Contribution,
    DevelopmentAction,
    Indicator,
    Outcome,
    OutcomeFramework,
    Project,
    Reading,
)


class FrameworkFilter(django_filters.FilterSet):
    theme = django_filters.CharFilter(field_name="themes__slug", distinct=True)

    class Meta:
        model = OutcomeFramework
        fields = ["partnership", "kind", "status", "theme"]


class OutcomeFilter(django_filters.FilterSet):
    partnership = django_filters.NumberFilter(field_name="framework__partnership")
    theme = django_filters.CharFilter(field_name="theme__slug")

    class Meta:
        model = Outcome
        fields = ["partnership", "framework", "theme"]


class IndicatorFilter(django_filters.FilterSet):
    partnership = django_filters.NumberFilter(field_name="outcome__framework__partnership")
    framework = django_filters.NumberFilter(field_name="outcome__framework")
    theme = django_filters.CharFilter(field_name="outcome__theme__slug")

    class Meta:
        model = Indicator
        fields = ["partnership", "framework", "outcome", "code", "lead_board", "theme"]


class ReadingFilter(django_filters.FilterSet):
    partnership = django_filters.NumberFilter(
        field_name="indicator__outcome__framework__partnership"
    )
    framework = django_filters.NumberFilter(field_name="indicator__outcome__framework")
    period_from = django_filters.DateFilter(field_name="period_start", lookup_expr="gte")
    period_to = django_filters.DateFilter(field_name="period_end", lookup_expr="lte")

    class Meta:
        model = Reading
        fields = ["partnership", "framework", "indicator", "period_from", "period_to"]


class DevelopmentActionFilter(django_filters.FilterSet):
    board = django_filters.NumberFilter(
        method="of_board", help_text="Actions the board leads, or that serve its remit."
    )
    deadline_from = django_filters.DateFilter(field_name="deadline", lookup_expr="gte")
    deadline_to = django_filters.DateFilter(field_name="deadline", lookup_expr="lte")
    overdue = django_filters.BooleanFilter(method="by_overdue")

    class Meta:
        model = DevelopmentAction
        fields = [
            "partnership",
            "framework",
            "board",
            "lead_person",
            "lead_organisation",
            "status",
            "deadline_from",
            "deadline_to",
            "overdue",
        ]

    def of_board(self, queryset, name, value):
        return queryset.filter(Q(lead_board=value) | Q(remit_clause__board=value))

    def by_overdue(self, queryset, name, value):
        overdue = DevelopmentAction.objects.overdue(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class ActionUpdateFilter(django_filters.FilterSet):
    partnership = django_filters.NumberFilter(field_name="action__partnership")
    written_from = django_filters.DateFilter(field_name="written_on", lookup_expr="gte")
    written_to = django_filters.DateFilter(field_name="written_on", lookup_expr="lte")

    class Meta:
        model = ActionUpdate
        fields = ["partnership", "action", "status", "written_from", "written_to"]


class ProjectFilter(django_filters.FilterSet):
    board = django_filters.NumberFilter(field_name="proposing_board")

    class Meta:
        model = Project
        fields = ["partnership", "board", "status", "lead_organisation"]


class ContributionFilter(django_filters.FilterSet):
    class Meta:
        model = Contribution
        fields = ["partnership", "project", "outcome", "organisation", "financial_year", "kind"]
