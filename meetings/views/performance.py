"""Adding an outcome framework's performance report to a meeting's agenda."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.urls import path

from core.forms import CHOICE_INVALID
from meetings.models import Meeting
from meetings.services.performance import agenda_item_add_performance_report
from meetings.views.base import MeetingMixin, ServiceFormView
from outcomes.models import PerformanceReport

PERFORMANCE_REPORT_REQUIRED = "Choose the performance report to add."


class PerformanceReportChoiceForm(forms.Form):
    """One of the ready performance reports of the board's partnership's frameworks."""

    performance_report = forms.ModelChoiceField(
        label="Performance report",
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
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.radios("performance_report", legend_size="m"),
            Button.primary("submit", "Add to the agenda"),
        )


class AgendaItemAddPerformanceReportView(MeetingMixin, ServiceFormView):
    form_class = PerformanceReportChoiceForm
    heading = "Add a performance report"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def act(self, form) -> None:
        self.item = agenda_item_add_performance_report(
            meeting=self.meeting,
            performance_report=form.cleaned_data["performance_report"],
            by=self.request.user,
        )

    def success_message(self) -> str:
        return f"Item {self.item.position}, {self.item.title}, has been added."

    def get_success_url(self) -> str:
        return self.agenda_url()


urlpatterns = [
    path(
        "<int:pk>/agenda/items/add-performance-report/",
        AgendaItemAddPerformanceReportView.as_view(),
        name="agenda_item_add_performance_report",
    ),
]
