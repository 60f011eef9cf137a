"""Admin for outcome frameworks, indicators with their targets and readings, and actions."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ReadOnlyAdminMixin
from outcomes.models import (
    ActionUpdate,
    AreaForImprovement,
    Contribution,
    DevelopmentAction,
    Indicator,
    Milestone,
    Outcome,
    OutcomeFramework,
    PerformanceReport,
    Project,
    Reading,
    Reminder,
    ReminderPolicy,
    Spend,
    Target,
)


class OutcomeInline(admin.TabularInline):
    model = Outcome
    fields = ["number", "title", "theme"]
    autocomplete_fields = ["theme"]
    show_change_link = True
    extra = 0


class AreaForImprovementInline(admin.TabularInline):
    model = AreaForImprovement
    extra = 0


@admin.register(OutcomeFramework)
class OutcomeFrameworkAdmin(SimpleHistoryAdmin):
    list_display = ["name", "partnership", "kind", "status", "starts_on", "ends_on"]
    list_filter = ["partnership", "kind", "status", "starts_on"]
    search_fields = ["name", "partnership__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["partnership"]
    filter_horizontal = ["themes"]
    list_select_related = ["partnership"]
    inlines = [OutcomeInline, AreaForImprovementInline]


@admin.register(Outcome)
class OutcomeAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "framework", "theme"]
    list_filter = ["framework__partnership", "framework"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["framework", "theme"]
    list_select_related = ["framework", "theme"]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


class ReadingInline(admin.TabularInline):
    model = Reading
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "outcome", "unit", "polarity", "frequency", "lead_board"]
    list_filter = ["outcome__framework__partnership", "polarity", "frequency"]
    search_fields = ["name", "source"]
    autocomplete_fields = ["outcome", "lead_organisation", "lead_board"]
    list_select_related = ["outcome", "lead_board"]
    inlines = [TargetInline, ReadingInline]


class PeriodValueAdmin(SimpleHistoryAdmin):
    """Targets and readings: one value per indicator and period."""

    list_display = ["indicator", "period_start", "period_end", "value"]
    list_filter = ["indicator__outcome__framework__partnership", "period_start"]
    search_fields = ["indicator__name"]
    autocomplete_fields = ["indicator"]
    list_select_related = ["indicator"]


admin.site.register(Target, PeriodValueAdmin)
admin.site.register(Reading, PeriodValueAdmin)


@admin.register(AreaForImprovement)
class AreaForImprovementAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "framework"]
    list_filter = ["framework__partnership"]
    search_fields = ["text"]
    autocomplete_fields = ["framework"]
    list_select_related = ["framework"]


class ActionUpdateInline(admin.StackedInline):
    model = ActionUpdate
    autocomplete_fields = ["author"]
    extra = 0


@admin.register(DevelopmentAction)
class DevelopmentActionAdmin(SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "lead_person",
        "lead_board",
        "deadline_wording",
        "deadline",
        "status",
    ]
    list_filter = ["partnership", "status", "deadline"]
    search_fields = ["reference", "activity", "lead_person__name"]
    autocomplete_fields = [
        "partnership",
        "framework",
        "area_for_improvement",
        "remit_clause",
        "lead_person",
        "lead_organisation",
        "lead_board",
    ]
    list_select_related = ["lead_person", "lead_board"]
    inlines = [ActionUpdateInline]


@admin.register(ActionUpdate)
class ActionUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "status", "written_on"]
    list_filter = ["action__partnership", "status", "written_on"]
    search_fields = ["text", "action__reference", "author__name"]
    autocomplete_fields = ["action", "author"]
    list_select_related = ["action", "author"]


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Reminders are written only by the reminder service, as it sends them."""

    list_display = ["__str__", "kind", "recipient", "sent_at", "failed_attempts"]
    list_filter = ["action__partnership", "kind", "deadline", "sent_at"]
    search_fields = ["action__reference", "recipient__name"]
    list_select_related = ["action", "recipient"]


@admin.register(ReminderPolicy)
class ReminderPolicyAdmin(SimpleHistoryAdmin):
    list_display = ["partnership", "days_before", "on_the_day", "overdue_every_days"]


@admin.register(PerformanceReport)
class PerformanceReportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Performance reports are written only by the worker that renders them."""

    list_display = ["__str__", "status", "created_at", "rendered_at"]
    list_filter = ["framework__partnership", "status"]
    list_select_related = ["framework"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ["name", "partnership", "proposing_board", "status"]
    list_filter = ["partnership", "status"]
    search_fields = ["name"]
    autocomplete_fields = ["lead_organisation", "lead_officer"]
    list_select_related = ["partnership", "proposing_board"]
    inlines = [MilestoneInline]


@admin.register(Contribution)
class ContributionAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "project", "outcome", "financial_year", "kind", "amount"]
    list_filter = ["partnership", "financial_year", "kind"]
    search_fields = ["organisation__name", "project__name"]
    list_select_related = ["organisation", "project", "outcome"]


@admin.register(Spend)
class SpendAdmin(SimpleHistoryAdmin):
    list_display = ["project", "spent_on", "amount", "description"]
    list_filter = ["financial_year"]
    search_fields = ["project__name", "description"]
    list_select_related = ["project"]
