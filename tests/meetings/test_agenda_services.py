import datetime
import zoneinfo

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from governance.models import Board, BoardMembership
from meetings.models import AgendaItem, Declaration, Meeting, Report
from meetings.notice import last_day_to_publish
from meetings.services.agenda import (
    AGENDA_ALREADY_PUBLISHED,
    BOARD_DISSOLVED,
    EXEMPT_NEEDS_PARAGRAPH,
    EXEMPT_PARAGRAPH_UNKNOWN,
    EXEMPT_PARAGRAPHS_NOT_LISTED,
    ITEM_HAS_RECORDS,
    LATE_WITHOUT_REASON,
    MEETING_ENDS_BEFORE_START,
    MEETING_NEEDS_A_PLACE,
    NOT_ALLOWED_TO_PUBLISH,
    PARAGRAPH_ONLY_WHEN_EXEMPT,
    POSITION_MISSING,
    REPORT_ALREADY_ON_AGENDA,
    REPORT_OF_ANOTHER_BOARD,
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    agenda_item_update,
    agenda_publish,
    meeting_schedule,
    meeting_update,
)
from partnership.models import Nation
from tests.factories import (
    BoardFactory,
    BoardMembershipFactory,
    MeetingFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(year: int, month: int, day: int, hour: int = 14) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, 0, tzinfo=LONDON)


def titles(meeting: Meeting) -> list[tuple[int, str]]:
    return list(meeting.agenda_items.order_by("position").values_list("position", "title"))


@pytest.fixture
def board() -> Board:
    return BoardFactory(partnership=PartnershipFactory(nation=Nation.ENGLAND), name="Cabinet")


@pytest.fixture
def clerk(board) -> User:
    user = UserFactory()
    BoardMembershipFactory(
        board=board, person=PersonFactory(user=user), role=BoardMembership.Role.CLERK
    )
    return user


@pytest.fixture
def agenda(board) -> Meeting:
    """A meeting with five items: the three opening ones and two reports."""
    MeetingFactory(board=board, starts_at=at(2011, 2, 17))
    meeting = meeting_schedule(board=board, starts_at=at(2011, 3, 17), venue="Brockington")
    for title in ["Engagement framework", "Locality strategy"]:
        agenda_item_add(meeting=meeting, title=title)
    return meeting


def item_at(meeting: Meeting, position: int) -> AgendaItem:
    return meeting.agenda_items.get(position=position)


def test_scheduling_adds_the_opening_items_naming_the_previous_meeting(board):
    MeetingFactory(board=board, starts_at=at(2011, 1, 20))
    MeetingFactory(board=board, starts_at=at(2011, 2, 17))
    MeetingFactory(board=board, starts_at=at(2011, 3, 3), status=Meeting.Status.CANCELLED)

    meeting = meeting_schedule(
        board=board,
        starts_at=at(2011, 3, 17),
        ends_at=at(2011, 3, 17, 16),
        venue="The Council Chamber, Brockington",
    )

    items = list(meeting.agenda_items.order_by("position"))
    assert [(item.position, item.kind, item.title, item.purpose) for item in items] == [
        (1, "apologies", "Apologies for absence", "To receive any apologies for absence."),
        (
            2,
            "declarations",
            "Declarations of interest",
            "To receive any declarations of interest by members in respect of items on the agenda.",
        ),
        (
            3,
            "minutes",
            "Minutes",
            "To approve and sign the minutes of the meeting held on 17 February 2011.",
        ),
    ]
    assert meeting.venue == "The Council Chamber, Brockington"
    assert meeting.agenda_published_at is None


def test_a_boards_first_meeting_has_no_minutes_to_approve(board):
    meeting = meeting_schedule(
        board=board, starts_at=at(2011, 3, 17), online_link="https://x.test/"
    )

    assert titles(meeting) == [(1, "Apologies for absence"), (2, "Declarations of interest")]


def test_a_meeting_needs_a_venue_or_an_online_link_and_nothing_is_saved(board):
    with pytest.raises(ValidationError) as error:
        meeting_schedule(board=board, starts_at=at(2011, 3, 17))

    assert error.value.message_dict == {"venue": [MEETING_NEEDS_A_PLACE]}
    assert not Meeting.objects.exists()
    assert not AgendaItem.objects.exists()


