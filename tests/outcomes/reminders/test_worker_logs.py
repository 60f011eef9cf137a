"""The reminder run's lines in a real worker: a run that beat starts (no request behind it) has
an id of its own each time; a run that a request queued has that request's id."""

import re

import pytest
from django.utils import timezone
from django_guid import clear_guid, set_guid

from outcomes.tasks import send_development_action_reminders
from tests.processes import json_lines, start_worker, stop, wait_for

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REQUEST_ID = "3d9a7e1c-8b2f-4c6d-a5e0-1f4b7c9d2e8a"
TASK = "outcomes.tasks.send_development_action_reminders"


def _runs_logged(log) -> int:
    return log.read_text().count('"logger": "outcomes.reminders"')


@pytest.fixture
def worker(process_env, tmp_path):
    log = tmp_path / "worker.log"
    process = start_worker(
        "runs", {**process_env, "DJANGO_LOG_FORMAT": "json"}, log, "--concurrency=1"
    )
    yield process, log
    stop(process)


def test_each_run_has_its_own_id_unless_a_request_queued_it(worker, leads):
    process, log = worker
    leads(2, today=timezone.localdate())

    # Beat sends the task from a process that serves no request, as this one now is.
    clear_guid()
    send_development_action_reminders.delay()
    send_development_action_reminders.delay()
    # A request queues it with the request's id set, as core.middleware sets it.
    set_guid(REQUEST_ID)
    try:
        send_development_action_reminders.delay()
    finally:
        clear_guid()
    wait_for(lambda: _runs_logged(log) == 3, "three reminder runs", timeout=120)
    stop(process)

    runs = [line for line in json_lines(log) if line["logger"] == "outcomes.reminders"]
    assert [run["message"] for run in runs] == [
        f"Reminder run for {timezone.localdate()}: 4 fell due; 4 sent in 2 digests; "
        "0 digests not sent",
        f"Reminder run for {timezone.localdate()}: 0 fell due; 0 sent in 0 digests; "
        "0 digests not sent",
        f"Reminder run for {timezone.localdate()}: 0 fell due; 0 sent in 0 digests; "
        "0 digests not sent",
    ]
    assert {run["task_name"] for run in runs} == {TASK}
    beat_like, queued = runs[:2], runs[2]
    assert all(re.fullmatch(r"[0-9a-f]{32}", run["request_id"]) for run in beat_like)
    assert beat_like[0]["request_id"] != beat_like[1]["request_id"]
    assert queued["request_id"] == REQUEST_ID
