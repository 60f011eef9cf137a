"""Choosing an outcome framework's performance report to add to a meeting's agenda."""

from crispy_forms_gds.layout import Field
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import CHOICE_INVALID, form_helper
from meetings.models import Meeting
from outcomes.models import PerformanceReport

PERFORMANCE_REPORT_REQUIRED = _("Choose the performance report to add.")


class PerformanceReportChoiceForm(forms.Form):
    """One of the ready performance reports of the board's partnership's frameworks."""

    performance_report = forms.ModelChoiceField(
        label=_("Performance report"),
        queryset=PerformanceReport.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": PERFORMANCE_REPORT_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["performance_report"].queryset = (
            PerformanceReport.objects.filter(
                framework__partnership=meeting.board.partnership_id,
                status=PerformanceReport.Status.READY,
            )
            .select_related("framework")
            .order_by("framework__name", "-as_of", "-created_at")
        )
        self.helper = form_helper(
            Field.radios("performance_report", legend_size="m"), button=gettext("Add to the agenda")
        )
