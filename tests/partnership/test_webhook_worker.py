"""A real Celery worker delivers a webhook to a receiver on loopback, signed, end to end."""

import time

import pytest
from django_guid import clear_guid, set_guid
from standardwebhooks import Webhook

from meetings.services.minutes import minutes_publish
from partnership.models import WebhookDelivery
from partnership.services import webhook_endpoint_register
from tests.factories import BoardFactory, MeetingFactory, PersonFactory
from tests.processes import app_env, json_lines, start_worker, stop

# The worker reads the same database, so it must be a server and the data committed.
pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


REQUEST_ID = "9e2b4d6f-1a3c-4e5f-8a7b-0c1d2e3f4a5b"


@pytest.fixture
def worker(tmp_path):
    log = tmp_path / "worker.log"
    process = start_worker("hooks", app_env(), log, "--pool=solo")
    yield process, log
    stop(process, timeout=30)


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

    # As core.middleware sets it for the request that publishes them.
    set_guid(REQUEST_ID)
    try:
        minutes_publish(meeting=meeting, by=PersonFactory())
    finally:
        clear_guid()

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
    [attempt] = delivery.tries.all()
    assert attempt.status_code == 204
    process, log = worker
    stop(process, timeout=30)
    [line] = [line for line in json_lines(log) if line["logger"] == "partnership.webhooks"]
    assert line["message"] == (
        f"Webhook delivery {delivery.pk} (minutes.published) to 127.0.0.1: delivered on try 1, "
        f"HTTP 204 in {attempt.duration_ms} ms"
    )
    assert (line["request_id"], line["task_name"], line["webhook_id"]) == (
        REQUEST_ID,
        "partnership.tasks.deliver_due_webhooks",
        str(delivery.message_id),
    )
