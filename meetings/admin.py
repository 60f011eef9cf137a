"""Admin for meetings, their agendas, reports, attendance, minutes and agenda packs."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import NestedObjects
from django.core.exceptions import ValidationError
from django.db import router
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ReadOnlyAdminMixin
from meetings.models import (
    AgendaItem,
    AgendaPack,
    Appendix,
    Attendance,
    Declaration,
    Meeting,
    Minute,
    MinuteCorrection,
    ProjectDecision,
    RenderedSection,
    Report,
    Resolution,
)
from meetings.retention import DOCUMENT_MODELS, kept_until, retention_check, retention_message


def retained_among(objs) -> list[str]:
    """Why each published document younger than six years, among the records and all that
    deleting them would delete with them, must be kept."""
    objs = list(objs)
    if not objs:
        return []
    collector = NestedObjects(using=router.db_for_write(type(objs[0])))
    collector.collect(objs)
    today = timezone.localdate()
    refusals = []
    for model, records in collector.data.items():
        if not issubclass(model, DOCUMENT_MODELS):
            continue
        for record in sorted(records, key=lambda record: record.pk):
            until = kept_until(record)
            if until is not None and today < until:
                refusals.append(retention_message(record, until))
    return refusals


class RetainedDocumentsAdmin:
    """Deleting a published document younger than six years, or what would delete one with
    it, is refused with the day it may be deleted (as the services refuse it)."""

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        return deleted, counts, perms_needed, [*protected, *retained_among(objs)]


class RetainedDocumentsFormSet(BaseInlineFormSet):
    """Rows ticked for deletion in an inline are refused as the delete page refuses them."""

    def clean(self) -> None:
        super().clean()
        refusals = []
        for form in self.deleted_forms:
            if form.instance.pk is None:
                continue
            try:
                retention_check(form.instance)
            except ValidationError as refusal:
                refusals.extend(refusal.messages)
        if refusals:
            raise ValidationError(refusals)


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    formset = RetainedDocumentsFormSet
    fields = ["position", "kind", "title", "report", "presenter", "is_exempt", "exempt_paragraph"]
    autocomplete_fields = ["report", "presenter"]
    show_change_link = True
    extra = 0


class AttendanceInline(admin.TabularInline):
    model = Attendance
    autocomplete_fields = ["person"]
    extra = 0


class DeclarationInline(admin.StackedInline):
    model = Declaration
    autocomplete_fields = ["agenda_item", "person", "interest"]
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(RetainedDocumentsAdmin, SimpleHistoryAdmin):
    list_display = ["board", "starts_at", "venue", "status", "minutes_status"]
    list_filter = ["board__partnership", "status", "minutes_status", "starts_at"]
    search_fields = ["board__name", "venue"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["board", "contact", "minutes_approved_at_meeting"]
    inlines = [AgendaItemInline, AttendanceInline, DeclarationInline]

    def get_queryset(self, request):
        # The board is part of every meeting's name, in lists and in autocomplete results.
        return super().get_queryset(request).select_related("board")


class AppendixInline(admin.TabularInline):
    model = Appendix
    formset = RetainedDocumentsFormSet
    extra = 0


@admin.register(Report)
class ReportAdmin(RetainedDocumentsAdmin, SimpleHistoryAdmin):
    list_display = ["title", "reference", "board", "classification", "is_key_decision"]
    list_filter = ["board__partnership", "classification", "is_key_decision"]
    search_fields = ["title", "reference", "report_by"]
    autocomplete_fields = ["board", "contact_officer"]
    list_select_related = ["board"]
    inlines = [AppendixInline]


@admin.register(Appendix)
class AppendixAdmin(RetainedDocumentsAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "report"]
    search_fields = ["title", "report__title"]
    autocomplete_fields = ["report"]
    list_select_related = ["report"]


@admin.register(AgendaItem)
class AgendaItemAdmin(RetainedDocumentsAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "kind", "is_exempt", "exempt_paragraph"]
    list_filter = ["meeting__board__partnership", "kind", "is_exempt", "themes"]
    search_fields = ["title", "meeting__board__name"]
    autocomplete_fields = ["meeting", "report", "presenter", "themes"]
    list_select_related = ["meeting__board"]


@admin.register(Attendance)
class AttendanceAdmin(SimpleHistoryAdmin):
    list_display = ["person", "meeting", "status", "capacity"]
    list_filter = ["meeting__board__partnership", "status"]
    search_fields = ["person__name", "meeting__board__name"]
    autocomplete_fields = ["meeting", "person"]
    list_select_related = ["person", "meeting__board"]


@admin.register(Declaration)
class DeclarationAdmin(SimpleHistoryAdmin):
    list_display = ["person", "kind", "meeting", "agenda_item", "left_the_meeting"]
    list_filter = ["meeting__board__partnership", "kind", "left_the_meeting"]
    search_fields = ["person__name", "description"]
    autocomplete_fields = ["meeting", "agenda_item", "person", "interest"]
    list_select_related = ["person", "meeting__board", "agenda_item"]


class MinuteAdminForm(forms.ModelForm):
    def validate_unique(self) -> None:
        super().validate_unique()
        # Minute.clean() sets the board and municipal year, which the form leaves out, so the
        # default exclusions would skip the numbering constraint that is stored on them.
        exclude = self._get_validation_exclusions() - {"board", "municipal_year"}
        try:
            self.instance.validate_constraints(exclude=exclude)
        except ValidationError as error:
            self._update_errors(error)


def _minutes_published(record) -> bool:
    """Whether the minute (or resolution) on this record belongs to published minutes."""
    minute = getattr(record, "minute", record)
    return minute is not None and minute.meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED


class PublishedMinutesLocked:
    """Published minutes change only by a recorded correction, never by editing them here."""

    def has_change_permission(self, request, obj=None) -> bool:
        return not _minutes_published(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return not _minutes_published(obj) and super().has_delete_permission(request, obj)


class ResolutionInline(PublishedMinutesLocked, admin.TabularInline):
    model = Resolution
    formset = RetainedDocumentsFormSet
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return not _minutes_published(obj) and super().has_add_permission(request, obj)


@admin.register(Minute)
class MinuteAdmin(RetainedDocumentsAdmin, PublishedMinutesLocked, SimpleHistoryAdmin):
    form = MinuteAdminForm
    list_display = ["__str__", "meeting", "municipal_year"]
    list_filter = ["board__partnership", "municipal_year"]
    search_fields = ["title", "body", "board__name"]
    autocomplete_fields = ["meeting", "agenda_item"]
    readonly_fields = ["board", "municipal_year"]
    list_select_related = ["meeting__board"]
    inlines = [ResolutionInline]


@admin.register(Resolution)
class ResolutionAdmin(RetainedDocumentsAdmin, PublishedMinutesLocked, SimpleHistoryAdmin):
    list_display = ["__str__", "minute", "text"]
    search_fields = ["text", "minute__title"]
    autocomplete_fields = ["minute"]
    list_select_related = ["minute"]


@admin.register(MinuteCorrection)
class MinuteCorrectionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "made_by", "agreed_at"]
    search_fields = ["reason", "minute__title", "made_by__name"]
    autocomplete_fields = ["minute", "made_by", "agreed_at"]
    list_select_related = ["minute", "made_by", "agreed_at__board"]


@admin.register(AgendaPack)
class AgendaPackAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Packs are requested and rendered by the agenda pack service, not made by hand."""

    list_display = ["meeting", "variant", "status", "page_count", "finished_at"]
    list_filter = ["meeting__board__partnership", "variant", "status"]
    search_fields = ["meeting__board__name"]
    list_select_related = ["meeting__board"]


@admin.register(RenderedSection)
class RenderedSectionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Pack sections are written by the renderer and reused while their content is unchanged."""

    list_display = ["__str__", "meeting", "page_count", "created_at"]
    list_filter = ["meeting__board__partnership"]
    search_fields = ["key", "meeting__board__name"]
    list_select_related = ["meeting__board"]


@admin.register(ProjectDecision)
class ProjectDecisionAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Decisions are written by the project approval services, with their meeting and resolution."""

    list_display = ["project", "step", "board", "decided_on"]
    list_filter = ["step", "decided_on"]
    search_fields = ["project__name", "board__name"]
    list_select_related = ["project", "board"]
