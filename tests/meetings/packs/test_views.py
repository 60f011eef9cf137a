"""Generating packs from the meeting page, following their progress, and downloading them."""

import io

import pytest
from django.contrib.auth.models import User
from kombu.exceptions import OperationalError as BrokerUnreachable
from pypdf import PdfReader

from meetings.models import AgendaPack
from meetings.services.packs import PACK_NEEDS_ITEMS
from tests.factories import AgendaItemFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def _generate(client, meeting, variant: str):
    return client.post(f"/meetings/{meeting.pk}/pack/generate/", {"variant": variant}, follow=True)


def test_the_clerk_generates_a_pack_from_the_meeting_page(
    client, small_meeting, sent, django_capture_on_commit_callbacks
):
    client.force_login(small_meeting.clerk)

    with django_capture_on_commit_callbacks(execute=True):
        response = _generate(client, small_meeting.meeting, "members")

    pack = AgendaPack.objects.get()
    page = response.content.decode()
    assert response.redirect_chain == [(f"/meetings/{small_meeting.meeting.pk}/#agenda-pack", 302)]
    assert (pack.variant, pack.requested_by) == ("members", small_meeting.clerk.person)
    sent.assert_called_once_with(pack.pk)
    assert "The members&#x27; agenda pack is being generated." in page
    assert "Queued</strong> Waiting for a worker to start." in page


def test_a_pack_asked_for_while_the_broker_is_down_is_on_its_way_all_the_same(
    client, small_meeting, sent, django_capture_on_commit_callbacks
):
    sent.side_effect = BrokerUnreachable("Error 111 connecting to redis. Connection refused.")
    client.force_login(small_meeting.clerk)

    with django_capture_on_commit_callbacks(execute=True):
        response = _generate(client, small_meeting.meeting, "public")

    # Saved, and sent by the sweep once the broker is back (test_resend.py).
    pack = AgendaPack.objects.get()
    assert response.redirect_chain == [(f"/meetings/{small_meeting.meeting.pk}/#agenda-pack", 302)]
    assert (pack.status, pack.task_sent_at) == (AgendaPack.Status.QUEUED, None)
    assert "The public agenda pack is being generated." in response.content.decode()


@pytest.mark.parametrize("who", ["member", "anonymous"])
def test_only_the_chair_or_clerk_may_generate_a_pack(client, small_meeting, sent, who):
    if who == "member":
        client.force_login(small_meeting.member)

    response = client.post(
        f"/meetings/{small_meeting.meeting.pk}/pack/generate/", {"variant": "public"}
    )

    assert response.status_code == (403 if who == "member" else 302)
    assert not AgendaPack.objects.exists()
    sent.assert_not_called()


def test_generating_for_an_unknown_audience_shows_why_and_creates_nothing(
    client, small_meeting, sent
):
    client.force_login(small_meeting.chair)

    page = _generate(client, small_meeting.meeting, "everyone").content.decode()

    assert "Value &#x27;everyone&#x27; is not a valid choice." in page
    assert not AgendaPack.objects.exists()


def test_generating_a_pack_of_an_empty_agenda_shows_why(client, small_meeting, sent):
    empty = MeetingFactory(board=small_meeting.meeting.board)
    client.force_login(small_meeting.clerk)

    page = _generate(client, empty, "public").content.decode()

    assert PACK_NEEDS_ITEMS in page
    assert not AgendaPack.objects.exists()


def test_the_panel_shows_the_clerk_progress_and_a_refresh_link(client, small_meeting):
    AgendaPack.objects.create(
        meeting=small_meeting.meeting,
        variant="public",
        requested_by=small_meeting.clerk.person,
        status=AgendaPack.Status.RENDERING,
        sections_total=9,
        sections_done=3,
    )
    client.force_login(small_meeting.clerk)

    panel = client.get(f"/meetings/{small_meeting.meeting.pk}/pack/").content.decode()

    assert "Generating</strong> 3 of 9 sections done." in panel
    assert "data-pack-in-progress" in panel
    assert "Refresh this page to see progress" in panel


