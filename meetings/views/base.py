"""What the pages of the meeting cycle share: acting on a form through a service, and finding
the board or meeting a page is about, with its permission check."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from rules.contrib.views import PermissionRequiredMixin

from governance.models import Board
from meetings.models import Meeting


def _show_errors(form: forms.Form, error: ValidationError) -> None:
    """Puts a service's errors on the fields they name, and any others above the form."""
    by_field = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, field_messages in by_field.items():
        form.add_error(field if field in form.fields else None, field_messages)


class ServiceFormView(FormView):
    """A form whose valid data a service acts on; the service's refusals show on the form.

    Subclasses say what to do with `act(form)` and what to tell the user with
    `success_message()`; `cancel_url()` is where the page's Cancel link leads.
    """

    template_name = "meetings/form_page.html"
    heading = ""

    def form_valid(self, form):
        try:
            self.act(form)
        except ValidationError as error:
            _show_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message())
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.heading, cancel_url=self.cancel_url(), **kwargs
        )


class BoardMixin(PermissionRequiredMixin):
    permission_required = "meetings.schedule_meeting"

    @cached_property
    def board(self) -> Board:
        return get_object_or_404(
            Board.objects.select_related("partnership"), pk=self.kwargs["board_pk"]
        )

    def get_permission_object(self) -> Board:
        return self.board

    def cancel_url(self) -> str:
        return self.board.get_absolute_url()


class MeetingMixin(PermissionRequiredMixin):
    """A view of one meeting, open to those who may build its agenda unless it says otherwise."""

    permission_required = "meetings.change_meeting"

    @cached_property
    def meeting(self) -> Meeting:
        return get_object_or_404(
            Meeting.objects.select_related("board__partnership"), pk=self.kwargs["pk"]
        )

    def get_permission_object(self) -> Meeting:
        return self.meeting

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, board=self.meeting.board, **kwargs)

    def agenda_url(self) -> str:
        return reverse("meetings:agenda_build", args=[self.meeting.pk])

    def cancel_url(self) -> str:
        return self.agenda_url()
