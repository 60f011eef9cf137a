"""Generating agenda packs and the minutes PDF, and downloading them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from meetings.models import AgendaPack, Meeting
from meetings.packs.minutes import minutes_pdf
from meetings.services.packs import agenda_pack_request, agenda_pack_retry
from meetings.views.base import MeetingMixin
from partnership.rules import person_of

# What each pack's file is called: its name is the same whatever language the reader reads.
PACK_NAMES = {
    AgendaPack.Variant.PUBLIC: "public agenda pack",
    AgendaPack.Variant.MEMBERS: "members' agenda pack",
}
BEING_GENERATED = {
    AgendaPack.Variant.PUBLIC: _("The public agenda pack is being generated."),
    AgendaPack.Variant.MEMBERS: _("The members' agenda pack is being generated."),
}


def _file_name(meeting: Meeting, what: str) -> str:
    held_on = timezone.localtime(meeting.starts_at)
    return f"{slugify(f'{meeting.board.name} {held_on:%Y-%m-%d} {what}')}.pdf"


def _panel_url(meeting: Meeting) -> str:
    return f"{meeting.get_absolute_url()}#agenda-pack"


class PackPanelView(MeetingMixin, TemplateView):
    """The meeting page's pack panel on its own, for the page to poll while a pack renders."""

    permission_required = "meetings.view_meeting"
    template_name = "meetings/includes/pack_panel.html"


class PackRequestView(MeetingMixin, View):
    """Asks for a pack of the agenda for one audience."""

    permission_required = "meetings.request_agenda_pack"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        variant = request.POST.get("variant", "")
        try:
            agenda_pack_request(meeting=self.meeting, variant=variant, by=person_of(request.user))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, BEING_GENERATED[variant])
        return redirect(_panel_url(self.meeting))


class PackMixin(PermissionRequiredMixin):
    @cached_property
    def pack(self) -> AgendaPack:
        return get_object_or_404(
            AgendaPack.objects.select_related("meeting__board__partnership"), pk=self.kwargs["pk"]
        )

    def get_permission_object(self) -> AgendaPack:
        return self.pack


class PackRetryView(PackMixin, View):
    """Tries a failed pack again."""

    permission_required = "meetings.request_agenda_pack"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            agenda_pack_retry(pack=self.pack)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, BEING_GENERATED[self.pack.variant])
        return redirect(_panel_url(self.pack.meeting))


class PackDownloadView(PackMixin, View):
    """Streams a ready pack from storage to those who may read it; never a public file URL."""

    permission_required = "meetings.view_pack"

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        pack = self.pack
        if pack.status != AgendaPack.Status.READY:
            raise Http404("This pack is not ready.")
        return FileResponse(
            pack.file.open("rb"),
            as_attachment=True,
            filename=_file_name(pack.meeting, PACK_NAMES[pack.variant]),
            content_type="application/pdf",
        )


class MinutesPdfView(MeetingMixin, View):
    """The meeting's minutes as a PDF; exempt minutes only for those who may see them."""

    permission_required = "meetings.view_minutes"

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        meeting = self.meeting
        if not meeting.minutes.exists():
            raise Http404("These minutes have not been written yet.")
        exempt_items = meeting.agenda_items.filter(is_exempt=True).select_related("meeting")
        include_exempt = all(
            request.user.has_perm("meetings.view_exempt_item", item) for item in exempt_items
        )
        rendered = minutes_pdf(meeting, include_exempt=include_exempt)
        return FileResponse(
            rendered.file.open("rb"),
            as_attachment=True,
            filename=_file_name(meeting, "minutes"),
            content_type="application/pdf",
        )


urlpatterns = [
    path("<int:pk>/pack/", PackPanelView.as_view(), name="pack_panel"),
    path("<int:pk>/pack/generate/", PackRequestView.as_view(), name="pack_request"),
    path("packs/<int:pk>/retry/", PackRetryView.as_view(), name="pack_retry"),
    path("packs/<int:pk>/download/", PackDownloadView.as_view(), name="pack_download"),
    path("<int:pk>/minutes.pdf", MinutesPdfView.as_view(), name="minutes_pdf"),
]
