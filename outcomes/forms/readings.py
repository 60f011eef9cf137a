"""Forms for recording readings: one reading typed in, or a file of them uploaded.

They parse and present; the rules (a period that ends after it starts, one reading per period,
every row of a file sound) are the services', whose refusals the views show on these forms.
"""

from crispy_forms_gds.layout import Field
from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import DayMonthYearField, form_helper
from core.uploads import FILE_IS_EMPTY, check_spreadsheet, size_in_words
from outcomes.forms.frameworks import (
    PERIOD_END_REQUIRED,
    PERIOD_START_REQUIRED,
    NumberField,
)
from outcomes.models import Reading
from outcomes.services.readings import parse_number

VALUE_REQUIRED = _("Enter the value the indicator reached in the period.")
VALUE_TOO_MANY_DIGITS = _(
    "Enter a value with at most {whole} digits before the decimal point and {places} after it."
)
FILE_REQUIRED = _("Select a CSV file or an Excel workbook of readings.")

SPREADSHEET_ACCEPT = (
    ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)


class ReadingValueField(NumberField):
    """A reading's value as people write it, thousands grouped with commas or not."""

    def __init__(self, **kwargs):
        field = Reading._meta.get_field("value")
        super().__init__(max_digits=field.max_digits, decimal_places=field.decimal_places, **kwargs)
        too_many_digits = VALUE_TOO_MANY_DIGITS.format(
            whole=field.max_digits - field.decimal_places, places=field.decimal_places
        )
        self.error_messages.update(
            required=VALUE_REQUIRED,
            max_digits=too_many_digits,
            max_decimal_places=too_many_digits,
            max_whole_digits=too_many_digits,
        )

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            number = parse_number(value)
            if number is None:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
            return number
        return super().to_python(value)


class ReadingForm(forms.Form):
    """One reading of an indicator: its period, its value and a note."""

    period_start = DayMonthYearField(
        label=_("Start of the period"),
        help_text=_("For example, 1 4 2014"),
        required_message=PERIOD_START_REQUIRED,
    )
    period_end = DayMonthYearField(
        label=_("End of the period"),
        help_text=_("For example, 31 3 2015"),
        required_message=PERIOD_END_REQUIRED,
    )
    value = ReadingValueField(label=_("Value"))
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Where the figure comes from, or why it is provisional."),
    )

    def __init__(self, *args, unit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].help_text = gettext("In {unit}").format(unit=unit) if unit else ""
        self.helper = form_helper(
            Field("period_start"),
            Field("period_end"),
            Field.text("value", field_width=10),
            Field.textarea("note", rows=3),
            button=gettext("Save reading"),
        )


class ReadingsUploadForm(forms.Form):
    upload = forms.FileField(
        label=_("Upload a file"),
        validators=[check_spreadsheet],
        widget=forms.FileInput(attrs={"accept": SPREADSHEET_ACCEPT}),
        error_messages={"required": FILE_REQUIRED, "empty": FILE_IS_EMPTY},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].help_text = gettext(
            "A CSV file saved as UTF-8, or an Excel workbook (.xlsx) whose first sheet holds "
            "the readings. It must be smaller than {size}."
        ).format(size=size_in_words(settings.MAX_UPLOAD_BYTES))
        self.helper = form_helper(Field("upload"), button=gettext("Upload readings"))
