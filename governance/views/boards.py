"""A board's page, and officers adding and changing boards."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView
from rules.contrib.views import PermissionRequiredMixin

from core.service_views import ServiceFormView
from governance.forms.boards import BoardForm
from governance.models import Board, BoardMembership
from governance.services import board_save
from governance.views.base import BoardLookupMixin
from partnership.lookups import PartnershipLookupMixin


class BoardDetailView(DetailView):
    """A board: its place in the structure, remit, current members and meetings."""

    model = Board
    template_name = "governance/board_detail.html"

    def get_object(self, queryset=None):
        queryset = Board.objects.select_related("partnership", "reports_to", "theme")
        queryset = queryset.prefetch_related(
            "cross_cutting_themes",
            "remit_clauses",
            "reporting_boards",
            "scrutinises",
            "scrutinised_by",
            "meetings",
            Prefetch(
                "memberships",
                queryset=BoardMembership.objects.current().select_related("person", "organisation"),
                to_attr="current_memberships",
            ),
        )
        return get_object_or_404(
            queryset, partnership__slug=self.kwargs["partnership"], slug=self.kwargs["slug"]
        )


class BoardCreateView(PartnershipLookupMixin, PermissionRequiredMixin, ServiceFormView):
    # A board not yet made has no record to ask about: those who may edit the partnership's
    # records may add one.
    permission_required = "partnership.edit_records"
    form_class = BoardForm
    template_name = "governance/board_form.html"
    heading = _("Add a board")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partnership": self.partnership}

    def act(self, form) -> None:
        self.board = board_save(
            board=Board(partnership=self.partnership), by=self.request.user, **form.cleaned_data
        )

    def success_message(self) -> str:
        return gettext("{board} has been added.").format(board=self.board)

    def get_success_url(self) -> str:
        return self.board.get_absolute_url()

    def cancel_url(self) -> str:
        return self.partnership.get_absolute_url()


class BoardEditView(BoardLookupMixin, PermissionRequiredMixin, ServiceFormView):
    permission_required = "governance.change_board"
    form_class = BoardForm
    template_name = "governance/board_form.html"
    heading = _("Edit the board")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "partnership": self.board.partnership,
            "board": self.board,
        }

    def act(self, form) -> None:
        board_save(board=self.board, by=self.request.user, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("{board} has been changed.").format(board=self.board)

    def get_success_url(self) -> str:
        return self.board.get_absolute_url()

    def cancel_url(self) -> str:
        return self.board.get_absolute_url()


urlpatterns = [
    path("<slug:partnership>/boards/new/", BoardCreateView.as_view(), name="board_create"),
    path(
        "<slug:partnership>/boards/<slug:slug>/edit/",
        BoardEditView.as_view(),
        name="board_edit",
    ),
    path(
        "<slug:partnership>/boards/<slug:slug>/",
        BoardDetailView.as_view(),
        name="board_detail",
    ),
]
