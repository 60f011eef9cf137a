"""Boards' meetings as iCalendar (RFC 5545), for the public's calendar applications.

A meeting keeps one UID for life, so a calendar that has it updates it in place: its SEQUENCE
grows whenever the meeting is changed (moved, re-venued, postponed), and a cancelled meeting
stays in the feed with STATUS:CANCELLED, so that subscribers' calendars show it cancelled
instead of silently keeping it. Only what the board's page shows the public goes in: when,
where, and the meeting's page.
"""

import datetime
import hashlib
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Count, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext
from icalendar import Calendar, Event

from meetings.models import Meeting

# A meeting with no recorded end is shown as lasting this long.
ASSUMED_LENGTH = datetime.timedelta(hours=2)
STATUS = {
    Meeting.Status.SCHEDULED: "CONFIRMED",
    Meeting.Status.HELD: "CONFIRMED",
    Meeting.Status.POSTPONED: "TENTATIVE",
    Meeting.Status.CANCELLED: "CANCELLED",
}


def with_versions(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """The meetings with their boards and the number of versions their history holds."""
    versions = (
        Meeting.history.filter(id=OuterRef("pk"))
        .order_by()
        .values("id")
        .annotate(count=Count("history_id"))
        .values("count")
    )
    return meetings.select_related("board").annotate(versions=Coalesce(Subquery(versions), 1))


def calendar_version(meetings: QuerySet[Meeting]) -> str:
    """What a feed of the meetings is made from, in one value that any change to it changes:
    how many meetings there are, their latest change, their history's, and their boards'
    (whose names are the events' titles). One query."""
    stamp = meetings.aggregate(
        count=Count("pk", distinct=True),
        changed=Max("modified_at"),
        board_changed=Max("board__modified_at"),
        history=Max(
            Subquery(
                Meeting.history.filter(id=OuterRef("pk"))
                .order_by("-history_id")
                .values("history_id")[:1]
            )
        ),
    )
    return hashlib.sha256(repr(sorted(stamp.items())).encode()).hexdigest()[:32]


def meetings_calendar(*, name: str, meetings: Iterable[Meeting]) -> bytes:
    """The meetings, as `with_versions` gives them, as an iCalendar file named `name`."""
    calendar = Calendar()
    calendar.add("prodid", "-//Partnership governance//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    for meeting in meetings:
        calendar.add_component(_event(meeting, host))
    return calendar.to_ical()


def _event(meeting: Meeting, host: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("summary", _summary(meeting))
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at or meeting.starts_at + ASSUMED_LENGTH)
    event.add("dtstamp", meeting.modified_at)
    event.add("last-modified", meeting.modified_at)
    # Its versions in the history, less the first: one more at every change, as RFC 5545 asks.
    event.add("sequence", max(meeting.versions - 1, 0))
    event.add("status", STATUS[meeting.status])
    if meeting.venue:
        event.add("location", meeting.venue)
    event.add("url", settings.SITE_URL + meeting.get_absolute_url())
    return event


def _summary(meeting: Meeting) -> str:
    if meeting.status == Meeting.Status.CANCELLED:
        return gettext("Cancelled: {board}").format(board=meeting.board.name)
    if meeting.status == Meeting.Status.POSTPONED:
        return gettext("Postponed: {board}").format(board=meeting.board.name)
    return meeting.board.name
