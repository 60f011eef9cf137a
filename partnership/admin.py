"""Admin for partnerships, their organisations, areas, people and partner systems."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ReadOnlyAdminMixin
from partnership.models import (
    Area,
    Merger,
    Organisation,
    PartnerMembership,
    Partnership,
    PartnerSystem,
    Person,
    Theme,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)
from partnership.services import partner_system_access_revoke, partner_system_secret_rotate


@admin.register(Area)
class AreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "nation", "parent", "code"]
    list_filter = ["kind", "nation"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "area", "founded_on", "dissolved_on"]
    list_filter = ["kind", "founded_on", "dissolved_on"]
    search_fields = ["name", "short_name"]
    autocomplete_fields = ["area"]
    list_select_related = ["area"]


@admin.register(Merger)
class MergerAdmin(SimpleHistoryAdmin):
    list_display = ["successor", "effective_on"]
    list_filter = ["effective_on"]
    search_fields = ["successor__name", "predecessors__name"]
    autocomplete_fields = ["successor"]
    filter_horizontal = ["predecessors"]
    list_select_related = ["successor"]


class PartnerMembershipInline(admin.TabularInline):
    model = PartnerMembership
    autocomplete_fields = ["organisation"]
    extra = 0


@admin.register(Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "nation", "area", "established_on"]
    list_filter = ["kind", "nation"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["area"]
    list_select_related = ["area"]
    inlines = [PartnerMembershipInline]


@admin.register(PartnerMembership)
class PartnerMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "partnership", "joined_on", "left_on"]
    list_filter = ["partnership", "joined_on", "left_on"]
    search_fields = ["organisation__name", "partnership__name"]
    autocomplete_fields = ["partnership", "organisation"]
    list_select_related = ["organisation", "partnership"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "job_title", "organisation", "capacity", "email"]
    list_filter = ["capacity"]
    search_fields = ["name", "job_title", "email", "organisation__name"]
    autocomplete_fields = ["organisation", "user"]
    list_select_related = ["organisation"]


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "partnership", "is_cross_cutting"]
    list_filter = ["partnership", "is_cross_cutting"]
    search_fields = ["name", "partnership__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["partnership"]
    list_select_related = ["partnership"]


@admin.register(PartnerSystem)
class PartnerSystemAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "partnership", "can_read", "can_write", "is_active"]
    list_filter = ["partnership", "can_read", "can_write", "is_active"]
    search_fields = ["name", "organisation__name"]
    autocomplete_fields = ["partnership", "organisation"]
    list_select_related = ["organisation", "partnership"]
    actions = ["replace_client_secret", "revoke_access"]

    @admin.action(description=_("Replace the client secret (shown once)"))
    def replace_client_secret(self, request, queryset):
        # Each new secret is shown on a page of its own, never kept in a message or cookie.
        secrets = []
        for system in queryset:
            try:
                secret = partner_system_secret_rotate(system=system, by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                secrets.append((system, secret))
        if not secrets:
            return None
        return TemplateResponse(
            request,
            "admin/partnership/partnersystem/new_secrets.html",
            {**self.admin_site.each_context(request), "secrets": secrets, "opts": self.model._meta},
        )

    @admin.action(description=_("Revoke API access"))
    def revoke_access(self, request, queryset):
        for system in queryset:
            partner_system_access_revoke(system=system, by=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d partner system can no longer call the API.",
                "%(count)d partner systems can no longer call the API.",
                len(queryset),
            )
            % {"count": len(queryset)},
            messages.SUCCESS,
        )


# Endpoints are registered on the partnership's webhooks page, which gives each its secret.
@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["url", "partnership", "is_active", "consecutive_failures", "disabled_at"]
    list_filter = ["partnership", "is_active"]
    search_fields = ["url", "description"]
    list_select_related = ["partnership"]
    exclude = ["secret"]


class WebhookAttemptInline(admin.TabularInline):
    model = WebhookAttempt
    extra = 0
    can_delete = False
    readonly_fields = ["attempted_at", "status_code", "error", "duration_ms"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["event", "endpoint", "status", "attempts", "next_attempt_at", "delivered_at"]
    list_filter = ["status", "event"]
    search_fields = ["endpoint__url", "event_key"]
    list_select_related = ["endpoint"]
    inlines = [WebhookAttemptInline]
