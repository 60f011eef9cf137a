"""Projects on a board's agenda for approval, and the board's decision recorded from the
resolution that made it."""

from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from meetings.forms.project_items import ProjectDecisionForm, ProjectsForApprovalForm
from meetings.models import ProjectDecision
from meetings.services.agenda import agenda_item_add
from meetings.services.projects import project_decide, project_framework_sign_off, project_propose
from meetings.views.base import MeetingMixin, ServiceFormView
from meetings.views.minutes import ResolutionMixin


class AgendaItemAddProjectsView(MeetingMixin, ServiceFormView):
    form_class = ProjectsForApprovalForm
    template_name = "meetings/project_items/agenda_item_add.html"
    heading = _("Add projects for approval")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def act(self, form) -> None:
        self.item = agenda_item_add(meeting=self.meeting, **form.item_details())

    def success_message(self) -> str:
        return gettext("Item {position}, {title}, has been added.").format(
            position=self.item.position, title=self.item.title
        )

    def get_success_url(self) -> str:
        return self.agenda_url()


class ResolutionDecideProjectView(ResolutionMixin, ServiceFormView):
    form_class = ProjectDecisionForm
    template_name = "meetings/project_items/resolution_decide.html"
    heading = _("Record a project decision from a resolution")

    def act(self, form) -> None:
        decision = form.cleaned_data["decision"]
        step = {
            "project": form.cleaned_data["project"],
            "meeting": self.meeting,
            "resolution": self.resolution,
            "decided_on": timezone.localdate(self.meeting.starts_at),
            "by": self.request.user,
        }
        if decision == ProjectDecisionForm.Decision.PROPOSE:
            self.decision = project_propose(**step)
        elif decision == ProjectDecisionForm.Decision.SIGN_OFF:
            self.decision = project_framework_sign_off(board=self.meeting.board, **step)
        else:
            approve = decision == ProjectDecisionForm.Decision.APPROVE
            self.decision = project_decide(board=self.meeting.board, approve=approve, **step)

    def success_message(self) -> str:
        decision: ProjectDecision = self.decision
        return gettext("{project}: {step} by {board}.").format(
            project=decision.project, step=decision.get_step_display().lower(), board=decision.board
        )


urlpatterns = [
    path(
        "<int:pk>/agenda/items/add-projects/",
        AgendaItemAddProjectsView.as_view(),
        name="agenda_item_add_projects",
    ),
    path(
        "<int:pk>/resolutions/<int:resolution_pk>/project/",
        ResolutionDecideProjectView.as_view(),
        name="resolution_decide_project",
    ),
]
