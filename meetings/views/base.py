"""What the pages of the meeting cycle share: finding the board or meeting a page is about,
with its permission check, and the meetings' form page."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from rules.contrib.views import PermissionRequiredMixin

from core import service_views
from governance.models import Board
from meetings.models import Meeting


class ServiceFormView(service_views.ServiceFormView):
    """The shared form page, with the meeting cycle's breadcrumbs."""

    template_name = "meetings/form_page.html"


class BoardMixin(PermissionRequiredMixin):
    permission_required = "meetings.schedule_meeting"

    @cached_property
    def board(self) -> Board:
        return get_object_or_404(
            Board.objects.select_related("partnership"), pk=self.kwargs["board_pk"]
        )

    def get_permission_object(self) -> Board:
        return self.board

    def cancel_url(self) -> str:
        return self.board.get_absolute_url()


class MeetingMixin(PermissionRequiredMixin):
    """A view of one meeting, open to those who may build its agenda unless it says otherwise."""

    permission_required = "meetings.change_meeting"

    @cached_property
    def meeting(self) -> Meeting:
        return get_object_or_404(
            Meeting.objects.select_related("board__partnership"), pk=self.kwargs["pk"]
        )

    def get_permission_object(self) -> Meeting:
        return self.meeting

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, board=self.meeting.board, **kwargs)

    def agenda_url(self) -> str:
        return reverse("meetings:agenda_build", args=[self.meeting.pk])

    def cancel_url(self) -> str:
        return self.agenda_url()
