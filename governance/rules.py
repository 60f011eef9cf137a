"""Who may do what with boards: chairs and clerks run them, scrutiny members read them."""

import rules
from django.utils import timezone

from governance.models import Board, BoardMembership
from partnership.rules import is_administrator, is_officer_of, person_of


def _current_roles(principal, board: Board | None) -> set[str]:
    person = person_of(principal)
    if person is None or board is None:
        return set()
    return set(
        BoardMembership.objects.filter(board=board, person=person)
        .current(timezone.localdate())
        .values_list("role", flat=True)
    )


@rules.predicate
def is_chair_or_clerk(principal, board: Board | None) -> bool:
    return bool(
        _current_roles(principal, board) & {BoardMembership.Role.CHAIR, BoardMembership.Role.CLERK}
    )


@rules.predicate
def is_board_member(principal, board: Board | None) -> bool:
    """Holds any current seat on the board, including in attendance and as clerk."""
    return bool(_current_roles(principal, board))


@rules.predicate
def is_scrutiny_member_of(principal, board: Board | None) -> bool:
    """Sits on a scrutiny committee that scrutinises the board."""
    person = person_of(principal)
    if person is None or board is None:
        return False
    return (
        BoardMembership.objects.filter(
            person=person,
            board__kind=Board.Kind.SCRUTINY_COMMITTEE,
            board__scrutinises=board,
        )
        .current(timezone.localdate())
        .exists()
    )


@rules.predicate
def is_officer_of_board_partnership(principal, board: Board | None) -> bool:
    return board is not None and is_officer_of(principal, board.partnership)


can_edit_board = is_officer_of_board_partnership | is_administrator

rules.add_perm("governance.view_board", rules.always_allow)
rules.add_perm("governance.change_board", can_edit_board)
rules.add_perm("governance.view_joint_appointments", is_officer_of | is_administrator)
