"""A real Celery worker, started as its own process, answers over the configured broker."""

import os
import subprocess
import sys
import time

import pytest

from config.celery import app

pytestmark = pytest.mark.redis


@pytest.fixture
def worker():
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs REDIS_URL: a real worker needs a broker shared across processes")
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "-n", "probe@%h"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield process
    process.terminate()
    process.wait(timeout=30)


def test_worker_started_from_the_project_answers_a_ping(worker):
    deadline = time.monotonic() + 60
    replies = []
    while not replies and time.monotonic() < deadline:
        replies = app.control.ping(timeout=1.0)
    assert any(name.startswith("probe@") for reply in replies for name in reply)
