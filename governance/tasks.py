"""Celery entry points for governance; the work is done by plain functions."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from governance import circulations

# Failures of the database or the broker that a later attempt may not meet; a mail server's
# refusal is not among them, as it is recorded against its recipient for a re-send.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
DELIVERY_RETRIES = 3


# Safe to run twice, or twice at once: each recipient row is sent once, under its lock.
@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=DELIVERY_RETRIES)
def deliver_circulation(self, circulation_pk: int) -> None:
    """E-mails a circulation to each of its members not yet reached."""
    try:
        circulations.circulation_deliver(circulation_pk)
    except TRANSIENT_ERRORS as error:
        raise self.retry(exc=error, countdown=15 * 2**self.request.retries) from error


# Safe to run twice: delivering a circulation twice sends each member one e-mail.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def resend_circulations() -> None:
    """The sweep that sends again the circulations whose delivery task was lost."""
    circulations.circulation_deliveries_resend()
