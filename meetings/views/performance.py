"""Adding an outcome framework's performance report to a meeting's agenda."""

from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from meetings.forms.performance import PerformanceReportChoiceForm
from meetings.services.performance import agenda_item_add_performance_report
from meetings.views.base import MeetingMixin, ServiceFormView


class AgendaItemAddPerformanceReportView(MeetingMixin, ServiceFormView):
    form_class = PerformanceReportChoiceForm
    heading = _("Add a performance report")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def act(self, form) -> None:
        self.item = agenda_item_add_performance_report(
            meeting=self.meeting,
            performance_report=form.cleaned_data["performance_report"],
            by=self.request.user,
        )

    def success_message(self) -> str:
        return gettext("Item {position}, {title}, has been added.").format(
            position=self.item.position, title=self.item.title
        )

    def get_success_url(self) -> str:
        return self.agenda_url()


urlpatterns = [
    path(
        "<int:pk>/agenda/items/add-performance-report/",
        AgendaItemAddPerformanceReportView.as_view(),
        name="agenda_item_add_performance_report",
    ),
]
