"""What the outcomes webhooks tell partner systems: new readings and overdue actions."""

import datetime
import uuid
from collections import defaultdict

from django.db import transaction

from outcomes.models import DevelopmentAction, Reading
from partnership.models import WebhookEndpoint, WebhookEvent
from partnership.services import webhook_event_emit


def announce_readings_added(readings: list[Reading]) -> None:
    """One event per partnership for a batch of new readings (their indicators' frameworks
    joined), listing each."""
    by_partnership = defaultdict(list)
    for reading in readings:
        by_partnership[reading.indicator.outcome.framework.partnership_id].append(
            {
                "id": reading.pk,
                "indicator": reading.indicator_id,
                "period_start": reading.period_start.isoformat(),
                "period_end": reading.period_end.isoformat(),
                "value": str(reading.value),
            }
        )
    for partnership_id, added in by_partnership.items():
        # A batch is announced once, by the transaction that adds it: any key of its own will do.
        webhook_event_emit(
            partnership_id=partnership_id,
            event=WebhookEvent.READING_ADDED,
            key=uuid.uuid4().hex,
            data={"readings": added},
        )


@transaction.atomic
def overdue_actions_announce(*, today: datetime.date) -> int:
    """Announces each open action past its deadline, once for each deadline it has missed.

    Only partnerships with an endpoint that wants the event are looked at; returns how many
    actions were announced (an action announced before adds no delivery).
    """
    partnerships = {
        endpoint.partnership_id
        for endpoint in WebhookEndpoint.objects.all()
        if endpoint.wants(WebhookEvent.ACTION_OVERDUE)
    }
    actions = DevelopmentAction.objects.overdue(today).filter(partnership_id__in=partnerships)
    count = 0
    for action in actions.only("pk", "partnership_id", "reference", "deadline", "status"):
        webhook_event_emit(
            partnership_id=action.partnership_id,
            event=WebhookEvent.ACTION_OVERDUE,
            key=f"{action.pk}:{action.deadline.isoformat()}",
            data={
                "development_action": action.pk,
                "reference": action.reference,
                "deadline": action.deadline.isoformat(),
                "status": action.status,
            },
        )
        count += 1
    return count
