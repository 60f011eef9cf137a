"""A board's page."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path
from django.views.generic import DetailView

from governance.models import Board, BoardMembership


class BoardDetailView(DetailView):
    """A board: its place in the structure, remit, current members and meetings."""

    model = Board
    template_name = "governance/board_detail.html"

    def get_object(self, queryset=None):
        queryset = Board.objects.select_related("partnership", "reports_to", "theme")
        queryset = queryset.prefetch_related(
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


urlpatterns = [
    path(
        "<slug:partnership>/boards/<slug:slug>/",
        BoardDetailView.as_view(),
        name="board_detail",
    ),
]
