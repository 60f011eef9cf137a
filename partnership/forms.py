"""Forms for partnership records in the GOV.UK style; the services check what they say."""

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import CHOICE_INVALID, DayMonthYearField, form_helper
from partnership.models import Organisation, WebhookEvent
from partnership.webhook_addresses import webhook_url_check

EFFECTIVE_ON_REQUIRED = _("Enter the date the merger took effect.")


class MergerForm(forms.Form):
    """The organisations that merged into this one, and when."""

    predecessors = forms.ModelMultipleChoiceField(
        label=_("Organisations that merged"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select each organisation that merged to form this one."),
        error_messages={"invalid_choice": CHOICE_INVALID, "invalid_pk_value": CHOICE_INVALID},
    )
    effective_on = DayMonthYearField(
        label=_("Date the merger took effect"),
        help_text=_("For example, 1 10 2006"),
        required_message=EFFECTIVE_ON_REQUIRED,
    )
    description = forms.CharField(
        label=_("Description (optional)"), required=False, widget=forms.Textarea
    )

    def __init__(self, *args, successor: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        # The successor is not offered: it cannot be among the organisations it is formed from.
        self.fields["predecessors"].queryset = Organisation.objects.exclude(pk=successor.pk)
        self.helper = form_helper(
            Field.checkboxes("predecessors", small=True, legend_size=Size.SMALL),
            Field("effective_on"),
            Field.textarea("description", rows=3),
            button=gettext("Record merger"),
        )


URL_REQUIRED = _("Enter the address the partner's system receives events at.")
URL_INVALID = _("Enter an address starting https://, for example https://example.org/hooks.")
EVENTS_REQUIRED_HERE = _("Choose at least one event to send.")


class WebhookEndpointForm(forms.Form):
    """A partner system's address for the partnership's events, and which events it wants."""

    url = forms.URLField(
        label=_("Address"),
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "Where the events are sent, as an HTTP POST, for example "
            "https://performance.example.nhs.uk/hooks/governance"
        ),
        error_messages={"required": URL_REQUIRED, "invalid": URL_INVALID},
    )
    description = forms.CharField(
        label=_("Description (optional)"),
        required=False,
        max_length=200,
        help_text=_("For example, whose system it is and who to ask about it."),
    )
    events = forms.MultipleChoiceField(
        label=_("Events to send"),
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": EVENTS_REQUIRED_HERE, "invalid_choice": CHOICE_INVALID},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("url"),
            Field.text("description"),
            Field.checkboxes("events", small=True, legend_size=Size.SMALL),
            button=gettext("Register endpoint"),
        )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        # The service checks it too; here the officer sees why beside the field.
        webhook_url_check(url)
        return url
