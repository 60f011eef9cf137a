"""Writes to governance records: every change that a rule guards goes through here."""

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from governance.models import BoardMembership, JointAppointment, JointAppointmentShare

SHARES_MUST_TOTAL_100 = (
    "The employers' shares of cost must add up to 100%; they add up to {total}%."
)
JOINT_APPOINTMENT_NEEDS_TWO_EMPLOYERS = (
    "A joint appointment is held across at least two employing bodies."
)
ONE_SHARE_PER_EMPLOYER = "Each employing body has one share of a joint appointment."


def joint_appointment_shares_check(shares: Iterable[Decimal]) -> None:
    """A joint appointment has at least two employers whose shares of cost add up to 100%."""
    shares = list(shares)
    if len(shares) < 2:
        raise ValidationError(JOINT_APPOINTMENT_NEEDS_TWO_EMPLOYERS, code="too_few_employers")
    total = sum(shares, Decimal(0))
    if total != 100:
        raise ValidationError(
            SHARES_MUST_TOTAL_100.format(total=f"{total.normalize():f}"), code="shares_total"
        )


@transaction.atomic
def joint_appointment_save(
    *, appointment: JointAppointment, shares: list[dict]
) -> JointAppointment:
    """Saves an appointment and replaces its shares, which must add up to 100%."""
    rows = [JointAppointmentShare(appointment=appointment, **share) for share in shares]
    for row in rows:
        # The appointment may not be saved yet, and its old shares are about to be replaced.
        row.full_clean(exclude={"appointment"})
    joint_appointment_shares_check(row.cost_share_percent for row in rows)
    if len({row.organisation_id for row in rows}) < len(rows):
        raise ValidationError(ONE_SHARE_PER_EMPLOYER, code="duplicate_employer")
    appointment.full_clean()

    appointment.save()
    appointment.shares.all().delete()
    for row in rows:
        row.save()
    return appointment


@transaction.atomic
def membership_save(*, membership: BoardMembership) -> BoardMembership:
    """Saves a seat on a board; a person holds one seat per board at a time, a board one chair."""
    membership.full_clean()
    membership.save()
    return membership
