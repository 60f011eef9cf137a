"""Who may do what with boards: chairs and clerks run them, scrutiny members read them."""

import rules
from django.utils import timezone

from governance.models import Board, BoardMembership
from partnership.models import Person
from partnership.rules import (
    is_administrator,
    is_officer_of,
    officer_partnership_ids,
    person_of,
)


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


# The register of interests. A council's register of members' interests is public (Localism
# Act 2011, s. 29), as is an NHS board's register of its directors' interests; an officer's
# register is kept for their employer and partners, so it is shown to the partnership's officers.
def _seat_partnership_ids(person: Person) -> set[int]:
    """The partnerships of the boards on which the person holds a seat today."""
    return set(
        BoardMembership.objects.filter(person=person)
        .current(timezone.localdate())
        .values_list("board__partnership_id", flat=True)
    )


@rules.predicate
def is_the_person(principal, person: Person | None) -> bool:
    own = person_of(principal)
    return own is not None and person is not None and own.pk == person.pk


@rules.predicate
def is_officer_of_a_partnership_they_sit_on(principal, person: Person | None) -> bool:
    if person is None:
        return False
    officer_of = officer_partnership_ids(principal)
    return bool(officer_of and officer_of & _seat_partnership_ids(person))


@rules.predicate
def holds_public_office(principal, person: Person | None) -> bool:
    """Councillors, non-executives and representatives: their registers are public."""
    return person is not None and person.capacity != Person.Capacity.OFFICER


can_change_interests = is_the_person | is_officer_of_a_partnership_they_sit_on | is_administrator

rules.add_perm("governance.view_interests", holds_public_office | can_change_interests)
rules.add_perm("governance.change_interests", can_change_interests)
# A partnership's register shows its officer members' interests to its own officers only.
rules.add_perm("governance.view_officers_interests", is_officer_of | is_administrator)


# Circulations are internal: the boards' members, whoever received one, and the partnership's
# officers read them; its officers and a board's chair or clerk send them.
@rules.predicate
def is_member_of_circulation_board(principal, circulation) -> bool:
    """Holds a current seat on a board the circulation went to."""
    person = person_of(principal)
    if person is None or circulation is None:
        return False
    boards = [circulation.board_id, *(board.pk for board in circulation.also_to.all())]
    return BoardMembership.objects.filter(person=person, board_id__in=boards).current().exists()


@rules.predicate
def is_circulation_recipient(principal, circulation) -> bool:
    person = person_of(principal)
    return person is not None and circulation.recipients.filter(person=person).exists()


@rules.predicate
def is_officer_of_circulation_partnership(principal, circulation) -> bool:
    return is_officer_of(principal, circulation.board.partnership)


rules.add_perm("governance.circulate", is_officer_of_board_partnership | is_chair_or_clerk)
rules.add_perm(
    "governance.view_circulations",
    is_board_member | is_officer_of_board_partnership | is_administrator,
)
rules.add_perm(
    "governance.view_circulation",
    is_officer_of_circulation_partnership
    | is_member_of_circulation_board
    | is_circulation_recipient
    | is_administrator,
)
