"""Scheduling meetings and building and publishing their agendas.

Changes after publication (a late item, a corrected title) are allowed and kept in each record's
history, so the published agenda can always be told apart from the current one.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _

from core.ordering import renumber
from governance.models import Board, RemitClause
from meetings.exemptions import EXEMPT_INFORMATION_SCHEDULE, exempt_paragraphs
from meetings.models import AgendaItem, Meeting, Report
from meetings.notice import NoticeRuleNotSet, is_late, last_day_to_publish
from meetings.retention import retention_check
from meetings.services.announcements import announce_agenda_published
from partnership.models import Nation, Person, Theme

BOARD_DISSOLVED = _("{board} has been dissolved, so it cannot meet.")
MEETING_NEEDS_A_PLACE = _("Give a venue, an online link, or both.")
MEETING_ENDS_BEFORE_START = _("The meeting must end after it starts.")
POSITION_MISSING = _("There is no position {position} on this agenda; choose from 1 to {count}.")
EXEMPT_NEEDS_PARAGRAPH = _("Choose the paragraph of {schedule} that makes this item exempt.")
EXEMPT_PARAGRAPH_UNKNOWN = _(
    "There is no paragraph {paragraph} in {schedule}; choose one from the list."
)
EXEMPT_PARAGRAPHS_NOT_LISTED = _(
    "No exempt-information paragraphs are listed for {nation}, so no item can be marked exempt."
)
PARAGRAPH_ONLY_WHEN_EXEMPT = _("Only an exempt item names a paragraph: tick exempt, or clear it.")
REPORT_OF_ANOTHER_BOARD = _("That report was written for {board}, not for this board.")
REPORT_ALREADY_ON_AGENDA = _("That report is already on the agenda of {meeting}.")
REMIT_CLAUSE_OF_ANOTHER_BOARD = _("Choose only clauses of the remit of {board}.")
ITEM_HAS_RECORDS = _(
    "Item {position} has declarations or a minute recorded against it, so it cannot be removed."
)
NOT_ALLOWED_TO_PUBLISH = _("Only the chair or the clerk of {board} may publish its agenda.")
AGENDA_ALREADY_PUBLISHED = _("The agenda was published on {date}.")
AGENDA_EMPTY = _("Add at least one item before publishing the agenda.")
LATE_WITHOUT_REASON = _(
    "The last date to publish this agenda was {last_day}. To publish it late, say why the "
    "business is urgent."
)

# The opening items' words are stored in the items' English fields, so they are written in
# English whatever language the clerk reads (see _opening_items).
APOLOGIES_PURPOSE = "To receive any apologies for absence."
DECLARATIONS_PURPOSE = (
    "To receive any declarations of interest by members in respect of items on the agenda."
)
MINUTES_PURPOSE = "To approve and sign the minutes of the meeting held on {date}."


def _long_date(day: datetime.date | datetime.datetime) -> str:
    """A date as an agenda prints it: 17 February 2011."""
    if isinstance(day, datetime.datetime):
        day = timezone.localdate(day)
    return date_format(day, "j F Y")


def _meeting_check(meeting: Meeting) -> None:
    # The model's constraints say the same; these name the field to correct.
    errors = {}
    if not meeting.venue and not meeting.online_link:
        errors["venue"] = MEETING_NEEDS_A_PLACE
    if meeting.ends_at is not None and meeting.ends_at <= meeting.starts_at:
        errors["ends_at"] = MEETING_ENDS_BEFORE_START
    if errors:
        raise ValidationError(errors)
    meeting.full_clean()


def _previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(board=meeting.board, starts_at__lt=meeting.starts_at)
        .exclude(status__in=[Meeting.Status.CANCELLED, Meeting.Status.POSTPONED])
        .order_by("-starts_at")
        .first()
    )


def _opening_items(meeting: Meeting) -> list[AgendaItem]:
    """Apologies and declarations; then the last meeting's minutes, if the board has met."""
    # The items are the record's English: their words and dates are not the clerk's language.
    with translation.override(settings.LANGUAGE_CODE):
        items = [
            AgendaItem(
                kind=AgendaItem.Kind.APOLOGIES,
                title=str(AgendaItem.Kind.APOLOGIES.label),
                purpose=APOLOGIES_PURPOSE,
            ),
            AgendaItem(
                kind=AgendaItem.Kind.DECLARATIONS,
                title=str(AgendaItem.Kind.DECLARATIONS.label),
                purpose=DECLARATIONS_PURPOSE,
            ),
        ]
        previous = _previous_meeting(meeting)
        if previous is not None:
            items.append(
                AgendaItem(
                    kind=AgendaItem.Kind.MINUTES,
                    title=str(AgendaItem.Kind.MINUTES.label),
                    purpose=MINUTES_PURPOSE.format(date=_long_date(previous.starts_at)),
                )
            )
        for position, item in enumerate(items, start=1):
            item.meeting, item.position = meeting, position
        return items


