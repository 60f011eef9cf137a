"""Circulating documents, links and consultations to boards' members by e-mail."""

from pathlib import PurePath

from django.contrib import messages
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import DetailView, ListView
from rules.contrib.views import PermissionRequiredMixin

from core.service_views import ServiceFormView
from governance.circulations import circulation_resend, circulation_send, document_filename
from governance.forms.circulations import CirculationForm
from governance.models import Board, Circulation
from governance.views.base import BoardLookupMixin
from partnership.rules import person_of

NOBODY_TO_RESEND_TO = _("Every member has been sent it: there is nobody to send it to again.")


class BoardMixin(BoardLookupMixin, PermissionRequiredMixin):
    """A page about a board's circulations, found by the partnership's and the board's slugs."""

    permission_required = "governance.view_circulations"

    def list_url(self) -> str:
        return reverse(
            "governance:circulation_list", args=[self.board.partnership.slug, self.board.slug]
        )


def circulations_of(board: Board):
    """Circulations sent to the board's members, whether from it or also to it."""
    received = Circulation.also_to.through.objects.filter(board=board).values("circulation_id")
    return Circulation.objects.filter(Q(board=board) | Q(pk__in=received))


class CirculationCreateView(BoardMixin, ServiceFormView):
    permission_required = "governance.circulate"
    form_class = CirculationForm
    template_name = "governance/circulations/circulation_form.html"
    heading = _("Circulate a document, link or consultation")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def act(self, form: CirculationForm) -> None:
        data = form.cleaned_data
        self.circulation = circulation_send(
            board=self.board,
            by=person_of(self.request.user),
            kind=data["kind"],
            title=data["title"],
            summary=data["summary"],
            link=data["link"],
            document=data["document"],
            respond_by=data["respond_by"],
            also_to=data.get("also_to", ()),
        )

    def success_message(self) -> str:
        count = self.circulation.recipients.count()
        return ngettext(
            "{circulation} is being sent to {count} member by e-mail.",
            "{circulation} is being sent to {count} members by e-mail.",
            count,
        ).format(circulation=self.circulation, count=count)

    def get_success_url(self) -> str:
        return reverse(
            "governance:circulation_detail",
            args=[self.board.partnership.slug, self.board.slug, self.circulation.pk],
        )

    def cancel_url(self) -> str:
        return self.list_url()


class CirculationListView(BoardMixin, ListView):
    """The board's past circulations, newest first, with how many members each reached."""

    template_name = "governance/circulations/circulation_list.html"
    context_object_name = "circulations"

    def get_queryset(self):
        return (
            circulations_of(self.board)
            .select_related("board", "circulated_by")
            .annotate(
                recipient_count=Count("recipients"),
                sent_count=Count("recipients", filter=Q(recipients__sent_at__isnull=False)),
            )
            .order_by("-created_at", "-pk")
        )


class CirculationMixin(BoardMixin):
    """One circulation, as seen from a board it went to; read by whoever received it."""

    permission_required = "governance.view_circulation"

    @cached_property
    def circulation(self) -> Circulation:
        queryset = circulations_of(self.board).select_related(
            "board__partnership", "circulated_by__organisation"
        )
        return get_object_or_404(queryset.prefetch_related("also_to"), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.circulation


class CirculationDetailView(CirculationMixin, DetailView):
    """What was circulated, by whom and when, and each member it went to or did not, and why."""

    template_name = "governance/circulations/circulation_detail.html"
    context_object_name = "circulation"

    def get_object(self, queryset=None) -> Circulation:
        return self.circulation

    def get_context_data(self, **kwargs):
        recipients = self.circulation.recipients.select_related("person__organisation")
        return super().get_context_data(
            recipients=recipients,
            unsent_count=sum(1 for recipient in recipients if recipient.sent_at is None),
            **kwargs,
        )


class CirculationResendView(CirculationMixin, View):
    """Sends the circulation again to the members it has not reached."""

    permission_required = "governance.circulate"

    def get_permission_object(self):
        return self.circulation.board

    def post(self, request: HttpRequest, **kwargs) -> HttpResponse:
        count = circulation_resend(circulation=self.circulation)
        if count:
            messages.success(
                request,
                ngettext(
                    "It is being sent again to {count} member not yet reached.",
                    "It is being sent again to {count} members not yet reached.",
                    count,
                ).format(count=count),
            )
        else:
            messages.error(request, NOBODY_TO_RESEND_TO)
        return redirect(
            "governance:circulation_detail",
            self.board.partnership.slug,
            self.board.slug,
            self.circulation.pk,
        )


class CirculationDocumentView(CirculationMixin, View):
    """The circulated document, for whoever may read the circulation (never a media URL)."""

    def get(self, request: HttpRequest, **kwargs) -> FileResponse:
        document = self.circulation.document
        if not document:
            raise Http404("This circulation has no document.")
        return FileResponse(
            document.open("rb"),
            as_attachment=PurePath(document.name).suffix != ".pdf",
            filename=document_filename(self.circulation),
        )


BOARD = "<slug:partnership>/boards/<slug:slug>/"
urlpatterns = [
    path(f"{BOARD}circulate/", CirculationCreateView.as_view(), name="circulation_create"),
    path(f"{BOARD}circulations/", CirculationListView.as_view(), name="circulation_list"),
    path(
        f"{BOARD}circulations/<int:pk>/",
        CirculationDetailView.as_view(),
        name="circulation_detail",
    ),
    path(
        f"{BOARD}circulations/<int:pk>/resend/",
        CirculationResendView.as_view(),
        name="circulation_resend",
    ),
    path(
        f"{BOARD}circulations/<int:pk>/document/",
        CirculationDocumentView.as_view(),
        name="circulation_document",
    ),
]
