"""A real Celery worker, in a process of its own, renders a requested pack until it is ready."""

import os
import subprocess
import sys
import time

import pytest

from meetings.models import AgendaPack
from meetings.services.packs import agenda_pack_request
from tests.processes import database_url

# The worker reads the same database, so it must be a server and the data committed.
pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(storage):
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "-n", "packs@%h"],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings_test",
            "DATABASE_URL": database_url(),
            "DJANGO_MEDIA_ROOT": str(storage),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield process
    process.terminate()
    process.wait(timeout=30)


def test_a_requested_pack_is_rendered_by_the_worker_and_ready(worker, small_meeting):
    pack = agenda_pack_request(
        meeting=small_meeting.meeting, variant="public", by=small_meeting.clerk.person
    )

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        pack.refresh_from_db()
        if pack.status in {AgendaPack.Status.READY, AgendaPack.Status.FAILED}:
            break
        time.sleep(0.5)

    assert (pack.status, pack.failure_reason) == (AgendaPack.Status.READY, "")
    assert pack.file.read().startswith(b"%PDF-")
    assert pack.sections_done == pack.sections_total == 3
