"""The history of changes to meetings, agenda items, reports, appendices, minutes and
resolutions, held back as meetings.history explains."""

import datetime
from operator import attrgetter

from django.shortcuts import get_object_or_404
from django.urls import reverse

from core.history_views import history_paths
from meetings.history import meeting_of
from meetings.models import AgendaItem, Appendix, Meeting, Minute, Report, Resolution
from meetings.rules import insider


def agenda_versions_since(principal, record) -> datetime.datetime | None:
    """The board's own people see every version of its agenda's papers; others, those from
    the agenda's publication on."""
    meeting = meeting_of(record)
    if meeting is None or insider(principal, meeting):
        return None
    return meeting.agenda_published_at


def minutes_versions_since(principal, record) -> datetime.datetime | None:
    """The board's own people see every version of its minutes (and resolutions); others,
    those from the minutes' publication on."""
    meeting = getattr(record, "minute", record).meeting
    if insider(principal, meeting):
        return None
    return meeting.minutes_published_at


def find_meeting(request, *, pk: int, **_) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("board__partnership"), pk=pk)


def find_item(request, *, pk: int, item_pk: int, **_) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting__board__partnership"), meeting=pk, pk=item_pk
    )


def find_report(request, *, pk: int, **_) -> Report:
    return get_object_or_404(Report.objects.select_related("board__partnership"), pk=pk)


def find_appendix(request, *, pk: int, appendix_pk: int, **_) -> Appendix:
    return get_object_or_404(
        Appendix.objects.select_related("report__board__partnership"), report=pk, pk=appendix_pk
    )


def find_minute(request, *, pk: int, minute_pk: int, **_) -> Minute:
    return get_object_or_404(
        Minute.objects.select_related("meeting__board__partnership"), meeting=pk, pk=minute_pk
    )


def find_resolution(request, *, pk: int, **_) -> Resolution:
    return get_object_or_404(
        Resolution.objects.select_related("minute__meeting__board__partnership"), pk=pk
    )


def item_url(item: AgendaItem) -> str:
    return f"{item.meeting.get_absolute_url()}#item-{item.position}"


def report_url(report: Report) -> str:
    return reverse("meetings:report_detail", args=[report.pk])


def appendix_report_url(appendix: Appendix) -> str:
    return report_url(appendix.report)


def minute_url(minute: Minute) -> str:
    return f"{minute.meeting.get_absolute_url()}#minute-{minute.number}"


def resolution_url(resolution: Resolution) -> str:
    return reverse("meetings:decision_trail", args=[resolution.pk])


urlpatterns = [
    *history_paths(
        "<int:pk>/history/",
        "meeting_history",
        find_record=find_meeting,
        permission_required="meetings.view_meeting",
        versions_since=agenda_versions_since,
    ),
    *history_paths(
        "<int:pk>/agenda/items/<int:item_pk>/history/",
        "agenda_item_history",
        find_record=find_item,
        permission_required="meetings.view_item_history",
        versions_since=agenda_versions_since,
        record_url=item_url,
    ),
    *history_paths(
        "reports/<int:pk>/history/",
        "report_history",
        find_record=find_report,
        permission_required="meetings.view_report_history",
        versions_since=agenda_versions_since,
        file_permissions={"source_document": "meetings.read_report_source"},
        record_url=report_url,
    ),
    *history_paths(
        "reports/<int:pk>/appendices/<int:appendix_pk>/history/",
        "appendix_history",
        find_record=find_appendix,
        permission_required="meetings.view_report_history",
        permission_object=attrgetter("report"),
        versions_since=agenda_versions_since,
        record_url=appendix_report_url,
    ),
    *history_paths(
        "<int:pk>/minutes/<int:minute_pk>/history/",
        "minute_history",
        find_record=find_minute,
        permission_required="meetings.view_minute_history",
        versions_since=minutes_versions_since,
        record_url=minute_url,
    ),
    *history_paths(
        "resolutions/<int:pk>/history/",
        "resolution_history",
        find_record=find_resolution,
        permission_required="meetings.view_minute_history",
        permission_object=attrgetter("minute"),
        versions_since=minutes_versions_since,
        record_url=resolution_url,
    ),
]
