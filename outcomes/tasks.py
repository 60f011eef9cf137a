"""Celery entry points for outcomes; the work is done by plain functions."""

from celery import shared_task

from outcomes.reminders import reminders_run


# Safe to run twice, or twice at once: the reminders' outbox rows absorb a redelivered task.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_development_action_reminders() -> None:
    """The daily sweep: writes the reminders that fell due and sends every unsent one."""
    reminders_run()
