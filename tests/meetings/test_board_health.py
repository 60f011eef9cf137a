"""A board's health: attendance, topics and circulations over a period, for its own people."""

import datetime
import re

import pytest
from django.utils import timezone

from governance.models import Board, BoardMembership, Circulation
from meetings.forms.health import END_BEFORE_START, END_INVALID, START_INVALID
from meetings.health import MeetingAttendance, MemberAttendance, board_health
from meetings.models import AgendaItem, Attendance, Meeting
from partnership.models import Person, Theme
from tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    BoardMembershipFactory,
    MeetingFactory,
    PersonFactory,
    UserFactory,
)
from tests.outcomes.helpers import officer_of
from tests.pages import error_summary, text_of
from tests.two_factor import VERIFIED_SESSION_QUERIES

pytestmark = pytest.mark.django_db

YEAR_2013 = {"start": datetime.date(2013, 1, 1), "end": datetime.date(2013, 12, 31)}


def at(year: int, month: int, day: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, 14, tzinfo=datetime.UTC)


def held(board: Board, when: datetime.datetime) -> Meeting:
    return MeetingFactory(board=board, starts_at=when, status=Meeting.Status.HELD)


def attend(meeting: Meeting, **statuses: str) -> None:
    """Records attendance by each person's first name, in lower case."""
    for first_name, status in statuses.items():
        person = Person.objects.get(name__istartswith=f"{first_name} ")
        Attendance.objects.create(meeting=meeting, person=person, status=status)


@pytest.fixture
def group():
    """A small group over 2013: a chair throughout, one member leaving, one joining."""
    board = BoardFactory(name="Internal Policy Officers Group")
    ann = PersonFactory(name="Ann Chair")
    bob = PersonFactory(name="Bob Leaver")
    cat = PersonFactory(name="Cat Joiner")
    clerk = PersonFactory(name="Kim Clerk")
    PersonFactory(name="Val Visitor")
    role = BoardMembership.Role
    BoardMembershipFactory(board=board, person=ann, role=role.CHAIR)
    BoardMembershipFactory(board=board, person=bob, ended_on=datetime.date(2013, 6, 30))
    BoardMembershipFactory(board=board, person=cat, started_on=datetime.date(2013, 5, 1))
    BoardMembershipFactory(board=board, person=clerk, role=role.CLERK)

    march, june, september = (held(board, at(2013, month, 1)) for month in (3, 6, 9))
    status = Attendance.Status
    attend(march, ann=status.PRESENT, bob=status.APOLOGIES, val=status.IN_ATTENDANCE)
    attend(june, ann=status.PRESENT, bob=status.PRESENT, cat=status.ABSENT, kim=status.PRESENT)
    attend(september, ann=status.APOLOGIES, cat=status.PRESENT)
    # Neither a meeting not yet held nor another board's counts.
    MeetingFactory(board=board, starts_at=at(2013, 12, 1))
    held(BoardFactory(partnership=board.partnership), at(2013, 3, 2))

    obesity = Theme.objects.create(
        partnership=board.partnership, name="Obesity", slug="obesity", is_cross_cutting=True
    )
    safeguarding = Theme.objects.create(
        partnership=board.partnership, name="Safeguarding", slug="safeguarding"
    )
    kind = AgendaItem.Kind
    AgendaItemFactory(meeting=march, kind=kind.APOLOGIES)
    AgendaItemFactory(meeting=march, kind=kind.REPORT).themes.set([obesity])
    AgendaItemFactory(meeting=june, kind=kind.REPORT).themes.set([obesity, safeguarding])
    AgendaItemFactory(meeting=june, kind=kind.OTHER)
    AgendaItemFactory(meeting=september, kind=kind.REPORT)

    other = BoardFactory(partnership=board.partnership)
    circulate(board, Circulation.Kind.DOCUMENT, sent=at(2013, 4, 1))
    circulate(other, Circulation.Kind.LINK, sent=at(2013, 5, 1), also_to=[board])
    circulate(board, Circulation.Kind.CONSULTATION, sent=None)  # queued, not yet sent
    circulate(board, Circulation.Kind.DOCUMENT, sent=at(2012, 1, 1))
    circulate(other, Circulation.Kind.DOCUMENT, sent=at(2013, 5, 1))
    return board


