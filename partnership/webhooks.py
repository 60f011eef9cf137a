"""Delivering a partnership's events to partner systems, by signed HTTP POSTs (webhooks).

An event becomes one delivery row per subscribed endpoint (partnership.services
webhook_event_emit), written in the transaction of the change it reports and sent by the
worker once that commits. Each request is signed as the
Standard Webhooks specification has it (headers webhook-id, webhook-timestamp and
webhook-signature: an HMAC-SHA256 of the three), so that any of its libraries verifies it.
A refused delivery is tried again after longer and longer waits; an endpoint that has
failed too many times in a row is switched off, and the officer who registered it is told.
"""

import datetime
import http
import http.client
import json
import logging
import time
import urllib.parse

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from standardwebhooks import Webhook

from partnership.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from partnership.webhook_addresses import (
    DELIVERY_REDIRECTED,
    DELIVERY_UNREACHABLE,
    DeliveryRefused,
    webhook_connection,
)

# Waits before each try after the first: a minute, five, half an hour, two hours, six.
RETRY_AFTER = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=6),
]
MAX_ATTEMPTS = len(RETRY_AFTER) + 1
TIMEOUT_SECONDS = 10

logger = logging.getLogger(__name__)

DISABLED_SUBJECT = _("Webhook switched off: {url}")
DISABLED_BODY = _(
    "The webhook endpoint {url}, registered for {partnership}, failed {failures} times in a "
    "row and has been switched off: no more events are sent to it.\n\nThe last answer was: "
    "{error}\n\nWhen the partner's system is mended, switch it back on at {page}."
)


def deliveries_due(now: datetime.datetime | None = None) -> list[int]:
    """Deliveries waiting whose next try has come, oldest first."""
    return list(
        WebhookDelivery.objects.filter(
            status=WebhookDelivery.Status.PENDING,
            next_attempt_at__lte=now or timezone.now(),
            endpoint__is_active=True,
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:500]
    )


def webhook_deliver(*, delivery_id: int) -> WebhookAttempt | None:
    """Tries one delivery, if it is still due and no other worker holds it; records the try.

    The delivery stays locked while its request is made, so that a second worker skips it;
    its endpoint is locked only to count the outcome, so that tries at once count them all.
    """
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                pk=delivery_id,
                status=WebhookDelivery.Status.PENDING,
                next_attempt_at__lte=timezone.now(),
                endpoint__is_active=True,
            )
            .first()
        )
        if delivery is None:
            return None
        attempt = _post(delivery)
        attempt.save()
        delivery.attempts += 1
        endpoint = (
            WebhookEndpoint.objects.select_for_update(of=("self",))
            .select_related("partnership", "registered_by")
            .get(pk=delivery.endpoint_id)
        )
        if attempt.succeeded:
            delivery.status = WebhookDelivery.Status.DELIVERED
            delivery.delivered_at = timezone.now()
            endpoint.consecutive_failures = 0
        else:
            _after_failure(delivery, endpoint, attempt)
        delivery.save()
        endpoint.save(update_fields=["consecutive_failures", "is_active", "disabled_at"])
    _log_attempt(delivery, endpoint, attempt)
    return attempt


def _log_attempt(
    delivery: WebhookDelivery, endpoint: WebhookEndpoint, attempt: WebhookAttempt
) -> None:
    # The host only: a partner's address may carry a key in its path or query.
    host = urllib.parse.urlsplit(endpoint.url).hostname
    context = {
        "webhook_delivery_id": delivery.pk,
        "webhook_id": str(delivery.message_id),
        "webhook_endpoint_id": endpoint.pk,
    }
    if attempt.succeeded:
        logger.info(
            "Webhook delivery %s (%s) to %s: delivered on try %d, HTTP %s in %d ms",
            delivery.pk,
            delivery.event,
            host,
            delivery.attempts,
            attempt.status_code,
            attempt.duration_ms,
            extra=context,
        )
        return
    logger.warning(
        "Webhook delivery %s (%s) to %s: try %d failed (%s); %s",
        delivery.pk,
        delivery.event,
        host,
        delivery.attempts,
        attempt.error or f"HTTP {attempt.status_code}",
        f"next try at {delivery.next_attempt_at.isoformat()}"
        if delivery.status == WebhookDelivery.Status.PENDING
        else "no more tries",
        extra=context,
    )
    if not endpoint.is_active:
        logger.warning(
            "Webhook endpoint %s (%s) switched off after %d failures in a row",
            endpoint.pk,
            host,
            endpoint.consecutive_failures,
            extra=context,
        )


def _post(delivery: WebhookDelivery) -> WebhookAttempt:
    body = json.dumps(delivery.payload, separators=(",", ":"))
    sent_at = datetime.datetime.now(tz=datetime.UTC)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "partnership-governance-webhooks",
        "webhook-id": str(delivery.message_id),
        "webhook-timestamp": str(int(sent_at.timestamp())),
        "webhook-signature": Webhook(delivery.endpoint.secret).sign(
            str(delivery.message_id), sent_at, body
        ),
    }
    started = time.monotonic()
    status_code, error = None, ""
    try:
        # Checked again now, and connected to the address checked (see webhook_addresses).
        connection, path = webhook_connection(delivery.endpoint.url, timeout=TIMEOUT_SECONDS)
        try:
            connection.request("POST", path, body=body.encode(), headers=headers)
            status_code = connection.getresponse().status
        finally:
            connection.close()
    except DeliveryRefused as refused:
        error = refused.reason
    except (OSError, http.client.HTTPException, ValueError):
        # Only a generic reason: the page shows it, and the system's own words could tell
        # what lies behind the address.
        error = str(DELIVERY_UNREACHABLE)
    if status_code is not None and 300 <= status_code < 400:
        # A redirect could lead anywhere, so it is not followed: the delivery has failed.
        error = str(DELIVERY_REDIRECTED).format(status=status_code)
    elif status_code is not None and not 200 <= status_code < 300:
        error = f"HTTP {status_code} {_status_phrase(status_code)}".strip()
    return WebhookAttempt(
        delivery=delivery,
        status_code=status_code,
        error=error[:300],
        duration_ms=int((time.monotonic() - started) * 1000),
    )


def _status_phrase(status_code: int) -> str:
    try:
        return http.HTTPStatus(status_code).phrase
    except ValueError:
        return ""


def _after_failure(
    delivery: WebhookDelivery, endpoint: WebhookEndpoint, attempt: WebhookAttempt
) -> None:
    endpoint.consecutive_failures += 1
    if delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.FAILED
    else:
        delivery.next_attempt_at = timezone.now() + RETRY_AFTER[delivery.attempts - 1]
    if endpoint.consecutive_failures >= settings.WEBHOOK_DISABLE_AFTER_FAILURES:
        endpoint.is_active, endpoint.disabled_at = False, timezone.now()
        transaction.on_commit(lambda: _tell_officer(endpoint, attempt))


def _tell_officer(endpoint: WebhookEndpoint, attempt: WebhookAttempt) -> None:
    officer = endpoint.registered_by
    if officer is None or not officer.email:
        return
    send_mail(
        DISABLED_SUBJECT.format(url=endpoint.url),
        DISABLED_BODY.format(
            url=endpoint.url,
            partnership=endpoint.partnership,
            failures=endpoint.consecutive_failures,
            error=attempt.error or f"HTTP {attempt.status_code}",
            page=settings.SITE_URL + endpoint.get_absolute_url(),
        ),
        None,
        [officer.email],
        fail_silently=True,
    )
