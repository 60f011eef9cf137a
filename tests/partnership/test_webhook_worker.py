"""A real Celery worker delivers a webhook to a receiver on loopback, signed, end to end."""

import os
import subprocess
import sys
import time

import pytest
from standardwebhooks import Webhook

from meetings.services.minutes import minutes_publish
from partnership.models import WebhookDelivery
from partnership.services import webhook_endpoint_register
from tests.factories import BoardFactory, MeetingFactory, PersonFactory
from tests.processes import database_url

# The worker reads the same database, so it must be a server and the data committed.
pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker():
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "-n", "hooks@%h"],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings_test",
            "DATABASE_URL": database_url(),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield process
    process.terminate()
    process.wait(timeout=30)


def test_published_minutes_reach_the_partner_system_signed(worker, receiver):
    board = BoardFactory()
    meeting = MeetingFactory(board=board, minutes_status="approved")
    endpoint = webhook_endpoint_register(
        partnership=board.partnership,
        url=receiver.url,
        events=["minutes.published"],
        description="Council website",
        by=None,
    )

    minutes_publish(meeting=meeting, by=PersonFactory())

    assert receiver.arrived.wait(timeout=90), "the worker delivered nothing within 90 s"
    [request] = receiver.requests
    body = Webhook(endpoint.secret).verify(request.body, request.headers)
    assert (body["type"], body["data"]["event"]) == ("minutes.published", meeting.pk)
    delivery = WebhookDelivery.objects.get()
    for _ in range(50):  # the worker records the try just after the receiver answers
        delivery.refresh_from_db()
        if delivery.status == WebhookDelivery.Status.DELIVERED:
            break
        time.sleep(0.1)
    assert (delivery.status, delivery.attempts) == ("delivered", 1)
    assert [attempt.status_code for attempt in delivery.tries.all()] == [204]
