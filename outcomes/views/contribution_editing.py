"""Officers record in the browser what partners put in and what a pooled budget spends."""

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rules.contrib.views import PermissionRequiredMixin

from core.service_views import ServiceFormView
from outcomes.forms.contributions import ContributionForm, SpendForm
from outcomes.models import Project
from outcomes.services.contributions import contribution_record, spend_record
from partnership.lookups import PartnershipLookupMixin
from partnership.models import Partnership

EDIT_RECORDS = "partnership.edit_records"
TEMPLATE = "outcomes/contributions/editing/form_page.html"


class ContributionAddView(PartnershipLookupMixin, PermissionRequiredMixin, ServiceFormView):
    """A partner's contribution; ?project=<slug> chooses the project the page was opened from."""

    permission_required = EDIT_RECORDS
    form_class = ContributionForm
    template_name = TEMPLATE
    heading = _("Record a contribution")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partnership": self.partnership}

    def get_initial(self):
        slug = self.request.GET.get("project")
        project = Project.objects.filter(partnership=self.partnership, slug=slug).first()
        return {"project": project} if slug and project else {}

    def act(self, form) -> None:
        self.contribution = contribution_record(
            partnership=self.partnership, by=self.request.user, **form.cleaned_data
        )

    def success_message(self) -> str:
        return gettext("{contribution} has been recorded.").format(contribution=self.contribution)

    def get_success_url(self) -> str:
        if self.contribution.project is not None:
            return self.contribution.project.get_absolute_url()
        return self.cancel_url()

    def cancel_url(self) -> str:
        return reverse("outcomes:contributions", args=[self.partnership.slug])


class SpendAddView(PermissionRequiredMixin, ServiceFormView):
    """Money spent from the project's pooled budget; the project's officers record it."""

    permission_required = EDIT_RECORDS
    form_class = SpendForm
    template_name = TEMPLATE

    @cached_property
    def project(self) -> Project:
        return get_object_or_404(
            Project.objects.select_related("partnership"),
            partnership__slug=self.kwargs["partnership"],
            slug=self.kwargs["slug"],
        )

    @property
    def heading(self) -> str:
        return gettext("Record spending on {project}").format(project=self.project)

    def get_permission_object(self) -> Partnership:
        return self.project.partnership

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            caption=str(self.project.partnership),
            partnership=self.project.partnership,
            project=self.project,
            **kwargs,
        )

    def act(self, form) -> None:
        self.spend = spend_record(project=self.project, by=self.request.user, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("{spend} has been recorded against the pooled budget.").format(
            spend=self.spend
        )

    def get_success_url(self) -> str:
        return self.project.get_absolute_url()

    def cancel_url(self) -> str:
        return self.get_success_url()


urlpatterns = [
    path(
        "<slug:partnership>/contributions/new/",
        ContributionAddView.as_view(),
        name="contribution_add",
    ),
    path(
        "<slug:partnership>/projects/<slug:slug>/spending/new/",
        SpendAddView.as_view(),
        name="spend_add",
    ),
]
