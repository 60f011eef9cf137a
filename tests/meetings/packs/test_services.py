"""Asking for a pack, and trying a failed one again."""

import pytest
from django.core.exceptions import ValidationError

from meetings.models import AgendaPack
from meetings.services.packs import (
    PACK_NEEDS_ITEMS,
    PACK_NOT_FAILED,
    agenda_pack_fail,
    agenda_pack_request,
    agenda_pack_retry,
)
from tests.factories import MeetingFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_a_requested_pack_is_queued_and_its_task_sent_once_committed(
    small_meeting, sent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pack = agenda_pack_request(
            meeting=small_meeting.meeting, variant="public", by=small_meeting.clerk.person
        )

    assert (pack.status, pack.variant, pack.requested_by) == (
        AgendaPack.Status.QUEUED,
        "public",
        small_meeting.clerk.person,
    )
    sent.assert_called_once_with(pack.pk)


def test_asking_again_while_a_pack_is_on_its_way_gives_that_pack(small_meeting, sent):
    first = agenda_pack_request(
        meeting=small_meeting.meeting, variant="members", by=small_meeting.clerk.person
    )

    again = agenda_pack_request(
        meeting=small_meeting.meeting, variant="members", by=small_meeting.chair.person
    )

    assert again == first
    assert AgendaPack.objects.count() == 1


def test_a_pack_of_an_empty_agenda_is_refused(sent):
    meeting = MeetingFactory()

    with pytest.raises(ValidationError) as refusal:
        agenda_pack_request(meeting=meeting, variant="public", by=PersonFactory())

    assert refusal.value.messages == [PACK_NEEDS_ITEMS]
    assert not AgendaPack.objects.exists()
    sent.assert_not_called()


def test_a_pack_for_an_unknown_audience_is_refused(small_meeting, sent):
    with pytest.raises(ValidationError) as refusal:
        agenda_pack_request(
            meeting=small_meeting.meeting, variant="everyone", by=small_meeting.clerk.person
        )

    assert refusal.value.message_dict == {"variant": ["Value 'everyone' is not a valid choice."]}
    assert not AgendaPack.objects.exists()


def test_a_failed_pack_is_queued_again_from_the_start(
    small_meeting, sent, django_capture_on_commit_callbacks
):
    pack = agenda_pack_request(
        meeting=small_meeting.meeting, variant="public", by=small_meeting.clerk.person
    )
    agenda_pack_fail(pack_id=pack.pk, reason="The appendix was not a PDF.")

    with django_capture_on_commit_callbacks(execute=True):
        retried = agenda_pack_retry(pack=pack)

    assert (retried.status, retried.failure_reason, retried.finished_at) == (
        AgendaPack.Status.QUEUED,
        "",
        None,
    )
    sent.assert_called_with(pack.pk)


def test_only_a_failed_pack_may_be_tried_again(small_meeting, sent):
    pack = agenda_pack_request(
        meeting=small_meeting.meeting, variant="public", by=small_meeting.clerk.person
    )

    with pytest.raises(ValidationError) as refusal:
        agenda_pack_retry(pack=pack)

    assert refusal.value.messages == [PACK_NOT_FAILED]
    pack.refresh_from_db()
    assert pack.status == AgendaPack.Status.QUEUED
