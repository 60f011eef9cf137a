"""At and after the meeting: attendance, the quorum, declarations, minutes and resolutions.

Minutes are drafted, approved at a later meeting of the board, then published. Once approved
they are the signed record: attendance, declarations and minutes no longer change, except a
minute's text through a recorded correction.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import long_date
from core.html import sanitise_html
from governance.models import Board, BoardMembership, Interest
from meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    Minute,
    MinuteCorrection,
    Resolution,
)
from meetings.services.announcements import announce_minutes_published
from outcomes.deadlines import deadline_from_wording
from outcomes.models import DevelopmentAction, OutcomeFramework
from partnership.models import Organisation, Person

MINUTES_LOCKED = _(
    "The minutes of {date} are {status}: they change only by a recorded correction to a minute."
)
PERSON_LISTED_TWICE = _("{person} is listed more than once.")
INTEREST_OF_SOMEONE_ELSE = _("The interest chosen is registered to {owner}, not to {person}.")
INTEREST_NOT_REGISTERED_THEN = _("The interest chosen was not on the register on {date}.")
ITEM_ON_ANOTHER_AGENDA = _("The item is on another meeting's agenda.")
ITEM_ALREADY_MINUTED = _("Item {position} already has minute {number}.")
RESOLUTION_WITH_ACTION_REMOVED = _(
    "Resolution {label} created development action {reference}, so it cannot be removed."
)
MINUTES_NOT_DRAFTED = _("There are no draft minutes of {date} to approve.")
MINUTES_ALREADY_APPROVED = _("The minutes of {date} were already approved at the meeting of {at}.")
# Minutes marked approved by hand, in the admin, may not say where.
MINUTES_ALREADY_APPROVED_UNRECORDED = _("The minutes of {date} were already approved.")
APPROVED_AT_ANOTHER_BOARD = _("Minutes of {board} are approved at a meeting of {board}.")
APPROVED_AT_EARLIER_MEETING = _(
    "The minutes of {date} are approved at a later meeting; the meeting of {at} is not later."
)
APPROVED_BEFORE_MEETING_HELD = _("The meeting of {at} has not taken place yet.")
MINUTES_NOT_APPROVED = _("Only approved minutes are published; the minutes of {date} are {status}.")
MINUTES_ALREADY_PUBLISHED = _("The minutes of {date} were already published on {published}.")
MINUTE_NOT_YET_APPROVED = _(
    "Minute {number} is not approved yet: change the draft rather than record a correction."
)
CORRECTION_CHANGES_NOTHING = _("The corrected text is the same as the minute's text.")
CORRECTION_AGREED_ELSEWHERE = _(
    "A correction is agreed at a later meeting of {board} than the one the minute records."
)
RESOLUTION_HAS_ACTION = _("This resolution already created development action {reference}.")
ACTION_REFERENCE_TAKEN = _("The partnership already has a development action {reference}.")

_LOCKED_STATUSES = {Meeting.MinutesStatus.APPROVED, Meeting.MinutesStatus.PUBLISHED}


class AttendanceEntry(NamedTuple):
    """One person's attendance as recorded; an empty status removes their record."""

    person: Person
    status: str
    capacity: str = ""


class ResolutionText(NamedTuple):
    label: str
    text: str
    text_cy: str = ""


@dataclass(frozen=True)
class Quorum:
    """How many voting members were present against the board's quorum."""

    required: int | None
    present: int

    @property
    def is_set(self) -> bool:
        return self.required is not None

    @property
    def is_quorate(self) -> bool:
        return self.required is not None and self.present >= self.required


def quorum_check(meeting: Meeting) -> Quorum:
    """Counts the voting members recorded present against the board's quorum; seats are those
    held on the day of the meeting."""
    voting_seats = (
        BoardMembership.objects.filter(
            board_id=meeting.board_id, role__in=BoardMembership.VOTING_ROLES
        )
        .held()
        .current(_day(meeting))
    )
    present = meeting.attendances.filter(
        status=Attendance.Status.PRESENT, person__in=voting_seats.values("person")
    ).count()
    return Quorum(required=meeting.board.quorum, present=present)


