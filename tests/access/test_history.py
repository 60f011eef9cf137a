"""History pages never show exempt or unpublished text to anyone who may not read it, even in
old versions of a record that is open now."""

import datetime

import pytest
from django.utils import timezone

from meetings.models import Meeting, Minute, Report
from tests.pages import text_of

pytestmark = pytest.mark.django_db

EXEMPT_TEXT = "Award of the home care contract to the preferred bidder"


def history_url(item) -> str:
    return f"/meetings/{item.meeting_id}/agenda/items/{item.pk}/history/"


def publish(meeting: Meeting) -> None:
    meeting.agenda_published_at = timezone.now()
    meeting.save()


def as_user(client, world, key: str):
    client.logout()
    if key != "anonymous":
        client.force_login(world.users[key])
    return client


@pytest.fixture
def exempt_item_changed(world):
    world.exempt_item.purpose = "Contract award"
    world.exempt_item.save()
    world.exempt_item.purpose = EXEMPT_TEXT
    world.exempt_item.save()
    publish(world.meeting)
    return world


@pytest.mark.parametrize("reader", ["anonymous", "other_officer", "councillor", "no_person"])
def test_an_exempt_items_history_is_not_shown_to_those_who_may_not_read_it(
    client, exempt_item_changed, reader
):
    response = as_user(client, exempt_item_changed, reader).get(
        history_url(exempt_item_changed.exempt_item)
    )

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url.startswith("/sign-in/")
    assert EXEMPT_TEXT not in response.content.decode()


@pytest.mark.parametrize("reader", ["member", "officer"])
def test_an_exempt_items_history_is_shown_to_the_boards_own_people(
    client, exempt_item_changed, reader
):
    response = as_user(client, exempt_item_changed, reader).get(
        history_url(exempt_item_changed.exempt_item)
    )

    assert response.status_code == 200
    assert (
        f"Purpose The purpose before and after Before Contract award After {EXEMPT_TEXT}"
    ) in text_of(response)


def test_a_scrutiny_member_reads_an_exempt_items_versions_from_publication_on(
    client, exempt_item_changed
):
    response = as_user(client, exempt_item_changed, "scrutiny").get(
        history_url(exempt_item_changed.exempt_item)
    )

    assert response.status_code == 200
    assert "The version published" in text_of(response)
    assert "Before Contract award" not in text_of(response)


def test_an_item_once_exempt_keeps_its_history_from_the_public_when_opened(
    client, exempt_item_changed
):
    item = exempt_item_changed.exempt_item
    item.is_exempt, item.exempt_paragraph = False, ""
    item.purpose = "To note the contract award"
    item.save()

    history = client.get(history_url(item))
    meeting_page = client.get(exempt_item_changed.meeting.get_absolute_url()).content.decode()

    assert history.status_code == 302
    assert "To note the contract award" in meeting_page
    assert history_url(item) not in meeting_page
    assert history_url(exempt_item_changed.open_item) in meeting_page


def test_an_open_item_of_an_exempt_report_keeps_its_history_from_the_public(client, world):
    report = Report.objects.create(
        board=world.board, title="Tender scores", classification="exempt"
    )
    world.open_item.report = report
    world.open_item.save()
    report.classification = Report.Classification.OPEN
    report.save()
    publish(world.meeting)

    assert client.get(history_url(world.open_item)).status_code == 302
    assert client.get(f"/meetings/reports/{report.pk}/history/").status_code == 302


def test_the_public_reads_an_items_versions_from_the_agendas_publication_on(client, world):
    item = world.open_item
    for purpose in ["Draft: check the figures with finance first", "To note the remit"]:
        item.purpose = purpose
        item.save()
    publish(world.meeting)
    item.purpose = "To note the remit of the group"
    item.save()

    public = text_of(client.get(history_url(item)))
    member = text_of(as_user(client, world, "member").get(history_url(item)))

    assert "The version published" in public
    assert (
        "Purpose The purpose before and after Before To note the remit "
        "After To note the remit of the group"
    ) in public
    assert "check the figures" not in public
    assert "check the figures with finance first" in member


def test_a_minute_of_an_exempt_item_keeps_its_history_from_the_public(client, world):
    meeting = world.meeting
    meeting.starts_at = timezone.now() - datetime.timedelta(days=20)
    meeting.agenda_published_at = meeting.starts_at - datetime.timedelta(days=7)
    meeting.minutes_status = Meeting.MinutesStatus.PUBLISHED
    meeting.minutes_published_at = timezone.now()
    meeting.save()
    exempt = Minute(
        meeting=meeting, number=7, title="Contract award", agenda_item=world.exempt_item
    )
    exempt.full_clean()
    exempt.save()
    opened = Minute(meeting=meeting, number=8, title="Remit", agenda_item=world.open_item)
    opened.full_clean()
    opened.save()

    exempt_url = f"/meetings/{meeting.pk}/minutes/{exempt.pk}/history/"
    open_url = f"/meetings/{meeting.pk}/minutes/{opened.pk}/history/"
    public_page = client.get(meeting.get_absolute_url()).content.decode()

    assert client.get(exempt_url).status_code == 302
    assert client.get(open_url).status_code == 200
    assert exempt_url not in public_page
    assert open_url in public_page
    assert as_user(client, world, "member").get(exempt_url).status_code == 200
