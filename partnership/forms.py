"""Forms for partnership records in the GOV.UK style; the services check what they say."""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Field, Size
from django import forms

from core.forms import CHOICE_INVALID, form_helper
from partnership.models import Organisation

DATE_INVALID = "Enter a real date, for example 1 10 2006."
EFFECTIVE_ON_REQUIRED = "Enter the date the merger took effect."


class DateField(DateInputField):
    """Day, month and year in three boxes, with messages that say what to do."""

    def __init__(self, *, required_message: str = DATE_INVALID, **kwargs):
        super().__init__(**kwargs)
        self.error_messages.update(required=required_message, incomplete=required_message)

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except forms.ValidationError:
            raise forms.ValidationError(DATE_INVALID, code="invalid") from None


class MergerForm(forms.Form):
    """The organisations that merged into this one, and when."""

    predecessors = forms.ModelMultipleChoiceField(
        label="Organisations that merged",
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select each organisation that merged to form this one.",
        error_messages={"invalid_choice": CHOICE_INVALID, "invalid_pk_value": CHOICE_INVALID},
    )
    effective_on = DateField(
        label="Date the merger took effect",
        help_text="For example, 1 10 2006",
        required_message=EFFECTIVE_ON_REQUIRED,
    )
    description = forms.CharField(
        label="Description (optional)", required=False, widget=forms.Textarea
    )

    def __init__(self, *args, successor: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        # The successor is not offered: it cannot be among the organisations it is formed from.
        self.fields["predecessors"].queryset = Organisation.objects.exclude(pk=successor.pk)
        self.helper = form_helper(
            Field.checkboxes("predecessors", small=True, legend_size=Size.SMALL),
            Field("effective_on"),
            Field.textarea("description", rows=3),
            button="Record merger",
        )
