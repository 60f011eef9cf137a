"""The scrutiny side: what a scrutiny member may read of the boards their committee scrutinises,
and the trail of a decision from its report through the resolution to the action it set going."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import path
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from governance.audience import BoardAudience
from governance.models import Board
from meetings.models import Report, Resolution
from meetings.visibility import item_content_seen, meeting_seen, minutes_seen
from outcomes.models import ActionUpdate

# The latest of each kind per board; older ones are on the board's meetings.
LATEST = 30


class ScrutinyView(LoginRequiredMixin, TemplateView):
    """Per scrutinised board: its latest decisions with their actions, and its latest reports."""

    template_name = "meetings/scrutiny/scrutiny.html"

    def get_context_data(self, **kwargs):
        audience = BoardAudience.of(self.request)
        boards = Board.objects.filter(pk__in=audience.scrutinises).select_related("partnership")
        for board in boards:
            board.latest_decisions = list(
                Resolution.objects.filter(minute__meeting__board=board)
                .filter(
                    minutes_seen(audience, "minute__meeting")
                    & meeting_seen(audience, "minute__meeting")
                    & (
                        Q(minute__agenda_item__isnull=True)
                        | item_content_seen(audience, "minute__agenda_item")
                    )
                )
                .select_related(
                    "minute__meeting",
                    "minute__agenda_item__report",
                    "development_action__lead_person",
                )
                .order_by("-minute__meeting__starts_at", "minute__number", "position")[:LATEST]
            )
            board.latest_reports = list(
                Report.objects.filter(agenda_item__meeting__board=board)
                .filter(
                    meeting_seen(audience, "agenda_item__meeting")
                    & item_content_seen(audience, "agenda_item")
                )
                .select_related("agenda_item__meeting")
                .order_by("-agenda_item__meeting__starts_at", "agenda_item__position")[:LATEST]
            )
        return super().get_context_data(boards=boards, **kwargs)


class DecisionTrailView(PermissionRequiredMixin, TemplateView):
    """A resolution with the report before it and the development action it created.

    Anyone who may read the minute may follow it; exempt minutes only those the rules allow.
    """

    template_name = "meetings/scrutiny/decision_trail.html"

    def resolution(self) -> Resolution:
        if not hasattr(self, "_resolution"):
            self._resolution = get_object_or_404(
                Resolution.objects.select_related(
                    "minute__meeting__board__partnership",
                    "minute__agenda_item__report__contact_officer",
                    "development_action__lead_person",
                    "development_action__lead_organisation",
                    "development_action__lead_board",
                    "development_action__partnership",
                ).prefetch_related(
                    Prefetch(
                        "development_action__updates",
                        ActionUpdate.objects.select_related("author").order_by("-written_on"),
                    )
                ),
                pk=self.kwargs["pk"],
            )
        return self._resolution

    def has_permission(self) -> bool:
        minute = self.resolution().minute
        user = self.request.user
        item = minute.agenda_item
        return user.has_perm("meetings.view_minutes", minute.meeting) and (
            item is None or user.has_perm("meetings.view_item", item)
        )

    def get_context_data(self, **kwargs):
        resolution = self.resolution()
        item = resolution.minute.agenda_item
        return super().get_context_data(
            resolution=resolution,
            minute=resolution.minute,
            meeting=resolution.minute.meeting,
            report=item.report if item else None,
            action=resolution.development_action,
            **kwargs,
        )


urlpatterns = [
    path("scrutiny/", ScrutinyView.as_view(), name="scrutiny"),
    path("resolutions/<int:pk>/", DecisionTrailView.as_view(), name="decision_trail"),
]
