"""The framework dashboard."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path
from django.views.generic import DetailView

from outcomes.models import AreaForImprovement, DevelopmentAction, OutcomeFramework


class FrameworkDetailView(DetailView):
    """An outcome framework: its themes, outcomes and indicators, and its development plan."""

    model = OutcomeFramework
    template_name = "outcomes/framework_detail.html"

    def get_object(self, queryset=None):
        actions = DevelopmentAction.objects.select_related(
            "remit_clause__board", "lead_board", "lead_person", "lead_organisation"
        ).order_by("reference")
        queryset = OutcomeFramework.objects.select_related("partnership").prefetch_related(
            "themes",
            "outcomes__theme",
            "outcomes__indicators",
            Prefetch(
                "areas_for_improvement",
                queryset=AreaForImprovement.objects.prefetch_related(
                    Prefetch("actions", queryset=actions)
                ),
            ),
        )
        return get_object_or_404(
            queryset, partnership__slug=self.kwargs["partnership"], slug=self.kwargs["slug"]
        )


urlpatterns = [
    path(
        "<slug:partnership>/frameworks/<slug:slug>/",
        FrameworkDetailView.as_view(),
        name="framework_detail",
    ),
]
