"""Dashboards: a framework's indicators by theme, one theme's, and an indicator's own page."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path
from django.views.generic import DetailView, TemplateView

from outcomes.models import AreaForImprovement, DevelopmentAction, Indicator, OutcomeFramework
from outcomes.performance import framework_performance, indicator_performance
from outcomes.reporting import (
    IndicatorRow,
    explanation,
    indicator_chart,
    period_rows,
    rag_summary,
    theme_groups,
)
from outcomes.views.base import FrameworkLookupMixin
from partnership.models import Theme


class FrameworkMixin(FrameworkLookupMixin):
    """A page about one framework, found by its partnership's slug and its own."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(framework=self.framework, **kwargs)


class FrameworkDetailView(DetailView):
    """A framework's dashboard: its indicators by theme, then its development plan."""

    model = OutcomeFramework
    template_name = "outcomes/framework_detail.html"

    def get_object(self, queryset=None):
        actions = DevelopmentAction.objects.select_related(
            "remit_clause__board", "lead_board", "lead_person", "lead_organisation"
        ).order_by("reference")
        queryset = OutcomeFramework.objects.select_related("partnership").prefetch_related(
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

    def get_context_data(self, **kwargs):
        performances = framework_performance(self.object)
        return super().get_context_data(
            framework=self.object,
            summary=rag_summary(performances),
            groups=theme_groups(performances),
            performance_report=self.object.performance_reports.first(),
            **kwargs,
        )


class ThemeDashboardView(FrameworkMixin, TemplateView):
    """The indicators of one theme of a framework."""

    template_name = "outcomes/dashboards/theme_dashboard.html"

    def get_context_data(self, **kwargs):
        theme = get_object_or_404(
            Theme, partnership=self.framework.partnership, slug=self.kwargs["theme_slug"]
        )
        performances = framework_performance(self.framework, theme=theme)
        return super().get_context_data(
            theme=theme,
            summary=rag_summary(performances),
            groups=theme_groups(performances),
            **kwargs,
        )


class IndicatorDetailView(FrameworkMixin, TemplateView):
    """An indicator: its details, RAG status and trend explained, its chart and its data."""

    template_name = "outcomes/dashboards/indicator_detail.html"

    def get_context_data(self, **kwargs):
        indicator = get_object_or_404(
            Indicator.objects.select_related("outcome__theme", "lead_organisation", "lead_board"),
            outcome__framework=self.framework,
            pk=self.kwargs["pk"],
        )
        performance = indicator_performance(indicator)
        return super().get_context_data(
            indicator=indicator,
            row=IndicatorRow(performance),
            explanation=explanation(performance),
            chart=indicator_chart(performance, nonce=self.request.csp_nonce),
            periods=period_rows(performance),
            **kwargs,
        )


urlpatterns = [
    path(
        "<slug:partnership>/frameworks/<slug:slug>/",
        FrameworkDetailView.as_view(),
        name="framework_detail",
    ),
    path(
        "<slug:partnership>/frameworks/<slug:slug>/themes/<slug:theme_slug>/",
        ThemeDashboardView.as_view(),
        name="theme_dashboard",
    ),
    path(
        "<slug:partnership>/frameworks/<slug:slug>/indicators/<int:pk>/",
        IndicatorDetailView.as_view(),
        name="indicator_detail",
    ),
]
