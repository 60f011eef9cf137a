"""Seats on boards: who sits for which organisation or office, in which role, when."""

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.service_views import ServiceFormView
from governance.forms.seats import SeatEndForm, SeatFillForm, SeatForm
from governance.models import Board, BoardMembership
from governance.seats import seat_add, seat_end, seat_fill, seat_update
from governance.views.base import CHANGE_BOARD, BoardLookupMixin


def seats_url(board: Board) -> str:
    return reverse("governance:board_seats", args=[board.partnership.slug, board.slug])


class BoardSeatsView(BoardLookupMixin, TemplateView):
    """The board's current seats, its vacancies and its past seats."""

    template_name = "governance/memberships/board_seats.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        seats = list(
            self.board.memberships.select_related("person", "organisation").order_by(
                "-started_on", "person__name"
            )
        )
        not_ended = [seat for seat in seats if seat.ended_on is None or seat.ended_on >= today]
        return super().get_context_data(
            held=[seat for seat in not_ended if seat.person_id],
            vacancies=[seat for seat in not_ended if seat.person_id is None],
            past=[seat for seat in seats if seat.ended_on and seat.ended_on < today],
            can_edit=self.request.user.has_perm(CHANGE_BOARD, self.board),
            **kwargs,
        )


class SeatEditMixin(PermissionRequiredMixin):
    """A page changing the board's seats, for those who may edit the board."""

    permission_required = CHANGE_BOARD
    template_name = "governance/memberships/form_page.html"

    def get_success_url(self) -> str:
        return seats_url(self.board)

    def cancel_url(self) -> str:
        return seats_url(self.board)


class SeatLookupMixin(BoardLookupMixin):
    """Finds one seat of the board."""

    @cached_property
    def seat(self) -> BoardMembership:
        return get_object_or_404(
            BoardMembership.objects.select_related("person", "organisation"),
            board=self.board,
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(seat=self.seat, **kwargs)


class SeatAddView(BoardLookupMixin, SeatEditMixin, ServiceFormView):
    form_class = SeatForm
    heading = _("Add a seat")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def act(self, form) -> None:
        self.seat = seat_add(board=self.board, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("The seat has been added: {seat}.").format(seat=self.seat)


class SeatChangeView(SeatLookupMixin, SeatEditMixin, ServiceFormView):
    form_class = SeatForm
    heading = _("Change the seat")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def get_initial(self):
        seat = self.seat
        return {
            "person": seat.person_id,
            "office": seat.office,
            "organisation": seat.organisation_id,
            "role": seat.role,
            "started_on": seat.started_on,
            "ended_on": seat.ended_on,
        }

    def act(self, form) -> None:
        seat_update(seat=self.seat, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("The seat has been changed: {seat}.").format(seat=self.seat)


class SeatEndView(SeatLookupMixin, SeatEditMixin, ServiceFormView):
    form_class = SeatEndForm
    heading = _("End the seat")

    def get_initial(self):
        return {"ended_on": timezone.localdate()}

    def act(self, form) -> None:
        seat_end(seat=self.seat, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("The seat has ended: {seat}.").format(seat=self.seat)


class SeatFillView(SeatLookupMixin, SeatEditMixin, ServiceFormView):
    form_class = SeatFillForm
    heading = _("Fill the vacant seat")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def act(self, form) -> None:
        seat_fill(seat=self.seat, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("The seat has been filled: {seat}.").format(seat=self.seat)


BOARD = "<slug:partnership>/boards/<slug:slug>/seats/"
SEAT = f"{BOARD}<int:pk>/"

urlpatterns = [
    path(BOARD, BoardSeatsView.as_view(), name="board_seats"),
    path(f"{BOARD}add/", SeatAddView.as_view(), name="seat_add"),
    path(f"{SEAT}change/", SeatChangeView.as_view(), name="seat_change"),
    path(f"{SEAT}end/", SeatEndView.as_view(), name="seat_end"),
    path(f"{SEAT}fill/", SeatFillView.as_view(), name="seat_fill"),
]