def circulate(board: Board, kind: str, *, sent, also_to=()) -> Circulation:
    circulation = Circulation.objects.create(
        board=board,
        kind=kind,
        title=f"{kind} for {board}",
        circulated_by=PersonFactory(),
        status=Circulation.Status.SENT if sent else Circulation.Status.QUEUED,
        sent_at=sent,
    )
    circulation.also_to.set(also_to)
    return circulation


def test_attendance_by_meeting_counts_members_against_the_voting_seats_held_that_day(group):
    health = board_health(group, **YEAR_2013)

    assert [(f"{row.meeting.starts_at:%b}", row) for row in health.meetings] == [
        ("Mar", MeetingAttendance(health.meetings[0].meeting, 2, 1, 1, others=1)),
        ("Jun", MeetingAttendance(health.meetings[1].meeting, 3, 2, 0, others=1)),
        ("Sep", MeetingAttendance(health.meetings[2].meeting, 2, 1, 1, others=0)),
    ]
    # The clerk serves the board without a vote: present in June among the others.
    assert [row.absent for row in health.meetings] == [0, 1, 0]


def test_attendance_by_member_is_of_the_meetings_held_while_they_had_a_seat(group):
    health = board_health(group, **YEAR_2013)

    assert health.members == [
        MemberAttendance("Ann Chair", held=3, present=2, apologies=1),
        MemberAttendance("Bob Leaver", held=2, present=1, apologies=1),
        MemberAttendance("Cat Joiner", held=2, present=1, apologies=0),
    ]
    assert [member.percent for member in health.members] == [67, 50, 50]


def test_topics_count_agenda_items_by_kind_and_by_theme(group):
    health = board_health(group, **YEAR_2013)

    assert health.topics_by_kind == [
        ("Apologies for absence", 1),
        ("Report", 3),
        ("Other business", 1),
    ]
    assert health.topics_by_theme == [("Obesity", 2), ("Safeguarding", 1)]
    assert health.topic_count == 5


def test_items_circulated_are_those_sent_in_the_period_by_the_board_or_with_it(group):
    health = board_health(group, **YEAR_2013)

    assert health.circulated_by_kind == [("Document", 1), ("Link", 1)]
    assert health.circulated_count == 2


def test_a_shorter_period_counts_only_its_own_meetings_topics_and_circulations(group):
    health = board_health(group, start=datetime.date(2013, 5, 1), end=datetime.date(2013, 9, 1))

    assert [f"{row.meeting.starts_at:%b}" for row in health.meetings] == ["Jun", "Sep"]
    assert [(member.name, member.held) for member in health.members] == [
        ("Ann Chair", 2),
        ("Bob Leaver", 1),
        ("Cat Joiner", 2),
    ]
    assert health.topics_by_theme == [("Obesity", 1), ("Safeguarding", 1)]
    assert health.circulated_by_kind == [("Link", 1)]


def url(board: Board, query: str = "") -> str:
    return f"/meetings/boards/{board.pk}/health/{query}"


def test_an_officer_of_the_partnership_sees_the_figures_as_tables(client, group):
    client.force_login(officer_of(group.partnership, "officer"))

    response = client.get(url(group, "?start=1/1/2013&end=31/12/2013"))

    text = text_of(response)
    assert "From 1 January 2013 to 31 December 2013: 3 meetings held, 5 agenda items, " in text
    assert "2 items circulated." in text
    assert "1 March 2013 2 1 1 0 1" in text
    assert "Ann Chair 3 2 1 67%" in text
    assert "Obesity 2 Safeguarding 1" in text
    assert "Document 1 Link 1" in text
    # Each table has its chart, drawn on the server.
    assert response.content.decode().count('role="img"') == 5


def test_each_charts_style_carries_the_nonce_of_the_pages_content_security_policy(client, group):
    client.force_login(officer_of(group.partnership, "officer"))

    response = client.get(url(group, "?start=1/1/2013&end=31/12/2013"))

    nonce = re.search(r"style-src 'self' 'nonce-([^']+)'", response["Content-Security-Policy"])[1]
    page = response.content.decode()
    assert re.findall(r"<style[^>]*>", page) == [f'<style type="text/css" nonce="{nonce}">'] * 5
    assert " style=" not in page


