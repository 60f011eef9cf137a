"""Celery entry points for outcomes; the work is done by plain functions."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from outcomes import reporting
from outcomes.models import PerformanceReport
from outcomes.reminders import reminders_run
from outcomes.services import reports as report_services
from outcomes.services.announcements import overdue_actions_announce

RENDER_RETRIES = 3
REMINDER_RETRIES = 5
REMINDER_RETRY_SECONDS = 15
# The database gone away for a moment: a later attempt may not meet it.
DATABASE_ERRORS = (OperationalError, InterfaceError)
REPORT_GAVE_UP = "The report could not be rendered after {attempts} attempts: {error}"
REPORT_TOO_SLOW = "The report took longer to render than a worker may run. Try again later."


# Safe to run twice, or twice at once: the reminders' outbox rows absorb a redelivered task.
# A run cut short by the database (a restart, a failover) is tried again within the minute,
# rather than left to the next scheduled run.
@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=REMINDER_RETRIES)
def send_development_action_reminders(self) -> None:
    """The sweep: writes the reminders that fell due and sends every unsent one."""
    try:
        reminders_run()
    except DATABASE_ERRORS as error:
        raise self.retry(exc=error, countdown=REMINDER_RETRY_SECONDS) from error


# Safe to run twice: an action announced for a deadline is not announced for it again.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def announce_overdue_actions() -> None:
    """The daily announcement to partner systems of development actions newly overdue."""
    overdue_actions_announce(today=timezone.localdate())


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=RENDER_RETRIES)
def render_performance_report(self, report_pk: int) -> None:
    """Renders one performance report; safe to run twice, as a finished report is left alone."""
    report = PerformanceReport.objects.filter(pk=report_pk).first()
    if report is None:
        return
    try:
        reporting.performance_report_render(report)
    except reporting.TRANSIENT_ERRORS as error:
        if self.request.retries >= self.max_retries:
            attempts = self.request.retries + 1
            report_services.performance_report_fail(
                report_id=report_pk,
                reason=REPORT_GAVE_UP.format(attempts=attempts, error=error),
            )
            return
        raise self.retry(exc=error, countdown=15 * 2**self.request.retries) from error
    except SoftTimeLimitExceeded:
        report_services.performance_report_fail(report_id=report_pk, reason=REPORT_TOO_SLOW)


# Safe to run twice: a report rendered twice keeps the first file.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def resend_performance_reports() -> None:
    """The sweep that sends again the performance reports whose render task was lost."""
    report_services.performance_reports_resend()
