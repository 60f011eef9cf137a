"""The outcomes endpoints: public records, and the two writes partner systems make."""

import rules
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api.pagination import CursorPagePagination
from outcomes.api.filters import (
    ActionUpdateFilter,
    ContributionFilter,
    DevelopmentActionFilter,
    FrameworkFilter,
    IndicatorFilter,
    OutcomeFilter,
    ProjectFilter,
    ReadingFilter,
)
from outcomes.api.serializers import (
    ActionUpdateEntrySerializer,
    ActionUpdateSerializer,
    ContributionSerializer,
    DevelopmentActionSerializer,
    FrameworkSerializer,
    IndicatorSerializer,
    OutcomeSerializer,
    ProjectSerializer,
    ReadingEntrySerializer,
    ReadingSerializer,
    ReadingsRecorded,
)
from outcomes.models import (
    ActionUpdate,
    Contribution,
    DevelopmentAction,
    Indicator,
    Outcome,
    OutcomeFramework,
    Project,
    Reading,
    Target,
)
from outcomes.services.actions import action_update_add, partnership_people
from outcomes.services.readings import ReadingEntry, ReadingsInvalid, readings_upsert
from partnership.api.views import AudienceViewSet
from partnership.models import Partnership, PartnerSystem

MAX_READINGS_PER_REQUEST = 5000
NOT_A_LIST = "Send a JSON list of readings, even of one."
NO_PERSON = "Your account is not linked to a person, so it cannot report progress."
AUTHOR_REQUIRED = "A partner system names the person reporting, by their id."
AUTHOR_IS_YOU = "A signed-in user reports progress as themselves: leave out the author."
AUTHOR_ELSEWHERE = "There is no person {id} in this partnership."
MAY_NOT_UPDATE = "You may not report progress on this action."


class FrameworkViewSet(AudienceViewSet):
    serializer_class = FrameworkSerializer
    filterset_class = FrameworkFilter
    ordering_fields = ["starts_on", "name"]
    ordering = ["partnership_id", "-starts_on", "id"]

    def visible_to(self, audience):
        frameworks = OutcomeFramework.objects.select_related("partnership").prefetch_related(
            "themes"
        )
        return audience.in_scope(frameworks, "partnership")


class OutcomeViewSet(AudienceViewSet):
    serializer_class = OutcomeSerializer
    filterset_class = OutcomeFilter
    ordering_fields = ["number"]
    ordering = ["framework_id", "number"]

    def visible_to(self, audience):
        outcomes = Outcome.objects.select_related("theme").prefetch_related("cross_cutting_themes")
        return audience.in_scope(outcomes, "framework__partnership")


class IndicatorViewSet(AudienceViewSet):
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter
    ordering_fields = ["code", "id"]
    ordering = ["id"]

    def visible_to(self, audience):
        indicators = Indicator.objects.select_related("outcome").prefetch_related(
            Prefetch("targets", Target.objects.order_by("period_start"))
        )
        return audience.in_scope(indicators, "outcome__framework__partnership")


class ReadingViewSet(AudienceViewSet):
    """Readings, and the bulk write that records them by indicator and period."""

    serializer_class = ReadingSerializer
    filterset_class = ReadingFilter
    pagination_class = CursorPagePagination
    ordering_fields = ["id", "period_start"]
    ordering = ["-id"]

    def visible_to(self, audience):
        return audience.in_scope(
            Reading.objects.all(), "indicator__outcome__framework__partnership"
        )

    @extend_schema(
        summary="Record readings (bulk, idempotent)",
        description=(
            "Creates or updates readings by their natural key, the indicator and the start of "
            "the period. All entries are saved, or none: an error names the entry by its "
            f"index in the list. At most {MAX_READINGS_PER_REQUEST} entries a request."
        ),
        request=ReadingEntrySerializer(many=True),
        responses={200: ReadingsRecorded, 201: ReadingsRecorded},
    )
    def create(self, request, format=None):
        if not isinstance(request.data, list):
            raise exceptions.ValidationError({"non_field_errors": [NOT_A_LIST]})
        entries = serializers.ListSerializer(
            child=ReadingEntrySerializer(),
            data=request.data,
            allow_empty=False,
            max_length=MAX_READINGS_PER_REQUEST,
        )
        entries.is_valid(raise_exception=True)
        rows = [ReadingEntry(**entry) for entry in entries.validated_data]
        try:
            result = readings_upsert(
                entries=rows,
                indicators=_indicators_writable_by(request.user, rows),
                by=request.user if not isinstance(request.user, PartnerSystem) else None,
            )
        except ReadingsInvalid as invalid:
            raise exceptions.ValidationError(
                {str(index): fields for index, fields in invalid.errors_by_entry.items()}
            ) from invalid
        answer = ReadingsRecorded({"created": result.created, "updated": result.updated}).data
        return Response(answer, status=status.HTTP_201_CREATED if result.created else 200)

    def get_permissions(self):
        if self.action == "create":
            return [IsAuthenticated(), *super().get_permissions()]
        return super().get_permissions()


