"""Filters of the meetings endpoints; dates are written YYYY-MM-DD."""

import django_filters

from meetings.models import AgendaItem, Meeting, Minute, Report


class MeetingFilter(django_filters.FilterSet):
    partnership = django_filters.NumberFilter(field_name="board__partnership")
    starts_from = django_filters.DateFilter(field_name="starts_at__date", lookup_expr="gte")
    starts_to = django_filters.DateFilter(field_name="starts_at__date", lookup_expr="lte")
    theme = django_filters.CharFilter(
        field_name="agenda_items__themes__slug",
        distinct=True,
        help_text="Meetings with an item on this cross-cutting theme (its slug).",
    )

    class Meta:
        model = Meeting
        fields = ["partnership", "board", "status", "minutes_status", "starts_from", "starts_to"]


class AgendaItemFilter(django_filters.FilterSet):
    partnership = django_filters.NumberFilter(field_name="meeting__board__partnership")
    board = django_filters.NumberFilter(field_name="meeting__board")
    theme = django_filters.CharFilter(field_name="themes__slug", distinct=True)

    class Meta:
        model = AgendaItem
        fields = ["partnership", "board", "meeting", "kind", "is_exempt", "theme"]


class ReportFilter(django_filters.FilterSet):
    partnership = django_filters.NumberFilter(field_name="board__partnership")

    class Meta:
        model = Report
        fields = ["partnership", "board", "is_key_decision"]


class MinuteFilter(django_filters.FilterSet):
    partnership = django_filters.NumberFilter(field_name="board__partnership")
    status = django_filters.ChoiceFilter(
        field_name="meeting__minutes_status", choices=Meeting.MinutesStatus.choices
    )
    held_from = django_filters.DateFilter(field_name="meeting__starts_at__date", lookup_expr="gte")
    held_to = django_filters.DateFilter(field_name="meeting__starts_at__date", lookup_expr="lte")

    class Meta:
        model = Minute
        fields = ["partnership", "board", "meeting", "municipal_year", "status"]