def test_a_meeting_cannot_end_before_it_starts(board):
    with pytest.raises(ValidationError) as error:
        meeting_schedule(
            board=board, starts_at=at(2011, 3, 17), ends_at=at(2011, 3, 17, 12), venue="Hall"
        )

    assert error.value.message_dict == {"ends_at": [MEETING_ENDS_BEFORE_START]}


def test_a_dissolved_board_cannot_meet(board):
    board.status, board.dissolved_on = Board.Status.DISSOLVED, datetime.date(2012, 3, 31)
    board.save()

    with pytest.raises(ValidationError) as error:
        meeting_schedule(board=board, starts_at=at(2012, 6, 1), venue="Hall")

    assert error.value.messages == [BOARD_DISSOLVED.format(board="Cabinet")]


def test_updating_a_meeting_changes_its_time_and_place(agenda):
    meeting_update(
        meeting=agenda,
        starts_at=at(2011, 3, 17, 10),
        ends_at=None,
        venue="",
        online_link="https://meet.example/cabinet",
        contact=None,
    )

    agenda.refresh_from_db()
    assert agenda.starts_at == at(2011, 3, 17, 10)
    assert agenda.venue == ""
    assert agenda.online_link == "https://meet.example/cabinet"


def test_updating_a_meeting_with_bad_input_changes_nothing(agenda):
    with pytest.raises(ValidationError):
        meeting_update(
            meeting=agenda,
            starts_at=at(2011, 3, 18),
            ends_at=None,
            venue="",
            online_link="",
            contact=None,
        )

    agenda.refresh_from_db()
    assert agenda.starts_at == at(2011, 3, 17)
    assert agenda.venue == "Brockington"


def test_items_are_added_at_the_end_with_their_report_presenter_and_purpose(agenda, board):
    report = Report.objects.create(board=board, title="Information and ICT Strategy")
    presenter = PersonFactory(name="Tony Geeson")

    item = agenda_item_add(
        meeting=agenda,
        title="Information and ICT Strategy",
        purpose="To approve the Information & ICT Strategy.",
        report=report,
        presenter=presenter,
    )

    assert item.position == 6
    assert item.kind == AgendaItem.Kind.REPORT
    assert item.report == report
    assert item.presenter == presenter
    assert item.purpose == "To approve the Information & ICT Strategy."


def test_an_exempt_item_names_a_paragraph_of_its_nations_schedule(agenda):
    item = agenda_item_add(
        meeting=agenda, title="Contract award", is_exempt=True, exempt_paragraph="3"
    )

    assert (item.is_exempt, item.exempt_paragraph) == (True, "3")


def test_an_exempt_item_without_a_paragraph_is_refused(agenda):
    with pytest.raises(ValidationError) as error:
        agenda_item_add(meeting=agenda, title="Contract award", is_exempt=True)

    schedule = "Schedule 12A to the Local Government Act 1972"
    assert error.value.message_dict == {
        "exempt_paragraph": [EXEMPT_NEEDS_PARAGRAPH.format(schedule=schedule)]
    }
    assert agenda.agenda_items.count() == 5


def test_a_paragraph_from_another_nations_schedule_is_refused(agenda):
    # Paragraph 8 is Scottish (contract expenditure); England's schedule stops at 7.
    with pytest.raises(ValidationError) as error:
        agenda_item_add(
            meeting=agenda, title="Contract award", is_exempt=True, exempt_paragraph="8"
        )

    assert error.value.message_dict == {
        "exempt_paragraph": [
            EXEMPT_PARAGRAPH_UNKNOWN.format(
                paragraph="8", schedule="Schedule 12A to the Local Government Act 1972"
            )
        ]
    }


