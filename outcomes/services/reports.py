"""Performance reports: asking the worker for one, and the states its rendering passes through."""

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.broker import task_send_on_commit, tasks_resend
from core.dates import long_date
from outcomes import tasks
from outcomes.models import OutcomeFramework, PerformanceReport
from partnership.rules import person_of

NOT_ALLOWED_TO_REQUEST = _("Only an officer of {partnership} may ask for a performance report.")
AS_OF_IN_FUTURE = _("A performance report cannot be as of a day in the future.")
AS_OF_BEFORE_FRAMEWORK = _(
    "A performance report cannot be as of a day before the framework starts on {starts_on}."
)

FAILURE_REASON_LENGTH = PerformanceReport._meta.get_field("failure_reason").max_length


def _send_render_task(report: PerformanceReport) -> None:
    # Not sent if the broker is down: the report stays queued for the sweep below.
    task_send_on_commit(tasks.render_performance_report, report.pk)


def performance_reports_resend(*, now: datetime.datetime | None = None) -> list[int]:
    """Sends the render task again for each report queued or rendering, untouched for longer
    than any task may run: its task was lost (the broker was down when it was asked for, or
    Redis restarted empty) or its worker was killed. Rendering twice keeps the first report."""
    now = now or timezone.now()
    stalled = PerformanceReport.objects.filter(
        status__in=[PerformanceReport.Status.QUEUED, PerformanceReport.Status.RENDERING],
        modified_at__lt=now - settings.TASK_STALLED_AFTER,
    )
    return tasks_resend(tasks.render_performance_report, stalled)


@transaction.atomic
def performance_report_request(
    *, framework: OutcomeFramework, by: AbstractUser, as_of: datetime.date | None = None
) -> PerformanceReport:
    """Queues a report of the framework as of a day (today unless given) for the worker; one
    already on its way for the same day is reused."""
    if not by.has_perm("outcomes.change_framework", framework):
        raise PermissionDenied(NOT_ALLOWED_TO_REQUEST.format(partnership=framework.partnership))
    today = timezone.localdate()
    as_of = as_of or today
    if as_of > today:
        raise ValidationError({"as_of": AS_OF_IN_FUTURE})
    if as_of < framework.starts_on:
        raise ValidationError(
            {"as_of": AS_OF_BEFORE_FRAMEWORK.format(starts_on=long_date(framework.starts_on))}
        )
    in_progress = (
        PerformanceReport.objects.select_for_update()
        .filter(
            framework=framework,
            as_of=as_of,
            status__in=[PerformanceReport.Status.QUEUED, PerformanceReport.Status.RENDERING],
        )
        .first()
    )
    if in_progress is not None:
        return in_progress
    report = PerformanceReport(framework=framework, as_of=as_of, requested_by=person_of(by))
    report.full_clean()
    report.save()
    _send_render_task(report)
    return report


@transaction.atomic
def performance_report_start(*, report_id: int) -> PerformanceReport | None:
    """Marks a report as rendering; None if it is already finished."""
    report = (
        PerformanceReport.objects.select_for_update()
        .select_related("framework__partnership")
        .get(pk=report_id)
    )
    if report.status in {PerformanceReport.Status.READY, PerformanceReport.Status.FAILED}:
        return None
    report.status = PerformanceReport.Status.RENDERING
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def performance_report_complete(
    *, report_id: int, file_name: str, page_count: int
) -> PerformanceReport:
    """Points a report at its stored PDF; if another run finished it first, keeps that one."""
    report = PerformanceReport.objects.select_for_update().get(pk=report_id)
    if report.status != PerformanceReport.Status.RENDERING:
        transaction.on_commit(lambda: default_storage.delete(file_name))
        return report
    report.status = PerformanceReport.Status.READY
    report.file.name = file_name
    report.page_count = page_count
    report.rendered_at = timezone.now()
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def performance_report_fail(*, report_id: int, reason: str) -> PerformanceReport:
    """Records why a report could not be rendered; a ready report stays ready."""
    report = PerformanceReport.objects.select_for_update().get(pk=report_id)
    if report.status != PerformanceReport.Status.READY:
        report.status = PerformanceReport.Status.FAILED
        report.failure_reason = reason[:FAILURE_REASON_LENGTH]
        report.full_clean()
        report.save()
    return report
