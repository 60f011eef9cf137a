"""Webhooks: events queued with the change, delivered signed, retried, and switched off."""

import datetime
import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from standardwebhooks import Webhook

from partnership import webhooks
from partnership.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from partnership.services import (
    EVENTS_REQUIRED,
    UNKNOWN_EVENT,
    webhook_endpoint_enable,
    webhook_endpoint_register,
    webhook_event_emit,
)
from partnership.webhook_addresses import DELIVERY_UNREACHABLE
from tests.factories import PartnershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return PersonFactory(email="officer@example.org", capacity="officer")


def _endpoint(url, officer, events=("minutes.published",), partnership=None):
    return webhook_endpoint_register(
        partnership=partnership or PartnershipFactory(),
        url=url,
        events=events,
        description="Performance system",
        by=officer,
    )


def _emit(endpoint, key="1", event="minutes.published"):
    return webhook_event_emit(
        partnership_id=endpoint.partnership_id, event=event, key=key, data={"event": 1}
    )


def _deliver_due():
    return [webhooks.webhook_deliver(delivery_id=pk) for pk in webhooks.deliveries_due()]


def test_registering_needs_a_known_event_and_saves_nothing_otherwise(officer):
    partnership = PartnershipFactory()
    with pytest.raises(ValidationError) as none:
        _endpoint("https://example.org/h", officer, events=[], partnership=partnership)
    with pytest.raises(ValidationError) as unknown:
        _endpoint("https://example.org/h", officer, events=["pack.eaten"], partnership=partnership)
    with pytest.raises(ValidationError) as bad_url:
        _endpoint("file:///etc/passwd", officer, partnership=partnership)

    assert none.value.message_dict == {"events": [EVENTS_REQUIRED]}
    assert unknown.value.message_dict == {"events": [UNKNOWN_EVENT.format(event="pack.eaten")]}
    assert list(bad_url.value.message_dict) == ["url"]
    assert not WebhookEndpoint.objects.exists()


def test_an_event_goes_once_to_each_endpoint_that_wants_it(officer):
    wanted = _endpoint("https://a.example.org/h", officer)
    partnership = wanted.partnership
    _endpoint("https://b.example.org/h", officer, ["pack.ready"], partnership)
    elsewhere = _endpoint("https://c.example.org/h", officer)

    _emit(wanted, key="7:2011-02-17")
    _emit(wanted, key="7:2011-02-17")

    deliveries = WebhookDelivery.objects.all()
    assert [(d.endpoint, d.event_key) for d in deliveries] == [
        (wanted, "minutes.published:7:2011-02-17")
    ]
    assert elsewhere.deliveries.count() == 0


def test_a_delivery_is_signed_as_standard_webhooks_verify_it(receiver, officer):
    endpoint = _endpoint(receiver.url, officer)
    _emit(endpoint)

    [attempt] = _deliver_due()

    [request] = receiver.requests
    verified = Webhook(endpoint.secret).verify(request.body, request.headers)
    delivery = WebhookDelivery.objects.get()
    assert verified == {
        "type": "minutes.published",
        "timestamp": delivery.payload["timestamp"],
        "data": {"event": 1},
    }
    assert request.headers["webhook-id"] == str(delivery.message_id)
    assert (attempt.status_code, delivery.status, delivery.attempts) == (204, "delivered", 1)


def test_a_refused_delivery_is_tried_again_later_and_each_try_is_recorded(receiver, officer):
    endpoint = _endpoint(receiver.url, officer)
    _emit(endpoint)
    receiver.answer_status = 503

    before = timezone.now()
    [attempt] = _deliver_due()
    delivery = WebhookDelivery.objects.get()

    assert (attempt.status_code, attempt.error) == (503, "HTTP 503 Service Unavailable")
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert delivery.next_attempt_at >= before + webhooks.RETRY_AFTER[0]
    assert _deliver_due() == []  # not yet due
    receiver.answer_status = 200
    delivery.next_attempt_at = timezone.now()
    delivery.save()
    [retried] = _deliver_due()
    delivery.refresh_from_db()
    assert (retried.status_code, delivery.status, delivery.attempts) == (200, "delivered", 2)
    assert [t.status_code for t in delivery.tries.order_by("attempted_at")] == [503, 200]
    endpoint.refresh_from_db()
    assert endpoint.consecutive_failures == 0


def test_an_unreachable_address_is_recorded_as_such(officer):
    endpoint = _endpoint("http://127.0.0.1:9/hooks", officer)
    _emit(endpoint)

    [attempt] = _deliver_due()

    # A generic reason only: the system's own error would tell what lies behind the address.
    assert (attempt.status_code, attempt.error) == (None, str(DELIVERY_UNREACHABLE))


def test_a_delivery_is_given_up_after_its_last_try(receiver, officer, settings):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 100
    receiver.answer_status = 500
    endpoint = _endpoint(receiver.url, officer)
    _emit(endpoint)

    for _ in range(webhooks.MAX_ATTEMPTS):
        WebhookDelivery.objects.update(next_attempt_at=timezone.now())
        _deliver_due()

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", webhooks.MAX_ATTEMPTS)
    assert len(receiver.requests) == webhooks.MAX_ATTEMPTS


def test_an_endpoint_failing_too_often_is_switched_off_and_its_officer_told(
    receiver, officer, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 3
    receiver.answer_status = 500
    endpoint = _endpoint(receiver.url, officer)
    for key in ("1", "2", "3", "4"):
        _emit(endpoint, key=key)

    with django_capture_on_commit_callbacks(execute=True):
        _deliver_due()

    endpoint.refresh_from_db()
    assert (endpoint.is_active, endpoint.consecutive_failures) == (False, 3)
    assert len(receiver.requests) == 3
    [message] = mail.outbox
    assert message.to == ["officer@example.org"]
    assert message.subject == f"Webhook switched off: {receiver.url}"
    assert "failed 3 times in a row" in message.body
    assert _emit(endpoint, key="5") == 0

    webhook_endpoint_enable(endpoint=endpoint)
    assert (endpoint.is_active, endpoint.consecutive_failures) == (True, 0)
    assert len(webhooks.deliveries_due()) == 1  # the fourth, still waiting


def test_the_payload_is_json_of_the_event(receiver, officer):
    endpoint = _endpoint(receiver.url, officer, events=[WebhookEvent.ACTION_OVERDUE])
    webhook_event_emit(
        partnership_id=endpoint.partnership_id,
        event=WebhookEvent.ACTION_OVERDUE,
        key="9:2014-03-31",
        data={"development_action": 9, "deadline": datetime.date(2014, 3, 31).isoformat()},
    )

    _deliver_due()

    body = json.loads(receiver.requests[0].body)
    assert body["type"] == "action.overdue"
    assert body["data"] == {"development_action": 9, "deadline": "2014-03-31"}
