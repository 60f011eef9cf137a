"""A partnership's reminder policy."""

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rules.contrib.views import PermissionRequiredMixin

from core.service_views import ServiceFormView
from outcomes.forms.reminders import ReminderPolicyForm
from outcomes.models import ReminderPolicy
from outcomes.services.reminders import reminder_policy_save
from partnership.models import Partnership


class ReminderPolicyView(PermissionRequiredMixin, ServiceFormView):
    """When the partnership's action leads are reminded of deadlines, and chairs told."""

    permission_required = "outcomes.change_framework"
    form_class = ReminderPolicyForm
    template_name = "outcomes/reminders/policy_form.html"
    heading = _("Reminders of action deadlines")

    @cached_property
    def policy(self) -> ReminderPolicy:
        partnership = get_object_or_404(Partnership, slug=self.kwargs["partnership"])
        # A partnership that has not set a policy is reminded by the default one.
        return ReminderPolicy.objects.filter(partnership=partnership).first() or ReminderPolicy(
            partnership=partnership
        )

    def get_permission_object(self) -> ReminderPolicy:
        return self.policy

    def get_initial(self):
        policy = self.policy
        return {
            "days_before": policy.days_before,
            "on_the_day": policy.on_the_day,
            "overdue_every_days": policy.overdue_every_days,
            "escalate_after_days": policy.escalate_after_days,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(partnership=self.policy.partnership, **kwargs)

    def act(self, form) -> None:
        reminder_policy_save(partnership=self.policy.partnership, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("The reminder policy has been saved.")

    def cancel_url(self) -> str:
        return self.policy.partnership.get_absolute_url()

    def get_success_url(self) -> str:
        return self.cancel_url()


urlpatterns = [
    path("<slug:partnership>/reminders/", ReminderPolicyView.as_view(), name="reminder_policy"),
]
