"""The form choosing the period a board's health is measured over, in the GOV.UK style."""

from crispy_forms_gds.layout import Field
from django import forms

from core.forms import form_helper

START_INVALID = "Enter the start of the period as a date, for example 1/4/2013."
END_INVALID = "Enter the end of the period as a date, for example 31/3/2014."
END_BEFORE_START = "The period must end on or after the day it starts."

# People type 1/4/2013, 1 4 2013 or 2013-04-01.
DATE_FORMATS = ["%d/%m/%Y", "%d %m %Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"]


class PeriodForm(forms.Form):
    """The days a board's health is measured over, both included."""

    start = forms.DateField(
        label="From",
        input_formats=DATE_FORMATS,
        help_text="For example, 1/4/2013",
        error_messages={"required": START_INVALID, "invalid": START_INVALID},
    )
    end = forms.DateField(
        label="To",
        input_formats=DATE_FORMATS,
        help_text="For example, 31/3/2014",
        error_messages={"required": END_INVALID, "invalid": END_INVALID},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget = forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"})
            field.widget.format = "%-d/%-m/%Y"
        self.helper = form_helper(
            Field.text("start", field_width=10), Field.text("end", field_width=10), button="Show"
        )
        self.helper.form_tag = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", END_BEFORE_START)
        return cleaned
