"""Celery entry points for partnerships; the work is done by plain functions."""

from celery import shared_task

from partnership import webhooks


# Safe to run twice at once: each delivery is locked by the worker trying it, and skipped by
# the other. Beat runs it every minute to send the retries that have come due.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def deliver_due_webhooks() -> None:
    """Tries every webhook delivery whose time has come."""
    for delivery_id in webhooks.deliveries_due():
        webhooks.webhook_deliver(delivery_id=delivery_id)