@transaction.atomic
def meeting_schedule(
    *,
    board: Board,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    venue: str = "",
    online_link: str = "",
    contact: Person | None = None,
) -> Meeting:
    """Schedules a meeting of a board that has not been dissolved, with the opening items."""
    if board.status == Board.Status.DISSOLVED:
        raise ValidationError(BOARD_DISSOLVED.format(board=board))
    meeting = Meeting(
        board=board,
        starts_at=starts_at,
        ends_at=ends_at,
        venue=venue,
        online_link=online_link,
        contact=contact,
    )
    _meeting_check(meeting)
    meeting.save()
    for item in _opening_items(meeting):
        item.full_clean()
        item.save()
    return meeting


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None,
    venue: str,
    online_link: str,
    contact: Person | None,
) -> Meeting:
    """Changes when and where a meeting is held, and whom to ask about it."""
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    meeting.venue, meeting.online_link, meeting.contact = venue, online_link, contact
    _meeting_check(meeting)
    meeting.save()
    return meeting


def _item_check(item: AgendaItem) -> None:
    """An exempt item names a paragraph of its nation's schedule; a report is the board's own."""
    nation = item.meeting.board.partnership.nation
    schedule = EXEMPT_INFORMATION_SCHEDULE[nation]
    paragraphs = exempt_paragraphs(nation)
    if item.is_exempt and not paragraphs:
        raise ValidationError(
            {"is_exempt": EXEMPT_PARAGRAPHS_NOT_LISTED.format(nation=Nation(nation).label)}
        )
    if item.is_exempt and not item.exempt_paragraph:
        raise ValidationError(
            {"exempt_paragraph": EXEMPT_NEEDS_PARAGRAPH.format(schedule=schedule)}
        )
    if item.exempt_paragraph and not item.is_exempt:
        raise ValidationError({"exempt_paragraph": PARAGRAPH_ONLY_WHEN_EXEMPT})
    if item.exempt_paragraph and item.exempt_paragraph not in paragraphs:
        raise ValidationError(
            {
                "exempt_paragraph": EXEMPT_PARAGRAPH_UNKNOWN.format(
                    paragraph=item.exempt_paragraph, schedule=schedule
                )
            }
        )
    if item.report is None:
        return
    if item.report.board_id != item.meeting.board_id:
        raise ValidationError({"report": REPORT_OF_ANOTHER_BOARD.format(board=item.report.board)})
    elsewhere = AgendaItem.objects.filter(report=item.report).exclude(pk=item.pk).first()
    if elsewhere is not None:
        raise ValidationError(
            {"report": REPORT_ALREADY_ON_AGENDA.format(meeting=elsewhere.meeting)}
        )


def _item_save(
    item: AgendaItem, themes: Iterable[Theme], remit_clauses: Iterable[RemitClause] | None
) -> AgendaItem:
    _item_check(item)
    if remit_clauses is not None:
        remit_clauses = list(remit_clauses)
        # An item serves the remit of the board whose meeting it is on, never another's.
        if any(clause.board_id != item.meeting.board_id for clause in remit_clauses):
            raise ValidationError(
                {"remit_clauses": REMIT_CLAUSE_OF_ANOTHER_BOARD.format(board=item.meeting.board)}
            )
    item.full_clean()
    item.save()
    item.themes.set(themes)
    if remit_clauses is not None:
        item.remit_clauses.set(remit_clauses)
    return item


def _lock(meeting: Meeting) -> None:
    """Makes concurrent changes to the meeting or its agenda wait for this transaction."""
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()


def _locked_items(meeting: Meeting) -> list[AgendaItem]:
    """The meeting's items in order, which no one else may change until this transaction ends."""
    _lock(meeting)
    return list(meeting.agenda_items.order_by("position"))


