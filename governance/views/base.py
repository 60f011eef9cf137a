"""What the governance pages share: finding the board an address names."""

from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property

from governance.models import Board

CHANGE_BOARD = "governance.change_board"


class BoardLookupMixin:
    """Finds the board by its partnership's slug and its own; the page then talks about it."""

    @cached_property
    def board(self) -> Board:
        return get_object_or_404(
            Board.objects.select_related("partnership"),
            partnership__slug=self.kwargs["partnership"],
            slug=self.kwargs["slug"],
        )

    def get_permission_object(self) -> Board:
        return self.board

    def get_context_data(self, **kwargs):
        kwargs.setdefault("caption", str(self.board))
        kwargs.update(board=self.board, partnership=self.board.partnership)
        return super().get_context_data(**kwargs)
