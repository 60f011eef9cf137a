"""The REST API's addresses: /api/v1/ for the records, /api/schema/ and /api/docs/ for its
OpenAPI description, and /api/oauth/ for partner systems' tokens."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from oauth2_provider import views as oauth2_views
from rest_framework.routers import DefaultRouter

from core.api.views import not_found
from governance.api import views as governance
from meetings.api import views as meetings
from outcomes.api import views as outcomes
from partnership.api import views as partnership

router = DefaultRouter()
router.register("partnerships", partnership.PartnershipViewSet, basename="partnership")
router.register("organisations", partnership.OrganisationViewSet, basename="organisation")
router.register("people", partnership.PersonViewSet, basename="person")
router.register("boards", governance.BoardViewSet, basename="board")
router.register("memberships", governance.MembershipViewSet, basename="membership")
router.register("remit-clauses", governance.RemitClauseViewSet, basename="remit-clause")
router.register(
    "joint-appointments", governance.JointAppointmentViewSet, basename="joint-appointment"
)
router.register("engagement", governance.EngagementActivityViewSet, basename="engagement")
router.register("frameworks", outcomes.FrameworkViewSet, basename="framework")
router.register("outcomes", outcomes.OutcomeViewSet, basename="outcome")
router.register("indicators", outcomes.IndicatorViewSet, basename="indicator")
router.register("readings", outcomes.ReadingViewSet, basename="reading")
router.register(
    "development-actions", outcomes.DevelopmentActionViewSet, basename="development-action"
)
router.register("action-updates", outcomes.ActionUpdateViewSet, basename="action-update")
router.register("projects", outcomes.ProjectViewSet, basename="project")
router.register("contributions", outcomes.ContributionViewSet, basename="contribution")
router.register("meetings", meetings.MeetingViewSet, basename="meeting")
router.register("agenda-items", meetings.AgendaItemViewSet, basename="agenda-item")
router.register("reports", meetings.ReportViewSet, basename="report")
router.register("minutes", meetings.MinuteViewSet, basename="minute")

oauth2_urls = [
    path("token/", oauth2_views.TokenView.as_view(), name="token"),
    path("revoke/", oauth2_views.RevokeTokenView.as_view(), name="revoke-token"),
]

urlpatterns = [
    path("v1/", include((router.urls, "api"))),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI under the Content Security Policy: the split view serves its start-up script
    # as a file of its own (/api/docs/?script) and the page's one inline style carries the
    # nonce. No Redoc: its bundle writes <style> elements before it can be given the nonce.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="api/swagger_ui.html"
        ),
        name="api-docs",
    ),
    path("oauth/", include((oauth2_urls, "oauth2_provider"))),
    re_path(r"^(?P<path>[\s\S]*)$", not_found),
]