def test_an_open_item_cannot_name_a_paragraph(agenda):
    with pytest.raises(ValidationError) as error:
        agenda_item_update(
            item=item_at(agenda, 4),
            title="Engagement framework",
            kind=AgendaItem.Kind.REPORT,
            purpose="",
            report=None,
            presenter=None,
            is_exempt=False,
            exempt_paragraph="1",
            themes=[],
        )

    assert error.value.message_dict == {"exempt_paragraph": [PARAGRAPH_ONLY_WHEN_EXEMPT]}
    assert item_at(agenda, 4).exempt_paragraph == ""


def test_northern_ireland_items_cannot_be_marked_exempt_until_its_paragraphs_are_listed():
    board = BoardFactory(partnership=PartnershipFactory(nation=Nation.NORTHERN_IRELAND))
    meeting = MeetingFactory(board=board)

    with pytest.raises(ValidationError) as error:
        agenda_item_add(meeting=meeting, title="Staffing", is_exempt=True, exempt_paragraph="1")

    assert error.value.message_dict == {
        "is_exempt": [EXEMPT_PARAGRAPHS_NOT_LISTED.format(nation="Northern Ireland")]
    }


def test_a_report_of_another_board_cannot_be_attached(agenda):
    other = BoardFactory(partnership=agenda.board.partnership, name="Scrutiny")
    report = Report.objects.create(board=other, title="Scrutiny review")

    with pytest.raises(ValidationError) as error:
        agenda_item_add(meeting=agenda, title="Review", report=report)

    assert error.value.message_dict == {
        "report": [REPORT_OF_ANOTHER_BOARD.format(board="Scrutiny")]
    }


def test_a_report_already_on_an_agenda_cannot_be_attached_again(agenda, board):
    report = Report.objects.create(board=board, title="Locality strategy")
    agenda_item_add(meeting=agenda, title="Locality strategy", report=report)

    with pytest.raises(ValidationError) as error:
        agenda_item_add(meeting=agenda, title="Locality strategy again", report=report)

    assert error.value.message_dict == {"report": [REPORT_ALREADY_ON_AGENDA.format(meeting=agenda)]}


def test_updating_an_item_keeps_its_place_and_sets_its_details(agenda, board):
    report = Report.objects.create(board=board, title="Locality Strategy for Herefordshire")

    item = agenda_item_update(
        item=item_at(agenda, 5),
        title="Locality Strategy for Herefordshire",
        kind=AgendaItem.Kind.REPORT,
        purpose="To approve the Locality Strategy for Herefordshire.",
        report=report,
        presenter=None,
        is_exempt=True,
        exempt_paragraph="2",
        themes=[],
    )

    item.refresh_from_db()
    assert (item.position, item.title, item.report, item.exempt_paragraph) == (
        5,
        "Locality Strategy for Herefordshire",
        report,
        "2",
    )


def test_moving_an_item_up_renumbers_the_agenda_contiguously(agenda):
    moved = agenda_item_move(item=item_at(agenda, 5), position=2)

    assert moved.position == 2
    assert titles(agenda) == [
        (1, "Apologies for absence"),
        (2, "Locality strategy"),
        (3, "Declarations of interest"),
        (4, "Minutes"),
        (5, "Engagement framework"),
    ]


def test_moving_an_item_down_renumbers_the_agenda_contiguously(agenda):
    agenda_item_move(item=item_at(agenda, 1), position=5)

    assert titles(agenda) == [
        (1, "Declarations of interest"),
        (2, "Minutes"),
        (3, "Engagement framework"),
        (4, "Locality strategy"),
        (5, "Apologies for absence"),
    ]


def test_moving_an_item_records_each_change_in_the_history(agenda):
    item = item_at(agenda, 5)

    agenda_item_move(item=item, position=4)

    assert list(item.history.values_list("position", flat=True)) == [4, 5]


@pytest.mark.parametrize("position", [0, 6, 9])
def test_moving_to_a_position_that_does_not_exist_is_refused_and_changes_nothing(agenda, position):
    before = titles(agenda)

    with pytest.raises(ValidationError) as error:
        agenda_item_move(item=item_at(agenda, 4), position=position)

    assert error.value.message_dict == {
        "position": [f"There is no position {position} on this agenda; choose from 1 to 5."]
    }
    assert error.value.message_dict["position"] == [
        POSITION_MISSING.format(position=position, count=5)
    ]
    assert titles(agenda) == before


