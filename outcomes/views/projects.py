"""A project's page: what it is, its delivery plan and its route through the boards."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Model
from django.shortcuts import get_object_or_404
from django.urls import path
from django.views.generic import DetailView

from outcomes.models import Project
from outcomes.resources import by_kind, contributions_to, pooled_budget


@dataclass(frozen=True)
class DecisionRow:
    """A step of the project's route, with what of its meeting this user may see."""

    decision: Model
    meeting_visible: bool
    resolution_visible: bool


class ProjectDetailView(DetailView):
    """A project, its milestones, the decisions of the boards on it and its framework."""

    model = Project
    template_name = "outcomes/projects/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None) -> Project:
        queryset = Project.objects.select_related(
            "partnership",
            "proposing_board__partnership",
            "lead_organisation",
            "lead_officer",
            "performance_framework__partnership",
        ).prefetch_related("outcomes__framework", "milestones")
        return get_object_or_404(
            queryset, partnership__slug=self.kwargs["partnership"], slug=self.kwargs["slug"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        decisions = self.object.decisions.select_related(
            "board", "meeting__board", "resolution__minute__agenda_item"
        )
        rows = [decision_row(decision, self.request.user) for decision in decisions]
        return super().get_context_data(
            decisions=rows,
            budget=pooled_budget(self.object),
            by_kind=by_kind(contributions_to(project=self.object)),
            **kwargs,
        )


def decision_row(decision: Model, user: AbstractBaseUser | AnonymousUser) -> DecisionRow:
    """A resolution is shown only to whom its minutes are, and an exempt item's only to whom
    exempt items are, so that the project page never leaks what the minutes keep back."""
    meeting, resolution = decision.meeting, decision.resolution
    resolution_visible = False
    if resolution is not None and user.has_perm("meetings.view_minutes", meeting):
        item = resolution.minute.agenda_item
        resolution_visible = (
            item is None or not item.is_exempt or user.has_perm("meetings.view_exempt_item", item)
        )
    return DecisionRow(
        decision=decision,
        meeting_visible=meeting is not None and user.has_perm("meetings.view_meeting", meeting),
        resolution_visible=resolution_visible,
    )


urlpatterns = [
    path(
        "<slug:partnership>/projects/<slug:slug>/",
        ProjectDetailView.as_view(),
        name="project_detail",
    ),
]
