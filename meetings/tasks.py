"""Celery entry points for meetings; the work is done by plain functions in meetings.packs."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError

from meetings.packs import build

# Failures of the database, the broker or storage that a later attempt may not meet.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError, OSError)
RENDER_RETRIES = 3
PACK_GAVE_UP = "The pack could not be rendered after {attempts} attempts: {error}"
PACK_TOO_SLOW = "The pack took longer to render than a worker may run. Try again later."
PACK_FAILED_UNEXPECTEDLY = "The pack could not be rendered because of an unexpected error: {error}"


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=RENDER_RETRIES)
def render_agenda_pack(self, pack_id: int) -> None:
    """Renders one agenda pack; safe to run twice, as a pack already finished is left alone."""
    try:
        build.render_pack(pack_id)
    except TRANSIENT_ERRORS as error:
        if self.request.retries >= self.max_retries:
            build.give_up(
                pack_id, PACK_GAVE_UP.format(attempts=self.request.retries + 1, error=error)
            )
            return
        raise self.retry(exc=error, countdown=15 * 2**self.request.retries) from error
    except SoftTimeLimitExceeded:
        build.give_up(pack_id, PACK_TOO_SLOW)
    except Exception as error:
        # Not worth retrying: record it for the clerk, and let the worker log it in full.
        build.give_up(pack_id, PACK_FAILED_UNEXPECTEDLY.format(error=error))
        raise
