"""The render task: safe to run twice, retried on passing faults, never retried for ever."""

from unittest import mock

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError
from kombu.exceptions import OperationalError as BrokerUnreachable

from meetings import tasks
from meetings.models import AgendaPack, Report
from meetings.packs import build
from meetings.services.packs import MAX_RENDER_ATTEMPTS, PACK_ABANDONED, agenda_pack_start
from tests.factories import AgendaItemFactory, PersonFactory
from tests.meetings.packs.documents import NOT_A_PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack(small_meeting) -> AgendaPack:
    return AgendaPack.objects.create(
        meeting=small_meeting.meeting, variant="public", requested_by=PersonFactory()
    )


def test_the_task_survives_a_killed_worker_by_going_back_on_the_queue():
    assert tasks.render_agenda_pack.acks_late is True
    assert tasks.render_agenda_pack.reject_on_worker_lost is True


def test_running_the_task_twice_leaves_one_ready_pack_with_the_same_file(pack, storage):
    tasks.render_agenda_pack.apply(args=[pack.pk])
    pack.refresh_from_db()
    first_file = pack.file.name

    tasks.render_agenda_pack.apply(args=[pack.pk])

    pack.refresh_from_db()
    assert pack.status == AgendaPack.Status.READY
    assert pack.file.name == first_file
    assert AgendaPack.objects.count() == 1
    assert [path.name for path in (storage / "packs" / str(pack.meeting_id)).glob("*.pdf")] == [
        first_file.rsplit("/", 1)[-1]
    ]


def test_a_pack_that_cannot_be_rendered_fails_at_once_without_retrying(small_meeting, pack):
    small_meeting.add_appendix("1", "Costs by year", "costs.pdf", NOT_A_PDF)

    result = tasks.render_agenda_pack.apply(args=[pack.pk])

    pack.refresh_from_db()
    assert result.state == "SUCCESS"
    assert pack.status == AgendaPack.Status.FAILED
    assert "is not a readable PDF" in pack.failure_reason


def test_passing_faults_are_retried_a_few_times_then_recorded(pack, monkeypatch):
    render = mock.Mock(side_effect=OperationalError("server closed the connection"))
    monkeypatch.setattr(build, "render_pack", render)

    tasks.render_agenda_pack.apply(args=[pack.pk])

    pack.refresh_from_db()
    assert render.call_count == tasks.RENDER_RETRIES + 1
    assert pack.status == AgendaPack.Status.FAILED
    assert pack.failure_reason == (
        "The pack could not be rendered after 4 attempts: server closed the connection"
    )


def test_a_render_over_the_time_limit_fails_with_the_reason(pack, monkeypatch):
    monkeypatch.setattr(build, "render_pack", mock.Mock(side_effect=SoftTimeLimitExceeded()))

    tasks.render_agenda_pack.apply(args=[pack.pk])

    pack.refresh_from_db()
    assert (pack.status, pack.failure_reason) == (AgendaPack.Status.FAILED, tasks.PACK_TOO_SLOW)


def test_an_unexpected_error_is_recorded_and_not_retried(pack, monkeypatch):
    render = mock.Mock(side_effect=KeyError("page"))
    monkeypatch.setattr(build, "render_pack", render)

    result = tasks.render_agenda_pack.apply(args=[pack.pk])

    pack.refresh_from_db()
    assert result.state == "FAILURE"
    assert render.call_count == 1
    assert pack.failure_reason == (
        "The pack could not be rendered because of an unexpected error: 'page'"
    )


def test_a_pack_whose_worker_keeps_dying_fails_instead_of_going_round_for_ever(pack):
    # Each start that never finished: the worker was killed and the task redelivered.
    for _attempt in range(MAX_RENDER_ATTEMPTS):
        agenda_pack_start(pack_id=pack.pk)

    build.render_pack(pack.pk)

    pack.refresh_from_db()
    assert pack.status == AgendaPack.Status.FAILED
    assert pack.failure_reason == PACK_ABANDONED.format(attempts=MAX_RENDER_ATTEMPTS)


def test_a_pack_whose_sections_cannot_be_shared_out_renders_them_itself(
    small_meeting, pack, monkeypatch
):
    second = Report.objects.create(
        board=small_meeting.meeting.board, title="Road safety", purpose="<p>To note.</p>"
    )
    AgendaItemFactory(
        meeting=small_meeting.meeting, position=2, title=second.title, kind="report", report=second
    )
    broker_down = mock.Mock(side_effect=BrokerUnreachable("Error 111 connecting to redis."))
    monkeypatch.setattr(tasks, "group", lambda signatures: mock.Mock(apply_async=broker_down))

    result = tasks.render_agenda_pack.apply(args=[pack.pk])

    pack.refresh_from_db()
    broker_down.assert_called_once_with()
    assert (result.state, pack.status, pack.failure_reason) == ("SUCCESS", "ready", "")
    assert pack.sections_done == pack.sections_total == 4
