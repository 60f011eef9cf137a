import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Minute, Resolution
from tests.factories import MeetingFactory, MinuteFactory

pytestmark = pytest.mark.django_db


def add_minute(client, meeting, number: int):
    return client.post(
        reverse("admin:meetings_minute_add"),
        {
            "meeting": meeting.pk,
            "number": number,
            "title": "Apologies for absence",
            "resolutions-TOTAL_FORMS": 0,
            "resolutions-INITIAL_FORMS": 0,
        },
    )


@pytest.fixture
def meeting():
    starts_at = datetime.datetime(2011, 2, 17, 14, tzinfo=ZoneInfo("Europe/London"))
    return MeetingFactory(starts_at=starts_at)


def test_adding_a_minute_takes_the_board_and_municipal_year_of_its_meeting(admin_client, meeting):
    response = add_minute(admin_client, meeting, 86)

    assert response.status_code == 302
    minute = Minute.objects.get()
    assert (minute.board, minute.municipal_year, str(minute)) == (
        meeting.board,
        2010,
        "86. Apologies for absence",
    )


def test_adding_a_minute_with_a_number_used_this_municipal_year_is_refused(admin_client, meeting):
    MinuteFactory(
        meeting=MeetingFactory(board=meeting.board, starts_at=meeting.starts_at), number=86
    )

    response = add_minute(admin_client, meeting, 86)

    assert response.status_code == 200
    assert "The board has used this minute number this year." in (response.content.decode())
    assert Minute.objects.count() == 1


def test_published_minutes_cannot_be_edited_or_deleted_in_the_admin(admin_client):
    minute = MinuteFactory(
        meeting__minutes_status="published", meeting__minutes_published_at=timezone.now()
    )
    resolution = Resolution.objects.create(minute=minute, position=1, text="Noted.")

    edit = admin_client.post(
        f"/admin/meetings/minute/{minute.pk}/change/", {"title": "Rewritten", "number": 1}
    )
    delete = admin_client.post(
        f"/admin/meetings/resolution/{resolution.pk}/delete/", {"post": "yes"}
    )

    assert edit.status_code == 403
    assert delete.status_code == 403
    minute.refresh_from_db()
    assert minute.title != "Rewritten"
    assert Resolution.objects.filter(pk=resolution.pk).exists()
