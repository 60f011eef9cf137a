"""Pieces every app's GOV.UK forms share: the message for a bad choice, an optional choice,
and the helper that lays out the fields above one button."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Layout
from django import forms
from django.db import models

CHOICE_INVALID = "Choose one from the list."


def optional_choice(
    label: str,
    model: type[models.Model],
    *,
    field_class: type[forms.ModelChoiceField] = forms.ModelChoiceField,
    empty_label: str = "None",
    **kwargs,
) -> forms.ModelChoiceField:
    """A choice of `model` that may be left empty; each form sets the records it offers."""
    return field_class(
        label=label,
        queryset=model.objects.none(),
        required=False,
        empty_label=empty_label,
        error_messages={"invalid_choice": CHOICE_INVALID},
        **kwargs,
    )


def form_helper(*fields, button: str, warning: bool = False) -> FormHelper:
    """The fields, then one button: a red one when `warning`, for a step hard to undo."""
    helper = FormHelper()
    # The services' messages, in the error summary, replace the browser's own checks.
    helper.attrs = {"novalidate": ""}
    submit = Button.warning if warning else Button.primary
    helper.layout = Layout(*fields, submit("submit", button))
    return helper
