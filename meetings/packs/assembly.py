"""What goes into a pack, by audience: the public pack's queries can only see open records.

Exempt items and minutes are left out of the public pack by the queries that load it, not by
hiding them afterwards. What the public pack says in their place (the position or minute number
and the exempting paragraph) is read by queries that load nothing else.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from governance.models import BoardMembership
from meetings.exemptions import exemption_notice
from meetings.models import AgendaItem, AgendaPack, Appendix, Attendance, Meeting, Minute


@dataclass(frozen=True)
class Withheld:
    """An exempt item or minute as the public sees it: its number and why it is withheld."""

    number: int
    notice: str


@dataclass(frozen=True)
class MinutesRecord:
    """The minutes of one meeting as one audience may read them."""

    meeting: Meeting
    minutes: list[Minute]
    attendances: list[Attendance]
    withheld: list[Withheld]


@dataclass(frozen=True)
class PackContents:
    """Everything one audience's agenda pack shows."""

    meeting: Meeting
    variant: str
    items: list[AgendaItem]
    withheld_items: list[Withheld]
    membership: list[BoardMembership]
    previous_minutes: MinutesRecord | None

    @property
    def is_public(self) -> bool:
        return self.variant == AgendaPack.Variant.PUBLIC


def _items() -> QuerySet[AgendaItem]:
    return AgendaItem.objects.select_related(
        "meeting__board__partnership", "report__contact_officer"
    ).prefetch_related(Prefetch("report__appendices", queryset=Appendix.objects.order_by("label")))


def open_items(meeting: Meeting) -> QuerySet[AgendaItem]:
    """The items the public pack is built from: exempt ones are never loaded."""
    return _items().filter(meeting=meeting, is_exempt=False)


def members_items(meeting: Meeting) -> QuerySet[AgendaItem]:
    return _items().filter(meeting=meeting)


def withheld_items(meeting: Meeting) -> list[Withheld]:
    nation = meeting.board.partnership.nation
    rows = AgendaItem.objects.filter(meeting=meeting, is_exempt=True).values_list(
        "position", "exempt_paragraph"
    )
    return [Withheld(position, exemption_notice(nation, paragraph)) for position, paragraph in rows]


def minutes_record(meeting: Meeting, *, include_exempt: bool) -> MinutesRecord:
    """A meeting's minutes; without exempt ones unless asked, which are then only noted."""
    minutes = Minute.objects.filter(meeting=meeting).prefetch_related("resolutions")
    withheld = []
    if not include_exempt:
        minutes = minutes.filter(Q(agenda_item__isnull=True) | Q(agenda_item__is_exempt=False))
        nation = meeting.board.partnership.nation
        rows = Minute.objects.filter(meeting=meeting, agenda_item__is_exempt=True).values_list(
            "number", "agenda_item__exempt_paragraph"
        )
        withheld = [
            Withheld(number, exemption_notice(nation, paragraph)) for number, paragraph in rows
        ]
    return MinutesRecord(
        meeting=meeting,
        minutes=list(minutes),
        attendances=list(meeting.attendances.select_related("person").order_by("person__name")),
        withheld=withheld,
    )


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The board's last meeting before this one that has minutes to approve or note."""
    return (
        Meeting.objects.filter(board=meeting.board, starts_at__lt=meeting.starts_at)
        .exclude(minutes_status=Meeting.MinutesStatus.NONE)
        .select_related("board__partnership")
        .order_by("-starts_at")
        .first()
    )


def pack_contents(meeting: Meeting, variant: str) -> PackContents:
    public = variant == AgendaPack.Variant.PUBLIC
    items = list(open_items(meeting) if public else members_items(meeting))
    previous = None
    if any(item.kind == AgendaItem.Kind.MINUTES for item in items):
        earlier = previous_meeting(meeting)
        previous = minutes_record(earlier, include_exempt=not public) if earlier else None
    return PackContents(
        meeting=meeting,
        variant=variant,
        items=items,
        withheld_items=withheld_items(meeting) if public else [],
        membership=list(
            BoardMembership.objects.filter(
                board=meeting.board, role__in=BoardMembership.VOTING_ROLES
            )
            .current(timezone.localdate(meeting.starts_at))
            .select_related("person", "organisation")
        ),
        previous_minutes=previous,
    )
