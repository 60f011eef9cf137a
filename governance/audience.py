"""An API caller's audience, with the boards it sits on, runs and scrutinises."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from governance.models import Board, BoardMembership
from partnership.audience import EVERYTHING, Audience


@dataclass(frozen=True)
class BoardAudience(Audience):
    """Adds the boards whose unpublished and exempt papers the caller's seats open to it."""

    member_of: frozenset[int] = frozenset()
    runs: frozenset[int] = frozenset()
    scrutinises: frozenset[int] = frozenset()

    @classmethod
    def _for(cls, principal) -> "BoardAudience":
        audience = Audience._for(principal)
        seats = (
            BoardMembership.objects.filter(person=audience.person).current(timezone.localdate())
            if audience.person
            else BoardMembership.objects.none()
        )
        seat_rows = list(seats.values_list("board_id", "role", "board__kind"))
        committees = [
            board for board, _, kind in seat_rows if kind == Board.Kind.SCRUTINY_COMMITTEE
        ]
        scrutinised = Board.scrutinises.through.objects.filter(from_board_id__in=committees)
        return cls(
            **vars(audience),
            member_of=frozenset(board for board, _, _ in seat_rows),
            runs=frozenset(
                board
                for board, role, _ in seat_rows
                if role in (BoardMembership.Role.CHAIR, BoardMembership.Role.CLERK)
            ),
            scrutinises=frozenset(scrutinised.values_list("to_board_id", flat=True))
            if committees
            else frozenset(),
        )

    def insider(self, board: str) -> Q:
        """Records of boards the caller sits on, or of partnerships it is an officer of.

        These are `meetings.rules.insider`: they see a board's unpublished and exempt papers.
        """
        if self.is_administrator:
            return EVERYTHING
        return Q(**{f"{board}__in": self.member_of}) | self.officer(f"{board}__partnership")

    def scrutineer(self, board: str) -> Q:
        return Q(**{f"{board}__in": self.scrutinises})

    def runs_or_officer(self, board: str) -> Q:
        """A board's chair and clerk, and its partnership's officers (who write its reports)."""
        if self.is_administrator:
            return EVERYTHING
        return Q(**{f"{board}__in": self.runs}) | self.officer(f"{board}__partnership")
