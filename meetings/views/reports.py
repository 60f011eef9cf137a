"""Writing reports: the cover sheet, a Word upload for the body, and appendices."""

from pathlib import PurePath
from typing import NamedTuple

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from core.html import number_paragraphs, sanitise_html
from meetings.exemptions import exemption_notice
from meetings.forms.reports import (
    AppendixForm,
    ConfirmationForm,
    ReportForm,
    ReportWordForm,
)
from meetings.models import AgendaItem, Appendix, Report
from meetings.services.reports import (
    appendix_add,
    appendix_remove,
    report_create,
    report_import_docx,
    report_update,
)
from meetings.views.base import BoardMixin, ServiceFormView

# Those who may schedule a board's meetings (its partnership's officers, its chair and its
# clerk) write its reports: the people meetings.change_meeting names, but for a board.
EDIT_REPORTS = "meetings.schedule_meeting"

# Sections before the numbered paragraphs, in the order the reports print them; then those
# whose paragraphs are numbered on from one section to the next, from Key considerations on
# (1 to 17 in the Engagement Framework report), as agenda packs number them too.
OPENING_SECTIONS = [
    ("recommendations", _("Recommendations")),
    ("key_points_summary", _("Key points summary")),
    ("alternative_options", _("Alternative options")),
    ("reasons_for_recommendations", _("Reasons for recommendations")),
    ("introduction_and_background", _("Introduction and background")),
]
NUMBERED_SECTIONS = [
    ("key_considerations", _("Key considerations")),
    ("community_impact", _("Community impact")),
    ("financial_implications", _("Financial implications")),
    ("legal_implications", _("Legal implications")),
    ("risk_management", _("Risk management")),
    ("consultees", _("Consultees")),
]


class Section(NamedTuple):
    heading: str
    html: SafeString


def cover_sheet(report: Report) -> list[Section]:
    """The sections of a report's cover sheet that have content, in order, paragraphs numbered."""

    def rich_text(name: str) -> SafeString:
        # Safe to mark: sanitised, and numbering adds only its own markup.
        return mark_safe(sanitise_html(getattr(report, name)))

    key_decision = report.key_decision_note or (
        gettext("This is a key decision")
        if report.is_key_decision
        else gettext("This is not a key decision")
    )
    sections = [
        Section(gettext("Purpose"), rich_text("purpose")),
        Section(gettext("Key decision"), format_html("<p>{}</p>", key_decision)),
        *(Section(heading, rich_text(name)) for name, heading in OPENING_SECTIONS),
    ]
    number = 1
    for name, heading in NUMBERED_SECTIONS:
        html, number = number_paragraphs(rich_text(name), number)
        sections.append(Section(heading, mark_safe(html)))
    return [section for section in sections if section.html]


def agenda_item_of(report: Report) -> AgendaItem | None:
    return (
        AgendaItem.objects.filter(report=report)
        .select_related("meeting__board__partnership")
        .first()
    )


def may_view_report(user, report: Report) -> bool:
    """A report on an agenda is seen as its item is; one not yet on an agenda, by its writers."""
    item = agenda_item_of(report)
    if item is None:
        return user.has_perm(EDIT_REPORTS, report.board)
    is_exempt = item.is_exempt or report.classification == Report.Classification.EXEMPT
    return user.has_perm("meetings.view_exempt_item" if is_exempt else "meetings.view_item", item)


class ReportMixin(PermissionRequiredMixin):
    """A view of one report, open to those who write the board's reports unless it says not."""

    permission_required = EDIT_REPORTS

    @cached_property
    def report(self) -> Report:
        return get_object_or_404(
            Report.objects.select_related("board__partnership", "contact_officer"),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self):
        return self.report.board

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, board=self.report.board, **kwargs)

    def get_success_url(self) -> str:
        return reverse("meetings:report_detail", args=[self.report.pk])

    def cancel_url(self) -> str:
        return self.get_success_url()


class ReportListView(BoardMixin, TemplateView):
    """A board's reports, newest first, and whether each is on an agenda yet."""

    permission_required = EDIT_REPORTS
    template_name = "meetings/reports/report_list.html"

    def get_context_data(self, **kwargs):
        reports = Report.objects.filter(board=self.board).select_related("agenda_item__meeting")
        return super().get_context_data(board=self.board, reports=reports, **kwargs)


class ReportCreateView(BoardMixin, ServiceFormView):
    permission_required = EDIT_REPORTS
    form_class = ReportForm
    template_name = "meetings/reports/report_form.html"

    @property
    def heading(self) -> str:
        return gettext("Write a report to {board}").format(board=self.board)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board, "button": gettext("Save report")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=self.board, **kwargs)

    def act(self, form) -> None:
        self.report = report_create(board=self.board, fields=form.cleaned_data)

    def success_message(self) -> str:
        return gettext("The report, {report}, has been saved.").format(report=self.report)

    def get_success_url(self) -> str:
        return reverse("meetings:report_detail", args=[self.report.pk])


