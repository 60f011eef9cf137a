"""What a partnership's archive holds of this app (core/portability.py): boards, remits, seats,
joint appointments, circulations and engagement; the register of interests of its people."""

from core.portability import Owned, Shared
from governance.models import (
    Board,
    BoardMembership,
    Circulation,
    CirculationRecipient,
    EngagementActivity,
    Interest,
    JointAppointment,
    JointAppointmentShare,
    RemitClause,
)
from partnership.models import Person

SECTIONS = [
    Owned(Board, lambda p: Board.objects.filter(partnership=p)),
    Owned(RemitClause, lambda p: RemitClause.objects.filter(board__partnership=p)),
    Owned(BoardMembership, lambda p: BoardMembership.objects.filter(board__partnership=p)),
    Owned(JointAppointment, lambda p: JointAppointment.objects.filter(partnership=p)),
    Owned(
        JointAppointmentShare,
        lambda p: JointAppointmentShare.objects.filter(appointment__partnership=p),
    ),
    Owned(Circulation, lambda p: Circulation.objects.filter(board__partnership=p)),
    Owned(
        CirculationRecipient,
        lambda p: CirculationRecipient.objects.filter(circulation__board__partnership=p),
    ),
    Owned(EngagementActivity, lambda p: EngagementActivity.objects.filter(partnership=p)),
    # A person's register is theirs, whichever partnership they sit in: all of it travels.
    Shared(
        Interest,
        natural_key=("person", "kind", "description", "registered_on"),
        order_by=("person__name", "registered_on", "kind", "description"),
        seeds=lambda p, held: Interest.objects.filter(person__in=held[Person]),
    ),
]
