"""An Atom feed of newly published minutes and their decisions, for anyone to follow."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from meetings.models import Meeting, Minute
from partnership.models import Partnership

ENTRIES = 50


class PublishedMinutesFeed(Feed):
    """One entry a meeting, when its minutes are published: each open minute and resolution.

    Minutes of exempt items are left out, as they are of the public pack.
    """

    feed_type = Atom1Feed

    def get_object(self, request, partnership=None):
        return get_object_or_404(Partnership, slug=partnership) if partnership else None

    def title(self, partnership):
        if partnership:
            return gettext("Minutes published by {partnership}").format(partnership=partnership)
        return gettext("Minutes published")

    def link(self, partnership):
        return (
            partnership.get_absolute_url()
            if partnership
            else reverse("partnership:partnership_list")
        )

    def subtitle(self, partnership):
        return gettext("Newly published minutes of the boards, with the decisions they record.")

    def items(self, partnership):
        open_minutes = Minute.objects.filter(
            Q(agenda_item__isnull=True) | Q(agenda_item__is_exempt=False)
        ).prefetch_related("resolutions")
        meetings = Meeting.objects.filter(minutes_status=Meeting.MinutesStatus.PUBLISHED)
        if partnership is not None:
            meetings = meetings.filter(board__partnership=partnership)
        return (
            meetings.select_related("board__partnership")
            .prefetch_related(Prefetch("minutes", open_minutes, to_attr="open_minutes"))
            .order_by("-minutes_published_at", "-pk")[:ENTRIES]
        )

    def item_title(self, meeting):
        return gettext("Minutes of {meeting}").format(meeting=meeting)

    def item_link(self, meeting):
        return meeting.get_absolute_url()

    def item_updateddate(self, meeting):
        return meeting.minutes_published_at

    def item_pubdate(self, meeting):
        return meeting.minutes_published_at

    def item_author_name(self, meeting):
        return meeting.board.name

    def item_description(self, meeting):
        parts = []
        for minute in meeting.open_minutes:
            parts.append(f"<h3>{minute.number}. {escape(minute.title)}</h3>")
            resolutions = [
                f"<li>{escape(resolution.label)} {escape(resolution.text)}</li>"
                for resolution in minute.resolutions.all()
            ]
            if resolutions:
                resolved = escape(gettext("RESOLVED:"))
                parts.append(f"<p>{resolved}</p><ul>{''.join(resolutions)}</ul>")
        return "".join(parts)


# A feed is read, never written to: any other method is refused (405), as on every page.
urlpatterns = [
    path("feeds/minutes.atom", require_safe(PublishedMinutesFeed()), name="minutes_feed"),
    path(
        "feeds/<slug:partnership>/minutes.atom",
        require_safe(PublishedMinutesFeed()),
        name="partnership_minutes_feed",
    ),
]
