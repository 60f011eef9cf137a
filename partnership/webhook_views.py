"""A partnership's officers register partner systems' webhook endpoints and watch them."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, View
from rules.contrib.views import PermissionRequiredMixin

from core.service_views import ServiceFormView
from partnership.forms import WebhookEndpointForm
from partnership.lookups import PartnershipLookupMixin
from partnership.models import WebhookEndpoint, WebhookEvent
from partnership.services import webhook_endpoint_enable, webhook_endpoint_register

EDIT = "partnership.edit_records"
RECENT_DELIVERIES = 25


class PartnershipOfficersMixin(PartnershipLookupMixin, PermissionRequiredMixin):
    """A page for the officers of the partnership the address names."""

    permission_required = EDIT


class WebhookListView(PartnershipOfficersMixin, ListView):
    template_name = "partnership/webhook_list.html"
    context_object_name = "endpoints"
    disable_after = settings.WEBHOOK_DISABLE_AFTER_FAILURES

    def get_queryset(self):
        return self.partnership.webhook_endpoints.select_related("registered_by")


class WebhookRegisterView(PartnershipOfficersMixin, ServiceFormView):
    form_class = WebhookEndpointForm
    heading = _("Register a webhook endpoint")
    template_name = "partnership/webhook_form.html"

    def act(self, form) -> None:
        self.endpoint = webhook_endpoint_register(
            partnership=self.partnership,
            by=getattr(self.request.user, "person", None),
            **form.cleaned_data,
        )

    def success_message(self) -> str:
        return gettext(
            "The endpoint is registered. Give its signing secret to the partner's system."
        )

    def cancel_url(self) -> str:
        return reverse("partnership:webhook_list", args=[self.partnership.slug])

    def get_success_url(self) -> str:
        return self.endpoint.get_absolute_url()


class WebhookDetailView(PartnershipOfficersMixin, DetailView):
    template_name = "partnership/webhook_detail.html"
    context_object_name = "endpoint"

    def get_queryset(self):
        return self.partnership.webhook_endpoints.select_related("registered_by")

    def get_context_data(self, **kwargs):
        deliveries = self.object.deliveries.prefetch_related("tries")[:RECENT_DELIVERIES]
        labels = dict(WebhookEvent.choices)
        return super().get_context_data(
            deliveries=deliveries,
            event_labels=[labels[event] for event in self.object.events],
            **kwargs,
        )


class WebhookEnableView(PartnershipOfficersMixin, View):
    """Switches a switched-off endpoint back on (a POST from its page)."""

    def post(self, request, partnership, pk):
        endpoint = get_object_or_404(WebhookEndpoint, partnership=self.partnership, pk=pk)
        webhook_endpoint_enable(endpoint=endpoint)
        messages.success(
            request, gettext("The endpoint is switched on again; events are sent to it.")
        )
        return redirect(endpoint)
