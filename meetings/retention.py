"""Published documents are kept for six years: a published agenda and its items, the reports
on it and their appendices, its public agenda pack, and published minutes with their
resolutions. Every version of them is kept in their history, which is never purged.

Six years count from the later of the document's publication and the day of its meeting.
Section 100C of the Local Government Act 1972 keeps a meeting's agenda, reports and minutes
open to inspection for six years beginning with the day of the meeting; an agenda is published
before its meeting and minutes after it, so counting from whichever is later never keeps a
document for less than six years from either. A document may be deleted from the sixth
anniversary of that day (of 29 February, from 1 March).

On PostgreSQL the database refuses the same deletions, and any deletion of these records'
history, whatever asks for it (the migration published_documents_kept_on_postgresql).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import long_date
from meetings.history import meeting_of
from meetings.models import AgendaItem, AgendaPack, Appendix, Meeting, Minute, Report, Resolution

RETENTION_YEARS = 6
DOCUMENT_RETAINED = _(
    "“{document}” was published on {published} and is kept for six years: it may be deleted "
    "from {date}."
)

# The models whose published records are documents the public reads, or parts of them.
DOCUMENT_MODELS = (Meeting, AgendaItem, Report, Appendix, Minute, Resolution, AgendaPack)


def published_at(record) -> datetime.datetime | None:
    """When the record was published as a document (or part of one), or None if it is not."""
    if isinstance(record, Minute | Resolution):
        meeting = getattr(record, "minute", record).meeting
        return meeting.minutes_published_at if _minutes_published(meeting) else None
    if isinstance(record, Meeting):
        moments = [record.agenda_published_at]
        if _minutes_published(record):
            moments.append(record.minutes_published_at)
        return max((moment for moment in moments if moment is not None), default=None)
    if isinstance(record, AgendaPack):
        public = record.variant == AgendaPack.Variant.PUBLIC
        ready = record.status == AgendaPack.Status.READY
        published = record.meeting.agenda_published_at
        if not (public and ready and published):
            return None
        return max(published, record.finished_at or published)
    if isinstance(record, AgendaItem | Report | Appendix):
        meeting = meeting_of(record)
        return meeting.agenda_published_at if meeting is not None else None
    return None


def kept_until(record) -> datetime.date | None:
    """The first day the record may be deleted; None if it is no published document."""
    published = published_at(record)
    if published is None:
        return None
    meeting = record if isinstance(record, Meeting) else _meeting(record)
    start = timezone.localdate(max(published, meeting.starts_at))
    return _years_after(start, RETENTION_YEARS)


def retention_check(*records, on: datetime.date | None = None) -> None:
    """Refuses to delete a published document (or part of one) younger than six years."""
    today = on or timezone.localdate()
    refusals = []
    for record in records:
        until = kept_until(record)
        if until is not None and today < until:
            refusals.append(retention_message(record, until))
    if refusals:
        raise ValidationError(refusals, code="document_retained")


def documents_kept(meetings: QuerySet[Meeting], *, on: datetime.date | None = None) -> list:
    """The published documents of these meetings that may not be deleted yet, each with the
    first day it may be: the meetings themselves (their agenda, reports and minutes are kept
    as long as they are) and their public agenda packs."""
    today = on or timezone.localdate()
    # Nothing published, begun or finished before this can still be kept.
    since = timezone.now() - datetime.timedelta(days=366 * RETENTION_YEARS + 2)
    recent = meetings.filter(
        Q(starts_at__gte=since)
        | Q(agenda_published_at__gte=since)
        | Q(minutes_published_at__gte=since)
    )
    packs = AgendaPack.objects.filter(meeting__in=meetings, finished_at__gte=since)
    kept = []
    for record in [*recent, *packs.select_related("meeting")]:
        until = kept_until(record)
        if until is not None and today < until:
            kept.append((record, until))
    return kept


def retention_message(record, until: datetime.date) -> str:
    published = timezone.localdate(published_at(record))
    return DOCUMENT_RETAINED.format(
        document=record, published=long_date(published), date=long_date(until)
    )


def _minutes_published(meeting: Meeting) -> bool:
    return meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED


def _meeting(record) -> Meeting:
    if isinstance(record, Minute | Resolution):
        return getattr(record, "minute", record).meeting
    if isinstance(record, AgendaPack):
        return record.meeting
    return meeting_of(record)


def _years_after(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, in a year without one
        return datetime.date(day.year + years, 3, 1)
