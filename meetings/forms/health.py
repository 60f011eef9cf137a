"""The form choosing the period a board's health is measured over, in the GOV.UK style."""

from crispy_forms_gds.layout import Field
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import TypedDateField, form_helper

START_INVALID = _("Enter the start of the period as a date, for example 1/4/2013.")
END_INVALID = _("Enter the end of the period as a date, for example 31/3/2014.")
END_BEFORE_START = _("The period must end on or after the day it starts.")


class PeriodForm(forms.Form):
    """The days a board's health is measured over, both included."""

    start = TypedDateField(
        label=_("From"),
        help_text=_("For example, 1/4/2013"),
        invalid_message=START_INVALID,
        error_messages={"required": START_INVALID},
    )
    end = TypedDateField(
        label=_("To"),
        help_text=_("For example, 31/3/2014"),
        invalid_message=END_INVALID,
        error_messages={"required": END_INVALID},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("start", field_width=10),
            Field.text("end", field_width=10),
            button=gettext("Show"),
        )
        self.helper.form_tag = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", END_BEFORE_START)
        return cleaned
