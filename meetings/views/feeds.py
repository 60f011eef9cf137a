"""Calendar feeds of a partnership's or a board's meetings, for anyone to subscribe to."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import get_language, gettext
from django.views import View

from core.cache import cached
from governance.models import Board
from meetings.calendar import calendar_version, meetings_calendar, with_versions
from meetings.models import Meeting
from partnership.models import Partnership

# Calendar applications ask for a feed every few hours for each subscriber, and a partnership's
# feed of thousands of meetings takes a second to make: it is made once per version of its
# meetings (calendar_version) and kept this long.
FEED_CACHE_SECONDS = 60 * 60


def _calendar_response(name: str, meetings, filename: str) -> HttpResponse:
    key = f"calendar:{filename}:{get_language()}:{calendar_version(meetings)}"
    body = cached(
        key,
        lambda: meetings_calendar(name=name, meetings=with_versions(meetings)),
        seconds=FEED_CACHE_SECONDS,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


class PartnershipCalendarView(View):
    """Every meeting of every board of the partnership."""

    def get(self, request, partnership):
        partnership = get_object_or_404(Partnership, slug=partnership)
        meetings = Meeting.objects.filter(board__partnership=partnership)
        return _calendar_response(
            gettext("Meetings of {partnership}").format(partnership=partnership),
            meetings,
            partnership.slug,
        )


class BoardCalendarView(View):
    """Every meeting of one board."""

    def get(self, request, partnership, board):
        board = get_object_or_404(Board, partnership__slug=partnership, slug=board)
        meetings = board.meetings.all()
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
