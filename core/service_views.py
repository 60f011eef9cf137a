"""A form page whose valid data a service acts on, shared by every app's editing pages."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView


def show_errors(form: forms.Form, error: ValidationError) -> None:
    """Puts a service's errors on the fields they name, and any others above the form."""
    by_field = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, field_messages in by_field.items():
        form.add_error(field if field in form.fields else None, field_messages)


class ServiceFormView(FormView):
    """A form whose valid data a service acts on; the service's refusals show on the form.

    Subclasses say what to do with `act(form)` and what to tell the user with
    `success_message()`; `cancel_url()` is where the page's Cancel link leads.
    """

    template_name = "form_page.html"
    heading = ""

    def form_valid(self, form):
        try:
            self.act(form)
        except ValidationError as error:
            show_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message())
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.heading, cancel_url=self.cancel_url(), **kwargs
        )
