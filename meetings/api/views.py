"""The meetings endpoints: what is published and open, and to insiders what they may see."""

from django.db.models import BooleanField, Case, F, Q, When

from core.api.pagination import CursorPagePagination
from governance.audience import BoardAudience
from meetings.api.filters import AgendaItemFilter, MeetingFilter, MinuteFilter, ReportFilter
from meetings.api.serializers import (
    AgendaItemSerializer,
    MeetingSerializer,
    MinuteSerializer,
    ReportSerializer,
)
from meetings.models import AgendaItem, Meeting, Minute, Report
from meetings.visibility import item_content_seen, meeting_seen, minutes_seen
from partnership.api.views import AudienceViewSet


class BoardAudienceViewSet(AudienceViewSet):
    """Meetings' papers are seen by a board's insiders and scrutineers: their seats count."""

    audience_class = BoardAudience


class MeetingViewSet(BoardAudienceViewSet):
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    pagination_class = CursorPagePagination
    ordering_fields = ["id", "starts_at"]
    ordering = ["-starts_at"]

    def visible_to(self, audience):
        meetings = Meeting.objects.select_related("board").filter(meeting_seen(audience))
        return audience.in_scope(meetings, "board__partnership")


class AgendaItemViewSet(BoardAudienceViewSet):
    serializer_class = AgendaItemSerializer
    filterset_class = AgendaItemFilter
    pagination_class = CursorPagePagination
    ordering_fields = ["id"]
    ordering = ["id"]

    def visible_to(self, audience):
        items = (
            AgendaItem.objects.filter(meeting_seen(audience, "meeting"))
            .annotate(
                content_seen=Case(
                    When(item_content_seen(audience), then=True),
                    default=False,
                    output_field=BooleanField(),
                )
            )
            .prefetch_related("themes", "remit_clauses")
        )
        return audience.in_scope(items, "meeting__board__partnership")


class ReportViewSet(BoardAudienceViewSet):
    """Reports the caller may read in full: an exempt one is not listed to outsiders at all."""

    serializer_class = ReportSerializer
    filterset_class = ReportFilter
    pagination_class = CursorPagePagination
    ordering_fields = ["id"]
    ordering = ["id"]

    def visible_to(self, audience):
        on_agenda = (
            Q(agenda_item__isnull=False)
            & meeting_seen(audience, "agenda_item__meeting")
            & item_content_seen(audience, "agenda_item")
        )
        not_yet_on_agenda = Q(agenda_item__isnull=True) & audience.runs_or_officer("board")
        reports = (
            Report.objects.filter(on_agenda | not_yet_on_agenda)
            .annotate(item_id=F("agenda_item__id"))
            .prefetch_related("appendices")
        )
        return audience.in_scope(reports, "board__partnership")


class MinuteViewSet(BoardAudienceViewSet):
    """Minutes with their resolutions: published ones for all, drafts for insiders."""

    serializer_class = MinuteSerializer
    filterset_class = MinuteFilter
    pagination_class = CursorPagePagination
    ordering_fields = ["id", "number"]
    ordering = ["id"]

    def visible_to(self, audience):
        minutes = (
            Minute.objects.filter(
                meeting_seen(audience, "meeting")
                & minutes_seen(audience, "meeting")
                & (Q(agenda_item__isnull=True) | item_content_seen(audience, "agenda_item"))
            )
            .select_related("meeting")
            .prefetch_related("resolutions")
        )
        return audience.in_scope(minutes, "board__partnership")