def test_a_failed_pack_shows_its_reason_and_can_be_tried_again(
    client, small_meeting, sent, django_capture_on_commit_callbacks
):
    pack = AgendaPack.objects.create(
        meeting=small_meeting.meeting,
        variant="public",
        requested_by=small_meeting.clerk.person,
        status=AgendaPack.Status.FAILED,
        failure_reason="Appendix 1: Costs to item 1 is not a readable PDF (EOF marker not found).",
    )
    client.force_login(small_meeting.clerk)

    panel = client.get(small_meeting.meeting.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/meetings/packs/{pack.pk}/retry/")

    assert "Failed</strong> Appendix 1: Costs to item 1 is not a readable PDF" in panel
    assert f'action="/meetings/packs/{pack.pk}/retry/"' in panel
    pack.refresh_from_db()
    assert pack.status == AgendaPack.Status.QUEUED
    sent.assert_called_once_with(pack.pk)


def test_the_public_may_not_retry_a_pack(client, small_meeting, sent):
    pack = AgendaPack.objects.create(
        meeting=small_meeting.meeting,
        variant="public",
        requested_by=small_meeting.clerk.person,
        status=AgendaPack.Status.FAILED,
        failure_reason="Broken appendix.",
    )

    response = client.post(f"/meetings/packs/{pack.pk}/retry/")

    pack.refresh_from_db()
    assert response.status_code == 302
    assert pack.status == AgendaPack.Status.FAILED
    assert "Broken appendix" not in client.get(pack.meeting.get_absolute_url()).content.decode()


def test_the_public_pack_downloads_anonymously_once_the_agenda_is_published(
    client, small_meeting, rendered_pack
):
    pack = rendered_pack(small_meeting.meeting, AgendaPack.Variant.PUBLIC)

    page = client.get(small_meeting.meeting.get_absolute_url()).content.decode()
    response = client.get(f"/meetings/packs/{pack.pk}/download/")

    assert f'href="/meetings/packs/{pack.pk}/download/">Download the public agenda pack' in page
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="highways-board-2024-06-04-public-agenda-pack.pdf"'
    )
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    assert len(reader.pages) == pack.page_count


def test_the_public_pack_is_not_downloadable_before_the_agenda_is_published(
    client, small_meeting, rendered_pack
):
    pack = rendered_pack(small_meeting.meeting, AgendaPack.Variant.PUBLIC)
    small_meeting.meeting.agenda_published_at = None
    small_meeting.meeting.save()

    response = client.get(f"/meetings/packs/{pack.pk}/download/")

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def test_the_members_pack_is_refused_to_the_public_and_given_to_members(
    client, small_meeting, rendered_pack
):
    pack = rendered_pack(small_meeting.meeting, AgendaPack.Variant.MEMBERS)
    url = f"/meetings/packs/{pack.pk}/download/"

    anonymous = client.get(url)
    client.force_login(UserFactory())
    stranger = client.get(url)
    page = client.get(small_meeting.meeting.get_absolute_url()).content.decode()
    client.force_login(small_meeting.member)
    member = client.get(url)

    assert anonymous.status_code == 302
    assert stranger.status_code == 403
    assert "members' agenda pack" not in page
    assert member.status_code == 200


def test_a_pack_that_is_not_ready_is_not_found(client, small_meeting):
    pack = AgendaPack.objects.create(
        meeting=small_meeting.meeting, variant="public", requested_by=small_meeting.clerk.person
    )

    assert client.get(f"/meetings/packs/{pack.pk}/download/").status_code == 404


def test_demo_meeting_page_offers_both_packs_to_the_scrutiny_member(client, march, rendered_pack):
    public = rendered_pack(march, AgendaPack.Variant.PUBLIC)
    members = rendered_pack(march, AgendaPack.Variant.MEMBERS)
    client.force_login(User.objects.get(username="scrutiny"))

    page = client.get(march.get_absolute_url()).content.decode()

    assert f'href="/meetings/packs/{public.pk}/download/">Download the public agenda pack' in page
    assert f'href="/meetings/packs/{members.pk}/download/">Download the members\' agenda' in page
    assert "Generate the public pack" not in page


def test_an_item_added_later_is_in_the_next_pack(client, small_meeting, rendered_pack):
    first = rendered_pack(small_meeting.meeting, AgendaPack.Variant.PUBLIC)
    AgendaItemFactory(meeting=small_meeting.meeting, position=2, title="Winter gritting")

    second = rendered_pack(small_meeting.meeting, AgendaPack.Variant.PUBLIC)

    page = client.get(small_meeting.meeting.get_absolute_url()).content.decode()
    assert f"/meetings/packs/{second.pk}/download/" in page
    assert f"/meetings/packs/{first.pk}/download/" not in page
