"""Forms for partnership records in the GOV.UK style; the services check what they say."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from core.forms import CHOICE_INVALID, DayMonthYearField, form_helper
from partnership.models import Organisation

EFFECTIVE_ON_REQUIRED = "Enter the date the merger took effect."


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
    effective_on = DayMonthYearField(
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