def _indicators_writable_by(principal, entries: list[ReadingEntry]):
    """The indicators named by the entries whose partnership the principal may write to."""
    named = Partnership.objects.filter(
        frameworks__outcomes__indicators__in={entry.indicator for entry in entries}
    ).distinct()
    allowed = [p.pk for p in named if rules.has_perm("partnership.api_write", principal, p)]
    return Indicator.objects.filter(outcome__framework__partnership__in=allowed)


class DevelopmentActionViewSet(AudienceViewSet):
    serializer_class = DevelopmentActionSerializer
    filterset_class = DevelopmentActionFilter
    pagination_class = CursorPagePagination
    ordering_fields = ["id", "deadline"]
    ordering = ["id"]

    def visible_to(self, audience):
        return audience.in_scope(DevelopmentAction.objects.all(), "partnership")

    @extend_schema(
        summary="Report progress on the action",
        request=ActionUpdateEntrySerializer,
        responses={201: ActionUpdateSerializer},
    )
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def updates(self, request, pk=None, format=None):
        development_action = self.get_object()
        if not rules.has_perm("outcomes.update_action", request.user, development_action):
            raise exceptions.PermissionDenied(MAY_NOT_UPDATE)
        entry = ActionUpdateEntrySerializer(data=request.data)
        entry.is_valid(raise_exception=True)
        fields = dict(entry.validated_data)
        author = _author(request.user, development_action, fields.pop("author", None))
        update = action_update_add(action=development_action, author=author, **fields)
        return Response(ActionUpdateSerializer(update).data, status=status.HTTP_201_CREATED)


def _author(principal, development_action, author_id: int | None):
    """Who reports: a signed-in user themselves; for a partner system, a person it names."""
    if not isinstance(principal, PartnerSystem):
        person = getattr(principal, "person", None)
        if person is None:
            raise exceptions.PermissionDenied(NO_PERSON)
        if author_id is not None and author_id != person.pk:
            raise exceptions.ValidationError({"author": [AUTHOR_IS_YOU]})
        return person
    if author_id is None:
        raise exceptions.ValidationError({"author": [AUTHOR_REQUIRED]})
    author = partnership_people(development_action.partnership).filter(pk=author_id).first()
    if author is None:
        raise exceptions.ValidationError({"author": [AUTHOR_ELSEWHERE.format(id=author_id)]})
    return author


class ActionUpdateViewSet(AudienceViewSet):
    serializer_class = ActionUpdateSerializer
    filterset_class = ActionUpdateFilter
    pagination_class = CursorPagePagination
    ordering_fields = ["id", "written_on"]
    ordering = ["-id"]

    def visible_to(self, audience):
        return audience.in_scope(ActionUpdate.objects.all(), "action__partnership")


class ProjectViewSet(AudienceViewSet):
    serializer_class = ProjectSerializer
    filterset_class = ProjectFilter
    ordering_fields = ["name"]
    ordering = ["partnership_id", "name"]

    def visible_to(self, audience):
        projects = Project.objects.select_related("partnership").prefetch_related("outcomes")
        return audience.in_scope(projects, "partnership")


class ContributionViewSet(AudienceViewSet):
    serializer_class = ContributionSerializer
    filterset_class = ContributionFilter
    ordering_fields = ["financial_year", "amount"]
    ordering = ["id"]

    def visible_to(self, audience):
        return audience.in_scope(Contribution.objects.all(), "partnership")
