"""A board's health over a period, by the measures Cardiff's officers' group judged itself by:
who attends, how many topics and of what range, and what is circulated between meetings.

Every figure is read in a fixed number of queries, however many meetings the period holds.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from governance.models import Board, BoardMembership, Circulation
from meetings.models import AgendaItem, Attendance, Meeting

# Those who attend without a seat: advisers, officers and other councillors.
OTHERS = "others"


@dataclass(frozen=True)
class MeetingAttendance:
    """One meeting's attendance against the voting seats held on its day."""

    meeting: Meeting
    seats: int
    present: int
    apologies: int
    others: int

    @property
    def is_recorded(self) -> bool:
        return bool(self.present or self.apologies or self.others)

    @property
    def absent(self) -> int:
        # A meeting whose attendance is not yet recorded is not one everybody missed.
        return self.seats - self.present - self.apologies if self.is_recorded else 0


@dataclass(frozen=True)
class MemberAttendance:
    """A member's attendance at the meetings held while they had a seat, of those whose
    attendance is recorded."""

    name: str
    held: int
    present: int
    apologies: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.present / self.held) if self.held else None


@dataclass(frozen=True)
class BoardHealth:
    """The board's figures over the period, each ready for a chart and a table."""

    board: Board
    start: datetime.date
    end: datetime.date
    meetings: list[MeetingAttendance]
    members: list[MemberAttendance]
    topics_by_kind: list[tuple[str, int]]
    topics_by_theme: list[tuple[str, int]]
    circulated_by_kind: list[tuple[str, int]]

    @property
    def topic_count(self) -> int:
        return sum(count for _, count in self.topics_by_kind)

    @property
    def circulated_count(self) -> int:
        return sum(count for _, count in self.circulated_by_kind)


def board_health(board: Board, *, start: datetime.date, end: datetime.date) -> BoardHealth:
    """The board's attendance, topics and circulations from `start` to `end`, both included."""
    since, until = _local_midnight(start), _local_midnight(end + datetime.timedelta(days=1))
    meetings = list(
        Meeting.objects.filter(
            board=board, status=Meeting.Status.HELD, starts_at__gte=since, starts_at__lt=until
        ).order_by("starts_at")
    )
    return BoardHealth(
        board=board,
        start=start,
        end=end,
        **_attendance(board, meetings, start=start, end=end),
        **_topics(meetings),
        circulated_by_kind=_circulated(board, since=since, until=until),
    )


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _attendance(
    board: Board, meetings: list[Meeting], *, start: datetime.date, end: datetime.date
) -> dict:
    # Members are the voting seats, as for the quorum: clerks and advisers serve the board.
    seats = list(
        BoardMembership.objects.filter(board=board, role__in=BoardMembership.VOTING_ROLES)
        .held()
        .overlapping(start, end)
        .select_related("person")
        .order_by("person__name", "started_on")
    )
    statuses: dict[int, dict[int, str]] = {meeting.pk: {} for meeting in meetings}
    for meeting_pk, person_pk, status in Attendance.objects.filter(
        meeting__in=meetings
    ).values_list("meeting_id", "person_id", "status"):
        statuses[meeting_pk][person_pk] = status
    by_meeting = []
    seated_at: dict[int, set[int]] = {}
    for meeting in meetings:
        day = timezone.localdate(meeting.starts_at)
        seated = {
            seat.person_id
            for seat in seats
            if (seat.started_on is None or seat.started_on <= day)
            and (seat.ended_on is None or seat.ended_on >= day)
        }
        seated_at[meeting.pk] = seated
        counts = Counter(
            _as_member(status) if person_pk in seated else _as_visitor(status)
            for person_pk, status in statuses[meeting.pk].items()
        )
        by_meeting.append(
            MeetingAttendance(
                meeting=meeting,
                seats=len(seated),
                present=counts[Attendance.Status.PRESENT],
                apologies=counts[Attendance.Status.APOLOGIES],
                others=counts[OTHERS],
            )
        )
    people = {seat.person_id: seat.person for seat in seats}
    by_member = []
    for person_pk, person in sorted(people.items(), key=lambda item: item[1].name):
        held = [
            meeting.pk
            for meeting in meetings
            if person_pk in seated_at[meeting.pk] and statuses[meeting.pk]
        ]
        marked = Counter(_as_member(statuses[meeting_pk].get(person_pk)) for meeting_pk in held)
        by_member.append(
            MemberAttendance(
                name=str(person),
                held=len(held),
                present=marked[Attendance.Status.PRESENT],
                apologies=marked[Attendance.Status.APOLOGIES],
            )
        )
    return {"meetings": by_meeting, "members": by_member}


def _as_member(status: str | None) -> str | None:
    """A member marked as in attendance was there all the same."""
    return Attendance.Status.PRESENT if status == Attendance.Status.IN_ATTENDANCE else status


def _as_visitor(status: str) -> str | None:
    present = (Attendance.Status.PRESENT, Attendance.Status.IN_ATTENDANCE)
    return OTHERS if status in present else None


def _topics(meetings: list[Meeting]) -> dict:
    items = AgendaItem.objects.filter(meeting__in=meetings)
    kinds = dict(items.values_list("kind").annotate(count=Count("pk")).order_by())
    by_theme = (
        AgendaItem.themes.through.objects.filter(agendaitem__in=items)
        .values_list("theme__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "theme__name")
    )
    return {
        "topics_by_kind": [
            (str(label), kinds[kind]) for kind, label in AgendaItem.Kind.choices if kind in kinds
        ],
        "topics_by_theme": list(by_theme),
    }


def _circulated(
    board: Board, *, since: datetime.datetime, until: datetime.datetime
) -> list[tuple[str, int]]:
    """Circulations sent in the period to the board's members, its own or another board's."""
    sent_to_board = Circulation.objects.filter(Q(board=board) | Q(also_to=board)).values("pk")
    kinds = dict(
        Circulation.objects.filter(pk__in=sent_to_board, sent_at__gte=since, sent_at__lt=until)
        .values_list("kind")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return [(str(label), kinds[kind]) for kind, label in Circulation.Kind.choices if kind in kinds]