@transaction.atomic
def attendance_record(*, meeting: Meeting, entries: Iterable[AttendanceEntry]) -> None:
    """Sets each listed person's attendance; people not listed keep what was recorded."""
    _refuse_if_locked(meeting)
    entries = list(entries)
    seen: set[int] = set()
    for entry in entries:
        if entry.person.pk in seen:
            raise ValidationError(PERSON_LISTED_TWICE.format(person=entry.person))
        seen.add(entry.person.pk)

    for entry in entries:
        if not entry.status:
            Attendance.objects.filter(meeting=meeting, person=entry.person).delete()
            continue
        attendance = Attendance.objects.filter(meeting=meeting, person=entry.person).first()
        attendance = attendance or Attendance(meeting=meeting, person=entry.person)
        attendance.status = entry.status
        attendance.capacity = entry.capacity.strip()
        attendance.full_clean()
        attendance.save()


@transaction.atomic
def declaration_record(
    *,
    meeting: Meeting,
    person: Person,
    kind: str,
    description: str,
    agenda_item: AgendaItem | None = None,
    interest: Interest | None = None,
    left_the_meeting: bool = False,
) -> Declaration:
    """Records an interest declared at a meeting, linked to the person's registered interest."""
    _refuse_if_locked(meeting)
    if interest is not None:
        if interest.person_id != person.pk:
            raise ValidationError(
                {"interest": INTEREST_OF_SOMEONE_ELSE.format(owner=interest.person, person=person)}
            )
        day = _day(meeting)
        if interest.registered_on > day or (interest.ended_on and interest.ended_on < day):
            raise ValidationError(
                {"interest": INTEREST_NOT_REGISTERED_THEN.format(date=_date(meeting))}
            )
    declaration = Declaration(
        meeting=meeting,
        person=person,
        kind=kind,
        description=description.strip(),
        agenda_item=agenda_item,
        interest=interest,
        left_the_meeting=left_the_meeting,
    )
    declaration.full_clean()
    declaration.save()
    return declaration


@transaction.atomic
def declaration_remove(*, declaration: Declaration) -> None:
    """Removes a declaration recorded in error, while the minutes are still a draft."""
    _refuse_if_locked(declaration.meeting)
    declaration.delete()


@transaction.atomic
def minute_record(
    *,
    meeting: Meeting,
    title: str,
    body: str,
    title_cy: str = "",
    body_cy: str = "",
    agenda_item: AgendaItem | None = None,
    resolutions: Sequence[ResolutionText] = (),
    resolution_preamble: str = "",
) -> Minute:
    """Adds a minute with the board's next number in its municipal year; the minutes of the
    meeting become a draft."""
    _refuse_if_locked(meeting)
    # Numbers are taken one at a time per board: two clerks minuting at once must not both
    # take the same number (SQLite, which has no row locks, serialises writers itself).
    Board.objects.select_for_update().get(pk=meeting.board_id)
    minute = Minute(meeting=meeting)
    minute.clean()  # the board and the municipal year, from the meeting
    latest = Minute.objects.filter(
        board_id=minute.board_id, municipal_year=minute.municipal_year
    ).aggregate(latest=Max("number"))["latest"]
    minute.number = (latest or 0) + 1
    _write_minute(
        minute,
        title=title,
        body=body,
        title_cy=title_cy,
        body_cy=body_cy,
        agenda_item=agenda_item,
        resolutions=resolutions,
        resolution_preamble=resolution_preamble,
    )
    if meeting.minutes_status == Meeting.MinutesStatus.NONE:
        meeting.minutes_status = Meeting.MinutesStatus.DRAFT
        meeting.full_clean()
        meeting.save()
    return minute


