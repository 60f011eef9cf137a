"""Officers keep a project in the browser: start it, change it, plan it, give it a framework."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from rules.contrib.views import PermissionRequiredMixin

from core.service_views import ServiceFormView
from outcomes.forms.projects import MilestoneForm, ProjectForm
from outcomes.models import Milestone, Project
from outcomes.services.projects import (
    milestone_add,
    milestone_update,
    project_create,
    project_edit,
    project_framework_create,
)
from partnership.lookups import PartnershipLookupMixin
from partnership.models import Partnership

# The same officers (or an administrator) keep a partnership's projects as start its
# frameworks; a project may have no framework yet to ask about.
EDIT_RECORDS = "partnership.edit_records"
TEMPLATE = "outcomes/projects/editing/form_page.html"


class ProjectCreateView(PartnershipLookupMixin, PermissionRequiredMixin, ServiceFormView):
    permission_required = EDIT_RECORDS
    form_class = ProjectForm
    template_name = TEMPLATE
    heading = _("New project")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partnership": self.partnership}

    def act(self, form) -> None:
        self.project = project_create(
            partnership=self.partnership, by=self.request.user, **form.cleaned_data
        )

    def success_message(self) -> str:
        return gettext("{project} has been started as a draft.").format(project=self.project)

    def get_success_url(self) -> str:
        return self.project.get_absolute_url()

    def cancel_url(self) -> str:
        return self.partnership.get_absolute_url()


class ProjectMixin(PermissionRequiredMixin):
    """A page about one project, for its partnership's officers; it then leads back there."""

    permission_required = EDIT_RECORDS
    template_name = TEMPLATE

    @cached_property
    def project(self) -> Project:
        return get_object_or_404(
            Project.objects.select_related("partnership"),
            partnership__slug=self.kwargs["partnership"],
            slug=self.kwargs["slug"],
        )

    def get_permission_object(self) -> Partnership:
        return self.project.partnership

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            caption=str(self.project),
            partnership=self.project.partnership,
            project=self.project,
            **kwargs,
        )

    def get_success_url(self) -> str:
        return self.project.get_absolute_url()

    def cancel_url(self) -> str:
        return self.get_success_url()


class ProjectEditView(ProjectMixin, ServiceFormView):
    form_class = ProjectForm
    heading = _("Edit the project")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "partnership": self.project.partnership,
            "project": self.project,
        }

    def act(self, form) -> None:
        self.project = project_edit(project=self.project, by=self.request.user, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("{project} has been changed.").format(project=self.project)


class MilestoneAddView(ProjectMixin, ServiceFormView):
    form_class = MilestoneForm
    heading = _("Add a milestone")

    def act(self, form) -> None:
        self.milestone = milestone_add(
            project=self.project, by=self.request.user, **form.cleaned_data
        )

    def success_message(self) -> str:
        return gettext("{title} has been added to the delivery plan.").format(
            title=self.milestone.title
        )


class MilestoneEditView(ProjectMixin, ServiceFormView):
    form_class = MilestoneForm
    heading = _("Change a milestone")

    @cached_property
    def milestone(self) -> Milestone:
        return get_object_or_404(self.project.milestones, pk=self.kwargs["pk"])

    def get_initial(self):
        milestone = self.milestone
        return {
            "title": milestone.title,
            "starts_on": milestone.starts_on,
            "ends_on": milestone.ends_on,
            "status": milestone.status,
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "button": gettext("Save changes")}

    def act(self, form) -> None:
        milestone_update(milestone=self.milestone, by=self.request.user, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("{title} has been changed.").format(title=self.milestone.title)


class ProjectFrameworkCreateView(ProjectMixin, View):
    """The project page's button: the framework spans the delivery plan, and is then filled in
    on its own page; a refusal is told on the project's page."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            framework = project_framework_create(project=self.project, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(self.project.get_absolute_url())
        messages.success(
            request,
            gettext(
                "{framework} has been created: add its outcomes, indicators and targets."
            ).format(framework=framework),
        )
        return redirect(framework.get_absolute_url())


PROJECT = "<slug:partnership>/projects/<slug:slug>"

urlpatterns = [
    path("<slug:partnership>/projects/new/", ProjectCreateView.as_view(), name="project_create"),
    path(f"{PROJECT}/edit/", ProjectEditView.as_view(), name="project_edit"),
    path(f"{PROJECT}/milestones/new/", MilestoneAddView.as_view(), name="milestone_add"),
    path(
        f"{PROJECT}/milestones/<int:pk>/edit/", MilestoneEditView.as_view(), name="milestone_edit"
    ),
    path(
        f"{PROJECT}/framework/",
        ProjectFrameworkCreateView.as_view(),
        name="project_framework_create",
    ),
]
