"""Calendar feeds of a partnership's or a board's meetings, for anyone to subscribe to."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext
from django.views import View

from governance.models import Board
from meetings.calendar import meetings_calendar, with_versions
from meetings.models import Meeting
from partnership.models import Partnership


def _calendar_response(name: str, meetings, filename: str) -> HttpResponse:
    response = HttpResponse(
        meetings_calendar(name=name, meetings=meetings), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


class PartnershipCalendarView(View):
    """Every meeting of every board of the partnership."""

    def get(self, request, partnership):
        partnership = get_object_or_404(Partnership, slug=partnership)
        meetings = with_versions(Meeting.objects.filter(board__partnership=partnership))
        return _calendar_response(
            gettext("Meetings of {partnership}").format(partnership=partnership),
            meetings,
            partnership.slug,
        )


class BoardCalendarView(View):
    """Every meeting of one board."""

    def get(self, request, partnership, board):
        board = get_object_or_404(Board, partnership__slug=partnership, slug=board)
        meetings = with_versions(board.meetings.all())
        return _calendar_response(
            gettext("Meetings of {board}").format(board=board),
            meetings,
            f"{partnership}-{board.slug}",
        )


urlpatterns = [
    path(
        "calendars/<slug:partnership>.ics",
        PartnershipCalendarView.as_view(),
        name="partnership_calendar",
    ),
    path(
        "calendars/<slug:partnership>/<slug:board>.ics",
        BoardCalendarView.as_view(),
        name="board_calendar",
    ),
]