@transaction.atomic
def minute_update(
    *,
    minute: Minute,
    title: str,
    body: str,
    title_cy: str = "",
    body_cy: str = "",
    agenda_item: AgendaItem | None = None,
    resolutions: Sequence[ResolutionText] = (),
    resolution_preamble: str = "",
) -> Minute:
    """Changes a draft minute and its resolutions; approved minutes only take corrections."""
    _refuse_if_locked(minute.meeting)
    _write_minute(
        minute,
        title=title,
        body=body,
        title_cy=title_cy,
        body_cy=body_cy,
        agenda_item=agenda_item,
        resolutions=resolutions,
        resolution_preamble=resolution_preamble,
    )
    return minute


@transaction.atomic
def minutes_approve(*, meeting: Meeting, at_meeting: Meeting, by: Person) -> Meeting:
    """Approves a meeting's draft minutes as a correct record at a later meeting of the board."""
    if meeting.minutes_status in _LOCKED_STATUSES:
        approved_at = meeting.minutes_approved_at_meeting
        message = (
            MINUTES_ALREADY_APPROVED.format(date=_date(meeting), at=_date(approved_at))
            if approved_at
            else MINUTES_ALREADY_APPROVED_UNRECORDED.format(date=_date(meeting))
        )
        raise ValidationError(message, code="already_approved")
    if meeting.minutes_status != Meeting.MinutesStatus.DRAFT:
        raise ValidationError(MINUTES_NOT_DRAFTED.format(date=_date(meeting)))
    if at_meeting.board_id != meeting.board_id:
        raise ValidationError(APPROVED_AT_ANOTHER_BOARD.format(board=meeting.board))
    if at_meeting.starts_at <= meeting.starts_at:
        raise ValidationError(
            APPROVED_AT_EARLIER_MEETING.format(date=_date(meeting), at=_date(at_meeting))
        )
    if at_meeting.starts_at > timezone.now():
        raise ValidationError(APPROVED_BEFORE_MEETING_HELD.format(at=_date(at_meeting)))
    meeting.minutes_status = Meeting.MinutesStatus.APPROVED
    meeting.minutes_approved_at_meeting = at_meeting
    meeting._change_reason = f"Minutes approved; recorded by {by}"[:100]
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def minutes_publish(*, meeting: Meeting, by: Person) -> Meeting:
    """Publishes approved minutes."""
    if meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED:
        raise ValidationError(
            MINUTES_ALREADY_PUBLISHED.format(
                date=_date(meeting),
                published=long_date(timezone.localdate(meeting.minutes_published_at)),
            )
        )
    if meeting.minutes_status != Meeting.MinutesStatus.APPROVED:
        raise ValidationError(
            MINUTES_NOT_APPROVED.format(
                date=_date(meeting), status=meeting.get_minutes_status_display().lower()
            )
        )
    meeting.minutes_status = Meeting.MinutesStatus.PUBLISHED
    meeting.minutes_published_at = timezone.now()
    meeting._change_reason = f"Minutes published by {by}"[:100]
    meeting.full_clean()
    meeting.save()
    announce_minutes_published(meeting)
    return meeting


@transaction.atomic
def minute_correct(
    *,
    minute: Minute,
    corrected_body: str,
    reason: str,
    by: Person,
    agreed_at: Meeting | None = None,
) -> MinuteCorrection:
    """Changes the text of an approved or published minute, recording what it said before."""
    meeting = minute.meeting
    if meeting.minutes_status not in _LOCKED_STATUSES:
        raise ValidationError(MINUTE_NOT_YET_APPROVED.format(number=minute.number))
    corrected_body = sanitise_html(corrected_body)
    if corrected_body == minute.body:
        raise ValidationError({"corrected_body": CORRECTION_CHANGES_NOTHING})
    if agreed_at is not None and (
        agreed_at.board_id != meeting.board_id or agreed_at.starts_at <= meeting.starts_at
    ):
        raise ValidationError(
            {"agreed_at": CORRECTION_AGREED_ELSEWHERE.format(board=meeting.board)}
        )
    correction = MinuteCorrection(
        minute=minute,
        reason=reason.strip(),
        previous_body=minute.body,
        corrected_body=corrected_body,
        made_by=by,
        agreed_at=agreed_at,
    )
    correction.full_clean()
    correction.save()
    minute.body = corrected_body
    minute._change_reason = f"Corrected by {by}"[:100]
    minute.full_clean()
    minute.save()
    return correction


