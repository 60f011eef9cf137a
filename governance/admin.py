"""Admin for boards, their remits and seats, joint appointments and the register of interests."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ReadOnlyAdminMixin
from governance.forms.admin import BoardMembershipFormSet, JointAppointmentShareFormSet
from governance.models import (
    Board,
    BoardMembership,
    Circulation,
    CirculationRecipient,
    EngagementActivity,
    Interest,
    JointAppointment,
    JointAppointmentShare,
    RemitClause,
)


class RemitClauseInline(admin.TabularInline):
    model = RemitClause
    extra = 0


class BoardMembershipInline(admin.TabularInline):
    model = BoardMembership
    formset = BoardMembershipFormSet
    autocomplete_fields = ["person", "organisation"]
    extra = 0


@admin.register(Board)
class BoardAdmin(SimpleHistoryAdmin):
    list_display = ["name", "partnership", "kind", "status", "reports_to", "cadence"]
    list_filter = ["partnership", "kind", "status", "established_on", "dissolved_on"]
    search_fields = ["name", "partnership__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["partnership", "reports_to", "theme"]
    filter_horizontal = ["scrutinises"]
    list_select_related = ["partnership", "reports_to"]
    inlines = [RemitClauseInline, BoardMembershipInline]


@admin.register(RemitClause)
class RemitClauseAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "board"]
    list_filter = ["board__partnership"]
    search_fields = ["heading", "text", "board__name"]
    autocomplete_fields = ["board"]
    list_select_related = ["board"]


@admin.register(BoardMembership)
class BoardMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "role", "board", "organisation", "office", "started_on", "ended_on"]
    list_filter = ["board__partnership", "role", "started_on", "ended_on"]
    search_fields = ["person__name", "office", "board__name", "organisation__name"]
    autocomplete_fields = ["board", "person", "organisation"]
    list_select_related = ["person", "board", "organisation"]


class JointAppointmentShareInline(admin.TabularInline):
    """Shares are edited only here, with their appointment, so that they can add up to 100%."""

    model = JointAppointmentShare
    formset = JointAppointmentShareFormSet
    autocomplete_fields = ["organisation"]

    def get_extra(self, request, obj=None, **kwargs) -> int:
        return 2 if obj is None else 0


@admin.register(JointAppointment)
class JointAppointmentAdmin(SimpleHistoryAdmin):
    list_display = ["post_title", "holder", "partnership", "started_on", "review_due_on"]
    list_filter = ["partnership", "started_on", "ended_on", "review_due_on"]
    search_fields = ["post_title", "holder__name"]
    autocomplete_fields = ["partnership", "holder"]
    list_select_related = ["holder", "partnership"]
    inlines = [JointAppointmentShareInline]


@admin.register(Interest)
class InterestAdmin(SimpleHistoryAdmin):
    list_display = ["person", "kind", "organisation", "registered_on", "ended_on"]
    list_filter = ["kind", "registered_on", "ended_on"]
    search_fields = ["person__name", "description", "organisation__name"]
    autocomplete_fields = ["person", "organisation", "area"]
    list_select_related = ["organisation"]

    def get_queryset(self, request):
        # The person is part of every interest's name, in lists and in autocomplete results.
        return super().get_queryset(request).select_related("person")


class CirculationRecipientInline(admin.TabularInline):
    model = CirculationRecipient
    fields = ["person", "email", "sent_at", "failed_attempts", "last_error"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Circulation)
class CirculationAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Circulations are written by the circulation service, which queues their e-mail."""

    list_display = ["title", "board", "kind", "status", "created_at", "sent_at"]
    list_filter = ["board__partnership", "kind", "status"]
    search_fields = ["title", "board__name"]
    list_select_related = ["board"]
    inlines = [CirculationRecipientInline]


@admin.register(EngagementActivity)
class EngagementActivityAdmin(SimpleHistoryAdmin):
    list_display = ["topic", "organisation", "audience", "area", "starts_on", "ends_on"]
    list_filter = ["partnership", "method", "starts_on"]
    search_fields = ["topic", "audience", "organisation__name"]
    list_select_related = ["organisation", "area"]
