"""The admin's "view on site" redirect names a record's address: staff only."""

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType

from meetings.models import Meeting
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _url(meeting: Meeting) -> str:
    return f"/admin/r/{ContentType.objects.get_for_model(Meeting).pk}/{meeting.pk}/"


def test_someone_not_staff_is_sent_to_the_admin_sign_in_without_the_address(client):
    meeting = MeetingFactory(agenda_published_at=None)
    client.force_login(User.objects.create_user("reader"))

    response = client.get(_url(meeting))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert meeting.get_absolute_url() not in response["Location"].split("?next=")[0]


def test_staff_are_taken_to_the_records_page(client):
    meeting = MeetingFactory()
    client.force_login(User.objects.create_user("clerk", is_staff=True))

    response = client.get(_url(meeting))

    assert response.status_code == 302
    assert response["Location"].endswith(meeting.get_absolute_url())