def test_the_period_is_the_last_twelve_months_unless_chosen(client, group):
    today = timezone.localdate()
    recent = held(group, timezone.now() - datetime.timedelta(days=30))
    held(group, timezone.now() - datetime.timedelta(days=400))
    client.force_login(officer_of(group.partnership, "officer"))

    response = client.get(url(group))

    a_year_ago = today.replace(year=today.year - 1) + datetime.timedelta(days=1)
    assert f"From {a_year_ago:%-d %B %Y} to {today:%-d %B %Y}: 1 meeting held" in text_of(response)
    assert [row.meeting for row in response.context["health"].meetings] == [recent]


@pytest.mark.parametrize(
    ("query", "messages"),
    [
        ("?start=31/2/2013&end=31/12/2013", [START_INVALID]),
        ("?start=1/1/2013&end=soon", [END_INVALID]),
        ("?start=&end=", [START_INVALID, END_INVALID]),
        ("?start=1/6/2013&end=31/5/2013", [END_BEFORE_START]),
    ],
)
def test_bad_dates_are_refused_with_a_clear_message_and_no_figures(client, group, query, messages):
    client.force_login(officer_of(group.partnership, "officer"))

    response = client.get(url(group, query))

    assert response.status_code == 200
    assert error_summary(response) == messages
    assert "health" not in response.context
    assert "Attendance by meeting" not in text_of(response)


def test_a_member_of_the_board_sees_its_health(client, group):
    member = UserFactory()
    PersonFactory(name="Dee Member", user=member)
    BoardMembershipFactory(board=group, person=member.person)
    client.force_login(member)

    assert client.get(url(group)).status_code == 200


def test_others_may_not_see_a_boards_health(client, group):
    assert client.get(url(group)).status_code == 302  # to sign in
    stranger = UserFactory()
    PersonFactory(user=stranger)
    client.force_login(stranger)
    assert client.get(url(group)).status_code == 403
    client.force_login(officer_of(BoardFactory().partnership, "elsewhere"))
    assert client.get(url(group)).status_code == 403


# Signing in and the permission check, the board, then one query per figure.
PAGE_QUERIES = 13


@pytest.mark.parametrize("meetings", [2, 20])
def test_the_page_reads_a_fixed_number_of_queries_however_many_meetings(
    client, django_assert_max_num_queries, meetings
):
    board = BoardFactory()
    people = [PersonFactory() for _ in range(5)]
    for person in people:
        BoardMembershipFactory(board=board, person=person)
    theme = Theme.objects.create(partnership=board.partnership, name="Obesity", slug="obesity")
    for number in range(meetings):
        meeting = held(board, at(2013, 1, 1) + datetime.timedelta(days=7 * number))
        for person in people:
            Attendance.objects.create(
                meeting=meeting, person=person, status=Attendance.Status.PRESENT
            )
        AgendaItemFactory(meeting=meeting).themes.set([theme])
    client.force_login(officer_of(board.partnership, "officer"))
    with django_assert_max_num_queries(PAGE_QUERIES + VERIFIED_SESSION_QUERIES):
        response = client.get(url(board, "?start=1/1/2013&end=31/12/2013"))
    assert f"{meetings} meetings held, {meetings} agenda items" in text_of(response)


def test_the_board_page_links_its_health_for_those_who_may_see_it(client, group):
    link = f'href="{url(group)}"'
    assert link not in client.get(group.get_absolute_url()).content.decode()

    client.force_login(officer_of(group.partnership, "officer"))

    assert link in client.get(group.get_absolute_url()).content.decode()


def test_a_meeting_whose_attendance_is_not_recorded_counts_nobody_absent(client, group):
    october = held(group, at(2013, 10, 1))

    health = board_health(group, **YEAR_2013)

    assert health.meetings[-1] == MeetingAttendance(october, 2, 0, 0, others=0)
    assert (health.meetings[-1].is_recorded, health.meetings[-1].absent) == (False, 0)
    assert [(member.name, member.held) for member in health.members] == [
        ("Ann Chair", 3),
        ("Bob Leaver", 2),
        ("Cat Joiner", 2),
    ]
    client.force_login(officer_of(group.partnership, "officer"))
    text = text_of(client.get(url(group, "?start=1/1/2013&end=31/12/2013")))
    assert "1 October 2013 2 Attendance not yet recorded" in text
