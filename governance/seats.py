"""Seats on boards: adding, changing, ending and filling them.

Every refusal names what is wrong before anything is written. When two editors save clashing
seats at the same moment, the database refuses the second (the open-seat indexes everywhere,
exclusion constraints on PostgreSQL), and the same message is given.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from core.dates import long_date
from governance.models import CHAIR_OVERLAPS, SEAT_OVERLAPS, Board, BoardMembership
from partnership.models import Organisation, Person

SEAT_ENDS_BEFORE_START = _("A seat cannot end before it starts.")
SEAT_NEEDS_HOLDER = _("Choose the person, or name the office or organisation the seat is for.")
SEAT_DUPLICATE = _(
    "{board} already has a {role} seat for {capacity} then: fill or change that seat instead."
)
SEAT_NOT_VACANT = _("{person} holds this seat: end it and add a new seat instead.")
SEAT_ALREADY_ENDED = _("This seat ended on {date}.")
FILL_NEEDS_PERSON = _("Choose who now holds the seat.")
END_NEEDS_DATE = _("Enter the date the seat ends.")

# SQLite names the columns of the open chair's index, not the index itself.
SQLITE_OPEN_CHAIR = "UNIQUE constraint failed: governance_boardmembership.board_id"


def _capacity(seat: BoardMembership) -> str:
    return ", ".join(part for part in (seat.office, str(seat.organisation or "")) if part)


def _clashes(seat: BoardMembership):
    return (
        BoardMembership.objects.filter(board=seat.board)
        .exclude(pk=seat.pk)
        .overlapping(seat.started_on, seat.ended_on)
    )


def _seat_check(seat: BoardMembership) -> None:
    """The seat's dates are in order, it names a holder, and it clashes with no other seat."""
    if seat.started_on and seat.ended_on and seat.ended_on < seat.started_on:
        raise ValidationError({"ended_on": SEAT_ENDS_BEFORE_START})
    if seat.person_id is None and not seat.office and seat.organisation_id is None:
        raise ValidationError(SEAT_NEEDS_HOLDER)
    clashes = _clashes(seat)
    if seat.person_id and clashes.filter(person=seat.person).exists():
        raise ValidationError(SEAT_OVERLAPS.format(person=seat.person, board=seat.board))
    if (
        seat.person_id
        and seat.role == BoardMembership.Role.CHAIR
        and clashes.filter(role=BoardMembership.Role.CHAIR, person__isnull=False).exists()
    ):
        raise ValidationError(CHAIR_OVERLAPS.format(board=seat.board))
    # The same office for the same body in the same role, where one of the two is vacant, is
    # one seat recorded twice; two people sitting for one council are two seats.
    same_seat = clashes.filter(role=seat.role, office=seat.office, organisation=seat.organisation)
    if seat.person_id:
        same_seat = same_seat.filter(person__isnull=True)
    if (seat.office or seat.organisation_id) and same_seat.exists():
        raise ValidationError(
            SEAT_DUPLICATE.format(
                board=seat.board,
                role=seat.get_role_display().lower(),
                capacity=_capacity(seat),
            )
        )


def _seat_save(seat: BoardMembership) -> BoardMembership:
    seat.office = seat.office.strip()
    _seat_check(seat)
    seat.full_clean()
    try:
        with transaction.atomic():
            seat.save()
    except IntegrityError as refusal:
        raise ValidationError(_refusal_message(refusal, seat)) from refusal
    return seat


def _refusal_message(refusal: IntegrityError, seat: BoardMembership) -> str:
    """What the database's refusal of a clashing seat means, from its constraint's name."""
    text = str(refusal)
    if "chair" in text or text.strip() == SQLITE_OPEN_CHAIR:
        return CHAIR_OVERLAPS.format(board=seat.board)
    if "person" in text:
        return SEAT_OVERLAPS.format(person=seat.person, board=seat.board)
    raise refusal


@transaction.atomic
def seat_add(
    *,
    board: Board,
    person: Person | None,
    organisation: Organisation | None,
    office: str,
    role: str,
    started_on: datetime.date | None,
    ended_on: datetime.date | None = None,
) -> BoardMembership:
    """Adds a seat, held or vacant; a person holds one seat per board at a time."""
    return _seat_save(
        BoardMembership(
            board=board,
            person=person,
            organisation=organisation,
            office=office,
            role=role,
            started_on=started_on,
            ended_on=ended_on,
        )
    )


@transaction.atomic
def seat_update(
    *,
    seat: BoardMembership,
    person: Person | None,
    organisation: Organisation | None,
    office: str,
    role: str,
    started_on: datetime.date | None,
    ended_on: datetime.date | None,
) -> BoardMembership:
    """Corrects a seat's record; each version is kept in its history."""
    seat.person, seat.organisation, seat.office, seat.role = person, organisation, office, role
    seat.started_on, seat.ended_on = started_on, ended_on
    return _seat_save(seat)


@transaction.atomic
def seat_end(*, seat: BoardMembership, ended_on: datetime.date) -> BoardMembership:
    """Ends a seat that has not ended, on or after the day it started."""
    if seat.ended_on is not None:
        raise ValidationError(SEAT_ALREADY_ENDED.format(date=long_date(seat.ended_on)))
    seat.ended_on = ended_on
    return _seat_save(seat)


@transaction.atomic
def seat_fill(
    *, seat: BoardMembership, person: Person, started_on: datetime.date | None
) -> BoardMembership:
    """Names the holder of a vacant seat, who holds it from the day given."""
    if seat.person_id is not None:
        raise ValidationError(SEAT_NOT_VACANT.format(person=seat.person))
    seat.person, seat.started_on = person, started_on or seat.started_on
    return _seat_save(seat)
