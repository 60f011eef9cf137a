"""Which meetings, items, reports and minutes an API caller sees, as database filters.

Each filter is the queryset form of a rule in meetings/rules.py: a meeting is seen once its
agenda is published, or by its insiders (`meetings.view_meeting`); an item's content, when it
is open, or by insiders, or by scrutineers once published (`meetings.view_item` and
`view_exempt_item`); minutes once published, or by insiders (`meetings.view_minutes`).
"""

from django.db.models import Q

from governance.audience import BoardAudience
from meetings.models import Meeting, Report


def meeting_seen(audience: BoardAudience, meeting: str = "") -> Q:
    """Meetings (reached by the path `meeting`) whose agenda the caller may read."""
    at = f"{meeting}__" if meeting else ""
    return Q(**{f"{at}agenda_published_at__isnull": False}) | audience.insider(f"{at}board")


def item_content_seen(audience: BoardAudience, item: str = "") -> Q:
    """Agenda items (reached by `item`) whose purpose and report the caller may read.

    An item is exempt if it is marked so or if its report is classified exempt.
    """
    at = f"{item}__" if item else ""
    is_open = Q(**{f"{at}is_exempt": False}) & (
        Q(**{f"{at}report__isnull": True})
        | ~Q(**{f"{at}report__classification": Report.Classification.EXEMPT})
    )
    published = Q(**{f"{at}meeting__agenda_published_at__isnull": False})
    return (
        (published & is_open)
        | audience.insider(f"{at}meeting__board")
        | (published & audience.scrutineer(f"{at}meeting__board"))
    )


def minutes_seen(audience: BoardAudience, meeting: str) -> Q:
    """Minutes of meetings (reached by `meeting`) that are published, or seen by insiders."""
    return Q(**{f"{meeting}__minutes_status": Meeting.MinutesStatus.PUBLISHED}) | audience.insider(
        f"{meeting}__board"
    )
