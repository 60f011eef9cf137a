"""Packs whose render task went missing (the broker down or restarted empty, the worker killed)
are sent again by the sweep; packs on their way are left alone."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerUnreachable

from meetings import tasks
from meetings.models import AgendaPack
from meetings.services.packs import (
    UNSENT_GRACE,
    agenda_pack_fail,
    agenda_pack_progress,
    agenda_pack_request,
    agenda_pack_start,
    agenda_packs_resend,
)

pytestmark = pytest.mark.django_db

MOMENT = datetime.timedelta(seconds=1)
BROKER_DOWN = BrokerUnreachable("Error 111 connecting to 127.0.0.1:6379. Connection refused.")


@pytest.fixture
def request_pack(small_meeting, django_capture_on_commit_callbacks):
    def request() -> AgendaPack:
        with django_capture_on_commit_callbacks(execute=True):
            pack = agenda_pack_request(
                meeting=small_meeting.meeting, variant="public", by=small_meeting.clerk.person
            )
        pack.refresh_from_db()
        return pack

    return request


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    def sweep(after: datetime.timedelta) -> list[int]:
        with django_capture_on_commit_callbacks(execute=True):
            return agenda_packs_resend(now=timezone.now() + after)

    return sweep


def test_a_pack_asked_for_while_the_broker_is_down_is_kept_and_sent_by_the_sweep(
    request_pack, sweep, sent
):
    sent.side_effect = BROKER_DOWN
    pack = request_pack()

    assert (pack.status, pack.task_sent_at) == (AgendaPack.Status.QUEUED, None)
    # A moment later the request may still be sending it.
    assert sweep(after=MOMENT) == []
    # Once the broker is back, the next sweep sends it; the one after leaves it to the worker.
    sent.side_effect = None
    sent.reset_mock()
    assert sweep(after=UNSENT_GRACE + MOMENT) == [pack.pk]
    sent.assert_called_once_with(pack.pk)
    pack.refresh_from_db()
    assert pack.task_sent_at is not None
    assert sweep(after=UNSENT_GRACE + MOMENT) == []


def test_a_sweep_while_the_broker_is_still_down_leaves_the_pack_queued(request_pack, sweep, sent):
    sent.side_effect = BROKER_DOWN
    pack = request_pack()

    assert sweep(after=UNSENT_GRACE + MOMENT) == [pack.pk]

    pack.refresh_from_db()
    assert (pack.status, pack.task_sent_at) == (AgendaPack.Status.QUEUED, None)
    assert sent.call_count == 2


def test_a_queued_pack_is_sent_again_only_once_silent_longer_than_a_task_may_run(
    request_pack, sweep, sent
):
    pack = request_pack()
    sent.reset_mock()

    assert sweep(after=settings.TASK_STALLED_AFTER - MOMENT) == []
    # Still queued after that long: the broker lost its task (Redis restarted empty, say).
    assert sweep(after=settings.TASK_STALLED_AFTER + MOMENT) == [pack.pk]
    sent.assert_called_once_with(pack.pk)


def test_a_rendering_pack_whose_worker_died_is_sent_again(request_pack, sweep, sent):
    pack = request_pack()
    agenda_pack_start(pack_id=pack.pk)
    agenda_pack_progress(pack_id=pack.pk, done=1, total=3)
    sent.reset_mock()

    assert sweep(after=settings.TASK_STALLED_AFTER + MOMENT) == [pack.pk]
    sent.assert_called_once_with(pack.pk)


def test_a_rendering_pack_making_progress_is_left_to_its_worker(request_pack, sweep, sent):
    pack = request_pack()
    agenda_pack_start(pack_id=pack.pk)
    long_ago = timezone.now() - settings.TASK_STALLED_AFTER - MOMENT
    AgendaPack.objects.filter(pk=pack.pk).update(modified_at=long_ago, task_sent_at=long_ago)

    agenda_pack_progress(pack_id=pack.pk, done=2, total=3)

    assert sweep(after=MOMENT) == []


def test_finished_packs_are_never_sent_again(request_pack, sweep, sent):
    failed = request_pack()
    agenda_pack_fail(pack_id=failed.pk, reason="The appendix is not a readable PDF.")
    ready = request_pack()
    tasks.render_agenda_pack.apply(args=[ready.pk])
    sent.reset_mock()

    assert sweep(after=settings.TASK_STALLED_AFTER * 2) == []
    sent.assert_not_called()


def test_the_task_sent_again_finishes_the_pack_its_dead_worker_started(request_pack, sweep, sent):
    pack = request_pack()
    agenda_pack_start(pack_id=pack.pk)  # the worker that died
    sweep(after=settings.TASK_STALLED_AFTER + MOMENT)

    tasks.render_agenda_pack.apply(args=[pack.pk])

    pack.refresh_from_db()
    assert (pack.status, pack.failure_reason) == (AgendaPack.Status.READY, "")
    assert pack.file.read().startswith(b"%PDF-")


def test_the_sweep_runs_every_minute_on_beat():
    entry = settings.CELERY_BEAT_SCHEDULE["agenda-pack-resend"]

    assert (entry["task"], entry["schedule"]) == ("meetings.tasks.resend_agenda_packs", 60.0)
    assert tasks.resend_agenda_packs.name == entry["task"]
