"""The history of changes to frameworks, indicators, development actions and projects, each
shown to whoever may see the record itself."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from core.history_views import history_paths
from outcomes.models import DevelopmentAction, Indicator, OutcomeFramework, Project
from outcomes.views.actions import action_url

FRAMEWORK = "<slug:partnership>/frameworks/<slug:slug>/"


def find_framework(request, *, partnership: str, slug: str, **_) -> OutcomeFramework:
    return get_object_or_404(
        OutcomeFramework.objects.select_related("partnership"),
        partnership__slug=partnership,
        slug=slug,
    )


def find_indicator(request, *, partnership: str, slug: str, pk: int, **_) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("outcome__framework__partnership"),
        outcome__framework__partnership__slug=partnership,
        outcome__framework__slug=slug,
        pk=pk,
    )


def find_action(request, *, partnership: str, pk: int, **_) -> DevelopmentAction:
    return get_object_or_404(
        DevelopmentAction.objects.select_related("partnership"),
        partnership__slug=partnership,
        pk=pk,
    )


def find_project(request, *, partnership: str, slug: str, **_) -> Project:
    return get_object_or_404(
        Project.objects.select_related("partnership"), partnership__slug=partnership, slug=slug
    )


def indicator_url(indicator: Indicator) -> str:
    framework = indicator.outcome.framework
    return reverse(
        "outcomes:indicator_detail",
        args=[framework.partnership.slug, framework.slug, indicator.pk],
    )


urlpatterns = [
    *history_paths(
        f"{FRAMEWORK}history/",
        "framework_history",
        find_record=find_framework,
        permission_required="outcomes.view_framework",
    ),
    *history_paths(
        f"{FRAMEWORK}indicators/<int:pk>/history/",
        "indicator_history",
        find_record=find_indicator,
        permission_required="outcomes.view_framework",
        record_url=indicator_url,
    ),
    *history_paths(
        "<slug:partnership>/actions/<int:pk>/history/",
        "action_history",
        find_record=find_action,
        permission_required="outcomes.view_action",
        record_url=action_url,
    ),
    *history_paths(
        "<slug:partnership>/projects/<slug:slug>/history/",
        "project_history",
        find_record=find_project,
        permission_required="outcomes.view_project",
    ),
]