class ReportEditView(ReportMixin, ServiceFormView):
    form_class = ReportForm
    template_name = "meetings/reports/report_form.html"
    heading = _("Change the report")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": self.report,
            "board": self.report.board,
            "button": gettext("Save changes"),
        }

    def act(self, form) -> None:
        report_update(report=self.report, fields=form.cleaned_data)

    def success_message(self) -> str:
        return gettext("The report has been changed.")


class ReportDetailView(ReportMixin, TemplateView):
    """A report's cover sheet in the order it is printed, with its text and appendices."""

    template_name = "meetings/reports/report_detail.html"

    def has_permission(self) -> bool:
        return may_view_report(self.request.user, self.report)

    def get_context_data(self, **kwargs):
        item = agenda_item_of(self.report)
        nation = self.report.board.partnership.nation
        return super().get_context_data(
            item=item,
            meeting=item.meeting if item else None,
            exemption_notice=exemption_notice(nation, item.exempt_paragraph)
            if item and item.is_exempt
            else "",
            sections=cover_sheet(self.report),
            appendices=self.report.appendices.all(),
            can_edit=self.request.user.has_perm(EDIT_REPORTS, self.report.board),
            can_view_history=self.request.user.has_perm(
                "meetings.view_report_history", self.report
            ),
            **kwargs,
        )


class ReportWordUploadView(ReportMixin, ServiceFormView):
    form_class = ReportWordForm
    template_name = "meetings/reports/word_upload.html"
    heading = _("Upload the report from Word")

    def act(self, form) -> None:
        report_import_docx(report=self.report, upload=form.cleaned_data["document"])

    def success_message(self) -> str:
        return gettext("The report text now comes from the Word document.")


class AppendixAddView(ReportMixin, ServiceFormView):
    form_class = AppendixForm
    template_name = "meetings/reports/appendix_form.html"
    heading = _("Add an appendix")

    def act(self, form) -> None:
        self.appendix = appendix_add(
            report=self.report,
            label=form.cleaned_data["label"],
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["document"],
            body=form.cleaned_data["body"],
        )

    def success_message(self) -> str:
        return gettext("{appendix} has been added.").format(appendix=self.appendix)


class AppendixMixin(ReportMixin):
    @cached_property
    def appendix(self) -> Appendix:
        return get_object_or_404(Appendix, report=self.report, pk=self.kwargs["appendix_pk"])


class AppendixRemoveView(AppendixMixin, ServiceFormView):
    form_class = ConfirmationForm
    template_name = "meetings/reports/appendix_remove.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "button": gettext("Remove appendix"), "warning": True}

    @property
    def heading(self) -> str:
        return gettext("Remove appendix {label}, {title}?").format(
            label=self.appendix.label, title=self.appendix.title
        )

    def act(self, form) -> None:
        appendix_remove(appendix=self.appendix)

    def success_message(self) -> str:
        return gettext("{appendix} has been removed.").format(appendix=self.appendix)


class AppendixFileView(AppendixMixin, View):
    """An appendix's uploaded file, for whoever may read the report."""

    def has_permission(self) -> bool:
        return may_view_report(self.request.user, self.report)

    def get(self, request, *args, **kwargs):
        if not self.appendix.file:
            raise Http404("This appendix has no file.")
        suffix = PurePath(self.appendix.file.name).suffix
        return FileResponse(
            self.appendix.file.open("rb"),
            as_attachment=suffix != ".pdf",
            filename=f"Appendix {self.appendix.label} {self.appendix.title}{suffix}",
        )


class ReportSourceView(ReportMixin, View):
    """The Word document a report's text came from; for its writers only, as a Word file may
    hold tracked changes and comments that were never part of the report."""

    def get(self, request, *args, **kwargs):
        if not self.report.source_document:
            raise Http404("This report was not uploaded from Word.")
        return FileResponse(
            self.report.source_document.open("rb"),
            as_attachment=True,
            filename=f"{self.report.title}.docx",
        )


urlpatterns = [
    path("boards/<int:board_pk>/reports/", ReportListView.as_view(), name="report_list"),
    path("boards/<int:board_pk>/reports/add/", ReportCreateView.as_view(), name="report_create"),
    path("reports/<int:pk>/", ReportDetailView.as_view(), name="report_detail"),
    path("reports/<int:pk>/edit/", ReportEditView.as_view(), name="report_edit"),
    path("reports/<int:pk>/word/", ReportWordUploadView.as_view(), name="report_word_upload"),
    path("reports/<int:pk>/word/source/", ReportSourceView.as_view(), name="report_source"),
    path("reports/<int:pk>/appendices/add/", AppendixAddView.as_view(), name="appendix_add"),
    path(
        "reports/<int:pk>/appendices/<int:appendix_pk>/remove/",
        AppendixRemoveView.as_view(),
        name="appendix_remove",
    ),
    path(
        "reports/<int:pk>/appendices/<int:appendix_pk>/file/",
        AppendixFileView.as_view(),
        name="appendix_file",
    ),
]