@transaction.atomic
def resolution_create_action(
    *,
    resolution: Resolution,
    by: Person | None,
    reference: str,
    activity: str = "",
    framework: OutcomeFramework | None = None,
    lead_person: Person | None = None,
    lead_organisation: Organisation | None = None,
    lead_board: Board | None = None,
    deadline_wording: str = "",
) -> DevelopmentAction:
    """Turns a resolution into a development action of the board's partnership, linked to it."""
    if resolution.development_action_id is not None:
        raise ValidationError(
            RESOLUTION_HAS_ACTION.format(reference=resolution.development_action.reference)
        )
    partnership = resolution.minute.board.partnership
    reference = reference.strip()
    if DevelopmentAction.objects.filter(
        partnership=partnership, framework=framework, reference=reference
    ).exists():
        raise ValidationError({"reference": ACTION_REFERENCE_TAKEN.format(reference=reference)})
    deadline_wording = deadline_wording.strip()
    action = DevelopmentAction(
        partnership=partnership,
        framework=framework,
        reference=reference,
        activity=activity.strip() or resolution.text,
        lead_person=lead_person,
        lead_organisation=lead_organisation,
        lead_board=lead_board,
        deadline_wording=deadline_wording,
        deadline=deadline_from_wording(deadline_wording),
    )
    action._change_reason = (
        f"From minute {resolution.minute.number} {resolution.label}, by {by or 'an administrator'}"
    )[:100]
    action.full_clean()
    action.save()
    resolution.development_action = action
    resolution.full_clean()
    resolution.save()
    return action


def _write_minute(
    minute: Minute,
    *,
    title: str,
    body: str,
    title_cy: str,
    body_cy: str,
    agenda_item: AgendaItem | None,
    resolutions: Sequence[ResolutionText],
    resolution_preamble: str,
) -> None:
    meeting = minute.meeting
    if agenda_item is not None:
        if agenda_item.meeting_id != meeting.pk:
            raise ValidationError({"agenda_item": ITEM_ON_ANOTHER_AGENDA})
        taken = Minute.objects.filter(agenda_item=agenda_item).exclude(pk=minute.pk).first()
        if taken is not None:
            raise ValidationError(
                {
                    "agenda_item": ITEM_ALREADY_MINUTED.format(
                        position=agenda_item.position, number=taken.number
                    )
                }
            )
    minute.title = title.strip()
    minute.body = sanitise_html(body)
    minute.title_cy = title_cy.strip()
    minute.body_cy = sanitise_html(body_cy)
    minute.agenda_item = agenda_item
    minute.resolution_preamble = resolution_preamble.strip()
    minute.full_clean()
    minute.save()

    existing = {resolution.position: resolution for resolution in minute.resolutions.all()}
    for position, given in enumerate(resolutions, start=1):
        # A (label, text) pair is a ResolutionText without Welsh.
        written = ResolutionText(*given)
        resolution = existing.pop(position, None) or Resolution(minute=minute, position=position)
        resolution.label = written.label.strip()
        resolution.text = written.text.strip()
        resolution.text_cy = written.text_cy.strip()
        resolution.full_clean()
        resolution.save()
    for resolution in existing.values():
        if resolution.development_action_id is not None:
            raise ValidationError(
                RESOLUTION_WITH_ACTION_REMOVED.format(
                    label=resolution.label or resolution.position,
                    reference=resolution.development_action.reference,
                )
            )
        resolution.delete()


def _refuse_if_locked(meeting: Meeting) -> None:
    if meeting.minutes_status in _LOCKED_STATUSES:
        raise ValidationError(
            MINUTES_LOCKED.format(
                date=_date(meeting), status=meeting.get_minutes_status_display().lower()
            ),
            code="minutes_locked",
        )


def _day(meeting: Meeting) -> datetime.date:
    return timezone.localdate(meeting.starts_at)


def _date(meeting: Meeting) -> str:
    """A meeting's date as messages name it: 17 February 2011."""
    return long_date(_day(meeting))
