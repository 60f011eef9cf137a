"""Writes to partnership records: every change that a rule guards goes through here."""

import base64
import datetime
import secrets
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oauth2_provider.generators import generate_client_secret
from oauth2_provider.models import AccessToken

from core.broker import task_send_on_commit
from core.dates import long_date
from partnership import tasks
from partnership.models import (
    Merger,
    Organisation,
    Partnership,
    PartnerSystem,
    Person,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from partnership.succession import predecessor_ids
from partnership.webhook_addresses import webhook_url_check

SYSTEM_WITHOUT_CREDENTIALS = _("{system} has no API credentials to replace.")
MERGER_NEEDS_PREDECESSORS = _("Choose the organisations that merged.")
MERGED_INTO_ITSELF = _("{organisation} cannot be merged into itself.")
MERGED_INTO_OWN_PREDECESSOR = _(
    "{predecessor} cannot be merged into {successor}: {successor} is one of the organisations "
    "{predecessor} was formed from."
)
MERGER_BEFORE_FOUNDED = _(
    "{organisation} was founded on {founded_on}: it cannot merge before then."
)


@transaction.atomic
def merger_record(
    *,
    successor: Organisation,
    predecessors: Iterable[Organisation],
    effective_on: datetime.date,
    description: str = "",
    by: AbstractBaseUser,
) -> Merger:
    """Records organisations merging into a successor; no line of succession may loop."""
    predecessors = list(predecessors)
    if not predecessors:
        raise ValidationError({"predecessors": MERGER_NEEDS_PREDECESSORS})
    if successor in predecessors:
        raise ValidationError({"predecessors": MERGED_INTO_ITSELF.format(organisation=successor)})
    for predecessor in predecessors:
        if successor.pk in predecessor_ids(predecessor):
            raise ValidationError(
                {
                    "predecessors": MERGED_INTO_OWN_PREDECESSOR.format(
                        predecessor=predecessor, successor=successor
                    )
                }
            )
        if predecessor.founded_on and effective_on < predecessor.founded_on:
            raise ValidationError(
                {
                    "effective_on": MERGER_BEFORE_FOUNDED.format(
                        organisation=predecessor, founded_on=long_date(predecessor.founded_on)
                    )
                }
            )
    merger = Merger(successor=successor, effective_on=effective_on, description=description)
    merger.full_clean()
    merger._history_user = by
    merger.save()
    merger.predecessors.set(predecessors)
    for predecessor in predecessors:
        if predecessor.dissolved_on is None:
            # The predecessor ceased as a body by the merger; its seats, shares of joint
            # appointments and partnerships stay as they were, as the record of what it did.
            predecessor.dissolved_on = effective_on
            predecessor.full_clean()
            predecessor._history_user = by
            predecessor.save()
    return merger


EVENTS_REQUIRED = _("Choose at least one event to send.")
UNKNOWN_EVENT = _("'{event}' is not an event this service sends.")


def webhook_secret_new() -> str:
    """A Standard Webhooks signing secret: "whsec_" and 24 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


@transaction.atomic
def webhook_endpoint_register(
    *,
    partnership: Partnership,
    url: str,
    events: Iterable[str],
    description: str,
    by: Person | None,
) -> WebhookEndpoint:
    """Registers a partner's https endpoint on the internet for some of the partnership's events,
    with a new secret."""
    events = sorted(set(events))
    if not events:
        raise ValidationError({"events": [EVENTS_REQUIRED]})
    unknown = [event for event in events if event not in WebhookEvent.values]
    if unknown:
        raise ValidationError({"events": [UNKNOWN_EVENT.format(event=unknown[0])]})
    try:
        webhook_url_check(url)
    except ValidationError as refused:
        raise ValidationError({"url": refused.messages}) from None
    endpoint = WebhookEndpoint(
        partnership=partnership,
        url=url,
        events=events,
        description=description,
        secret=webhook_secret_new(),
        registered_by=by,
    )
    endpoint.full_clean()
    endpoint.save()
    return endpoint


@transaction.atomic
def webhook_endpoint_enable(*, endpoint: WebhookEndpoint) -> WebhookEndpoint:
    """Switches an endpoint back on, its count of failures begun again."""
    endpoint.is_active, endpoint.consecutive_failures, endpoint.disabled_at = True, 0, None
    endpoint.save(update_fields=["is_active", "consecutive_failures", "disabled_at", "modified_at"])
    return endpoint


def webhook_event_emit(*, partnership_id: int, event: str, key: str, data: dict) -> int:
    """Queues an event for the partnership's endpoints that want it; returns how many.

    `key` names the event (say, the meeting and when its minutes were published), so that the
    same event emitted twice is delivered once. Call it inside the change's transaction: the
    deliveries commit with the change, and the worker is asked to send them once they have.
    """
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(partnership_id=partnership_id)
        if endpoint.wants(event)
    ]
    payload = {"type": event, "timestamp": timezone.now().isoformat(), "data": data}
    WebhookDelivery.objects.bulk_create(
        [
            WebhookDelivery(
                endpoint=endpoint, event=event, event_key=f"{event}:{key}", payload=payload
            )
            for endpoint in endpoints
        ],
        ignore_conflicts=True,
    )
    if endpoints:
        # With the broker down, the deliveries wait for beat's sweep of those that are due.
        task_send_on_commit(tasks.deliver_due_webhooks)
    return len(endpoints)


@transaction.atomic
def partner_system_secret_rotate(*, system: PartnerSystem, by: AbstractBaseUser) -> str:
    """Gives a partner system a new client secret, returned once and stored hashed; every token
    issued under the old one stops working at once."""
    application = system.application
    if application is None:
        raise ValidationError(SYSTEM_WITHOUT_CREDENTIALS.format(system=system))
    secret = generate_client_secret()
    application.client_secret = secret
    application.save()
    AccessToken.objects.filter(application=application).delete()
    system._change_reason = f"Client secret replaced by {by}"[:100]
    system.save()
    return secret


@transaction.atomic
def partner_system_access_revoke(*, system: PartnerSystem, by: AbstractBaseUser) -> None:
    """Suspends a partner system and ends its tokens: it can neither call the API nor obtain a
    new token until it is switched back on."""
    system.is_active = False
    system._change_reason = f"API access revoked by {by}"[:100]
    system.full_clean()
    system.save()
    if system.application_id:
        AccessToken.objects.filter(application_id=system.application_id).delete()
