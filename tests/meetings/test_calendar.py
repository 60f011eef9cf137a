"""Calendar feeds of meetings: subscribers follow a meeting that moves or is cancelled."""

import datetime

import pytest
from icalendar import Calendar

from meetings.models import AgendaItem
from tests.factories import BoardFactory, MeetingFactory

pytestmark = pytest.mark.django_db

WHEN = datetime.datetime(2011, 3, 17, 14, 0, tzinfo=datetime.UTC)


def _events(client, url: str) -> dict[str, dict]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {
        str(event["uid"]): {
            "summary": str(event["summary"]),
            "start": event.decoded("dtstart"),
            "status": str(event["status"]),
            "sequence": int(event["sequence"]),
            "location": str(event.get("location", "")),
            "url": str(event["url"]),
        }
        for event in calendar.walk("VEVENT")
    }


def _board_url(board) -> str:
    return f"/meetings/calendars/{board.partnership.slug}/{board.slug}.ics"


def test_a_board_feed_lists_its_meetings_with_where_and_when(client):
    board = BoardFactory(name="Cabinet")
    meeting = MeetingFactory(board=board, starts_at=WHEN, venue="Brockington, Hereford")
    MeetingFactory(starts_at=WHEN)  # another board's

    events = _events(client, _board_url(board))

    assert events == {
        f"meeting-{meeting.pk}@localhost": {
            "summary": "Cabinet",
            "start": WHEN,
            "status": "CONFIRMED",
            "sequence": 0,
            "location": "Brockington, Hereford",
            "url": f"http://localhost:8000/meetings/{meeting.pk}/",
        }
    }


def test_a_moved_then_cancelled_meeting_keeps_its_uid_and_its_sequence_grows(client):
    board = BoardFactory(name="Cabinet")
    meeting = MeetingFactory(board=board, starts_at=WHEN)
    uid = f"meeting-{meeting.pk}@localhost"
    first = _events(client, _board_url(board))[uid]

    meeting.starts_at = WHEN + datetime.timedelta(days=7)
    meeting.save()
    moved = _events(client, _board_url(board))[uid]
    meeting.status = "cancelled"
    meeting.save()
    cancelled = _events(client, _board_url(board))[uid]

    assert moved["start"] == WHEN + datetime.timedelta(days=7)
    assert (first["sequence"], moved["sequence"], cancelled["sequence"]) == (0, 1, 2)
    assert (cancelled["status"], cancelled["summary"]) == ("CANCELLED", "Cancelled: Cabinet")


def test_a_kept_feed_changes_as_soon_as_a_meeting_is_added_or_removed_or_its_board_renamed(
    client,
):
    board = BoardFactory(name="Cabinet")
    first = MeetingFactory(board=board, starts_at=WHEN)
    url = _board_url(board)
    assert _events(client, url) == _events(client, url)  # the second from the cache

    second = MeetingFactory(board=board, starts_at=WHEN + datetime.timedelta(days=28))
    added = _events(client, url)
    board.name = "Executive"
    board.save()
    renamed = _events(client, url)
    second.delete()
    removed = _events(client, url)

    assert len(added) == 2
    assert {event["summary"] for event in renamed.values()} == {"Executive"}
    assert list(removed) == [f"meeting-{first.pk}@localhost"]


def test_a_feed_is_made_afresh_while_the_cache_is_down(client, settings, caplog):
    board = BoardFactory(name="Cabinet")
    MeetingFactory(board=board, starts_at=WHEN)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens here
        }
    }

    assert len(_events(client, _board_url(board))) == 1
    assert "Cache unavailable" in caplog.text


def test_the_partnership_feed_has_every_board_s_meetings_and_no_agenda_content(client):
    board = BoardFactory()
    other_board = BoardFactory(partnership=board.partnership)
    meetings = [MeetingFactory(board=board), MeetingFactory(board=other_board)]
    AgendaItem.objects.create(
        meeting=meetings[0],
        position=1,
        title="Contract award",
        purpose="Preferred bidder",
        is_exempt=True,
        exempt_paragraph="3",
    )
    MeetingFactory()  # another partnership's

    response = client.get(f"/meetings/calendars/{board.partnership.slug}.ics")

    uids = set(_events(client, f"/meetings/calendars/{board.partnership.slug}.ics"))
    assert uids == {f"meeting-{meeting.pk}@localhost" for meeting in meetings}
    assert b"Contract award" not in response.content
    assert b"Preferred bidder" not in response.content


@pytest.mark.parametrize(
    "url",
    [
        "/meetings/calendars/no-such-partnership.ics",
        "/meetings/calendars/no-such-partnership/cabinet.ics",
    ],
)
def test_a_feed_of_nothing_that_exists_is_not_found(client, url):
    assert client.get(url).status_code == 404


def test_a_board_of_another_partnership_is_not_found_under_this_one(client):
    board, elsewhere = BoardFactory(), BoardFactory()

    response = client.get(f"/meetings/calendars/{elsewhere.partnership.slug}/{board.slug}.ics")

    assert response.status_code == 404


def test_a_feed_takes_the_same_queries_for_many_meetings_as_for_one(
    client, django_assert_num_queries
):
    board = BoardFactory()
    MeetingFactory(board=board)
    # The board, the feed's version, its meetings; once kept, no meetings.
    with django_assert_num_queries(3):
        client.get(_board_url(board))
    with django_assert_num_queries(2):
        client.get(_board_url(board))
    for _ in range(20):
        MeetingFactory(board=board)

    with django_assert_num_queries(3):
        response = client.get(_board_url(board))

    assert response.content.count(b"BEGIN:VEVENT") == 21
