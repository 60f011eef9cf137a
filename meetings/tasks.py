"""Celery entry points for meetings; the work is done by plain functions in meetings.packs."""

import logging

from celery import group, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerUnreachable

from meetings.models import Meeting
from meetings.packs import build
from meetings.packs.sections import HtmlSection
from meetings.services import packs as pack_services

# Failures of the database, the broker or storage that a later attempt may not meet.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError, OSError)
RENDER_RETRIES = 3
PACK_GAVE_UP = "The pack could not be rendered after {attempts} attempts: {error}"
PACK_TOO_SLOW = "The pack took longer to render than a worker may run. Try again later."
PACK_FAILED_UNEXPECTEDLY = "The pack could not be rendered because of an unexpected error: {error}"

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=RENDER_RETRIES)
def render_agenda_pack(self, pack_id: int) -> None:
    """Renders one agenda pack; safe to run twice, as a pack already finished is left alone."""
    try:
        build.render_pack(pack_id, share=_share_sections)
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


def _share_sections(meeting: Meeting, sections: list[HtmlSection]) -> None:
    try:
        group(render_pack_section.s(meeting.pk, section.html) for section in sections).apply_async()
    except BrokerUnreachable as error:
        # Sharing only speeds the pack up: without the broker, it renders every section itself.
        logger.warning("Sections of meeting %s not shared out: %s", meeting.pk, error)


# Acknowledged at once and never retried: the pack renders any section this leaves undone.
@shared_task(acks_late=False, reject_on_worker_lost=False)
def render_pack_section(meeting_id: int, html: str) -> None:
    """Renders one section of a pack ahead of the pack's own task, on another worker."""
    build.render_shared_section(meeting_id, html)


# Safe to run twice, or twice at once: each pack it finds is locked, and resending is harmless.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def resend_agenda_packs() -> None:
    """The sweep that sends again the packs whose render task was lost, or whose worker died."""
    pack_services.agenda_packs_resend()
