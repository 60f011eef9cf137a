"""Pieces every app's GOV.UK forms share: the message for a bad choice, an optional choice,
a date in three boxes, and the helper that lays out the fields above one button."""

import datetime

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Layout
from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

CHOICE_INVALID = _("Choose one from the list.")
DATE_REQUIRED = _("Enter the date.")
DATE_INVALID = _("Enter a real date, for example 1 4 2013.")


def optional_choice(
    label: str,
    model: type[models.Model],
    *,
    field_class: type[forms.ModelChoiceField] = forms.ModelChoiceField,
    empty_label: str = _("None"),
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


class DayMonthYearField(DateInputField):
    """Day, month and year in three boxes; a half-typed or impossible date gets one message."""

    def __init__(
        self,
        *,
        required_message: str = DATE_REQUIRED,
        invalid_message: str = DATE_INVALID,
        **kwargs,
    ):
        # Each box is checked, so one left empty is refused rather than the date taken as none.
        super().__init__(require_all_fields=False, **kwargs)
        self.error_messages.update(required=required_message, invalid=invalid_message)

    def clean(self, value):
        try:
            return super().clean(value)
        except forms.ValidationError as error:
            if getattr(error, "code", None) == "required":
                raise
            # The error summary lists each box's own errors: the date's one message stands alone.
            for box in self.fields:
                box.widget.errors = []
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def form_helper(*fields, button: str, warning: bool = False) -> FormHelper:
    """The fields, then one button: a red one when `warning`, for a step hard to undo."""
    helper = FormHelper()
    # The services' messages, in the error summary, replace the browser's own checks.
    helper.attrs = {"novalidate": ""}
    submit = Button.warning if warning else Button.primary
    helper.layout = Layout(*fields, submit("submit", button))
    return helper


# Dates as people in the UK type them into one box (1/4/2013, 1 4 2013, 1.4.2013), two-digit
# years, and the ISO date a link carries.
UK_DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d %m %Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]


class TypedDateField(forms.DateField):
    """A date typed into one text box, for tables of rows and filters where three boxes for day,
    month and year would not fit; shown back as 1/4/2013."""

    widget = forms.TextInput

    def __init__(self, *, invalid_message: str, **kwargs):
        super().__init__(input_formats=UK_DATE_FORMATS, **kwargs)
        self.error_messages["invalid"] = invalid_message
        self.widget.attrs.update({"spellcheck": "false", "autocomplete": "off"})

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return f"{value:%-d/%-m/%Y}"
        return value
