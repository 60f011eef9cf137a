"""Performance reports: asking the worker for one, following it, downloading it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views import View
from rules.contrib.views import PermissionRequiredMixin

from outcomes.models import OutcomeFramework, PerformanceReport
from outcomes.services.reports import performance_report_request
from outcomes.views.base import FrameworkLookupMixin

REPORT_QUEUED = _("The performance report is being produced. Refresh the page in a minute.")


class FrameworkPermissionMixin(FrameworkLookupMixin, PermissionRequiredMixin):
    def get_permission_object(self) -> OutcomeFramework:
        return self.framework


class PerformanceReportRequestView(FrameworkPermissionMixin, View):
    """Asks the worker for a performance report of the framework as of today."""

    permission_required = "outcomes.change_framework"

    def post(self, request: HttpRequest, **kwargs) -> HttpResponse:
        try:
            performance_report_request(framework=self.framework, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, REPORT_QUEUED)
        return redirect(f"{self.framework.get_absolute_url()}#performance-report")


class PerformanceReportFileView(FrameworkPermissionMixin, View):
    """Streams a ready performance report from storage; frameworks are public."""

    permission_required = "outcomes.view_framework"

    def get(self, request: HttpRequest, **kwargs) -> FileResponse:
        report = get_object_or_404(
            PerformanceReport,
            framework=self.framework,
            pk=self.kwargs["pk"],
            status=PerformanceReport.Status.READY,
        )
        name = slugify(f"{self.framework} performance report {report.as_of:%Y-%m-%d}")
        return FileResponse(
            report.file.open("rb"),
            as_attachment=True,
            filename=f"{name}.pdf",
            content_type="application/pdf",
        )


urlpatterns = [
    path(
        "<slug:partnership>/frameworks/<slug:slug>/performance-reports/",
        PerformanceReportRequestView.as_view(),
        name="performance_report_request",
    ),
    path(
        "<slug:partnership>/frameworks/<slug:slug>/performance-reports/<int:pk>.pdf",
        PerformanceReportFileView.as_view(),
        name="performance_report_file",
    ),
]
