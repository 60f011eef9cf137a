"""The form of a partnership's reminder policy; the service checks and keeps what it says."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

WHOLE_DAYS = {
    "required": _("Enter a number of days."),
    "invalid": _("Enter a whole number of days."),
}


class ReminderPolicyForm(forms.Form):
    days_before = forms.CharField(
        label=_("Days before the deadline"),
        help_text=_("Remind the lead this many days before the deadline, e.g. 14, 3."),
        error_messages={"required": _("Enter the days before the deadline, for example 14, 3.")},
    )
    on_the_day = forms.BooleanField(
        label=_("On the day"),
        required=False,
        help_text=_("Remind the lead on the deadline itself."),
    )
    overdue_every_days = forms.IntegerField(
        label=_("While overdue, remind again every"),
        help_text=_("Days; 0 for never."),
        error_messages=WHOLE_DAYS,
    )
    escalate_after_days = forms.IntegerField(
        label=_("Tell the board's chair once an action is overdue by"),
        help_text=_(
            "Days; 0 for never. The chair of the lead board is told, or of the board "
            "whose remit the action serves."
        ),
        error_messages=WHOLE_DAYS,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        # The service's messages, in the error summary, replace the browser's own checks.
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.text("days_before", field_width=10),
            Field.checkbox("on_the_day"),
            Field.text("overdue_every_days", field_width=3),
            Field.text("escalate_after_days", field_width=3),
            Button.primary("submit", gettext("Save reminder policy")),
        )
