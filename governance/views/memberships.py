"""Seats on boards: who sits for which organisation or office, in which role, when."""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Field
from django import forms
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.forms import CHOICE_INVALID, form_helper, optional_choice
from core.service_views import ServiceFormView
from governance.models import Board, BoardMembership
from governance.seats import (
    END_NEEDS_DATE,
    FILL_NEEDS_PERSON,
    seat_add,
    seat_end,
    seat_fill,
    seat_update,
)
from governance.views.remits import CHANGE_BOARD, BoardLookupMixin
from partnership.models import Organisation, Person

DATE_INVALID = "Enter a real date, for example 26 11 2013."
ROLE_REQUIRED = "Choose the role of the seat."


class SeatDateField(DateInputField):
    """Day, month and year in three boxes, with messages that say what to do."""

    def __init__(self, *, required_message: str = "", **kwargs):
        super().__init__(**kwargs)
        if required_message:
            self.error_messages.update(required=required_message, incomplete=required_message)

    def compress(self, data_list):
        if any(data_list) and not all(data_list):
            # Left to itself the field would take a half-typed date for no date at all.
            raise forms.ValidationError(DATE_INVALID, code="incomplete")
        try:
            return super().compress(data_list)
        except forms.ValidationError:
            raise forms.ValidationError(DATE_INVALID, code="invalid") from None


def _people_of(board: Board):
    """People of the partnership's organisations and anyone sitting on one of its boards."""
    partnership = board.partnership
    return (
        Person.objects.filter(
            Q(organisation__partnermembership__partnership=partnership)
            | Q(board_memberships__board__partnership=partnership)
        )
        .distinct()
        .order_by("name")
    )


class SeatForm(forms.Form):
    """Who holds a seat (or no one yet), for which office or organisation, in which role."""

    person = optional_choice(
        "Held by (optional)", Person, empty_label="Vacant", help_text="Leave vacant if no one does."
    )
    office = forms.CharField(
        label="Office (optional)",
        max_length=200,
        required=False,
        help_text="The office the seat is held by, for example Chief Executive.",
    )
    organisation = optional_choice("For the organisation (optional)", Organisation)
    role = forms.ChoiceField(
        label="Role",
        choices=BoardMembership.Role.choices,
        initial=BoardMembership.Role.MEMBER,
        error_messages={"invalid_choice": CHOICE_INVALID, "required": ROLE_REQUIRED},
    )
    started_on = SeatDateField(
        label="From (optional)", required=False, help_text="For example, 26 11 2013"
    )
    ended_on = SeatDateField(
        label="To (optional)", required=False, help_text="Leave empty while the seat is held."
    )

    def __init__(self, *args, board: Board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _people_of(board)
        self.fields["organisation"].queryset = board.partnership.organisations.order_by("name")
        self.helper = form_helper(
            Field.select("person"),
            Field.text("office"),
            Field.select("organisation"),
            Field.select("role"),
            Field("started_on"),
            Field("ended_on"),
            button="Save seat",
        )


class SeatEndForm(forms.Form):
    ended_on = SeatDateField(label="Ended on", required_message=END_NEEDS_DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field("ended_on"), button="End the seat", warning=True)


class SeatFillForm(forms.Form):
    person = forms.ModelChoiceField(
        label="Held by",
        queryset=Person.objects.none(),
        error_messages={"required": FILL_NEEDS_PERSON, "invalid_choice": CHOICE_INVALID},
    )
    started_on = SeatDateField(label="From", required=False, help_text="For example, 1 4 2014")

    def __init__(self, *args, board: Board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _people_of(board)
        self.helper = form_helper(
            Field.select("person"), Field("started_on"), button="Fill the seat"
        )


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
    heading = "Add a seat"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def act(self, form) -> None:
        self.seat = seat_add(board=self.board, **form.cleaned_data)

    def success_message(self) -> str:
        return f"The seat has been added: {self.seat}."


class SeatChangeView(SeatLookupMixin, SeatEditMixin, ServiceFormView):
    form_class = SeatForm
    heading = "Change the seat"

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
        return f"The seat has been changed: {self.seat}."


class SeatEndView(SeatLookupMixin, SeatEditMixin, ServiceFormView):
    form_class = SeatEndForm
    heading = "End the seat"

    def get_initial(self):
        return {"ended_on": timezone.localdate()}

    def act(self, form) -> None:
        seat_end(seat=self.seat, **form.cleaned_data)

    def success_message(self) -> str:
        return f"The seat has ended: {self.seat}."


class SeatFillView(SeatLookupMixin, SeatEditMixin, ServiceFormView):
    form_class = SeatFillForm
    heading = "Fill the vacant seat"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def act(self, form) -> None:
        seat_fill(seat=self.seat, **form.cleaned_data)

    def success_message(self) -> str:
        return f"The seat has been filled: {self.seat}."


# The fields a seat's history shows, in the order the page lists them.
HISTORY_FIELDS = {
    "person": "Held by",
    "office": "Office",
    "organisation": "Organisation",
    "role": "Role",
    "started_on": "From",
    "ended_on": "To",
}


class SeatHistoryView(SeatLookupMixin, PermissionRequiredMixin, TemplateView):
    """Every version of a seat: who changed what, and when."""

    permission_required = CHANGE_BOARD
    template_name = "governance/memberships/seat_history.html"

    def get_context_data(self, **kwargs):
        records = list(
            self.seat.history.select_related("history_user", "person", "organisation").order_by(
                "history_date", "history_id"
            )
        )
        for previous, record in zip([None, *records], records, strict=False):
            record.changed = []
            if previous is not None:
                changed = record.diff_against(previous, included_fields=list(HISTORY_FIELDS))
                record.changed = [
                    label
                    for name, label in HISTORY_FIELDS.items()
                    if name in changed.changed_fields
                ]
        return super().get_context_data(records=list(reversed(records)), **kwargs)


BOARD = "<slug:partnership>/boards/<slug:slug>/seats/"
SEAT = f"{BOARD}<int:pk>/"

urlpatterns = [
    path(BOARD, BoardSeatsView.as_view(), name="board_seats"),
    path(f"{BOARD}add/", SeatAddView.as_view(), name="seat_add"),
    path(f"{SEAT}change/", SeatChangeView.as_view(), name="seat_change"),
    path(f"{SEAT}end/", SeatEndView.as_view(), name="seat_end"),
    path(f"{SEAT}fill/", SeatFillView.as_view(), name="seat_fill"),
    path(f"{SEAT}history/", SeatHistoryView.as_view(), name="seat_history"),
]