def test_removing_an_item_closes_the_gap(agenda):
    agenda_item_remove(item=item_at(agenda, 2))

    assert titles(agenda) == [
        (1, "Apologies for absence"),
        (2, "Minutes"),
        (3, "Engagement framework"),
        (4, "Locality strategy"),
    ]


def test_an_item_with_declarations_cannot_be_removed(agenda):
    item = item_at(agenda, 4)
    Declaration.objects.create(
        meeting=agenda,
        agenda_item=item,
        person=PersonFactory(),
        kind=Declaration.Kind.PERSONAL,
        description="Member of the Partnership",
    )

    with pytest.raises(ValidationError) as error:
        agenda_item_remove(item=item)

    assert error.value.messages == [ITEM_HAS_RECORDS.format(position=4)]
    assert agenda.agenda_items.count() == 5


def upcoming(board: Board, days: int) -> Meeting:
    """A meeting some days from now, whatever today is."""
    starts_at = timezone.localtime() + datetime.timedelta(days=days)
    return meeting_schedule(board=board, starts_at=starts_at, venue="Brockington")


def test_the_clerk_publishes_on_time_and_the_time_is_recorded(board, clerk):
    meeting = upcoming(board, days=30)
    before = timezone.now()

    agenda_publish(meeting=meeting, by=clerk, urgency_reason="Not needed")

    meeting.refresh_from_db()
    assert before <= meeting.agenda_published_at <= timezone.now()
    # An agenda on time has no urgency to explain; a recorded reason means a late agenda.
    assert meeting.urgency_reason == ""
    assert meeting.history.first().history_user == clerk


def test_a_late_agenda_without_an_urgency_reason_is_refused(board, clerk):
    meeting = upcoming(board, days=1)
    last_day = last_day_to_publish(timezone.localdate(meeting.starts_at), Nation.ENGLAND)

    with pytest.raises(ValidationError) as error:
        agenda_publish(meeting=meeting, by=clerk, urgency_reason="  ")

    assert error.value.message_dict == {
        "urgency_reason": [
            LATE_WITHOUT_REASON.format(last_day=f"{last_day:%A} {last_day.day} {last_day:%B %Y}")
        ]
    }
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is None


def test_a_late_agenda_is_published_with_its_urgency_reason(board, clerk):
    meeting = upcoming(board, days=1)

    agenda_publish(meeting=meeting, by=clerk, urgency_reason="The grant offer expires on Friday.")

    meeting.refresh_from_db()
    assert meeting.is_agenda_published
    assert meeting.urgency_reason == "The grant offer expires on Friday."


def test_an_agenda_is_published_once(board, clerk):
    meeting = upcoming(board, days=30)
    agenda_publish(meeting=meeting, by=clerk)
    published_at = Meeting.objects.get(pk=meeting.pk).agenda_published_at

    with pytest.raises(ValidationError) as error:
        agenda_publish(meeting=meeting, by=clerk)

    assert error.value.messages == [
        AGENDA_ALREADY_PUBLISHED.format(date=f"{timezone.localdate(published_at):%-d %B %Y}")
    ]


def test_only_the_chair_or_clerk_may_publish(board):
    officer = UserFactory()
    meeting = upcoming(board, days=30)

    with pytest.raises(PermissionDenied, match=NOT_ALLOWED_TO_PUBLISH.format(board="Cabinet")):
        agenda_publish(meeting=meeting, by=officer)

    meeting.refresh_from_db()
    assert meeting.agenda_published_at is None


def test_northern_ireland_agendas_are_not_published_without_a_notice_rule():
    board = BoardFactory(partnership=PartnershipFactory(nation=Nation.NORTHERN_IRELAND))
    chair = UserFactory()
    BoardMembershipFactory(
        board=board, person=PersonFactory(user=chair), role=BoardMembership.Role.CHAIR
    )
    meeting = upcoming(board, days=30)

    with pytest.raises(ValidationError) as error:
        agenda_publish(meeting=meeting, by=chair)

    assert error.value.messages == [
        "No notice period is set for Northern Ireland, so the last date to publish cannot be "
        "worked out."
    ]
