"""The Atom feed of published minutes: open minutes and their decisions, nothing else."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from meetings.models import AgendaItem, Minute, Resolution
from tests.factories import BoardFactory, MeetingFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _published(board, *, days_ago: int, status: str = "published"):
    published_at = timezone.now() - datetime.timedelta(days=days_ago)
    return MeetingFactory(
        board=board,
        starts_at=published_at - datetime.timedelta(days=20),
        minutes_status=status,
        minutes_published_at=published_at if status == "published" else None,
    )


def _minute(meeting, number, title, resolution, *, exempt=False):
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=number,
        title=title,
        is_exempt=exempt,
        exempt_paragraph="3" if exempt else "",
    )
    minute = Minute(meeting=meeting, number=number, agenda_item=item, title=title)
    minute.full_clean()
    minute.save()
    Resolution.objects.create(minute=minute, position=1, label="a)", text=resolution)


def _entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    return [
        (entry.findtext(f"{ATOM}title"), entry.findtext(f"{ATOM}summary"))
        for entry in feed.findall(f"{ATOM}entry")
    ]


def test_published_minutes_are_entries_newest_first_with_their_open_decisions(client):
    board = BoardFactory(name="Cabinet")
    older, newer = _published(board, days_ago=30), _published(board, days_ago=2)
    _minute(older, 1, "Budget", "That the budget be approved.")
    _minute(newer, 2, "Section 75 agreements", "That the agreements be established.")
    _minute(newer, 3, "Contract award", "That the preferred bidder be appointed.", exempt=True)
    draft = _published(board, days_ago=1, status="draft")
    _minute(draft, 4, "Draft business", "That nothing be decided yet.")

    entries = _entries(client, f"/meetings/feeds/{board.partnership.slug}/minutes.atom")

    assert [title for title, _ in entries] == [f"Minutes of {newer}", f"Minutes of {older}"]
    newest = entries[0][1]
    assert "2. Section 75 agreements" in newest
    assert "a) That the agreements be established." in newest
    assert "Contract award" not in newest
    assert "preferred bidder" not in newest


def test_the_feed_of_a_partnership_has_none_of_another_s(client):
    ours, theirs = BoardFactory(), BoardFactory()
    _published(ours, days_ago=1)
    _published(theirs, days_ago=1)

    assert len(_entries(client, f"/meetings/feeds/{ours.partnership.slug}/minutes.atom")) == 1
    assert len(_entries(client, "/meetings/feeds/minutes.atom")) == 2


def test_a_feed_of_a_partnership_that_does_not_exist_is_not_found(client):
    assert client.get("/meetings/feeds/no-such-partnership/minutes.atom").status_code == 404


def test_the_feed_takes_the_same_queries_for_many_meetings(client, django_assert_num_queries):
    board = BoardFactory()
    _minute(_published(board, days_ago=1), 1, "Budget", "Approved.")
    with django_assert_num_queries(3):
        client.get("/meetings/feeds/minutes.atom")
    for day in range(2, 12):
        _minute(_published(board, days_ago=day), day, "Budget", "Approved.")

    with django_assert_num_queries(3):
        response = client.get("/meetings/feeds/minutes.atom")

    assert response.content.count(b"<entry>") == 11
