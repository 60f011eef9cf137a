"""What the meetings records' histories hold back: exempt text in any version, and versions
saved before a record was published.

An item, report or minute that was exempt in any version is read in history only by those who
may read exempt items, even if it is open now: its old versions hold the exempt text. A reader
who sees a meeting's papers only once they are published (the public, a scrutiny committee)
sees their versions from publication on, not the drafts before.
"""

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q

from meetings.models import AgendaItem, Appendix, Meeting, Minute, Report


def _exempt_versions():
    """Versions of agenda items that were exempt, or carried a report classified exempt in
    any version of it."""
    exempt_reports = Report.history.filter(classification=Report.Classification.EXEMPT)
    return AgendaItem.history.filter(
        Q(is_exempt=True) | Q(report_id__in=exempt_reports.values("id"))
    ).order_by()


def items_ever_exempt(item_ids: Iterable[int]) -> set[int]:
    """Those of the items that were exempt, or carried an exempt report, in any version."""
    item_ids = [pk for pk in item_ids if pk is not None]
    if not item_ids:
        return set()
    return set(_exempt_versions().filter(id__in=item_ids).values_list("id", flat=True).distinct())


def item_was_ever_exempt() -> Exists:
    """Annotates agenda items with whether any version of them was exempt (no query of its own
    when prefetched with them)."""
    return Exists(_exempt_versions().filter(id=OuterRef("pk")))


def minute_was_ever_of_exempt_item() -> Exists:
    """Annotates minutes with whether any version of them was of an item ever exempt."""
    return Exists(
        Minute.history.filter(
            id=OuterRef("pk"), agenda_item_id__in=_exempt_versions().values("id")
        ).order_by()
    )


def report_ever_exempt(report: Report) -> bool:
    """Whether the report was classified exempt, or was on an exempt item, in any version."""
    return (
        Report.history.filter(id=report.pk, classification=Report.Classification.EXEMPT).exists()
        or AgendaItem.history.filter(report_id=report.pk, is_exempt=True).exists()
    )


def minute_items(minute: Minute) -> set[int]:
    """Every agenda item any version of the minute was of."""
    rows = minute.history.exclude(agenda_item_id=None).order_by()
    return set(rows.values_list("agenda_item_id", flat=True).distinct())


def meeting_of(record) -> Meeting | None:
    """The meeting whose agenda carries the record (a meeting, item, report or appendix)."""
    if isinstance(record, Meeting):
        return record
    if isinstance(record, Report):
        item = (
            AgendaItem.objects.filter(report=record)
            .select_related("meeting__board__partnership")
            .first()
        )
        return item.meeting if item else None
    if isinstance(record, Appendix):
        return meeting_of(record.report)
    return record.meeting
