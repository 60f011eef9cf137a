import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.models import AgendaItem, Meeting, Minute, Resolution
from tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    MeetingFactory,
    MinuteFactory,
    PartnershipFactory,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def on(year, month, day):
    return datetime.datetime(year, month, day, 14, 0, tzinfo=LONDON)


@pytest.fixture
def cabinet():
    return BoardFactory(name="Cabinet")


def test_minute_takes_its_board_and_municipal_year_from_the_meeting(cabinet):
    minute = MinuteFactory(meeting=MeetingFactory(board=cabinet, starts_at=on(2011, 2, 17)))

    assert (minute.board, minute.municipal_year) == (cabinet, 2010)


def test_municipal_year_follows_the_partnerships_start_month():
    board = BoardFactory(partnership=PartnershipFactory(municipal_year_start_month=1))

    minute = MinuteFactory(meeting=MeetingFactory(board=board, starts_at=on(2011, 2, 17)))

    assert minute.municipal_year == 2011


def test_minute_number_is_used_once_per_board_and_municipal_year(cabinet):
    MinuteFactory(meeting=MeetingFactory(board=cabinet, starts_at=on(2011, 2, 17)), number=86)
    repeat = Minute(
        meeting=MeetingFactory(board=cabinet, starts_at=on(2011, 3, 24)),
        number=86,
        title="Apologies for absence",
    )

    with pytest.raises(ValidationError) as refusal:
        repeat.full_clean()

    assert refusal.value.messages == ["The board has used this minute number this year."]
    with pytest.raises(IntegrityError), transaction.atomic():
        repeat.save()


def test_minute_number_may_recur_in_the_next_municipal_year_or_on_another_board(cabinet):
    MinuteFactory(meeting=MeetingFactory(board=cabinet, starts_at=on(2011, 2, 17)), number=86)

    next_year = MinuteFactory(
        meeting=MeetingFactory(board=cabinet, starts_at=on(2011, 5, 26)), number=86
    )
    other_board = MinuteFactory(
        meeting=MeetingFactory(
            board=BoardFactory(partnership=cabinet.partnership), starts_at=on(2011, 2, 17)
        ),
        number=86,
    )

    assert (next_year.municipal_year, other_board.municipal_year) == (2011, 2010)


def test_exempt_item_must_name_its_paragraph():
    AgendaItemFactory(is_exempt=True, exempt_paragraph="3")

    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItemFactory(is_exempt=True, exempt_paragraph="")


def test_meeting_needs_a_venue_or_a_link(cabinet):
    MeetingFactory(board=cabinet, venue="", online_link="https://meet.example.org/cabinet")

    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(board=cabinet, venue="", online_link="")


def test_meeting_cannot_end_before_it_starts(cabinet):
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(board=cabinet, starts_at=on(2011, 2, 17), ends_at=on(2011, 2, 16))


def test_meeting_minute_and_resolution_read_naturally(cabinet):
    meeting = Meeting(board=cabinet, starts_at=on(2011, 2, 17))
    minute = Minute(meeting=meeting, number=86, title="Apologies for absence")

    assert str(meeting) == "Cabinet, 17 February 2011"
    assert str(minute) == "86. Apologies for absence"
    assert str(AgendaItem(meeting=meeting, position=1, title="Apologies for absence")) == (
        "1. Apologies for absence"
    )
    assert str(Resolution(minute=minute, position=1, label="(a)", text="That ...")) == (
        "Minute 86 resolution (a)"
    )
    assert str(Resolution(minute=minute, position=2, text="That ...")) == ("Minute 86 resolution 2")