@transaction.atomic
def agenda_item_add(
    *,
    meeting: Meeting,
    title: str,
    kind: str = AgendaItem.Kind.REPORT,
    purpose: str = "",
    title_cy: str = "",
    purpose_cy: str = "",
    report: Report | None = None,
    presenter: Person | None = None,
    is_exempt: bool = False,
    exempt_paragraph: str = "",
    themes: Iterable[Theme] = (),
    remit_clauses: Iterable[RemitClause] = (),
) -> AgendaItem:
    """Adds an item at the end of the agenda, serving clauses of its board's remit only."""
    items = _locked_items(meeting)
    item = AgendaItem(
        meeting=meeting,
        position=len(items) + 1,
        title=title,
        kind=kind,
        purpose=purpose,
        title_cy=title_cy,
        purpose_cy=purpose_cy,
        report=report,
        presenter=presenter,
        is_exempt=is_exempt,
        exempt_paragraph=exempt_paragraph,
    )
    return _item_save(item, themes, remit_clauses)


@transaction.atomic
def agenda_item_update(
    *,
    item: AgendaItem,
    title: str,
    kind: str,
    purpose: str,
    report: Report | None,
    presenter: Person | None,
    is_exempt: bool,
    exempt_paragraph: str,
    themes: Iterable[Theme],
    remit_clauses: Iterable[RemitClause] | None = None,
    title_cy: str = "",
    purpose_cy: str = "",
) -> AgendaItem:
    """Changes what an item is about, and the remit clauses it serves when given; not its place."""
    item.title, item.kind, item.purpose = title, kind, purpose
    item.title_cy, item.purpose_cy = title_cy, purpose_cy
    item.report, item.presenter = report, presenter
    item.is_exempt, item.exempt_paragraph = is_exempt, exempt_paragraph
    return _item_save(item, themes, remit_clauses)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, position: int) -> AgendaItem:
    """Moves an item to another position; the others close up behind it, numbered 1 to n."""
    items = _locked_items(item.meeting)
    if not 1 <= position <= len(items):
        raise ValidationError(
            {"position": POSITION_MISSING.format(position=position, count=len(items))}
        )
    moved = next(each for each in items if each.pk == item.pk)
    items.remove(moved)
    items.insert(position - 1, moved)
    renumber(items, "position")
    item.refresh_from_db(fields=["position", "modified_at"])
    return item


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem, on: datetime.date | None = None) -> None:
    """Removes an item nothing has been recorded against, and that is not on an agenda
    published less than six years before `on` (today by default); those after it move up."""
    items = _locked_items(item.meeting)
    retention_check(item, on=on)
    if item.declarations.exists() or hasattr(item, "minute"):
        raise ValidationError(ITEM_HAS_RECORDS.format(position=item.position))
    remaining = [each for each in items if each.pk != item.pk]
    item.delete()
    renumber(remaining, "position")


@transaction.atomic
def agenda_publish(*, meeting: Meeting, by: AbstractUser, urgency_reason: str = "") -> Meeting:
    """Publishes the agenda, refusing a late one unless the urgency is explained.

    The reason is kept only when the agenda is late, so a recorded reason means a late agenda.
    """
    if not by.has_perm("meetings.publish_agenda", meeting):
        raise PermissionDenied(NOT_ALLOWED_TO_PUBLISH.format(board=meeting.board))
    _lock(meeting)
    meeting.refresh_from_db()
    if meeting.is_agenda_published:
        raise ValidationError(
            AGENDA_ALREADY_PUBLISHED.format(date=_long_date(meeting.agenda_published_at))
        )
    if not meeting.agenda_items.exists():
        raise ValidationError(AGENDA_EMPTY)
    nation = meeting.board.partnership.nation
    meeting_date = timezone.localdate(meeting.starts_at)
    published_at = timezone.now()
    try:
        late = is_late(timezone.localdate(published_at), meeting_date, nation)
    except NoticeRuleNotSet as missing:
        raise ValidationError(str(missing)) from None
    urgency_reason = urgency_reason.strip()
    if late and not urgency_reason:
        last_day = last_day_to_publish(meeting_date, nation)
        raise ValidationError(
            {
                "urgency_reason": LATE_WITHOUT_REASON.format(
                    last_day=date_format(last_day, "l j F Y")
                )
            }
        )
    meeting.agenda_published_at = published_at
    meeting.urgency_reason = urgency_reason if late else ""
    meeting.full_clean()
    # Recorded in the history as the publisher's change, whichever way the service is called.
    meeting._history_user = by
    meeting.save()
    announce_agenda_published(meeting)
    return meeting
