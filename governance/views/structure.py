"""The structure of a partnership, drawn: its boards, partners and who sits for whom."""

from collections import defaultdict
from dataclasses import dataclass

from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from governance.diagrams import board_forest, structure_svg, walk
from governance.models import Board, BoardMembership
from partnership.models import Organisation, Partnership

NO_ORGANISATION = _("No organisation named")


@dataclass
class SeatRow:
    """A board's current seats, one cell per organisation in the table's column order."""

    board: Board
    cells: list[list[str]]


def seat_label(seat: BoardMembership) -> str:
    """Who holds the seat, or the office it is for when no holder is recorded."""
    holder = str(seat.person) if seat.person else seat.office or gettext("Holder not recorded")
    if seat.role in (BoardMembership.Role.CHAIR, BoardMembership.Role.VICE_CHAIR):
        return gettext("{holder} ({role})").format(
            holder=holder, role=seat.get_role_display().lower()
        )
    return holder


class PartnershipStructureView(DetailView):
    """The partnership's boards as a tree, its partners, and its boards' seats by organisation."""

    model = Partnership
    slug_url_kwarg = "partnership"
    template_name = "governance/structure.html"

    def get_context_data(self, **kwargs):
        partnership = self.object
        boards = list(partnership.boards.all())
        for board in boards:
            # Every box and row links to its board, whose address names the partnership.
            board.partnership = partnership
        forest = board_forest(boards)
        partners = list(
            partnership.partnermembership_set.select_related("organisation").order_by(
                "organisation__name"
            )
        )
        seats = (
            BoardMembership.objects.filter(board__partnership=partnership)
            .current()
            .select_related("person", "organisation")
            .order_by("board", "role", "person__name", "office")
        )
        columns, rows = self._seat_table(forest, partners, seats)
        return super().get_context_data(
            partnership=partnership,
            forest=forest,
            diagram=structure_svg(
                forest,
                title=gettext("How the boards of {partnership} report").format(
                    partnership=partnership
                ),
            ),
            partners=partners,
            columns=columns,
            seat_rows=rows,
            **kwargs,
        )

    @staticmethod
    def _seat_table(forest, partners, seats) -> tuple[list[str], list[SeatRow]]:
        """Columns: the current partners, then any other organisation a seat is for, then
        seats for none; rows: the boards in the order of the tree."""
        by_board: dict[int, dict[Organisation | None, list[str]]] = defaultdict(
            lambda: defaultdict(list)
        )
        organisations: dict[Organisation | None, None] = {
            partner.organisation: None for partner in partners if partner.left_on is None
        }
        for seat in seats:
            by_board[seat.board_id][seat.organisation].append(seat_label(seat))
        for seat in seats:
            organisations.setdefault(seat.organisation, None)
        # Seats for no organisation come last, whatever order they were met in.
        if None in organisations:
            del organisations[None]
            organisations[None] = None
        columns = [
            (organisation.short_name or organisation.name) if organisation else NO_ORGANISATION
            for organisation in organisations
        ]
        rows = [
            SeatRow(
                node.board,
                [by_board[node.board.pk].get(organisation, []) for organisation in organisations],
            )
            for node in walk(forest)
        ]
        return columns, rows


urlpatterns = [
    path(
        "<slug:partnership>/structure/",
        PartnershipStructureView.as_view(),
        name="partnership_structure",
    ),
]
