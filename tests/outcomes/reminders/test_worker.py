"""A real Celery worker runs the reminder task sent twice at once (as two beat processes
would), loses Redis part-way and gets it back: every due reminder goes out, none twice."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery import Celery
from django.utils import timezone

from outcomes.models import Reminder
from tests.outcomes.reminders.conftest import messages_per_address
from tests.outcomes.reminders.mail import DELAY, logged_messages

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

TASK = "outcomes.tasks.send_development_action_reminders"


def wait_for(condition, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"Gave up waiting for {what}.")
        time.sleep(0.2)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=60)


class PrivateRedis:
    """A Redis of the test's own that keeps nothing on disk: a restart loses the queue."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self.accepts, "Redis to start")

    def accepts(self) -> bool:
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def stop(self) -> None:
        stop(self.process)

    def send_task(self) -> None:
        # Not made the current app: later tests send their tasks to the project's broker.
        app = Celery(broker=self.url, set_as_current=False)
        app.send_task(TASK)
        app.close()


@pytest.fixture
def redis():
    server = PrivateRedis()
    yield server
    server.stop()


@pytest.fixture
def worker(redis, process_env):
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork"),
            *("--concurrency=2", "--without-gossip", "--without-mingle", "-n", "reminders@%h"),
        ],
        # Slow mail, so that Redis goes while the runs are sending.
        env={**process_env, "REDIS_URL": redis.url, DELAY: "0.1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield process
    if process.poll() is None:
        stop(process)


def all_sent(count: int) -> bool:
    """Whether this many reminders have fallen due and every one of them has been sent."""
    reminders = Reminder.objects.all()
    return reminders.count() == count and not reminders.filter(sent_at__isnull=True).exists()


def test_the_task_sent_twice_at_once_then_redis_restarted_sends_each_reminder_once(
    leads, worker, redis, mail_log: Path
):
    addresses = leads(40, today=timezone.localdate())

    redis.send_task()
    redis.send_task()
    wait_for(lambda: len(logged_messages(mail_log)) >= 5, "the runs to be sending")
    redis.stop()
    time.sleep(1)
    redis.start()
    # A reminder falling due after the outage goes with the next run, and no other again.
    addresses += leads(1, today=timezone.localdate(), name="late")
    redis.send_task()
    # Two reminders for each of the 41 leads.
    wait_for(lambda: all_sent(82), "the runs to send every reminder")
    stop(worker)  # a warm shutdown: the worker finishes what it is running first

    assert messages_per_address(mail_log) == dict.fromkeys(addresses, 1)
    assert Reminder.objects.filter(sent_at__isnull=False).count() == 82
